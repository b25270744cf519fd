"""The organiser's course pages (under /manage/): courses and sessions, enrolments with the
waiting list and approvals, attendance per session and the feedback summary."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.skills import permissions_courses as permissions
from samen.skills import selectors_courses as selectors
from samen.skills import services_courses as services
from samen.skills.forms_courses import (
    AttendanceForm,
    CourseForm,
    CourseSessionForm,
    DecisionForm,
    RemoveForm,
)
from samen.skills.models_courses import (
    Course,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
)

# The service names model fields; the form asks for a day and two times, as for help sessions.
from samen.skills.views_coaching_manage import _session_errors as day_and_time_errors


@allowed_if(permissions.can_manage_courses)
def course_manage_list(request: HttpRequest) -> HttpResponse:
    found = selectors.organiser_courses()
    for course in found:
        course.places_left = selectors.places_left(course)
    return render(request, "skills/courses/manage/list.html", {"courses": found})


def _course_initial(course: Course) -> dict[str, Any]:
    return {
        "title": course.title,
        "description": course.description,
        "easy_read_text": course.easy_read_text,
        "audience": course.audience,
        "capacity": course.capacity,
        "requires_approval": course.requires_approval,
        "sessions_for_certificate": course.sessions_for_certificate,
        "published": course.published,
        "competences": list(course.competences.values_list("pk", flat=True)),
    }


def _course_form(request: HttpRequest, course: Course | None) -> HttpResponse:
    initial = (
        _course_initial(course)
        if course
        else {"audience": "staff", "capacity": 30, "sessions_for_certificate": 1}
    )
    form = CourseForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        try:
            saved = services.course_save(actor=request.user, course=course, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The course is saved."))
            return redirect("skills:course_edit", course_id=saved.pk)
    sessions = course.sessions.select_related("internal_speaker") if course else []
    return render(
        request,
        "skills/courses/manage/course_form.html",
        {"course": course, "form": form, "sessions": sessions, "now": timezone.now()},
    )


@allowed_if(permissions.can_manage_courses)
@require_http_methods(["GET", "POST"])
def course_create(request: HttpRequest) -> HttpResponse:
    return _course_form(request, None)


@allowed_if(permissions.can_manage_courses)
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, course_id: int) -> HttpResponse:
    return _course_form(request, get_object_or_404(Course, pk=course_id))


def _session_initial(session: CourseSession) -> dict[str, Any]:
    starts = timezone.localtime(session.starts_at)
    return {
        "title": session.title,
        "day": starts.date(),
        "starts": starts.time(),
        "ends": timezone.localtime(session.ends_at).time(),
        "place": session.place,
        "online_url": session.online_url,
        "internal_speaker": session.internal_speaker_id,
        "external_speaker": session.external_speaker,
        "external_organisation": session.external_organisation,
    }


def _session_form(request: HttpRequest, course: Course, session: CourseSession | None):  # type: ignore[no-untyped-def]
    initial = _session_initial(session) if session else {}
    form = CourseSessionForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        starts_at, ends_at = form.times()
        data = {k: v for k, v in form.cleaned_data.items() if k not in ("day", "starts", "ends")}
        try:
            services.course_session_save(
                actor=request.user,
                course=course,
                session=session,
                starts_at=starts_at,
                ends_at=ends_at,
                **data,
            )
        except ValidationError as exc:
            form.add_error(None, day_and_time_errors(exc))
        else:
            messages.success(request, _("The session is saved."))
            return redirect("skills:course_edit", course_id=course.pk)
    return render(
        request,
        "skills/courses/manage/session_form.html",
        {"course": course, "session": session, "form": form},
    )


@allowed_if(permissions.can_manage_courses)
@require_http_methods(["GET", "POST"])
def course_session_create(request: HttpRequest, course_id: int) -> HttpResponse:
    return _session_form(request, get_object_or_404(Course, pk=course_id), None)


@allowed_if(permissions.can_manage_courses)
@require_http_methods(["GET", "POST"])
def course_session_edit(request: HttpRequest, course_id: int, session_id: int) -> HttpResponse:
    session = get_object_or_404(
        CourseSession.objects.select_related("course"), pk=session_id, course_id=course_id
    )
    return _session_form(request, session.course, session)


@allowed_if(permissions.can_manage_courses)
def course_enrolments(request: HttpRequest, course_id: int) -> HttpResponse:
    course = selectors.course(course_id=course_id)
    if course is None:
        raise Http404
    grouped = selectors.course_enrolments(course=course)
    return render(
        request,
        "skills/courses/manage/enrolments.html",
        {
            "course": course,
            "enrolled": grouped[EnrolmentStatus.ENROLLED],
            "waitlisted": grouped[EnrolmentStatus.WAITLISTED],
            "awaiting": grouped[EnrolmentStatus.AWAITING_APPROVAL],
            "closed": grouped[EnrolmentStatus.CANCELLED] + grouped[EnrolmentStatus.DECLINED],
        },
    )


@allowed_if(permissions.can_manage_courses)
@require_http_methods(["GET", "POST"])
def enrolment_decide(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("course", "person"), pk=enrolment_id
    )
    if enrolment.status != EnrolmentStatus.AWAITING_APPROVAL:
        messages.info(request, _("This enrolment is not waiting for approval."))
        return redirect("skills:course_enrolments", course_id=enrolment.course_id)
    form = DecisionForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            decided = services.enrolment_decide(
                actor=request.user,
                enrolment=enrolment,
                approve=form.cleaned_data["decision"] == "approve",
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("The decision is saved and %(name)s gets an email: %(status)s.")
                % {"name": decided.person.display_name, "status": decided.get_status_display()},
            )
            return redirect("skills:course_enrolments", course_id=enrolment.course_id)
    return render(
        request, "skills/courses/manage/decide.html", {"enrolment": enrolment, "form": form}
    )


@allowed_if(permissions.can_manage_courses)
@require_http_methods(["GET", "POST"])
def enrolment_remove(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("course", "person"), pk=enrolment_id
    )
    if enrolment.status not in (EnrolmentStatus.ENROLLED, EnrolmentStatus.WAITLISTED):
        messages.info(request, _("This person has no place and is not on the waiting list."))
        return redirect("skills:course_enrolments", course_id=enrolment.course_id)
    form = RemoveForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.enrolment_remove(
                actor=request.user, enrolment=enrolment, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("%(name)s is taken off the course and gets an email.")
                % {"name": enrolment.person.display_name},
            )
            return redirect("skills:course_enrolments", course_id=enrolment.course_id)
    return render(
        request, "skills/courses/manage/remove.html", {"enrolment": enrolment, "form": form}
    )


@allowed_if(permissions.can_enrol)
@require_http_methods(["GET", "POST"])
def course_attendance(request: HttpRequest, session_id: int) -> HttpResponse:
    """One form, one check box per person: works by keyboard and without JavaScript."""
    session = get_object_or_404(CourseSession.objects.select_related("course"), pk=session_id)
    if not permissions.can_record_attendance(request.user, session):
        raise PermissionDenied
    sheet = selectors.attendance_sheet(session=session)
    enrolments = [row.enrolment for row in sheet]
    initial = {"present": [row.enrolment.pk for row in sheet if row.present]}
    form = AttendanceForm(posted(request), enrolments=enrolments, initial=initial)
    started = session.starts_at <= timezone.now()
    if form.is_bound and form.is_valid():
        try:
            count = services.attendance_record(
                actor=request.user, session=session, present=form.cleaned_data["present"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request,
                _("Attendance is saved: %(present)s of %(enrolled)s present.")
                % {"present": count, "enrolled": len(enrolments)},
            )
            return redirect("skills:course_attendance", session_id=session.pk)
    return render(
        request,
        "skills/courses/manage/attendance.html",
        {
            "session": session,
            "form": form,
            "sheet": sheet,
            "started": started,
            "registered": any(row.present is not None for row in sheet),
        },
    )


@allowed_if(permissions.can_manage_courses)
def course_feedback_summary(request: HttpRequest, course_id: int) -> HttpResponse:
    course = get_object_or_404(Course, pk=course_id)
    return render(
        request,
        "skills/courses/manage/feedback.html",
        {"course": course, "summary": selectors.feedback_summary(course=course)},
    )
