"""A dispute's documents in the browser: a resolution meeting is scheduled, its minutes are
entered, and the printable record is opened and printed to PDF (A4) as someone filing it would."""

from __future__ import annotations

import base64
import datetime as dt
import shutil
import subprocess

from selenium.webdriver.common.print_page_options import PrintOptions

from pages import Browser, email, open_action, raise_dispute, submit_action, today

PRACTITIONER = email("practitioner.csc", "oldham")
CHILD = "Ottoline Brackenbury"


def schedule_and_minute(b: Browser):
    """Schedules Oldham's stage 1 resolution meeting and enters its minutes; returns the dispute."""
    b.sign_in(PRACTITIONER)
    dispute = raise_dispute(b, "oldham", child=CHILD, check_axe=False)
    open_action(b, dispute, "Schedule the meeting")
    b.date("date", today() + dt.timedelta(days=3))
    b.type("start", "10:00")
    b.select("duration", value="90")
    b.type("location", "Civic Centre, room 2")
    for option in b.options("invited[]"):
        b.tick(option)
    submit_action(b, dispute, "schedule the meeting")
    assert "Resolution meeting scheduled" in b.text("#timeline")
    assert "Calendar invitation for the resolution meeting (.ics file)" in b.texts("#documents a")

    b.follow("Agenda for the resolution meeting", within="#documents")
    assert b.h1() == "Agenda: Resolution meeting"
    assert CHILD in b.text("#agenda")
    b.axe_once("document: meeting agenda")

    b.go(dispute.path)
    open_action(b, dispute, "Record the meeting's minutes")
    assert CHILD in b.d.find_element("name", "circumstances").get_attribute("value"), "the child's details were not filled in"
    b.date("held", today())
    b.type("view-2", "Health sees no need for an assessment yet.")
    b.type("options", "A joint home visit, or a strategy discussion.")
    b.type("action-1", "Joint home visit")
    b.select("owner-1", value=b.select_options("owner-1")[1][0])
    b.date("due-1", today() + dt.timedelta(days=7))
    b.date("review", today() + dt.timedelta(days=14))
    submit_action(b, dispute, "record the minutes")
    assert "Minutes of the resolution meeting recorded" in b.text("#timeline")
    return dispute


def test_minutes_join_the_printable_record(browser: Browser, tmp_path):
    b = browser
    dispute = schedule_and_minute(b)
    b.follow("Printable record of the dispute", within="#documents")
    assert b.title == f"Record of dispute {dispute.reference} – Concord"
    text = b.main_text()
    for expected in (CHILD, "Stage 1: Team Manager or agency equivalent", "Resolution meeting scheduled",
                     "Minutes of the resolution meeting recorded", "A joint home visit, or a strategy discussion.",
                     "Joint home visit", "Every step, in order"):
        assert expected in text, f"the record lacks {expected!r}"
    b.axe_once("document: printable record")

    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, in centimetres
    pdf = tmp_path / "record.pdf"
    pdf.write_bytes(base64.b64decode(b.d.print_page(options)))
    assert pdf.read_bytes().startswith(b"%PDF")
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: scripts/browser-tests installs it"
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    for expected in (dispute.reference, CHILD, "Minutes of the resolution meeting recorded", "Joint home visit"):
        assert expected in printed, f"the printed record lacks {expected!r}"
    for hidden in ("Sign out", "Raise a dispute", "download it as a web page file", "Back to dispute"):
        assert hidden not in printed, f"the printed record shows {hidden!r}"
