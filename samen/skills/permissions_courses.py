"""Who may see, enrol on and organise courses, register attendance and give feedback."""

from typing import Any

from django.utils import timezone

from samen.accounts.models import Role
from samen.skills.models_courses import Course, CourseSession, Enrolment, EnrolmentStatus


def can_view_courses(user: Any) -> bool:
    """The course list is public: people decide whether to make an account by what is on."""
    return True


def can_verify_certificates(user: Any) -> bool:
    """Anyone (an employer, a school) may check a certificate's code."""
    return True


def can_manage_courses(user: Any) -> bool:
    """Organisers plan courses, decide on enrolments and see feedback."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.has_role(Role.ORGANISER)


def can_view_course(user: Any, course: Course) -> bool:
    """Published courses are public; drafts only for organisers."""
    if course.published:
        return True
    return can_manage_courses(user)


def can_enrol(user: Any) -> bool:
    """Enrolling needs an account, so places and certificates belong to someone."""
    return bool(user.is_authenticated)


def can_view_enrolment(user: Any, enrolment: Enrolment) -> bool:
    """Only the person enrolled; anyone else gets "not found"."""
    if not user.is_authenticated:
        return False
    return enrolment.person_id == user.pk


def can_cancel_enrolment(user: Any, enrolment: Enrolment, last_end: Any) -> bool:
    if not can_view_enrolment(user, enrolment):
        return False
    if not enrolment.is_open:
        return False
    return last_end is None or last_end > timezone.now()


def can_record_attendance(user: Any, session: CourseSession) -> bool:
    """Organisers, and the session's in-house specialist for their own session."""
    if can_manage_courses(user):
        return True
    if not user.is_authenticated:
        return False
    return session.internal_speaker_id == user.pk


def can_give_feedback(user: Any, enrolment: Enrolment, last_end: Any) -> bool:
    if not can_view_enrolment(user, enrolment):
        return False
    if enrolment.status != EnrolmentStatus.ENROLLED:
        return False
    return last_end is not None and last_end <= timezone.now()
