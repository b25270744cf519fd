"""Writes for courses and summer classes: enrolment with a waitlist, approval, attendance,
certificates, feedback, reminders and calendar feeds.

Enrolment is atomic against capacity: the course row is locked (`select_for_update`) while
the places taken are counted and the waiting list is numbered, and a unique constraint allows
one enrolment per person per course. Thirty people pressing "Enrol" at once for ten places
leave exactly ten enrolled and twenty on the waiting list, numbered 1 to 20. A freed place
goes to the first person on the list in the same transaction, and they get an email.
"""

import secrets
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.accounts.models import Role
from samen.core.services import audit_record
from samen.skills import emails_courses
from samen.skills.models import Competence
from samen.skills.models_courses import (
    Attendance,
    Audience,
    CalendarFeed,
    Certificate,
    Course,
    CourseSession,
    Enrolment,
    EnrolmentStatus,
    Feedback,
    ReminderSent,
)
from samen.skills.selectors_courses import course_span, sessions_attended

REMINDER_WINDOW = timedelta(hours=24)
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I: codes are typed from paper
CODE_GROUPS, CODE_GROUP_LENGTH = 3, 4


# --------------------------------------------------------------------------- enrolment


def places_taken(*, course: Course) -> int:
    return Enrolment.objects.filter(course=course, status=EnrolmentStatus.ENROLLED).count()


def audience_allows(*, course: Course, person: Any) -> bool:
    """Staff courses are for staff, resident courses for residents, the rest for everyone."""
    if course.audience == Audience.STAFF:
        return bool(person.has_role(Role.STAFF))
    if course.audience == Audience.RESIDENTS:
        return bool(person.has_role(Role.RESIDENT))
    return True


def _notify(enrolment: Enrolment, kind: str, **extra: Any) -> None:
    transaction.on_commit(
        lambda: emails_courses.send_enrolment_email(enrolment=enrolment, kind=kind, **extra)
    )


def _next_waitlist_position(course: Course) -> int:
    """One past the last place on the list. Call it only while holding the course's lock."""
    last = Enrolment.objects.filter(course=course, status=EnrolmentStatus.WAITLISTED).aggregate(
        last=Max("waitlist_position")
    )["last"]
    return (last or 0) + 1


def _seat_or_waitlist(enrolment: Enrolment, course: Course) -> None:
    """Give a place if one is free, else the next place on the waiting list (course locked)."""
    if places_taken(course=course) < course.capacity:
        enrolment.status = EnrolmentStatus.ENROLLED
        enrolment.waitlist_position = None
    else:
        enrolment.status = EnrolmentStatus.WAITLISTED
        enrolment.waitlist_position = _next_waitlist_position(course)


def _close_gap(course: Course, position: int) -> None:
    """Everyone behind `position` moves up one place (course locked)."""
    Enrolment.objects.filter(
        course=course, status=EnrolmentStatus.WAITLISTED, waitlist_position__gt=position
    ).update(waitlist_position=F("waitlist_position") - 1)


def _promote(course: Course) -> list[Enrolment]:
    """Fill free places from the head of the waiting list (course locked); each promoted
    person is emailed once the transaction commits."""
    start, _end = course_span(course=course)
    if start is None or start <= timezone.now():
        return []
    promoted = []
    free = course.capacity - places_taken(course=course)
    while free > 0:
        first = (
            Enrolment.objects.filter(course=course, status=EnrolmentStatus.WAITLISTED)
            .order_by("waitlist_position")
            .first()
        )
        if first is None:
            break
        first.status = EnrolmentStatus.ENROLLED
        first.waitlist_position = None
        first.sequence += 1
        first.updated_at = timezone.now()
        first.save(update_fields=["status", "waitlist_position", "sequence", "updated_at"])
        _close_gap(course, 1)
        _notify(first, "promoted")
        promoted.append(first)
        free -= 1
    return promoted


def _lock_open_course(course: Course) -> Course:
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if not locked.published:
        raise ValidationError(_("This course is not open for enrolment."), code="unpublished")
    start, _end = course_span(course=locked)
    if start is None:
        raise ValidationError(_("This course has no sessions yet."), code="no_sessions")
    if start <= timezone.now():
        raise ValidationError(_("This course has already started."), code="started")
    return locked


