"""Factories for the course tests. Writes that matter go through the services."""

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from samen.skills.models_courses import Audience, Course, CourseSession
from tests.factories import UserFactory


class CourseFactory(factory.django.DjangoModelFactory):
    """A published course for everyone with 5 places and no approval; add sessions with
    `with_sessions(course, …)`."""

    class Meta:
        model = Course

    title = factory.Sequence(lambda n: f"Course {n}")
    description = "Learn to work safely online."
    audience = Audience.EVERYONE
    capacity = 5
    requires_approval = False
    sessions_for_certificate = 2
    organiser = factory.SubFactory(UserFactory, roles=("staff", "organiser"))
    published = True


class CourseSessionFactory(factory.django.DjangoModelFactory):
    """A two-hour session at the town hall, a week from now."""

    class Meta:
        model = CourseSession

    course = factory.SubFactory(CourseFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=7))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=2))
    place = "Town hall, room 2"
    external_speaker = "Dr. A. Outside"


def with_sessions(course: Course, *days: float, **kwargs: Any) -> list[CourseSession]:
    """Sessions `days` from now (negative: in the past), two hours each."""
    return [
        CourseSessionFactory(
            course=course, starts_at=timezone.now() + timedelta(days=day), **kwargs
        )
        for day in days
    ]


def course_with_sessions(*days: float, **kwargs: Any) -> Course:
    course = CourseFactory(**kwargs)
    with_sessions(course, *(days or (7, 14)))
    return course


def staff_user(**kwargs: Any) -> Any:
    return UserFactory(roles=("staff",), **kwargs)
