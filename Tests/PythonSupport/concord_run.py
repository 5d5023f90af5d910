"""Starting the built `concord` binary for the Python test suites (Tests/Browser and
Tests/Deployment), which each put this directory on sys.path."""

from __future__ import annotations

import os
import pathlib
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from typing import Callable

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def concord_binary() -> str:
    """CONCORD_BIN, else the debug build's binary; the run stops if there is none."""
    binary = os.environ.get("CONCORD_BIN")
    if not binary:
        bin_path = subprocess.run(
            ["swift", "build", "--show-bin-path"], cwd=ROOT, check=True, capture_output=True, text=True
        ).stdout.strip()
        binary = os.path.join(bin_path, "concord")
    if not os.access(binary, os.X_OK):
        pytest.exit(f"no concord binary at {binary}: run `swift build --product concord` first", returncode=2)
    return binary


def private_binary(directory: pathlib.Path) -> str:
    """A copy of the binary in `directory`, so a rebuild while the tests run neither fails on a
    busy file nor changes the servers under them (resources are found at their build path)."""
    binary = str(directory / "concord")
    shutil.copy2(concord_binary(), binary)
    return binary


def wait_until_ok(url: str, process: subprocess.Popen, name: str, tail: Callable[[], str], timeout: float):
    """Waits for `url` to answer 200 OK; the run stops if the process exits or time runs out."""
    started = time.monotonic()
    while True:
        if process.poll() is not None:
            pytest.exit(f"{name} exited with {process.returncode}:\n{tail()}", returncode=2)
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, socket.timeout):
            pass
        if time.monotonic() - started > timeout:
            process.kill()
            pytest.exit(f"{tail()}\n{name} did not answer {url} with 200 OK within {timeout} s", returncode=2)
        time.sleep(0.1)
