"""A per-address cap on account emails, so our forms cannot be used to flood someone's inbox."""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def email_send_allowed(*, kind: str, email: str) -> bool:
    """Count one `kind` of email to `email`; False once the hourly cap is passed.

    Callers skip the email silently and answer as usual, so the cap reveals nothing either.
    The cache holds a hash of the address, not the address.
    """
    limit = getattr(settings, "SAMEN_EMAILS_PER_ADDRESS_PER_HOUR", 5)
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    key = f"samen:email-cap:{kind}:{digest}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit
