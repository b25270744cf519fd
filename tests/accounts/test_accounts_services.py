"""Service-level tests for accounts: creation, roles, preferences, links, export, erasure."""

from datetime import timedelta

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from samen.accounts import selectors, services, tokens
from samen.accounts.models import MagicLinkToken, Role, User
from samen.core.models import AuditEntry
from samen.core.preferences import Preferences
from tests.accounts.helpers import code_for
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
BASE_URL = "http://testserver/"


def test_migration_creates_the_six_role_groups():
    assert sorted(Group.objects.values_list("name", flat=True)) == sorted(Role.values)
    admin = Group.objects.get(name="admin")
    assert sorted(admin.permissions.values_list("codename", flat=True)) == [
        "change_group",
        "change_user",
        "view_group",
        "view_user",
    ]


def test_user_create_lowercases_email_and_gives_resident_by_default():
    user = services.user_create(
        email=" Ana@Example.TEST ", password="pw-long-enough", display_name="Ana"
    )
    assert user.email == "ana@example.test"
    assert user.role_names() == {"resident"}
    assert user.email_verified_at is None
    assert user.check_password("pw-long-enough")


def test_user_create_with_roles_profile_and_verified():
    user = services.user_create(
        email="org@example.test",
        password=None,
        display_name="Org",
        roles=["staff", "organiser"],
        verified=True,
        year_of_birth=1980,
        postcode="1234 AB",
    )
    assert user.role_names() == {"staff", "organiser"}
    assert user.is_email_verified
    assert user.year_of_birth == 1980
    assert not user.has_usable_password()
    assert user.needs_two_factor


def test_user_create_refuses_duplicate_email_in_any_case():
    UserFactory(email="dup@example.test")
    with pytest.raises(ValidationError):
        services.user_create(email="DUP@example.test", password="x" * 12, display_name="Dup")
    assert User.objects.filter(email__iexact="dup@example.test").count() == 1


def test_user_create_refuses_unknown_role():
    with pytest.raises(ValidationError):
        services.user_create(
            email="r@example.test", password=None, display_name="R", roles=["king"]
        )
    assert not User.objects.filter(email="r@example.test").exists()


def test_user_set_roles_replaces_roles_and_audits():
    admin = UserFactory(roles=["admin"])
    user = UserFactory()
    services.user_set_roles(
        actor=admin, user=user, roles=["staff", "digicoach"], reason="New coach"
    )
    assert User.objects.get(pk=user.pk).role_names() == {"staff", "digicoach"}
    entry = AuditEntry.objects.get(action="accounts.roles_set")
    assert entry.actor == admin
    assert entry.target_id == str(user.pk)
    assert entry.reason == "New coach"
    assert entry.data == {"before": ["resident"], "after": ["digicoach", "staff"]}


def test_user_update_preferences_saves_all_four():
    user = UserFactory()
    services.user_update_preferences(
        user=user,
        preferences=Preferences(
            text_size="200", high_contrast=True, reduced_motion=True, easy_read=True
        ),
    )
    user.refresh_from_db()
    assert (user.text_size, user.high_contrast, user.reduced_motion, user.easy_read) == (
        "200",
        True,
        True,
        True,
    )


def test_email_backend_is_case_insensitive_and_refuses_inactive():
    request = RequestFactory().post("/")
    user = UserFactory(email="case@example.test")
    assert authenticate(request, username="CASE@Example.test", password=DEFAULT_PASSWORD) == user
    assert authenticate(request, username="case@example.test", password="wrong") is None
    User.objects.filter(pk=user.pk).update(is_active=False)
    assert authenticate(request, username="case@example.test", password=DEFAULT_PASSWORD) is None


def test_verify_email_token_verifies_once_and_rejects_changed_address():
    user = UserFactory(verified=False)
    token = tokens.verify_email_token_make(user)
    assert services.user_verify_email(token=token) == user
    assert User.objects.get(pk=user.pk).is_email_verified
    assert services.user_verify_email(token=token) == user  # harmless twice
    other = UserFactory(verified=False)
    stale = tokens.verify_email_token_make(other)
    User.objects.filter(pk=other.pk).update(email="new@example.test")
    assert services.user_verify_email(token=stale) is None
    assert services.user_verify_email(token="garbage") is None


def test_verify_email_token_expires(settings):
    settings.SAMEN_EMAIL_VERIFY_DAYS = 0
    user = UserFactory(verified=False)
    token = tokens.verify_email_token_make(user)
    assert services.user_verify_email(token=token) is None
    assert not User.objects.get(pk=user.pk).is_email_verified


