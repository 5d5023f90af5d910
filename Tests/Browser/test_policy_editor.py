"""The policy editor, used as Oldham's business office would: a four-stage procedure written
from nothing through the editor's forms (the protocol's text pasted, timescales typed in the
protocol's words and their reading confirmed, quotes picked from the text's sentences),
previewed as practitioners will see it and on the partnership's calendar, compared and
installed; a practitioner then raises a dispute under it and walks it to closure. A stage
whose text is not yet available keeps a draft from being installed, and nobody but the
business office finds the editor. It runs on a server of its own (127.0.0.4), since it
changes Oldham's procedures."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from selenium.webdriver.common.by import By

from conftest import save_artifacts, start_server, stop_server
from pages import Browser, Dispute, Walker, email, today

OFFICE = email("business-office", "oldham")
PRACTITIONER = email("practitioner.csc", "oldham")
EDITOR = "/partnerships/oldham/policy-editor"

NAME = "Harbour Lane Escalation Protocol"
PROTOCOL = """\
Harbour Lane Escalation Protocol

Stage 1. Practitioners should speak within 48 hours of the disagreement. They write down the outcome of their discussion.

Stage 2. Team Managers will meet within 5 working days of step 1. They agree a plan of action with timescales.

Stage 3. Service Managers must respond immediately where a child is at risk of harm.

Stage 4. The Head of Service and the Partnership Business Unit convene a panel within 10 working days. The panel decides how the disagreement is resolved.
"""
STAGE_1_QUOTE = "Stage 1. Practitioners should speak within 48 hours of the disagreement."
STAGE_2_QUOTE = "Stage 2. Team Managers will meet within 5 working days of step 1."
STAGE_4_QUOTE = "Stage 4. The Head of Service and the Partnership Business Unit convene a panel within 10 working days."
DATE = re.compile(r"^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$")
CONFIRM = "Confirm how Concord reads the timescale, or change it"


@pytest.fixture(scope="module")
def editor_server(tmp_path_factory):
    server = start_server(tmp_path_factory, host="127.0.0.4", log_name="editor.log")
    yield server
    stop_server(server)


@pytest.fixture
def b(request, editor_server, driver) -> Browser:
    """A browser on the editor's own server; on failure its page is saved to artifacts/."""
    browser = Browser(driver, editor_server.base_url)
    yield browser
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        save_artifacts(browser, "editor-" + request.node.name)
        report.sections.append(("concord serve on 127.0.0.4 (end of its log)", editor_server.tail(40)))


# -- the editor's forms, as a person fills them -----------------------------------------------


def back_on_the_draft(b: Browser, draft: str, what: str):
    """A form saved: back on the draft's page with the notice. (The draft's page lists the
    problems a check of the draft finds in an error summary of its own, so a form's errors are
    only looked for when the form came back.)"""
    assert b.path == draft, f"{what} was refused at {b.path}: {b.errors() or b.main_text()[:400]}"
    assert "Changes saved" in b.notice(), f"{what}: no notice ({b.notice()!r})"


def follow_href(b: Browser, ending: str, within: str = "main"):
    """Follows the first link whose address ends so (the draft's "Change" links read "Change"
    to the eye, with the rest of their name visually hidden)."""
    links = b.js(
        "return Array.from(document.querySelectorAll(arguments[0] + ' a')).filter(a => a.pathname.endsWith(arguments[1]))",
        within, ending,
    )
    assert links, f"{b.path}: no link to …{ending}; links are {b.texts(within + ' a')}"
    b.click_and_wait(links[0])


def start_draft(b: Browser, name: str, short: str, subjects: tuple[str, ...]) -> str:
    """From the navigation to a new draft with its name and subjects saved; the draft's path."""
    b.sign_in(OFFICE)
    b.go("/my-work")
    b.follow("Policy editor", within="header")
    assert b.path == EDITOR and b.h1() == "Policy editor", (b.path, b.h1())
    b.choose("start", "new")
    b.press("Start a draft")
    assert b.path.endswith("/details") and b.h1() == "About this policy", (b.path, b.h1())
    draft = b.path.removesuffix("/details")
    b.type("name", name)
    b.type("id", short)
    for option in b.options("subjects[]"):
        (b.tick if option["value"] in subjects else b.untick)(option)
    b.press("Save")
    back_on_the_draft(b, draft, "saving the policy's details")
    assert b.h1() == name
    return draft


