"""Delivery and open-data pages over HTTP: progress shown in words and as a bar, following
and unfollowing, organisers' updates and milestones, CSV downloads and the .pb upload."""

from datetime import date

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samen.budgeting import services_delivery
from samen.budgeting.demo_delivery import DEMO_FILE
from samen.budgeting.importing import MAX_UPLOAD_BYTES
from samen.budgeting.models import Milestone, Process, ProjectFollow, StatusUpdate
from samen.budgeting.tasks_delivery import unfollow_token
from tests.budgeting.factories_delivery import results_process, status_update
from tests.http.formcheck import field_errors, parse

pytestmark = pytest.mark.django_db


def _project_url(name: str, proposal, **extra) -> str:  # type: ignore[no-untyped-def]
    kwargs = {"process_id": proposal.process_id, "proposal_id": proposal.pk, **extra}
    return reverse(f"budgeting:{name}", kwargs=kwargs)


def test_the_delivery_page_shows_each_funded_project_with_its_progress(
    organiser, django_assert_num_queries
):
    process, (benches, _skate, _fountain) = results_process()
    today = timezone.localdate()
    status_update(
        benches, actor=organiser, status="in_progress", text="Ordered.", published_on=today
    )
    for done in (today, None, None):
        services_delivery.milestone_create(
            actor=organiser, proposal=benches, title="Step", due_on=today, done_on=done
        )
    url = reverse("budgeting:delivery_process", kwargs={"process_id": process.pk})

    with django_assert_num_queries(6):
        response = Client().get(url)

    html = response.content.decode()
    assert response.status_code == 200
    assert [a for a in parse(html).by_id if a.startswith("progress-")] == [f"progress-{benches.pk}"]
    assert (
        f'<progress max="3" value="1" aria-labelledby="progress-{benches.pk}">33%</progress>'
        in html
    )
    assert f'<p id="progress-{benches.pk}">1 of 3 milestones done</p>' in html
    assert "<li>In progress: 1 project</li>" in html
    assert "<li>Planned: 1 project</li>" in html
    assert "Fountain" not in html


def test_the_delivery_page_costs_the_same_queries_for_two_projects_or_three(
    organiser, django_assert_max_num_queries
):
    process, (benches, skate, fountain) = results_process()
    url = reverse("budgeting:delivery_process", kwargs={"process_id": process.pk})
    fountain.results.update(selected=True)
    for project in (benches, skate, fountain):
        status_update(
            project,
            actor=organiser,
            status="planned",
            text="Soon.",
            published_on=date(2026, 1, 1),
        )

    with django_assert_max_num_queries(6):
        assert Client().get(url).status_code == 200


def test_a_project_not_funded_has_no_delivery_page():
    _process, (_benches, _skate, fountain) = results_process()

    assert Client().get(_project_url("delivery_project", fountain)).status_code == 404
    assert Client().get(_project_url("delivery_follow", fountain)).status_code == 404


def test_a_resident_follows_from_the_project_page_and_stops_with_the_same_button(
    resident_client, resident
):
    _process, (benches, *_rest) = results_process()
    page = _project_url("delivery_project", benches)
    assert "Follow this project</button>" in resident_client.get(page).content.decode()

    response = resident_client.post(_project_url("delivery_follow", benches))

    follow = ProjectFollow.objects.get()
    assert (response.status_code, response["Location"]) == (302, page)
    html = resident_client.get(page).content.decode()
    assert "You follow this project. We email you when there is news." in html
    stop = reverse("budgeting:delivery_unfollow", kwargs={"token": unfollow_token(follow)})
    assert f'action="{stop}"' in html
    assert resident_client.post(stop).status_code == 302
    assert ProjectFollow.objects.count() == 0


def test_anonymous_visitors_are_asked_to_log_in_to_follow():
    _process, (benches, *_rest) = results_process()
    page = _project_url("delivery_project", benches)

    html = Client().get(page).content.decode()
    response = Client().post(_project_url("delivery_follow", benches))

    assert f'<a href="/en/accounts/login/?next={page}">Log in</a>' in html
    assert response.status_code == 302
    assert response["Location"].startswith("/en/accounts/login/?next=")
    assert ProjectFollow.objects.count() == 0


