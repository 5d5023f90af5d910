"""Several `concord serve` processes on one PostgreSQL database, behind nginx (issue 12).

The tests run in this order on one pair of servers (conftest.py): started together on an empty
database, they migrate and seed it once; nginx alternates between
them; a session signed in on one works on the other; a form posted to one and again to the
other takes effect once; concurrent raises through nginx lose nothing and double nothing; both
servers' deadline watches send every message once; one client's failed sign-ins behind nginx
lock out that client alone; and both servers stop cleanly on SIGTERM."""

from __future__ import annotations

import datetime as dt
import email
import itertools
import json
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from email import policy

from conftest import Cluster
from web import DISPUTE_PATH, Client, demo_email, raise_fields

PRACTITIONER = demo_email("practitioner.csc", "oldham")
RAISERS = [demo_email(local, slug) for slug in ("oldham", "coventry")
           for local in ("practitioner.csc", "practitioner.health")]


def logged(cluster: Cluster) -> int:
    """How many requests nginx's access log holds."""
    return len(cluster.access_log.read_text().splitlines())


def upstreams(cluster: Cluster, after: int, count: int) -> list[str]:
    """The servers nginx sent `count` requests to, after the first `after` in its log. nginx
    writes a request's line once it has answered, so the last may not be there yet."""
    deadline = time.monotonic() + 10
    while True:
        lines = cluster.access_log.read_text().splitlines()
        if len(lines) >= after + count or time.monotonic() > deadline:
            return [line.split()[-1] for line in lines[after:after + count]]
        time.sleep(0.05)


def port_of(address: str) -> str:
    """The port of a base URL or of a `host:port` address."""
    return address.rsplit(":", 1)[1]


def test_servers_started_together_on_an_empty_database_migrate_and_seed_it_once(cluster: Cluster):
    seeded = [server.name for server in (cluster.a, cluster.b) if "Demo data added." in server.log_path.read_text()]
    assert len(seeded) == 1, f"the demo data was seeded by {seeded or 'neither server'}"
    db = cluster.database
    assert db.count("SELECT COUNT(*) FROM partnerships") == 5
    for server in (cluster.a, cluster.b):
        assert server.process.poll() is None, f"{server.name} stopped:\n{server.tail()}"
        assert Client(server.base_url).get("/readyz").body == "ready\n", "every migration applied"


def test_nginx_sends_consecutive_requests_to_each_server_in_turn(cluster: Cluster):
    proxy = Client(cluster.proxy_url)
    before = logged(cluster)
    for path in ["/healthz", "/readyz", "/healthz", "/readyz"]:
        answer = proxy.get(path)
        assert answer.status == 200, f"{path} through nginx answered {answer.status}"
    served = upstreams(cluster, before, 4)
    ports = [port_of(address) for address in served]
    assert sorted(set(ports)) == sorted({port_of(cluster.a.base_url), port_of(cluster.b.base_url)}), served
    assert ports[0] != ports[1] and ports[0] == ports[2] and ports[1] == ports[3], f"not in turn: {served}"


def test_a_form_too_long_for_concord_is_refused_with_its_own_page_through_nginx(cluster: Cluster):
    """nginx allows 2 MB (docs/operating.md's example), a little over Concord's 1 MB, so that
    Concord's page saying what to do is the one people see."""
    proxy = Client(cluster.proxy_url)
    csrf = proxy.get("/sign-in").hidden("csrf")
    fields = [("csrf", csrf), ("email", PRACTITIONER), ("password", "x" * 1_200_000)]
    refused = proxy.post("/sign-in", fields)
    assert refused.status == 413 and "What you sent is too long" in refused.body, refused.status
    too_long = proxy.post("/sign-in", [("csrf", csrf), ("password", "x" * 2_200_000)])
    assert too_long.status == 413 and "nginx" in too_long.body, "anything far longer never reaches Concord"


