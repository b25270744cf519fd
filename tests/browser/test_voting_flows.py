"""Online voting end to end in Chromium, on the demo's open vote (issue 4's "Done when"):

- the demo resident casts the whole vote by keyboard alone (Tab, Space and Enter), with the
  running total updating as they go;
- the demo staff member changes their vote with JavaScript off, using "Update total" to have
  the server recompute the money left;
- with the easy-read preference on, the ballot shows the process's easy-read summary and the
  projects' easy-read texts.

The module's world is its own, so the votes cast here go nowhere else. Every page passes axe.
"""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Page

from samen.budgeting.demo_voting import VOTING_TITLE
from samen.budgeting.models import Process, VoterRollEntry
from tests.browser.tabs import Tab, axe_report

pytestmark = pytest.mark.browser


def _url(name: str) -> str:
    return reverse(
        f"budgeting:{name}", kwargs={"process_id": Process.objects.get(title=VOTING_TITLE).pk}
    )


def _h1(tab: Tab) -> str:
    return tab.page.locator("h1").inner_text().strip()


def _passes_axe(tab: Tab) -> None:
    results = tab.axe()
    assert results["violations"] == [], axe_report(results)


def _focused(page: Page) -> str:
    """The focused element, described: its label text (inputs) or its own text."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) { return ""; }
            if (el.labels && el.labels.length) { return el.labels[0].innerText.trim(); }
            return (el.innerText || el.value || "").trim();
        }"""
    )


def _tab_to(page: Page, text: str, limit: int = 80) -> None:
    """Press Tab until the focused element's label or text starts with `text`."""
    for _press in range(limit):
        page.keyboard.press("Tab")
        if _focused(page).startswith(text):
            return
    raise AssertionError(f"Tab never reached {text!r}")


def test_the_resident_votes_by_keyboard_alone(world, tab_as):
    tab = tab_as("resident")
    page = tab.page
    assert tab.open(_url("vote_start")) == 200
    _passes_axe(tab)

    _tab_to(page, "Carry on with your vote")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/vote/ballot/$"))
    assert _h1(tab) == "Your ballot"
    _passes_axe(tab)
    total = page.locator("fieldset", has_text="Centrum").locator(".ballot-total")
    assert total.inner_text() == "You have chosen EUR 10,000 of EUR 40,000. EUR 30,000 is left."

    # Swap the table tennis tables for the shade sails, by keyboard.
    _tab_to(page, "Table tennis tables by the library")
    page.keyboard.press("Space")
    _tab_to(page, "Shade sails at the Marktplein playground")
    page.keyboard.press("Space")
    assert total.inner_text() == "You have chosen EUR 18,000 of EUR 40,000. EUR 22,000 is left."
    no_fit = page.locator(".ballot-project--no-fit .ballot-project__title").all_inner_texts()
    assert no_fit == ["Water play area in the Stadspark"]
    _tab_to(page, "Continue")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/vote/check/$"))
    assert _h1(tab) == "Check your answers before you vote"
    _passes_axe(tab)
    answers = page.locator("main").inner_text()
    assert "Shade sails at the Marktplein playground" in answers
    assert "Table tennis tables by the library" not in answers
    _tab_to(page, "Send my vote")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/vote/receipt/$"))
    assert _h1(tab) == "Your vote is sent"
    _passes_axe(tab)
    entry = VoterRollEntry.objects.get(process__title=VOTING_TITLE, user=world.users["resident"])
    assert entry.submitted_at is not None
    assert page.locator(".receipt-code").inner_text() == entry.ballot.receipt_code
    assert tab.errors == []


