"""A partnership in each UK region other than England, set up from nothing in the admin pages
and its own procedure run from raising to closure: Wales's all-age procedure (children and
adults at risk), a Scottish adult protection committee's (adults only) and a Northern Irish
Trust area's (children and unborn babies). Each is installed with its protocol's text, so its
quotes are checked, and each asserts what its region's bank holidays and its policy's own
constructs make of the dispute: a deadline landing after the region's own holiday, a stage's
several clocks, a letter, an urgent route, each agency's equivalent for a role and who stands
in, a record in the protocol's words, and people told without taking part.

It runs on a server of its own (127.0.0.3, so its cookies are its own too), since it adds
partnerships, agencies, people and accounts."""

from __future__ import annotations

import datetime as dt

import pytest

from conftest import save_artifacts, start_server, stop_server
from directory_setup import (
    FIXTURES,
    Mailbox,
    Partnership,
    Person,
    hours_after,
    paste_policy,
    same_working_day,
    set_up,
    text,
    upload_policy,
    versions,
    working_days_after,
)
from pages import ADMIN, LEVELS, PARTNERSHIP_LEVELS, Browser, Dispute, Walker, open_action, split_person, submit_action
from pages import today as london_today


@pytest.fixture(scope="module")
def regions_server(tmp_path_factory):
    server = start_server(tmp_path_factory, host="127.0.0.3", log_name="regions.log")
    yield server
    stop_server(server)


@pytest.fixture
def own(request, driver, regions_server) -> Browser:
    """A browser on this module's server; on failure its page is saved to artifacts/ and the
    end of the server's log printed."""
    b = Browser(driver, regions_server.base_url)
    yield b
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        save_artifacts(b, "regions-" + request.node.name)
        print(regions_server.tail(40))


@pytest.fixture(scope="module")
def mailbox(regions_server) -> Mailbox:
    return Mailbox(regions_server.mail)


# ---------------------------------------------------------------------------------------------
# Raising and walking


def raise_about(
    b: Browser, slug: str, *, agency: str, professional: str, name: str, kind: str | None = None,
    birth: dt.date | None = None, decided: dt.date | None = None, axe: str,
) -> tuple[Dispute, str]:
    """Raises a dispute about one person as whoever is signed in. Returns it with the raise
    form's text as it was before pressing the button."""
    b.go("/my-work")
    b.follow("Raise a dispute", within="header")
    assert b.path == f"/disputes/new/{slug}", f"raise form expected for {slug}, got {b.path}"
    form = b.main_text()
    b.select("agency", label=agency)
    b.select("professional", containing=professional)
    if kind is not None:
        b.choose("child-1-kind", kind)
    b.secrets.add(name)
    b.type("child-1-name", name)
    if birth is not None:
        b.date("child-1-birth", birth)
    b.type("child-1-reference", "REG-20931")
    if decided is not None:
        b.date("decided", decided)
    b.choose("category", "assessment")
    b.type("disagreement", "Whether a joint assessment is needed before the plan is agreed.")
    b.type("outcome", "A joint assessment, with each agency's part agreed in writing.")
    b.choose("significant-harm", "no")
    b.axe_once(axe)
    b.press("Raise dispute")
    assert not b.errors(), f"raising a {slug} dispute was refused: {b.errors()}"
    assert "Dispute raised" in b.notice()
    reference = b.texts("main h1")[0].split()[0]
    return Dispute(path=b.path, reference=reference, slug=slug, raised_by=b.who or "", child=name), form


