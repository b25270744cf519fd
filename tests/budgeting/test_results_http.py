"""The results pages over HTTP: counting and publishing as an organiser, the public outcome,
the .pb download that recounts to the published outcome, and turnout without small groups."""

import hashlib
import json
import subprocess
import sys

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.budgeting import services_counting
from samen.budgeting.models import Channel, Count, CountStatus, ProjectResult
from tests.budgeting import factories
from tests.budgeting.factories_counting import (
    close_voting,
    majority_and_minority,
    small_process,
    vote,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def published(rule: str = "mes-cost+add1+greedy"):  # type: ignore[no-untyped-def]
    process = majority_and_minority(rule)
    organiser = factories.organiser()
    count = services_counting.count_request(actor=organiser, process=process)
    services_counting.count_publish(actor=organiser, count=count)
    return process, count


def test_an_organiser_counts_and_publishes_and_the_public_sees_the_results(organiser_client):
    process = majority_and_minority("mes-cost+add1+greedy")
    manage = reverse("budgeting:manage_results", kwargs={"process_id": process.pk})

    response = organiser_client.post(
        reverse("budgeting:count_request", kwargs={"process_id": process.pk})
    )

    assert response.status_code == 302
    assert response["Location"] == manage
    count = Count.objects.get(process=process)
    assert count.status == CountStatus.DONE
    page = organiser_client.get(manage).content.decode()
    assert "Counted results (not published)" in page
    publish = reverse(
        "budgeting:count_publish", kwargs={"process_id": process.pk, "count_id": count.pk}
    )
    response = organiser_client.post(publish, {"checked": "on", "reason": "Checked."})
    assert response.status_code == 302
    count.refresh_from_db()
    assert count.published_at is not None

    public = UserFactory(roles=["resident"])
    client = organiser_client.__class__()
    client.force_login(public)
    page = client.get(reverse("budgeting:results", kwargs={"process_id": process.pk}))
    text = page.content.decode()
    assert page.status_code == 200
    assert count.budget_results.get().sha256 in text
    assert "2 projects get money." in text
    assert "is funded with equal shares, but greedy counting would not fund it" in text
    assert "would have had only EUR 1,000 left when it came to this one" in text
    assert "would be funded by greedy counting, but not with equal shares" in text


def test_counting_while_voting_is_open_is_refused_on_the_form(organiser_client):
    process = small_process("greedy-cost")
    vote(process, "A")

    response = organiser_client.post(
        reverse("budgeting:count_request", kwargs={"process_id": process.pk})
    )

    assert response.status_code == 200
    assert "Voting is still open until" in response.content.decode()
    assert not Count.objects.filter(process=process).exists()


def test_publishing_needs_the_check_box(organiser_client):
    process = majority_and_minority("greedy-cost")
    count = services_counting.count_request(actor=factories.organiser(), process=process)
    url = reverse(
        "budgeting:count_publish", kwargs={"process_id": process.pk, "count_id": count.pk}
    )

    response = organiser_client.post(url, {"reason": ""})

    assert response.status_code == 200
    assert "Confirm that you have checked the results." in response.content.decode()
    count.refresh_from_db()
    assert count.published_at is None


def test_nothing_is_shown_or_downloadable_before_publishing(client):
    process = majority_and_minority("greedy-cost")
    count = services_counting.count_request(actor=factories.organiser(), process=process)
    budget_id = count.budget_results.get().budget_id

    page = client.get(reverse("budgeting:results", kwargs={"process_id": process.pk}))
    download = client.get(
        reverse("budgeting:results_pb", kwargs={"process_id": process.pk, "budget_id": budget_id})
    )

    assert "The results are not published yet." in page.content.decode()
    assert download.status_code == 404


def test_the_downloaded_file_matches_its_hash_and_recounts_to_the_published_outcome(
    client, tmp_path
):
    process, count = published()
    result = count.budget_results.get()
    url = reverse(
        "budgeting:results_pb", kwargs={"process_id": process.pk, "budget_id": result.budget_id}
    )

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="park-budget-park.pb"'
    assert hashlib.sha256(response.content).hexdigest() == result.sha256
    path = tmp_path / "downloaded.pb"
    path.write_bytes(response.content)
    recount = subprocess.run(
        [sys.executable, "-m", "pbcount", "count", str(path), "--rule", count.rule, "--json"],
        capture_output=True,
        check=True,
        text=True,
    )
    selected = ProjectResult.objects.filter(budget_result=result, selected=True)
    assert sorted(json.loads(recount.stdout)["selected"]) == sorted(
        str(pk) for pk in selected.values_list("proposal_id", flat=True)
    )


def test_the_results_page_reads_a_fixed_number_of_queries(client, django_assert_num_queries):
    process, _ = published()
    url = reverse("budgeting:results", kwargs={"process_id": process.pk})
    client.get(url)

    with django_assert_num_queries(6):
        client.get(url)


def test_turnout_hides_groups_of_fewer_than_five(organiser_client):
    process = small_process("greedy-cost")
    coach = UserFactory(roles=["digicoach"])
    for _ in range(7):
        vote(process, "A", year_of_birth=1990)
    for _ in range(3):
        vote(
            process,
            "B",
            year_of_birth=timezone.localdate().year - 16,
            channel=Channel.ASSISTED,
            assisted_by=coach,
            declaration=True,
        )

    page = organiser_client.get(
        reverse("budgeting:manage_results", kwargs={"process_id": process.pk})
    ).content.decode()

    assert '<th scope="row">Online</th><td class="num">7</td>' in page
    assert '<th scope="row">Assisted by a Digicoach</th><td class="num">fewer than 5</td>' in page
    assert '<th scope="row">16-17</th><td class="num">fewer than 5</td>' in page
    assert '<th scope="row">25-44</th><td class="num">7</td>' in page
    assert '<th scope="row">Paper ballot</th><td class="num">0</td>' in page


def test_residents_cannot_count_or_see_turnout(resident_client):
    process = majority_and_minority("greedy-cost")

    pages = [
        reverse("budgeting:manage_results", kwargs={"process_id": process.pk}),
        reverse("budgeting:count_request", kwargs={"process_id": process.pk}),
    ]

    assert [resident_client.get(url).status_code for url in pages] == [403, 403]
    assert resident_client.post(pages[1]).status_code == 403
    assert not Count.objects.filter(process=process).exists()


def test_the_page_says_that_projects_without_votes_were_not_counted(client):
    process = small_process("greedy-cost")
    vote(process, "A")
    vote(process, "A", "C")
    close_voting(process)
    organiser = factories.organiser()
    count = services_counting.count_request(actor=organiser, process=process)
    services_counting.count_publish(actor=organiser, count=count)

    page = client.get(reverse("budgeting:results", kwargs={"process_id": process.pk}))

    text = page.content.decode()
    assert "Projects that nobody voted for were not counted and get no money." in text
    assert "2 of 2 projects are funded, costing EUR 7,000 of the EUR 10,000 budget." in text
