"""Services of the Digicoach network: booking against capacity, cancelling, reminders, the
coach's log, problems, coach profiles and topics."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar

from samen.core.models import AuditEntry
from samen.skills import services_coaching as services
from samen.skills.calendar import booking_ics, booking_uid
from samen.skills.models_coaching import (
    Booking,
    BookingStatus,
    CoachKind,
    CoachProfile,
    ProblemStatus,
    SessionLog,
    SkillCheck,
    Topic,
    TrainingStatus,
)
from tests.factories import UserFactory
from tests.skills.factories import CoachingSessionFactory, HelpPointFactory, coach_user, topics

pytestmark = pytest.mark.django_db


def event_of(ics: bytes):  # type: ignore[no-untyped-def]
    calendar = Calendar.from_ical(ics)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1
    return calendar, events[0]


# --------------------------------------------------------------------------- booking


def test_booking_takes_a_place_and_sends_a_confirmation_with_a_calendar_file(
    django_capture_on_commit_callbacks,
):
    session = CoachingSessionFactory(capacity=2)
    person = UserFactory(email="ria@example.test")

    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_create(session=session, person=person)

    assert (booking.status, booking.sequence) == (BookingStatus.BOOKED, 0)
    assert services.places_taken(session=session) == 1
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ria@example.test"]
    assert message.subject == f"Your help session at {session.help_point.name} is booked"
    name, content, mimetype = message.attachments[0]
    assert name == "help-session.ics"
    assert mimetype.startswith("text/calendar")
    calendar, event = event_of(content.encode() if isinstance(content, str) else content)
    assert str(calendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == booking_uid(booking)


def test_a_full_session_refuses_another_booking_and_nothing_is_saved():
    session = CoachingSessionFactory(capacity=1)
    services.booking_create(session=session, person=UserFactory())

    with pytest.raises(ValidationError, match="this session is full"):
        services.booking_create(session=session, person=UserFactory())

    assert Booking.objects.filter(session=session).count() == 1


def test_booking_twice_is_refused():
    session = CoachingSessionFactory()
    person = UserFactory()
    services.booking_create(session=session, person=person)

    with pytest.raises(ValidationError, match="already booked"):
        services.booking_create(session=session, person=person)

    assert Booking.objects.filter(session=session).count() == 1


def test_a_session_that_started_or_was_cancelled_cannot_be_booked():
    started = CoachingSessionFactory(starts_at=timezone.now() - timedelta(minutes=5))
    cancelled = CoachingSessionFactory(cancelled_at=timezone.now())

    with pytest.raises(ValidationError, match="already started"):
        services.booking_create(session=started, person=UserFactory())
    with pytest.raises(ValidationError, match="cancelled"):
        services.booking_create(session=cancelled, person=UserFactory())

    assert Booking.objects.count() == 0


def test_cancelling_frees_the_place_and_the_calendar_file_becomes_a_cancel(
    django_capture_on_commit_callbacks,
):
    session = CoachingSessionFactory(capacity=1)
    booking = services.booking_create(session=session, person=UserFactory())

    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.booking_cancel(booking=booking)

    assert (cancelled.status, cancelled.sequence) == (BookingStatus.CANCELLED, 1)
    assert services.places_taken(session=session) == 0
    calendar, event = event_of(booking_ics(booking=cancelled))
    assert str(calendar["METHOD"]) == "CANCEL"
    assert (str(event["STATUS"]), event["SEQUENCE"]) == ("CANCELLED", 1)
    assert str(event["UID"]) == booking_uid(booking)
    assert mail.outbox[-1].subject.endswith("is cancelled")
    other = services.booking_create(session=session, person=UserFactory())
    assert other.is_active


def test_booking_again_after_cancelling_reuses_the_row_with_a_higher_sequence():
    session = CoachingSessionFactory()
    person = UserFactory()
    booking = services.booking_cancel(
        booking=services.booking_create(session=session, person=person)
    )

    again = services.booking_create(session=session, person=person)

    assert (again.pk, again.status, again.sequence) == (booking.pk, BookingStatus.BOOKED, 2)


def test_cancelling_twice_is_refused():
    booking = services.booking_cancel(
        booking=services.booking_create(session=CoachingSessionFactory(), person=UserFactory())
    )

    with pytest.raises(ValidationError, match="already cancelled"):
        services.booking_cancel(booking=booking)


def test_the_calendar_file_has_uid_dtstamp_times_and_place():
    starts = (timezone.now() + timedelta(days=3)).replace(microsecond=0)
    session = CoachingSessionFactory(starts_at=starts)
    booking = services.booking_create(session=session, person=UserFactory())

    calendar, event = event_of(booking_ics(booking=booking))

    assert str(calendar["VERSION"]) == "2.0"
    assert "DTSTAMP" in event
    assert event.decoded("DTSTART") == session.starts_at
    assert event.decoded("DTEND") == session.ends_at
    assert str(event["LOCATION"]) == f"{session.help_point.name}, {session.help_point.address}"
    assert event["SEQUENCE"] == 0


# --------------------------------------------------------------------------- reminders


def test_reminders_go_once_to_bookings_within_24_hours():
    soon = CoachingSessionFactory(starts_at=timezone.now() + timedelta(hours=20))
    later = CoachingSessionFactory(starts_at=timezone.now() + timedelta(hours=30))
    reminded = services.booking_create(session=soon, person=UserFactory(email="a@example.test"))
    services.booking_create(session=later, person=UserFactory())
    gone = services.booking_create(session=soon, person=UserFactory())
    services.booking_cancel(booking=gone)
    mail.outbox.clear()

    out = StringIO()
    call_command("send_session_reminders", stdout=out)
    call_command("send_session_reminders", stdout=out)

    assert out.getvalue().splitlines() == [
        "Sent 1 session reminder(s).",
        "Sent 0 session reminder(s).",
    ]
    assert [message.to for message in mail.outbox] == [["a@example.test"]]
    assert mail.outbox[0].subject.startswith("Reminder: your help session at")
    assert Booking.objects.get(pk=reminded.pk).reminder_sent is True


# --------------------------------------------------------------------------- the log


def log_kwargs(coach, **extra):  # type: ignore[no-untyped-def]
    return {
        "coach": coach,
        "help_point": HelpPointFactory(),
        "helped_on": timezone.localdate(),
        "topics": topics("Email", "Online banking"),
        "help_given": "Set up the banking app.",
        "duration_minutes": 30,
        **extra,
    }


def test_a_coach_logs_a_visit_with_topics_and_a_skill_check():
    coach = coach_user()
    check = {"stage": "first", "email": 2, "forms": 1, "safety": 2, "smartphone": 3}

    log = services.session_log_create(
        **log_kwargs(coach, visitor_token=" lib-0042 ", referral="Bank", skill_check=check)
    )

    stored = SessionLog.objects.get(pk=log.pk)
    assert sorted(stored.topics.values_list("name", flat=True)) == ["Email", "Online banking"]
    assert stored.visitor_token == "LIB-0042"
    assert SkillCheck.objects.get(log=log).total == 8


def test_a_log_needs_a_topic_and_a_past_date():
    coach = coach_user()

    with pytest.raises(ValidationError, match="at least one topic"):
        services.session_log_create(**log_kwargs(coach, topics=[]))
    with pytest.raises(ValidationError, match="future"):
        services.session_log_create(
            **log_kwargs(coach, helped_on=timezone.localdate() + timedelta(days=1))
        )

    assert SessionLog.objects.count() == 0


def test_a_coach_cannot_log_someone_elses_session():
    session = CoachingSessionFactory()

    with pytest.raises(ValidationError, match="your own sessions"):
        services.session_log_create(**log_kwargs(coach_user(), session=session))


def test_the_topic_list_is_seeded_with_the_usual_questions():
    names = set(Topic.objects.values_list("name", flat=True))

    assert {"Email", "Online banking", "eID and DigiD", "Online tax", "Video calls"} <= names
    assert {"Scams and safety", "Smartphone basics"} <= names


# --------------------------------------------------------------------------- problems


def test_a_coach_reports_a_problem_and_the_organiser_acts_on_it_with_an_audit_entry():
    coach = coach_user()
    organiser = UserFactory(roles=("staff", "organiser"))
    problem = services.problem_report(coach=coach, title="The tax form times out")

    resolved = services.problem_resolve(
        actor=organiser, problem=problem, action_taken="Reported to the tax office."
    )

    assert resolved.status == ProblemStatus.ACTED_ON
    assert resolved.acted_on_at is not None
    entry = AuditEntry.objects.get(action="skills.problem_acted_on")
    assert (entry.actor, entry.target_id, entry.reason) == (
        organiser,
        str(problem.pk),
        "Reported to the tax office.",
    )
    with pytest.raises(ValidationError, match="already marked"):
        services.problem_resolve(actor=organiser, problem=problem, action_taken="Again.")


def test_a_problem_can_only_come_from_the_coachs_own_log():
    other = services.session_log_create(**log_kwargs(coach_user()))

    with pytest.raises(ValidationError, match="your own log"):
        services.problem_report(coach=coach_user(), title="x", log=other)


# --------------------------------------------------------------------------- coordination


def test_the_coordinator_saves_a_coach_profile_with_an_audit_entry():
    organiser = UserFactory(roles=("staff", "organiser"))
    coach = coach_user()

    profile = services.coach_profile_save(
        actor=organiser,
        user=coach,
        kind=CoachKind.VOLUNTEER,
        training_status=TrainingStatus.REFRESHER_DUE,
        badges=" DigiD ,, Email ",
    )

    assert CoachProfile.objects.get(user=coach).badge_list == ["DigiD", "Email"]
    assert profile.kind == CoachKind.VOLUNTEER
    entry = AuditEntry.objects.get(action="skills.coach_profile_saved")
    assert entry.data["after"]["training_status"] == "refresher_due"


def test_only_digicoaches_get_a_coach_profile():
    with pytest.raises(ValidationError, match="Digicoach role"):
        services.coach_profile_save(
            actor=UserFactory(roles=("organiser",)),
            user=UserFactory(),
            kind=CoachKind.STAFF,
            training_status=TrainingStatus.TRAINED,
        )
    assert CoachProfile.objects.count() == 0


def test_topics_are_added_and_changed_with_an_audit_entry_and_stay_unique():
    organiser = UserFactory(roles=("staff", "organiser"))

    topic = services.topic_save(actor=organiser, name="Parking permits", position=50, active=True)
    services.topic_save(actor=organiser, topic=topic, name="Parking", position=5, active=False)

    assert Topic.objects.get(pk=topic.pk).name == "Parking"
    assert AuditEntry.objects.filter(action="skills.topic_saved").count() == 2
    with pytest.raises(ValidationError):
        services.topic_save(actor=organiser, name="Email", position=1, active=True)


def test_the_coordinator_puts_a_session_on_the_calendar_with_an_audit_entry():
    organiser = UserFactory(roles=("staff", "organiser"))
    starts = timezone.now() + timedelta(days=2)

    session = services.session_create(
        actor=organiser,
        kind="drop_in",
        help_point=HelpPointFactory(),
        coach=coach_user(),
        starts_at=starts,
        ends_at=starts + timedelta(hours=2),
        capacity=6,
    )

    assert session.capacity == 6
    assert AuditEntry.objects.get(action="skills.session_created").target_id == str(session.pk)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"coach": "resident"}, "coach"),
        ({"starts_at": -1}, "starts_at"),
        ({"ends_at": 0}, "ends_at"),
        ({"kind": "one_to_one"}, "capacity"),
    ],
)
def test_a_session_needs_a_coach_a_future_time_and_one_place_for_one_to_one(change, field):
    starts = timezone.now() + timedelta(days=2)
    kwargs = {
        "actor": UserFactory(roles=("organiser",)),
        "kind": change.get("kind", "drop_in"),
        "help_point": HelpPointFactory(),
        "coach": UserFactory() if "coach" in change else coach_user(),
        "starts_at": starts + timedelta(days=change.get("starts_at", 0) * 3),
        "ends_at": starts + timedelta(hours=change.get("ends_at", 2)),
        "capacity": 4,
    }

    with pytest.raises(ValidationError) as raised:
        services.session_create(**kwargs)

    assert field in raised.value.error_dict
    assert not AuditEntry.objects.filter(action="skills.session_created").exists()