class RegionWalker(Walker):
    """The policy walker, which also fills the records a protocol names in its own words, keeps
    what each escalation form and records form said, and takes a stage's urgent route where
    told to (`routes`: stage number to route id)."""

    def __init__(self, b: Browser, dispute: Dispute, routes: dict[int, str] | None = None):
        super().__init__(b, dispute)
        self.routes = routes or {}
        self.escalation_forms: dict[int, str] = {}  # stage number escalated to -> the form's text
        self.own_records: dict[int, list[str]] = {}  # stage number -> titles of its own-words records

    def stage_records(self):
        b = self.b
        number = b.stage()[0]
        open_action(b, self.dispute, "Record this stage's records")
        own = b.js(
            "return Array.from(document.querySelectorAll(\"textarea[name^='record-']\"),"
            " t => [t.name, document.querySelector(\"label[for='\" + t.id + \"']\").innerText.trim()])"
        )
        self.own_records[number] = [label for _, label in own]
        b.type("actions-taken", "Both agencies reviewed their records and spoke about the case.")
        b.type("outcome", "Partly agreed: the assessment will go ahead, the plan is still disputed.")
        b.choose("learning-identified", "yes")
        b.type("learning", "Referrals should name the lead professional from the start.")
        b.type("efforts-exhausted", "Direct discussion by telephone, then between the managers.")
        for field_name, _ in own:
            b.type(field_name, "Recorded in the words the protocol asks for, agreed by both agencies.")
        submit_action(b, self.dispute, f"stage records with {[label for _, label in own]}")

    def escalate(self, next_index: int, stages: int):
        b = self.b
        open_action(b, self.dispute, "Escalate to the next stage")
        self.escalation_forms[next_index + 1] = b.main_text()
        route = self.routes.get(next_index + 1)
        if route:
            b.choose("route", route)
        b.type("reason", "The disagreement could not be resolved at this stage.")
        b.type("evidence", "Discussion and the records of this stage; the disagreement remains.")
        level = LEVELS[min(next_index, len(LEVELS) - 1)]
        agencies = [self.raising_agency, *self.other_agencies]
        people = b.options("people[]")
        chosen = [p for p in people if p["hint"] == level and split_person(p["label"])[1] in agencies]
        if next_index == stages - 1:
            chosen += [p for p in people if p["hint"] in PARTNERSHIP_LEVELS[:2]]
        assert chosen, f"nobody at {level} to escalate to: {[(p['label'], p['hint']) for p in people]}"
        for person in chosen:
            b.tick(person)
        submit_action(b, self.dispute, f"escalate to stage {next_index + 1} ({route or 'standard'} route)")


def deadlines(b: Browser) -> dict[str, str]:
    return b.summary("#deadlines")


def requirement(b: Browser, name: str) -> str:
    """The status the dispute page gives what the stage requires under this name."""
    found = dict(b.requirements())
    assert name in found, f"{name!r} is not among what the stage requires: {list(found)}"
    return found[name]


def record_letter(b: Browser, dispute: Dispute, to: str):
    open_action(b, dispute, "Record a letter sent")
    b.type("to", to)
    b.type("summary", "What was agreed, and what each agency will do next.")
    submit_action(b, dispute, "the letter")
    assert "Record a letter sent" not in b.dispute_actions(), "the letter is still asked for once sent"


def install(b: Browser, p: Partnership, stem: str) -> str:
    """Uploads the policy file with its protocol's text; returns the installed version's sha."""
    upload_policy(b, p.slug, FIXTURES / f"{stem}.yaml", FIXTURES / f"{stem}.txt")
    assert not b.errors(), f"installing {stem}.yaml was refused: {b.errors()}"
    installed = versions(b)
    assert [(v.policy, v.current) for v in installed] == [(p_id(stem), True)], installed
    return installed[0].sha


def p_id(stem: str) -> str:
    return {"wales": "dyffryn", "scotland": "glenmorven-asp", "northern-ireland": "carrowmore"}[stem]


def check_region_shown(b: Browser, p: Partnership):
    b.go(f"/admin/partnerships/{p.slug}")
    assert b.summary("#details")["Bank holidays"] == p.region_name
    b.go("/admin")
    rows = dict(b.js("return Array.from(document.querySelectorAll('#partnerships tbody tr'),"
                     " tr => [tr.cells[0].innerText.split('\\n')[0].trim(), tr.cells[1].innerText.trim()])"))
    assert rows.get(p.name) == p.region_name, rows


# ---------------------------------------------------------------------------------------------
# Wales: a regional safeguarding board's all-age procedure, about an adult at risk

