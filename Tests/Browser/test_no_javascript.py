"""Concord has no JavaScript: every page works with scripts switched off in the browser."""

from __future__ import annotations

import pytest
from conftest import chrome, save_artifacts
from pages import Browser, email, raise_dispute, submit_action


@pytest.fixture
def nojs(request, server):
    driver = chrome(javascript=False)
    b = Browser(driver, server.base_url)
    yield b
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        save_artifacts(b, request.node.nodeid.split("::", 1)[-1])
    driver.quit()


def test_sign_in_raise_and_act_without_javascript(nojs: Browser):
    b = nojs
    # Scripts really are off in this browser.
    b.d.get("data:text/html,<title>before</title><script>document.title='ran'</script>")
    assert b.d.title == "before", "JavaScript is not switched off"

    b.go("/sign-in")
    b.press("Sign in")
    assert b.errors() == ["Enter your e-mail address", "Enter your password"]
    b.sign_in(email("practitioner.csc", "coventry"))
    assert b.h1() == "My work"

    b.go("/disputes/new/coventry")
    b.press("Raise dispute")
    assert "Select the agency you disagree with" in b.errors()
    dispute = raise_dispute(b, "coventry", child="Perpetua Lindqvist", check_axe=False)

    b.go(dispute.path)
    b.follow("Record a discussion", within="#actions")
    b.choose("method", "telephone")
    b.tick(b.options("participants[]")[0])
    b.type("summary", "Agreed to share the health chronology.")
    submit_action(b, dispute, "discussion without JavaScript")
    assert len(b.texts("#timeline .c-timeline__title")) >= 3, "the discussion is not on the timeline"

    b.sign_out()
    assert "You have signed out." in b.main_text()
