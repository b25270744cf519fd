"""Assisted digital: a Digicoach acts for a resident who is present, and everything is recorded."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samen.accounts import services as account_services
from samen.core.models import AuditEntry
from samen.inclusion import assisted, services_assisted
from samen.inclusion.forms import ConfirmForm
from samen.inclusion.middleware import SESSION_KEY
from samen.inclusion.models_assisted import (
    AssistedAction,
    AssistedActionKind,
    AssistedSession,
    EndReason,
)
from samen.skills.models import Assessment
from samen.skills.models_coaching import Booking
from tests.factories import UserFactory
from tests.skills.factories import CoachingSessionFactory, coach_user

pytestmark = pytest.mark.django_db
START = reverse("inclusion:assisted_start")


def _coach_client(coach=None):  # type: ignore[no-untyped-def]
    coach = coach or coach_user(display_name="Coach Carla")
    client = Client()
    client.force_login(coach)
    return coach, client


def _helping(resident=None):  # type: ignore[no-untyped-def]
    """A coach's client with an assisted session for `resident` already started."""
    resident = resident or UserFactory(display_name="Mevrouw Jansen", email="jansen@example.test")
    coach, client = _coach_client()
    response = client.post(
        START,
        {"email": resident.email.upper(), "consent_method": "spoken", "consent_given": "on"},
    )
    assert response.status_code == 302
    return coach, client, resident, AssistedSession.objects.get()


def test_starting_a_session_records_consent_and_shows_the_banner_on_every_page():
    coach, client, resident, session = _helping()
    assert (session.coach, session.resident, session.consent_method) == (coach, resident, "spoken")
    assert session.consent_given is True
    assert client.session[SESSION_KEY] == session.pk
    home = client.get(reverse("core:home")).content.decode()
    assert "You are helping Mevrouw Jansen." in home
    assert reverse("inclusion:assisted_end") in home
    entry = AuditEntry.objects.get(action="inclusion.assisted_session_start")
    assert (entry.actor, entry.data) == (
        coach,
        {"resident_id": resident.pk, "consent_method": "spoken"},
    )


