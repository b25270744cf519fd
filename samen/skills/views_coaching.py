"""Digicoach pages for residents, staff and coaches: help points, booking, the coach's log."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.skills import permissions_coaching as permissions
from samen.skills import selectors_coaching as selectors
from samen.skills import services_coaching as services
from samen.skills.calendar import booking_ics
from samen.skills.forms import ConfirmForm
from samen.skills.forms_coaching import ProblemForm, SessionLogForm
from samen.skills.models_coaching import Booking, SessionLog


@allowed_if(permissions.can_view_help_points)
def coaching_index(request: HttpRequest) -> HttpResponse:
    sessions = list(selectors.upcoming_sessions())
    return render(
        request,
        "skills/coaching/index.html",
        {
            "help_points": selectors.help_points(),
            "sessions": sessions,
            "booked": selectors.active_session_ids(user=request.user),
            "can_coach": permissions.can_coach(request.user),
            "cancellable": {
                session.pk
                for session in sessions
                if permissions.can_cancel_session(request.user, session)
            },
        },
    )


@allowed_if(permissions.can_book)
@require_http_methods(["GET", "POST"])
def book(request: HttpRequest, session_id: int) -> HttpResponse:
    session = selectors.session_with_places(session_id=session_id)
    if session is None or not permissions.can_book_session(request.user, session):
        raise Http404
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.booking_create(session=session, person=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Your place is booked. We have sent you an email with a calendar file."),
            )
            return redirect("skills:booking_list")
    return render(request, "skills/coaching/book.html", {"session": session, "form": form})


@allowed_if(permissions.can_book)
def booking_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "skills/coaching/bookings.html",
        {"bookings": selectors.bookings_of(user=request.user), "now": timezone.now()},
    )


def _own_booking(request: HttpRequest, booking_id: int) -> Booking:
    booking = get_object_or_404(
        Booking.objects.select_related("session__help_point", "person"), pk=booking_id
    )
    if not permissions.can_view_booking(request.user, booking):
        raise Http404
    return booking


@allowed_if(permissions.can_book)
@require_http_methods(["GET", "POST"])
def booking_cancel(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = _own_booking(request, booking_id)
    if not permissions.can_cancel_booking(request.user, booking):
        messages.info(request, _("This booking can no longer be cancelled."))
        return redirect("skills:booking_list")
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.booking_cancel(booking=booking)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your booking is cancelled. Your place is free again."))
            return redirect("skills:booking_list")
    return render(request, "skills/coaching/cancel.html", {"booking": booking, "form": form})


@allowed_if(permissions.can_book)
def booking_calendar(request: HttpRequest, booking_id: int) -> HttpResponse:
    booking = _own_booking(request, booking_id)
    response = HttpResponse(booking_ics(booking=booking), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="help-session-{booking.pk}.ics"'
    return response


@allowed_if(permissions.can_coach)
def log_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "skills/coaching/log_list.html",
        {"logs": selectors.coach_logs(coach=request.user)[:50]},
    )


@allowed_if(permissions.can_coach)
@require_http_methods(["GET", "POST"])
def log_create(request: HttpRequest) -> HttpResponse:
    form = SessionLogForm(
        posted(request), coach=request.user, initial={"helped_on": timezone.localdate()}
    )
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        try:
            services.session_log_create(
                coach=request.user,
                help_point=data["help_point"],
                session=data["session"],
                helped_on=data["helped_on"],
                topics=data["topics"],
                organisation=data["organisation"],
                help_given=data["help_given"],
                duration_minutes=data["duration_minutes"],
                referral=data["referral"],
                person=data["person_email"],
                visitor_token=data["visitor_token"],
                skill_check=form.skill_check(),
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. The visit is in your log."))
            return redirect("skills:log_list")
    return render(request, "skills/coaching/log_form.html", {"form": form})


@allowed_if(permissions.can_coach)
@require_http_methods(["GET", "POST"])
def problem_create(request: HttpRequest) -> HttpResponse:
    log = None
    log_id = request.GET.get("log", "")
    if log_id.isdigit():
        log = SessionLog.objects.filter(pk=int(log_id), coach=request.user).first()
    form = ProblemForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.problem_report(coach=request.user, log=log, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you. The coordinator will look at this problem."))
            return redirect("skills:log_list")
    return render(request, "skills/coaching/problem_form.html", {"form": form, "log": log})