@transaction.atomic
def enrolment_create(*, course: Course, person: Any) -> Enrolment:
    """Enrol `person`: a place if one is free, else the waiting list; on a course that needs
    approval, the organiser decides first. Someone who cancelled gets their old row back."""
    locked = _lock_open_course(course)
    if not audience_allows(course=locked, person=person):
        raise ValidationError(_("This course is for another audience."), code="audience")
    existing = Enrolment.objects.filter(course=locked, person=person).first()
    if existing is not None and existing.is_open:
        raise ValidationError(_("You are already enrolled on this course."), code="twice")
    if existing is not None and existing.status == EnrolmentStatus.DECLINED:
        raise ValidationError(
            _("The organiser did not approve your enrolment on this course."), code="declined"
        )
    now = timezone.now()
    enrolment = existing or Enrolment(course=locked, person=person, created_at=now)
    if existing is not None:
        enrolment.sequence += 1
        enrolment.decision_reason = ""
    enrolment.updated_at = now
    if locked.requires_approval:
        enrolment.status = EnrolmentStatus.AWAITING_APPROVAL
        enrolment.waitlist_position = None
    else:
        _seat_or_waitlist(enrolment, locked)
    enrolment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError as exc:  # the same person, twice at once
        raise ValidationError(_("You are already enrolled on this course."), code="twice") from exc
    _notify(enrolment, enrolment.status)
    return enrolment


@transaction.atomic
def enrolment_cancel(*, enrolment: Enrolment, notify: bool = True) -> Enrolment:
    """Give up a place (or a place on the waiting list). A freed place goes to the first
    person waiting, in the same transaction. `notify=False` sends the person no email (their
    account is being erased); whoever is promoted is still told."""
    course = Course.objects.select_for_update().get(pk=enrolment.course_id)
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if not locked.is_open:
        raise ValidationError(_("This enrolment is already cancelled."), code="cancelled")
    _start, end = course_span(course=course)
    if end is not None and end <= timezone.now():
        raise ValidationError(_("This course has already ended."), code="ended")
    was = locked.status
    position = locked.waitlist_position
    locked.status = EnrolmentStatus.CANCELLED
    locked.waitlist_position = None
    locked.sequence += 1
    locked.updated_at = timezone.now()
    locked.save(update_fields=["status", "waitlist_position", "sequence", "updated_at"])
    if was == EnrolmentStatus.WAITLISTED and position is not None:
        _close_gap(course, position)
    if was == EnrolmentStatus.ENROLLED:
        _promote(course)
    if notify:
        _notify(locked, "cancelled", was_enrolled=was == EnrolmentStatus.ENROLLED)
    return locked