def test_the_staff_member_changes_their_vote_without_javascript(world, tab_as):
    tab = tab_as("staff", javascript=False)
    page = tab.page
    staff = world.users["staff"]
    before = VoterRollEntry.objects.get(process__title=VOTING_TITLE, user=staff).ballot.receipt_code
    assert tab.open(_url("vote_start")) == 200
    assert before in page.locator("main").inner_text()
    page.get_by_role("button", name="Change your vote").click()
    assert _h1(tab) == "Your ballot"

    page.get_by_label("Picnic tables in the Akkerpark").uncheck()
    page.get_by_label("Fruit trees for the neighbourhood").check()
    page.get_by_role("button", name="Update total").first.click()
    assert _h1(tab) == "Your ballot"
    _passes_axe(tab)
    total = page.locator("fieldset", has_text="Hoge Akker").locator(".ballot-total")
    assert total.inner_text() == "You have chosen EUR 35,000 of EUR 40,000. EUR 5,000 is left."
    no_fit = page.locator(".ballot-project--no-fit .ballot-project__title").all_inner_texts()
    assert no_fit == ["Lights on the Akkerpark paths"]

    page.get_by_role("button", name="Continue").click()
    assert _h1(tab) == "Check your answers before you vote"
    page.get_by_role("button", name="Send my vote").click()
    assert _h1(tab) == "Your vote is sent"
    entry = VoterRollEntry.objects.get(process__title=VOTING_TITLE, user=staff)
    assert entry.ballot.receipt_code != before
    assert entry.submission_count == 2
    titles = sorted(entry.ballot.choices.values_list("proposal__title", flat=True))
    assert titles == [
        "Accessible toilets in the Stadspark",
        "Fruit trees for the neighbourhood",
        "Pump track for bikes at the Akkerveld",
    ]


def test_easy_read_mode_shows_the_easy_read_texts_on_the_ballot(world, tab_as):
    tab = tab_as("staff", javascript=False)
    page = tab.page
    assert tab.open(reverse("core:preferences")) == 200
    page.get_by_label("Show easy-read versions where they exist").check()
    page.locator("main form button[type=submit]").first.click()
    try:
        assert tab.open(_url("vote_start")) == 200
        page.get_by_role("button", name="Change your vote").click()
        text = page.locator("main").inner_text()
        assert "You live in Centrum or Hoge Akker." in text
        assert "People clean the park together." in text
        assert "Four clean-up days a year" not in text
        assert "A fenced field where dogs can run off the lead." in text  # none in easy read
        _passes_axe(tab)
    finally:
        assert tab.open(reverse("core:preferences")) == 200
        page.get_by_label("Show easy-read versions where they exist").uncheck()
        page.locator("main form button[type=submit]").first.click()


def test_the_resident_changes_their_vote_by_keyboard_with_javascript_off(world, tab_as):
    tab = tab_as("resident", javascript=False)
    page = tab.page
    assert tab.open(_url("vote_start")) == 200
    _tab_to(page, "Change your vote")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/vote/ballot/$"))

    _tab_to(page, "Shade sails at the Marktplein playground")
    page.keyboard.press("Space")
    _tab_to(page, "Water play area in the Stadspark")
    page.keyboard.press("Space")
    _tab_to(page, "Update total")
    # The form posts back to the same URL: wait for that navigation itself. A plain
    # wait_for_load_state() can return while the old page is still shown, on a busy machine.
    with page.expect_navigation():
        page.keyboard.press("Enter")
    total = page.locator("fieldset", has_text="Centrum").locator(".ballot-total")
    assert total.inner_text() == "You have chosen EUR 31,000 of EUR 40,000. EUR 9,000 is left."
    no_fit = page.locator(".ballot-project--no-fit .ballot-project__title").all_inner_texts()
    assert no_fit == ["Shade sails at the Marktplein playground"]
    _tab_to(page, "Continue")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/vote/check/$"))
    _tab_to(page, "Send my vote")
    page.keyboard.press("Enter")

    page.wait_for_url(re.compile(r"/vote/receipt/$"))
    assert _h1(tab) == "Your vote is sent"
    entry = VoterRollEntry.objects.get(process__title=VOTING_TITLE, user=world.users["resident"])
    assert entry.submission_count == 2
    titles = sorted(entry.ballot.choices.values_list("proposal__title", flat=True))
    assert titles == [
        "Dog walking area at the Molenweg",
        "Water play area in the Stadspark",
        "Wildflower strips along the Kerkstraat",
    ]
