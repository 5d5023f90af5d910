"""Setting up a partnership from nothing in the admin pages, as an administrator would: the
partnership with its bank-holiday region, its agencies, its people with their line managers,
their sign-in accounts, and its policy uploaded as a file with the protocol's text beside it.
Also the working-day arithmetic the tests check deadlines against (GOV.UK's bank holidays per
region, as Concord ships them), and a watch on the server's mail folder."""

from __future__ import annotations

import datetime as dt
import email.parser
import json
import pathlib
import time
from dataclasses import dataclass, field
from email import policy as email_policy

from selenium.webdriver.common.by import By

from pages import PASSWORD, Browser

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
FIXTURES = ROOT / "Tests" / "Fixtures" / "policies"
BANK_HOLIDAYS = ROOT / "Sources" / "ConcordCore" / "Resources" / "govuk-bank-holidays.json"

REGION_NAMES = {"england-and-wales": "England and Wales", "scotland": "Scotland", "northern-ireland": "Northern Ireland"}


# ---------------------------------------------------------------------------------------------
# The directory


@dataclass
class Person:
    name: str
    email: str
    agency: str  # the agency's name
    level: str  # a RoleLevel raw value: practitioner, line-manager, senior-manager, …
    manager: str | None = None  # the line manager's name, added before this person
    role: str | None = None  # an AccountRole raw value when they sign in: practitioner, business-office, …


@dataclass
class Partnership:
    slug: str
    name: str
    region: str  # england-and-wales, scotland or northern-ireland
    agencies: list[tuple[str, str]]  # (name, AgencyType raw value)
    people: list[Person] = field(default_factory=list)

    def person(self, name: str) -> Person:
        return next(p for p in self.people if p.name == name)

    @property
    def region_name(self) -> str:
        return REGION_NAMES[self.region]


def add_partnership(b: Browser, p: Partnership):
    b.go("/admin")
    b.follow("Add a partnership")
    b.type("name", p.name)
    b.type("slug", p.slug)
    b.choose("region", p.region)
    b.press("Add partnership")
    assert not b.errors(), f"adding {p.name} was refused: {b.errors()}"
    assert b.path == f"/admin/partnerships/{p.slug}", b.path


def add_agency(b: Browser, name: str, kind: str, partnership: str):
    b.go("/admin/agencies/new")
    b.type("name", name)
    b.choose("type", kind)
    b.tick(next(o for o in b.options("partnerships[]") if o["label"] == partnership))
    b.press("Add agency")
    assert not b.errors(), f"adding the agency {name} was refused: {b.errors()}"


def add_person(b: Browser, person: Person):
    b.go("/admin/people/new")
    b.type("name", person.name)
    b.type("email", person.email)
    b.select("agency", label=person.agency)
    b.choose("level", person.level)
    if person.manager:
        b.select("manager", containing=f"{person.manager}, ")
    b.press("Add person")
    assert not b.errors(), f"adding {person.name} was refused: {b.errors()}"


def add_account(b: Browser, person: Person, partnership: str):
    b.go("/admin/accounts/new")
    b.type("email", person.email)
    b.type("name", person.name)
    b.choose("role", person.role)
    b.select("person", containing=f"{person.name}, ")
    if person.role in ("business-office", "scrutineer", "auditor"):
        b.select("partnership", label=partnership)
    b.type("password", PASSWORD)
    b.type("confirm", PASSWORD)
    b.press("Add account")
    assert not b.errors(), f"adding {person.email}'s account was refused: {b.errors()}"


def set_up(b: Browser, p: Partnership):
    """The partnership, its agencies, its people top down (each naming a line manager already
    added) and the sign-ins of those who have one. The administrator must be signed in."""
    add_partnership(b, p)
    for name, kind in p.agencies:
        add_agency(b, name, kind, p.name)
    for person in p.people:
        add_person(b, person)
    for person in p.people:
        if person.role:
            add_account(b, person, p.name)


# ---------------------------------------------------------------------------------------------
# Policies


@dataclass
class Version:
    sha: str
    policy: str
    current: bool


