"""Counting and publishing end to end in Chromium (issue 4's "Done when", steps 6 and 7):

- the organiser counts the demo's closed play-streets vote and publishes it with JavaScript
  off; a visitor downloads the published .pb file, whose SHA-256 is the one on the page, and
  `pbcount count` on it funds exactly the projects the page says are funded;
- with JavaScript on, the organiser may tick a box to have a running count's status update
  itself; it is off until ticked.

The module's world is its own, so the count published here goes nowhere else.
"""

import hashlib
import json
import re
import subprocess
import sys

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.budgeting.demo_results import COUNTED_TITLE, FINISHED_TITLE
from samen.budgeting.models import Count, CountStatus, Process
from tests.browser.tabs import Tab, axe_report

pytestmark = pytest.mark.browser


def _url(name: str, title: str) -> str:
    return reverse(f"budgeting:{name}", kwargs={"process_id": Process.objects.get(title=title).pk})


def _h1(tab: Tab) -> str:
    return tab.page.locator("h1").inner_text().strip()


def _passes_axe(tab: Tab) -> None:
    results = tab.axe()
    assert results["violations"] == [], axe_report(results)


def test_the_organiser_counts_and_publishes_and_the_file_recounts(world, tab_as, tmp_path):
    tab = tab_as("organiser", javascript=False)
    page = tab.page
    assert tab.open(_url("manage_results", COUNTED_TITLE)) == 200
    assert not page.get_by_label("Update the progress by itself every 5 seconds").is_visible()
    page.get_by_role("link", name="Count again").click()
    assert _h1(tab) == "Count the votes"
    _passes_axe(tab)
    page.get_by_role("button", name="Count the votes").click()

    assert _h1(tab) == f"Results of {COUNTED_TITLE}"
    assert "Counting has started." in page.locator("body").inner_text()
    status = page.get_by_role("status").filter(has_text="Status").inner_text()
    assert "Counted" in status
    page.get_by_role("link", name="Check and publish the results").click()
    assert _h1(tab) == "Publish the results"
    _passes_axe(tab)
    page.get_by_label("I have checked the results of every budget").check()
    page.get_by_label("Note for the audit log").fill("Checked with the neighbours' panel.")
    page.get_by_role("button", name="Publish the results").click()

    assert _h1(tab) == "Results"
    _passes_axe(tab)
    visitor = tab_as("anonymous", javascript=False)
    assert visitor.open(_url("results", COUNTED_TITLE)) == 200
    text = visitor.page.locator("main").inner_text()
    link = visitor.page.get_by_role("link", name=re.compile(r"Download the ballots of"))
    download = visitor.page.request.get(link.get_attribute("href"))
    assert download.status == 200
    digest = hashlib.sha256(download.body()).hexdigest()
    assert f"SHA-256 fingerprint of the file: {digest}" in text
    path = tmp_path / "play-streets.pb"
    path.write_bytes(download.body())
    rule = re.search(r"--rule (\S+)", text).group(1)
    recount = subprocess.run(
        [sys.executable, "-m", "pbcount", "count", str(path), "--rule", rule, "--json"],
        capture_output=True,
        check=True,
        text=True,
    )
    rows = visitor.page.locator("table", has_text="funded projects first").locator("tbody tr")
    funded = {
        row.locator("a").get_attribute("href").rstrip("/").rsplit("/", 1)[-1]
        for row in rows.all()
        if row.locator("td").nth(-1).inner_text() == "Yes"
    }
    assert set(json.loads(recount.stdout)["selected"]) == funded
    assert rule == "greedy-score"
    published = Count.objects.get(process__title=COUNTED_TITLE, published_at__isnull=False)
    assert published.budget_results.get().sha256 == digest


def test_a_running_count_updates_itself_only_when_asked(world, tab_as):
    process = Process.objects.get(title=FINISHED_TITLE)
    running = Count.objects.create(
        process=process, rule=process.rule, status=CountStatus.RUNNING, progress=40
    )
    try:
        tab = tab_as("organiser")
        page = tab.page
        assert tab.open(_url("manage_results", FINISHED_TITLE)) == 200
        toggle = page.get_by_label("Update the progress by itself every 5 seconds")
        assert toggle.is_visible()
        assert not toggle.is_checked()
        assert page.get_by_role("button").filter(has_text="Refresh").count() == 0
        assert page.get_by_role("link", name="Refresh").is_visible()
        _passes_axe(tab)

        toggle.check()
        Count.objects.filter(pk=running.pk).update(
            status=CountStatus.FAILED, error="Stopped for the test.", finished_at=timezone.now()
        )
        page.get_by_text("Stopped for the test.").wait_for(timeout=15_000)

        assert not toggle.is_visible()
        assert tab.errors == []
    finally:
        running.delete()
