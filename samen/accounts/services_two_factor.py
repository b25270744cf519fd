"""Writes for two-factor authentication: TOTP devices and single-use backup codes."""

from binascii import unhexlify
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import devices_for_user
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from samen.core.services import audit_record

BACKUP_CODE_COUNT = 10


@transaction.atomic
def totp_device_create(
    *,
    user: Any,
    key_hex: str | None = None,
    name: str = "Authenticator app",
    confirmed: bool = True,
) -> TOTPDevice:
    """Add a TOTP device. `key_hex` lets the demo seeder use a published, fixed key."""
    device = TOTPDevice(user=user, name=name, confirmed=confirmed, key=key_hex or default_key())
    device.full_clean()
    device.save()
    return device


@transaction.atomic
def backup_codes_replace(*, user: Any, count: int = BACKUP_CODE_COUNT) -> list[str]:
    """Throw away any old backup codes and make new ones; the caller shows them once."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice(user=user, name="Backup codes", confirmed=True)
    device.full_clean()
    device.save()
    codes = [StaticToken.random_token() for _index in range(count)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@transaction.atomic
def two_factor_enrol(*, user: Any, key_hex: str, token: str) -> list[str]:
    """Confirm an authenticator app by its first code, save it, and return backup codes.

    The key was shown to the user (QR code and text) before anything was stored, so an
    abandoned enrolment leaves no half-made device behind. Raises ValidationError if the code
    does not match.
    """
    totp = TOTP(unhexlify(key_hex.encode()))
    if not token.isdigit() or not totp.verify(int(token), tolerance=1):
        raise ValidationError(
            _("That code does not match. Check the time on your phone and try the newest code."),
            code="invalid_token",
        )
    TOTPDevice.objects.filter(user=user).delete()
    device = totp_device_create(user=user, key_hex=key_hex)
    device.last_t = totp.t()  # this code may not be used again
    device.drift = totp.drift
    device.save(update_fields=["last_t", "drift"])
    codes = backup_codes_replace(user=user)
    audit_record(actor=user, action="accounts.two_factor_enrolled", target=user)
    return codes


def two_factor_verify(*, user: Any, token: str) -> Device | None:
    """Check a code from the app or a backup code; returns the device that accepted it.

    Devices throttle repeated failures themselves, and a used backup code is deleted.
    """
    token = "".join(token.split()).lower()
    # Send six digits to the app's device and anything else to the backup codes, so a typo in
    # one kind does not count as a failure (and a throttle delay) against the other.
    wanted = TOTPDevice if token.isdigit() and len(token) == 6 else StaticDevice
    with transaction.atomic():
        for device in devices_for_user(user, confirmed=True, for_verify=True):
            if isinstance(device, wanted) and device.verify_token(token):
                return device
    return None
