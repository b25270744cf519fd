"""Small request helpers shared by the account views: safe redirects and finishing a login."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, resolve_url
from django.urls import translate_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

USER_LANGUAGE_SESSION_KEY = "samen_user_language"
EMAIL_BACKEND_PATH = "samen.accounts.backends.EmailBackend"


def safe_next(request: HttpRequest) -> str:
    """The `next` parameter if it points inside this site, else an empty string."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return ""


def base_url(request: HttpRequest) -> str:
    """Scheme and host for links in emails."""
    return request.build_absolute_uri("/")


def finish_login(
    request: HttpRequest, user: Any, *, backend: str = EMAIL_BACKEND_PATH
) -> HttpResponse:
    """Log in, remember the profile language for the UI, warn if the email is unverified."""
    auth_login(request, user, backend=backend)
    request.session[USER_LANGUAGE_SESSION_KEY] = user.preferred_language
    if not user.is_email_verified:
        messages.warning(
            request,
            _(
                "Your email address is not verified yet. Open the link in the email we sent, "
                "or ask for a new one on your account page."
            ),
        )
    target = safe_next(request) or resolve_url(settings.LOGIN_REDIRECT_URL)
    return redirect(translate_url(target, user.preferred_language))
