"""Two `concord serve` processes on one PostgreSQL database, behind nginx, for the whole module.

PostgreSQL is the server ./scripts/test starts (CONCORD_TEST_POSTGRES_URL, a superuser URL): an
empty database of this run's own is made on it, and both servers start on it at once, so that
they migrate it and seed the demo data together (in turn, once); then 50 Oldham volume disputes,
some overdue, are added with `concord seed volume`. Both servers send their mail to one
real SMTP server (Tests/MailTestSupport/smtp_sink.py), each with its own sender address so that
the sink tells their messages apart. nginx (Debian's) runs as an ordinary foreground process
from a temporary directory, round-robin over both servers, and connects to them from 127.0.0.7,
the one address they trust as a proxy. Everything's output goes to Tests/Deployment/artifacts/.
"""

from __future__ import annotations

import contextlib
import os
import pathlib
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import uuid
from dataclasses import dataclass, field

import pytest

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "PythonSupport"))
from concord_run import free_port, private_binary, wait_until_ok  # noqa: E402

ARTIFACTS = HERE / "artifacts"
SINK = ROOT / "Tests" / "MailTestSupport" / "smtp_sink.py"
PROXY_ADDRESS = "127.0.0.7"
STARTUP_TIMEOUT = 120


def nginx_binary() -> str:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not os.access(binary, os.X_OK):
        pytest.exit("nginx is not installed: run ./scripts/deployment-tests, which installs Debian's nginx",
                    returncode=2)
    return binary


class Database:
    """The run's own database on the test PostgreSQL server, read with psql."""

    def __init__(self, admin_url: str):
        self.admin_url = admin_url
        self.name = f"concord_deployment_{uuid.uuid4().hex[:8]}"
        parts = urllib.parse.urlsplit(admin_url)
        self.url = urllib.parse.urlunsplit(parts._replace(path="/" + self.name))

    def admin(self, statement: str):
        subprocess.run(["psql", self.admin_url, "-v", "ON_ERROR_STOP=1", "-qAtc", statement], check=True,
                       capture_output=True, text=True)

    def rows(self, query: str) -> list[list[str]]:
        out = subprocess.run(["psql", self.url, "-v", "ON_ERROR_STOP=1", "-qAt", "-F", "\t", "-c", query],
                             check=True, capture_output=True, text=True).stdout
        return [line.split("\t") for line in out.splitlines() if line]

    def value(self, query: str) -> str:
        return self.rows(query)[0][0]

    def count(self, query: str) -> int:
        return int(self.value(query))


@dataclass
class Process:
    name: str
    process: subprocess.Popen
    log_path: pathlib.Path

    def tail(self, lines: int = 40) -> str:
        text = self.log_path.read_text(errors="replace").splitlines() if self.log_path.exists() else []
        return "\n".join(text[-lines:]) + f"\n(the whole log is {self.log_path})"

    def stop(self, timeout: float = 60) -> int:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise AssertionError(f"{self.name} did not stop within {timeout} s of SIGTERM:\n{self.tail()}")


@dataclass
class Server(Process):
    base_url: str = ""
    mail_from: str = ""


