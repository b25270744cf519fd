"""Help points and their opening times (under /manage/), and cancelling a help session.

Cancelling is open to the session's own coach as well as organisers, so its page sits outside
/manage/: Digicoaches do not use two-factor login.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.skills import permissions_coaching as permissions
from samen.skills import selectors_coaching as selectors
from samen.skills import services_coaching_manage as services
from samen.skills.forms import ConfirmForm
from samen.skills.forms_coaching_manage import CancelSessionForm, HelpPointForm, OpeningTimeForm
from samen.skills.models_coaching import HelpPoint, OpeningTime

POINT_FIELDS = ("name", "address", "description", "accessibility", "easy_read_text")


@allowed_if(permissions.can_coordinate)
def help_point_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "skills/coaching/manage/help_points.html", {"help_points": selectors.help_points()}
    )


def _point_form(request: HttpRequest, point: HelpPoint | None) -> HttpResponse:
    initial = {name: getattr(point, name) for name in POINT_FIELDS} if point else {}
    form = HelpPointForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        try:
            saved = services.help_point_save(
                actor=request.user, help_point=point, **form.cleaned_data
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The help point is saved."))
            return redirect("skills:help_point_edit", help_point_id=saved.pk)
    return render(
        request, "skills/coaching/manage/help_point_form.html", {"point": point, "form": form}
    )


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def help_point_create(request: HttpRequest) -> HttpResponse:
    return _point_form(request, None)


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def help_point_edit(request: HttpRequest, help_point_id: int) -> HttpResponse:
    point = get_object_or_404(selectors.help_points(), pk=help_point_id)
    return _point_form(request, point)


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def opening_time_add(request: HttpRequest, help_point_id: int) -> HttpResponse:
    point = get_object_or_404(HelpPoint, pk=help_point_id)
    form = OpeningTimeForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.opening_time_add(actor=request.user, help_point=point, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The opening time is added."))
            return redirect("skills:help_point_edit", help_point_id=point.pk)
    return render(
        request, "skills/coaching/manage/opening_time_form.html", {"point": point, "form": form}
    )


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def opening_time_remove(request: HttpRequest, help_point_id: int, slot_id: int) -> HttpResponse:
    slot = get_object_or_404(
        OpeningTime.objects.select_related("help_point"), pk=slot_id, help_point_id=help_point_id
    )
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        services.opening_time_remove(actor=request.user, slot=slot)
        messages.success(request, _("The opening time is removed."))
        return redirect("skills:help_point_edit", help_point_id=help_point_id)
    return render(
        request, "skills/coaching/manage/opening_time_remove.html", {"slot": slot, "form": form}
    )


@allowed_if(permissions.can_cancel_sessions)
@require_http_methods(["GET", "POST"])
def session_cancel(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.upcoming_sessions().filter(pk=session_id).first()
    if session is None or not permissions.can_cancel_session(request.user, session):
        raise Http404
    form = CancelSessionForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.session_cancel(
                actor=request.user, session=session, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The session is cancelled. Everyone who had booked gets an email."),
            )
            return redirect("skills:coaching")
    return render(
        request, "skills/coaching/session_cancel.html", {"session": session, "form": form}
    )
