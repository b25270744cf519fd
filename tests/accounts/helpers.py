"""Helpers for the accounts tests: reading links out of emails and making TOTP codes."""

import re
from binascii import unhexlify

from django.core import mail
from django_otp.oath import totp

LINK_RE = re.compile(r"https?://\S+")


def last_email_link() -> str:
    """The only link in the most recent email, as a path (the test client needs no host)."""
    links = LINK_RE.findall(mail.outbox[-1].body)
    assert len(links) == 1, links
    return re.sub(r"^https?://[^/]+", "", links[0])


def code_for(key_hex: str, *, drift: int = 0) -> str:
    """The current TOTP code for a key; drift=1 gives the next window's code."""
    return f"{totp(unhexlify(key_hex), drift=drift):06d}"