def test_a_session_signed_in_on_one_server_works_on_the_other(cluster: Cluster):
    on_a = Client(cluster.a.base_url)
    signed_in = on_a.sign_in(PRACTITIONER)
    assert signed_in.status == 303 and signed_in.location == "/my-work", signed_in.status
    assert "concord_session" in on_a.cookies

    on_b = on_a.via(cluster.b.base_url)
    page = on_b.get("/my-work")
    assert page.status == 200, f"server B answered {page.status} ({page.location}) for server A's session"
    assert "Sign out" in page.body
    proxy = on_a.via(cluster.proxy_url)
    before = logged(cluster)
    for _ in range(2):
        assert proxy.get("/my-work").status == 200
    assert len(set(upstreams(cluster, before, 2))) == 2, "both servers served the session through nginx"

    # Signing out on B ends the session on A too.
    signed_out = on_b.post("/sign-out", [("csrf", page.hidden("csrf"))])
    assert signed_out.status == 303
    ended = Client(cluster.a.base_url, cookies={"concord_session": on_a.cookies["concord_session"]})
    assert ended.get("/my-work").location == "/session-ended"

    # The sign-in form of one server is good on the other: both sign with the database's key.
    visitor = Client(cluster.a.base_url)
    form = visitor.get("/sign-in")
    answer = visitor.via(cluster.b.base_url).post(
        "/sign-in", [("csrf", form.hidden("csrf")), ("email", PRACTITIONER), ("password", "concord-demo")])
    assert answer.status == 303 and answer.location == "/my-work"


def test_a_form_posted_to_one_server_and_again_to_the_other_takes_effect_once(cluster: Cluster):
    db = cluster.database
    on_a = Client(cluster.a.base_url)
    assert on_a.sign_in(PRACTITIONER).status == 303
    on_b = on_a.via(cluster.b.base_url)
    disputes = db.count("SELECT COUNT(*) FROM disputes")
    events = db.count("SELECT COUNT(*) FROM dispute_events")
    submissions = db.count("SELECT COUNT(*) FROM form_submissions")

    form = on_a.get("/disputes/new/oldham")
    fields = raise_fields(form, "Tamsin Resubmitted")
    first = on_a.post("/disputes/new/oldham", fields)
    assert first.status == 303 and DISPUTE_PATH.fullmatch(first.location or ""), (first.status, first.location)
    assert first.cookies.get("concord-notice") == "raised"
    again = on_b.post("/disputes/new/oldham", fields)
    assert again.status == 303 and again.location == first.location, (again.status, again.location)
    assert again.cookies.get("concord-notice") == "duplicate"

    # The same form sent to both at the same moment.
    form = on_b.get("/disputes/new/oldham")
    fields = raise_fields(form, "Ifeoma Raced")
    barrier = threading.Barrier(2, timeout=60)

    def send(client: Client):
        barrier.wait()
        return client.post("/disputes/new/oldham", fields)

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(send, [on_a, on_b]))
    assert [a.status for a in answers] == [303, 303]
    assert answers[0].location == answers[1].location
    assert sorted(a.cookies.get("concord-notice") for a in answers) == ["duplicate", "raised"]

    assert db.count("SELECT COUNT(*) FROM disputes") == disputes + 2
    assert db.count("SELECT COUNT(*) FROM form_submissions") == submissions + 2
    raised = db.count(f"SELECT COUNT(*) FROM dispute_events WHERE sequence > {events} AND type = 'raised'")
    assert raised == 2


