"""Issue 4's whole story in Chromium, from an empty process to a recounted result:

1. an organiser creates a two-district process, with its districts and budgets;
2. residents submit ideas and staff review them onto the ballot;
3. voting opens; three residents vote online and one of them changes their vote;
4. one paper ballot is entered and confirmed by a second person, and a Digicoach records an
   assisted vote with the declaration;
5. a paper ballot for a resident who already voted online is refused;
6. voting closes, the count runs and the results are published;
7. each downloaded .pb file recounts (pbcount's CLI) to the published outcome.

Pages are driven through the interface with JavaScript off, as the people in the story
would use them; only the calendar is moved by the test, from phase to phase. The module's
world is its own.
"""

import io
import json
import re
from contextlib import redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Browser

from pbcount.cli import main as pbcount_main
from samen.budgeting.models import (
    Ballot,
    Channel,
    PhaseKind,
    Process,
    ProjectResult,
    Proposal,
    VoterRollEntry,
)
from samen.budgeting.services_voting import voter_key_for_reference
from tests.browser.conftest import _new_tab
from tests.browser.tabs import Tab, axe_report
from tests.budgeting.factories import move_calendar_to
from tests.factories import UserFactory
from tests.pages import EMAIL_BACKEND

pytestmark = pytest.mark.browser

TITLE = "Riverside decides"
IDEAS = (  # (resident, title, cost in euros, where)
    ("east1", "Benches along the river", "12000", "East"),
    ("east2", "Lights on the footbridge", "25000", "East"),
    ("west1", "Skate ramp by the school", "20000", "West"),
    ("west1", "Riverside summer festival", "30000", None),
    ("east1", "Trees along the quay", "25000", None),
)


def _h1(tab: Tab) -> str:
    return tab.page.locator("h1").inner_text().strip()


def _main(tab: Tab) -> str:
    return tab.page.locator("main").inner_text()


def _passes_axe(tab: Tab) -> None:
    results = tab.axe()
    assert results["violations"] == [], axe_report(results)


def _process() -> Process:
    return Process.objects.get(title=TITLE)


def _url(name: str, **kwargs: Any) -> str:
    return reverse(f"budgeting:{name}", kwargs={"process_id": _process().pk, **kwargs})


def _logged_in_tab(browser: Browser, live_server: Any, user: Any) -> Tab:
    from importlib import import_module

    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = EMAIL_BACKEND
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.save()
    tab = _new_tab(browser, live_server.url, javascript=False)
    cookie = {"name": settings.SESSION_COOKIE_NAME, "value": str(store.session_key)}
    tab.page.context.add_cookies([{**cookie, "url": live_server.url}])
    return tab


def _create_process(organiser: Tab) -> None:
    page = organiser.page
    assert organiser.open(reverse("budgeting:process_create")) == 200
    _passes_axe(organiser)
    page.get_by_label("Title").fill(TITLE)
    page.get_by_label("Description", exact=True).fill(
        "Young people in Riverside decide how to spend €80,000 on their neighbourhood."
    )
    page.get_by_label("Minimum age").fill("11")
    page.get_by_label("Maximum age").fill("18")
    page.get_by_label("Counting rule").select_option("mes-cost+add1+greedy")
    page.get_by_label("Show this process to the public").check()
    page.get_by_label("The ideas phase starts on").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Save").click()
    assert _h1(organiser) == TITLE

    for name, pattern in (("East", "7421*"), ("West", "7422*")):
        page.get_by_role("link", name="Add a district").click()
        page.get_by_label("Name").fill(name)
        page.get_by_label("Postcodes").fill(pattern)
        page.get_by_role("button", name="Save").click()
        assert _h1(organiser) == TITLE
    for name, district, amount in (
        ("East", "East", "30000"),
        ("West", "West", "30000"),
        ("Riverside-wide", "Area-wide (every district)", "50000"),
    ):
        page.get_by_role("link", name="Add a budget").click()
        page.get_by_label("Name").fill(name)
        page.get_by_label("District").select_option(label=district)
        page.get_by_label("Amount").fill(amount)
        page.get_by_role("button", name="Save").click()
        assert _h1(organiser) == TITLE
    assert _process().budgets.count() == 3


def _submit_ideas(tabs: dict[str, Tab]) -> None:
    for who, title, cost, where in IDEAS:
        tab = tabs[who]
        assert tab.open(_url("proposal_submit")) == 200
        page = tab.page
        page.get_by_label("Title").fill(title)
        page.get_by_label("What is your idea?").fill(f"{title}, for everyone in Riverside.")
        page.get_by_label("What do you think it costs?").fill(cost)
        page.get_by_label("Where is it?").select_option(label=where or "The whole area")
        page.get_by_label("What is it about?").select_option(label="Young people")
        page.get_by_role("button", name="Send my proposal").click()
        assert title in _main(tab)
    assert Proposal.objects.filter(process=_process()).count() == len(IDEAS)


