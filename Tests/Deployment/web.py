"""A plain HTTP client for the deployment tests: it keeps cookies like a browser, follows no
redirects (the tests read where each answer points), and can connect from a chosen loopback
address, so that nginx sees two different clients."""

from __future__ import annotations

import http.client
import re
import threading
import urllib.parse
from dataclasses import dataclass

PASSWORD = "concord-demo"


def demo_email(local: str, slug: str) -> str:
    return f"{local}@{slug}.concord.example"


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    cookies: dict[str, str]
    body: str

    @property
    def location(self) -> str | None:
        return self.headers.get("location")

    def hidden(self, name: str) -> str:
        found = re.search(rf'name="{re.escape(name)}" value="([^"]*)"', self.body)
        assert found, f"no hidden {name!r} in the page (status {self.status})"
        return found.group(1)

    def options(self, name: str) -> list[tuple[str, str]]:
        select = re.search(rf'<select[^>]*name="{re.escape(name)}"[^>]*>(.*?)</select>', self.body, re.S)
        assert select, f"no select {name!r} in the page"
        return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)', select.group(1))


class Client:
    """One browser's cookies, against one base URL (a server directly, or nginx)."""

    def __init__(self, base_url: str, source: str | None = None, cookies: dict[str, str] | None = None):
        parts = urllib.parse.urlsplit(base_url)
        self.host, self.port = parts.hostname, parts.port
        self.source = source
        self.cookies: dict[str, str] = dict(cookies or {})
        self._lock = threading.Lock()

    def via(self, base_url: str) -> "Client":
        """The same cookies, sent somewhere else."""
        return Client(base_url, self.source, self.cookies)

    def request(self, method: str, path: str, fields: list[tuple[str, str]] | None = None,
                headers: dict[str, str] | None = None) -> Answer:
        connection = http.client.HTTPConnection(self.host, self.port, timeout=120,
                                                source_address=(self.source, 0) if self.source else None)
        sent = dict(headers or {})
        with self._lock:
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if fields is not None:
            body = urllib.parse.urlencode(fields)
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=sent)
            response = connection.getresponse()
            text = response.read().decode("utf-8", errors="replace")
            set_cookies: dict[str, str] = {}
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    pair = value.split(";", 1)[0]
                    cookie, _, content = pair.partition("=")
                    set_cookies[cookie] = "" if "max-age=0" in value.lower() else content
            with self._lock:
                for cookie, content in set_cookies.items():
                    if content:
                        self.cookies[cookie] = content
                    else:
                        self.cookies.pop(cookie, None)
            return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, set_cookies, text)
        finally:
            connection.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> Answer:
        return self.request("GET", path, headers=headers)

    def post(self, path: str, fields: list[tuple[str, str]], headers: dict[str, str] | None = None) -> Answer:
        return self.request("POST", path, fields, headers)

    def sign_in(self, email: str, password: str = PASSWORD, headers: dict[str, str] | None = None) -> Answer:
        form = self.get("/sign-in")
        assert form.status == 200, f"/sign-in answered {form.status}"
        return self.post("/sign-in", [("csrf", form.hidden("csrf")), ("email", email), ("password", password)],
                         headers)


def raise_fields(form: Answer, child: str) -> list[tuple[str, str]]:
    """The answers to a partnership's raise form: a dispute with the police about `child`."""
    police = [value for value, label in form.options("agency") if "Police" in label]
    assert police, f"no police force among the agencies: {form.options('agency')}"
    return [
        ("csrf", form.hidden("csrf")), ("token", form.hidden("token")), ("agency", police[0]),
        ("professional", ""), ("child-1-name", child), ("child-1-birth-day", "14"), ("child-1-birth-month", "6"),
        ("child-1-birth-year", "2015"), ("child-1-reference", "CSC-448812"), ("category", "assessment"),
        ("disagreement", "Whether the threshold for a child and family assessment is met."),
        ("outcome", "A joint review of the referral and an agreed assessment plan."), ("significant-harm", "no"),
    ]


DISPUTE_PATH = re.compile(r"/disputes/[0-9A-Fa-f-]{36}")