def test_magic_link_request_stores_only_a_hash_and_is_single_use():
    user = UserFactory(email="magic@example.test")
    services.magic_link_request(email="MAGIC@example.test", base_url=BASE_URL)
    assert len(mail.outbox) == 1
    secret = mail.outbox[0].body.split("/login/link/")[1].split("/")[0]
    link = MagicLinkToken.objects.get()
    assert link.token_hash == tokens.magic_link_secret_hash(secret)
    assert secret not in link.token_hash
    assert services.magic_link_consume(token=secret) == user
    assert services.magic_link_consume(token=secret) is None


def test_magic_link_expires():
    UserFactory(email="late@example.test")
    services.magic_link_request(email="late@example.test", base_url=BASE_URL)
    secret = mail.outbox[0].body.split("/login/link/")[1].split("/")[0]
    MagicLinkToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert services.magic_link_consume(token=secret) is None


def test_magic_link_for_unknown_email_sends_nothing():
    services.magic_link_request(email="nobody@example.test", base_url=BASE_URL)
    assert mail.outbox == []
    assert MagicLinkToken.objects.count() == 0


def test_user_register_for_existing_email_warns_owner_and_creates_nothing():
    UserFactory(email="taken@example.test")
    result = services.user_register(
        email="taken@example.test",
        password="x" * 12,
        display_name="Someone",
        preferred_language="en",
        base_url=BASE_URL,
    )
    assert result is None
    assert User.objects.count() == 1
    assert mail.outbox[0].subject == "You already have an account at Samen"


def test_user_export_contains_profile_roles_own_audit_entries_and_device_names_only():
    user = UserFactory(email="me@example.test", display_name="Me", roles=["staff", "admin"])
    other = UserFactory()
    services.user_set_roles(actor=user, user=other, roles=["staff"], reason="Hired")
    device = services.totp_device_create(user=user, name="My phone")
    services.backup_codes_replace(user=user)
    data = services.user_export(user=user)
    assert data["profile"]["email"] == "me@example.test"
    assert data["profile"]["display_name"] == "Me"
    assert data["roles"] == ["admin", "staff"]
    assert [entry["action"] for entry in data["audit_entries"]] == ["accounts.roles_set"]
    assert data["audit_entries"][0]["reason"] == "Hired"
    assert data["two_factor_devices"] == [
        {"type": "totp", "name": "My phone", "confirmed": True},
        {"type": "backup_codes", "name": "Backup codes", "confirmed": True},
    ]
    assert device.key not in str(data)
    assert AuditEntry.objects.filter(action="accounts.data_exported", actor=user).count() == 1


def test_user_erase_removes_personal_data_and_keeps_audit_label():
    user = UserFactory(email="gone@example.test", display_name="Gone", roles=["admin"])
    services.user_set_roles(actor=user, user=UserFactory(), roles=["staff"], reason="r")
    services.totp_device_create(user=user)
    services.backup_codes_replace(user=user)
    services.user_update_profile(
        user=user,
        display_name="Gone",
        preferred_language="nl",
        year_of_birth=1970,
        postcode="1234 AB",
        preferences=Preferences(text_size="150"),
    )
    services.user_erase(user=user)
    user.refresh_from_db()
    assert user.email == f"erased-{user.pk}@erased.invalid"
    assert user.display_name == f"erased-{user.pk}"
    assert (user.year_of_birth, user.postcode, user.text_size) == (None, "", "100")
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.role_names() == set()
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert not StaticDevice.objects.filter(user=user).exists()
    assert AuditEntry.objects.get(action="accounts.roles_set").actor_label == "gone@example.test"
    assert selectors.user_find_by_email(email="gone@example.test", active_only=False) is None


def test_totp_device_create_with_fixed_key():
    user = UserFactory(roles=["admin"])
    device = services.totp_device_create(user=user, key_hex="31" * 20, name="Demo")
    assert (device.key, device.name, device.confirmed) == ("31" * 20, "Demo", True)
    assert selectors.user_has_totp(user=user)


def test_two_factor_enrol_rejects_wrong_code_and_saves_nothing():
    user = UserFactory(roles=["admin"])
    with pytest.raises(ValidationError):
        services.two_factor_enrol(user=user, key_hex="ab" * 20, token="000000x")
    assert not TOTPDevice.objects.filter(user=user).exists()


def test_two_factor_enrol_then_verify_with_app_and_backup_code():
    user = UserFactory(roles=["admin"])
    key = "ab" * 20
    codes = services.two_factor_enrol(user=user, key_hex=key, token=code_for(key))
    assert len(codes) == 10
    assert services.two_factor_verify(user=user, token=code_for(key)) is None  # reused code
    # The failure above starts a short throttle delay; lift it rather than sleep.
    TOTPDevice.objects.update(throttling_failure_count=0, throttling_failure_timestamp=None)
    assert isinstance(
        services.two_factor_verify(user=user, token=code_for(key, drift=1)), TOTPDevice
    )
    assert isinstance(services.two_factor_verify(user=user, token=codes[0]), StaticDevice)
    assert services.two_factor_verify(user=user, token=codes[0]) is None  # single use