@pytest.mark.parametrize(
    ("who", "message"),
    [
        ("self", "You cannot start an assisted session for yourself."),
        ("staff", "This is a staff or coach account. Assisted sessions are only for residents."),
        ("admin", "This is a staff or coach account. Assisted sessions are only for residents."),
        ("nobody", "There is no account with this email address. Help the resident create one."),
    ],
)
def test_a_coach_cannot_help_themselves_staff_or_unknown_accounts(who, message):  # type: ignore[no-untyped-def]
    coach, client = _coach_client()
    emails = {
        "self": coach.email,
        "staff": UserFactory(roles=["staff"]).email,
        "admin": UserFactory(roles=["admin"]).email,
        "nobody": "nobody@example.test",
    }
    response = client.post(
        START, {"email": emails[who], "consent_method": "spoken", "consent_given": "on"}
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not AssistedSession.objects.exists()
    assert SESSION_KEY not in client.session


def test_without_the_consent_box_no_session_starts():
    resident = UserFactory()
    _coach, client = _coach_client()
    response = client.post(START, {"email": resident.email, "consent_method": "signed"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"consent_given": ["This field is required."]}
    assert not AssistedSession.objects.exists()


def test_only_digicoaches_start_sessions():
    client = Client()
    client.force_login(UserFactory())
    assert client.get(START).status_code == 403


def test_booking_for_the_resident_books_their_place_and_records_both_identities(
    django_capture_on_commit_callbacks,
):  # type: ignore[no-untyped-def]
    coach, client, resident, session = _helping()
    help_session = CoachingSessionFactory(help_point__name="Bibliotheek Centrum")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("skills:book", kwargs={"session_id": help_session.pk}))
    assert response.status_code == 302
    booking = Booking.objects.get()
    assert booking.person == resident
    action = AssistedAction.objects.get()
    assert (action.session, action.action, action.url_name) == (session, "book", "skills:book")
    assert action.summary.startswith("Booked a place: Bibliotheek Centrum, ")
    entry = AuditEntry.objects.get(action="inclusion.assisted_action")
    assert entry.actor == coach
    assert entry.data["coach_id"] == coach.pk
    assert entry.data["resident_id"] == resident.pk
    # The confirmation email goes to the resident, not the coach.
    assert [message.to for message in mail.outbox] == [[resident.email]]


def test_the_self_assessment_is_the_residents_and_each_step_is_recorded():
    coach, client, resident, _session = _helping()
    response = client.post(reverse("skills:start"))
    assert response.status_code == 302
    assessment = Assessment.objects.get()
    assert assessment.user == resident
    assert list(AssistedAction.objects.values_list("action", "summary")) == [
        ("self_assess", "Started the digital skills check")
    ]
    # The result pages show the resident's assessment to the coach.
    page = client.get(reverse("skills:index"))
    assert page.status_code == 200
    assert page.context["in_progress"] == assessment
    assert page.wsgi_request.assisting_coach == coach
    assert page.wsgi_request.user.is_verified() is False


def test_pages_not_registered_stay_the_coachs_own():
    coach, client, _resident, _session = _helping()
    profile = client.get(reverse("accounts:profile"))
    assert profile.context["user"] == coach


def test_a_failed_post_records_nothing():
    _coach, client, _resident, _session = _helping()
    response = client.post(reverse("skills:start"), {"is_staff": "1"})
    assert response.status_code == 200
    assert not Assessment.objects.exists()
    assert not AssistedAction.objects.exists()


def test_ending_sends_the_receipt_and_both_can_read_it_nobody_else(
    django_capture_on_commit_callbacks,
):  # type: ignore[no-untyped-def]
    _coach, client, resident, session = _helping()
    client.post(reverse("skills:start"))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("inclusion:assisted_end"))
    receipt_url = reverse("inclusion:assisted_receipt", kwargs={"session_id": session.pk})
    assert response["Location"] == receipt_url
    session.refresh_from_db()
    assert (session.end_reason, session.ended_at is not None) == (EndReason.ENDED, True)
    assert SESSION_KEY not in client.session
    assert "You are helping" not in client.get(reverse("core:home")).content.decode()
    [email] = mail.outbox
    assert email.to == [resident.email]
    assert "Coach Carla helped you on" in email.body
    assert "Digital skills check. Started the digital skills check" in email.body
    page = client.get(receipt_url).content.decode()
    assert "Started the digital skills check" in page and "Coach Carla" in page
    own = Client()
    own.force_login(resident)
    assert own.get(receipt_url).status_code == 200
    history = own.get(reverse("inclusion:assisted_history")).content.decode()
    assert "Coach Carla did 1 thing for you" in history
    other = Client()
    other.force_login(UserFactory())
    assert other.get(receipt_url).status_code == 404


def test_an_idle_session_expires_and_the_coach_never_acts_as_themselves():
    _coach, client, _resident, session = _helping()
    AssistedSession.objects.filter(pk=session.pk).update(
        last_activity_at=timezone.now() - timedelta(hours=2, minutes=1)
    )
    help_session = CoachingSessionFactory()
    response = client.post(reverse("skills:book", kwargs={"session_id": help_session.pk}))
    assert response["Location"] == START
    assert not Booking.objects.exists()
    session.refresh_from_db()
    assert session.end_reason == EndReason.EXPIRED
    assert SESSION_KEY not in client.session
    messages = [str(m) for m in client.get(START).context["messages"]]
    assert messages[-1:] == [
        "Your session helping Mevrouw Jansen ended after 2 hours without activity. "
        "Start a new one to carry on."
    ]


def test_starting_again_ends_the_previous_session():
    _coach, client, _resident, first = _helping()
    other = UserFactory()
    client.post(START, {"email": other.email, "consent_method": "signed", "consent_given": "on"})
    first.refresh_from_db()
    assert first.end_reason == EndReason.REPLACED
    assert AssistedSession.objects.get(ended_at__isnull=True).resident == other


