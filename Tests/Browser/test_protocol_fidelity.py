"""Every rule means what its protocol says: the forms that put a protocol's own sentence into
practice, used by the demo people the sentence names. Each test quotes the sentence it holds
Concord to and checks what the pages show after posting: the record made, or the refusal with
its message and nothing recorded. New forms and refusals are checked with axe-core as shown."""

from __future__ import annotations

import datetime as dt
import json
import pathlib

import pytest
from selenium.webdriver.common.by import By

from pages import Browser, Dispute, StepRefused, Walker, email, open_action, raise_dispute, split_person, submit_action, today

BANK_HOLIDAYS = pathlib.Path(__file__).resolve().parents[2] / "Sources/ConcordCore/Resources/govuk-bank-holidays.json"


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The `count`th working day after `start` in England and Wales: no weekends, no bank holidays."""
    events = json.loads(BANK_HOLIDAYS.read_text())["england-and-wales"]["events"]
    holidays = {event["date"] for event in events}
    day = start
    while count:
        day += dt.timedelta(days=1)
        if day.weekday() < 5 and day.isoformat() not in holidays:
            count -= 1
    return day


def shown(day: dt.date) -> str:
    """A date as Concord writes it: '9 December 2026'."""
    return f"{day.day} {day:%B %Y}"


def person(b: Browser, local: str, slug: str) -> str:
    """Signs in as a demo user and returns their name."""
    b.sign_in(email(local, slug))
    return b.account_name()


def stage_started(b: Browser) -> dt.date:
    position = b.js("return document.getElementById('current-stage').nextElementSibling.innerText.trim()")
    return dt.datetime.strptime(position.split(", started ")[1], "%d %B %Y").date()


def requirement(b: Browser, name: str) -> dict:
    """One line of the dispute page's 'What this stage requires': its status and the words
    quoted under it."""
    items = b.js(
        "return Array.from(document.querySelectorAll('#requirements li'), li => ({"
        " name: li.querySelector('.c-task-list__name-and-hint > span').innerText.trim(),"
        " hint: (li.querySelector('.c-task-list__hint') || {innerText: ''}).innerText.trim(),"
        " status: li.querySelector('.c-task-list__status').innerText.trim()}))"
    )
    found = [item for item in items if item["name"] == name]
    assert found, f"{b.path} {b.stage()[2]}: no requirement {name!r}; they are {[item['name'] for item in items]}"
    return found[0]


def timeline(b: Browser) -> list[dict]:
    """The dispute page's timeline, newest first: each entry's title, byline and lines."""
    return b.js(
        "return Array.from(document.querySelectorAll('#timeline .c-timeline__item'), li => ({"
        " title: li.querySelector('.c-timeline__title').innerText.trim(),"
        " by: li.querySelector('.c-timeline__byline').innerText.trim(),"
        " lines: Object.fromEntries(Array.from(li.querySelectorAll('dt'),"
        "  dt => [dt.innerText.trim(), dt.nextElementSibling.innerText.trim()]))}))"
    )


def latest(b: Browser, title: str) -> dict:
    """The newest timeline entry with this title."""
    entries = timeline(b)
    found = [entry for entry in entries if entry["title"] == title]
    assert found, f"{b.path}: no timeline entry {title!r}; the timeline is {[entry['title'] for entry in entries]}"
    return found[0]


def titles(b: Browser) -> list[str]:
    return [entry["title"] for entry in timeline(b)]


def tick_people(b: Browser, field: str, names: list[str]):
    options = {split_person(option["label"])[0]: option for option in b.options(field)}
    for name in names:
        assert name in options, f"{b.path}: {name} cannot be chosen in {field}; the choices are {list(options)}"
        b.tick(options[name])


def add_person(b: Browser, dispute: Dispute, name: str):
    open_action(b, dispute, "Add someone to the dispute")
    b.select("person", containing=f"{name}, ")
    b.choose("capacity", "")
    submit_action(b, dispute, f"add {name}")


# -- Sunderland ---------------------------------------------------------------------------------


def test_sunderland_timescales_not_exceeding_5_working_days_should_be_agreed_for_each_stage(browser: Browser):
    """Sunderland: "Timescales, not exceeding 5 working days, should be agreed for each stage
    taking into consideration risk to the child." The two frontline practitioners agree 3
    working days, with the reason, and the stage's deadline moves to match; 6 is refused,
    saying why, and nothing is recorded; the next step starts with the protocol's 5 again."""
    b = browser
    other = person(b, "practitioner.health", "sunderland")
    raiser = person(b, "practitioner.csc", "sunderland")
    dispute = raise_dispute(b, "sunderland", child="Esme Fallowfield", agency="Health", professional=other)
    b.go(dispute.path)
    started = stage_started(b)
    protocol_due = shown(add_working_days(started, 5))
    assert b.summary("#deadlines")["This stage is due"].startswith(protocol_due)
    reason = "The child is at home with the adult of concern, so three days at most."

    open_action(b, dispute, "Agree this stage's timescale")
    assert ("“Timescales, not exceeding 5 working days, should be agreed for each stage taking into consideration"
            " risk to the child.”") in b.main_text()
    b.type("working-days", "6")
    b.type("reason", reason)
    tick_people(b, "agreed-by[]", [raiser, other])
    b.press("Agree timescale")
    assert b.errors() == ["An agreed timescale must be between 1 and 5 working days, the protocol's maximum"]
    assert b.title.startswith("Error: ")
    assert b.d.find_element(By.NAME, "working-days").get_attribute("value") == "6", "the answer is kept to be corrected"
    b.axe("action form: agree-timescale (more than the protocol allows)")
    b.go(dispute.path)
    assert b.summary("#deadlines")["This stage is due"].startswith(protocol_due), "the refusal moved the deadline"
    assert not [name for name, _ in b.requirements() if name.startswith("Agreed timescale")]
    assert not [title for title in titles(b) if title.startswith("Timescale of")], "a refused timescale was recorded"

    open_action(b, dispute, "Agree this stage's timescale")
    b.type("working-days", "3")
    b.type("reason", reason)
    tick_people(b, "agreed-by[]", [raiser, other])
    submit_action(b, dispute, "agree 3 working days")
    agreed_due = shown(add_working_days(started, 3))
    deadlines = b.summary("#deadlines")
    assert "This stage is due" not in deadlines, deadlines
    assert deadlines["The timescale agreed for this stage ends"].startswith(agreed_due), deadlines
    agreed = requirement(b, "Agreed timescale: 3 working days")
    assert agreed["status"] == "Agreed" and reason in agreed["hint"]
    entry = latest(b, "Timescale of 3 working days agreed")
    assert entry["by"] == f"by {raiser}"
    assert entry["lines"]["Now due"] == agreed_due and entry["lines"]["Why"] == reason
    assert raiser in entry["lines"]["Agreed by"] and other in entry["lines"]["Agreed by"]

    # "for each stage": the next step has the protocol's own maximum until its people agree theirs.
    Walker(b, dispute).walk(stop_at_stage=2)
    assert b.stage()[0] == 2
    assert b.summary("#deadlines")["This stage is due"].startswith(shown(add_working_days(stage_started(b), 5)))
    assert not [name for name, _ in b.requirements() if name.startswith("Agreed timescale")]
    assert "Agree this stage's timescale" in b.dispute_actions()


