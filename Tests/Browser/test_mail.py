"""E-mail as people meet it: what raising a dispute sends (the server's default file transport
writes each message as a .eml file), and choosing a daily digest."""

from __future__ import annotations

import email
import time
from email import policy

from pages import Browser, email as demo_email, open_action, raise_dispute, submit_action

PRACTITIONER = demo_email("practitioner.csc", "oldham")
HEALTH = demo_email("practitioner.health", "oldham")


def messages_about(server, reference: str, count: int, timeout: float = 240) -> list[email.message.EmailMessage]:
    """Waits for the server's delivery worker to write `count` messages naming the reference. On
    first run it is still working through the demo data's few thousand messages, so this can take
    a while on a loaded machine."""
    deadline = time.monotonic() + timeout
    found: list[email.message.EmailMessage] = []
    while time.monotonic() < deadline:
        found = []
        for path in sorted(server.mail.glob("*.eml")):
            with path.open("rb") as handle:
                message = email.message_from_binary_file(handle, policy=policy.default)
            if message["X-Concord-Reference"] == reference:
                found.append(message)
        if len(found) >= count:
            return found
        time.sleep(0.5)
    raise AssertionError(f"{len(found)} of {count} messages about {reference} arrived in {server.mail}")


def test_raising_sends_everyone_named_a_message_without_the_child(browser: Browser, server):
    b = browser
    b.sign_in(HEALTH)
    professional = b.account_name()
    b.sign_in(PRACTITIONER)
    dispute = raise_dispute(
        b, "oldham", child="Marigold Fenwick-Test", agency="Health", professional=professional, check_axe=False)
    messages = messages_about(server, dispute.reference, 2)
    assert sorted(m["To"].addresses[0].addr_spec for m in messages) == sorted([PRACTITIONER, HEALTH])
    for message in messages:
        assert message["Subject"] == (
            f"{dispute.reference}: Dispute raised under Oldham Safeguarding Partnership's Dispute Resolution Pathway"
        )
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert dispute.path in text and dispute.path in html
        for secret in ("Marigold", "Fenwick", "CSC-448812", "2015"):
            assert secret not in text and secret not in html


def test_a_person_chooses_one_message_a_day(browser: Browser):
    b = browser
    b.sign_in(HEALTH)
    b.go("/my-work")
    b.follow("E-mail settings", within="header")
    assert b.h1() == "How do you want to receive Concord's e-mails?"
    b.choose("delivery", "daily")
    b.press("Save")
    assert "Changes saved" in b.notice()
    assert b.d.find_element("css selector", "input[value=daily]").is_selected()
    b.choose("delivery", "each")
    b.press("Save")
    assert b.d.find_element("css selector", "input[value=each]").is_selected()


def test_a_coventry_practitioner_tells_their_line_manager_at_once(browser: Browser, server):
    """Coventry: "if this is not achievable staff are responsible for immediately notifying their
    line manager"."""
    b = browser
    b.sign_in(demo_email("practitioner.health", "coventry"))
    professional = b.account_name()
    b.sign_in(demo_email("practitioner.csc", "coventry"))
    dispute = raise_dispute(
        b, "coventry", child="Tamsin Oakhurst-Test", professional=professional, check_axe=False)
    open_action(b, dispute, "Tell your line manager it is not resolved")
    assert "immediately notifying their line manager" in b.main_text()
    b.press("Tell my line manager")
    assert b.errors() == ["Enter why it has not been resolved"]
    b.type("reason", "Health cannot agree to the assessment today.")
    submit_action(b, dispute, "told the line manager")
    assert "Line manager told it is not resolved at Stage One" in b.main_text()
    messages = messages_about(server, dispute.reference, 3)
    told = [m for m in messages if m["To"].addresses[0].addr_spec == demo_email("line-manager.csc", "coventry")]
    assert len(told) == 1
    assert "you are told at once" in told[0]["Subject"]
    text = told[0].get_body(("plain",)).get_content()
    assert "could not resolve the disagreement at Stage One" in text
    assert "Tamsin" not in text