def test_a_vote_needs_the_declaration():
    _coach, _client, _resident, session = _helping()
    with pytest.raises(ValidationError) as error:
        services_assisted.assisted_action_record(
            session=session, action=AssistedActionKind.VOTE, summary="Voted"
        )
    assert error.value.message_dict == {
        "declaration": ["Confirm that the resident chose the projects themselves."]
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        AssistedAction.objects.create(session=session, action="vote", summary="Voted")


def test_declared_vote_is_recorded():
    _coach, _client, _resident, session = _helping()
    action = services_assisted.assisted_action_record(
        session=session, action="vote", summary="Voted", declaration_confirmed=True
    )
    assert action.declaration_confirmed is True


def test_vote_pages_are_not_recorded_by_the_middleware(monkeypatch):  # type: ignore[no-untyped-def]
    """Only the vote view knows which post casts the vote, and it has the declaration."""
    _coach, client, resident, _session = _helping()
    vote = assisted.AssistedUrl("skills:start", AssistedActionKind.VOTE, "Voted")
    monkeypatch.setitem(assisted.ASSISTED_URLS, "skills:start", vote)
    response = client.post(reverse("skills:start"))
    assert response.status_code == 302
    assert Assessment.objects.get().user == resident
    assert not AssistedAction.objects.exists()


def test_vote_declaration_mixin_adds_a_required_box_only_when_assisted():
    class Ballot(assisted.VoteDeclarationMixin, ConfirmForm):
        pass

    assert "declaration" not in Ballot().fields
    form = Ballot({}, assisted=True)
    assert not form.is_valid()
    assert form.errors == {"declaration": ["This field is required."]}
    assert str(form.fields["declaration"].label) == (
        "I confirm the resident chose these projects themselves."
    )


def test_current_assistance_is_the_open_session_or_none():
    _coach, client, _resident, session = _helping()
    response = client.get(START)
    assert assisted.current_assistance(response.wsgi_request) == session
    assert assisted.assisted_session_for(Client().get(START).wsgi_request) is None


def test_statistics_count_per_coach_action_and_month(django_assert_num_queries, login_verified):  # type: ignore[no-untyped-def]
    _coach, client, _resident, _session = _helping()
    client.post(reverse("skills:start"))
    organiser = UserFactory(roles=["staff", "organiser"])
    manager = login_verified(Client(), organiser)
    url = reverse("inclusion:assisted_stats")
    with django_assert_num_queries(8):
        response = manager.get(url)
    stats = response.context["stats"]
    assert (stats.sessions, stats.actions) == (1, 1)
    assert stats.per_coach == [{"coach_name": "Coach Carla", "sessions": 1, "actions": 1}]
    assert dict(stats.per_action)["Digital skills check"] == 1
    assert [row["sessions"] for row in stats.per_month] == [1]


def test_the_residents_export_holds_the_help_and_erasure_removes_it():
    _coach, client, resident, session = _helping()
    client.post(reverse("skills:start"))
    export = account_services.user_export(user=resident)["inclusion_assisted_sessions"]
    assert [(row["coach"], row["consent_method"]) for row in export] == [("Coach Carla", "spoken")]
    assert [action["summary"] for action in export[0]["actions"]] == [
        "Started the digital skills check"
    ]
    account_services.user_erase(user=resident)
    assert not AssistedSession.objects.filter(pk=session.pk).exists()


def test_erasing_a_coach_keeps_the_counts_but_not_the_name():
    coach, _client, _resident, session = _helping()
    account_services.user_erase(user=coach)
    session.refresh_from_db()
    assert session.coach_name == f"erased-{coach.pk}"


def test_a_coach_who_loses_the_role_stops_acting_for_the_resident():
    coach, client, _resident, session = _helping()
    account_services.user_set_roles(
        actor=UserFactory(roles=["admin"]), user=coach, roles=["staff"], reason="Stopped."
    )
    response = client.post(reverse("skills:start"))
    assert response["Location"] == START
    assert not Assessment.objects.exists()
    session.refresh_from_db()
    assert session.end_reason == EndReason.ENDED


def test_ending_with_an_unexpected_field_ends_nothing():
    _coach, client, _resident, session = _helping()
    response = client.post(reverse("inclusion:assisted_end"), {"is_staff": "1"}, follow=True)
    assert [str(m) for m in response.context["messages"]][-1] == (
        "This form does not accept the field “is_staff”. Nothing was saved."
    )
    session.refresh_from_db()
    assert session.ended_at is None
    assert client.session[SESSION_KEY] == session.pk


def test_the_coachs_page_lists_where_to_act_for_the_resident():
    _coach, client, _resident, _session = _helping()
    starts = client.get(START).context["starts"]
    assert [str(label) for _url, label in starts] == [
        "Vote in participatory budgeting",
        "Book a help session",
        "Enrol on a course",
        "Do the digital skills check",
    ]
