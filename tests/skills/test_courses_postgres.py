"""Enrolment under real concurrency: only PostgreSQL's row locks can show that capacity and
the waiting list's numbering hold."""

import threading

import pytest
from django.db import connection, connections

from samen.skills import services_courses as services
from samen.skills.models_courses import Enrolment, EnrolmentStatus
from tests.factories import UserFactory
from tests.skills.factories_courses import course_with_sessions

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL tests need DATABASE_URL=postgres://… (CI sets it)")


def _all_at_once(action, arguments) -> list[BaseException]:  # type: ignore[no-untyped-def]
    barrier = threading.Barrier(len(arguments))
    errors: list[BaseException] = []

    def run(argument) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            action(argument)
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(argument,)) for argument in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def test_thirty_simultaneous_enrolments_for_ten_places_leave_ten_enrolled_and_twenty_waiting():
    course = course_with_sessions(7, 14, capacity=10)
    people = [UserFactory() for _ in range(30)]

    errors = _all_at_once(
        lambda person: services.enrolment_create(course=course, person=person), people
    )

    assert errors == []
    enrolments = Enrolment.objects.filter(course=course)
    assert enrolments.filter(status=EnrolmentStatus.ENROLLED).count() == 10
    waiting = enrolments.filter(status=EnrolmentStatus.WAITLISTED)
    assert sorted(waiting.values_list("waitlist_position", flat=True)) == list(range(1, 21))
    # First come, first served: the waiting list follows the order of arrival.
    by_arrival = list(
        waiting.order_by("created_at", "pk").values_list("waitlist_position", flat=True)
    )
    assert by_arrival == list(range(1, 21))


def test_ten_cancellations_at_once_promote_the_first_ten_in_order():
    course = course_with_sessions(7, capacity=10)
    people = [UserFactory() for _ in range(25)]
    enrolments = [services.enrolment_create(course=course, person=person) for person in people]

    errors = _all_at_once(
        lambda enrolment: services.enrolment_cancel(enrolment=enrolment), enrolments[:10]
    )

    assert errors == []
    rows = Enrolment.objects.filter(course=course)
    enrolled = set(rows.filter(status=EnrolmentStatus.ENROLLED).values_list("person_id", flat=True))
    assert enrolled == {person.pk for person in people[10:20]}
    waiting = rows.filter(status=EnrolmentStatus.WAITLISTED).order_by("waitlist_position")
    assert list(waiting.values_list("person_id", "waitlist_position")) == [
        (person.pk, position) for position, person in enumerate(people[20:], start=1)
    ]


def test_one_person_pressing_enrol_ten_times_at_once_gets_one_enrolment():
    course = course_with_sessions(7, capacity=10)
    person = UserFactory()

    errors = _all_at_once(
        lambda _: services.enrolment_create(course=course, person=person), range(10)
    )

    assert {type(error).__name__ for error in errors} == {"ValidationError"}
    assert len(errors) == 9
    assert Enrolment.objects.filter(course=course).count() == 1
