"""Raises disputes through the web form as fast as N clients can, for a number of seconds, and
prints the rate: figures for docs/benchmarks.md, not a test. Each client signs in as a demo
practitioner, then repeatedly opens the raise form and posts it, as a browser would.

    python3 Benchmarks/http/raise_over_http.py http://127.0.0.1:8098 --clients 8 --seconds 20
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "Tests" / "Deployment"))
from web import Client, demo_email, raise_fields  # noqa: E402

# Eight accounts, one a client: signing in again elsewhere ends an account's earlier session.
RAISERS = [demo_email(local, slug) for slug in ("oldham", "coventry")
           for local in ("practitioner.csc", "practitioner.health", "line-manager.csc", "line-manager.health")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=20)
    arguments = parser.parse_args()
    if not 1 <= arguments.clients <= len(RAISERS):
        parser.error(f"--clients must be from 1 to {len(RAISERS)}, one demo account each")
    clients = []
    for number in range(arguments.clients):
        client = Client(arguments.base)
        address = RAISERS[number]
        assert client.sign_in(address).status == 303, f"signing in as {address}"
        clients.append((client, address.split("@")[1].split(".")[0]))
    raised = [0] * len(clients)
    refused: list[str] = []
    start = threading.Barrier(len(clients) + 1)
    deadline = 0.0

    def run(number: int) -> None:
        client, slug = clients[number]
        start.wait()
        while time.monotonic() < deadline:
            form = client.get(f"/disputes/new/{slug}")
            if form.status != 200:
                refused.append(f"the form: {form.status} {form.location}")
                continue
            answer = client.post(f"/disputes/new/{slug}", raise_fields(form, f"Volume Child {number}"))
            if answer.status == 303 and answer.cookies.get("concord-notice") == "raised":
                raised[number] += 1
            else:
                refused.append(f"{answer.status} {answer.location}")

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + arguments.seconds
    began = time.monotonic()
    start.wait()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    total = sum(raised)
    print(f"{arguments.clients} clients raised {total} disputes in {elapsed:.1f} s: {total / elapsed:.0f} a second"
          + (f"; {len(refused)} refused, first: {refused[0]}" if refused else ""))


if __name__ == "__main__":
    main()