def _review_onto_the_ballot(organiser: Tab) -> None:
    page = organiser.page
    for _who, title, _cost, _where in IDEAS:
        assert organiser.open(_url("manage_process")) == 200
        row = page.locator("tr", has_text=title)
        row.get_by_role("link", name=re.compile(r"^Review")).click()
        page.get_by_label("Feasible", exact=True).check()
        page.get_by_label("Public reason").fill("The city can do this within a year.")
        page.get_by_role("button", name="Save the review").click()
        assert organiser.open(_url("manage_process")) == 200
        row = page.locator("tr", has_text=title)
        row.get_by_role("link", name=re.compile(r"^Ballot")).click()
        page.get_by_label("Put it on the ballot").check()
        page.get_by_role("button", name="Save").click()
    assert set(Proposal.objects.filter(process=_process()).values_list("status", flat=True)) == {
        "shortlisted"
    }


def _vote(tab: Tab, *titles: str, change: bool = False) -> str:
    page = tab.page
    assert tab.open(_url("vote_start")) == 200
    page.get_by_role("button", name="Change your vote" if change else "Start voting").click()
    assert _h1(tab) == "Your ballot"
    for box in page.get_by_role("checkbox").all():
        box.uncheck()
    for title in titles:
        page.get_by_label(title).check()
    page.get_by_role("button", name="Continue").click()
    assert _h1(tab) == "Check your answers before you vote"
    page.get_by_role("button", name="Send my vote").click()
    assert _h1(tab) == "Your vote is sent"
    return page.locator(".receipt-code").inner_text().strip()


def _enter_paper_ballot(clerk: Tab, kind: str, identity: str, district: str, *titles: str):  # type: ignore[no-untyped-def]
    page = clerk.page
    assert clerk.open(_url("paper_enter")) == 200
    page.get_by_label(kind).check()
    page.get_by_label("Code, email address or register reference").fill(identity)
    page.get_by_label("District").select_option(label=district)
    page.get_by_role("button", name="Continue to the choices").click()
    if _h1(clerk) != "Enter the choices on the paper ballot":
        return _main(clerk)
    for title in titles:
        page.get_by_label(title).check()
    page.get_by_role("button", name="Save the entry for checking").click()
    return _main(clerk)


def _confirm_paper_ballot(checker: Tab, suffix: str) -> None:
    page = checker.page
    assert checker.open(_url("paper_list")) == 200
    page.get_by_role("link", name=f"Check and confirm …{suffix}").click()
    page.get_by_label("Yes: confirm it and count the ballot").check()
    page.get_by_role("button", name="Save my check").click()
    assert f"…{suffix} \N{EN DASH} Confirmed" in _main(checker)


def _assisted_vote(coach: Tab, resident: Any, *titles: str) -> None:
    page = coach.page
    assert coach.open(reverse("inclusion:assisted_start")) == 200
    page.get_by_label("The resident's email address").fill(resident.email)
    page.get_by_label("Said yes out loud").check()
    page.get_by_label("The resident is here with me", exact=False).check()
    page.get_by_role("button", name="Start helping").click()
    assert coach.open(_url("vote_start")) == 200
    page.get_by_role("button", name="Start voting").click()
    for title in titles:
        page.get_by_label(title).check()
    page.get_by_role("button", name="Continue").click()
    assert _h1(coach) == "Check your answers before you vote"
    _passes_axe(coach)
    page.get_by_label("I confirm the resident chose these projects themselves.").check()
    page.get_by_role("button", name="Send my vote").click()
    assert _h1(coach) == "Your vote is sent"
    page.get_by_role("button", name="End session").first.click()


def _count_and_publish(organiser: Tab) -> None:
    page = organiser.page
    assert organiser.open(_url("manage_results")) == 200
    page.get_by_role("link", name="Count the votes").click()
    page.get_by_role("button", name="Count the votes").click()
    assert organiser.open(_url("manage_results")) == 200
    _passes_axe(organiser)
    page.get_by_role("link", name="Check and publish the results").click()
    _passes_axe(organiser)
    page.get_by_label("I have checked the results of every budget").check()
    page.get_by_label("Note for the audit log").fill("Checked with the youth panel.")
    page.get_by_role("button", name="Publish the results").click()
    assert _process().counts.filter(published_at__isnull=False).count() == 1


