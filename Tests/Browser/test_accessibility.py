"""axe-core (WCAG 2.0-2.2 A and AA) on every kind of page, in the same headless Chromium.

A serious or critical violation fails the page's test; every result is listed at the end of
the run. The disputes the pages need are made once, through the browser, by `scene`.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

import pytest
from selenium.webdriver.common.by import By

from pages import ADMIN, AXE_RESULTS, DUPLICATE_IDS, PASSWORD, Browser, Dispute, Walker, email, open_action, raise_dispute, submit_action
from test_policy_editor import (
    CONFIRM, EDITOR, PROTOCOL, STAGE_1_QUOTE, STAGE_2_QUOTE, add_stage, choose_quote, fill_stage, paste_text, start_draft,
)

PRACTITIONER = email("practitioner.csc", "oldham")
OFFICE = email("business-office", "oldham")
SCRUTINEER = email("scrutineer", "oldham")


@dataclass
class Scene:
    b: Browser
    open: Dispute  # Oldham, stage 1, significant harm reported, a plan agreed
    closed: Dispute  # Oldham, withdrawn and closed
    acknowledging: Dispute  # the five-stage flowchart's stage 1, receipt not yet acknowledged
    _last_stage: Dispute | None = None
    _draft: str | None = None

    @property
    def last_stage(self) -> Dispute:
        """Sunderland's last stage, where a dispute can be referred to an inspectorate: walked
        to only when needed (the Sunderland journey usually checks that form on its way)."""
        if self._last_stage is None:
            self.b.sign_in(email("practitioner.csc", "sunderland"))
            last = raise_dispute(self.b, "sunderland", child="Barnaby Quillfeather", check_axe=False)
            Walker(self.b, last).walk(stop_at_stage=4)
            self._last_stage = last
        return self._last_stage

    @property
    def draft(self) -> str:
        """An Oldham draft in the policy editor, written when first needed: the protocol's
        text, two stages (the second counted from the first) and a quote. It is never
        installed, so the shared server's procedures stay as they are."""
        if self._draft is None:
            b = self.b
            draft = start_draft(b, "Axe Lane Escalation Protocol", "axe-lane", ("children",))
            paste_text(b, draft, PROTOCOL)
            add_stage(b, draft, "Practitioners speak", "The practitioners talk it through.",
                      [("practitioner", "both", "")], "within 48 hours of the disagreement", records=("outcome",))
            add_stage(b, draft, "Team managers meet", "The team managers meet.",
                      [("", "both", "Team Manager")], "within 5 working days of step 1")
            choose_quote(b, draft, 1, "48 hours", STAGE_1_QUOTE, not_shown=STAGE_2_QUOTE)
            self._draft = draft
        return self._draft


@pytest.fixture(scope="module")
def scene(session_browser) -> Scene:
    b = session_browser
    b.sign_in(PRACTITIONER)
    opened = raise_dispute(b, "oldham", child="Isadora Fenchurch", flags=("looked-after",), harm="yes", check_axe=False)
    walker = Walker(b, opened)
    walker.agree_plan()

    closed = raise_dispute(b, "oldham", child="Caspian Merriweather", check_axe=False)
    open_action(b, closed, "Withdraw the dispute")
    b.type("reason", "Resolved informally between the two team managers.")
    submit_action(b, closed, "withdraw")
    assert b.status() == "Withdrawn"
    Walker(b, closed).close()

    # Receipt is acknowledged by the receiving side: the health practitioner named on raising.
    b.sign_in(email("practitioner.health", "five-stage-flowchart"))
    receiver = b.text(".c-header__account").split("signed in as")[0].split("(")[0].strip()
    b.sign_in(email("practitioner.csc", "five-stage-flowchart"))
    acknowledging = raise_dispute(
        b, "five-stage-flowchart", child="Juniper Aldwych", professional=receiver, check_axe=False)

    return Scene(b=b, open=opened, closed=closed, acknowledging=acknowledging)