@transaction.atomic
def enrolment_remove(*, actor: Any, enrolment: Enrolment, reason: str) -> Enrolment:
    """The organiser takes someone off the course or its waiting list, saying why (audited).
    The person is emailed the reason; a freed place goes to the first person waiting."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say why, so the person knows.")})
    Enrolment.objects.filter(pk=enrolment.pk).update(decision_reason=reason.strip())
    removed = enrolment_cancel(enrolment=enrolment)
    audit_record(
        actor=actor,
        action="skills.enrolment_removed",
        target=removed,
        reason=reason.strip(),
        data={"course": removed.course_id, "person": removed.person_id},
    )
    return removed


@transaction.atomic
def enrolment_decide(*, actor: Any, enrolment: Enrolment, approve: bool, reason: str) -> Enrolment:
    """The organiser approves (a place, or the waiting list when full) or declines, with a
    reason the person is told (audited)."""
    course = Course.objects.select_for_update().get(pk=enrolment.course_id)
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.status != EnrolmentStatus.AWAITING_APPROVAL:
        raise ValidationError(_("This enrolment is not waiting for approval."), code="decided")
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("Say why, so the person knows.")})
    if approve:
        _seat_or_waitlist(locked, course)
        locked.sequence += 1
    else:
        locked.status = EnrolmentStatus.DECLINED
    locked.decision_reason = reason.strip()
    locked.updated_at = timezone.now()
    locked.full_clean(validate_constraints=False)
    locked.save()
    audit_record(
        actor=actor,
        action="skills.enrolment_approved" if approve else "skills.enrolment_declined",
        target=locked,
        reason=locked.decision_reason,
        data={"course": course.pk, "person": locked.person_id, "status": locked.status},
    )
    _notify(locked, "approved" if approve else "declined")
    return locked


# --------------------------------------------------------------------------- organising


@transaction.atomic
def course_save(
    *,
    actor: Any,
    course: Course | None = None,
    title: str,
    description: str,
    easy_read_text: str = "",
    audience: str,
    capacity: int,
    requires_approval: bool,
    sessions_for_certificate: int,
    published: bool,
    competences: Iterable[Competence] = (),
) -> Course:
    """Create or change a course (audited). More places let people in from the waiting list."""
    if course is not None:
        course = Course.objects.select_for_update().get(pk=course.pk)
    creating = course is None
    course = course or Course(organiser=actor)
    if course.easy_read_text != easy_read_text:
        course.easy_read_checked_by_experts = False
        course.easy_read_checked_at = None
    fields = {
        "title": title,
        "description": description,
        "easy_read_text": easy_read_text,
        "audience": audience,
        "capacity": capacity,
        "requires_approval": requires_approval,
        "sessions_for_certificate": sessions_for_certificate,
        "published": published,
    }
    for name, value in fields.items():
        setattr(course, name, value)
    course.updated_at = timezone.now()
    course.full_clean()
    course.save()
    course.competences.set(list(competences))
    promoted = [] if creating else _promote(course)
    audit_record(
        actor=actor,
        action="skills.course_created" if creating else "skills.course_changed",
        target=course,
        data={**fields, "easy_read_text": bool(easy_read_text), "promoted": len(promoted)},
    )
    return course


@transaction.atomic
def course_session_save(
    *,
    actor: Any,
    course: Course,
    session: CourseSession | None = None,
    title: str,
    starts_at: datetime,
    ends_at: datetime,
    place: str = "",
    online_url: str = "",
    internal_speaker: Any = None,
    external_speaker: str = "",
    external_organisation: str = "",
) -> CourseSession:
    """Add or change a session (audited). Calendars of everyone enrolled see the change."""
    locked = Course.objects.select_for_update().get(pk=course.pk)
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The session must end after it starts.")})
    if not place.strip() and not online_url.strip():
        raise ValidationError({"place": _("Give a place, an online link, or both.")})
    creating = session is None
    if creating and starts_at <= timezone.now():
        raise ValidationError({"starts_at": _("A new session must start in the future.")})
    session = session or CourseSession(course=locked)
    if session.course_id != locked.pk:
        raise ValidationError(_("This session belongs to another course."))
    session.title = title
    session.starts_at = starts_at
    session.ends_at = ends_at
    session.place = place.strip()
    session.online_url = online_url.strip()
    session.internal_speaker = internal_speaker
    session.external_speaker = external_speaker
    session.external_organisation = external_organisation
    session.full_clean()
    session.save()
    Enrolment.objects.filter(course=locked, status=EnrolmentStatus.ENROLLED).update(
        sequence=F("sequence") + 1
    )
    audit_record(
        actor=actor,
        action="skills.course_session_added" if creating else "skills.course_session_changed",
        target=session,
        data={
            "course": locked.pk,
            "starts_at": starts_at.isoformat(),
            "ends_at": ends_at.isoformat(),
            "internal_speaker": getattr(internal_speaker, "pk", None),
            "external_speaker": external_speaker,
        },
    )
    return session


@transaction.atomic
def attendance_record(*, actor: Any, session: CourseSession, present: Iterable[int]) -> int:
    """Register who came to a session: every enrolled person gets a row, present or not
    (audited). Returns how many were present."""
    if session.starts_at > timezone.now():
        raise ValidationError(_("Attendance can be registered once the session has started."))
    enrolled = {
        enrolment.pk: enrolment
        for enrolment in Enrolment.objects.select_for_update().filter(
            course_id=session.course_id, status=EnrolmentStatus.ENROLLED
        )
    }
    present_ids = set(present)
    if not present_ids <= set(enrolled):
        raise ValidationError(_("Only people enrolled on this course can be marked present."))
    now = timezone.now()
    for pk, enrolment in enrolled.items():
        Attendance.objects.update_or_create(
            session=session,
            enrolment=enrolment,
            defaults={"present": pk in present_ids, "recorded_by": actor, "recorded_at": now},
        )
    audit_record(
        actor=actor,
        action="skills.attendance_recorded",
        target=session,
        data={"present": len(present_ids), "enrolled": len(enrolled)},
    )
    return len(present_ids)


# --------------------------------------------------------------------------- afterwards


def certificate_code_new() -> str:
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


def certificate_code_normalise(raw: str) -> str:
    """What someone typed, as stored: capitals, grouped by hyphens; spaces ignored."""
    bare = "".join(ch for ch in raw.upper() if ch.isalnum())
    size = CODE_GROUP_LENGTH
    return "-".join(bare[index : index + size] for index in range(0, len(bare), size))


def certificate_eligible(*, enrolment: Enrolment) -> bool:
    if enrolment.status != EnrolmentStatus.ENROLLED:
        return False
    return sessions_attended(enrolment=enrolment) >= enrolment.course.sessions_for_certificate


@transaction.atomic
def certificate_issue(*, enrolment: Enrolment) -> Certificate:
    """The enrolment's certificate, issued on first request once enough sessions were attended.
    Later requests get the same certificate and code."""
    locked = Enrolment.objects.select_for_update().select_related("course", "person")
    locked = locked.get(pk=enrolment.pk)
    existing = Certificate.objects.filter(enrolment=locked).first()
    if existing is not None:
        return existing
    if not certificate_eligible(enrolment=locked):
        raise ValidationError(
            _("A certificate needs at least %(count)s sessions attended.")
            % {"count": locked.course.sessions_for_certificate},
            code="not_eligible",
        )
    certificate = Certificate(
        enrolment=locked,
        code=certificate_code_new(),
        name=locked.person.display_name,
        course_title=locked.course.title,
        sessions_attended=sessions_attended(enrolment=locked),
        sessions_total=locked.course.sessions.count(),
    )
    certificate.full_clean()
    certificate.save()
    return certificate


@transaction.atomic
def feedback_give(*, enrolment: Enrolment, rating: int, comments: str = "") -> Feedback:
    """A participant's rating and comments, once, after the course's last session."""
    locked = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if locked.status != EnrolmentStatus.ENROLLED:
        raise ValidationError(_("Only participants can give feedback."), code="not_enrolled")
    _start, end = course_span(course=locked.course)
    if end is None or end > timezone.now():
        raise ValidationError(_("You can give feedback once the course has ended."), code="early")
    if Feedback.objects.filter(enrolment=locked).exists():
        raise ValidationError(_("You have already given feedback. Thank you!"), code="twice")
    feedback = Feedback(enrolment=locked, rating=rating, comments=comments.strip())
    feedback.full_clean()
    feedback.save()
    return feedback


@transaction.atomic
def calendar_feed_renew(*, user: Any) -> CalendarFeed:
    """A new secret calendar address for `user`; the old one stops working."""
    CalendarFeed.objects.filter(user=user).delete()
    feed = CalendarFeed(user=user, token=secrets.token_urlsafe(32))
    feed.full_clean()
    feed.save()
    return feed


def courses_send_reminders(*, now: datetime | None = None) -> int:
    """Remind everyone enrolled of each session starting within 24 hours, once per session.

    The reminder row is inserted (claimed) in its own transaction before the email goes out,
    so two runs at once never send the same reminder twice.
    """
    now = now or timezone.now()
    sessions = CourseSession.objects.filter(
        course__published=True, starts_at__gt=now, starts_at__lte=now + REMINDER_WINDOW
    ).select_related("course")
    sent = 0
    for session in sessions:
        enrolments = Enrolment.objects.filter(
            course=session.course, status=EnrolmentStatus.ENROLLED
        ).select_related("person", "course")
        for enrolment in enrolments:
            try:
                with transaction.atomic():
                    ReminderSent.objects.create(enrolment=enrolment, session=session)
            except IntegrityError:
                continue
            emails_courses.send_enrolment_email(
                enrolment=enrolment, kind="reminder", session=session
            )
            sent += 1
    return sent


@transaction.atomic
def courses_erase(*, user: Any) -> int:
    """Erase someone's course data with their account (GDPR art. 17): places they hold are
    given up first, so the waiting list moves on; then their enrolments go, with attendance,
    certificates, feedback and reminders; their calendar link stops working, and sessions
    no longer name them as speaker. Returns how many enrolments were erased."""
    now = timezone.now()
    for enrolment in Enrolment.objects.filter(person=user).select_related("course"):
        _start, end = course_span(course=enrolment.course)
        if enrolment.is_open and (end is None or end > now):
            enrolment_cancel(enrolment=enrolment, notify=False)
    erased = Enrolment.objects.filter(person=user)
    count = erased.count()
    erased.delete()
    CalendarFeed.objects.filter(user=user).delete()
    CourseSession.objects.filter(internal_speaker=user).update(internal_speaker=None)
    return count