def your_actions(b: Browser) -> list[dict]:
    """My work's 'Your actions': each row's reference, action and due date."""
    b.go("/my-work")
    return b.js(
        "return Array.from(document.querySelectorAll('#your-actions tbody tr'), tr => ({"
        " reference: tr.cells[0].innerText.trim(), href: tr.cells[0].querySelector('a').getAttribute('href'),"
        " action: tr.cells[1].innerText.trim(), due: tr.cells[2].innerText.trim()}))"
    )


def test_sunderland_a_timescale_for_response_from_the_other_line_manager_should_also_be_agreed(browser: Browser):
    """Sunderland: "a timescale for response from the other line manager should also be
    agreed". Agreeing the stage's timescale also names who is to respond and within how many
    working days; the response is then a deadline of its own on the dispute page and in that
    person's My work, until a discussion they take part in is recorded."""
    b = browser
    other = person(b, "practitioner.health", "sunderland")
    raiser = person(b, "practitioner.csc", "sunderland")
    dispute = raise_dispute(b, "sunderland", child="Orla Penhaligon", agency="Health", professional=other)
    open_action(b, dispute, "Agree this stage's timescale")
    b.type("working-days", "4")
    b.type("reason", "The child is safe at school this week.")
    tick_people(b, "agreed-by[]", [raiser, other])
    b.select("responder", containing=f"{other}, ")
    b.type("response-days", "6")
    b.press("Agree timescale")
    assert b.errors() == ["An agreed timescale must be between 1 and 5 working days, the protocol's maximum"], b.errors()
    b.type("response-days", "2")
    submit_action(b, dispute, "agree a response from the other side within 2 working days")
    due = shown(add_working_days(today(), 2))
    assert b.summary("#deadlines")[f"Response from {other} due"].startswith(due)
    assert requirement(b, f"Response from {other} within 2 working days")["status"] == f"Due {due}"
    b.axe("dispute page with an agreed response")

    # The response is the other practitioner's to give: in their My work, not the raiser's.
    assert not [row for row in your_actions(b) if row["reference"] == dispute.reference]
    b.sign_in(email("practitioner.health", "sunderland"))
    mine = [row for row in your_actions(b) if row["reference"] == dispute.reference]
    assert [row["action"] for row in mine] == ["Respond to the concern, as agreed"], mine
    assert mine[0]["due"].startswith(due) and mine[0]["href"] == dispute.path + "#deadlines"
    b.axe("my work with your actions")

    # A discussion they take part in gives the response.
    b.go(dispute.path)
    open_action(b, dispute, "Record a discussion")
    b.choose("method", "telephone")
    tick_people(b, "participants[]", [raiser, other])
    b.type("summary", "Health responded: it will attend the strategy discussion.")
    submit_action(b, dispute, "the response given")
    assert requirement(b, f"Response from {other} within 2 working days")["status"] == f"Given {shown(today())}"
    assert f"Response from {other} due" not in b.summary("#deadlines")
    assert not [row for row in your_actions(b) if row["reference"] == dispute.reference]


