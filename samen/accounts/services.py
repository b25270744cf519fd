"""Writes to users: creation, roles, profile and preferences, data export and erasure.

Login links, email verification and two-factor devices live in `services_auth` and
`services_two_factor`; the names other apps use are re-exported here so there is one import.
"""

from collections.abc import Sequence
from dataclasses import fields
from typing import Any

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from samen.accounts import selectors
from samen.accounts.emails import absolute_url, send_account_email
from samen.accounts.models import MagicLinkToken, Role, User
from samen.accounts.services_auth import (  # noqa: F401  (re-exported)
    email_verification_resend,
    email_verification_send,
    magic_link_consume,
    magic_link_request,
    user_verify_email,
)
from samen.accounts.services_two_factor import (  # noqa: F401  (re-exported)
    backup_codes_replace,
    totp_device_create,
    two_factor_enrol,
    two_factor_verify,
)
from samen.accounts.throttle import email_send_allowed
from samen.core.preferences import Preferences
from samen.core.services import audit_record


def _email_normalise(email: str) -> str:
    return email.strip().lower()


def _roles_apply(*, user: User, roles: Sequence[str]) -> list[str]:
    wanted = sorted(set(roles))
    unknown = [role for role in wanted if role not in Role.values]
    if unknown:
        raise ValidationError(
            _("Unknown role: %(role)s."), code="unknown_role", params={"role": unknown[0]}
        )
    groups = [Group.objects.get_or_create(name=role)[0] for role in wanted]
    user.groups.set(groups)
    if hasattr(user, "_role_names"):
        del user._role_names
    return wanted


@transaction.atomic
def user_create(
    *,
    email: str,
    password: str | None,
    display_name: str,
    roles: Sequence[str] = (Role.RESIDENT,),
    verified: bool = False,
    **profile: Any,
) -> User:
    """Create an account with its roles. Callers check for an existing email first if they
    need to be idempotent; a duplicate raises ValidationError."""
    user = User(email=_email_normalise(email), display_name=display_name.strip(), **profile)
    if verified:
        user.email_verified_at = timezone.now()
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    if selectors.user_find_by_email(email=user.email, active_only=False) is not None:
        raise ValidationError(
            {"email": _("An account with this email address already exists.")}, code="unique"
        )
    user.full_clean()
    user.save()
    _roles_apply(user=user, roles=roles)
    return user


def user_register(
    *,
    email: str,
    password: str,
    display_name: str,
    preferred_language: str,
    year_of_birth: int | None = None,
    postcode: str = "",
    base_url: str,
) -> User | None:
    """Sign up a resident and email them a verification link.

    If the address already has an account, that owner gets an email saying so and None is
    returned; the caller shows the same page either way, so sign-up reveals no accounts.
    """
    existing = selectors.user_find_by_email(email=email, active_only=False)
    if existing is not None and not existing.is_active:
        return None
    if existing is not None:
        if not email_send_allowed(kind="already_registered", email=existing.email):
            return None
        send_account_email(
            user=existing,
            template="already_registered",
            context={
                "login_url": absolute_url(
                    base_url=base_url, name="accounts:login", language=existing.preferred_language
                ),
                "reset_url": absolute_url(
                    base_url=base_url,
                    name="accounts:password_reset",
                    language=existing.preferred_language,
                ),
            },
        )
        return None
    try:
        user = user_create(
            email=email,
            password=password,
            display_name=display_name,
            preferred_language=preferred_language,
            year_of_birth=year_of_birth,
            postcode=postcode.strip().upper(),
        )
    except (IntegrityError, ValidationError):
        # A simultaneous sign-up for the same address won the race (caught by the database or
        # by the constraint check); the page says the same. Any other invalid input re-raises.
        if selectors.user_find_by_email(email=email, active_only=False) is None:
            raise
        return None
    email_verification_send(user=user, base_url=base_url)
    return user


@transaction.atomic
def user_set_roles(*, actor: Any, user: User, roles: Sequence[str], reason: str) -> User:
    """Replace a user's roles and record who did it and why in the audit log."""
    user = User.objects.select_for_update().get(pk=user.pk)
    before = sorted(user.groups.values_list("name", flat=True))
    after = _roles_apply(user=user, roles=roles)
    audit_record(
        actor=actor,
        action="accounts.roles_set",
        target=user,
        reason=reason,
        data={"before": before, "after": after},
    )
    return user


def _preferences_apply(*, user: User, preferences: Preferences) -> None:
    for field in fields(Preferences):
        setattr(user, field.name, getattr(preferences, field.name))


@transaction.atomic
def user_update_preferences(*, user: User, preferences: Preferences) -> User:
    user = User.objects.select_for_update().get(pk=user.pk)
    _preferences_apply(user=user, preferences=preferences)
    user.full_clean()
    user.save(update_fields=[field.name for field in fields(Preferences)])
    return user


@transaction.atomic
def user_update_profile(
    *,
    user: User,
    display_name: str,
    preferred_language: str,
    year_of_birth: int | None,
    postcode: str,
    preferences: Preferences,
) -> User:
    user = User.objects.select_for_update().get(pk=user.pk)
    user.display_name = display_name.strip()
    user.preferred_language = preferred_language
    user.year_of_birth = year_of_birth
    user.postcode = postcode.strip().upper()
    _preferences_apply(user=user, preferences=preferences)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def user_export(*, user: User) -> dict[str, Any]:
    """Everything Samen holds about the user, for the right of access (GDPR art. 15).

    Two-factor secrets and backup codes are left out: they are credentials, not data about
    the person. The export itself is recorded in the audit log.
    """
    data = selectors.user_export_data(user=user)
    for app, (exporter, _eraser) in settings.SAMEN_PERSONAL_DATA.items():
        data[app] = import_string(exporter)(user=user)
    audit_record(actor=user, action="accounts.data_exported", target=user)
    return data


@transaction.atomic
def user_erase(*, user: User) -> None:
    """Erase the account's personal data and deactivate it (GDPR art. 17).

    The row stays, anonymised, so later records that point at it (such as a voter-roll entry)
    stay consistent. Audit entries keep the actor label they were written with.
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    old_email = user.email
    audit_record(actor=user, action="accounts.account_erased", data={"user_id": user.pk})
    for _exporter, eraser in settings.SAMEN_PERSONAL_DATA.values():
        import_string(eraser)(user=user)
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()
    MagicLinkToken.objects.filter(user=user).delete()
    for model in (AccessAttempt, AccessLog, AccessFailureLog):
        model.objects.filter(username__iexact=old_email).delete()
    user.groups.clear()
    user.user_permissions.clear()
    user.email = f"erased-{user.pk}@erased.invalid"
    user.display_name = f"erased-{user.pk}"
    user.year_of_birth = None
    user.postcode = ""
    _preferences_apply(user=user, preferences=Preferences())
    user.email_verified_at = None
    user.is_active = False
    user.is_staff = False
    user.is_superuser = False
    user.set_unusable_password()
    user.full_clean()
    user.save()
