"""Sending account emails in the recipient's own language."""

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation


def absolute_url(*, base_url: str, name: str, language: str, **kwargs: Any) -> str:
    """A full link to a named page, in `language`, for putting in an email."""
    with translation.override(language):
        path = reverse(name, kwargs=kwargs or None)
    return base_url.rstrip("/") + path


def send_account_email(*, user: Any, template: str, context: dict[str, Any]) -> None:
    """Render `accounts/emails/<template>_subject.txt` and `_body.txt` and send them."""
    full_context = {"user": user, "site_name": settings.SAMEN_SITE_NAME, **context}
    with translation.override(user.preferred_language):
        subject = render_to_string(f"accounts/emails/{template}_subject.txt", full_context)
        body = render_to_string(f"accounts/emails/{template}_body.txt", full_context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