def test_sunderland_the_line_manager_should_review_the_concern_to_ensure_it_is_justified(browser: Browser):
    """Sunderland, step 2: "The line manager should review the concern to ensure it is
    justified." Step 2's records ask the line manager for that review (step 1's do not);
    without it the dispute cannot leave step 2; once the line manager records it, it shows in
    the timeline as theirs and the dispute moves on."""
    b = browser
    b.sign_in(email("practitioner.csc", "sunderland"))
    dispute = raise_dispute(b, "sunderland", child="Hollis Brackenridge", agency="Health")
    open_action(b, dispute, "Record this stage's records")
    assert not b.exists("[name=concern-review]"), "step 1's records ask for the line manager's review"
    walker = Walker(b, dispute)
    walker.walk(stop_at_stage=2)
    assert b.stage()[2] == "Step 2: Resolution by Line Manager"
    name = "Record the line manager's review that the concern is justified"
    assert requirement(b, name)["status"] == "Not yet done"

    manager = person(b, "line-manager.csc", "sunderland")
    walker.record_discussion("face-to-face")
    open_action(b, dispute, "Record this stage's records")
    assert b.text("label[for=concern-review]") == "Line manager: having reviewed the concern, is it justified, and why?"
    b.axe("action form: stage-records (the line manager's review)")
    b.type("actions-taken", "The two line managers spoke face to face with the designated lead.")
    b.type("outcome", "Not agreed: health still does not accept the referral.")
    b.choose("learning-identified", "no")
    submit_action(b, dispute, "step 2 records without the line manager's review")
    assert requirement(b, name)["status"] == "Not yet done"

    with pytest.raises(StepRefused):
        walker.escalate(2, 4)
    assert b.errors() == [
        "“Step 2: Resolution by Line Manager” cannot be left without its records: the line manager's review of"
        " whether the concern is justified"
    ]
    b.axe("action form: escalate (records missing)")
    b.go(dispute.path)
    assert b.stage()[0] == 2, "the dispute left step 2 without the line manager's review"

    review = "Justified: the referral meets level 3 of the thresholds document and health has not responded."
    open_action(b, dispute, "Record this stage's records")
    b.type("concern-review", review)
    submit_action(b, dispute, "the line manager's review")
    assert requirement(b, name)["status"] == "Completed"
    entry = latest(b, "Stage records recorded")
    assert entry["by"] == f"by {manager}"
    assert entry["lines"]["Line manager's review of the concern"] == review
    walker.escalate(2, 4)
    assert b.stage()[0] == 3


