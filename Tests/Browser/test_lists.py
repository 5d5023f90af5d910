"""The paged dispute lists with JavaScript switched off: All disputes (keyset pages, sorting,
filters, a search that never reaches the address bar, and need to know), My work (each dispute
in one section only, and the count of what the person can see) and the partnership overview
(its figures against the list's own counts), each checked with axe-core.

It runs on a server of its own (127.0.0.6, so its cookies are its own too), on a SQLite
database of its own: the demo data, then `concord seed volume --partnership oldham --disputes
160 --seed 7`, so every list has more than one page. Nothing here changes a dispute, so the
tests read the same data in any order."""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import shutil
import re
import subprocess
import time
import unicodedata
from dataclasses import dataclass
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from conftest import ARTIFACTS, Server, chrome, save_artifacts, stop_server
from concord_run import concord_binary, free_port, private_binary, wait_until_ok
from pages import AXE_RESULTS, Browser, email
from pages import today as london_today

HOST = "127.0.0.6"
VOLUME = 160
SEED = 7
PAGE_SIZE = 50

OFFICE = email("business-office", "oldham")
PRACTITIONER = email("practitioner.csc", "oldham")
SENIOR_MANAGER = email("senior-manager.csc", "oldham")

MY_WORK_SECTIONS = ["overdue", "due-soon", "needs-action", "team", "recently-ended"]


# ---------------------------------------------------------------------------------------------
# The server: demo data plus volume, in a database of this module's own


def run(binary: str, arguments: list[str], env: dict, cwd, log) -> None:
    log.write(f"\n$ concord {' '.join(arguments)}\n".encode())
    log.flush()
    done = subprocess.run([binary, *arguments], cwd=cwd, env=env, stdout=log, stderr=subprocess.STDOUT,
                          stdin=subprocess.DEVNULL, timeout=300)
    if done.returncode != 0:
        pytest.exit(f"concord {' '.join(arguments)} exited with {done.returncode}; see {log.name}", returncode=2)