def test_the_email_link_stops_the_emails_without_logging_in(resident):
    _process, (benches, *_rest) = results_process()
    follow = services_delivery.project_follow(user=resident, proposal=benches)
    url = reverse("budgeting:delivery_unfollow", kwargs={"token": unfollow_token(follow)})

    asked = Client().get(url).content.decode()
    response = Client().post(url)
    again = Client().get(url).content.decode()

    assert "You will no longer get emails about “Benches by the pond”." in asked
    assert ProjectFollow.objects.count() == 0
    assert response["Location"] == _project_url("delivery_project", benches)
    assert "You no longer follow this project, or the link is not complete." in again


def test_an_organiser_posts_an_update_and_followers_are_emailed(
    organiser_client, resident, django_capture_on_commit_callbacks
):
    _process, (benches, *_rest) = results_process()
    services_delivery.project_follow(user=resident, proposal=benches)
    url = _project_url("delivery_manage_project", benches)

    with django_capture_on_commit_callbacks(execute=True):
        response = organiser_client.post(
            url, {"status": "delayed", "published_on": "2026-02-03", "text": "Rain."}
        )

    assert (response.status_code, response["Location"]) == (302, url)
    assert list(StatusUpdate.objects.values_list("status", "text")) == [("delayed", "Rain.")]
    assert [(m.to, m.subject) for m in mail.outbox] == [
        ([resident.email], "Benches by the pond: Delayed")
    ]
    assert "http://testserver/en/budgeting/unfollow/" in mail.outbox[0].body


def test_an_organiser_adds_changes_and_removes_a_milestone(organiser_client):
    _process, (benches, *_rest) = results_process()
    back = _project_url("delivery_manage_project", benches)

    added = organiser_client.post(
        _project_url("milestone_create", benches),
        {"title": "Benches ordered", "due_on": "2026-03-01", "done_on": ""},
    )
    milestone = Milestone.objects.get()
    edit = _project_url("milestone_edit", benches, milestone_id=milestone.pk)
    changed = organiser_client.post(
        edit, {"title": "Benches ordered", "due_on": "2026-03-01", "done_on": "2020-01-02"}
    )
    milestone.refresh_from_db()
    too_late = organiser_client.post(
        edit, {"title": "Benches ordered", "due_on": "2026-03-01", "done_on": "2999-01-01"}
    )
    removed = organiser_client.post(
        edit,
        {"title": "Benches ordered", "due_on": "2026-03-01", "done_on": "", "remove": "on"},
    )

    assert [r.status_code for r in (added, changed, removed)] == [302, 302, 302]
    assert added["Location"] == back
    assert milestone.done_on == date(2020, 1, 2)
    assert too_late.status_code == 200
    assert field_errors(too_late.content.decode()) == ["id_done_on"]
    assert Milestone.objects.count() == 0


def test_a_correction_needs_a_reason(organiser_client, organiser):
    _process, (benches, *_rest) = results_process()
    update = status_update(
        benches,
        actor=organiser,
        status="planned",
        text="Soon.",
        published_on=date(2026, 1, 1),
    )
    url = _project_url("status_update_edit", benches, update_id=update.pk)
    data = {"status": "stopped", "published_on": "2026-01-01", "text": "Cancelled."}

    refused = organiser_client.post(url, data)
    saved = organiser_client.post(url, {**data, "reason": "Typo in the status."})

    assert field_errors(refused.content.decode()) == ["id_reason"]
    assert saved.status_code == 302
    update.refresh_from_db()
    assert (update.status, update.text) == ("stopped", "Cancelled.")


