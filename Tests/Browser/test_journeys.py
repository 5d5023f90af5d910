"""Signing in, raising disputes and taking them through every stage of each policy, risk
escalation, and what each role can and cannot see."""

from __future__ import annotations

import uuid

import pytest
from selenium.webdriver.common.by import By

from pages import ADMIN, PASSWORD, POLICIES, Browser, Walker, email, open_action, raise_dispute, submit_action


def test_demo_sign_ins_are_printed(server):
    printed = server.sign_ins()
    expected = {ADMIN} | {email(local, slug) for slug in POLICIES for local in ("practitioner.csc", "business-office")}
    assert expected <= printed, f"the serve log's sign-in table lacks {sorted(expected - printed)}"


def test_sign_in_and_sign_out(browser: Browser):
    b = browser
    b.sign_out()
    b.go("/my-work")
    assert b.path == "/sign-in" and "next=%2Fmy-work" in b.query.replace("/", "%2F")
    b.type("email", email("practitioner.csc", "oldham"))
    b.type("password", "not-the-password")
    b.press("Sign in")
    assert b.errors() == ["Enter a correct e-mail address and password"]
    assert b.title.startswith("Error: ")
    # The address stays; the password never comes back.
    assert b.d.find_element(By.NAME, "email").get_attribute("value") == email("practitioner.csc", "oldham")
    assert b.d.find_element(By.NAME, "password").get_attribute("value") == ""
    b.type("password", PASSWORD)
    b.press("Sign in")
    assert b.path == "/my-work", "sign-in should return to the page asked for"
    assert b.h1() == "My work"
    assert "(Practitioner)" in b.d.find_element(By.CSS_SELECTOR, ".c-header__account").get_attribute("textContent")
    b.who = email("practitioner.csc", "oldham")
    b.sign_out()
    assert b.path == "/sign-in"
    assert "You have signed out." in b.main_text()
    b.go("/my-work")
    assert b.path == "/sign-in", "signed out, my work must ask to sign in again"


# How each policy's dispute is raised so that its rules come into play: Oldham's IRO for a
# looked-after child, Coventry's Early Help professional for a threshold dispute (raised with
# Early Help, whose practitioner can then take that part).
RAISE = {
    "oldham": dict(child="Kezia Thornbury", flags=("looked-after",), agency="Health"),
    "coventry": dict(child="Lowen Ashgrove", category="threshold", agency="Early Help"),
    "sunderland": dict(child="Marnie Cloverdale", flags=("child-in-need",), agency="Health"),
    "north-east-lincolnshire": dict(child=None, category="information-sharing", agency="Health"),
    "five-stage-flowchart": dict(child="Ottilie Brackenbury", flags=("child-protection-plan",), agency="Health"),
}


# Steps each walk must have taken, so the policy's own rules were met through the forms.
RULES = {
    "oldham": ["as independent reviewing officer", "meeting minutes"],
    "coventry": ["as early help professional"],
    "sunderland": ["as designated safeguarding lead"],
    # Acknowledgement belongs to the receiving side, so the raiser's walk never acknowledges.
    "north-east-lincolnshire": ["agree plan", "discussion by meeting", "discussion by writing"],
    "five-stage-flowchart": ["agree plan", "complete action"],
}


@pytest.mark.parametrize("slug", POLICIES)
def test_every_stage_to_resolution(browser: Browser, slug):
    b = browser
    # North East Lincolnshire's concerns are raised "by the agency lead", not a practitioner.
    b.sign_in(email("senior-manager.csc" if slug == "north-east-lincolnshire" else "practitioner.csc", slug))
    dispute = raise_dispute(b, slug, **RAISE[slug])
    walker = Walker(b, dispute)
    b.go(dispute.path)
    first, stages, _ = b.stage()
    assert first == 1 and stages >= 4
    walker.walk()
    steps = " | ".join(dispute.log).lower()
    for step in RULES[slug]:
        assert step in steps, f"the {slug} walk never did {step!r}: {dispute.log}"
    b.go(dispute.path)
    assert b.status() == "Closed"
    assert not b.exists("#actions"), "a closed dispute offers no actions"
    assert "Nothing more can be done: this dispute is closed." in b.main_text()
    assert b.stage()[0] == stages, "the dispute ended at the policy's last stage"
    titles = b.texts("#timeline .c-timeline__title")
    assert len(titles) >= 3 * stages, f"the timeline is short: {titles}"
    assert b.title == f"Dispute {dispute.reference} – Concord"
    # It is no longer waiting for the raiser; it is listed as recently ended.
    b.go("/my-work")
    assert dispute.reference not in b.d.find_element(By.ID, "needs-action").text
    assert dispute.reference in b.d.find_element(By.ID, "recently-ended").text


