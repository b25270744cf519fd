"""The easy-read services on a content model that adopts EasyReadMixin: checks and audit."""

from datetime import UTC, datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from samen.core.models import AuditEntry
from samen.inclusion import services
from tests.factories import UserFactory
from tests.inclusion.leaflet import Leaflet

CHECKED_AT = datetime(2026, 11, 2, 10, 0, tzinfo=UTC)


@pytest.fixture
def leaflets(transactional_db):  # type: ignore[no-untyped-def]
    """The test model's table, made for these tests and dropped after them."""
    with connection.schema_editor() as editor:
        editor.create_model(Leaflet)
    yield Leaflet
    with connection.schema_editor() as editor:
        editor.delete_model(Leaflet)


@pytest.fixture
def organiser(transactional_db):  # type: ignore[no-untyped-def]
    return UserFactory(roles=["staff", "organiser"])


def test_recording_the_experts_check_earns_the_badge_and_is_audited(leaflets, organiser):
    leaflet = leaflets.objects.create(title="Bins", easy_read_text="We take the rubbish.")

    checked = services.easy_read_check_record(
        actor=organiser, obj=leaflet, checked_by="Self-advocates group", checked_at=CHECKED_AT
    )

    checked.refresh_from_db()
    assert checked.easy_read_badge is True
    assert (checked.easy_read_checked_at, checked.easy_read_checked_by) == (
        CHECKED_AT,
        "Self-advocates group",
    )
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.action, entry.reason) == (
        organiser,
        "inclusion.easy_read_check_record",
        "Self-advocates group",
    )
    assert entry.target_type == "inclusion.Leaflet"


def test_text_without_an_easy_read_version_cannot_be_checked(leaflets, organiser):
    leaflet = leaflets.objects.create(title="Bins")

    with pytest.raises(ValidationError):
        services.easy_read_check_record(actor=organiser, obj=leaflet, checked_by="Panel")

    leaflet.refresh_from_db()
    assert leaflet.easy_read_checked_by_experts is False
    assert not AuditEntry.objects.exists()


def test_changing_checked_text_loses_the_check(leaflets, organiser):
    leaflet = leaflets.objects.create(
        title="Bins",
        easy_read_text="We take the rubbish.",
        easy_read_checked_by_experts=True,
        easy_read_checked_at=CHECKED_AT,
        easy_read_checked_by="Panel",
    )

    changed = services.easy_read_text_set(
        actor=organiser, obj=leaflet, text="We take the rubbish every week."
    )

    changed.refresh_from_db()
    assert changed.easy_read_text == "We take the rubbish every week."
    assert changed.easy_read_badge is False
    assert (changed.easy_read_checked_at, changed.easy_read_checked_by) == (None, "")
    entry = AuditEntry.objects.get()
    assert (entry.action, entry.data) == ("inclusion.easy_read_text_set", {"characters": 31})


def test_saving_the_same_text_keeps_the_check_and_logs_nothing(leaflets, organiser):
    leaflet = leaflets.objects.create(
        title="Bins",
        easy_read_text="We take the rubbish.",
        easy_read_checked_by_experts=True,
        easy_read_checked_at=CHECKED_AT,
    )

    kept = services.easy_read_text_set(actor=organiser, obj=leaflet, text="We take the rubbish.")

    assert kept.easy_read_badge is True
    assert not AuditEntry.objects.exists()
