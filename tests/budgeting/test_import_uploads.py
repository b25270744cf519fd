"""Uploading a Pabulib file: checked while the organiser waits, imported by a background task,
with a status page that says how it went."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from samen.budgeting import importing, services_import
from samen.budgeting.demo_delivery import DEMO_FILE
from samen.budgeting.models import Ballot, ImportStatus, PbImport, Process
from samen.core.models import AuditEntry
from tests.budgeting.test_importing import APPROVAL

pytestmark = pytest.mark.django_db

# A real task queue: enqueueing only records the task, as in production, so an import
# stays queued until a worker (here the test) runs it.
QUEUED = override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}})
SCORING = APPROVAL.replace("vote_type;approval", "vote_type;scoring").replace(
    "voter_id;vote\n1;a,b\n2;b\n3;b,c\n4;a,c", "voter_id;vote;points\n1;a;2"
)


def _actions() -> list[str]:
    return list(
        AuditEntry.objects.filter(action__contains="import")
        .order_by("id")
        .values_list("action", flat=True)
    )


def test_an_upload_is_imported_and_the_file_dropped(organiser):
    job = services_import.import_request(
        actor=organiser, data=APPROVAL.encode(), name="town.pb", is_published=False
    )

    process = Process.objects.get()
    assert (job.status, job.process, job.projects, job.ballots) == (
        ImportStatus.DONE,
        process,
        3,
        4,
    )
    assert (bytes(job.data), job.error, job.requested_by) == (b"", "", organiser)
    assert job.finished_at is not None
    assert (process.title, process.is_published, Ballot.objects.count()) == (
        "Test town 2024",
        False,
        4,
    )
    assert _actions() == [
        "budgeting.import_request",
        "budgeting.process_import",
        "budgeting.import_finish",
    ]


def test_a_bad_file_is_refused_at_once_and_nothing_is_kept(organiser):
    broken = APPROVAL.replace("3;b,c", "3;b,z").encode()

    with pytest.raises(ValidationError) as error:
        services_import.import_request(
            actor=organiser, data=broken, name="broken.pb", is_published=False
        )

    assert error.value.messages == [
        "This file cannot be imported. Line 17: unknown project 'z' in vote of voter '3'."
    ]
    assert (PbImport.objects.count(), Process.objects.count(), _actions()) == (0, 0, [])


@QUEUED
def test_a_queued_upload_waits_for_the_worker_and_is_imported_once(organiser):
    job = services_import.import_request(
        actor=organiser, data=APPROVAL.encode(), name="town.pb", is_published=True
    )

    assert (job.status, job.process, bytes(job.data)) == (
        ImportStatus.QUEUED,
        None,
        APPROVAL.encode(),
    )
    assert job.task_id != ""
    assert Process.objects.count() == 0

    assert services_import.import_run(import_id=job.pk) == ImportStatus.DONE
    assert services_import.import_run(import_id=job.pk) == ImportStatus.DONE

    job.refresh_from_db()
    assert (job.status, job.process, Process.objects.get().is_published) == (
        ImportStatus.DONE,
        Process.objects.get(),
        True,
    )


@QUEUED
def test_a_file_samen_cannot_hold_fails_with_the_reason_and_writes_nothing(organiser):
    job = services_import.import_request(
        actor=organiser, data=SCORING.encode(), name="scores.pb", is_published=False
    )

    assert services_import.import_run(import_id=job.pk) == ImportStatus.FAILED

    job.refresh_from_db()
    assert (job.status, job.error, bytes(job.data), job.process) == (
        ImportStatus.FAILED,
        "Ballots of type “scoring” cannot be imported; Samen has no such ballot.",
        b"",
        None,
    )
    assert (Process.objects.count(), Ballot.objects.count()) == (0, 0)
    assert _actions() == ["budgeting.import_request", "budgeting.import_finish"]


@QUEUED
def test_an_unexpected_error_ends_the_import_as_failed(organiser, monkeypatch, caplog):
    job = services_import.import_request(
        actor=organiser, data=APPROVAL.encode(), name="town.pb", is_published=False
    )

    def broken(**kwargs: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing, "process_import", broken)

    assert services_import.import_run(import_id=job.pk) == ImportStatus.FAILED

    job.refresh_from_db()
    assert job.error == (
        "The import stopped because of an error on the server. Nothing was imported."
    )
    assert f"Import {job.pk} of town.pb failed" in caplog.text
    assert Process.objects.count() == 0


def _upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@QUEUED
def test_the_status_page_follows_an_upload_from_waiting_to_its_process(organiser_client):
    response = organiser_client.post(
        reverse("budgeting:process_import"),
        {"file": _upload("town.pb", APPROVAL.encode()), "publish": "on"},
    )

    job = PbImport.objects.get()
    url = reverse("budgeting:import_status", kwargs={"import_id": job.pk})
    assert response["Location"] == url
    waiting = organiser_client.get(url).content.decode()
    assert "<h1>Importing town.pb</h1>" in waiting
    assert "<dt>Status</dt><dd>Waiting to start</dd>" in waiting
    assert f'<a class="button button--secondary" href="{url}">Refresh</a>' in waiting

    services_import.import_run(import_id=job.pk)

    done = organiser_client.get(url).content.decode()
    manage = reverse("budgeting:manage_process", kwargs={"process_id": Process.objects.get().pk})
    assert "<dt>Status</dt><dd>Imported</dd>" in done
    assert "<dt>Imported</dt><dd>3 projects and 4 ballots</dd>" in done
    assert f'<a class="button" href="{manage}">Open Test town 2024</a>' in done
    assert "Refresh" not in done
    listed = organiser_client.get(reverse("budgeting:process_import")).content.decode()
    assert f'<th scope="row"><a href="{url}">town.pb</a></th>' in listed


def test_the_status_page_is_for_organisers_and_names_a_missing_import(organiser_client):
    missing = reverse("budgeting:import_status", kwargs={"import_id": 999})

    assert organiser_client.get(missing).status_code == 404
    assert Client().get(missing).status_code == 302


def test_a_demo_sized_upload_through_the_page_lands_on_its_process(organiser_client):
    response = organiser_client.post(
        reverse("budgeting:process_import"),
        {"file": _upload(DEMO_FILE.name, DEMO_FILE.read_bytes())},
    )

    job = PbImport.objects.get()
    assert response["Location"] == reverse(
        "budgeting:manage_process", kwargs={"process_id": job.process_id}
    )
    assert job.status == ImportStatus.DONE


@QUEUED
def test_an_import_that_lost_its_worker_is_named_and_closed_by_the_next_upload(
    organiser, organiser_client
):
    lost = services_import.import_request(
        actor=organiser, data=APPROVAL.encode(), name="town.pb", is_published=False
    )
    PbImport.objects.filter(pk=lost.pk).update(created_at=timezone.now() - timedelta(minutes=31))
    url = reverse("budgeting:import_status", kwargs={"import_id": lost.pk})

    page = organiser_client.get(url).content.decode()

    assert "so the task worker that imports files may not be running" in page
    assert "Refresh" not in page

    services_import.import_request(
        actor=organiser, data=APPROVAL.encode(), name="town.pb", is_published=False
    )

    lost.refresh_from_db()
    assert (lost.status, lost.error, bytes(lost.data)) == (
        ImportStatus.FAILED,
        "This import stopped without finishing. Upload the file again.",
        b"",
    )
    assert services_import.import_run(import_id=lost.pk) == ImportStatus.FAILED
    assert Process.objects.count() == 0