def test_risk_escalation_goes_straight_to_the_partnership(browser: Browser):
    b = browser
    b.sign_in(email("practitioner.csc", "oldham"))
    dispute = raise_dispute(b, "oldham", child="Rufus Penhallow", harm="yes", category="plan")
    b.go(dispute.path)
    assert b.exists("#significant-harm-guidance"), "significant harm was reported on raising"
    assert b.stage()[:2] == (1, 4)

    open_action(b, dispute, "Report a concern about significant harm")
    b.type("concern", "New bruising reported by school today.")
    submit_action(b, dispute, "report significant harm")

    open_action(b, dispute, "Escalate because the risk to the child has increased")
    assert "skipping the stages between" in b.main_text()
    b.type("reason", "The child disclosed new injuries; this cannot wait for stages 2 and 3.")
    partnership = [o for o in b.options("people[]") if o["hint"] == "Partnership business office"]
    assert partnership, "the partnership's business office can be brought in"
    b.tick(partnership[0])
    submit_action(b, dispute, "risk escalation")
    number, stages, title = b.stage()
    assert (number, stages) == (4, 4), f"risk escalation should jump to stage 4, got {number} ({title})"
    assert "Oldham Safeguarding Partnership" in title
    actions = b.dispute_actions()
    assert "Escalate because the risk to the child has increased" not in actions
    assert "Escalate to the next stage" not in actions
    Walker(b, dispute).walk()
    assert b.status() == "Closed"


def _reference_in(b: Browser, section: str, reference: str) -> bool:
    found = b.d.find_elements(By.ID, section)
    return bool(found) and reference in found[0].text


def test_what_each_role_can_and_cannot_see(browser: Browser):
    b = browser
    slug = "oldham"
    b.sign_in(email("practitioner.health", slug))
    health_practitioner = b.account_name()
    b.sign_in(email("practitioner.csc", slug))
    raiser = b.account_name()
    dispute = raise_dispute(b, slug, child="Wren Halsall", agency="Health", professional=health_practitioner)
    b.go(dispute.path)
    assert {raiser, health_practitioner} <= {p["name"] for p in b.people()}
    assert "Withdraw the dispute" in b.dispute_actions()
    assert not b.exists("a[href$='/access-log']"), "practitioners do not read the access log"
    b.go("/my-work")
    assert _reference_in(b, "needs-action", dispute.reference)

    # (account, may act, may withdraw, reads the access log)
    can_see = [
        (email("practitioner.health", slug), True, False, False),  # named as the professional
        (email("line-manager.csc", slug), True, True, False),  # the raiser's line manager
        (email("senior-manager.csc", slug), True, True, False),  # further up the raiser's chain
        (email("line-manager.health", slug), True, False, False),  # the named professional's manager
        (email("business-office", slug), True, False, True),
        (email("scrutineer", slug), False, False, False),
        (email("auditor", slug), False, False, True),
    ]
    for account, may_act, may_withdraw, reads_log in can_see:
        b.sign_in(account)
        b.go(dispute.path)
        assert b.h1().startswith(dispute.reference), f"{account} should see {dispute.reference}: {b.h1()}"
        actions = b.dispute_actions()
        if may_act:
            assert "Record a discussion" in actions, f"{account} should be able to act: {actions}"
        else:
            assert not actions, f"{account} reads only, but is offered {list(actions)}"
            assert "You can read this dispute because of your role in the partnership, but not change it." in b.main_text()
            b.go(dispute.path + "/record-discussion")
            assert b.h1() == "You cannot do this", f"{account} opened an action form"
        assert ("Withdraw the dispute" in actions) == may_withdraw, f"{account}: withdraw offered is wrong"
        b.go(dispute.path)
        assert b.exists("a[href$='/access-log']") == reads_log, f"{account}: access log link is wrong"
        b.go(dispute.path + "/access-log")
        if reads_log:
            assert b.h1() == f"Who has viewed dispute {dispute.reference}"
        else:
            assert b.h1() == "You cannot do this", f"{account} read the access log"
        if account.split("@")[0] in ("business-office", "scrutineer", "auditor"):
            b.go(f"/partnerships/{slug}")
            assert _reference_in(b, "all", dispute.reference), f"{account}: overview lacks the dispute"

    cannot_see = [
        email("practitioner.csc", "sunderland"),  # another partnership's practitioner
        email("business-office", "sunderland"),  # another partnership's business office
        email("practitioner.csc", "coventry"),
        ADMIN,  # administrators see no dispute at all
    ]
    for account in cannot_see:
        b.sign_in(account)
        for path in (dispute.path, dispute.path + "/record-discussion", dispute.path + "/access-log"):
            b.go(path)
            assert b.h1() == "Page not found", f"{account} got {b.h1()!r} at {path}, not 'Page not found'"
            assert dispute.reference not in b.d.page_source
        b.go("/my-work")
        assert dispute.reference not in b.d.page_source, f"{account}'s lists show {dispute.reference}"

    # The partnership overview is for the partnership's own roles only.
    for account in (email("practitioner.csc", slug), email("business-office", "sunderland")):
        b.sign_in(account)
        b.go(f"/partnerships/{slug}")
        assert b.h1() == "Page not found", f"{account} opened Oldham's overview"

    # A made-up dispute id looks exactly like one you may not see.
    b.sign_in(email("practitioner.csc", slug))
    b.go(f"/disputes/{uuid.uuid4()}")
    assert b.h1() == "Page not found"

    # The access log shows who looked, including the read-only roles.
    b.sign_in(email("business-office", slug))
    b.go(dispute.path + "/access-log")
    log = b.d.find_element(By.ID, "access-log").text
    for name in (raiser, health_practitioner):
        assert name in log, f"{name} missing from the access log"
    assert "Scrutineer" in log or "scrutineer" in log.lower(), "the scrutineer's view is not logged"

    # Signed out, the dispute asks for a sign-in and then comes back to it.
    b.sign_out()
    b.go(dispute.path)
    assert b.path == "/sign-in"
    b.type("email", email("practitioner.csc", slug))
    b.type("password", PASSWORD)
    b.press("Sign in")
    b.who = email("practitioner.csc", slug)
    assert b.path == dispute.path


