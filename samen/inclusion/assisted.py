"""Assisted digital: the API other apps use to let a Digicoach act for a resident.

How it works. A Digicoach starts an assisted session on /inclusion/assist/ for a resident who
is present, with the resident's recorded consent. While the coach's browser session holds it,
`samen.inclusion.middleware.AssistedDigitalMiddleware`:

- shows "You are helping <resident>" with an "End session" button on every page;
- on the URL names registered here, and only there, runs the view as the resident
  (`request.user` is the resident; `request.assisting_coach` is the coach);
- runs every POST to those URLs in one transaction and, if the view answers with a redirect
  (success), records an `AssistedAction` with both identities in that same transaction,
  unless the view recorded one itself. Vote pages (`AssistedActionKind.VOTE`) are never
  recorded automatically: the vote view records the vote, with the coach's declaration, in
  the transaction that casts it, and the other steps of voting record nothing;
- ends sessions idle for 2 hours, with a message, and never runs a registered URL for the
  coach once the session has ended.

Public API (import from `samen.inclusion.assisted`):

- `register_assisted_url(url_name, *, action, label, describe=None, start_here=False)` in
  your `AppConfig.ready()`: `action` is an `AssistedActionKind`; `label` a lazy text for the
  receipt; `describe(request, kwargs) -> str` an optional, more precise summary;
  `start_here=True` lists the page on the coach's page as a place to start.
- `current_assistance(request)` (alias `assisted_session_for`): the open `AssistedSession`, or
  None. On a registered URL, `.resident` is `request.user` and `.coach` the coach.
- `assisted_action_record(*, session, action, summary, target=None, url_name="",
  declaration_confirmed=False)`: record an action yourself, inside your service's
  transaction. A vote must pass `declaration_confirmed=True`: it raises `ValidationError`
  otherwise, and the database refuses an undeclared vote too.
- `VoteDeclarationMixin`: add to a form; when given `assisted=True` it adds a required
  `declaration` check box "I confirm the resident chose these projects themselves".

A vote view, for example::

    assistance = current_assistance(request)
    form = BallotForm(request.POST, assisted=assistance is not None)
    if form.is_valid():
        with transaction.atomic():
            ballot = services.ballot_submit(process=process, voter=request.user, ...)
            if assistance is not None:
                assisted_action_record(
                    session=assistance,
                    action=AssistedActionKind.VOTE,
                    summary=gettext("Voted in %(process)s") % {"process": process.title},
                    target=process,
                    declaration_confirmed=form.cleaned_data["declaration"],
                )
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samen.inclusion.models_assisted import AssistedActionKind, AssistedSession
from samen.inclusion.services_assisted import assisted_action_record

VOTE_DECLARATION = _("I confirm the resident chose these projects themselves.")


@dataclass(frozen=True)
class AssistedUrl:
    url_name: str
    action: str
    label: str | Promise
    describe: Callable[[HttpRequest, dict[str, Any]], str] | None = None
    start_here: bool = False


ASSISTED_URLS: dict[str, AssistedUrl] = {}


def register_assisted_url(
    url_name: str,
    *,
    action: str,
    label: str | Promise,
    describe: Callable[[HttpRequest, dict[str, Any]], str] | None = None,
    start_here: bool = False,
) -> None:
    """Let a coach in an assisted session use this URL as the resident.

    `start_here` lists the page (it must take no URL arguments) as a starting point on the
    coach's page, labelled with `label`.
    """
    if action not in AssistedActionKind.values:
        raise ValueError(f"Unknown assisted action {action!r}")
    ASSISTED_URLS[url_name] = AssistedUrl(url_name, action, label, describe, start_here)


def assisted_starting_points() -> list[AssistedUrl]:
    """The pages a coach can open for the resident, in the order of the action kinds."""
    order = list(AssistedActionKind.values)
    starts = [entry for entry in ASSISTED_URLS.values() if entry.start_here]
    return sorted(starts, key=lambda entry: order.index(entry.action))


def assisted_url(url_name: str | None) -> AssistedUrl | None:
    return ASSISTED_URLS.get(url_name or "")


def current_assistance(request: HttpRequest) -> AssistedSession | None:
    """The assisted session the coach's browser holds right now, or None."""
    return getattr(request, "assistance", None)


assisted_session_for = current_assistance


class VoteDeclarationMixin:
    """Adds the coach's declaration to a ballot form when the vote is cast with assistance."""

    def __init__(self, *args: Any, assisted: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if assisted:
            self.fields["declaration"] = forms.BooleanField(  # type: ignore[attr-defined]
                label=VOTE_DECLARATION, required=True
            )


__all__ = [
    "ASSISTED_URLS",
    "VOTE_DECLARATION",
    "AssistedActionKind",
    "AssistedUrl",
    "VoteDeclarationMixin",
    "assisted_action_record",
    "assisted_session_for",
    "assisted_starting_points",
    "assisted_url",
    "current_assistance",
    "register_assisted_url",
]
