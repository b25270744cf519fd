"""Assisted digital in every request: act as the resident on registered URLs, and record it.

See `samen.inclusion.assisted` for the whole mechanism and the API other apps call.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext as _

from samen.inclusion.assisted import AssistedUrl, assisted_url
from samen.inclusion.models_assisted import AssistedActionKind, AssistedSession, EndReason
from samen.inclusion.permissions import can_assist
from samen.inclusion.services_assisted import (
    assisted_action_record,
    assisted_session_end,
    assisted_session_touch,
)

Handler = Callable[[HttpRequest], HttpResponse]
SESSION_KEY = "samen_assisted_session"


def assistance_remember(request: HttpRequest, session: AssistedSession) -> None:
    request.session[SESSION_KEY] = session.pk


def assistance_forget(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)


class AssistedDigitalMiddleware:
    """Put last in MIDDLEWARE, so CSRF and the two-factor check run for the coach first."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.assistance = None  # type: ignore[attr-defined]
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: tuple[Any, ...], kwargs: dict[str, Any]
    ) -> HttpResponse | None:
        coach = request.user
        if not coach.is_authenticated or SESSION_KEY not in request.session:
            return None
        entry = assisted_url(request.resolver_match.view_name if request.resolver_match else "")
        session = (
            AssistedSession.objects.select_related("coach", "resident")
            .filter(pk=request.session[SESSION_KEY], coach=coach)
            .first()
        )
        if session is not None and session.is_open and not can_assist(coach):
            # The coach lost the Digicoach role (or the account was closed) mid-session.
            assisted_session_end(session=session)
            session = None
        if session is None or not session.is_open:
            assistance_forget(request)
            messages.info(request, _("The assisted session has ended."))
            return redirect("inclusion:assisted_start") if entry else None
        if session.idle_expired():
            assisted_session_end(session=session, reason=EndReason.EXPIRED)
            assistance_forget(request)
            messages.warning(
                request,
                _(
                    "Your session helping %(resident)s ended after 2 hours without activity. "
                    "Start a new one to carry on."
                )
                % {"resident": session.resident},
            )
            return redirect("inclusion:assisted_start") if entry else None
        assisted_session_touch(session=session)
        request.assistance = session  # type: ignore[attr-defined]
        if entry is None:
            return None
        request.assisting_coach = coach  # type: ignore[attr-defined]
        resident = session.resident
        # As django-otp's middleware does for every user; the coach's second factor never
        # carries over to the resident.
        resident.otp_device = None  # type: ignore[attr-defined]
        resident.is_verified = lambda: False  # type: ignore[attr-defined]
        request.user = resident
        if request.method != "POST":
            return None
        return self._run_and_record(request, view, args, kwargs, session, entry)

    def _run_and_record(
        self,
        request: HttpRequest,
        view: Any,
        args: tuple[Any, ...],
        kwargs: dict[str, Any],
        session: AssistedSession,
        entry: AssistedUrl,
    ) -> HttpResponse:
        """Run the view and record its success in one transaction."""
        with transaction.atomic():
            response: HttpResponse = view(request, *args, **kwargs)
            succeeded = 300 <= response.status_code < 400
            if not succeeded or getattr(session, "_recorded_in_request", False):
                return response
            if entry.action == AssistedActionKind.VOTE:
                # Only the vote view knows which post casts the vote and holds the coach's
                # declaration, so it records the vote itself (the other steps record nothing).
                return response
            with translation.override(session.resident.preferred_language):
                summary = entry.describe(request, kwargs) if entry.describe else entry.label
                summary = str(summary)
            assisted_action_record(
                session=session,
                action=entry.action,
                summary=summary,
                url_name=entry.url_name,
            )
        return response