def test_sunderland_designated_lead_at_each_stage(browser: Browser):
    """Sunderland needs its designated safeguarding lead "at each stage": the dispute page's
    requirement list must agree with the engine about whether that is met."""
    b = browser
    b.sign_in(email("practitioner.csc", "sunderland"))
    dispute = raise_dispute(b, "sunderland", child="Tobias Wrenfield", agency="Health")
    walker = Walker(b, dispute)
    walker.page()
    walker.satisfy_stage()  # the lead joins, in that capacity, at stage 1
    walker.escalate(1, 4)
    assert b.stage()[0] == 2
    # A discussion at stage 2 without the lead, and the stage's records.
    open_action(b, dispute, "Record a discussion")
    b.choose("method", "face-to-face")
    b.tick(b.options("participants[]")[0])  # the raiser only
    b.type("summary", "The two line managers' teams spoke; the lead was not there.")
    submit_action(b, dispute, "discussion without the lead")
    walker.stage_records()
    shown = dict(b.requirements()).get("Involve the designated safeguarding lead")

    open_action(b, dispute, "Escalate to the next stage")
    b.type("reason", "Still not agreed.")
    b.tick(b.options("people[]")[0])
    b.press("Escalate")
    refused = b.errors()
    assert not (shown == "Completed" and refused), (
        f"the dispute page says 'Involve the designated safeguarding lead: {shown}', "
        f"but escalating is refused: {refused}"
    )


def test_a_long_record_is_saved_whole(browser: Browser):
    # Forms bigger than one network read arrive in pieces; the form token must still be found.
    b = browser
    b.sign_in(email("practitioner.csc", "oldham"))
    dispute = raise_dispute(b, "oldham", child="Tilly Marchbank", harm="no", category="threshold")
    open_action(b, dispute, "Record a discussion")
    b.choose("method", "telephone")
    for option in b.options("participants[]"):
        b.tick(option)
    summary = "Each agency set out its position in full. " * 300
    b.d.execute_script("document.getElementById('summary').value = arguments[0];", summary)
    submit_action(b, dispute, "long discussion")
    assert summary.strip()[:200] in b.main_text()
    assert len(summary) > 12_000