def test_concurrent_raises_through_nginx_lose_nothing_and_double_nothing(cluster: Cluster):
    db = cluster.database
    disputes = db.count("SELECT COUNT(*) FROM disputes")
    submissions = db.count("SELECT COUNT(*) FROM form_submissions")
    sessions = {}
    for address in RAISERS:
        client = Client(cluster.proxy_url)
        assert client.sign_in(address).status == 303, f"signing in as {address} through nginx"
        sessions[address] = client
    clients, per_client = 8, 3
    names = iter(f"{first} {last}" for first, last in itertools.product(
        ["Amara", "Bram", "Cerys", "Dafydd", "Esme", "Farah", "Gethin", "Hana"], ["Concurrent", "Parallel", "Racer"]))
    plan = [(RAISERS[n % len(RAISERS)], [next(names) for _ in range(per_client)]) for n in range(clients)]
    barrier = threading.Barrier(clients, timeout=60)

    def raise_several(job) -> list[tuple[str, str, int, str | None, int, str | None]]:
        address, children = job
        client = sessions[address]
        slug = address.split("@")[1].split(".")[0]
        barrier.wait()
        done = []
        for child in children:
            fields = raise_fields(client.get(f"/disputes/new/{slug}"), child)
            first = client.post(f"/disputes/new/{slug}", fields)
            # The same request again, as a resent form would be: nginx may pass it to either server.
            again = client.post(f"/disputes/new/{slug}", fields)
            done.append((address, child, first.status, first.location, again.status, again.location))
        return done

    with ThreadPoolExecutor(clients) as pool:
        results = [row for rows in pool.map(raise_several, plan) for row in rows]

    assert len(results) == clients * per_client
    for address, child, status, location, again_status, again_location in results:
        assert status == 303 and DISPUTE_PATH.fullmatch(location or ""), f"{address} raising {child}: {status}"
        assert again_status == 303 and again_location == location, f"{child} sent again: {again_status}"
    ids = {location.rsplit("/", 1)[1].lower() for *_, location, _, _ in results}
    assert len(ids) == clients * per_client, "every raise is a dispute of its own"
    assert db.count("SELECT COUNT(*) FROM disputes") == disputes + clients * per_client
    assert db.count("SELECT COUNT(*) FROM form_submissions") == submissions + clients * per_client
    listed = ",".join(f"'{i}'" for i in ids)
    assert db.count(f"SELECT COUNT(*) FROM disputes WHERE id IN ({listed})") == len(ids)
    assert db.rows("SELECT reference FROM disputes GROUP BY reference HAVING COUNT(*) > 1") == []
    assert db.rows("SELECT dispute_id FROM dispute_events WHERE type = 'raised' GROUP BY dispute_id "
                   "HAVING COUNT(*) > 1") == []

    verified = cluster.concord("audit", "verify", "--format", "json")
    assert verified.returncode == 0, verified.stdout + verified.stderr
    report = json.loads(verified.stdout)
    assert report["intact"] is True and report["findings"] == []
    assert report["events"] == db.count("SELECT COUNT(*) FROM dispute_events")


def last_weekdays(count: int) -> list[dt.date]:
    day, found = dt.date.today(), []
    while len(found) < count:
        day -= dt.timedelta(days=1)
        if day.weekday() < 5:
            found.append(day)
    return found


def received(cluster: Cluster) -> list[tuple[dict, email.message.EmailMessage]]:
    messages = []
    for envelope_path in sorted(cluster.mail.glob("*.json")):
        envelope = json.loads(envelope_path.read_text())
        with open(envelope_path.with_suffix(".eml"), "rb") as handle:
            messages.append((envelope, email.message_from_binary_file(handle, policy=policy.default)))
    return messages


