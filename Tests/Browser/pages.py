"""Driving Concord's pages like a person would: follow links, fill the labelled fields, press
the button. Every page loaded is checked for script tags and for a child's name in its title,
and axe-core runs on each kind of page the first time it is seen.

The walker at the bottom takes a dispute through any policy by reading what the dispute page
says its current stage needs, so no policy is scripted by hand.
"""

from __future__ import annotations

import datetime as dt
import importlib.resources
import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

from selenium.common.exceptions import (
    ElementClickInterceptedException,
    ElementNotInteractableException,
    WebDriverException,
)
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

PASSWORD = "concord-demo"
ADMIN = "admin@concord.example"
POLICIES = ["oldham", "coventry", "sunderland", "north-east-lincolnshire", "five-stage-flowchart"]


def email(local: str, slug: str) -> str:
    """Demo sign-ins: `practitioner.csc@oldham.concord.example`, `business-office@…`."""
    return f"{local}@{slug}.concord.example"


# ---------------------------------------------------------------------------------------------
# axe-core

AXE_JS = (importlib.resources.files("axe_playwright_python") / "axe.min.js").read_text(encoding="utf-8")
AXE_VERSION = re.search(r"axe v([0-9.]+)", AXE_JS[:300]).group(1)
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
FAILING_IMPACTS = {"serious", "critical"}


@dataclass
class AxeRecord:
    kind: str
    url: str
    violations: list  # [{id, impact, help, nodes: n, targets}]
    passes: int

    @property
    def failing(self):
        return [v for v in self.violations if v["impact"] in FAILING_IMPACTS]


# Filled in during the run and printed at the end (conftest.pytest_terminal_summary).
AXE_RESULTS: dict[str, AxeRecord] = {}
# Pages (ids masked) where an id is used twice: labels, hints and error links then point at
# the wrong element for screen readers.
DUPLICATE_IDS: dict[str, set[str]] = {}


# ---------------------------------------------------------------------------------------------
# The browser


class StepRefused(AssertionError):
    """A form came back with errors when the walker expected it to be accepted."""