def paste_text(b: Browser, draft: str, text: str):
    if b.path != draft:
        b.go(draft)
    follow_href(b, "/source")
    assert b.h1() == "The protocol's text"
    b.type("source", text)
    b.press("Save")
    back_on_the_draft(b, draft, "saving the protocol's text")


def confirm_reading(b: Browser) -> str:
    """The reading Concord offers for a new timescale, shown as the confirm box's hint."""
    return b.js(
        "var box = document.querySelector('input[name=confirm]');"
        "if (!box) return null;"
        "var hint = box.closest('fieldset').querySelector('.c-hint');"
        "return hint ? hint.innerText.trim() : '';"
    )


def fill_stage(
    b: Browser, title: str, summary: str, people: list[tuple[str, str, str]], timescale: str,
    records: tuple[str, ...] = (), pending: bool = False,
):
    """The stage form: each person as (level value, side value, the protocol's title)."""
    b.type("title", title)
    b.type("summary", summary)
    for number, (level, side, name) in enumerate(people, start=1):
        b.select(f"level-{number}", value=level)
        b.select(f"side-{number}", value=side)
        b.type(f"title-{number}", name)
    b.type("timescale", timescale)
    for option in b.options("records[]"):
        (b.tick if option["value"] in records else b.untick)(option)
    pending_box = b.options("pending")[0]
    (b.tick if pending else b.untick)(pending_box)


def add_stage(
    b: Browser, draft: str, title: str, summary: str, people: list[tuple[str, str, str]], timescale: str,
    records: tuple[str, ...] = (), pending: bool = False,
) -> str | None:
    """Adds a stage through "Add a stage", confirming Concord's reading of its timescale when
    asked; the reading, or None when none was asked for (no timescale)."""
    if b.path != draft:
        b.go(draft)
    b.follow("Add a stage")
    assert b.h1() == "Add a stage", b.h1()
    fill_stage(b, title, summary, people, timescale, records, pending)
    b.press("Save stage")
    reading = None
    if b.path != draft:
        assert b.errors() == [CONFIRM], f"{title}: {b.errors() or b.main_text()[:400]}"
        assert b.title.startswith("Error: "), b.title
        reading = confirm_reading(b)
        assert reading, "the confirm box has no reading in its hint"
        # What was typed is kept, and only the box is asked for.
        assert b.d.find_element(By.NAME, "title").get_attribute("value") == title
        assert b.d.find_element(By.NAME, "timescale").get_attribute("value") == timescale
        confirm = b.options("confirm")
        assert [o["label"] for o in confirm] == ["Yes, that is what the protocol means"], confirm
        b.tick(confirm[0])
        b.press("Save stage")
    back_on_the_draft(b, draft, f"saving the stage {title!r}")
    return reading


def choose_quote(b: Browser, draft: str, stage: int, find: str, sentence: str, *, not_shown: str):
    """Picks the stage's quote from the text's sentences, narrowed with the search box."""
    if b.path != draft:
        b.go(draft)
    follow_href(b, f"/stages/{stage}/quote", within=f"#stage-{stage}")
    assert b.h1() == "Choose the protocol's words for the timescale", b.h1()
    everything = [o["value"] for o in b.options("quote")]
    assert sentence in everything and not_shown in everything, everything
    b.type("find", find)
    b.press("Find")
    assert b.path.endswith(f"/stages/{stage}/quote"), b.path
    shown = [o["value"] for o in b.options("quote")]
    assert sentence in shown, f"searching {find!r} does not offer {sentence!r}: {shown}"
    assert not_shown not in shown, f"searching {find!r} still offers {not_shown!r}"
    assert len(shown) < len(everything)
    b.choose("quote", sentence)
    b.press("Use this sentence")
    back_on_the_draft(b, draft, f"choosing stage {stage}'s quote")


def stage_card(b: Browser, number: int) -> dict:
    card = b.js(
        "var card = document.getElementById('stage-' + arguments[0]);"
        "if (!card) return null;"
        "var rows = {};"
        "card.querySelectorAll('.c-summary-list__row').forEach(r =>"
        "  rows[r.querySelector('dt').innerText.trim()] = r.querySelector('dd').innerText.trim());"
        "return {title: card.querySelector('h3').innerText.trim(), text: card.innerText, rows: rows,"
        "  people: Array.from(card.querySelectorAll('.c-summary-list__row:first-child li'), li => li.innerText.trim()),"
        "  quote: (card.querySelector('.c-inset-text') || {innerText: ''}).innerText.trim(),"
        "  tag: (card.querySelector('.c-tag') || {innerText: ''}).innerText.trim(),"
        "  orange: card.querySelector('h3 .c-tag.c-tag--orange') !== null};",
        number,
    )
    assert card, f"{b.path}: no stage card {number}"
    return card