def versions(b: Browser) -> list[Version]:
    """The policy page's versions table, newest first."""
    rows = b.js(
        "return Array.from(document.querySelectorAll('#versions tbody tr'),"
        " tr => [tr.cells[0].innerText.trim(), tr.cells[1].innerText.trim(), tr.cells[3].innerText.trim()])"
    )
    return [Version(sha, policy, status == "Current") for sha, policy, status in rows]


def upload_policy(b: Browser, slug: str, policy_file: pathlib.Path, source_file: pathlib.Path | None = None):
    """Chooses the policy file, and the protocol's text file to check its quotes against, in the
    upload form's file fields, and presses the button. Leaves the browser on the result."""
    b.go(f"/admin/partnerships/{slug}/policies")
    b.d.find_element(By.NAME, "file").send_keys(str(policy_file))
    if source_file is not None:
        b.d.find_element(By.NAME, "sourceFile").send_keys(str(source_file))
    b.press("Check and install")


def paste_policy(b: Browser, slug: str, yaml: str, source: str):
    """Pastes a policy and the protocol's text into the upload form's boxes."""
    b.go(f"/admin/partnerships/{slug}/policies")
    for name, text in (("yaml", yaml), ("source", source)):
        b.js("document.getElementsByName(arguments[0])[0].value = arguments[1]", name, text)
    b.press("Check and install")


# ---------------------------------------------------------------------------------------------
# Working days on a region's calendar, counted as docs/policy-format.md says


MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def text(day: dt.date) -> str:
    """As Concord writes a date: "2 December 2026"."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


_HOLIDAYS: dict[str, set[dt.date]] = {}


def holidays(region: str) -> set[dt.date]:
    if not _HOLIDAYS:
        data = json.loads(BANK_HOLIDAYS.read_text(encoding="utf-8"))
        for name, division in data.items():
            _HOLIDAYS[name] = {dt.date.fromisoformat(e["date"]) for e in division["events"]}
    return _HOLIDAYS[region]


def is_working_day(day: dt.date, region: str) -> bool:
    return day.weekday() < 5 and day not in holidays(region)


def working_days_after(start: dt.date, days: int, region: str) -> dt.date:
    """The start day is day zero: due by the end of the `days`th working day after it."""
    day, counted = start, 0
    while counted < days:
        day += dt.timedelta(days=1)
        if is_working_day(day, region):
            counted += 1
    return day


def same_working_day(start: dt.date, region: str) -> dt.date:
    """"Immediately": the day itself, or the next working day when it is not one."""
    day = start
    while not is_working_day(day, region):
        day += dt.timedelta(days=1)
    return day


def hours_after(start: dt.date, hours: int, region: str) -> dt.date:
    """Hours count on working days only, a part of a day as the whole: 48 hours is 2 working days."""
    return working_days_after(start, -(-hours // 24), region)


# ---------------------------------------------------------------------------------------------
# Mail


class Mailbox:
    """The .eml files the server's file transport writes. The folder fills with the demo data's
    messages first, so each file's headers are read once and remembered."""

    def __init__(self, folder: pathlib.Path):
        self.folder = folder
        self.seen: dict[str, tuple[str, list[str], str]] = {}  # file -> (reference, to, subject)
        self.parser = email.parser.BytesHeaderParser(policy=email_policy.default)

    def scan(self):
        for path in self.folder.glob("*.eml"):
            if path.name in self.seen:
                continue
            with path.open("rb") as handle:
                headers = self.parser.parse(handle)
            to = [a.addr_spec for a in headers["To"].addresses] if headers["To"] else []
            self.seen[path.name] = (headers["X-Concord-Reference"] or "", to, str(headers["Subject"] or ""))

    def about(self, reference: str) -> list[tuple[list[str], str]]:
        return [(to, subject) for ref, to, subject in self.seen.values() if ref == reference]

    def wait_for(self, reference: str, address: str, timeout: float = 300) -> list[str]:
        """The subjects of the messages about `reference` sent to `address`, once there is one."""
        deadline = time.monotonic() + timeout
        while True:
            self.scan()
            subjects = [subject for to, subject in self.about(reference) if address in to]
            if subjects:
                return subjects
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"no message about {reference} reached {address} within {timeout:.0f} s; those about it went to "
                    f"{sorted({a for to, _ in self.about(reference) for a in to})}"
                )
            time.sleep(1)