def test_sunderland_the_thresholds_document_should_always_be_used_to_identify_the_level_of_need(browser: Browser):
    """Sunderland: "The thresholds document should always be used to identify the level of
    need." The page of a dispute at each of the four steps (the demo has one at every step)
    shows the document with those words; Oldham's, whose protocol names none, does not."""
    b = browser
    b.sign_in(email("business-office", "sunderland"))
    b.go("/partnerships/sunderland")
    stages = [(value, title) for value, title in b.select_options("stage") if value]
    assert len(stages) == 4, stages
    for value, title in stages:
        b.go(f"/partnerships/sunderland?stage={value}")
        links = b.js("return Array.from(document.querySelectorAll('#all a[href^=\"/disputes/\"]'), a => a.href)")
        assert links, f"the demo has no dispute at {title}"
        b.go(links[0])
        assert b.stage()[2] == title
        guidance = requirement(b, "Use the Thresholds document")
        assert guidance["status"] == "Guidance"
        assert guidance["hint"] == "“The thresholds document should always be used to identify the level of need”"

    b.sign_in(email("practitioner.csc", "oldham"))
    dispute = raise_dispute(b, "oldham", child="Ada Penrose", agency="Health")
    b.go(dispute.path)
    assert "thresholds document" not in b.text("#requirements").lower()


# -- Coventry -----------------------------------------------------------------------------------


def test_coventry_consideration_should_be_given_to_holding_a_multi_agency_review(browser: Browser):
    """Coventry, stage four: "In all cases which reach this stage, consideration should be given
    to holding a multi-agency review to learn lessons and develop policy as a result of the
    disagreement." Only on reaching stage four is the Head of Safeguarding asked to decide,
    once; the review is then recorded (when, who took part, the lessons and the policy
    changes) and shows in the timeline."""
    b = browser
    head = person(b, "head-of-service.csc", "coventry")
    health_head = person(b, "head-of-service.health", "coventry")
    office = person(b, "business-office", "coventry")
    b.sign_in(email("practitioner.csc", "coventry"))
    dispute = raise_dispute(b, "coventry", child="Rowan Tillingham", agency="Health")
    walker = Walker(b, dispute)
    for stage in (2, 3, 4):
        walker.page()
        assert "Decide whether to hold the review" not in b.dispute_actions(), f"offered at stage {b.stage()[0]}"
        walker.walk(stop_at_stage=stage)
    assert b.stage()[:2] == (4, 4)

    b.sign_in(email("head-of-service.csc", "coventry"))
    b.go(dispute.path)
    assert head in [p["name"] for p in b.people()], "the Head of Safeguarding takes part at stage four"
    open_action(b, dispute, "Decide whether to hold the review")
    assert "In all cases which reach this stage, consideration should be given to holding a multi-agency review" in (
        b.main_text())
    b.press("Save decision")
    assert b.errors() == ["Select yes if the review will be held"]
    b.axe("action form: consider-review (errors)")
    why = "The referral waited a month between stages; both agencies want to learn from it."
    b.choose("will-hold", "yes")
    b.type("note", why)
    submit_action(b, dispute, "decide to hold the review")
    decided = latest(b, "Decided to hold a multi-agency review")
    assert decided["by"] == f"by {head}" and decided["lines"] == {"Why": why}
    actions = b.dispute_actions()
    assert "Decide whether to hold the review" not in actions, "the review was decided twice"
    assert "Record the review" in actions

    b.sign_in(email("business-office", "coventry"))
    open_action(b, dispute, "Record the review")
    b.press("Record review")
    assert b.errors() == ["Select who took part", "Enter the lessons learned"]
    b.axe("action form: record-review (errors)")
    lessons = "Threshold disagreements reached the heads of service before anyone used the thresholds guidance."
    changes = "The escalation policy will ask for the thresholds guidance at stage one."
    b.date("held", today())
    tick_people(b, "participants[]", [head, health_head, office])
    b.type("lessons", lessons)
    b.type("policy-changes", changes)
    submit_action(b, dispute, "record the review")
    review = latest(b, "Multi-agency review recorded")
    assert review["by"] == f"by {office}"
    assert review["lines"]["Held"] == shown(today())
    assert all(name in review["lines"]["Took part"] for name in (head, health_head, office)), review
    assert review["lines"]["Lessons learned"] == lessons
    assert review["lines"]["Policy changes agreed"] == changes
    assert "Record the review" not in b.dispute_actions()


