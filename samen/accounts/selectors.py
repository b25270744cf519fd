"""Reads about users: lookup by email, their second factors, and the data export."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from samen.accounts import tokens
from samen.accounts.models import MagicLinkToken, User
from samen.core.models import AuditEntry


def user_find_by_email(*, email: str, active_only: bool = True) -> User | None:
    users = User.objects.filter(email__iexact=email.strip())
    if active_only:
        users = users.filter(is_active=True)
    return users.first()


def user_has_totp(*, user: Any) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def user_backup_codes_left(*, user: Any) -> int:
    device = StaticDevice.objects.filter(user=user, confirmed=True).first()
    return device.token_set.count() if device is not None else 0


def audit_entries_by_actor(*, user: Any) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(actor=user).order_by("created_at", "id")


def user_export_data(*, user: User) -> dict[str, Any]:
    """The JSON-ready export: profile, roles, own audit entries, second-factor names."""
    devices = [
        {"type": "totp", "name": device.name, "confirmed": device.confirmed}
        for device in TOTPDevice.objects.filter(user=user).order_by("id")
    ] + [
        {"type": "backup_codes", "name": device.name, "confirmed": device.confirmed}
        for device in StaticDevice.objects.filter(user=user).order_by("id")
    ]
    return {
        "format": "samen-account-export/1",
        "exported_at": timezone.now().isoformat(),
        "profile": {
            "email": user.email,
            "display_name": user.display_name,
            "preferred_language": user.preferred_language,
            "year_of_birth": user.year_of_birth,
            "postcode": user.postcode,
            "email_verified_at": _iso(user.email_verified_at),
            "date_joined": _iso(user.date_joined),
            "last_login": _iso(user.last_login),
            "accessibility": {
                "text_size": user.text_size,
                "high_contrast": user.high_contrast,
                "reduced_motion": user.reduced_motion,
                "easy_read": user.easy_read,
            },
        },
        "roles": sorted(user.groups.values_list("name", flat=True)),
        "audit_entries": [
            {
                "created_at": _iso(entry.created_at),
                "action": entry.action,
                "target_type": entry.target_type,
                "target_label": entry.target_label,
                "reason": entry.reason,
                "data": entry.data,
            }
            for entry in audit_entries_by_actor(user=user)
        ],
        "two_factor_devices": devices,
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def magic_link_is_usable(*, token: str) -> bool:
    """Whether a login link would work, without using it up (for the confirm page)."""
    return MagicLinkToken.objects.filter(
        token_hash=tokens.magic_link_secret_hash(token),
        used_at__isnull=True,
        expires_at__gt=timezone.now(),
        user__is_active=True,
    ).exists()