def install_button(b: Browser) -> bool:
    return bool(b.js(
        "return Array.from(document.querySelectorAll('main form button[type=submit]'))"
        ".some(x => x.innerText.trim() === 'Install this policy')"
    ))


# -- the tests --------------------------------------------------------------------------------

STAGES = [
    "Practitioners speak",
    "Team managers meet",
    "Service managers respond",
    "The partnership panel",
]


def test_a_four_stage_policy_written_in_the_editor_is_installed_and_runs_a_dispute_to_closure(b: Browser):
    draft = start_draft(b, NAME, "harbour-lane", ("children", "adults"))
    assert b.summary("#details")["About"] == "Children, Adults", b.summary("#details")
    assert "stages: expected at least one entry" in b.text("#problems"), "a draft without stages is not checked"
    assert "Put right the problems listed first" in b.text("#install-blocked")
    assert not install_button(b)
    assert b.text("#source-summary") == "Not added yet"
    paste_text(b, draft, PROTOCOL)
    assert b.text("#source-summary") == "8 sentences to choose quotes from", b.text("#source-summary")

    readings = [
        add_stage(
            b, draft, STAGES[0], "The two practitioners talk the disagreement through and record the outcome.",
            [("practitioner", "both", "")], "within 48 hours of the disagreement", records=("outcome",)),
        # No level chosen: the protocol's "Team Manager" is read as a line manager.
        add_stage(
            b, draft, STAGES[1], "The team managers meet and agree a plan of action.",
            [("", "both", "Team Manager")], "within 5 working days of step 1", records=("agreed-plan",)),
        add_stage(
            b, draft, STAGES[2], "The service managers respond the same working day.",
            [("senior-manager", "both", "Service Manager")], "immediately"),
        add_stage(
            b, draft, STAGES[3], "The heads of service and the partnership business unit convene a panel.",
            [("head-of-service", "both", "Head of Service"),
             ("partnership-business-office", "partnership", "Partnership Business Unit")],
            "within 10 working days", records=("outcome", "learning-identified")),
    ]
    assert readings[0].startswith("48 hours (2 working days) from the decision or disagreement, counted as working hours"), readings[0]
    assert readings[1].startswith(f'5 working days from the start of "{STAGES[0]}"'), readings[1]
    assert readings[2].startswith("Immediately (the same working day) from the start of the stage"), readings[2]
    assert readings[3].startswith("10 working days from the start of the stage, counted on the partnership's working days"), readings[3]

    # Words that do not say which days are refused with the two readings to choose from.
    b.follow("Add a stage")
    fill_stage(b, "A fifth stage", "Not kept.", [("director", "both", "")], "5 days")
    b.press("Save stage")
    assert b.errors() == ['"5 days" does not say which days; write "5 working days" or "5 calendar days", as the protocol means'], b.errors()
    assert confirm_reading(b) is None, "an unreadable timescale is not offered for confirming"
    b.follow("Back to the draft")
    assert b.path == draft and not b.exists("#stage-5"), "the refused stage was saved"

    # Quotes are picked from the text's sentences, narrowed with the search box.
    choose_quote(b, draft, 1, "48 hours", STAGE_1_QUOTE, not_shown=STAGE_2_QUOTE)
    choose_quote(b, draft, 2, "team managers", STAGE_2_QUOTE, not_shown=STAGE_1_QUOTE)
    choose_quote(b, draft, 4, "panel within", STAGE_4_QUOTE, not_shown=STAGE_1_QUOTE)

    # Nothing chosen is refused.
    follow_href(b, "/stages/3/quote", within="#stage-3")
    b.press("Use this sentence")
    assert b.errors() == ["Choose the sentence the protocol uses for the timescale"], b.errors()
    assert b.title.startswith("Error: ")
    b.follow("Back to the draft")

    # The stages as practitioners will see them.
    assert not b.exists("#problems"), b.text("#problems")
    cards = [stage_card(b, number) for number in range(1, 5)]
    for number, card in enumerate(cards, start=1):
        assert card["title"] == f"Stage {number}: {STAGES[number - 1]}", card["title"]
        assert not card["tag"], f"stage {number} is tagged {card['tag']!r}"
    assert cards[0]["rows"]["Timescale"].startswith("48 hours (2 working days) from the decision or disagreement"), cards[0]["rows"]
    assert cards[0]["quote"] == f"“{STAGE_1_QUOTE}”", cards[0]["quote"]
    assert "Team Manager" in cards[1]["rows"]["Who takes part"], cards[1]["rows"]
    # How it names stage 1: test_a_stage_counted_from_an_earlier_one_names_it_as_the_protocol_does.
    assert cards[1]["rows"]["Timescale"].startswith("5 working days from the start of "), cards[1]["rows"]
    assert cards[1]["quote"] == f"“{STAGE_2_QUOTE}”", cards[1]["quote"]
    assert "an agreed plan of action with timescales" in cards[1]["rows"]["Must be recorded"].lower(), cards[1]["rows"]
    assert "Service Manager" in cards[2]["rows"]["Who takes part"], cards[2]["rows"]
    assert cards[2]["rows"]["Timescale"].lower().startswith("immediately"), cards[2]["rows"]
    assert cards[2]["quote"] == "", "stage 3's quote was never chosen"
    assert "Head of Service" in cards[3]["rows"]["Who takes part"], cards[3]["rows"]
    assert "Partnership Business Unit" in cards[3]["rows"]["Who takes part"], cards[3]["rows"]
    assert cards[3]["quote"] == f"“{STAGE_4_QUOTE}”", cards[3]["quote"]

    # The "Team Manager" is kept as a line manager, and the timescale's words read back the same.
    follow_href(b, "/stages/2/edit", within="#stage-2")
    assert b.h1() == f"Stage 2: {STAGES[1]}", b.h1()
    def field(name: str) -> str:
        return b.d.find_element(By.NAME, name).get_attribute("value")

    assert (field("level-1"), field("title-1")) == ("line-manager", "Team Manager"), (field("level-1"), field("title-1"))
    assert field("timescale") == "within 5 working days of step 1", field("timescale")
    assert field("level-2") == "", "a second person appeared"
    b.follow("Back to the draft")

    # The timeline, on Oldham's calendar: a row a stage, each with its dates.
    rows = b.js(
        "return Array.from(document.querySelectorAll('#timeline tbody tr'),"
        " tr => Array.from(tr.cells, td => td.innerText.trim()))"
    )
    assert [row[0] for row in rows] == STAGES, rows
    for stage, starts, due in rows:
        assert DATE.match(starts) and DATE.match(due), f"{stage}: starts {starts!r}, due {due!r}"

    # Against what is installed: nothing of this procedure, so every line is added.
    b.follow("See what changes against the version installed now")
    assert b.h1() == "What changes"
    assert "every line is new" in b.text("#compare-summary"), b.text("#compare-summary")
    added = b.texts("#diff ins")
    assert "+ id: harbour-lane" in added, added[:10]
    for title in STAGES:
        assert any(title in line for line in added), f"{title!r} is not among the added lines"
    assert not b.texts("#diff del")
    b.follow("Back to the draft")

    assert not b.exists("#install-blocked"), b.text("#install-blocked")
    b.press("Install this policy")
    assert b.path == draft, b.path
    assert "Policy installed" in b.notice(), b.notice() or b.main_text()[:400]

    # A practitioner chooses the new procedure and walks a dispute under it to closure.
    b.sign_in(email("practitioner.health", "oldham"))
    health = b.account_name()
    b.sign_in(PRACTITIONER)
    b.go("/my-work")
    b.follow("Raise a dispute", within="header")
    assert b.title.startswith("Which procedure applies?"), b.title
    procedures = b.texts("#procedures a")
    assert NAME in procedures and len(procedures) == 2, procedures
    b.follow(NAME)
    assert f"{NAME}: {STAGES[0]} is the first stage" in b.main_text()
    b.select("agency", containing="Health")
    b.select("professional", containing=health)
    b.choose("child-1-kind", "children")
    child = "Marigold Ashworth-Penney"
    b.secrets.add(child)
    b.type("child-1-name", child)
    b.date("child-1-birth", dt.date(2016, 3, 9))
    b.date("decided", today())
    b.choose("category", "assessment")
    b.type("disagreement", "Whether the threshold for a child and family assessment is met.")
    b.type("outcome", "A joint review of the referral and an agreed assessment plan.")
    b.choose("significant-harm", "no")
    b.press("Raise dispute")
    assert not b.errors(), b.errors()
    assert re.fullmatch(r"/disputes/[0-9A-Fa-f-]{36}", b.path), b.path
    assert "Dispute raised" in b.notice()
    reference = b.texts("main h1")[0].split()[0]
    dispute = Dispute(path=b.path, reference=reference, slug="oldham", raised_by=PRACTITIONER, child=child)
    assert b.stage() == (1, 4, STAGES[0]), b.stage()

    walker = Walker(b, dispute)
    for number in range(2, 5):
        walker.walk(stop_at_stage=number)
        walker.page()
        assert b.stage() == (number, 4, STAGES[number - 1]), f"{b.stage()}; steps: {dispute.log}"
    walker.walk()
    assert b.status() == "Closed", b.status()
    text = b.main_text()
    missing = [title for title in STAGES if title not in text]
    assert not missing, f"the closed dispute's page does not name the stages {missing}"