def test_the_proposals_csv_is_public_rows_only_and_safe_for_spreadsheets(organiser_client):
    process, (benches, *_rest) = results_process()
    benches.title = "=HYPERLINK(1)"
    benches.save()
    hidden = process.proposals.get(title="Fountain")
    hidden.is_hidden, hidden.hidden_reason = True, "Spam."
    hidden.save()
    url = reverse("budgeting:proposals_csv", kwargs={"process_id": process.pk})

    public = Client().get(url)
    full = organiser_client.get(
        reverse("budgeting:manage_proposals_csv", kwargs={"process_id": process.pk})
    )

    assert public["Content-Type"] == "text/csv; charset=utf-8"
    assert public["Content-Disposition"] == f'attachment; filename="proposals-{process.pk}.csv"'
    rows = public.content.decode().splitlines()
    assert rows[0] == (
        "id,title,status,district,category,estimated_cost,cost,currency,location,"
        "review_reason,merged_into,submitted_at"
    )
    assert [row.split(",")[1] for row in rows[1:]] == ["'=HYPERLINK(1)", "Skate ramp"]
    assert rows[1].split(",")[2:11] == [
        "shortlisted",
        "",
        "green",
        "4000.00",
        "4000.00",
        "EUR",
        "",
        "Can be done.",
        "",
    ]
    full_rows = full.content.decode().splitlines()
    assert full_rows[0].endswith(",hidden,hidden_reason,author_id")
    assert [row.split(",")[1] for row in full_rows[1:]] == [
        "'=HYPERLINK(1)",
        "Skate ramp",
        "Fountain",
    ]
    assert full_rows[3].split(",")[12:14] == ["yes", "Spam."]


def test_the_results_csv_follows_the_published_count_only():
    process, (benches, skate, fountain) = results_process()
    unpublished, _projects = results_process(published=False, title="Still counting")

    response = Client().get(reverse("budgeting:results_csv", kwargs={"process_id": process.pk}))

    assert response.content.decode() == (
        "budget,district,position,project_id,title,cost,currency,votes,points,selected,"
        "selected_by_greedy\n"
        f"Lindeveld,,1,{benches.pk},Benches by the pond,4000.00,EUR,7,0,1,1\n"
        f"Lindeveld,,2,{skate.pk},Skate ramp,5000.00,EUR,6,0,1,1\n"
        f"Lindeveld,,3,{fountain.pk},Fountain,6000.00,EUR,3,0,0,0\n"
    )
    url = reverse("budgeting:results_csv", kwargs={"process_id": unpublished.pk})
    assert Client().get(url).status_code == 404


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


def test_an_organiser_uploads_a_pb_file(organiser_client):
    response = organiser_client.post(
        reverse("budgeting:process_import"),
        {"file": _upload("lindeveld.pb", DEMO_FILE.read_bytes())},
    )

    process = Process.objects.get()
    assert response["Location"] == reverse(
        "budgeting:manage_process", kwargs={"process_id": process.pk}
    )
    assert process.is_published is False


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("ballots.csv", b"META\n", "Choose a file whose name ends in .pb."),
        ("empty.pb", b"", "The file is empty."),
        (
            "big.pb",
            b"x" * (MAX_UPLOAD_BYTES + 1),
            "The file is larger than 16 MB.",
        ),
        (
            "broken.pb",
            DEMO_FILE.read_bytes().replace(b"budget;50000", b"budget;fifty"),
            "This file cannot be imported. Line 9: invalid budget: 'fifty' is not a number.",
        ),
    ],
)
def test_a_bad_upload_is_refused_on_the_file_field(organiser_client, name, content, message):
    response = organiser_client.post(
        reverse("budgeting:process_import"), {"file": _upload(name, content)}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert field_errors(html) == ["id_file"]
    assert parse(html).by_id["id_file_error"].text.split("Error:")[1].strip() == message
    assert Process.objects.count() == 0


def _queries(client: Client, url: str) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        "budgeting:delivery_manage",
        "budgeting:delivery_process",
        "/api/processes/{}/delivery",
        "/api/processes/{}/projects",
    ],
)
def test_lists_cost_the_same_queries_for_two_funded_projects_or_three(
    organiser_client, organiser, url
):
    process, (benches, skate, fountain) = results_process()
    path = (
        url.format(process.pk)
        if url.startswith("/")
        else reverse(url, kwargs={"process_id": process.pk})
    )
    for project in (benches, skate):
        status_update(
            project,
            actor=organiser,
            status="planned",
            text="Soon.",
            published_on=date(2026, 1, 1),
        )
    few = _queries(organiser_client, path)
    fountain.results.update(selected=True)
    services_delivery.milestone_create(
        actor=organiser, proposal=fountain, title="Dug", due_on=date(2026, 2, 1)
    )
    status_update(
        fountain,
        actor=organiser,
        status="delayed",
        text="Rain.",
        published_on=date(2026, 1, 2),
    )

    assert _queries(organiser_client, path) == few