# -- North East Lincolnshire --------------------------------------------------------------------


def nel_at_independent_scrutiny_officer(b: Browser, lead: str) -> tuple[Dispute, Walker]:
    """A strategic dispute raised by the agency lead and taken to the Independent Scrutiny
    Officer, the last stage."""
    b.sign_in(lead)
    dispute = raise_dispute(b, "north-east-lincolnshire", child=None, category="information-sharing", agency="Health")
    walker = Walker(b, dispute)
    walker.walk(stop_at_stage=4)
    assert b.stage()[2] == "Independent Scrutiny Officer"
    return dispute, walker


def test_nel_disputes_will_be_formally_recorded_within_the_scp_board_minutes(browser: Browser):
    """North East Lincolnshire, Independent Scrutiny Officer: "Disputes will be formally
    recorded within the SCP board minutes and held within the SCP records." At that stage the
    board, the date of its meeting and the minute reference are required: a resolution without
    them is refused, part of them is refused, and all three show in the timeline."""
    b = browser
    dispute, walker = nel_at_independent_scrutiny_officer(b, email("senior-manager.csc", "north-east-lincolnshire"))
    name = "Record where the dispute is recorded in the board's minutes"
    assert requirement(b, name)["status"] == "Not yet done"

    b.sign_in(email("business-office", "north-east-lincolnshire"))
    with pytest.raises(StepRefused):
        walker.resolve()
    assert b.errors() == [
        "“Independent Scrutiny Officer” cannot be left without its records: where the dispute is recorded in the"
        " board's minutes"
    ]
    b.axe("action form: resolve (records missing)")
    b.go(dispute.path)
    assert b.status() == "Open"

    open_action(b, dispute, "Record this stage's records")
    b.axe("action form: stage-records (board minute)")
    b.type("outcome", "The Independent Scrutiny Officer mediated: the front door will copy health into referrals.")
    b.type("board", "NELSCP Executive Board")
    b.press("Save records")
    assert b.errors() == ["Enter the date of the board meeting", "Enter the minute reference"]
    b.axe("action form: stage-records (board minute incomplete)")
    board_date = today() - dt.timedelta(days=2)
    b.date("board-date", board_date)
    b.type("minute-reference", "EB/2026/41")
    submit_action(b, dispute, "board minute")
    assert requirement(b, name)["status"] == "Completed"
    entry = latest(b, "Stage records recorded")
    minute = f"NELSCP Executive Board, {shown(board_date)}, minute EB/2026/41"
    assert entry["lines"]["Recorded in board minutes"] == minute
    walker.resolve()
    assert b.status() == "Resolved"