# -- the pages --------------------------------------------------------------------------------


def sign_in_page(b: Browser, s: Scene):
    b.sign_out()
    b.go("/sign-in")
    assert b.h1() == "Sign in to Concord"


def sign_in_with_errors(b: Browser, s: Scene):
    b.sign_out()
    b.go("/sign-in")
    b.press("Sign in")
    assert b.errors() == ["Enter your e-mail address", "Enter your password"]


def session_ended(b: Browser, s: Scene):
    b.sign_out()
    b.go("/session-ended")
    assert b.h1() == "Your session has ended"


def form_expired(b: Browser, s: Scene):
    b.sign_out()
    b.go("/sign-in")
    b.type("email", PRACTITIONER)
    b.type("password", PASSWORD)
    b.d.delete_all_cookies()  # the session, and so the form's token, is gone
    b.press("Sign in")
    assert b.h1() == "This form has expired"
    b.who = None


def my_work_practitioner(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go("/my-work")
    assert s.open.reference in b.main_text()


def my_work_business_office(b: Browser, s: Scene):
    b.sign_in(OFFICE)
    b.go("/my-work")
    assert "See the partnership overview" in b.main_text()


def choose_partnership_with_errors(b: Browser, s: Scene):
    """Every demo agency is in one partnership, so the choice page is reached by posting an
    unknown partnership to it (with the session's own form token)."""
    b.sign_in(PRACTITIONER)
    b.go("/my-work")
    csrf = b.d.find_element(By.CSS_SELECTOR, "header input[name=csrf]").get_attribute("value")
    old = b.d.find_element(By.TAG_NAME, "html")
    b.d.execute_script(
        "var f = document.createElement('form'); f.method = 'post'; f.action = '/disputes/new';"
        "for (const [k, v] of [['csrf', arguments[0]], ['partnership', 'nowhere']]) {"
        "  var i = document.createElement('input'); i.type = 'hidden'; i.name = k; i.value = v; f.appendChild(i); }"
        "document.body.appendChild(f); f.submit();",
        csrf,
    )
    b.wait_for_new_page(old)
    assert b.errors() == ["Select the partnership whose protocol applies"]
    assert b.d.find_elements(By.CSS_SELECTOR, "input[name=partnership]"), "the partnership radios are shown"


def raise_form(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go("/disputes/new/oldham")
    assert b.h1() == "Raise a dispute"


def raise_form_with_errors(b: Browser, s: Scene):
    raise_form(b, s)
    b.press("Raise dispute")
    assert "Enter the child's full name" in b.errors()


def raise_form_strategic(b: Browser, s: Scene):
    # Raised "by the agency lead": practitioners are not offered it.
    b.sign_in(email("senior-manager.csc", "north-east-lincolnshire"))
    b.go("/disputes/new/north-east-lincolnshire")
    assert b.exists("textarea[name=issue]")


def dispute_open(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go(s.open.path)
    assert b.exists("#significant-harm-guidance") and b.exists("#plan")


def dispute_closed(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go(s.closed.path)
    assert b.status() == "Closed"


def dispute_read_only(b: Browser, s: Scene):
    b.sign_in(SCRUTINEER)
    b.go(s.open.path)
    assert not b.dispute_actions()


ACCOUNTS = {
    "open": PRACTITIONER,
    "acknowledging": email("practitioner.health", "five-stage-flowchart"),
    "last_stage": email("practitioner.csc", "sunderland"),
}


def action(title: str, which: str = "open"):
    def page(b: Browser, s: Scene):
        dispute = getattr(s, which)
        b.sign_in(ACCOUNTS[which])
        b.go(dispute.path)
        open_action(b, dispute, title)
        assert b.h1() == title

    return page


def refer_onward(b: Browser, s: Scene):
    if "action form: refer-onward" in AXE_RESULTS and s._last_stage is None:
        return False  # checked by the Sunderland walk at its last stage
    action("Refer onward", "last_stage")(b, s)


def action_form_with_errors(b: Browser, s: Scene):
    action("Record a discussion")(b, s)
    for part in ("day", "month", "year"):
        b.type(f"held-{part}", "")
    b.press("Save discussion")
    assert b.errors() == [
        "Enter the date of the discussion",
        "Select how you talked",
        "Select who took part",
        "Enter what was said and agreed",
    ]
    assert b.title.startswith("Error: ")


def action_refused_by_policy(b: Browser, s: Scene):
    action("Escalate to the next stage")(b, s)
    b.type("reason", "Not resolved.")
    b.tick(b.options("people[]")[0])
    b.press("Escalate")
    errors = b.errors()
    assert len(errors) == 1 and "cannot be left without its records" in errors[0], errors


def stale_form(b: Browser, s: Scene):
    """A form opened before someone else changed the dispute comes back with what changed."""
    action("Record a discussion")(b, s)
    b.choose("method", "telephone")
    b.tick(b.options("participants[]")[0])
    b.type("summary", "Spoke to the health visitor.")
    first = b.d.current_window_handle
    b.d.switch_to.new_window("tab")
    b.go(s.open.path)
    open_action(b, s.open, "Report a concern about significant harm")
    b.type("concern", "A further concern was raised by school.")
    submit_action(b, s.open, "report significant harm (in another tab)")
    b.d.close()
    b.d.switch_to.window(first)
    b.press("Save discussion")
    assert b.exists("#changes"), f"no 'this dispute changed' banner: {b.main_text()[:300]}"
    assert "This dispute changed since you opened this form" in b.main_text()
    assert "Spoke to the health visitor." in b.d.find_element(By.NAME, "summary").get_attribute("value")
    b.axe("action form: stale (dispute changed)")
    b.press("Save discussion")  # the same answers, now against the current version
    assert not b.errors() and b.path == s.open.path, f"submitting again failed: {b.errors()}"
    return False


def document(suffix: str, heading: str | None, which: str = "open"):
    """A dispute's document page; its heading starts with `heading`, else the reference."""

    def page(b: Browser, s: Scene):
        dispute = getattr(s, which)
        b.sign_in(ACCOUNTS[which])
        b.go(dispute.path + suffix)
        assert b.h1().startswith(heading or dispute.reference), f"{b.path}: {b.h1()}"

    return page


def access_log(b: Browser, s: Scene):
    b.sign_in(OFFICE)
    b.go(s.open.path + "/access-log")
    assert b.h1() == f"Who has viewed dispute {s.open.reference}"


def partnership_overview(b: Browser, s: Scene):
    b.sign_in(OFFICE)
    b.go("/partnerships/oldham")
    assert b.exists("#by-stage")


def partnership_overview_filtered(b: Browser, s: Scene):
    b.sign_in(OFFICE)
    b.go("/partnerships/oldham")
    b.select("stage", value="team-manager")
    b.press("Apply filters")
    assert "stage=team-manager" in b.query


def partnership_mail(b: Browser, s: Scene):
    b.sign_in(OFFICE)
    b.go("/partnerships/oldham/email")
    assert b.h1() == "E-mail" and b.exists("#failed")


def mail_settings(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go("/settings/email")
    assert b.exists("input[name=delivery]")


def admin_secure_domains_with_errors(b: Browser, s: Scene):
    b.sign_in(ADMIN)
    b.go("/admin/partnerships/oldham/secure-domains")
    b.type("domains", "nhs.net\nnot a domain")
    b.press("Save secure domains")
    assert b.errors()[0].startswith("Line 2:")


def not_found(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go(f"/disputes/{uuid.uuid4()}")
    assert b.h1() == "Page not found"


def not_found_path(b: Browser, s: Scene):
    b.sign_in(PRACTITIONER)
    b.go("/no-such-page")
    assert b.h1() == "Page not found"


def forbidden(b: Browser, s: Scene):
    b.sign_in(SCRUTINEER)
    b.go(s.open.path + "/record-discussion")
    assert b.h1() == "You cannot do this"


def step_not_possible(b: Browser, s: Scene):
    """An action the dispute does not offer now (Oldham has no acknowledgement step)."""
    b.sign_in(PRACTITIONER)
    b.go(s.open.path + "/acknowledge")
    assert b.h1() == "This step is not possible now"


def editor(suffix: str, heading: str):
    """A page of the scene's draft in the policy editor ("" for the draft itself)."""

    def page(b: Browser, s: Scene):
        draft = s.draft
        b.sign_in(OFFICE)
        b.go(draft + suffix)
        assert b.h1() == heading, f"{b.path}: {b.h1()}"

    return page


def editor_list(b: Browser, s: Scene):
    s.draft  # so that the list has a draft in it
    b.sign_in(OFFICE)
    b.go(EDITOR)
    assert b.exists("#drafts") and b.exists("input[name=start]")


def editor_draft(b: Browser, s: Scene):
    editor("", "Axe Lane Escalation Protocol")(b, s)
    assert b.exists("#stage-2") and b.exists("#timeline")


def editor_stage_confirming(b: Browser, s: Scene):
    """A new timescale comes back to be confirmed, its reading as the checkbox's hint."""
    editor("/stages/new/edit", "Add a stage")(b, s)
    fill_stage(b, "Service managers respond", "The service managers respond.", [("senior-manager", "both", "")],
               "immediately")
    b.press("Save stage")
    assert b.errors() == [CONFIRM], b.errors()
    assert b.exists("input[name=confirm]")


def admin(path: str):
    def page(b: Browser, s: Scene):
        b.sign_in(ADMIN)
        b.go(path)
        assert b.h1() not in ("Page not found", "You cannot do this"), f"{path}: {b.h1()}"

    return page


def admin_first_row(path: str):
    """The page the first row of an admin list links to (a person, an account, a version)."""

    def page(b: Browser, s: Scene):
        admin(path)(b, s)
        links = b.js("return Array.from(document.querySelectorAll('main table tbody a'))")
        assert links, f"{path} lists nothing"
        b.click_and_wait(links[0])
        assert b.h1() not in ("Page not found", "You cannot do this"), f"{b.path}: {b.h1()}"

    return page


def admin_form_with_errors(b: Browser, s: Scene):
    admin("/admin/agencies/new")(b, s)
    b.press()
    assert b.errors(), "an empty new-agency form was accepted"
    assert b.title.startswith("Error: ")


def admin_forbidden_to_others(b: Browser, s: Scene):
    b.sign_in(OFFICE)
    b.go("/admin")
    assert b.h1() == "You cannot do this", b.h1()


PAGES = {
    "sign-in": sign_in_page,
    "sign-in: errors": sign_in_with_errors,
    "session ended": session_ended,
    "form expired": form_expired,
    "my work: practitioner": my_work_practitioner,
    "my work: business office": my_work_business_office,
    "raise: choose partnership (errors)": choose_partnership_with_errors,
    "raise: form": raise_form,
    "raise: form with errors": raise_form_with_errors,
    "raise: strategic form": raise_form_strategic,
    "dispute page: open": dispute_open,
    "dispute page: closed": dispute_closed,
    "dispute page: read only": dispute_read_only,
    "action form: record-discussion": action("Record a discussion"),
    "action form: agree-plan": action("Agree or update the plan of action"),
    "action form: complete-action": action("Mark an action as done"),
    "action form: add-participant": action("Add someone to the dispute"),
    "action form: stage-records": action("Record this stage's records"),
    "action form: escalate": action("Escalate to the next stage"),
    "action form: escalate-for-risk": action("Escalate because the risk to the child has increased"),
    "action form: report-significant-harm": action("Report a concern about significant harm"),
    "action form: acknowledge": action("Acknowledge receipt", "acknowledging"),
    "action form: resolve": action("Record the resolution"),
    "action form: refer-onward": refer_onward,
    "action form: withdraw": action("Withdraw the dispute"),
    "action form: schedule-meeting": action("Schedule the meeting"),
    "action form: meeting-minutes": action("Record the meeting's minutes"),
    "document: printable record": document("/record", None),
    "document: meeting agenda": document("/meeting/agenda", "Agenda: Resolution meeting"),
    "document: SSCP referral form": document("/forms/sscp-referral", "Dispute resolution – referral to SSCP", "last_stage"),
    "action form: with errors": action_form_with_errors,
    "action form: refused by the policy": action_refused_by_policy,
    "action form: stale (dispute changed)": stale_form,
    "access log": access_log,
    "partnership overview": partnership_overview,
    "partnership overview: filtered": partnership_overview_filtered,
    "not found: dispute": not_found,
    "not found: path": not_found_path,
    "forbidden": forbidden,
    "step not possible now (conflict)": step_not_possible,
    "admin": admin("/admin"),
    "admin: partnership": admin("/admin/partnerships/oldham"),
    "admin: policies": admin("/admin/partnerships/oldham/policies"),
    "admin: agencies": admin("/admin/agencies"),
    "admin: people": admin("/admin/people"),
    "admin: accounts": admin("/admin/accounts"),
    "admin: person": admin_first_row("/admin/people"),
    "admin: account": admin_first_row("/admin/accounts"),
    "admin: policy version": admin_first_row("/admin/partnerships/oldham/policies"),
    "admin: new partnership": admin("/admin/partnerships/new"),
    "admin: new agency": admin("/admin/agencies/new"),
    "admin: new person": admin("/admin/people/new"),
    "admin: new account": admin("/admin/accounts/new"),
    "admin: secure e-mail domains": admin("/admin/partnerships/oldham/secure-domains"),
    "admin: secure e-mail domains with errors": admin_secure_domains_with_errors,
    "partnership e-mail": partnership_mail,
    "e-mail settings": mail_settings,
    "admin: form with errors": admin_form_with_errors,
    "admin: forbidden to others": admin_forbidden_to_others,
    "policy editor: drafts": editor_list,
    "policy editor: draft with stages": editor_draft,
    "policy editor: about this policy": editor("/details", "About this policy"),
    "policy editor: the protocol's text": editor("/source", "The protocol's text"),
    "policy editor: stage form": editor("/stages/2/edit", "Stage 2: Team managers meet"),
    "policy editor: stage form (confirm)": editor_stage_confirming,
    "policy editor: choose the protocol's words": editor("/stages/1/quote?find=hours", "Choose the protocol's words for the timescale"),
    "policy editor: what changes": editor("/compare", "What changes"),
    "policy editor: YAML": editor("/yaml", "The policy's YAML"),
    "policy editor: clock form": editor("/stages/1/clocks/new/edit", "Add a clock"),
    "policy editor: route form": editor("/stages/1/routes/new/edit", "Add a route"),
}
# The close form needs an ended dispute; the scene's withdrawn one was closed through it, so
# it is checked there (Walker.close runs axe on it the first time).


@pytest.mark.parametrize("kind", list(PAGES))
def test_axe(browser: Browser, scene: Scene, kind):
    if PAGES[kind](browser, scene) is not False:
        browser.axe(kind)
    assert not AXE_RESULTS[kind].failing


def test_close_form_was_checked(scene):
    assert "action form: close" in AXE_RESULTS
    assert not AXE_RESULTS["action form: close"].failing


def test_ids_are_unique(scene):
    """Every page loaded in the run (this module's and the journeys') is checked as it loads;
    a repeated id sends aria-describedby, label and error-summary links to the wrong element."""
    action("Record a discussion")(scene.b, scene)  # at least this form, if run alone
    assert not DUPLICATE_IDS, "ids used twice: " + "; ".join(
        f"{page}: {', '.join(sorted(ids))}" for page, ids in sorted(DUPLICATE_IDS.items())
    )
