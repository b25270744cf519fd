"""Booking under real concurrency: only PostgreSQL's row locks can show the capacity holds."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from samen.skills import services_coaching as services
from samen.skills.models_coaching import Booking, BookingStatus
from tests.factories import UserFactory
from tests.skills.factories import CoachingSessionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _require_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL tests need DATABASE_URL=postgres://… (CI sets it)")


def test_thirty_simultaneous_bookings_for_ten_places_leave_exactly_ten():
    session = CoachingSessionFactory(capacity=10)
    people = [UserFactory() for _ in range(30)]
    barrier = threading.Barrier(len(people))
    refused: list[str] = []
    errors: list[BaseException] = []

    def book(person) -> None:  # type: ignore[no-untyped-def]
        try:
            barrier.wait()
            services.booking_create(session=session, person=person)
        except ValidationError as exc:
            refused.append(exc.messages[0])
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Booking.objects.filter(session=session, status=BookingStatus.BOOKED).count() == 10
    assert refused == ["Sorry, this session is full."] * 20


def test_one_person_pressing_book_ten_times_at_once_gets_one_place():
    session = CoachingSessionFactory(capacity=10)
    person = UserFactory()
    barrier = threading.Barrier(10)
    errors: list[BaseException] = []

    def book() -> None:
        try:
            barrier.wait()
            services.booking_create(session=session, person=person)
        except ValidationError:
            pass
        except BaseException as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=book) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Booking.objects.filter(session=session).count() == 1