def test_nel_the_three_safeguarding_partners_seek_formal_independent_arbitration(browser: Browser):
    """North East Lincolnshire, beyond the Independent Scrutiny Officer: "If no resolution can be
    reached, consideration should be given by the three safeguarding partners to seek formal
    independent arbitration via a professional body such as the Chartered Institute of
    Arbitrators", through "the most appropriate partner, who will act on behalf of and in the
    interest of all three safeguarding partners". The regulators and arbitration are offered to
    the partnership business office only, arbitration names the acting partner, and "the
    Secretary of State to take enforcement action" is a power, not a route offered."""
    b = browser
    lead = email("senior-manager.csc", "north-east-lincolnshire")
    dispute, walker = nel_at_independent_scrutiny_officer(b, lead)
    walker.stage_records()  # the outcome and the board minute: only the referral's own rules are left
    assert "Refer onward" not in b.dispute_actions(), "the agency lead is offered the partners' routes"
    b.go(dispute.path + "/refer-onward")
    assert b.h1() == "This step is not possible now"

    b.sign_in(email("business-office", "north-east-lincolnshire"))
    open_action(b, dispute, "Refer onward")
    assert [route["label"] for route in b.options("route")] == [
        "Ofsted",
        "Her Majesty's Inspectorate of Constabulary",
        "Care Quality Commission",
        "Independent arbitration (e.g. Chartered Institute of Arbitrators)",
    ]
    assert "Secretary of State" not in b.main_text()
    b.axe("action form: refer-onward (strategic)")
    reason = "The partners could not agree how the front door shares referrals, even with the scrutiny officer."
    b.choose("route", "independent-arbitration")
    b.type("reason", reason)
    b.press("Refer onward")
    assert b.errors() == [
        "A referral to Independent arbitration (e.g. Chartered Institute of Arbitrators) is made by one partner on"
        " behalf of all three: name the partner they agreed"
    ]
    b.axe("action form: refer-onward (no acting partner)")
    b.go(dispute.path)
    assert b.status() == "Open"
    assert not [title for title in titles(b) if title.startswith("Referred onward")]

    open_action(b, dispute, "Refer onward")
    b.choose("route", "independent-arbitration")
    b.type("reason", reason)
    b.type("acting-partner", "Local Authority")
    submit_action(b, dispute, "refer to independent arbitration")
    assert b.status() == "Referred onward"
    entry = latest(b, "Referred onward to Independent arbitration (e.g. Chartered Institute of Arbitrators)")
    assert entry["lines"] == {"Reason": reason, "Acting for all the partners": "Local Authority"}


# -- Oldham -------------------------------------------------------------------------------------

IRO_AT_THE_MEETING = "Involve the independent reviewing officer in the resolution meeting"


def test_oldham_telephone_discussion_settles_a_looked_after_childs_dispute_without_the_iro(browser: Browser):
    """Oldham, stage 1: "This should be held through either telephone or face to face
    discussion as a priority", and only "If following informal discussion between team
    managers, a resolution has not been agreed between agencies, to convene a resolution meeting
    involving relevant agencies and IRO if involving a child who is looked after." A looked-after
    child's dispute that the team managers settle by telephone, with no meeting, is resolved
    with no IRO."""
    b = browser
    health_manager = person(b, "line-manager.health", "oldham")
    b.sign_in(email("practitioner.csc", "oldham"))
    dispute = raise_dispute(b, "oldham", child="Kit Ravenscroft", flags=("looked-after",), agency="Health")
    manager = person(b, "line-manager.csc", "oldham")
    for name in (manager, health_manager):
        add_person(b, dispute, name)
    open_action(b, dispute, "Record a discussion")
    b.choose("method", "telephone")
    tick_people(b, "participants[]", [manager, health_manager])
    b.type("summary", "The team managers agreed by telephone that health will attend the looked-after review.")
    submit_action(b, dispute, "telephone discussion between the team managers")
    assert requirement(b, IRO_AT_THE_MEETING)["status"] == "Needed if a resolution meeting is held"

    outcome = "Agreed by telephone: health attends the looked-after review and shares its assessment."
    open_action(b, dispute, "Record the resolution")
    b.type("outcome", outcome)
    tick_people(b, "agreed-by[]", [manager, health_manager])
    submit_action(b, dispute, "resolve at stage 1")
    assert b.status() == "Resolved"
    assert b.stage()[0] == 1
    resolved = latest(b, "Resolved")
    assert resolved["lines"]["Outcome"] == outcome
    assert manager in resolved["lines"]["Agreed by"] and health_manager in resolved["lines"]["Agreed by"]
    assert "Independent reviewing officer" not in [p["role"] for p in b.people()]
    assert not [title for title in titles(b) if title.startswith("Minutes of")]