def test_a_stage_whose_text_is_not_yet_available_keeps_the_draft_from_being_installed(b: Browser):
    draft = start_draft(b, "Moorside Escalation Protocol", "moorside", ("children",))
    add_stage(b, draft, "Practitioners talk", "The practitioners talk it through.",
              [("practitioner", "both", "")], "5 working days")
    # Without the protocol's text nothing can be checked, so nothing can be installed.
    blocked = b.text("#install-blocked")
    assert "Add the protocol's text" in blocked, blocked or b.main_text()[-600:]
    assert not install_button(b), "an install button beside the warning"

    paste_text(b, draft, "Moorside Escalation Protocol\n\nStage 1. Practitioners talk within 5 working days.\n")
    reading = add_stage(b, draft, "Directors", "", [], "none", pending=True)
    assert reading is None, "a stage without a timescale asks for no reading"
    card = stage_card(b, 2)
    assert card["tag"] == "Text not yet available" and card["orange"], card
    assert not stage_card(b, 1)["tag"]
    blocked = b.text("#install-blocked")
    assert "It cannot be installed yet." in blocked, blocked
    assert "The protocol's text is not yet available for stage 2 (Directors)" in blocked, blocked
    assert "Line " not in blocked, "the business office is not shown the YAML's lines"
    assert not install_button(b), "an install button beside the warning"
    timeline = b.texts("#timeline tbody tr")
    assert any("Directors (text not yet available)" in row for row in timeline), timeline

    # The marker was what stopped it: with the stage written, it can be installed.
    follow_href(b, "/stages/2/edit", within="#stage-2")
    assert b.h1() == "Stage 2: Directors", b.h1()
    assert b.options("pending")[0]["checked"], "the marker is not shown ticked"
    fill_stage(b, "Directors", "The directors meet.", [("director", "both", "")], "none")
    b.press("Save stage")
    back_on_the_draft(b, draft, "saving stage 2 without the marker")
    assert not stage_card(b, 2)["tag"]
    assert install_button(b) and not b.exists("#install-blocked"), b.text("#install-blocked")


