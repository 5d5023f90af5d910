"""One Concord server and one headless Chromium for the whole run.

The server is the built `concord` binary (CONCORD_BIN, else `swift build --show-bin-path`),
started with `serve` on a free loopback port with a fresh data directory, so the demo data is
seeded into an empty SQLite database. Its output goes to artifacts/server.log.
"""

from __future__ import annotations

import os
import pathlib
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from pages import AXE_RESULTS, AXE_TAGS, AXE_VERSION, Browser

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "PythonSupport"))
from concord_run import free_port, private_binary  # noqa: E402
ARTIFACTS = HERE / "artifacts"
STARTUP_TIMEOUT = 120


class Server:
    def __init__(self, process: subprocess.Popen, base_url: str, log_path: pathlib.Path, data: pathlib.Path):
        self.process = process
        self.base_url = base_url
        self.log_path = log_path
        self.data = data
        # With no relay configured, the server writes its mail here as .eml files.
        self.mail = data / "mail"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def tail(self, lines: int = 60) -> str:
        text = self.log().splitlines()
        return "\n".join(text[-lines:]) + f"\n(the whole log is {self.log_path})"

    def sign_ins(self) -> set[str]:
        """The e-mail addresses in the sign-in table the server printed when seeding."""
        return set(re.findall(r"^(\S+@\S+)\s", self.log(), re.MULTILINE))


SERVER: Server | None = None


def start_server(tmp_path_factory, *, host: str = "127.0.0.1", log_name: str = "server.log") -> Server:
    """A `concord serve` on a free port of `host`, with a fresh data directory seeded with the
    demo data. A second server on another loopback address (127.0.0.2) keeps its own cookies in
    the browser, so tests that change a partnership's policies never touch the shared one."""
    ARTIFACTS.mkdir(exist_ok=True)
    data = tmp_path_factory.mktemp("concord-data")
    port = free_port()
    log_path = ARTIFACTS / log_name
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCORD_")}
    env.update(
        CONCORD_DATA_DIR=str(data), CONCORD_BCRYPT_COST="10", CONCORD_SECURE_COOKIES="false", CONCORD_DEMO_DATA="first-run"
    )
    binary = private_binary(tmp_path_factory.mktemp("concord-bin"))
    started = time.monotonic()
    with open(log_path, "wb") as log:
        process = subprocess.Popen(
            [binary, "serve", "--host", host, "--port", str(port)],
            cwd=data, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
        )
    base_url = f"http://{host}:{port}"
    server = Server(process, base_url, log_path, data)
    first_answer = None  # when it first answered at all: seeding is over by then
    while True:
        if process.poll() is not None:
            pytest.exit(f"concord serve exited with {process.returncode} before answering:\n{server.tail()}", returncode=2)
        try:
            with urllib.request.urlopen(base_url + "/sign-in", timeout=2) as response:
                if response.status == 200:
                    break
        except urllib.error.HTTPError as error:  # it answers, but not with the page
            first_answer = first_answer or time.monotonic()
            if time.monotonic() - first_answer > 10:
                process.kill()
                pytest.exit(f"{server.tail()}\nconcord serve answers /sign-in with {error.code}, not 200 OK", returncode=2)
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        if time.monotonic() - started > STARTUP_TIMEOUT:
            process.kill()
            pytest.exit(f"{server.tail()}\nconcord serve did not answer 200 OK within {STARTUP_TIMEOUT} s", returncode=2)
        time.sleep(0.25)
    print(f"\nconcord serve answered at {base_url} after {time.monotonic() - started:.1f} s (data in {data})")
    return server


def stop_server(server: Server):
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(tmp_path_factory) -> Server:
    global SERVER
    SERVER = start_server(tmp_path_factory)
    yield SERVER
    stop_server(SERVER)
    SERVER = None


def chrome(javascript: bool = True) -> webdriver.Chrome:
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,900",
                     "--lang=en-GB"]:
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    # An explicit driver path: Selenium Manager never runs, so nothing is fetched.
    driver = webdriver.Chrome(service=Service(executable_path="/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    return driver


@pytest.fixture(scope="session")
def driver():
    d = chrome()
    yield d
    d.quit()


@pytest.fixture(scope="session")
def session_browser(driver, server) -> Browser:
    return Browser(driver, server.base_url)


def save_artifacts(b: Browser, name: str):
    ARTIFACTS.mkdir(exist_ok=True)
    safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", name)[:120]
    try:
        b.d.save_screenshot(str(ARTIFACTS / f"{safe}.png"))
        (ARTIFACTS / f"{safe}.html").write_text(f"<!-- {b.d.current_url} -->\n{b.d.page_source}")
    except Exception as error:  # the browser itself may be what failed
        print(f"could not save the failure's screenshot: {error}")


@pytest.fixture
def browser(request, session_browser) -> Browser:
    """The shared browser, on a single window; on failure its page is saved to artifacts/."""
    b = session_browser
    handles = b.d.window_handles
    for handle in handles[1:]:
        b.d.switch_to.window(handle)
        b.d.close()
    b.d.switch_to.window(handles[0])
    yield b
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        save_artifacts(b, request.node.nodeid.split("::", 1)[-1])
        # The next test starts from a known state.
        b.who = None
        b.d.delete_all_cookies()


def pytest_sessionstart(session):
    """Only this run's failures in artifacts/."""
    if ARTIFACTS.exists():
        for old in [*ARTIFACTS.glob("*.png"), *ARTIFACTS.glob("*.html")]:
            old.unlink()


MODULE_ORDER = ["test_journeys.py", "test_accessibility.py", "test_no_javascript.py"]


def pytest_collection_modifyitems(items):
    """Journeys first: the walker checks forms with axe on the way (the accessibility tests
    then reuse a result rather than walk another dispute to a policy's last stage)."""
    def rank(item):
        name = item.path.name
        return MODULE_ORDER.index(name) if name in MODULE_ORDER else len(MODULE_ORDER)

    items.sort(key=rank)  # stable: the order within each module is kept


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, "rep_" + report.when, report)
    if report.failed and SERVER is not None:
        report.sections.append(("concord serve (end of its log)", SERVER.tail(40)))
    return report


def pytest_terminal_summary(terminalreporter):
    if not AXE_RESULTS:
        return
    write = terminalreporter.write_line
    terminalreporter.section(f"axe-core {AXE_VERSION} ({', '.join(AXE_TAGS)})")
    failing = 0
    for kind, entry in sorted(AXE_RESULTS.items()):
        counts = {}
        for violation in entry.violations:
            counts[violation["impact"]] = counts.get(violation["impact"], 0) + 1
        failing += len(entry.failing)
        shown = ", ".join(f"{v['impact']} {v['id']} ({v['nodes']})" for v in entry.violations) or "no violations"
        write(f"  {kind:<42} {entry.url:<58} {shown}")
    write(f"  {len(AXE_RESULTS)} page types checked; serious or critical violations: {failing}")