def oldham_meeting_without_the_iro(b: Browser, child: str) -> tuple[Dispute, Walker, str]:
    """A looked-after child's dispute at Oldham's stage 1: the team managers talked by
    telephone, the child's IRO joined the dispute, and the resolution meeting was minuted
    without them; its records are made. Returns the IRO's name too."""
    health_manager = person(b, "line-manager.health", "oldham")
    b.sign_in(email("practitioner.csc", "oldham"))
    dispute = raise_dispute(b, "oldham", child=child, flags=("looked-after",), agency="Health")
    manager = person(b, "line-manager.csc", "oldham")
    walker = Walker(b, dispute)
    for name in (manager, health_manager):
        add_person(b, dispute, name)
    walker.record_discussion("telephone")
    walker.add_participant("Independent reviewing officer")
    iro = next(p["name"] for p in b.people() if p["role"] == "Independent reviewing officer")
    walker.record_minutes(absent=iro)
    walker.stage_records()
    return dispute, walker, iro


def test_oldham_resolution_meeting_involving_iro_if_child_is_looked_after(browser: Browser):
    """Oldham, stage 1: "to convene a resolution meeting involving relevant agencies and IRO if
    involving a child who is looked after." Minutes of the meeting that do not show the child's
    IRO stop the dispute moving on, and the refusal says why."""
    b = browser
    dispute, walker, iro = oldham_meeting_without_the_iro(b, "Juno Hazelmere")
    minutes = latest(b, "Minutes of the resolution meeting recorded")
    assert iro not in minutes["lines"]["Attended"]
    assert requirement(b, IRO_AT_THE_MEETING)["status"] == "Not at the meeting"
    with pytest.raises(StepRefused):
        walker.escalate(1, 4)
    assert b.errors() == [
        "The policy requires the child's Independent Reviewing Officer at the resolution meeting at “Stage 1: Team"
        " Manager or agency equivalent”, and its minutes do not show them present: hold the meeting again with them,"
        " and record its minutes"
    ]
    b.axe("action form: escalate (IRO not at the meeting)")
    b.go(dispute.path)
    assert b.stage()[0] == 1
    assert not [title for title in titles(b) if title.startswith("Escalated")]


def test_oldham_resolution_meeting_held_again_with_the_iro_lets_the_dispute_move_on(browser: Browser):
    """Oldham, stage 1: "to convene a resolution meeting involving relevant agencies and IRO if
    involving a child who is looked after." After a meeting without the IRO, doing what the
    refusal says (hold the meeting again with them, and record its minutes) meets the rule,
    and the dispute moves on to stage 2."""
    b = browser
    dispute, walker, iro = oldham_meeting_without_the_iro(b, "Otto Fernleigh")
    walker.record_minutes()
    assert iro in latest(b, "Minutes of the resolution meeting recorded")["lines"]["Attended"]
    assert requirement(b, IRO_AT_THE_MEETING)["status"] == "Completed"
    walker.escalate(1, 4)
    assert b.stage()[0] == 2
