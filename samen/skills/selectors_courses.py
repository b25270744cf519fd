"""Reads for courses: the list with places left, one course, someone's enrolments, the
organiser's lists, attendance sheets, feedback summaries and certificates."""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Avg, Count, Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from samen.skills.models_courses import (
    Attendance,
    Audience,
    Certificate,
    Course,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
    Feedback,
)

ENROLLED = Q(enrolments__status=EnrolmentStatus.ENROLLED)
WAITLISTED = Q(enrolments__status=EnrolmentStatus.WAITLISTED)
AWAITING = Q(enrolments__status=EnrolmentStatus.AWAITING_APPROVAL)


def course_span(*, course: Course) -> tuple[datetime | None, datetime | None]:
    """When the first session starts and the last one ends (None without sessions)."""
    span = CourseSession.objects.filter(course=course).aggregate(
        start=Min("starts_at"), end=Max("ends_at")
    )
    return span["start"], span["end"]


def _annotated(queryset: QuerySet[Course]) -> QuerySet[Course]:
    return queryset.annotate(
        enrolled_count=Count("enrolments", filter=ENROLLED, distinct=True),
        waitlist_count=Count("enrolments", filter=WAITLISTED, distinct=True),
        awaiting_count=Count("enrolments", filter=AWAITING, distinct=True),
        session_count=Count("sessions", distinct=True),
        first_start=Min("sessions__starts_at"),
        last_end=Max("sessions__ends_at"),
    )


def courses(*, audience: str = "", include_unpublished: bool = False) -> list[Course]:
    """Courses with places taken, sessions and dates; upcoming first, then past ones.

    `audience` "staff" shows staff courses and courses for everyone; "residents" likewise.
    """
    queryset = Course.objects.all()
    if not include_unpublished:
        queryset = queryset.filter(published=True)
    if audience in (Audience.STAFF, Audience.RESIDENTS):
        queryset = queryset.filter(audience__in=[audience, Audience.EVERYONE])
    found = list(_annotated(queryset))
    now = timezone.now()
    upcoming = [c for c in found if c.last_end is None or c.last_end > now]
    past = [c for c in found if c.last_end is not None and c.last_end <= now]
    upcoming.sort(key=lambda c: (c.first_start is None, c.first_start or now, c.pk))
    past.sort(key=lambda c: (c.last_end, c.pk), reverse=True)
    return upcoming + past


def course(*, course_id: int) -> Course | None:
    """One course with its counts, its sessions (and speakers) and competences."""
    sessions = CourseSession.objects.select_related("internal_speaker").order_by("starts_at")
    return (
        _annotated(Course.objects.filter(pk=course_id))
        .select_related("organiser")
        .prefetch_related(
            Prefetch("sessions", queryset=sessions),
            "competences__area",
        )
        .first()
    )


def places_left(course: Course) -> int:
    """For an annotated course (from `courses` or `course`)."""
    return max(course.capacity - course.enrolled_count, 0)


def enrolment_of(*, user: Any, course: Course) -> Enrolment | None:
    if not user.is_authenticated:
        return None
    return Enrolment.objects.filter(course=course, person=user).first()


def enrolments_of(*, user: Any) -> list[Enrolment]:
    """Someone's enrolments with their course's dates, upcoming first."""
    found = list(
        Enrolment.objects.filter(person=user)
        .select_related("course", "certificate", "feedback")
        .annotate(
            first_start=Min("course__sessions__starts_at"),
            last_end=Max("course__sessions__ends_at"),
            attended=Count("attendances", filter=Q(attendances__present=True), distinct=True),
        )
    )
    now = timezone.now()
    upcoming = [e for e in found if e.last_end is None or e.last_end > now]
    past = [e for e in found if e.last_end is not None and e.last_end <= now]
    upcoming.sort(key=lambda e: (e.first_start is None, e.first_start or now, e.pk))
    past.sort(key=lambda e: (e.last_end, e.pk), reverse=True)
    return upcoming + past


def sessions_attended(*, enrolment: Enrolment) -> int:
    return Attendance.objects.filter(enrolment=enrolment, present=True).count()


def course_enrolments(*, course: Course) -> dict[str, list[Enrolment]]:
    """The organiser's view: enrolled, waiting list (in order), waiting for approval, and
    the rest (cancelled or declined), with how many sessions each person attended."""
    rows = (
        Enrolment.objects.filter(course=course)
        .select_related("person")
        .annotate(attended=Count("attendances", filter=Q(attendances__present=True)))
        .order_by("waitlist_position", "created_at", "pk")
    )
    grouped: dict[str, list[Enrolment]] = {status: [] for status in EnrolmentStatus.values}
    for row in rows:
        grouped[row.status].append(row)
    return grouped