ASC, UHB, UNIT = "Dyffryn Council Adult Services", "Dyffryn University Health Board", "Dyffryn Safeguarding Board Business Unit"
WALES = Partnership(
    slug="dyffryn", name="Dyffryn Regional Safeguarding Board", region="england-and-wales",
    agencies=[(ASC, "adult-social-care"), (UHB, "health"), (UNIT, "other")],
    people=[
        Person("Gwenllian Rhys-Bowen", "gwenllian.rhys-bowen@dyffryn-council.example", ASC, "senior-manager"),
        Person("Ieuan Prydderch", "ieuan.prydderch@dyffryn-council.example", ASC, "line-manager", "Gwenllian Rhys-Bowen"),
        Person("Ffion Dafydd-Evans", "ffion.dafydd-evans@dyffryn-council.example", ASC, "practitioner", "Ieuan Prydderch",
               role="practitioner"),
        Person("Meirion Tudur-Jones", "meirion.tudur-jones@dyffryn-uhb.example", UHB, "senior-manager"),
        Person("Angharad Llwyd", "angharad.llwyd@dyffryn-uhb.example", UHB, "line-manager", "Meirion Tudur-Jones"),
        Person("Rhodri Pennant", "rhodri.pennant@dyffryn-uhb.example", UHB, "practitioner", "Angharad Llwyd",
               role="practitioner"),
        Person("Carys Meredith-Hughes", "carys.meredith-hughes@dyffryn-board.example", UNIT, "partnership-business-office",
               role="business-office"),
        Person("Elis Vaughan-Price", "elis.vaughan-price@dyffryn-board.example", UNIT, "statutory-partners"),
    ],
)
# Friday 28 August 2026: the next Monday is England and Wales's summer bank holiday (Scotland's
# was 3 August), so "within 2 working days of the decision" is Wednesday 2 September.
WALES_DECISION = dt.date(2026, 8, 28)


def test_wales_all_age_procedure_about_an_adult_at_risk(own: Browser, mailbox: Mailbox):
    b = own
    p = WALES
    b.sign_in(ADMIN)
    set_up(b, p)
    check_region_shown(b, p)
    first = install(b, p, "wales")

    # A revised version installed ahead of the day it takes effect waits; the first stays current.
    launch = london_today() + dt.timedelta(days=120)
    yaml = (FIXTURES / "wales.yaml").read_text(encoding="utf-8")
    revised = yaml.replace("effective_from: 2026-04-01", f"effective_from: {launch.isoformat()}")
    assert revised != yaml
    paste_policy(b, p.slug, revised, (FIXTURES / "wales.txt").read_text(encoding="utf-8"))
    assert not b.errors(), b.errors()
    installed = versions(b)
    assert len(installed) == 2 and [v.sha for v in installed if v.current] == [first], installed

    b.sign_in(p.person("Rhodri Pennant").email)
    receiving = b.account_name()
    b.sign_in(p.person("Ffion Dafydd-Evans").email)
    today = london_today()
    dispute, form = raise_about(
        b, p.slug, agency=UHB, professional=receiving, kind="adults", name="Dilys Gwyther",
        birth=dt.date(1941, 3, 9), decided=WALES_DECISION, axe="raise: form for children and adults")
    assert "Person 1: who is it?" in form, form
    assert "When was the decision or disagreement?" in form

    # The dispute follows the version current today, about an adult, counted from the decision.
    summary = b.summary()
    assert f"(version {first})" in summary["Protocol"], summary["Protocol"]
    assert summary["Decision or disagreement on"] == "28 August 2026"
    assert "Adult" in b.texts("main h2")
    due = deadlines(b)
    assert due["Contact the practitioner in the other agency by"].startswith("2 September 2026"), due
    assert any(v.startswith(text(working_days_after(today, 5, p.region))) for v in due.values()), (
        f"stage 1's 5 working days from {today} not among {due}")
    assert requirement(b, "Contact the practitioner in the other agency") == "Due 2 September 2026"
    letter = "Send the other practitioner a written summary of the discussion"
    assert requirement(b, letter).startswith("Within 3 working days"), requirement(b, letter)
    assert requirement(b, "Record: The reason for the professional difference") == "Not yet done"
    assert requirement(b, "Discuss it by telephone or face to face") == "Not yet done"

    # The first conversation meets the contact clock and starts the written summary's.
    walker = RegionWalker(b, dispute, routes={2: "urgent"})
    walker.record_discussion("telephone")
    assert requirement(b, "Contact the practitioner in the other agency") == f"Done {text(today)}"
    assert deadlines(b)[f"{letter} by"].startswith(text(working_days_after(today, 3, p.region))), deadlines(b)
    record_letter(b, dispute, f"{receiving}, {UHB}")
    assert requirement(b, letter) == f"Done {text(today)}"

    walker.walk(stop_at_stage=2)
    assert walker.own_records[1] == ["The reason for the professional difference"], walker.own_records
    escalation = walker.escalation_forms[2]
    for words in ["Police: Detective Sergeant in the Public Protection Unit", "Health: Named Nurse for Safeguarding",
                  "Education: Designated Safeguarding Person", "or in their absence the deputy team manager",
                  "Where a child or adult at risk may be at risk of significant harm"]:
        assert words in escalation, f"the escalation form does not say {words!r}:\n{escalation}"
    # The urgent route's 24 hours are one working day from today, not the standard 5.
    assert requirement(b, "Urgent route: within 24 hours (1 working day)") == "Taken", b.requirements()
    assert any(v.startswith(text(hours_after(today, 24, p.region))) for v in deadlines(b).values()), deadlines(b)

    walker.walk()
    assert b.status() == "Closed"

    # Told without taking part: both agencies' line managers had the notice of the dispute raised.
    for manager in ("Ieuan Prydderch", "Angharad Llwyd"):
        subjects = mailbox.wait_for(dispute.reference, p.person(manager).email)
        assert any("Dispute raised under Dyffryn Regional Safeguarding Board" in s for s in subjects), subjects


