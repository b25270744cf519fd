"""Assisted digital pages: the coach starts and ends a session; receipts; organisers' counts."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.inclusion import permissions, selectors_assisted, services_assisted
from samen.inclusion.assisted import assisted_starting_points, current_assistance
from samen.inclusion.forms import ConfirmForm
from samen.inclusion.forms_assisted import AssistedSessionStartForm
from samen.inclusion.middleware import assistance_forget, assistance_remember


def _signed_in(user: object) -> bool:
    return bool(getattr(user, "is_authenticated", False))


@allowed_if(permissions.can_assist)
@require_http_methods(["GET", "POST"])
def assisted_start(request: HttpRequest) -> HttpResponse:
    """Start helping a resident; while helping, the places to go for them."""
    form = AssistedSessionStartForm(posted(request), initial={"consent_method": "spoken"})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            session = services_assisted.assisted_session_start(
                coach=request.user,
                resident=form.resident,
                consent_given=data["consent_given"],
                consent_method=data["consent_method"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            assistance_remember(request, session)
            messages.success(
                request,
                _("You are now helping %(resident)s. Everything you do for them is recorded.")
                % {"resident": session.resident},
            )
            return redirect("inclusion:assisted_start")
    starts = [(reverse(entry.url_name), entry.label) for entry in assisted_starting_points()]
    context = {
        "form": form,
        "assistance": current_assistance(request),
        "starts": starts,
        "sessions": selectors_assisted.sessions_given(coach=request.user),
    }
    return render(request, "inclusion/assisted/start.html", context)


@require_POST
@allowed_if(permissions.can_assist)
def assisted_end(request: HttpRequest) -> HttpResponse:
    session = current_assistance(request)
    form = ConfirmForm(request.POST)
    if session is None:
        messages.info(request, _("You are not helping anyone right now."))
        return redirect("inclusion:assisted_start")
    if not form.is_valid():
        for error in form.non_field_errors():
            messages.error(request, error)
        return redirect("inclusion:assisted_start")
    services_assisted.assisted_session_end(session=session)
    assistance_forget(request)
    if session.resident.email:
        text = _("The session has ended. %(resident)s gets this receipt by email too.")
    else:
        text = _("The session has ended. Print this receipt for %(resident)s.")
    messages.success(request, text % {"resident": session.resident})
    return redirect("inclusion:assisted_receipt", session_id=session.pk)


@allowed_if(_signed_in)
@require_http_methods(["GET"])
def assisted_receipt(request: HttpRequest, session_id: int) -> HttpResponse:
    """A printable receipt: what was done for the resident, by whom and when."""
    session = selectors_assisted.session_with_actions(session_id=session_id)
    if session is None or not permissions.can_view_assisted_receipt(request.user, session):
        raise Http404
    return render(request, "inclusion/assisted/receipt.html", {"session": session})


@allowed_if(_signed_in)
@require_http_methods(["GET"])
def assisted_history(request: HttpRequest) -> HttpResponse:
    """The help a resident had from Digicoaches, each with its receipt."""
    sessions = selectors_assisted.sessions_received(resident=request.user)
    return render(request, "inclusion/assisted/history.html", {"sessions": sessions})


@allowed_if(permissions.can_view_assisted_stats)
@require_http_methods(["GET"])
def assisted_stats(request: HttpRequest) -> HttpResponse:
    stats = selectors_assisted.assisted_stats()
    return render(request, "inclusion/manage/assisted_stats.html", {"stats": stats})
