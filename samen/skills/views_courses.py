"""Course pages for residents and staff: the list, a course, enrolling, "my courses",
certificates and their public verification, feedback and calendar files."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.skills import calendar_courses, pdf_courses
from samen.skills import permissions_courses as permissions
from samen.skills import selectors_courses as selectors
from samen.skills import services_courses as services
from samen.skills.forms import ConfirmForm
from samen.skills.forms_courses import FeedbackForm, VerifyForm
from samen.skills.models_courses import Audience, CalendarFeed, Enrolment, Feedback

AUDIENCE_FILTERS = (
    ("", _("All courses")),
    (Audience.STAFF, _("For staff")),
    (Audience.RESIDENTS, _("For residents")),
)


def _calendar_response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@allowed_if(permissions.can_view_courses)
def course_list(request: HttpRequest) -> HttpResponse:
    audience = request.GET.get("audience", "")
    if audience not in (Audience.STAFF, Audience.RESIDENTS):
        audience = ""
    found = selectors.courses(audience=audience)
    for course in found:
        course.places_left = selectors.places_left(course)
    return render(
        request,
        "skills/courses/list.html",
        {
            "courses": found,
            "audience": audience,
            "filters": [(value, str(label)) for value, label in AUDIENCE_FILTERS],
            "now": timezone.now(),
        },
    )


def _visible_course(request: HttpRequest, course_id: int):  # type: ignore[no-untyped-def]
    course = selectors.course(course_id=course_id)
    if course is None or not permissions.can_view_course(request.user, course):
        raise Http404
    course.places_left = selectors.places_left(course)
    return course


@allowed_if(permissions.can_view_courses)
def course_detail(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _visible_course(request, course_id)
    enrolment = selectors.enrolment_of(user=request.user, course=course)
    now = timezone.now()
    return render(
        request,
        "skills/courses/detail.html",
        {
            "course": course,
            "enrolment": enrolment,
            "open": course.first_start is not None and course.first_start > now,
            "audience_fits": not request.user.is_authenticated
            or services.audience_allows(course=course, person=request.user),
            "can_manage": permissions.can_manage_courses(request.user),
        },
    )


@allowed_if(permissions.can_view_courses)
def course_calendar(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _visible_course(request, course_id)
    return _calendar_response(calendar_courses.course_ics(course=course), f"course-{course.pk}.ics")


@allowed_if(permissions.can_enrol)
@require_http_methods(["GET", "POST"])
def course_enrol(request: HttpRequest, course_id: int) -> HttpResponse:
    course = _visible_course(request, course_id)
    existing = selectors.enrolment_of(user=request.user, course=course)
    if existing is not None and existing.is_open:
        messages.info(request, _("You are already enrolled on this course."))
        return redirect("skills:my_courses")
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            enrolment = services.enrolment_create(course=course, person=request.user)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _enrolled_message(enrolment))
            return redirect("skills:my_courses")
    return render(request, "skills/courses/enrol.html", {"course": course, "form": form})


def _enrolled_message(enrolment: Enrolment) -> str:
    if enrolment.is_enrolled:
        return _("You are enrolled. We have sent you an email with a calendar file.")
    if enrolment.waitlist_position is not None:
        return _(
            "The course is full, so you are on the waiting list, at place %(position)s. "
            "We email you as soon as a place is yours."
        ) % {"position": enrolment.waitlist_position}
    return _("Thank you. The organiser will look at your enrolment and we will email you.")


def _mine_context(request: HttpRequest, form: ConfirmForm) -> dict[str, object]:
    enrolments = selectors.enrolments_of(user=request.user)
    for enrolment in enrolments:
        enrolment.can_cancel = permissions.can_cancel_enrolment(
            request.user, enrolment, enrolment.last_end
        )
        enrolment.can_feedback = permissions.can_give_feedback(
            request.user, enrolment, enrolment.last_end
        ) and not hasattr(enrolment, "feedback")
        enrolment.can_certificate = (
            enrolment.is_enrolled
            and enrolment.attended >= enrolment.course.sessions_for_certificate
        )
    feed = CalendarFeed.objects.filter(user=request.user).first()
    feed_url = ""
    if feed is not None:
        path = reverse("skills:calendar_feed", kwargs={"token": feed.token})
        feed_url = request.build_absolute_uri(path)
    return {
        "enrolments": enrolments,
        "now": timezone.now(),
        "feed_url": feed_url,
        "speaking": selectors.sessions_spoken_by(user=request.user),
        "form": form,
    }


@allowed_if(permissions.can_enrol)
def my_courses(request: HttpRequest) -> HttpResponse:
    return render(request, "skills/courses/mine.html", _mine_context(request, ConfirmForm()))


def _own_enrolment(request: HttpRequest, enrolment_id: int) -> Enrolment:
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("course", "person"), pk=enrolment_id
    )
    if not permissions.can_view_enrolment(request.user, enrolment):
        raise Http404
    return enrolment


@allowed_if(permissions.can_enrol)
@require_http_methods(["GET", "POST"])
def enrolment_cancel(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(request, enrolment_id)
    _start, end = selectors.course_span(course=enrolment.course)
    if not permissions.can_cancel_enrolment(request.user, enrolment, end):
        messages.info(request, _("This enrolment can no longer be cancelled."))
        return redirect("skills:my_courses")
    form = ConfirmForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.enrolment_cancel(enrolment=enrolment)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your enrolment is cancelled."))
            return redirect("skills:my_courses")
    return render(request, "skills/courses/cancel.html", {"enrolment": enrolment, "form": form})


@allowed_if(permissions.can_enrol)
def enrolment_calendar(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(request, enrolment_id)
    content = calendar_courses.enrolment_ics(enrolment=enrolment)
    return _calendar_response(content, f"course-{enrolment.course_id}.ics")


@allowed_if(permissions.can_enrol)
def certificate_pdf(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(request, enrolment_id)
    try:
        certificate = services.certificate_issue(enrolment=enrolment)
    except ValidationError as exc:
        messages.info(request, exc.messages[0])
        return redirect("skills:my_courses")
    verify_url = request.build_absolute_uri(reverse("skills:certificate_verify"))
    document = pdf_courses.certificate_pdf(
        certificate=certificate, verify_url=verify_url, language=get_language()
    )
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificate-{certificate.code}.pdf"'
    return response


@allowed_if(permissions.can_enrol)
@require_http_methods(["GET", "POST"])
def course_feedback(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    enrolment = _own_enrolment(request, enrolment_id)
    _start, end = selectors.course_span(course=enrolment.course)
    if not permissions.can_give_feedback(request.user, enrolment, end):
        messages.info(request, _("You can give feedback once the course has ended."))
        return redirect("skills:my_courses")
    if Feedback.objects.filter(enrolment=enrolment).exists():
        messages.info(request, _("You have already given feedback. Thank you!"))
        return redirect("skills:my_courses")
    form = FeedbackForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.feedback_give(enrolment=enrolment, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Thank you for your feedback."))
            return redirect("skills:my_courses")
    return render(request, "skills/courses/feedback.html", {"enrolment": enrolment, "form": form})


@allowed_if(permissions.can_verify_certificates)
@require_http_methods(["GET", "POST"])
def certificate_verify(request: HttpRequest) -> HttpResponse:
    """Public: confirms a certificate's name, course and date, or says the code is unknown.

    The page's own form uses GET, so the QR code on a certificate can link straight to the
    answer (?code=…); a POST is answered the same way."""
    data = request.POST if request.method == "POST" else request.GET
    form = VerifyForm(data if "code" in data or request.method == "POST" else None)
    certificate = None
    checked = False
    if form.is_bound and form.is_valid():
        code = services.certificate_code_normalise(form.cleaned_data["code"])
        certificate = selectors.certificate_by_code(code=code)
        checked = True
    return render(
        request,
        "skills/courses/verify.html",
        {"form": form, "certificate": certificate, "checked": checked},
    )


def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    """The secret feed: the link is the key, so calendar apps subscribe without logging in."""
    feed = CalendarFeed.objects.filter(token=token).select_related("user").first()
    if feed is None:
        raise Http404
    content = calendar_courses.feed_ics(
        pairs=selectors.feed_sessions(user=feed.user), name=_("My courses")
    )
    return _calendar_response(content, "my-courses.ics")


@require_POST
@allowed_if(permissions.can_enrol)
def calendar_feed_renew(request: HttpRequest) -> HttpResponse:
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return render(request, "skills/courses/mine.html", _mine_context(request, form))
    services.calendar_feed_renew(user=request.user)
    messages.success(
        request, _("Your calendar link is ready. Any link you had before no longer works.")
    )
    return redirect("skills:my_courses")


def next_step_courses(*, request: HttpRequest, lines: list[Any]) -> list[dict[str, Any]]:
    """Upcoming courses that train the competences a self-assessment found weakest, for the
    result's "next steps" (absolute links, so the PDF's links work too)."""
    from samen.skills.presentation import WEAK_BELOW

    weak = [
        competence_line.competence.pk
        for line in lines
        for competence_line in line.competences
        if competence_line.level < WEAK_BELOW
    ]
    return [
        {
            "title": course.title,
            "starts": course.first_start,
            "url": request.build_absolute_uri(reverse("skills:course_detail", args=[course.pk])),
        }
        for course in selectors.courses_for_competences(competence_ids=weak, user=request.user)
    ]