# ---------------------------------------------------------------------------------------------
# Scotland: an adult protection committee's procedure, adults only

NHS, ASW, APC = "NHS Glenmorven", "Glenmorven Council Adult Social Work", "Glenmorven Adult Protection Committee Office"
SCOTLAND = Partnership(
    slug="glenmorven", name="Glenmorven Adult Protection Committee", region="scotland",
    agencies=[(NHS, "health"), (ASW, "adult-social-care"), (APC, "other")],
    people=[
        Person("Morag Strachan", "morag.strachan@nhs-glenmorven.example", NHS, "senior-manager"),
        Person("Fraser Kinnaird", "fraser.kinnaird@nhs-glenmorven.example", NHS, "line-manager", "Morag Strachan"),
        Person("Isla Drummond", "isla.drummond@nhs-glenmorven.example", NHS, "practitioner", "Fraser Kinnaird",
               role="practitioner"),
        Person("Alasdair Guthrie", "alasdair.guthrie@glenmorven-council.example", ASW, "senior-manager"),
        Person("Eilidh Menzies", "eilidh.menzies@glenmorven-council.example", ASW, "line-manager", "Alasdair Guthrie"),
        Person("Callum Baird", "callum.baird@glenmorven-council.example", ASW, "practitioner", "Eilidh Menzies",
               role="practitioner"),
        Person("Catriona Urquhart", "catriona.urquhart@glenmorven-apc.example", APC, "partnership-business-office",
               role="business-office"),
        Person("Hamish Dalgleish", "hamish.dalgleish@glenmorven-apc.example", APC, "statutory-partners"),
        Person("Ailsa Rennie", "ailsa.rennie@glenmorven-apc.example", APC, "independent-scrutineer"),
    ],
)
# Friday 27 November 2026: Monday 30 November is St Andrew's Day, a bank holiday in Scotland
# only, so 48 hours from the decision run out on Wednesday 2 December (Tuesday in England).
SCOTLAND_DECISION = dt.date(2026, 11, 27)


