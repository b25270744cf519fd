"""Delivery services: status updates and milestones only for funded projects, audited;
following is explicit and idempotent; followers get an email in their own language."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from samen.accounts import services as account_services
from samen.budgeting import selectors_delivery, services_delivery
from samen.budgeting.models import Milestone, ProjectFollow, StatusUpdate
from samen.budgeting.tasks_delivery import follow_for_token, unfollow_token
from samen.core.models import AuditEntry
from tests.budgeting.factories import organiser
from tests.budgeting.factories_delivery import results_process
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
BASE = "https://samen.example"


def test_funded_projects_are_the_selected_lines_of_the_published_count():
    process, (benches, skate, fountain) = results_process()

    funded = list(selectors_delivery.funded_projects(process=process))

    assert funded == [benches, skate]
    assert selectors_delivery.project_is_funded(proposal=fountain) is False


def test_an_unpublished_count_funds_nothing_yet():
    process, (benches, _skate, _fountain) = results_process(published=False)

    assert list(selectors_delivery.funded_projects(process=process)) == []
    with pytest.raises(ValidationError) as error:
        services_delivery.status_update_create(
            actor=organiser(),
            proposal=benches,
            status="planned",
            text="Soon.",
            published_on=date(2026, 1, 5),
        )
    assert error.value.messages == [
        "Only projects funded in the published results get delivery news."
    ]


def test_a_status_update_is_saved_audited_and_becomes_the_status():
    process, (benches, *_rest) = results_process()
    actor = organiser()

    services_delivery.status_update_create(
        actor=actor,
        proposal=benches,
        status="planned",
        text=" Ordering benches. ",
        published_on=date(2026, 1, 5),
    )
    services_delivery.status_update_create(
        actor=actor,
        proposal=benches,
        status="in_progress",
        text="Benches arrive in May.",
        published_on=date(2026, 2, 1),
    )

    project = selectors_delivery.funded_projects(process=process).get(pk=benches.pk)
    progress = selectors_delivery.progress_of(proposal=project)
    assert progress.status == "in_progress"
    assert progress.latest.text == "Benches arrive in May."
    assert list(StatusUpdate.objects.values_list("text", flat=True).order_by("id")) == [
        "Ordering benches.",
        "Benches arrive in May.",
    ]
    entry = AuditEntry.objects.filter(action="budgeting.status_update_create").latest("id")
    assert (entry.actor, entry.target_id, entry.data) == (
        actor,
        str(benches.pk),
        {"status": "in_progress", "published_on": "2026-02-01"},
    )


def test_a_correction_keeps_the_reason_in_the_audit_log():
    _process, (benches, *_rest) = results_process()
    actor = organiser()
    update = services_delivery.status_update_create(
        actor=actor, proposal=benches, status="planned", text="Soon.", published_on=date(2026, 1, 5)
    )

    services_delivery.status_update_change(
        actor=actor,
        update=update,
        status="delayed",
        text="Later than planned.",
        published_on=date(2026, 1, 6),
        reason="Wrong status.",
    )

    update.refresh_from_db()
    assert (update.status, update.text, update.published_on) == (
        "delayed",
        "Later than planned.",
        date(2026, 1, 6),
    )
    entry = AuditEntry.objects.get(action="budgeting.status_update_change")
    assert (entry.reason, entry.data) == (
        "Wrong status.",
        {"update": update.pk, "before": ["planned", "Soon.", "2026-01-05"]},
    )


def test_milestones_count_towards_progress_and_a_done_day_cannot_be_in_the_future():
    _process, (benches, *_rest) = results_process()
    actor = organiser()
    today = timezone.localdate()
    first = services_delivery.milestone_create(
        actor=actor, proposal=benches, title="Ordered", due_on=today, done_on=today
    )
    services_delivery.milestone_create(
        actor=actor, proposal=benches, title="Installed", due_on=today + timedelta(days=30)
    )

    with pytest.raises(ValidationError) as error:
        services_delivery.milestone_change(
            actor=actor,
            milestone=first,
            title="Ordered",
            due_on=today,
            done_on=today + timedelta(days=1),
        )

    assert error.value.message_dict == {"done_on": ["The day it was done cannot be in the future."]}
    progress = selectors_delivery.progress_of(proposal=benches)
    assert (progress.done, progress.total, progress.percent) == (1, 2, 50)
    services_delivery.milestone_delete(actor=actor, milestone=first)
    assert list(Milestone.objects.values_list("title", flat=True)) == ["Installed"]
    assert list(
        AuditEntry.objects.filter(action__startswith="budgeting.milestone")
        .order_by("id")
        .values_list("action", flat=True)
    ) == [
        "budgeting.milestone_create",
        "budgeting.milestone_create",
        "budgeting.milestone_delete",
    ]


def test_following_twice_keeps_one_row_and_unfollowing_removes_it():
    _process, (benches, _skate, fountain) = results_process()
    resident = UserFactory()

    first = services_delivery.project_follow(user=resident, proposal=benches)
    again = services_delivery.project_follow(user=resident, proposal=benches)

    assert first == again
    assert ProjectFollow.objects.count() == 1
    with pytest.raises(ValidationError):
        services_delivery.project_follow(user=resident, proposal=fountain)
    assert services_delivery.project_unfollow(user=resident, proposal=benches) is True
    assert services_delivery.project_unfollow(user=resident, proposal=benches) is False


def test_followers_get_the_update_by_email_in_their_language_with_an_unfollow_link(
    django_capture_on_commit_callbacks,
):
    _process, (benches, skate, _fountain) = results_process()
    dutch = UserFactory(email="anne@example.test", display_name="Anne", preferred_language="nl")
    english = UserFactory(email="bob@example.test", display_name="Bob", preferred_language="en")
    other = UserFactory(email="carla@example.test")
    for person in (dutch, english):
        services_delivery.project_follow(user=person, proposal=benches)
    services_delivery.project_follow(user=other, proposal=skate)

    with django_capture_on_commit_callbacks(execute=True):
        services_delivery.status_update_create(
            actor=organiser(),
            proposal=benches,
            status="delayed",
            text="The benches come a month later.",
            published_on=date(2026, 3, 2),
            base_url=BASE,
        )

    assert [(m.to, m.subject) for m in mail.outbox] == [
        (["anne@example.test"], "Benches by the pond: Vertraagd"),
        (["bob@example.test"], "Benches by the pond: Delayed"),
    ]
    body = mail.outbox[1].body
    follow = ProjectFollow.objects.get(user=english)
    assert "The benches come a month later." in body
    assert f"{BASE}/en/budgeting/{benches.process_id}/delivery/{benches.pk}/" in body
    assert f"{BASE}/en/budgeting/unfollow/{unfollow_token(follow)}/" in body
    assert f"{BASE}/nl/budgeting/{benches.process_id}/delivery/{benches.pk}/" in mail.outbox[0].body


def test_an_unfollow_token_names_one_follow_and_a_forged_one_names_none():
    _process, (benches, *_rest) = results_process()
    follow = services_delivery.project_follow(user=UserFactory(), proposal=benches)

    assert follow_for_token(unfollow_token(follow)) == follow
    assert follow_for_token(unfollow_token(follow) + "x") is None
    assert follow_for_token("not-a-token") is None


def test_the_data_export_lists_follows_and_erasure_forgets_them():
    _process, (benches, *_rest) = results_process()
    resident = UserFactory()
    follow = services_delivery.project_follow(user=resident, proposal=benches)

    exported = account_services.user_export(user=resident)["budgeting_follows"]
    account_services.user_erase(user=resident)

    assert exported == [
        {
            "project": "Benches by the pond",
            "process": "Lindeveld delivers",
            "since": follow.created_at.isoformat(),
        }
    ]
    assert ProjectFollow.objects.count() == 0


def test_an_update_cannot_be_dated_in_the_future():
    _process, (benches, *_rest) = results_process()

    with pytest.raises(ValidationError) as error:
        services_delivery.status_update_create(
            actor=organiser(),
            proposal=benches,
            status="planned",
            text="Soon.",
            published_on=timezone.localdate() + timedelta(days=1),
        )

    assert error.value.message_dict == {
        "published_on": ["An update cannot be dated in the future."]
    }