@dataclass
class Cluster:
    binary: str
    env: dict
    data: pathlib.Path
    database: Database
    mail: pathlib.Path
    a: Server
    b: Server
    nginx_port: int
    access_log: pathlib.Path
    # Everything started, stopped by the fixture however the tests end.
    processes: list[Process] = field(default_factory=list)

    @property
    def proxy_url(self) -> str:
        return f"http://127.0.0.1:{self.nginx_port}"

    def concord(self, *arguments: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return subprocess.run([self.binary, *arguments], cwd=self.data, env=self.env, capture_output=True, text=True,
                              stdin=subprocess.DEVNULL, timeout=timeout)

    def start_concord(self, name: str, *arguments: str) -> Process:
        """A `concord` command started now and left running (its output in artifacts/NAME.log)."""
        log_path = ARTIFACTS / f"{name}.log"
        with open(log_path, "wb") as log:
            process = subprocess.Popen([self.binary, *arguments], cwd=self.data, env=self.env, stdout=log,
                                       stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        started = Process(name, process, log_path)
        self.processes.append(started)
        return started


def seed_volume(binary: str, env: dict, data: pathlib.Path):
    log_path = ARTIFACTS / "seed-volume.log"
    with open(log_path, "wb") as log:
        done = subprocess.run([binary, "seed", "volume", "--partnership", "oldham", "--disputes", "50", "--seed", "5"],
                              cwd=data, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                              timeout=600)
    if done.returncode != 0:
        pytest.exit(f"concord seed volume exited with {done.returncode}; see {log_path}", returncode=2)


def start_sink(directory: pathlib.Path) -> tuple[Process, int]:
    log_path = ARTIFACTS / "smtp-sink.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen([sys.executable, "-u", str(SINK), "--dir", str(directory)],
                                   stdout=subprocess.PIPE, stderr=log, stdin=subprocess.DEVNULL)
    line = process.stdout.readline().decode().split()
    if len(line) != 2 or line[0] != "ready":
        pytest.exit(f"the SMTP sink did not start; see {log_path}", returncode=2)
    return Process("smtp sink", process, log_path), int(line[1])


def start_server(name: str, binary: str, env: dict, data: pathlib.Path) -> Server:
    port = free_port()
    mail_from = f"concord-{name}@{name}.concord.example"
    log_path = ARTIFACTS / f"server-{name}.log"
    server_env = dict(env, CONCORD_MAIL_FROM=f"Concord {name.upper()} <{mail_from}>")
    with open(log_path, "wb") as log:
        process = subprocess.Popen([binary, "serve", "--host", "127.0.0.1", "--port", str(port)], cwd=data,
                                   env=server_env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    return Server(f"server {name}", process, log_path, base_url=f"http://127.0.0.1:{port}", mail_from=mail_from)


def wait_ready(server: Server):
    wait_until_ok(server.base_url + "/readyz", server.process, server.name, server.tail, timeout=STARTUP_TIMEOUT)


NGINX_CONF = """\
{user}worker_processes 1;
pid {root}/nginx.pid;
error_log {errors} warn;
events {{ worker_connections 256; }}
http {{
    log_format upstream '$request_method $uri $status $upstream_addr';
    access_log {root}/access.log upstream;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;
    upstream concord {{
        server 127.0.0.1:{port_a};
        server 127.0.0.1:{port_b};
        keepalive 16;
    }}
    server {{
        listen 127.0.0.1:{port};
        client_max_body_size 2m;
        location / {{
            proxy_pass http://concord;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host $host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            proxy_bind {proxy};
        }}
    }}
}}
"""


def start_nginx(root: pathlib.Path, a: Server, b: Server) -> tuple[Process, int]:
    port = free_port()
    conf = root / "nginx.conf"
    # As root nginx would hand its workers to `nobody`, who cannot read this private directory.
    user = "user root root;\n" if os.geteuid() == 0 else ""
    errors = ARTIFACTS / "nginx-error.log"
    conf.write_text(NGINX_CONF.format(
        user=user, root=root, errors=errors, port=port, proxy=PROXY_ADDRESS,
        port_a=urllib.parse.urlsplit(a.base_url).port, port_b=urllib.parse.urlsplit(b.base_url).port))
    log_path = ARTIFACTS / "nginx.log"
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [nginx_binary(), "-p", str(root), "-e", str(errors), "-c", str(conf), "-g", "daemon off;"],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    started = time.monotonic()
    while True:
        if process.poll() is not None:
            error = errors.read_text(errors="replace") if errors.exists() else ""
            pytest.exit(f"nginx exited with {process.returncode}:\n{error}", returncode=2)
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            if time.monotonic() - started > 10:
                pytest.exit("nginx did not listen within 10 s", returncode=2)
            time.sleep(0.05)
    return Process("nginx", process, errors), port


@pytest.fixture(scope="module")
def cluster(tmp_path_factory) -> Cluster:
    admin_url = os.environ.get("CONCORD_TEST_POSTGRES_URL")
    if not admin_url:
        pytest.exit("CONCORD_TEST_POSTGRES_URL is not set: run ./scripts/deployment-tests, which starts PostgreSQL",
                    returncode=2)
    ARTIFACTS.mkdir(exist_ok=True)
    data = tmp_path_factory.mktemp("concord-deployment")
    mail = data / "mail"
    binary = private_binary(data)
    database = Database(admin_url)
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCORD_") and k != "DATABASE_URL"}
    env.update(
        CONCORD_DATA_DIR=str(data), DATABASE_URL=database.url, CONCORD_BCRYPT_COST="10",
        CONCORD_SECURE_COOKIES="false", CONCORD_DEMO_DATA="first-run", CONCORD_TRUSTED_PROXIES=PROXY_ADDRESS,
        CONCORD_SMTP_HOST="127.0.0.1", CONCORD_SMTP_SECURITY="none",
        # From midnight, so that on a working day both servers' watches sweep as soon as they start.
        CONCORD_DEADLINE_HOUR="0",
    )
    processes: list[Process] = []
    database.admin(f"CREATE DATABASE {database.name}")
    try:
        sink, smtp_port = start_sink(mail)
        processes.append(sink)
        env["CONCORD_SMTP_PORT"] = str(smtp_port)
        # Started together on the empty database: they migrate and seed it in turn, then both
        # watches take the demo's queued mail, and on a working day the day's sweep, at once.
        a = start_server("a", binary, env, data)
        b = start_server("b", binary, env, data)
        processes += [a, b]
        wait_ready(a)
        wait_ready(b)
        seed_volume(binary, env, data)
        nginx_root = tmp_path_factory.mktemp("nginx")
        nginx, nginx_port = start_nginx(nginx_root, a, b)
        processes.append(nginx)
        # The tests' own processes (the sweeps) join the same list.
        yield Cluster(binary, env, data, database, mail, a, b, nginx_port, nginx_root / "access.log", processes)
    finally:
        for process in reversed(processes):
            with contextlib.suppress(AssertionError):
                process.stop()
        try:
            database.admin(f"DROP DATABASE IF EXISTS {database.name} WITH (FORCE)")
        except subprocess.CalledProcessError as error:
            print(f"could not drop {database.name}: {error.stderr}")


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    cluster = item.funcargs.get("cluster") if hasattr(item, "funcargs") else None
    if report.failed and isinstance(cluster, Cluster):
        for server in (cluster.a, cluster.b):
            report.sections.append((f"{server.name} (end of its log)", server.tail(20)))
    return report
