"""The Digicoach pages over HTTP: booking, cancelling, the calendar file, the coach's log,
problems, the coordinator's pages, who may open what, and query counts on lists."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from samen.core.models import AuditEntry
from samen.skills import services_coaching as services
from samen.skills.models_coaching import (
    Booking,
    BookingStatus,
    CoachingSession,
    CoachProfile,
    ProblemStatus,
    RecurringProblem,
    SessionLog,
    Topic,
)
from tests.factories import UserFactory
from tests.skills.factories import CoachingSessionFactory, HelpPointFactory, coach_user, topics

pytestmark = pytest.mark.django_db


@pytest.fixture
def organiser(client, login_verified):  # type: ignore[no-untyped-def]
    user = UserFactory(roles=("staff", "organiser"))
    login_verified(client, user)
    return user


def test_a_resident_books_a_session_gets_an_email_and_cancels(
    client, django_capture_on_commit_callbacks
):
    session = CoachingSessionFactory(capacity=3)
    resident = UserFactory(email="ria@example.test")
    client.force_login(resident)

    index = client.get(reverse("skills:coaching")).content.decode()
    assert reverse("skills:book", args=[session.pk]) in index
    page = client.get(reverse("skills:book", args=[session.pk]))
    assert "Confirm booking" in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        booked = client.post(reverse("skills:book", args=[session.pk]))

    assert booked["Location"] == reverse("skills:booking_list")
    booking = Booking.objects.get(person=resident)
    assert booking.status == BookingStatus.BOOKED
    assert [message.to for message in mail.outbox] == [["ria@example.test"]]
    listing = client.get(reverse("skills:booking_list")).content.decode()
    assert "Your place is booked." in listing

    ics = client.get(reverse("skills:booking_calendar", args=[booking.pk]))
    assert ics["Content-Type"] == "text/calendar"
    assert str(Calendar.from_ical(ics.content)["METHOD"]) == "REQUEST"

    cancelled = client.post(reverse("skills:booking_cancel", args=[booking.pk]))
    assert cancelled["Location"] == reverse("skills:booking_list")
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED
    again = client.get(reverse("skills:booking_calendar", args=[booking.pk]))
    assert str(Calendar.from_ical(again.content)["METHOD"]) == "CANCEL"


def test_booking_a_full_session_shows_the_reason_and_books_nothing(client):
    session = CoachingSessionFactory(capacity=1)
    services.booking_create(session=session, person=UserFactory())
    client.force_login(UserFactory())

    response = client.post(reverse("skills:book", args=[session.pk]))

    assert response.status_code == 200
    assert "Sorry, this session is full." in response.content.decode()
    assert Booking.objects.filter(session=session).count() == 1


def test_booking_needs_an_account(client):
    session = CoachingSessionFactory()

    response = client.post(reverse("skills:book", args=[session.pk]))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))
    assert Booking.objects.count() == 0


def test_someone_elses_booking_is_not_found(client):
    booking = services.booking_create(session=CoachingSessionFactory(), person=UserFactory())
    client.force_login(UserFactory())

    assert client.get(reverse("skills:booking_calendar", args=[booking.pk])).status_code == 404
    assert client.post(reverse("skills:booking_cancel", args=[booking.pk])).status_code == 404
    assert Booking.objects.get(pk=booking.pk).is_active


def test_a_past_session_is_not_bookable(client):
    session = CoachingSessionFactory(starts_at=timezone.now() - timedelta(hours=1))
    client.force_login(UserFactory())

    assert client.get(reverse("skills:book", args=[session.pk])).status_code == 404


def test_a_coach_logs_a_visit_with_a_skill_check_and_reports_a_problem(client):
    coach = coach_user()
    point = HelpPointFactory()
    client.force_login(coach)
    email, banking = topics("Email", "Online banking")

    saved = client.post(
        reverse("skills:log_create"),
        {
            "help_point": point.pk,
            "helped_on": timezone.localdate().isoformat(),
            "topics": [email.pk, banking.pk],
            "organisation": "Bank",
            "help_given": "Installed the app.",
            "duration_minutes": "40",
            "visitor_token": "lib-7",
            "check_stage": "first",
            "check_email": "2",
            "check_forms": "1",
            "check_safety": "2",
            "check_smartphone": "3",
        },
    )

    assert saved["Location"] == reverse("skills:log_list")
    log = SessionLog.objects.get(coach=coach)
    assert log.skill_check.total == 8
    listing = client.get(reverse("skills:log_list")).content.decode()
    assert "Thank you. The visit is in your log." in listing
    problem_url = reverse("skills:problem_create") + f"?log={log.pk}"
    reported = client.post(problem_url, {"title": "The bank app needs a new phone"})
    assert reported["Location"] == reverse("skills:log_list")
    assert RecurringProblem.objects.get().log == log


def log_payload(**extra: str) -> dict[str, object]:
    """A valid log post with one topic, plus `extra`."""
    (email,) = topics("Email")
    return {
        "help_point": HelpPointFactory().pk,
        "helped_on": timezone.localdate().isoformat(),
        "topics": [email.pk],
        "help_given": "Helped.",
        "duration_minutes": "10",
        **extra,
    }


def test_a_half_filled_skill_check_is_refused_with_linked_messages(client):
    client.force_login(coach_user())

    response = client.post(reverse("skills:log_create"), log_payload(check_email="2"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Say whether this is the first contact or later." in html
    assert SessionLog.objects.count() == 0


def test_an_unknown_person_email_is_refused(client):
    client.force_login(coach_user())

    response = client.post(
        reverse("skills:log_create"), log_payload(person_email="nobody@example.test")
    )

    assert "Nobody has an account with this email address." in response.content.decode()
    assert SessionLog.objects.count() == 0


@pytest.mark.parametrize(
    "name",
    ["skills:log_list", "skills:log_create", "skills:problem_create"],
)
def test_coach_pages_are_for_digicoaches_only(client, name):
    client.force_login(UserFactory(roles=("staff",)))

    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize(
    "name", ["skills:coaching_dashboard", "skills:coach_list", "skills:topic_list"]
)
def test_coordinator_pages_are_for_organisers_only(client, login_verified, name):
    login_verified(client, coach_user())

    assert client.get(reverse(name)).status_code == 403


def test_the_organiser_acts_on_a_problem_from_the_dashboard(client, organiser):
    problem = services.problem_report(coach=coach_user(), title="Form times out")

    dashboard = client.get(reverse("skills:coaching_dashboard")).content.decode()
    assert "Form times out" in dashboard
    done = client.post(
        reverse("skills:problem_resolve", args=[problem.pk]), {"action_taken": "Fixed it."}
    )

    assert done["Location"] == reverse("skills:coaching_dashboard")
    assert RecurringProblem.objects.get().status == ProblemStatus.ACTED_ON
    assert AuditEntry.objects.filter(action="skills.problem_acted_on").count() == 1


def test_the_organiser_edits_a_coach_profile_and_a_topic(client, organiser):
    coach = coach_user(display_name="Chantal")

    listing = client.get(reverse("skills:coach_list")).content.decode()
    assert "Chantal" in listing and "No profile yet" in listing
    saved = client.post(
        reverse("skills:coach_edit", args=[coach.pk]),
        {"kind": "volunteer", "training_status": "trained", "badges": "DigiD"},
    )
    assert saved["Location"] == reverse("skills:coach_list")
    assert CoachProfile.objects.get(user=coach).badge_list == ["DigiD"]
    assert client.get(reverse("skills:coach_edit", args=[UserFactory().pk])).status_code == 404

    topic = Topic.objects.get(name="Video calls")
    changed = client.post(
        reverse("skills:topic_edit", args=[topic.pk]), {"name": "Video calling", "position": "3"}
    )
    assert changed["Location"] == reverse("skills:topic_list")
    topic.refresh_from_db()
    assert (topic.name, topic.active) == ("Video calling", False)
    added = client.post(reverse("skills:topic_list"), {"name": "Parking", "position": "99"})
    assert added["Location"] == reverse("skills:topic_list")
    duplicate = client.post(reverse("skills:topic_list"), {"name": "Email", "position": "1"})
    assert duplicate.status_code == 200
    assert Topic.objects.filter(name="Email").count() == 1


def test_the_dashboard_counts_sessions_per_coach_place_and_topic_and_unique_people(
    client, organiser
):
    coach = coach_user(display_name="Chantal")
    library = HelpPointFactory(name="Library")
    person = UserFactory()
    for token, who in (("A-1", None), ("A-1", None), ("", person), ("", person), ("B-2", None)):
        services.session_log_create(
            coach=coach,
            help_point=library,
            helped_on=timezone.localdate(),
            topics=topics("Email"),
            help_given="Helped.",
            duration_minutes=20,
            visitor_token=token,
            person=who,
        )

    response = client.get(reverse("skills:coaching_dashboard"))

    figures = response.context["figures"]
    assert (figures.total, figures.people) == (5, 3)
    assert [(row.label, row.sessions, row.minutes) for row in figures.by_coach] == [
        ("Chantal", 5, 100)
    ]
    assert [(row.label, row.sessions) for row in figures.by_place] == [("Library", 5)]
    assert [(row.label, row.sessions) for row in figures.by_topic] == [("Email", 5)]
    assert "<svg" in response.content.decode()


def test_the_organiser_adds_a_session_and_a_past_time_is_linked_to_the_start(client, organiser):
    coach = coach_user()
    payload = {
        "kind": "drop_in",
        "help_point": HelpPointFactory().pk,
        "coach": coach.pk,
        "day": (timezone.localdate() + timedelta(days=5)).isoformat(),
        "starts": "10:00",
        "ends": "12:00",
        "capacity": "6",
    }

    saved = client.post(reverse("skills:session_create"), payload)
    past = client.post(
        reverse("skills:session_create"),
        {**payload, "day": (timezone.localdate() - timedelta(days=1)).isoformat()},
    )

    assert saved["Location"] == reverse("skills:coaching_dashboard")
    assert CoachingSession.objects.get().coach == coach
    html = past.content.decode()
    assert past.status_code == 200
    assert "The session must start in the future." in html
    assert 'id="id_starts_error"' in html
    assert CoachingSession.objects.count() == 1


# --------------------------------------------------------------------------- N+1 guards


def _logs(coach, count):  # type: ignore[no-untyped-def]
    point = HelpPointFactory()
    for _ in range(count):
        services.session_log_create(
            coach=coach,
            help_point=point,
            helped_on=timezone.localdate(),
            topics=topics("Email", "Video calls"),
            help_given="Helped.",
            duration_minutes=15,
            skill_check={"stage": "first", "email": 1, "forms": 1, "safety": 1, "smartphone": 1},
        )


def _queries(client, django_assert_max_num_queries, url, limit):  # type: ignore[no-untyped-def]
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("count", [1, 8])
def test_the_coachs_log_list_runs_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    coach = coach_user()
    client.force_login(coach)
    _logs(coach, count)

    _queries(client, django_assert_max_num_queries, reverse("skills:log_list"), 10)


@pytest.mark.parametrize("count", [1, 8])
def test_the_session_list_and_bookings_run_a_fixed_number_of_queries(
    client, django_assert_max_num_queries, count
):
    person = UserFactory()
    client.force_login(person)
    for _ in range(count):
        session = CoachingSessionFactory()
        services.booking_create(session=session, person=person)

    _queries(client, django_assert_max_num_queries, reverse("skills:coaching"), 10)
    _queries(client, django_assert_max_num_queries, reverse("skills:booking_list"), 10)


@pytest.mark.parametrize("count", [1, 8])
def test_the_dashboard_and_coach_list_run_a_fixed_number_of_queries(
    client, organiser, django_assert_max_num_queries, count
):
    for _ in range(count):
        coach = coach_user()
        _logs(coach, 2)
        services.problem_report(coach=coach, title="Something breaks")

    _queries(client, django_assert_max_num_queries, reverse("skills:coaching_dashboard"), 18)
    _queries(client, django_assert_max_num_queries, reverse("skills:coach_list"), 12)