def test_scotland_adult_protection_procedure_counts_st_andrews_day(own: Browser, mailbox: Mailbox):
    b = own
    p = SCOTLAND
    b.sign_in(ADMIN)
    set_up(b, p)
    check_region_shown(b, p)
    # A policy counting England and Wales's bank holidays is refused for a Scottish partnership.
    upload_policy(b, p.slug, FIXTURES / "wales.yaml", FIXTURES / "wales.txt")
    assert b.title.startswith("Error: "), b.title
    assert ("The policy counts working days on the England and Wales calendar, but Glenmorven Adult Protection "
            "Committee is in Scotland") in " ".join(b.errors()), b.errors()
    assert versions(b) == []
    install(b, p, "scotland")

    b.sign_in(p.person("Callum Baird").email)
    receiving = b.account_name()
    b.sign_in(p.person("Isla Drummond").email)
    today = london_today()
    dispute, form = raise_about(
        b, p.slug, agency=ASW, professional=receiving, name="Euphemia MacLeod", birth=dt.date(1938, 11, 2),
        decided=SCOTLAND_DECISION, axe="raise: form for adults only")
    # Adults only: no choice of who it is, and none of the questions about a child.
    assert "Adult 1: full name" in form and "who is it?" not in form and "looked after" not in form.lower(), form
    assert "Adult" in b.texts("main h2")
    assert any(v.startswith("2 December 2026") for v in deadlines(b).values()), deadlines(b)

    walker = RegionWalker(b, dispute)
    walker.walk(stop_at_stage=2)
    escalation = walker.escalation_forms[2]
    for words in ["Police: Detective Sergeant", "Health: Senior Charge Nurse", "Adult social care: Senior Social Worker",
                  "or in their absence the Service Manager"]:
        assert words in escalation, f"the escalation form does not say {words!r}:\n{escalation}"

    # Stage 2's three clocks: contact and a response from the stage's start, then a letter.
    due = deadlines(b)
    assert due["Team leaders make contact with each other by"].startswith(text(working_days_after(today, 1, p.region))), due
    assert due["The receiving team leader responds by"].startswith(text(working_days_after(today, 3, p.region))), due
    outcome_letter = "Outcome letter to the referring practitioner"
    assert requirement(b, outcome_letter) == "Within 2 working days after the receiving team leader responds", (
        requirement(b, outcome_letter))
    # A discussion with the receiving team leader meets both; the letter's clock then starts.
    walker.record_discussion("telephone")
    assert requirement(b, "Team leaders make contact with each other") == f"Done {text(today)}"
    assert requirement(b, "The receiving team leader responds") == f"Done {text(today)}"
    assert deadlines(b)[f"{outcome_letter} by"].startswith(text(working_days_after(today, 2, p.region))), deadlines(b)
    record_letter(b, dispute, f"{b.account_name()}, {NHS}")
    assert requirement(b, outcome_letter) == f"Done {text(today)}"

    walker.walk(stop_at_stage=4)
    assert walker.own_records[3] == ["The adult’s views on the disagreement"], walker.own_records
    assert "Same working day" in walker.escalation_forms[3] and "Where the adult is at risk of serious harm" in (
        walker.escalation_forms[3])
    # 20 working days on Scotland's calendar (which keeps 2 January, or its substitute day).
    stage_due = text(working_days_after(today, 20, p.region))
    assert any(v.startswith(stage_due) for v in deadlines(b).values()), (stage_due, deadlines(b))

    walker.walk()
    assert b.status() == "Closed"

    # The Independent Convener, who takes no part, was told when the dispute reached stage 4.
    subjects = mailbox.wait_for(dispute.reference, p.person("Ailsa Rennie").email)
    assert any("Stage 4: Referral to the Adult Protection Committee" in s for s in subjects), subjects
    assert "Ailsa Rennie" not in {person["name"] for person in b.people()}


# ---------------------------------------------------------------------------------------------
# Northern Ireland: a Trust area's procedure for children and unborn babies

MIDWIFERY, GATEWAY, PANEL = "Carrowmore Trust Midwifery Service", "Carrowmore Trust Gateway Service", "Carrowmore Safeguarding Panel Business Office"
NORTHERN_IRELAND = Partnership(
    slug="carrowmore", name="Carrowmore Safeguarding Panel", region="northern-ireland",
    agencies=[(MIDWIFERY, "health"), (GATEWAY, "childrens-social-care"), (PANEL, "other")],
    people=[
        Person("Bernadette Toner", "bernadette.toner@carrowmore-trust.example", MIDWIFERY, "senior-manager"),
        Person("Ciaran McCann", "ciaran.mccann@carrowmore-trust.example", MIDWIFERY, "line-manager", "Bernadette Toner"),
        Person("Aoife Devlin", "aoife.devlin@carrowmore-trust.example", MIDWIFERY, "practitioner", "Ciaran McCann",
               role="practitioner"),
        Person("Padraig Donnelly", "padraig.donnelly@carrowmore-gateway.example", GATEWAY, "senior-manager"),
        Person("Orla Hegarty", "orla.hegarty@carrowmore-gateway.example", GATEWAY, "line-manager", "Padraig Donnelly"),
        Person("Declan Mulholland", "declan.mulholland@carrowmore-gateway.example", GATEWAY, "practitioner",
               "Orla Hegarty", role="practitioner"),
        Person("Niamh Carson", "niamh.carson@carrowmore-panel.example", PANEL, "partnership-business-office",
               role="business-office"),
        Person("Seamus Gallagher", "seamus.gallagher@carrowmore-panel.example", PANEL, "statutory-partners"),
    ],
)
# Monday 16 March 2026: Tuesday 17 March is St Patrick's Day, a bank holiday in Northern Ireland
# only, so "within 2 working days of the decision" is Thursday 19 March (Wednesday in England).
NI_DECISION = dt.date(2026, 3, 16)