def _recount_downloads(visitor: Tab, tmp_path: Path) -> int:
    page = visitor.page
    assert visitor.open(_url("results")) == 200
    _passes_axe(visitor)
    links = page.get_by_role("link", name="(.pb file)", exact=False)
    recounted = 0
    for n in range(links.count()):
        with page.expect_download() as waiting:
            links.nth(n).click()
        path = tmp_path / f"budget-{n}.pb"
        waiting.value.save_as(path)
        text = path.read_text(encoding="utf-8")
        rule = next(line.split(";")[1] for line in text.splitlines() if line.startswith("rule;"))
        output = io.StringIO()
        with redirect_stdout(output):
            assert pbcount_main(["count", str(path), "--rule", rule, "--json"]) == 0
        budget_id = int(waiting.value.url.rstrip("/").split("/")[-2])
        published = ProjectResult.objects.filter(
            budget_result__budget_id=budget_id, budget_result__count__published_at__isnull=False
        )
        funded = published.filter(selected=True).values_list("proposal_id", flat=True)
        assert sorted(json.loads(output.getvalue())["selected"]) == sorted(map(str, funded))
        assert waiting.value.suggested_filename.endswith(".pb")
        assert text.count("\n") > 10
        recounted += 1
    return recounted


def test_the_whole_story_from_ideas_to_a_recounted_result(
    world, tab_as, browser, live_server, tmp_path
):  # type: ignore[no-untyped-def]
    year = timezone.localdate().year
    people = {
        "east1": UserFactory(postcode="7421 AB", year_of_birth=year - 15),
        "east2": UserFactory(postcode="7421 CD", year_of_birth=year - 16),
        "west1": UserFactory(postcode="7422 AB", year_of_birth=year - 13),
        "west2": UserFactory(postcode="7422 EF", year_of_birth=year - 17),
    }
    tabs = {who: _logged_in_tab(browser, live_server, user) for who, user in people.items()}
    organiser = tab_as("organiser", javascript=False)
    coach = tab_as("digicoach", javascript=False)

    # 1-2. The process, its ideas and their review.
    _create_process(organiser)
    _submit_ideas(tabs)
    _review_onto_the_ballot(organiser)

    # 3. Voting opens: three residents vote online, and one changes their mind.
    move_calendar_to(_process(), PhaseKind.VOTING)
    first = _vote(tabs["east1"], "Benches along the river", "Trees along the quay")
    _vote(tabs["east2"], "Lights on the footbridge", "Trees along the quay")
    _vote(tabs["west1"], "Skate ramp by the school", "Riverside summer festival")
    changed = _vote(
        tabs["east1"], "Lights on the footbridge", "Riverside summer festival", change=True
    )
    assert changed != first

    # 4. A paper ballot, entered by the Digicoach and confirmed by the organiser; an assisted vote.
    _enter_paper_ballot(
        coach, "Register reference (such as a youth-card number)", "RS-2026-0042", "West",
        "Skate ramp by the school", "Trees along the quay",
    )  # fmt: skip
    _confirm_paper_ballot(organiser, "0042")
    _assisted_vote(coach, people["west2"], "Skate ramp by the school", "Trees along the quay")

    # 5. A paper ballot for someone who already voted online is refused, and nothing is stored.
    refused = _enter_paper_ballot(
        coach, "Account email address", people["east2"].email, "East", "Benches along the river"
    )
    assert "This person has already voted in this process (Online)." in refused

    roll = VoterRollEntry.objects.filter(process=_process(), submitted_at__isnull=False)
    assert sorted(roll.values_list("channel", flat=True)) == sorted(
        [Channel.ONLINE] * 3 + [Channel.PAPER, Channel.ASSISTED]
    )
    assert roll.get(user=people["east1"]).submission_count == 2
    assert (
        roll.get(voter_key=voter_key_for_reference("RS-2026-0042")).confirmed_by
        == (world.users["organiser"])
    )
    assisted = roll.get(user=people["west2"])
    assert (assisted.assisted_by, assisted.declaration_at is not None) == (
        world.users["digicoach"],
        True,
    )
    assert Ballot.objects.filter(process=_process()).count() == 5

    # 6. Voting closes; the count runs and the results are published.
    move_calendar_to(_process(), PhaseKind.RESULTS)
    _count_and_publish(organiser)
    assert not VoterRollEntry.objects.filter(process=_process(), ballot__isnull=False).exists()

    # 7. Anyone downloads the ballots and recounts them to the same outcome.
    assert _recount_downloads(tabs["west1"], tmp_path) == 3
    for tab in tabs.values():
        assert tab.errors == []
        tab.page.context.close()