class Browser:
    def __init__(self, driver, base_url: str):
        self.d = driver
        self.base_url = base_url
        self.who: str | None = None
        # Children's names typed into forms: never allowed in any page's <title>.
        self.secrets: set[str] = set()
        self.pages_loaded = 0

    # -- navigation and page-wide checks --------------------------------------------------

    def go(self, path: str):
        self.d.get(self.base_url + path if path.startswith("/") else path)
        self.loaded()

    def loaded(self):
        """Checks every page: no scripts at all, and no child's name in the title."""
        self.pages_loaded += 1
        scripts, title, duplicates, path = self.js(
            "var seen = {}, twice = [];"
            "document.querySelectorAll('[id]').forEach(e => { if (seen[e.id]) twice.push(e.id); seen[e.id] = 1; });"
            "return [document.getElementsByTagName('script').length, document.title, twice, location.pathname]"
        )
        assert scripts == 0, f"{path}: the page has {scripts} <script> tag(s)"
        if duplicates:  # asserted by test_accessibility.test_ids_are_unique, with the pages listed
            key = re.sub(r"[0-9A-Fa-f-]{36}", "<id>", path)
            DUPLICATE_IDS.setdefault(key, set()).update(duplicates)
        for name in self.secrets:
            assert name.lower() not in title.lower(), f"{self.path}: the <title> {title!r} names the child {name!r}"

    def js(self, script: str, *args):
        """Reads the page in one round trip. (WebDriver runs this even when the page's own
        scripts are switched off; Concord has none.)"""
        return self.d.execute_script(script, *args)

    @property
    def path(self) -> str:
        return urlparse(self.d.current_url).path

    @property
    def query(self) -> str:
        return urlparse(self.d.current_url).query

    @property
    def title(self) -> str:
        return self.d.title

    def h1(self) -> str:
        return self.text("main h1")

    def main_text(self) -> str:
        return self.text("main")

    def text(self, css: str) -> str:
        return self.js("var e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : ''", css)

    def exists(self, css: str) -> bool:
        return self.js("return document.querySelector(arguments[0]) !== null", css)

    def texts(self, css: str) -> list[str]:
        return self.js("return Array.from(document.querySelectorAll(arguments[0]), e => e.innerText.trim())", css)

    def click_and_wait(self, element):
        """Clicks something that loads a new page, and waits for it."""
        old = self.d.find_element(By.TAG_NAME, "html")
        element.click()
        self.wait_for_new_page(old)

    def wait_for_new_page(self, old):
        def gone(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:  # stale, or "does not belong to the document" mid-navigation
                return True

        WebDriverWait(self.d, 20, poll_frequency=0.02).until(gone)
        self.loaded()

    def follow(self, text: str, within: str = "main"):
        """Follows the link with exactly this text."""
        links = self.js(
            "return Array.from(document.querySelectorAll(arguments[0] + ' a'))"
            ".filter(a => a.innerText.trim() === arguments[1])",
            within, text,
        )
        assert links, f"{self.path}: no link {text!r}; links are {self.texts(within + ' a')}"
        self.click_and_wait(links[0])

    # -- axe ------------------------------------------------------------------------------

    def axe(self, kind: str, *, record: bool = True) -> AxeRecord:
        """Runs axe-core with the WCAG 2.0-2.2 A and AA tags; fails on serious or critical."""
        self.d.set_script_timeout(30)
        self.d.execute_script(AXE_JS)
        options = json.dumps({"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
        result = self.d.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            f"axe.run(document, {options}).then(r => done({{ok: r}}), e => done({{err: String(e)}}));"
        )
        if "err" in result:
            raise RuntimeError(f"axe-core failed on {self.path}: {result['err']}")
        found = result["ok"]
        violations = [
            {
                "id": v["id"],
                "impact": v.get("impact") or "",
                "help": v["help"],
                "nodes": len(v["nodes"]),
                "targets": [", ".join(map(str, n["target"])) for n in v["nodes"][:5]],
            }
            for v in found["violations"]
        ]
        entry = AxeRecord(kind=kind, url=self.path, violations=violations, passes=len(found.get("passes", [])))
        if record:
            AXE_RESULTS[kind] = entry
        assert not entry.failing, f"axe-core: serious/critical violations on {kind} ({self.path}):\n" + "\n".join(
            f"  [{v['impact']}] {v['id']}: {v['help']} at {v['targets']}" for v in entry.failing
        )
        return entry

    def axe_once(self, kind: str):
        if kind not in AXE_RESULTS:
            self.axe(kind)

    # -- signing in -----------------------------------------------------------------------

    def signed_in(self) -> bool:
        return self.exists("button.c-header__signout")

    def account_name(self) -> str:
        text = self.d.find_element(By.CSS_SELECTOR, ".c-header__account").get_attribute("textContent")
        return text.split("signed in as")[0].strip()

    def sign_out(self):
        if self.who is None and not self.signed_in():
            self.go("/sign-in")
        if self.signed_in():
            self.click_and_wait(self.d.find_element(By.CSS_SELECTOR, "button.c-header__signout"))
        self.who = None

    def sign_in(self, address: str, password: str = PASSWORD, *, expect_ok: bool = True):
        """Signs in as `address`, first signing out whoever is signed in."""
        if self.who == address:
            return
        self.go("/sign-in")
        if self.signed_in():
            self.sign_out()
            self.go("/sign-in")
        self.type("email", address)
        self.type("password", password)
        self.press("Sign in")
        if expect_ok:
            assert not self.errors(), f"signing in as {address} failed: {self.errors()}"
            assert self.signed_in(), f"signing in as {address} did not sign in (at {self.path})"
            self.who = address
        else:
            self.who = None

    # -- forms ----------------------------------------------------------------------------

    def type(self, name: str, text: str):
        """Types into a field, replacing what is there (select all, then type)."""
        element = self.d.find_element(By.NAME, name)
        element.send_keys(Keys.CONTROL + "a" + Keys.NULL + (text if text else Keys.DELETE))

    def date(self, name: str, day: dt.date):
        self.type(f"{name}-day", str(day.day))
        self.type(f"{name}-month", str(day.month))
        self.type(f"{name}-year", str(day.year))

    def _activate(self, input_element, label_element):
        """Clicks a radio's or checkbox's label as a person would; if something covers the
        label's middle (the styled input itself), clicks the input."""
        try:
            label_element.click()
        except (ElementClickInterceptedException, ElementNotInteractableException):
            input_element.click()

    OPTIONS_JS = """
        return Array.from(document.querySelectorAll(arguments[0]), function (input) {
            var label = document.querySelector("label[for='" + input.id + "']");
            var hint = document.getElementById(input.id + '-item-hint');
            return {element: input, labelElement: label, value: input.value, checked: input.checked,
                    label: label ? label.innerText.trim() : '', hint: hint ? hint.innerText.trim() : ''};
        });"""

    def choose(self, name: str, value: str):
        """Chooses a radio button by its value, clicking its label as a person would."""
        found = self.js(self.OPTIONS_JS, f"input[type=radio][name='{name}'][value='{value}']")
        assert found, f"{self.path}: no radio {name}={value}"
        self.tick(found[0])

    def options(self, name: str) -> list[dict]:
        """A checkbox or radio group's options: value, label text, hint text, checked."""
        return self.js(self.OPTIONS_JS, f"input[name='{name}']")

    def tick(self, option: dict):
        if not option["checked"]:
            self._activate(option["element"], option["labelElement"])
            option["checked"] = True

    def untick(self, option: dict):
        if option["checked"]:
            self._activate(option["element"], option["labelElement"])
            option["checked"] = False

    def select(self, name: str, *, value: str | None = None, label: str | None = None, containing: str | None = None):
        select = Select(self.d.find_element(By.NAME, name))
        if value is not None:
            select.select_by_value(value)
        elif label is not None:
            select.select_by_visible_text(label)
        else:
            matches = [o for o in select.options if containing in o.text]
            assert matches, f"{self.path}: no option containing {containing!r} in {name}"
            matches[0].click()

    def select_options(self, name: str) -> list[tuple[str, str]]:
        return [
            tuple(o)
            for o in self.js(
                "return Array.from(document.querySelector(\"select[name='\" + arguments[0] + \"']\").options,"
                " o => [o.value, o.text.trim()])",
                name,
            )
        ]

    def press(self, text: str | None = None):
        """Presses the form's submit button (in the page, not the header's sign-out)."""
        buttons = self.js(
            "return Array.from(document.querySelectorAll('main form button[type=submit]'))"
            ".filter(b => arguments[0] === null || b.innerText.trim() === arguments[0])",
            text,
        )
        assert buttons, f"{self.path}: no button {text!r}"
        self.click_and_wait(buttons[0])

    def errors(self) -> list[str]:
        return self.texts(".c-error-summary li")

    def notice(self) -> str:
        return " ".join(self.texts(".c-notification-banner__heading"))

    # -- the dispute page -----------------------------------------------------------------

    def dispute_actions(self) -> dict[str, str]:
        return dict(self.js("return Array.from(document.querySelectorAll('#actions a'), a => [a.innerText.trim(), a.href])"))

    def requirements(self) -> list[tuple[str, str]]:
        return [
            tuple(item)
            for item in self.js(
                "return Array.from(document.querySelectorAll('#requirements li'), li => ["
                " li.querySelector('.c-task-list__name-and-hint > span').innerText.trim(),"
                " li.querySelector('.c-task-list__status').innerText.trim()])"
            )
        ]

    def stage(self) -> tuple[int, int, str]:
        """(stage number, number of stages, stage title) from the dispute page."""
        title, position = self.js(
            "var h = document.getElementById('current-stage');"
            "return [h.innerText.trim(), h.nextElementSibling.innerText.trim()]"
        )
        match = re.match(r"Stage (\d+) of (\d+)", position)
        assert match, f"unexpected stage position {position!r}"
        return int(match.group(1)), int(match.group(2)), title

    def status(self) -> str:
        return self.text("main h1 .c-tag")

    def summary(self, table: str = "#summary") -> dict[str, str]:
        return dict(
            self.js(
                "return Array.from(document.querySelectorAll(arguments[0] + ' .c-summary-list__row'),"
                " r => [r.querySelector('dt').innerText.trim(), r.querySelector('dd').innerText.trim()])",
                table,
            )
        )

    def people(self) -> list[dict]:
        rows = self.js(
            "return Array.from(document.querySelectorAll('#people tbody tr'),"
            " tr => Array.from(tr.querySelectorAll('td'), td => td.innerText.trim()))"
        )
        return [dict(zip(["name", "agency", "role", "stage"], cells)) for cells in rows]


# ---------------------------------------------------------------------------------------------
# Disputes


def today() -> dt.date:
    return dt.datetime.now(ZoneInfo("Europe/London")).date()


@dataclass
class Dispute:
    path: str
    reference: str
    slug: str
    raised_by: str  # the raiser's e-mail
    child: str | None = None
    log: list[str] = field(default_factory=list)  # what the walker did, for failure messages


def raise_dispute(
    b: Browser,
    slug: str,
    *,
    child: str | None,
    flags: tuple[str, ...] = (),
    category: str = "assessment",
    harm: str = "no",
    agency: str = "Health",
    professional: str | None = None,
    check_axe: bool = True,
) -> Dispute:
    """Raises a dispute as whoever is signed in, through 'Raise a dispute' in the header."""
    b.go("/my-work")
    b.follow("Raise a dispute", within="header")
    if b.path == "/disputes/new":  # the agency works for several partnerships
        b.choose("partnership", slug)
        b.press("Continue")
    assert b.path == f"/disputes/new/{slug}", f"raise form expected for {slug}, got {b.path}"
    if check_axe:
        b.axe_once("raise: form")
    if b.exists("select[name=agency]"):
        b.select("agency", containing=agency)
    else:  # a strategic concern: about an agency, or the partnership itself
        b.choose("agency", next(o["value"] for o in b.options("agency") if agency in o["label"]))
    if professional:
        b.select("professional", containing=professional)
    if b.exists("textarea[name=issue]"):
        b.type("issue", "How the partnership's multi-agency front door shares referrals between agencies.")
    else:
        assert child, "a practice dispute needs a child"
        b.secrets.add(child)
        b.type("child-1-name", child)
        b.date("child-1-birth", dt.date(2015, 6, 14))
        b.type("child-1-reference", "CSC-448812")
        for flag in flags:
            option = next(o for o in b.options("child-1-flags[]") if o["value"] == flag)
            b.tick(option)
    # A strategic concern about the partnership asks neither the category nor significant harm.
    if b.exists("[name=category]"):
        b.choose("category", category)
    b.type("disagreement", "Whether the threshold for a child and family assessment is met.")
    b.type("outcome", "A joint review of the referral and an agreed assessment plan.")
    if b.exists("[name=significant-harm]"):
        b.choose("significant-harm", harm)
    b.press("Raise dispute")
    assert not b.errors(), f"raising a {slug} dispute was refused: {b.errors()}"
    assert re.fullmatch(r"/disputes/[0-9A-Fa-f-]{36}", b.path), f"not on a dispute page after raising: {b.path}"
    assert "Dispute raised" in b.notice()
    reference = b.d.find_element(By.CSS_SELECTOR, "main h1").text.split()[0]
    assert b.title == f"Dispute {reference} – Concord"
    return Dispute(path=b.path, reference=reference, slug=slug, raised_by=b.who or "", child=child)


def open_action(b: Browser, dispute: Dispute, title: str):
    """From the dispute page, follows the action link with this title."""
    if b.path != dispute.path:
        b.go(dispute.path)
    actions = b.dispute_actions()
    assert title in actions, f"{dispute.reference}: no action {title!r} at {b.stage()}; actions are {list(actions)}"
    b.follow(title, within="#actions")
    slug = urlparse(actions[title]).path.rsplit("/", 1)[-1]
    b.axe_once(f"action form: {slug}")


def submit_action(b: Browser, dispute: Dispute, what: str):
    """Presses the form's button and expects to be back on the dispute page with a notice."""
    b.press()
    if b.errors() or b.path != dispute.path:
        stage = ""
        raise StepRefused(
            f"{dispute.slug} {dispute.reference}: {what} was refused{stage} at {b.path}: {b.errors() or b.main_text()[:400]}"
            f"\n  steps so far: {dispute.log}"
        )
    assert "Saved to the dispute's record" in b.notice(), f"no success notice after {what}: {b.notice()!r}"
    dispute.log.append(what)


LEVELS = [
    "Practitioner",
    "Line manager or designated safeguarding lead",
    "Second-tier or senior manager",
    "Head of service",
    "Assistant director",
    "Director or chief executive",
]
PARTNERSHIP_LEVELS = ["Partnership business office", "Statutory safeguarding partners", "Independent scrutineer"]


def split_person(label: str) -> tuple[str, str]:
    """'Name, Agency' -> (name, agency)."""
    name, _, agency = label.partition(", ")
    return name, agency


class Walker:
    """Takes one dispute through its policy with the raising practitioner's sign-in."""

    # Where each capacity is usually found, and at which level; only a preference: the engine
    # checks that someone holds the capacity, not who.
    CAPACITY_HOMES = {
        "designated-safeguarding-lead": ("<raising>", LEVELS[1]),
        "independent-reviewing-officer": ("Children's Social Care", LEVELS[1]),
        "early-help-professional": ("Early Help", LEVELS[0]),
        "designated-professional": ("Health", LEVELS[2]),
        "named-professional": ("Health", LEVELS[1]),
    }

    def __init__(self, b: Browser, dispute: Dispute):
        self.b = b
        self.dispute = dispute
        b.go(dispute.path)
        summary = b.summary()
        self.raising_agency = split_person(summary["Raised by"])[1]
        self.other_agencies = [a.strip() for a in summary["With"].split(",")]

    @property
    def log(self):
        return self.dispute.log

    def page(self):
        """The dispute page, reloaded only if the browser is elsewhere: every step's form
        returns to it."""
        if self.b.path != self.dispute.path:
            self.b.go(self.dispute.path)
        self.b.axe_once("dispute page: open")

    def participants(self) -> set[str]:
        return {p["name"] for p in self.b.people()}

    def pending(self) -> list[str]:
        return [name for name, status in self.b.requirements() if status == "Not yet done"]

    # -- one step each ----------------------------------------------------------------------

    def add_participant(self, capacity_label: str):
        b = self.b
        present = self.participants()
        open_action(b, self.dispute, "Add someone to the dispute")
        capacity = next(o for o in b.options("capacity") if o["label"].lower() == capacity_label.lower())
        home, level = self.CAPACITY_HOMES.get(capacity["value"], ("", ""))
        if home == "<raising>":
            home = self.raising_agency

        def score(option):
            match = re.match(r"^(.*?), (.*) \(([^()]*)\)$", option[1])
            if not match:
                return -1
            name, agency, role = match.groups()
            # The role reads "Line manager, independent reviewing officer": the level, then the
            # capacities the directory records, which the form requires for those it records.
            person_level, *held = role.split(", ")
            return (8 * (capacity_label.lower() in held) + 4 * (home != "" and home in agency)
                    + 2 * (person_level == level) + (name not in present))

        candidates = [o for o in b.select_options("person") if o[0]]
        best = max(candidates, key=score)
        b.select("person", value=best[0])
        b.choose("capacity", capacity["value"])
        submit_action(b, self.dispute, f"add {best[1]} as {capacity_label}")

    def record_discussion(self, method: str):
        b = self.b
        open_action(b, self.dispute, "Record a discussion")
        b.choose("method", method)
        for option in b.options("participants[]"):
            b.tick(option)
        b.type("summary", f"Discussed the disagreement ({method}); each agency set out its position.")
        submit_action(b, self.dispute, f"discussion by {method}")

    def record_minutes(self, absent: str | None = None):
        """The stage's meeting held and minuted with everyone (but `absent`, someone's name):
        only minutes show it was held."""
        b = self.b
        open_action(b, self.dispute, "Record the meeting's minutes")
        for option in b.options("attendees[]"):
            if split_person(option["label"])[0] == absent:
                b.untick(option)
            else:
                b.tick(option)
        number = 1
        while b.exists(f"[name='view-{number}']"):
            if not b.d.find_element(By.NAME, f"view-{number}").get_attribute("value"):
                b.type(f"view-{number}", "This agency set out its view and the reasons for it.")
            number += 1
        b.type("options", "A joint home visit, or escalation to the next stage.")
        b.type("action-1", "Share each agency's chronology")
        b.select("owner-1", value=[o for o in b.select_options("owner-1") if o[0]][0][0])
        b.date("due-1", today() + dt.timedelta(days=7))
        b.date("review", today() + dt.timedelta(days=14))
        if b.exists("[name='learning']"):
            b.type("learning", "Share chronologies before the first discussion.")
        submit_action(b, self.dispute, f"meeting minutes without {absent}" if absent else "meeting minutes")

    def agree_plan(self):
        b = self.b
        open_action(b, self.dispute, "Agree or update the plan of action")
        number = 1
        while b.d.find_element(By.NAME, f"action-{number}").get_attribute("value"):
            number += 1
        b.type(f"action-{number}", "Share the assessment chronology with the other agency.")
        owners = [o for o in b.select_options(f"owner-{number}") if o[0]]
        b.select(f"owner-{number}", value=owners[0][0])
        b.date(f"due-{number}", today() + dt.timedelta(days=14))
        submit_action(b, self.dispute, "agree plan")

    def complete_actions(self):
        b = self.b
        while "Mark an action as done" in b.dispute_actions():
            open_action(b, self.dispute, "Mark an action as done")
            b.tick(b.options("action")[0])
            b.type("note", "Done and shared.")
            submit_action(b, self.dispute, "complete action")

    def stage_records(self):
        b = self.b
        open_action(b, self.dispute, "Record this stage's records")
        b.type("actions-taken", "Both agencies reviewed their records and met to discuss the case.")
        b.type("outcome", "Partly agreed: the assessment will go ahead, the plan is still disputed.")
        b.choose("learning-identified", "yes")
        b.type("learning", "Referrals should name the lead professional from the start.")
        b.type("efforts-exhausted", "Direct discussion by telephone and a meeting with both team managers.")
        # The records some protocols name at some stages only.
        extra = {
            "concern-review": "Reviewed against the thresholds document: the concern is justified.",
            "intervention-decision": "The statutory partners asked both heads of service to meet.",
            "lead-partner": "Local Authority",
            "board": "Executive Board",
            "minute-reference": "EB/14",
        }
        for name, text in extra.items():
            if b.exists(f"[name='{name}']"):
                b.type(name, text)
        if b.exists("[name='board-date-day']"):
            b.date("board-date", today())
        submit_action(b, self.dispute, "stage records")

    def acknowledge(self):
        b = self.b
        open_action(b, self.dispute, "Acknowledge receipt")
        b.type("note", "Received in writing today.")
        submit_action(b, self.dispute, "acknowledge")

    def escalate(self, next_index: int, stages: int):
        b = self.b
        open_action(b, self.dispute, "Escalate to the next stage")
        b.type("reason", "The disagreement could not be resolved at this stage.")
        b.type("evidence", "Discussion, a meeting and an agreed plan; the disagreement remains.")
        level = LEVELS[min(next_index, len(LEVELS) - 1)]
        agencies = [self.raising_agency, *self.other_agencies]
        people = b.options("people[]")
        chosen = [p for p in people if p["hint"] == level and split_person(p["label"])[1] in agencies]
        if next_index == stages - 1:
            chosen += [p for p in people if p["hint"] in PARTNERSHIP_LEVELS[:2]]
        if not chosen:
            chosen = people[:1]
        for person in chosen:
            b.tick(person)
        submit_action(b, self.dispute, f"escalate to stage {next_index + 1} with {[p['label'] for p in chosen]}")

    def involve_every_agency(self):
        """A resolution needs someone from each agency to agree it; after a jump to a stage of
        the partnership alone, an agency may have nobody taking part, so bring in its most
        senior person."""
        b = self.b
        present = {p["agency"] for p in b.people()}
        for agency in [self.raising_agency, *self.other_agencies]:
            if agency in present:
                continue
            open_action(b, self.dispute, "Add someone to the dispute")
            candidates = []
            for value, label in b.select_options("person"):
                match = re.match(r"^(.*?), (.*) \(([^()]*)\)$", label)
                if value and match and match.group(2) == agency and match.group(3) in LEVELS:
                    candidates.append((LEVELS.index(match.group(3)), value, label))
            assert candidates, f"nobody from {agency} can be added"
            _, value, label = max(candidates)
            b.select("person", value=value)
            b.choose("capacity", "")
            submit_action(b, self.dispute, f"add {label} to agree the resolution")

    def resolve(self):
        b = self.b
        self.involve_every_agency()
        open_action(b, self.dispute, "Record the resolution")
        b.type("outcome", "Agreed: a joint assessment, led by children's social care, starting this week.")
        options = b.options("agreed-by[]")
        for agency in [self.raising_agency, *self.other_agencies]:
            from_agency = [o for o in options if split_person(o["label"])[1] == agency]
            assert from_agency, f"nobody from {agency} takes part, so nobody from it can agree: {[o['label'] for o in options]}"
            b.tick(from_agency[-1])  # the most recently joined: the most senior so far
        b.type("follow-up", "The business office checks progress at the next partnership meeting.")
        submit_action(b, self.dispute, "resolve")

    def close(self):
        b = self.b
        open_action(b, self.dispute, "Close the dispute")
        if b.exists("input[name=review-held]"):
            b.choose("review-held", "yes")
        b.type("note", "Closed after the resolution was confirmed in writing to both agencies.")
        submit_action(b, self.dispute, "close")

    # -- a whole stage, and the whole walk ----------------------------------------------------

    def satisfy_stage(self):
        """Everything the current stage shows as not yet done, plus a discussion and records."""
        b = self.b
        number, stages, title = b.stage()
        for name, status in b.requirements():
            # "Involve the independent reviewing officer in the resolution meeting" is needed
            # once a meeting is held, which the walker holds below.
            if name.startswith("Involve the ") and status != "Completed":
                capacity = name.removeprefix("Involve the ").split(" in the ")[0]
                # Someone already in that capacity counts at this stage once they take part in
                # one of its discussions, which the walker records below with everyone ticked.
                if not any(p["role"].lower() == capacity.lower() for p in b.people()):
                    self.add_participant(capacity)
        requirements = dict(b.requirements())
        meeting = next((n for n, s in requirements.items() if n.startswith("Hold a ") and s == "Not yet done"), None)
        if meeting:
            self.record_minutes()
        talk = next((n for n in requirements if n.startswith("Discuss it ")), None)
        methods = {"by telephone": "telephone", "face to face": "face-to-face", "by video call": "video",
                   "by e-mail": "email", "in writing": "writing", "at a meeting": "meeting"}
        first = re.split(r", | or ", talk.removeprefix("Discuss it "))[0] if talk else ""
        method = methods.get(first, "telephone")
        if not meeting or talk:
            self.record_discussion(method)
        if any("plan of action" in name for name in self.pending()):
            self.agree_plan()
        if "Acknowledge receipt" in b.dispute_actions():
            self.acknowledge()
        self.stage_records()
        if "Refer onward" in b.dispute_actions() and "action form: refer-onward" not in AXE_RESULTS:
            open_action(b, self.dispute, "Refer onward")  # only to check it with axe
            b.follow("Cancel")
        left = self.pending()
        assert not left, f"{self.dispute.slug} {title}: still not done after the walker's steps: {left}"
        return number, stages

    def walk(self, *, finish: bool = True, stop_at_stage: int | None = None):
        """To the last stage (or `stop_at_stage`), then resolve and close."""
        for _ in range(12):
            self.page()
            if stop_at_stage is not None and self.b.stage()[0] >= stop_at_stage:
                return
            number, stages = self.satisfy_stage()
            if number < stages:
                self.complete_actions()
                self.escalate(number, stages)
                assert self.b.stage()[0] == number + 1, f"escalation did not move on from stage {number}"
                continue
            if finish:
                self.resolve()
                assert self.b.status() == "Resolved", self.b.status()
                self.close()
                assert self.b.status() == "Closed", self.b.status()
            return
        raise AssertionError("the walk did not end")
