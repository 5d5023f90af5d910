"""A real SMTP server (aiosmtpd) for ConcordMail's tests.

Each message it accepts is stored in --dir as NNNNN.eml (the DATA content exactly as received, after
dot-unstuffing) and NNNNN.json (envelope sender and recipients, whether TLS was used, the AUTH user).
Prints "ready PORT" on stdout once it is listening on 127.0.0.1.
"""

import argparse
import asyncio
import json
import os
import signal
import socket
import ssl
import sys

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword
except ImportError:
    sys.stderr.write(f"aiosmtpd is not installed for {sys.executable}; run ./scripts/test to set up .venv\n")
    sys.exit(3)


class Sink:
    def __init__(self, directory, refuse_rcpt, drop_after_data, data_delay):
        self.directory = directory
        self.refuse_rcpt = refuse_rcpt
        self.drop_after_data = drop_after_data
        self.data_delay = data_delay
        self.count = 0

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt:
            return f"{self.refuse_rcpt} {self.refuse_rcpt[0]}.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        # A slow relay, so that a test can stop the sender while a message is being handed over.
        await asyncio.sleep(self.data_delay)
        if self.drop_after_data:
            server.transport.close()
            return "421 closing"  # never reaches the client: the transport is already closed
        self.count += 1
        stem = os.path.join(self.directory, f"{self.count:05d}")
        with open(stem + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(stem + ".json.tmp", "w") as f:
            json.dump(
                {
                    "mail_from": envelope.mail_from,
                    "rcpt_tos": envelope.rcpt_tos,
                    "mail_options": envelope.mail_options,
                    # session.ssl is only set by STARTTLS; with implicit TLS the transport itself is TLS.
                    "tls": session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None,
                    "auth_user": login_name(session.auth_data),
                },
                f,
            )
        # The .json appears last, so a test that sees it can read both files whole.
        os.replace(stem + ".eml.tmp", stem + ".eml")
        os.replace(stem + ".json.tmp", stem + ".json")
        return "250 Message accepted for delivery"


def login_name(auth_data):
    if isinstance(auth_data, LoginPassword):
        return auth_data.login.decode()
    return None


def make_authenticator(user, password):
    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (
            isinstance(auth_data, LoginPassword)
            and auth_data.login.decode() == user
            and auth_data.password.decode() == password
        )
        # handled=False makes aiosmtpd send the 235 or 535 reply itself.
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    return authenticate


def tls_context(cert, key):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    return context


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    # Children of a multi-threaded test runner can inherit a mask that blocks SIGTERM; the tests rely on it.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", required=True)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="offer STARTTLS")
    parser.add_argument("--require-tls", action="store_true", help="refuse mail before STARTTLS")
    parser.add_argument("--implicit-tls", nargs=2, metavar=("CERT", "KEY"), help="TLS from the first byte")
    parser.add_argument("--auth", metavar="USER:PASS")
    parser.add_argument("--auth-mechanisms", help="space-separated mechanisms to offer, e.g. LOGIN")
    parser.add_argument("--refuse-rcpt", metavar="CODE")
    parser.add_argument("--drop-after-data", action="store_true")
    parser.add_argument("--data-delay", type=float, default=0, metavar="SECONDS", help="wait before accepting")
    args = parser.parse_args()

    os.makedirs(args.dir, exist_ok=True)
    handler = Sink(args.dir, args.refuse_rcpt, args.drop_after_data, args.data_delay)
    options = {}
    if args.tls:
        options["tls_context"] = tls_context(*args.tls)
        options["require_starttls"] = args.require_tls
    if args.implicit_tls:
        options["ssl_context"] = tls_context(*args.implicit_tls)
    if args.auth:
        user, password = args.auth.split(":", 1)
        options["authenticator"] = make_authenticator(user, password)
        # AUTH after STARTTLS only when STARTTLS is offered at all; otherwise allow it in clear for the tests.
        options["auth_require_tls"] = bool(args.tls)
        if args.auth_mechanisms:
            offered = set(args.auth_mechanisms.split())
            options["auth_exclude_mechanism"] = [m for m in ("PLAIN", "LOGIN") if m not in offered]

    port = args.port or free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, **options)
    controller.start()
    print(f"ready {port}", flush=True)

    stop = asyncio.Event()

    async def wait():
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()

    try:
        asyncio.run(wait())
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