def test_only_the_business_office_finds_the_editor(b: Browser):
    b.sign_in(OFFICE)
    b.go(EDITOR)
    b.choose("start", "new")
    b.press("Start a draft")
    draft = b.path.removesuffix("/details")

    b.sign_in(PRACTITIONER)
    b.go("/my-work")
    navigation = b.texts("header nav a")
    assert "My work" in navigation and "Policy editor" not in navigation, navigation
    for path in (EDITOR, draft, draft + "/stages/new/edit"):
        b.go(path)
        assert b.h1() == "Page not found", f"{path}: {b.h1()}"

    # Another partnership's business office has an editor of its own, not Oldham's.
    b.sign_in(email("business-office", "coventry"))
    b.go("/my-work")
    b.follow("Policy editor", within="header")
    assert b.path == "/partnerships/coventry/policy-editor", b.path
    for path in (EDITOR, draft):
        b.go(path)
        assert b.h1() == "Page not found", f"{path}: {b.h1()}"


def test_a_stage_counted_from_an_earlier_one_names_it_as_the_protocol_does(b: Browser):
    """The draft's page shows the stages "as practitioners will see them": a timescale counted
    from an earlier stage names it by its title, as the reading confirmed on saving did, not by
    the id the YAML gives it."""
    draft = start_draft(b, "Fernlea Escalation Protocol", "fernlea", ("children",))
    add_stage(b, draft, "First conversation", "The practitioners talk.", [("practitioner", "both", "")], "none")
    reading = add_stage(b, draft, "Managers review", "The team managers review it.",
                        [("", "both", "Team Manager")], "within 3 working days of step 1")
    assert reading.startswith('3 working days from the start of "First conversation"'), reading
    shown = stage_card(b, 2)["rows"]["Timescale"].splitlines()[0]
    assert shown == '3 working days from the start of "First conversation"', (
        f"stage 2's card reads {shown!r}, where the reading confirmed was {reading!r}")
