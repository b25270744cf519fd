"""Paper ballots and voting codes end to end in Chromium, on the demo's open vote:

- the demo Digicoach enters a paper ballot (JavaScript off) and the demo organiser, a second
  person, checks it against the paper and confirms it, so it counts;
- an anonymous visitor votes with a code from a letter, by keyboard and mouse as they like.

Every page on the way passes axe. The module's world is its own.
"""

import re

import pytest
from django.urls import reverse

from samen.budgeting import services_channels as channels
from samen.budgeting.demo_voting import VOTING_TITLE
from samen.budgeting.models import Channel, PaperBallotEntry, PaperStatus, Process, VoterRollEntry
from samen.budgeting.services_voting import voter_key_for_reference
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


def test_a_paper_ballot_is_entered_and_then_confirmed_by_a_second_person(world, tab_as):
    clerk = tab_as("digicoach", javascript=False)
    page = clerk.page
    assert clerk.open(_url("paper_list")) == 200
    _passes_axe(clerk)
    page.get_by_role("link", name="Enter a paper ballot").click()
    assert _h1(clerk) == "Enter a paper ballot"
    page.get_by_label("Register reference (such as a youth-card number)").check()
    page.get_by_label("Code, email address or register reference").fill("LV-2026-0777")
    page.get_by_label("District").select_option(label="Hoge Akker")
    page.get_by_role("button", name="Continue to the choices").click()

    assert _h1(clerk) == "Enter the choices on the paper ballot"
    _passes_axe(clerk)
    page.get_by_label("Picnic tables in the Akkerpark").check()
    page.get_by_label("Fruit trees for the neighbourhood").check()
    page.get_by_label("Dog walking area at the Molenweg").check()
    page.get_by_role("button", name="Save the entry for checking").click()

    assert _h1(clerk) == "Paper ballots"
    assert "A second person must now check and confirm it." in page.locator("body").inner_text()
    entry = PaperBallotEntry.objects.get(voter_key=voter_key_for_reference("LV-2026-0777"))
    assert entry.status == PaperStatus.ENTERED
    assert not VoterRollEntry.objects.filter(voter_key=entry.voter_key).exists()

    checker = tab_as("organiser", javascript=False)
    assert checker.open(_url("paper_list")) == 200
    checker.page.get_by_role("link", name="Check and confirm …0777").click()
    assert _h1(checker) == "Check a paper ballot"
    _passes_axe(checker)
    shown = checker.page.locator("main").inner_text()
    for title in ("Picnic tables in the Akkerpark", "Dog walking area at the Molenweg"):
        assert title in shown
    checker.page.get_by_label("Yes: confirm it and count the ballot").check()
    checker.page.get_by_role("button", name="Save my check").click()

    assert _h1(checker) == "Paper ballots"
    assert "The paper ballot is confirmed and counts." in checker.page.locator("body").inner_text()
    roll = VoterRollEntry.objects.get(voter_key=entry.voter_key)
    assert (roll.channel, roll.entered_by, roll.confirmed_by) == (
        Channel.PAPER,
        world.users["digicoach"],
        world.users["organiser"],
    )
    titles = sorted(roll.ballot.choices.values_list("proposal__title", flat=True))
    assert titles == [
        "Dog walking area at the Molenweg",
        "Fruit trees for the neighbourhood",
        "Picnic tables in the Akkerpark",
    ]
    assert clerk.errors == [] and checker.errors == []


def test_a_visitor_votes_with_a_code_from_a_letter(world, tab_as):
    process = Process.objects.get(title=VOTING_TITLE)
    code = channels.voting_code_batch_create(
        actor=world.users["organiser"], process=process, label="Browser test", size=1
    )[1][0].code
    tab = tab_as("anonymous")
    page = tab.page
    # The QR code on the letter opens the page with the code filled in.
    assert tab.open(f"{_url('code_enter')}?code={code}") == 200
    _passes_axe(tab)
    assert page.get_by_label("Your voting code").input_value() == code
    page.get_by_role("button", name="Continue").click()

    assert _h1(tab) == "About you"
    _passes_axe(tab)
    page.get_by_label("Year of birth").fill("1990")
    page.get_by_label("Postcode").fill("7411 KL")
    page.get_by_role("button", name="Continue to the ballot").click()

    assert _h1(tab) == "Your ballot"
    _passes_axe(tab)
    page.get_by_label("Shade sails at the Marktplein playground").check()
    page.get_by_label("Park clean-up days with free tools").check()
    page.get_by_role("button", name="Continue").click()

    assert _h1(tab) == "Check your answers before you vote"
    _passes_axe(tab)
    page.get_by_role("button", name="Send my vote").click()

    page.wait_for_url(re.compile(r"/code/receipt/$"))
    assert _h1(tab) == "Your vote is sent"
    _passes_axe(tab)
    entry = VoterRollEntry.objects.get(voting_code__batch__label="Browser test")
    assert entry.channel == Channel.CODE
    assert page.locator(".receipt-code").inner_text() == entry.ballot.receipt_code
    assert tab.errors == []
