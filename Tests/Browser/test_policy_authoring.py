"""A partnership's own procedure, installed in the browser and run from raising to closure:
its quotes checked against the protocol's text on upload, the raiser choosing between the
partnership's procedures, a dispute about an adult, a stage with several clocks (a reply, then
an outcome letter), and a record in the protocol's own words. It runs on a server of its own
(127.0.0.2, so its cookies are its own too), since it changes Oldham's procedures."""

from __future__ import annotations

import pytest

from conftest import start_server, stop_server
from pages import Browser, Dispute, email, open_action, submit_action

RIVERSIDE = """\
id: riverside
name: Riverside Escalation Procedure
partnership: Oldham Safeguarding Partnership
region: england-and-wales
scope: practice
applies_to: When you disagree with another agency about an adult, or about a child and an adult together
subjects: [children, adults]
stages:
  - id: practitioners
    title: The practitioners talk
    summary: The receiving agency speaks to the practitioner who raised it, then confirms the outcome in writing.
    participants:
      - level: practitioner
    timescale: none
    clocks:
      - id: reply
        name: The receiving agency speaks to you
        kind: respond-within
        working_days: 3
        quote: The receiving agency will speak to you within 3 working days.
      - id: outcome-letter
        name: Outcome letter to the raising agency
        kind: letter-within
        letter: Outcome letter
        working_days: 2
        after: reply
        quote: An outcome letter will follow within a further 2 working days.
    records:
      - outcome
      - id: nature-of-disagreement
        title: The precise nature of the disagreement
        quote: the precise nature of the disagreement
  - id: managers
    title: The managers meet
    summary: The line managers meet.
    participants:
      - level: line-manager
    timescale:
      working_days: 5
      quote: Managers will meet within 5 working days.
"""

PROTOCOL = """Riverside Escalation Procedure (for children and adults)

Step 1. Write down the precise nature of the disagreement. The receiving agency will speak to you
within 3 working days. An outcome letter will follow within a further 2 working days.

Step 2. Managers will meet within 5 working days.
"""


@pytest.fixture(scope="module")
def own(tmp_path_factory, driver) -> Browser:
    server = start_server(tmp_path_factory, host="127.0.0.2", log_name="server-authoring.log")
    yield Browser(driver, server.base_url)
    stop_server(server)


def fill(b: Browser, name: str, text: str):
    """Puts a long text into a box at once (typing a whole policy key by key is slow)."""
    b.js("document.getElementsByName(arguments[0])[0].value = arguments[1]", name, text)


def current_versions(b: Browser) -> list[str]:
    return b.js(
        "return Array.from(document.querySelectorAll('#versions tbody tr'))"
        ".filter(tr => tr.innerText.includes('Current')).map(tr => tr.cells[1].innerText.trim())"
    )


def test_a_second_procedure_is_installed_only_when_its_quotes_are_the_protocols_words(own: Browser):
    b = own
    b.sign_in("admin@concord.example")
    b.go("/admin/partnerships/oldham/policies")
    fill(b, "yaml", RIVERSIDE.replace("within 3 working days.", "within three working days."))
    fill(b, "source", PROTOCOL)
    b.press("Check and install")
    assert b.title.startswith("Error: ")
    problems = " ".join(b.texts("#problems li") or b.errors())
    assert "this quote is not word for word in the protocol's text" in problems, problems
    assert 'as far as "The receiving agency will speak to you within" and then differs' in problems, problems
    b.axe("admin: policies (a quote not in the protocol's text)")
    assert current_versions(b) == ["oldham"], "nothing is installed while a quote is wrong"

    fill(b, "yaml", RIVERSIDE)
    fill(b, "source", PROTOCOL)
    b.press("Check and install")
    assert not b.errors(), b.errors()
    assert sorted(current_versions(b)) == ["oldham", "riverside"], "each procedure has its current version"


def test_under_the_second_procedure_a_dispute_about_an_adult_runs_its_clocks_to_closure(own: Browser):
    b = own
    b.sign_in(email("practitioner.health", "oldham"))
    health = b.account_name()
    b.sign_in(email("practitioner.csc", "oldham"))
    raiser = b.account_name()
    b.go("/my-work")
    b.follow("Raise a dispute", within="header")
    assert b.title.startswith("Which procedure applies?"), b.title
    assert "When you disagree with another agency about an adult" in b.main_text()
    b.axe("raise: choose the procedure")
    b.follow("Riverside Escalation Procedure")
    assert "Riverside Escalation Procedure: The practitioners talk is the first stage" in b.main_text()
    b.select("agency", containing="Health")
    b.select("professional", containing=health)
    b.choose("child-1-kind", "adults")
    b.secrets.add("Albert Fenwick-Price")
    b.type("child-1-name", "Albert Fenwick-Price")
    b.choose("category", "assessment")
    b.type("disagreement", "Whether a care and support needs assessment is needed before discharge.")
    b.type("outcome", "A joint assessment before he leaves hospital.")
    b.choose("significant-harm", "no")
    b.axe("raise: form for children and adults")
    b.press("Raise dispute")
    assert not b.errors(), b.errors()
    reference = b.texts("main h1")[0].split()[0]
    dispute = Dispute(path=b.path, reference=reference, slug="oldham", raised_by=b.who or "")
    assert "Adult" in b.texts("main h2")
    deadlines = b.summary("#deadlines")
    assert "The receiving agency speaks to you by" in deadlines, deadlines
    assert ("The precise nature of the disagreement", "Not yet done") in [
        (name.removeprefix("Record: "), status) for name, status in b.requirements()
    ]
    b.axe("dispute page with a stage's clocks")

    # The reply is the receiving side's: in the health practitioner's My work.
    b.sign_in(email("practitioner.health", "oldham"))
    b.go("/my-work")
    assert "The receiving agency speaks to you" in " ".join(b.texts("#your-actions td")), b.texts("#your-actions td")
    open_action(b, dispute, "Record a discussion")
    b.choose("method", "telephone")
    for option in b.options("participants[]"):
        if option["label"].startswith(health) or option["label"].startswith(raiser):
            b.tick(option)
    b.type("summary", "Health called back and agreed to assess jointly.")
    submit_action(b, dispute, "the reply")
    assert "Outcome letter to the raising agency by" in b.summary("#deadlines")

    open_action(b, dispute, "Record a letter sent")
    b.type("to", f"{raiser}, Children's Social Care")
    b.type("summary", "Health will assess jointly before discharge.")
    submit_action(b, dispute, "the outcome letter")
    assert "Outcome letter sent" in b.main_text()
    assert "Record a letter sent" not in b.dispute_actions()

    open_action(b, dispute, "Record this stage's records")
    b.type("outcome", "A joint assessment is booked.")
    b.type("record-nature-of-disagreement", "Whether the assessment must come before discharge.")
    submit_action(b, dispute, "the stage's records")
    assert ("Record: The precise nature of the disagreement", "Completed") in b.requirements()

    open_action(b, dispute, "Record the resolution")
    b.type("outcome", "A joint assessment before discharge.")
    for option in b.options("agreed-by[]"):
        b.tick(option)
    submit_action(b, dispute, "the resolution")
    open_action(b, dispute, "Close the dispute")
    submit_action(b, dispute, "closing")
    assert "Closed" in b.main_text()