def test_northern_ireland_procedure_about_an_unborn_baby_counts_st_patricks_day(own: Browser, mailbox: Mailbox):
    b = own
    p = NORTHERN_IRELAND
    b.sign_in(ADMIN)
    set_up(b, p)
    check_region_shown(b, p)
    install(b, p, "northern-ireland")

    b.sign_in(p.person("Declan Mulholland").email)
    receiving = b.account_name()
    b.sign_in(p.person("Aoife Devlin").email)
    today = london_today()
    expected = today + dt.timedelta(days=100)
    dispute, form = raise_about(
        b, p.slug, agency=GATEWAY, professional=receiving, kind="unborn", name="Unborn baby of Roisin Quigley",
        birth=expected, decided=NI_DECISION, axe="raise: form for children and unborn babies")
    assert "expected date of birth for an unborn baby" in form, form
    assert "Which route does Level 1 – Practitioner to practitioner take?" in form, form
    assert "Where a child or unborn baby may be at risk of significant harm" in form, form

    assert "Unborn baby" in b.texts("main h2"), b.texts("main h2")
    assert dict(b.js("return Array.from(document.querySelectorAll('main dl:not(#deadlines):not(#summary) "
                     ".c-summary-list__row'), r => [r.querySelector('dt').innerText.trim(),"
                     " r.querySelector('dd').innerText.trim()])")).get("Expected date of birth") == text(expected)
    assert any(v.startswith("19 March 2026") for v in deadlines(b).values()), deadlines(b)
    assert requirement(b, "Record: The impact of the disagreement on the child or unborn baby") == "Not yet done"

    walker = RegionWalker(b, dispute)
    walker.walk(stop_at_stage=2)
    assert walker.own_records[1] == ["The impact of the disagreement on the child or unborn baby"], walker.own_records
    escalation = walker.escalation_forms[2]
    for words in ["Police: Detective Sergeant in the Public Protection Branch",
                  "Health: Named Nurse for Safeguarding Children", "Education: Designated Teacher for Child Protection",
                  "or in their absence the Principal Social Worker"]:
        assert words in escalation, f"the escalation form does not say {words!r}:\n{escalation}"

    # Level 2's clocks: speak at once, a position within 48 hours, then a confirmation letter.
    due = deadlines(b)
    assert due["Line managers speak to each other by"].startswith(text(same_working_day(today, p.region))), due
    position = "The receiving line manager sets out their agency’s position"
    assert due[f"{position} by"].startswith(text(hours_after(today, 48, p.region))), due
    letter = "Confirmation letter to both agencies"
    assert requirement(b, letter).startswith("Within 2 working days after"), requirement(b, letter)
    walker.record_discussion("telephone")
    assert requirement(b, position) == f"Done {text(today)}"
    assert deadlines(b)[f"{letter} by"].startswith(text(working_days_after(today, 2, p.region))), deadlines(b)
    record_letter(b, dispute, f"{receiving}, {GATEWAY}; {b.account_name()}, {MIDWIFERY}")

    walker.walk()
    assert b.status() == "Closed"

    # The Panel's business office, told of every Level 1 referral, had the notice of it raised,
    # and its sign-in reads the closed dispute.
    office = p.person("Niamh Carson")
    subjects = mailbox.wait_for(dispute.reference, office.email)
    assert any("Dispute raised under Carrowmore Safeguarding Panel" in s for s in subjects), subjects
    b.sign_in(office.email)
    b.go(dispute.path)
    assert b.status() == "Closed" and b.text("main h1").startswith(dispute.reference)
