"""Secrets in links: signed email-verification tokens and hashed one-time login tokens."""

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing

VERIFY_EMAIL_SALT = "samen.accounts.verify-email"


def verify_email_max_age() -> timedelta:
    return timedelta(days=getattr(settings, "SAMEN_EMAIL_VERIFY_DAYS", 7))


def verify_email_token_make(user: Any) -> str:
    """Sign the user id together with the address, so changing the address voids old links."""
    return signing.dumps({"u": user.pk, "e": user.email}, salt=VERIFY_EMAIL_SALT)


def verify_email_token_read(token: str) -> tuple[int, str] | None:
    """Return (user id, email) from a valid, unexpired token, else None."""
    try:
        data = signing.loads(token, salt=VERIFY_EMAIL_SALT, max_age=verify_email_max_age())
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return data["u"], str(data.get("e", ""))


def magic_link_lifetime() -> timedelta:
    return timedelta(minutes=settings.SAMEN_MAGIC_LINK_MINUTES)


def magic_link_secret_make() -> str:
    return secrets.token_urlsafe(32)


def magic_link_secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()
