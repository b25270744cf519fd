"""Guarantees that only a real PostgreSQL server can show: triggers and races between sessions."""

import threading

import pytest
from django.db import connection, connections
from django.db.utils import DatabaseError

from samen.accounts import services as account_services
from samen.accounts.models import User
from samen.core.models import AuditEntry
from samen.core.services import audit_record
from tests.factories import UserFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL tests need DATABASE_URL=postgres://… (CI sets it)")


def test_the_database_refuses_to_rewrite_or_delete_audit_entries():
    entry = audit_record(actor=None, action="process.closed", reason="end of vote")
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("UPDATE core_auditentry SET reason = 'hidden' WHERE id = %s", [entry.pk])
    with pytest.raises(DatabaseError, match="append-only"), connection.cursor() as cursor:
        cursor.execute("DELETE FROM core_auditentry WHERE id = %s", [entry.pk])
    assert AuditEntry.objects.get(pk=entry.pk).reason == "end of vote"


def test_erasing_an_actor_only_clears_the_link_and_keeps_the_entry():
    admin = UserFactory(email="leaver@example.test", roles=["admin"])
    entry = audit_record(actor=admin, action="user.roles_changed", reason="coach")
    admin.delete()
    stored = AuditEntry.objects.get(pk=entry.pk)
    assert (stored.actor_id, stored.actor_label, stored.reason) == (
        None,
        "leaver@example.test",
        "coach",
    )


def test_simultaneous_registrations_for_one_address_leave_exactly_one_account():
    emails = ["Race@Example.test", "race@example.test"] * 5
    barrier = threading.Barrier(len(emails))
    errors: list[BaseException] = []

    def register(email: str) -> None:
        try:
            barrier.wait()
            account_services.user_register(
                email=email,
                password="a-long-enough-password",
                display_name="Racer",
                preferred_language="en",
                base_url="http://testserver",
            )
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(email,)) for email in emails]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert list(User.objects.values_list("email", flat=True)) == ["race@example.test"]