def test_both_deadline_watches_send_each_message_exactly_once(cluster: Cluster):
    db = cluster.database
    # On a working day both servers' watches swept today as they started. Two catch-up sweeps
    # racing each other, as two cron jobs or servers would, sweep an earlier working day too,
    # whatever today is; they deliver as well, alongside both servers.
    sweeps = {}
    for day in last_weekdays(5):
        racing = [cluster.start_concord(f"sweep-{day}-{n}", "deadlines", "sweep", "--on", day.isoformat(),
                                        "--format", "json") for n in (1, 2)]
        reports = []
        for sweep in racing:
            assert sweep.process.wait(timeout=600) == 0, sweep.tail()
            reports.append(json.loads(sweep.log_path.read_text()))
        if any(report["swept"] for report in reports):
            sweeps = {"day": day, "reports": reports}
            break
    assert sweeps, "none of the last five weekdays was a working day to sweep"
    swept, queued = (sum(r[key] for r in sweeps["reports"]) for key in ("swept", "queued"))
    claimed = db.rows(f"SELECT COUNT(*), COALESCE(SUM(notices), 0) FROM deadline_sweeps "
                      f"WHERE day = '{sweeps['day'].isoformat()}'")[0]
    assert [int(claimed[0]), int(claimed[1])] == [swept, queued], "no partnership's day was swept by both"
    assert queued > 0, "the overdue volume disputes were due a notice"

    deadline = time.monotonic() + 600
    while True:
        waiting = db.count("SELECT COUNT(*) FROM outbox_messages WHERE status IN ('pending', 'sending')")
        sent = db.count("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sent'")
        arrived = len(list(cluster.mail.glob("*.json")))
        if waiting == 0 and arrived >= sent:
            break
        assert time.monotonic() < deadline, f"{waiting} messages still queued, {arrived} of {sent} arrived"
        time.sleep(1)
    time.sleep(2)  # anything sent twice has time to arrive too

    messages = received(cluster)
    sent_ids = {row[0] for row in db.rows("SELECT id FROM outbox_messages WHERE status = 'sent'")}
    matched = [re.fullmatch(r"<([0-9a-f-]{36})@[^>]+>", m["Message-ID"] or "") for _, m in messages]
    assert all(matched), f"a Message-ID is not Concord's: {[m['Message-ID'] for _, m in messages]}"
    arrivals = Counter(match.group(1) for match in matched)
    twice = sorted(i for i, n in arrivals.items() if n > 1)
    assert twice == [], f"{len(twice)} messages arrived more than once"
    assert set(arrivals) == sent_ids, "every message recorded as sent arrived, and nothing else"
    assert sent_ids, "some message was sent"
    by_sender = Counter(envelope["mail_from"] for envelope, _ in messages)
    assert by_sender[cluster.a.mail_from] > 0 and by_sender[cluster.b.mail_from] > 0, (
        f"both servers delivered at once: {by_sender}")


def test_one_clients_failed_sign_ins_behind_nginx_lock_out_that_client_alone(cluster: Cluster):
    """nginx connects from 127.0.0.7, the proxy the servers trust; its clients here come from
    127.0.0.8 and 127.0.0.9. Without the forwarded address, all of nginx's clients would share
    one throttle, and 20 wrong passwords would lock everyone out."""
    guesser = Client(cluster.proxy_url, source="127.0.0.8")
    form = guesser.get("/sign-in")
    csrf = form.hidden("csrf")
    for n in range(20):
        wrong = guesser.post("/sign-in", [("csrf", csrf), ("email", f"guess{n}@nowhere.concord.example"),
                                          ("password", "not-the-password")])
        assert wrong.status == 401, f"attempt {n + 1} answered {wrong.status}"
    locked = guesser.post("/sign-in", [("csrf", csrf), ("email", PRACTITIONER), ("password", "concord-demo")])
    assert locked.status == 429, "the client that guessed is locked out"
    posing = guesser.post("/sign-in", [("csrf", csrf), ("email", PRACTITIONER), ("password", "concord-demo")],
                          headers={"X-Forwarded-For": "127.0.0.9"})
    assert posing.status == 429, "and cannot pass for another client"
    colleague = Client(cluster.proxy_url, source="127.0.0.9")
    answer = colleague.sign_in(PRACTITIONER)
    assert answer.status == 303 and answer.location == "/my-work", "another client behind nginx signs in"
    keys = {row[0] for row in cluster.database.rows("SELECT key FROM sign_in_failures WHERE key LIKE 'client:%'")}
    assert keys == {"client:127.0.0.8"}, keys


def test_both_servers_stop_cleanly(cluster: Cluster):
    for server in (cluster.a, cluster.b):
        assert server.stop() == 0, f"{server.name} did not exit 0 on SIGTERM:\n{server.tail()}"
    assert cluster.database.count("SELECT COUNT(*) FROM outbox_messages WHERE status = 'sending'") == 0
