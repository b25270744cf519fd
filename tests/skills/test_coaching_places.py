"""Help points and opening times managed by organisers, and cancelling a help session."""

from datetime import time, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.core.models import AuditEntry
from samen.skills import services_coaching
from samen.skills import services_coaching_manage as services
from samen.skills.models_coaching import Booking, BookingStatus, HelpPoint, OpeningTime
from tests.factories import UserFactory
from tests.skills.factories import CoachingSessionFactory, HelpPointFactory, coach_user

pytestmark = pytest.mark.django_db


def test_the_organiser_adds_a_help_point_with_an_opening_time(client, organiser):
    created = client.post(
        reverse("skills:help_point_create"),
        {
            "name": "Community centre De Linde",
            "address": "Lindelaan 4, Lindeveld",
            "accessibility": "Step-free entrance.",
            "easy_read_text": "Come here for help with your phone.",
        },
    )
    point = HelpPoint.objects.get()
    added = client.post(
        reverse("skills:opening_time_add", args=[point.pk]),
        {"weekday": "2", "opens": "09:30", "closes": "12:00"},
    )

    assert created["Location"] == reverse("skills:help_point_edit", args=[point.pk])
    assert added["Location"] == reverse("skills:help_point_edit", args=[point.pk])
    assert (point.accessibility, point.easy_read_text) == (
        "Step-free entrance.",
        "Come here for help with your phone.",
    )
    assert list(OpeningTime.objects.values_list("weekday", "opens", "closes")) == [
        (2, time(9, 30), time(12))
    ]
    public = client.get(reverse("skills:coaching")).content.decode()
    assert "Community centre De Linde" in public
    assert "<li>Wednesday: 9:30 a.m.\N{EN DASH}noon</li>" in public
    assert list(
        AuditEntry.objects.filter(actor=organiser).order_by("pk").values_list("action", flat=True)
    ) == [
        "skills.help_point_saved",
        "inclusion.easy_read_text_set",
        "skills.opening_time_added",
    ]


def test_an_overlapping_opening_time_is_refused_on_the_opening_field(client, organiser):
    point = HelpPointFactory()
    services.opening_time_add(
        actor=organiser, help_point=point, weekday=1, opens=time(10), closes=time(12)
    )

    response = client.post(
        reverse("skills:opening_time_add", args=[point.pk]),
        {"weekday": "1", "opens": "11:00", "closes": "13:00"},
    )

    assert response.status_code == 200
    assert "This overlaps another opening time on the same day." in response.content.decode()
    assert OpeningTime.objects.count() == 1


def test_closing_before_opening_is_refused(organiser):
    with pytest.raises(ValidationError, match="closing time must be after"):
        services.opening_time_add(
            actor=organiser,
            help_point=HelpPointFactory(),
            weekday=1,
            opens=time(12),
            closes=time(9),
        )


def test_the_organiser_removes_an_opening_time(client, organiser):
    point = HelpPointFactory()
    slot = services.opening_time_add(
        actor=organiser, help_point=point, weekday=4, opens=time(13), closes=time(15)
    )

    response = client.post(reverse("skills:opening_time_remove", args=[point.pk, slot.pk]))

    assert response["Location"] == reverse("skills:help_point_edit", args=[point.pk])
    assert OpeningTime.objects.count() == 0
    entry = AuditEntry.objects.get(action="skills.opening_time_removed")
    assert entry.data == {"weekday": 4, "opens": "13:00:00", "closes": "15:00:00"}


def test_the_coach_cancels_a_session_and_everyone_booked_is_told_why(
    client, django_capture_on_commit_callbacks
):
    session = CoachingSessionFactory(capacity=3)
    ria = UserFactory(email="ria@example.test")
    kees = UserFactory(email="kees@example.test")
    left = UserFactory(email="left@example.test")
    for person in (ria, kees, left):
        services_coaching.booking_create(session=session, person=person)
    services_coaching.booking_cancel(booking=Booking.objects.get(person=left))
    client.force_login(session.coach)
    index = client.get(reverse("skills:coaching")).content.decode()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("skills:session_cancel", args=[session.pk]),
            {"reason": "The coach is ill & the library has no stand-in."},
        )

    assert reverse("skills:session_cancel", args=[session.pk]) in index
    assert response["Location"] == reverse("skills:coaching")
    session.refresh_from_db()
    assert session.cancelled_at is not None
    assert session.cancellation_reason == "The coach is ill & the library has no stand-in."
    assert sorted(Booking.objects.values_list("person__email", "status", "sequence")) == [
        ("kees@example.test", BookingStatus.CANCELLED, 1),
        ("left@example.test", BookingStatus.CANCELLED, 1),
        ("ria@example.test", BookingStatus.CANCELLED, 1),
    ]
    assert sorted(message.to[0] for message in mail.outbox) == [
        "kees@example.test",
        "ria@example.test",
    ]
    body = mail.outbox[0].body
    assert "The session itself is cancelled. The reason: The coach is ill" in body
    ics = mail.outbox[0].attachments[0]
    calendar = Calendar.from_ical(ics[1])
    assert calendar["METHOD"] == "CANCEL"
    entry = AuditEntry.objects.get(action="skills.session_cancelled")
    assert (entry.actor, entry.data) == (session.coach, {"bookings_freed": 2})
    public = client.get(reverse("skills:coaching")).content.decode()
    assert reverse("skills:book", args=[session.pk]) not in public


def test_another_coach_cannot_cancel_someone_elses_session(client):
    session = CoachingSessionFactory()
    client.force_login(coach_user())

    assert client.get(reverse("skills:session_cancel", args=[session.pk])).status_code == 404
    response = client.post(
        reverse("skills:session_cancel", args=[session.pk]), {"reason": "Mine now."}
    )
    assert response.status_code == 404
    session.refresh_from_db()
    assert session.cancelled_at is None


def test_a_resident_cannot_reach_the_cancel_page(client):
    session = CoachingSessionFactory()
    client.force_login(UserFactory())

    assert client.get(reverse("skills:session_cancel", args=[session.pk])).status_code == 403


def test_an_organiser_cancels_any_session_but_not_twice_or_once_started(organiser):
    session = CoachingSessionFactory()
    services.session_cancel(actor=organiser, session=session, reason="Building closed.")

    with pytest.raises(ValidationError, match="already cancelled"):
        services.session_cancel(actor=organiser, session=session, reason="Again.")
    started = CoachingSessionFactory(starts_at=timezone.now() - timedelta(minutes=5))
    with pytest.raises(ValidationError, match="already started"):
        services.session_cancel(actor=organiser, session=started, reason="Too late.")


def test_a_cancellation_needs_a_reason(client):
    session = CoachingSessionFactory()
    client.force_login(session.coach)

    response = client.post(reverse("skills:session_cancel", args=[session.pk]), {"reason": " "})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    session.refresh_from_db()
    assert session.cancelled_at is None