@pytest.fixture(scope="module")
def lists_server(tmp_path_factory):
    ARTIFACTS.mkdir(exist_ok=True)
    data = tmp_path_factory.mktemp("concord-lists-data")
    log_path = ARTIFACTS / "lists.log"
    seed_log = ARTIFACTS / "lists-seed.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCORD_") and k != "DATABASE_URL"}
    env.update(
        CONCORD_DATA_DIR=str(data), DATABASE_URL=f"sqlite:{data / 'lists.sqlite'}", CONCORD_BCRYPT_COST="10",
        CONCORD_SECURE_COOKIES="false", CONCORD_DEMO_DATA="off",
    )
    binary = private_binary(tmp_path_factory.mktemp("concord-lists-bin"))
    started = time.monotonic()
    with open(seed_log, "wb") as log:
        run(binary, ["seed", "demo"], env, data, log)
        run(binary, ["seed", "volume", "--partnership", "oldham", "--disputes", str(VOLUME), "--seed", str(SEED)],
            env, data, log)
    port = free_port()
    with open(log_path, "wb") as log:
        process = subprocess.Popen([binary, "serve", "--host", HOST, "--port", str(port)], cwd=data, env=env,
                                   stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    server = Server(process, f"http://{HOST}:{port}", log_path, data)
    wait_until_ok(server.base_url + "/sign-in", process, "concord serve", server.tail, timeout=180)
    print(f"\nlists: demo + {VOLUME} disputes seeded, serving at {server.base_url} after "
          f"{time.monotonic() - started:.1f} s (data in {data})")
    yield server
    stop_server(server)


@pytest.fixture(scope="module")
def nojs_driver():
    driver = chrome(javascript=False)
    yield driver
    driver.quit()


@pytest.fixture
def b(request, nojs_driver, lists_server) -> Browser:
    """A JavaScript-free browser on this module's server; on failure its page is saved to
    artifacts/ and the end of the server's log shown."""
    browser = Browser(nojs_driver, lists_server.base_url)
    browser.who = getattr(nojs_driver, "_concord_who", None)
    yield browser
    nojs_driver._concord_who = browser.who
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        save_artifacts(browser, "lists-" + request.node.name)
        print(lists_server.tail(40))
        nojs_driver._concord_who = None
        nojs_driver.delete_all_cookies()


def test_javascript_is_off(b: Browser):
    b.d.get("data:text/html,<title>before</title><script>document.title='ran'</script>")
    assert b.d.title == "before", "JavaScript is not switched off in this module's browser"


# ---------------------------------------------------------------------------------------------
# Reading the lists


@dataclass
class Row:
    reference: str
    href: str
    status: str
    deadline: str
    tags: list[str]


ROWS_JS = """
    return Array.from(document.querySelectorAll(arguments[0] + ' table tbody tr'), function (tr) {
        var link = tr.cells[0].querySelector('a'), n = tr.cells.length;
        return [link.innerText.trim(), link.getAttribute('href'), tr.cells[n - 2].innerText.trim(),
                tr.cells[n - 1].innerText.trim(), Array.from(tr.cells[n - 1].querySelectorAll('.c-tag'),
                t => t.innerText.trim())];
    });"""


def rows(b: Browser, within: str = "section#disputes") -> list[Row]:
    return [Row(*cells) for cells in b.js(ROWS_JS, within)]


def refs(b: Browser, within: str = "section#disputes") -> list[str]:
    return [row.reference for row in rows(b, within)]


def count(b: Browser) -> tuple[int, bool]:
    """The number `#list-summary` gives, and whether it reads as a filtered list."""
    summary = b.text("#list-summary")
    match = re.match(r"^You can see ([\d,]+) disputes?\.", summary)
    if match:
        return int(match.group(1).replace(",", "")), False
    match = re.match(r"^([\d,]+) disputes? match(?:es)?\.", summary)
    assert match, f"{b.path}: #list-summary reads {summary!r}"
    return int(match.group(1).replace(",", "")), True


def link(b: Browser, rel: str):
    found = b.d.find_elements(By.CSS_SELECTOR, f"nav.c-pagination a[rel={rel}]")
    return found[0] if found else None


def button(b: Browser, label: str):
    found = [e for e in b.d.find_elements(By.CSS_SELECTOR, "nav.c-pagination button.c-pagination__button")
             if e.text.strip().startswith(label)]
    return found[0] if found else None


def page_through(b: Browser) -> list[list[str]]:
    """From the page shown to the last, by the Next links; each page's references."""
    pages = [refs(b)]
    while (next_link := link(b, "next")) is not None:
        b.click_and_wait(next_link)
        assert "after" in parse_qs(b.query), f"Next led to {b.d.current_url}, not an ?after= page"
        pages.append(refs(b))
    return pages


def every_row(b: Browser, query: str = "sort=reference") -> list[Row]:
    b.go(f"/disputes?{query}")
    found = rows(b)
    while (next_link := link(b, "next")) is not None:
        b.click_and_wait(next_link)
        found += rows(b)
    return found


def open_filters(b: Browser):
    if not b.js("return document.getElementById('list-filters').open"):
        b.d.find_element(By.CSS_SELECTOR, "#list-filters > summary").click()
    assert b.js("return document.getElementById('list-filters').open")


def search(b: Browser, words: str, *, name: bool = True):
    """Types in the search box of All disputes and presses Search (a POST). A child's name is
    then checked for in every page's <title>."""
    if b.path != "/disputes":
        b.go("/disputes")
    if name:
        b.secrets.add(words)
    b.type("q", words)
    b.press("Search")


def search_leaves_no_trace_in_the_address(b: Browser, words: str):
    url = unquote(b.d.current_url).lower()
    assert b.path == "/disputes", b.d.current_url
    assert "q=" not in url, f"the search is in the address: {b.d.current_url}"
    for word in words.lower().split():
        if len(word.strip(".")) > 1:
            assert word not in url.removeprefix(b.base_url.lower()), f"{word!r} is in the address {b.d.current_url}"


def dispute_facts(b: Browser, href: str) -> dict:
    """From a dispute page: when it was raised, who raised it and with whom, its children's
    names and the agencies' case references."""
    b.go(href)
    assert b.path == href, f"{href} led to {b.path}"
    pairs = b.js("return Array.from(document.querySelectorAll('main .c-summary-list__row'),"
                 " r => [r.querySelector('dt').innerText.trim(), r.querySelector('dd').innerText.trim()])")
    summary = b.summary()
    return {
        "raised": dt.datetime.strptime(summary["Raised on"], "%d %B %Y").date(),
        "agencies": [summary["Raised by"].split(", ", 1)[-1], *[a.strip() for a in summary["With"].split(",")]],
        "names": [value for key, value in pairs if key == "Name"],
        "case references": [value for key, value in pairs if key.endswith(" reference")],
    }


def folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def names_match(words: str, name: str) -> bool:
    """Each search word begins some word of the name (case and accents aside)."""
    name_words = folded(name).split()
    return all(any(n.startswith(w) for n in name_words) for w in folded(words).split())


# ---------------------------------------------------------------------------------------------
# 1. Paging through All disputes


def test_all_disputes_pages_from_first_to_last_and_back(b: Browser):
    b.sign_in(OFFICE)
    b.go("/my-work")
    b.follow("All disputes", within="header")
    assert b.path == "/disputes" and b.h1() == "All disputes"
    total, filtered = count(b)
    assert not filtered and total >= VOLUME, f"the office sees {total} disputes; {VOLUME} were seeded"
    assert link(b, "prev") is None, "the first page offers a Previous page"

    pages = page_through(b)
    assert link(b, "next") is None
    for number, page in enumerate(pages, 1):
        assert 0 < len(page) <= PAGE_SIZE, f"page {number} has {len(page)} rows"
        if number < len(pages):
            assert len(page) == PAGE_SIZE, f"page {number} of {len(pages)} has {len(page)} rows, not {PAGE_SIZE}"
    collected = [reference for page in pages for reference in page]
    repeated = sorted({r for r in collected if collected.count(r) > 1})
    assert not repeated, f"references on more than one page: {repeated}"
    assert len(collected) == total, f"{len(collected)} rows over {len(pages)} pages; the summary says {total}"
    assert len(pages) == -(-total // PAGE_SIZE)

    # Back from the last page: each Previous shows exactly the page before it, to the first.
    for number in range(len(pages) - 2, -1, -1):
        previous = link(b, "prev")
        assert previous is not None, f"no Previous link on page {number + 2}"
        b.click_and_wait(previous)
        assert "before" in parse_qs(b.query), f"Previous led to {b.d.current_url}, not a ?before= page"
        assert refs(b) == pages[number], f"Previous from page {number + 2} did not show page {number + 1}"
        assert count(b) == (total, False)
    assert link(b, "prev") is None, "the first page, reached by Previous, offers another Previous"


# ---------------------------------------------------------------------------------------------
# 2. Sorting and filters, through the form


def test_sort_by_reference_through_the_form(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    open_filters(b)
    b.select("sort", value="reference")
    b.press("Apply filters")
    assert parse_qs(b.query).get("sort") == ["reference"], b.d.current_url
    first = refs(b)
    assert len(first) == PAGE_SIZE
    assert first == sorted(first) and len(set(first)) == len(first), f"page 1 is not in reference order: {first}"
    b.click_and_wait(link(b, "next"))
    second = refs(b)
    assert parse_qs(b.query).get("sort") == ["reference"], "the order was lost on the next page"
    assert second == sorted(second) and second[0] > first[-1], (first[-1], second[:3])


def test_sort_by_date_raised_newest_first_from_the_address(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes?sort=raised")
    assert b.js("return document.getElementById('sort').value") == "raised"
    page = rows(b)
    assert len(page) == PAGE_SIZE
    next_href = link(b, "next").get_attribute("href")
    raised = [(row.reference, dispute_facts(b, row.href)["raised"]) for row in page]
    out_of_order = [(a, b_) for a, b_ in zip(raised, raised[1:]) if a[1] < b_[1]]
    assert not out_of_order, f"raised dates go up on the newest-first page: {out_of_order}"
    assert raised[0][1] > raised[-1][1], "page 1 spans a single day, so its order shows nothing"
    # The next page's key starts at the last row's date.
    after = parse_qs(urlparse(next_href).query)["after"][0]
    assert after.startswith(raised[-1][1].isoformat()), (after, raised[-1])


def test_overdue_filter_shows_only_overdue_disputes(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    total, _ = count(b)
    open_filters(b)
    b.select("overdue", value="yes")
    b.press("Apply filters")
    assert parse_qs(b.query) == {"overdue": ["yes"]}, b.d.current_url
    assert b.js("return document.getElementById('list-filters').open"), "the filters are closed while in force"
    assert b.js("return document.getElementById('overdue').value") == "yes"
    n, filtered = count(b)
    found = rows(b)
    assert filtered and 0 < n < total and len(found) == min(n, PAGE_SIZE), (n, len(found), total)
    not_overdue = [(r.reference, r.deadline) for r in found if not any(t.startswith("Overdue") for t in r.tags)]
    assert not not_overdue, f"rows without an Overdue tag under overdue=yes: {not_overdue}"
    # And the opposite filter shows none of them.
    shown = {r.reference: r.tags for r in every_row(b, "overdue=no")}
    assert not any(t.startswith("Overdue") for tags in shown.values() for t in tags)
    assert not set(shown) & {r.reference for r in found}


def test_status_filter_through_the_form(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    total, _ = count(b)
    open_filters(b)
    b.select("status", label="Closed")
    b.press("Apply filters")
    assert parse_qs(b.query) == {"status": ["closed"]}, b.d.current_url
    n, filtered = count(b)
    assert filtered and 0 < n < total
    found = rows(b)
    while (next_link := link(b, "next")) is not None:
        b.click_and_wait(next_link)
        assert parse_qs(b.query).get("status") == ["closed"], "the filter was lost on the next page"
        found += rows(b)
    assert len(found) == n == len({r.reference for r in found}), (len(found), n)
    assert {r.status for r in found} == {"Closed"}, sorted({r.status for r in found})


def test_agency_filter_through_the_form(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    total, _ = count(b)
    agency = "Probation Service (Oldham)"
    open_filters(b)
    b.select("agency", label=agency)
    b.press("Apply filters")
    value = b.js("return document.getElementById('agency').value")
    assert parse_qs(b.query) == {"agency": [value]}, b.d.current_url
    n, filtered = count(b)
    found = every_row(b, f"agency={value}")
    assert filtered and 0 < n < total and len(found) == n, (n, len(found), total)
    without = [r.reference for r in found if agency not in dispute_facts(b, r.href)["agencies"]]
    assert not without, f"disputes listed under {agency} that neither it raised nor are with it: {without}"


def test_date_range_through_the_day_month_year_boxes(b: Browser):
    b.sign_in(OFFICE)
    today = london_today()
    start, end = today - dt.timedelta(days=400), today - dt.timedelta(days=200)
    b.go("/disputes")
    total, _ = count(b)
    open_filters(b)
    b.date("from", start)
    b.date("to", end)
    b.press("Apply filters")
    assert parse_qs(b.query) == {"from": [start.isoformat()], "to": [end.isoformat()]}, b.d.current_url
    assert b.js("return document.getElementById('list-filters').open")
    assert [b.js(f"return document.getElementById('from-{p}').value") for p in ("day", "month", "year")] == [
        str(start.day), str(start.month), str(start.year)]
    n, filtered = count(b)
    found = every_row(b, b.query)
    assert filtered and 0 < n < total and len(found) == n, (n, len(found), total)
    outside = [(r.reference, str(d)) for r in found if not start <= (d := dispute_facts(b, r.href)["raised"]) <= end]
    assert not outside, f"raised outside {start}..{end}: {outside}"


def test_a_bad_date_is_shown_with_its_field(b: Browser):
    """The GOV.UK error summary, linking to the field in error, which the reader can see."""
    b.sign_in(OFFICE)
    b.go("/disputes")
    open_filters(b)
    b.type("from-day", "31")
    b.type("from-month", "2")
    b.type("from-year", "2026")
    b.press("Apply filters")
    assert b.text(".c-error-summary h2") == "There is a problem"
    assert b.errors() == ["Raised on or after must be a real date"], b.errors()
    assert b.js("return document.getElementById('from-day').value") == "31", "what was typed is not kept"
    problems = []
    targets = b.js("return Array.from(document.querySelectorAll('.c-error-summary a'), a => a.getAttribute('href'))")
    missing = [t for t in targets if not b.exists(t)]
    if missing:
        problems.append(f"the error summary links to {missing}, which no element on the page has as its id "
                        f"(the boxes are #from-day, #from-month, #from-year)")
    if not b.js("return document.getElementById('list-filters').open"):
        problems.append("the field in error is hidden inside the closed 'Filter and sort' details")
    assert not problems, "; ".join(problems)


# ---------------------------------------------------------------------------------------------
# 3. Search (POST: the words never reach the address bar)


@pytest.fixture(scope="module")
def sample(lists_server, nojs_driver) -> dict:
    """A volume dispute the business office can see, with its child's name and a case reference."""
    b = Browser(nojs_driver, lists_server.base_url)
    b.sign_in(OFFICE)
    nojs_driver._concord_who = OFFICE
    b.go("/disputes?sort=reference")
    b.click_and_wait(link(b, "next"))
    row = rows(b)[7]
    facts = dispute_facts(b, row.href)
    assert facts["names"] and facts["case references"], facts
    return {"reference": row.reference, "href": row.href, **facts}


def test_search_by_a_childs_full_name(b: Browser, sample):
    b.sign_in(OFFICE)
    name = sample["names"][0]
    search(b, name)
    search_leaves_no_trace_in_the_address(b, name)
    n, filtered = count(b)
    found = rows(b)
    assert filtered and len(found) == n >= 1
    assert sample["reference"] in [r.reference for r in found], f"searching {name!r} did not find {sample['reference']}"
    assert b.js("return document.getElementById('q').value") == name
    others = [r.reference for r in found if not any(names_match(name, c) for c in dispute_facts(b, r.href)["names"])]
    assert not others, f"disputes found for {name!r} with no child of that name: {others}"

    # Case and accents do not matter: the name in capitals with an accent on its first vowel.
    shouted = re.sub(r"[AEIOU]", lambda m: {"A": "Á", "E": "É", "I": "Í", "O": "Ó", "U": "Ú"}[m.group()],
                     name.upper(), count=1)
    assert shouted != name.upper()
    search(b, shouted)
    search_leaves_no_trace_in_the_address(b, shouted)
    assert refs(b) == [r.reference for r in found], f"{shouted!r} found other disputes than {name!r}"


def test_search_by_reference(b: Browser, sample):
    b.sign_in(OFFICE)
    reference = sample["reference"]
    search(b, reference)
    assert refs(b) == [reference] and count(b)[0] == 1
    search_leaves_no_trace_in_the_address(b, reference)
    search(b, reference.lower())
    assert refs(b) == [reference], f"searching {reference.lower()!r} found {refs(b)}"


def test_search_by_an_agency_case_reference(b: Browser, sample):
    b.sign_in(OFFICE)
    case_reference = sample["case references"][0]
    search(b, case_reference)
    search_leaves_no_trace_in_the_address(b, case_reference)
    found = rows(b)
    assert sample["reference"] in [r.reference for r in found], f"{case_reference} did not find {sample['reference']}"
    others = [r.reference for r in found if case_reference not in dispute_facts(b, r.href)["case references"]]
    assert not others, f"disputes found for {case_reference} without that case reference: {others}"


def test_one_result_reads_in_the_singular(b: Browser, sample):
    b.sign_in(OFFICE)
    search(b, sample["reference"])
    assert b.text("#list-summary").startswith("1 dispute matches."), b.text("#list-summary")


# A word that begins many of the seeded children's names: more than a page of results.
MANY = "e"


def test_paging_through_search_results_keeps_the_search(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    total, _ = count(b)
    search(b, MANY, name=False)
    n, filtered = count(b)
    assert filtered and PAGE_SIZE < n < total, f"{MANY!r} matches {n} of {total}: not more than one page"
    assert link(b, "next") is None and link(b, "prev") is None, "search results are paged by links (GET)"
    assert button(b, "Previous") is None
    pages = [refs(b)]
    while (next_button := button(b, "Next")) is not None:
        b.click_and_wait(next_button)
        search_leaves_no_trace_in_the_address(b, MANY)
        assert b.js("return document.getElementById('q').value") == MANY, "the search box lost the search"
        assert count(b) == (n, True), f"page {len(pages) + 1} counts {count(b)}, page 1 counted {n}"
        pages.append(refs(b))
    collected = [r for page in pages for r in page]
    assert all(len(page) <= PAGE_SIZE for page in pages) and len(pages) > 1
    assert len(collected) == len(set(collected)) == n, (len(collected), len(set(collected)), n)
    # Previous from the last page shows the page before it.
    search(b, MANY, name=False)
    for _ in range(len(pages) - 1):
        b.click_and_wait(button(b, "Next"))
    b.click_and_wait(button(b, "Previous"))
    assert refs(b) == pages[-2], "Previous in the search results did not show the page before"
    assert b.js("return document.getElementById('q').value") == MANY


# ---------------------------------------------------------------------------------------------
# 4. Need to know: search finds only what the person may see


def test_search_finds_only_disputes_the_person_may_see(b: Browser):
    b.sign_in(PRACTITIONER)
    theirs = {r.reference for r in every_row(b)}
    b.go("/disputes")
    assert count(b)[0] == len(theirs)
    b.sign_in(OFFICE)
    everything = every_row(b)
    hidden = [r for r in everything if r.reference not in theirs]
    assert hidden and theirs, (len(hidden), len(theirs))

    # A child in a dispute the practitioner cannot open, whose name is in none they can.
    chosen = None
    for row in hidden[len(hidden) // 2:] + hidden[: len(hidden) // 2]:
        facts = dispute_facts(b, row.href)
        name = facts["names"][0]
        search(b, name)
        found = set(refs(b))
        if row.reference in found and not found & theirs:
            chosen = (row, name, facts)
            break
        assert row.reference in found, f"the office's search for {name!r} did not find {row.reference}"
    assert chosen, "no child's name is only in disputes the practitioner cannot see"
    row, name, facts = chosen

    b.sign_in(PRACTITIONER)
    b.go(row.href)
    assert b.h1() == "Page not found", f"the practitioner opened {row.reference}: {b.h1()!r}"
    for words in (name, row.reference, facts["case references"][0]):
        search(b, words)
        assert count(b) == (0, True) and b.text("#list-summary").startswith("0 disputes match."), (
            f"the practitioner's search for {words!r}: {b.text('#list-summary')!r}, rows {refs(b)}")
        assert refs(b) == []
    # Their search does work on what they may see.
    own = next(r for r in every_row(b) if r.reference in theirs)
    own_name = dispute_facts(b, own.href)["names"][0]
    search(b, own_name)
    assert own.reference in refs(b), f"the practitioner's search for {own_name!r} did not find {own.reference}"
    assert set(refs(b)) <= theirs

    b.sign_in(OFFICE)
    search(b, name)
    assert row.reference in refs(b)


# ---------------------------------------------------------------------------------------------
# 5. My work


def my_work_sections(b: Browser) -> dict[str, list[str]]:
    b.go("/my-work")
    return {section: refs(b, f"section#{section}") for section in MY_WORK_SECTIONS if b.exists(f"section#{section}")}


def visible_count(b: Browser) -> int:
    summary = b.text("#visible-summary")
    match = re.match(r"^You can see ([\d,]+) disputes?:", summary)
    assert match, f"#visible-summary reads {summary!r}"
    return int(match.group(1).replace(",", ""))


@pytest.mark.parametrize("who", [OFFICE, SENIOR_MANAGER], ids=["business office", "senior manager"])
def test_my_work_lists_each_dispute_once_and_counts_what_all_disputes_shows(b: Browser, who):
    b.sign_in(who)
    sections = my_work_sections(b)
    expected = ["overdue", "due-soon", "recently-ended"] if who == OFFICE else MY_WORK_SECTIONS
    assert list(sections) == expected, f"sections {list(sections)}"
    seen: dict[str, str] = {}
    twice = []
    for section, references in sections.items():
        assert len(references) <= PAGE_SIZE
        for reference in references:
            if reference in seen:
                twice.append(f"{reference} in {seen[reference]} and {section}")
            seen[reference] = section
    assert not twice, "disputes in two sections of My work: " + "; ".join(twice)
    assert seen, "My work lists no dispute at all"

    n = visible_count(b)
    b.follow("See all the disputes you can see")
    assert b.path == "/disputes" and not b.query
    assert count(b) == (n, False), f"My work says {n}; All disputes says {b.text('#list-summary')!r}"
    everything = every_row(b, "")
    assert len(everything) == n
    # My work's overdue section is the overdue filter of the same list.
    overdue = every_row(b, "overdue=yes")
    assert sections["overdue"] == [r.reference for r in overdue][:PAGE_SIZE]
    assert set(seen) <= {r.reference for r in everything}, "My work lists disputes All disputes does not"
    if "team" in sections:
        status = {r.reference: r.status for r in everything}
        assert {status[r] for r in sections["team"]} <= {"Open"}, "the team's open disputes include ended ones"


# ---------------------------------------------------------------------------------------------
# The partnership overview against the list


def figures(b: Browser) -> dict[str, int]:
    return {label: int(number.replace(",", "")) for number, label in b.js(
        "return Array.from(document.querySelectorAll('#figures .c-key-figure'),"
        " f => [f.querySelector('.c-key-figure__number').innerText, f.querySelector('.c-key-figure__label').innerText])")}


def listed(b: Browser, query: str) -> int:
    b.go(f"/disputes?{query}")
    return count(b)[0]


def test_partnership_overview_agrees_with_all_disputes(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    stage_values = {label: value for value, label in b.select_options("stage") if value}
    first_page = refs(b)
    total = count(b)[0]

    b.go("/my-work")
    b.follow("See the partnership overview")
    assert b.path == "/partnerships/oldham"
    shown = figures(b)
    by_stage = b.js("return Array.from(document.querySelectorAll('#by-stage tbody tr'),"
                    " tr => Array.from(tr.cells, c => c.innerText.trim()))")
    overdue_rows = refs(b, "section#overdue")
    all_heading = b.text("#all h2")
    all_rows = refs(b, "section#all")
    more = b.js("return Array.from(document.querySelectorAll('#all a'), a => [a.innerText.trim(), a.getAttribute('href')])"
                ".filter(l => !l[1].match(/^\\/disputes\\/[0-9A-F-]{36}$/i))")

    assert shown["open"] + shown["ended"] == total, (shown, total)
    assert all_heading == f"{total} disputes" and all_rows == first_page, "the overview's 50 are not the list's first page"
    assert more and parse_qs(urlparse(more[0][1]).query) == {} and urlparse(more[0][1]).path == "/disputes", more
    assert shown["open"] == listed(b, "status=open")
    assert shown["overdue"] == listed(b, "overdue=yes") == len(overdue_rows)
    assert overdue_rows == refs(b)
    assert sum(int(r[1]) for r in by_stage) == shown["open"]
    assert sum(int(r[3]) for r in by_stage) == shown["overdue"]
    for stage, open_count, _soon, overdue in by_stage:
        value = stage_values[stage]
        assert int(open_count) == listed(b, f"status=open&stage={value}"), f"{stage}: open"
        assert int(overdue) == listed(b, f"overdue=yes&stage={value}"), f"{stage}: overdue"

    # Filtered by its own form, its link into All disputes carries the filter and the count.
    b.go("/partnerships/oldham")
    b.select("stage", value="team-manager")
    b.press("Apply filters")
    assert parse_qs(b.query) == {"stage": ["team-manager"]}, b.d.current_url
    heading = b.text("#all h2")
    in_stage = int(heading.split()[0].replace(",", ""))
    assert in_stage < total and len(refs(b, "section#all")) == min(in_stage, PAGE_SIZE), heading
    more = b.js("return Array.from(document.querySelectorAll('#all p a'), a => a.getAttribute('href'))")
    assert bool(more) == (in_stage > PAGE_SIZE), f"{heading}, links {more}"
    if more:
        b.go(more[0])
        assert parse_qs(b.query) == {"stage": ["team-manager"]}, b.d.current_url
        assert count(b) == (in_stage, True), (heading, b.text("#list-summary"))


# ---------------------------------------------------------------------------------------------
# 6. axe-core on each list. axe.run needs the page's script engine (its promises and timers
# never run with JavaScript switched off), so these pages are loaded in the run's ordinary
# browser, as test_accessibility.py does; Concord's pages have no scripts, so they are the same
# pages either way.


@pytest.fixture
def axe_browser(request, driver, lists_server) -> Browser:
    browser = Browser(driver, lists_server.base_url)
    yield browser
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        save_artifacts(browser, "lists-" + request.node.name)
        print(lists_server.tail(40))


def all_disputes(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes")
    assert link(b, "next") is not None


def all_disputes_filtered(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes?status=closed&sort=reference")
    assert b.js("return document.getElementById('list-filters').open")
    assert link(b, "next") is not None and link(b, "prev") is None
    b.click_and_wait(link(b, "next"))  # both links


def search_results_paged_by_buttons(b: Browser):
    b.sign_in(OFFICE)
    search(b, MANY, name=False)
    b.click_and_wait(button(b, "Next"))
    assert button(b, "Previous") is not None


def all_disputes_with_an_error(b: Browser):
    b.sign_in(OFFICE)
    b.go("/disputes?from=2026-06-30&to=2026-01-01")
    assert b.errors(), "no error summary"


def my_work(who: str):
    def page(b: Browser):
        b.sign_in(who)
        b.go("/my-work")
    return page


def partnership_overview(b: Browser):
    b.sign_in(OFFICE)
    b.go("/partnerships/oldham")
    assert b.exists("#by-stage") and b.exists("section#all")


def reports_with_errors(b: Browser):
    b.sign_in(OFFICE)
    b.go("/partnerships/oldham/reports?period=dates&from-day=31&from-month=2&from-year=2026")
    assert b.errors(), "no error summary"


def reports_year(b: Browser):
    b.sign_in(OFFICE)
    b.go(f"/partnerships/oldham/reports?period=year&year={reporting_year()}")
    assert b.exists("#stages svg") and b.exists("#months-table")


def board_report(publication: bool):
    def page(b: Browser):
        b.sign_in(OFFICE)
        b.go(f"/partnerships/oldham/reports/board?period=year&year={reporting_year()}"
             + ("&publication=yes" if publication else ""))
        assert b.exists("#publication-note") == publication
    return page


# ---------------------------------------------------------------------------------------------
# 6. Reports: a chart's data table, the same figures from the command line, and the board report


def reporting_year() -> int:
    today = london_today()
    return today.year if today.month >= 4 else today.year - 1


def table_rows(b: Browser, css: str) -> list[list[str]]:
    rows = b.d.find_elements(By.CSS_SELECTOR, f"{css} tbody tr")
    return [[cell.text for cell in row.find_elements(By.CSS_SELECTOR, "th, td")] for row in rows]


def test_reports_chart_table_agrees_with_the_command_line_and_the_board_report_prints(
        b: Browser, lists_server, tmp_path):
    year = reporting_year()
    b.sign_in(OFFICE)
    b.follow("Reports", within="nav")
    assert b.h1() == "Reports"
    b.choose("period", "year")
    b.select("year", value=str(year))
    b.press("Show the report")
    assert f"year={year}" in b.query
    assert b.text("#report-period") == f"1 April {year} to 31 March {year + 1}"

    # The chart says what it shows, and its data table follows it.
    chart = b.d.find_element(By.CSS_SELECTOR, "#stages svg[role=img]")
    assert "within their timescale" in chart.find_element(By.CSS_SELECTOR, "title").get_attribute("textContent")
    stages = table_rows(b, "#stages-table")
    assert [row[0] for row in stages][:2] == [
        "Stage 1: Team Manager or agency equivalent", "Stage 2: Head of Service or agency equivalent"]
    months = table_rows(b, "#months-table")
    assert len(months) == 12 and months[0][0] == f"April {year}"

    # The command line, on the same database, gives the same figures.
    env = {k: v for k, v in os.environ.items() if not k.startswith("CONCORD_") and k != "DATABASE_URL"}
    env["DATABASE_URL"] = f"sqlite:{lists_server.data / 'lists.sqlite'}"
    done = subprocess.run(
        [concord_binary(), "report", "--partnership", "oldham", "--from", f"{year}-04-01", "--to",
         f"{year + 1}-03-31", "--format", "json"], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["raised"] > 0
    assert table_rows(b, "#summary-table")[0] == ["Raised in the period", str(report["raised"])]
    for row, stage in zip(stages, report["stages"]):
        assert row[0] == stage["title"]
        assert int(row[1]) == stage["entered"]
        if stage["within_timescale"] is None:
            assert row[2] == "no timescale"
        else:
            assert [int(row[2]), int(row[3])] == [stage["within_timescale"], stage["late"]]
    assert [[m[0], int(m[1]), int(m[2])] for m in months][:3] == [
        [f"{name} {year}", m["raised"], m["resolved"]]
        for name, m in zip(["April", "May", "June"], report["months"][:3])]

    # The board report, printed on A4, carries the figures and none of the site around them.
    b.follow("The board report for this period, to print on A4", within="main")
    assert b.h1() == "Disputes between agencies: board report"
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = tmp_path / "board.pdf"
    pdf.write_bytes(base64.b64decode(b.d.print_page(options)))
    assert shutil.which("pdftotext"), "pdftotext (poppler-utils) is missing: scripts/browser-tests installs it"
    printed = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True,
                             text=True).stdout
    # A stage's title wraps in its narrow column on A4.
    for expected in (f"Disputes raised from 1 April {year} to 31 March {year + 1}", "Stage 2: Head of",
                     "Month by month", f"April {year}", f"Raised in the period {report['raised']}"):
        assert expected in re.sub(r"[ ]+", " ", printed), f"the printed board report lacks {expected!r}"
    for hidden in ("Sign out", "Back to the reports", "Download"):
        assert hidden not in printed, f"the printed board report shows {hidden!r}"


# ---------------------------------------------------------------------------------------------
# 7. Learning: gathered by theme, given a theme, acted on, and in the board report


LEARNING_OFFICE = email("business-office", "sunderland")


def learning_year(b: Browser):
    b.sign_in(LEARNING_OFFICE)
    b.go(f"/partnerships/sunderland/learning?period=year&year={reporting_year()}")
    assert b.exists("#learning-themes")


def learning_point(b: Browser):
    learning_year(b)
    b.go(b.js("return document.querySelector('#learning-list ~ .c-summary-card a').getAttribute('href')"))
    assert b.exists("input[name=themes]")


def learning_themes(b: Browser):
    b.sign_in(LEARNING_OFFICE)
    b.go("/partnerships/sunderland/learning/themes")


def learning_theme(b: Browser):
    learning_themes(b)
    b.go(b.js("return document.querySelector('#themes a').getAttribute('href')"))


def learning_actions(b: Browser):
    b.sign_in(LEARNING_OFFICE)
    b.go("/partnerships/sunderland/learning/actions")
    assert b.exists("#actions")


def learning_action(b: Browser):
    learning_actions(b)
    b.go(b.js("return document.querySelector('#actions a').getAttribute('href')"))
    assert b.exists("#action-details")


def learning_action_with_errors(b: Browser):
    b.sign_in(LEARNING_OFFICE)
    b.go("/partnerships/sunderland/learning/actions/new")
    b.press("Record the action")
    assert b.errors(), "no error summary"


def test_learning_is_given_a_theme_acted_on_and_reported_to_the_board(b: Browser, lists_server):
    year = reporting_year()
    b.sign_in(LEARNING_OFFICE)
    b.follow("Learning", within="nav")
    assert b.h1() == "Learning from disputes"
    b.choose("period", "year")
    b.select("year", value=str(year))
    b.press("Show the learning")
    themes = {row[0]: int(row[1]) for row in table_rows(b, "#learning-themes")}
    assert themes["Not yet given a theme"] > 0, themes
    before = themes["Voice of the child not heard"]

    # The learning not yet given a theme, and one point of it given one.
    b.follow("Not yet given a theme")
    assert b.h1() == "Learning from disputes" and "theme=none" in b.query
    b.go(b.js("return document.querySelector('#learning-list ~ .c-summary-card a').getAttribute('href')"))
    assert b.h1().startswith("Learning from ")
    option = next(o for o in b.options("themes") if o["label"] == "Voice of the child not heard")
    assert all(o["label"] != "Procedure not followed" for o in b.options("themes")), "a retired theme is offered"
    b.tick(option)
    b.press("Save the themes")
    assert b.notice()
    assert "Gave it the theme “Voice of the child not heard”" in b.text("#history-table")

    # An action on that theme, marked done.
    b.go("/partnerships/sunderland/learning/actions/new")
    b.select("theme", label="Voice of the child not heard")
    b.type("action", "Practice guidance on recording the child's wishes")
    b.type("owner", "Principal social worker")
    today = london_today()
    b.date("due", today)
    b.press("Record the action")
    assert b.text("#action-status") == "Open"
    b.date("completed", today)
    b.type("outcome", "Guidance published and briefed to every team")
    b.press("Mark the action done")
    assert b.text("#action-status").startswith("Done on")

    # The board report counts the theme and lists the action.
    b.go(f"/partnerships/sunderland/learning?period=year&year={year}")
    after = {row[0]: int(row[1]) for row in table_rows(b, "#learning-themes")}
    assert after["Voice of the child not heard"] == before + 1
    b.go(f"/partnerships/sunderland/reports/board?period=year&year={year}")
    board = {row[0]: row for row in table_rows(b, "#learning-table")}
    assert int(board["Voice of the child not heard"][1]) == before + 1
    actions = [row[0] for row in table_rows(b, "#learning-actions-table")]
    assert "Practice guidance on recording the child's wishes" in actions


AXE_PAGES = {
    "lists: all disputes": all_disputes,
    "lists: all disputes, filtered (details open)": all_disputes_filtered,
    "lists: search results, paged by buttons": search_results_paged_by_buttons,
    "lists: all disputes, error summary": all_disputes_with_an_error,
    "lists: my work, business office": my_work(OFFICE),
    "lists: my work, senior manager": my_work(SENIOR_MANAGER),
    "lists: partnership overview with volume": partnership_overview,
    "lists: reports, a reporting year": reports_year,
    "lists: reports, a period that is not one": reports_with_errors,
    "lists: board report": board_report(publication=False),
    "lists: board report for publication": board_report(publication=True),
    "learning: by theme over a reporting year": learning_year,
    "learning: a learning point and its themes": learning_point,
    "learning: the themes": learning_themes,
    "learning: a theme": learning_theme,
    "learning: the actions": learning_actions,
    "learning: an action": learning_action,
    "learning: recording an action, error summary": learning_action_with_errors,
}


@pytest.mark.parametrize("kind", list(AXE_PAGES))
def test_axe(axe_browser: Browser, kind):
    b = axe_browser
    AXE_PAGES[kind](b)
    b.axe(kind)
    assert not AXE_RESULTS[kind].failing
