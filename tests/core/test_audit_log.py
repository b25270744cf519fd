"""The audit log records staff actions and can never be changed afterwards."""

import pytest

from samen.core.models import AuditEntry
from samen.core.services import audit_record
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_audit_record_stores_who_what_target_and_why():
    admin = UserFactory(email="boss@example.test", roles=["admin"])
    subject = UserFactory(display_name="Ria")

    entry = audit_record(
        actor=admin, action="user.roles_changed", target=subject, reason="New coach", data={"a": 1}
    )

    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor, stored.actor_label, stored.action) == (
        admin,
        "boss@example.test",
        "user.roles_changed",
    )
    assert (stored.target_type, stored.target_id, stored.target_label) == (
        "accounts.User",
        str(subject.pk),
        "Ria",
    )
    assert (stored.reason, stored.data) == ("New coach", {"a": 1})


def test_audit_record_without_actor_is_labelled_system():
    entry = audit_record(actor=None, action="process.closed")
    assert (entry.actor, entry.actor_label, entry.target_type) == (None, "system", "")


def test_saved_entry_cannot_be_changed():
    entry = audit_record(actor=None, action="x")
    entry.reason = "rewritten"
    with pytest.raises(PermissionError, match="append-only"):
        entry.save()
    assert AuditEntry.objects.get(pk=entry.pk).reason == ""


def test_entries_cannot_be_deleted_one_by_one_or_in_bulk():
    entry = audit_record(actor=None, action="x")
    with pytest.raises(PermissionError, match="append-only"):
        entry.delete()
    with pytest.raises(PermissionError, match="append-only"):
        AuditEntry.objects.all().delete()
    with pytest.raises(PermissionError, match="append-only"):
        AuditEntry.objects.update(reason="gone")
    assert AuditEntry.objects.count() == 1


def test_entry_keeps_the_actor_label_after_the_actor_is_deleted():
    admin = UserFactory(email="gone@example.test", roles=["admin"])
    entry = audit_record(actor=admin, action="x")
    admin.delete()
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor, stored.actor_label) == (None, "gone@example.test")


def test_role_change_by_admin_over_http_writes_an_audit_entry(client, login_verified):
    admin = UserFactory(roles=["staff", "admin"])
    subject = UserFactory(email="coach-to-be@example.test")
    login_verified(client, admin)

    response = client.post(
        f"/en/manage/users/{subject.pk}/roles/",
        {"roles": ["resident", "digicoach"], "reason": "Trained in May"},
    )

    assert response.status_code == 302
    assert response.headers["Location"] == "/en/manage/users/"
    assert sorted(subject.groups.values_list("name", flat=True)) == ["digicoach", "resident"]
    entry = AuditEntry.objects.get()
    assert (entry.actor, entry.target_label, entry.reason) == (
        admin,
        str(subject),
        "Trained in May",
    )
    assert client.get("/en/manage/audit-log/").content.decode().count("Trained in May") == 1