@dataclass(frozen=True)
class SheetRow:
    enrolment: Enrolment
    present: bool | None  # None: not registered yet


def attendance_sheet(*, session: CourseSession) -> list[SheetRow]:
    """Everyone enrolled on the session's course, by name, with what was registered."""
    marks = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "present"))
    enrolled = (
        Enrolment.objects.filter(course_id=session.course_id, status=EnrolmentStatus.ENROLLED)
        .select_related("person")
        .order_by("person__display_name", "pk")
    )
    return [SheetRow(enrolment, marks.get(enrolment.pk)) for enrolment in enrolled]


@dataclass(frozen=True)
class FeedbackSummary:
    count: int
    average: float | None
    by_rating: list[tuple[int, int]]  # (rating 5…1, how many)
    comments: list[Feedback]


def feedback_summary(*, course: Course) -> FeedbackSummary:
    given = Feedback.objects.filter(enrolment__course=course)
    figures = given.aggregate(count=Count("pk"), average=Avg("rating"))
    counts = dict(given.values_list("rating").annotate(n=Count("pk")).values_list("rating", "n"))
    return FeedbackSummary(
        count=figures["count"],
        average=round(figures["average"], 1) if figures["average"] is not None else None,
        by_rating=[(rating, counts.get(rating, 0)) for rating in range(5, 0, -1)],
        comments=list(given.exclude(comments="").order_by("-created_at")),
    )


def certificate_by_code(*, code: str) -> Certificate | None:
    return Certificate.objects.filter(code=code).first() if code else None


def courses_for_competences(*, competence_ids: Iterable[int], user: Any) -> list[Course]:
    """Published, upcoming courses that train any of the competences, for "next steps"."""
    ids = list(competence_ids)
    if not ids:
        return []
    now = timezone.now()
    found = (
        Course.objects.filter(published=True, competences__in=ids)
        .annotate(first_start=Min("sessions__starts_at"))
        .filter(first_start__gt=now)
        .distinct()
        .order_by("first_start", "pk")
    )
    from samen.skills.services_courses import audience_allows

    if user.is_authenticated:
        return [
            found_course
            for found_course in found
            if audience_allows(course=found_course, person=user)
        ][:5]
    return list(found[:5])


def feed_sessions(*, user: Any) -> list[tuple[Enrolment, CourseSession]]:
    """The sessions of every course `user` is enrolled on, for their calendar feed."""
    enrolments = Enrolment.objects.filter(
        person=user, status=EnrolmentStatus.ENROLLED
    ).select_related("course", "person")
    pairs = []
    for enrolment in enrolments.prefetch_related("course__sessions"):
        pairs.extend((enrolment, session) for session in enrolment.course.sessions.all())
    return pairs


def sessions_spoken_by(*, user: Any) -> list[CourseSession]:
    """Sessions where `user` is the in-house specialist, for their attendance links."""
    return list(
        CourseSession.objects.filter(internal_speaker=user)
        .select_related("course")
        .order_by("starts_at")
    )


def organiser_courses() -> list[Course]:
    return courses(include_unpublished=True)


def courses_export(*, user: Any) -> list[dict[str, Any]]:
    """Someone's enrolments with attendance, certificate and feedback, for the account's data
    export (GDPR art. 15)."""
    enrolments = (
        Enrolment.objects.filter(person=user)
        .select_related("course", "certificate", "feedback")
        .prefetch_related("attendances__session")
        .order_by("created_at", "pk")
    )
    exported = []
    for enrolment in enrolments:
        certificate = getattr(enrolment, "certificate", None)
        feedback = getattr(enrolment, "feedback", None)
        exported.append(
            {
                "course": enrolment.course.title,
                "status": enrolment.status,
                "waitlist_position": enrolment.waitlist_position,
                "decision_reason": enrolment.decision_reason,
                "enrolled_at": enrolment.created_at.isoformat(),
                "attendance": [
                    {"session": mark.session.title, "present": mark.present}
                    for mark in enrolment.attendances.all()
                ],
                "certificate": {
                    "code": certificate.code,
                    "issued_at": certificate.issued_at.isoformat(),
                }
                if certificate
                else None,
                "feedback": {"rating": feedback.rating, "comments": feedback.comments}
                if feedback
                else None,
            }
        )
    return exported
