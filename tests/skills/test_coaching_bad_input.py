"""Bad input on the Digicoach forms: 200, the exact message linked to its field, nothing saved.

tests/http/test_bad_input.py derives empty, too-long, wrong-type, markup and unexpected-field
cases for every field from the registry rows in tests/pages_skills_coaching.py; this file
checks the messages people actually read.
"""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.skills.models_coaching import CoachProfile, RecurringProblem, SessionLog, Topic
from tests.factories import UserFactory
from tests.http.formcheck import SCRIPT, assert_error_linked, field_errors, non_field_errors
from tests.skills.factories import HelpPointFactory, coach_user, topics

pytestmark = pytest.mark.django_db
UNEXPECTED = "This form does not accept the field “is_staff”. Nothing was saved."
NO_MARKUP = "The signs &lt; and &gt; are not allowed."


@pytest.fixture
def coach(client):  # type: ignore[no-untyped-def]
    user = coach_user()
    client.force_login(user)
    return user


def valid_log() -> dict[str, object]:
    return {
        "help_point": HelpPointFactory().pk,
        "helped_on": timezone.localdate().isoformat(),
        "topics": [topic.pk for topic in topics("Email")],
        "help_given": "Helped with email.",
        "duration_minutes": "20",
    }


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("topics", [], "Choose at least one topic."),
        ("help_given", "", "This field is required."),
        ("help_given", "x" * 2001, "Ensure this value has at most 2000 characters"),
        ("help_given", SCRIPT, NO_MARKUP),
        ("duration_minutes", "twenty", "Enter a whole number."),
        ("duration_minutes", "0", "Ensure this value is greater than or equal to 1."),
        ("helped_on", "yesterday", "Enter a valid date."),
        ("visitor_token", "A 1", "Use letters, numbers and hyphens only"),
        ("person_email", "not-an-email", "Enter a valid email address."),
        ("check_stage", "sometime", "Select a valid choice."),
    ],
)
def test_a_bad_log_field_is_refused_with_a_linked_message(client, coach, field, value, message):
    payload = {**valid_log(), field: value}

    response = client.post(reverse("skills:log_create"), payload)

    html = response.content.decode()
    assert response.status_code == 200
    assert field_errors(html) == [f"id_{field}"]
    assert_error_linked(html, f"id_{field}")
    assert message in html
    assert SCRIPT not in html
    assert "<title>Error: Log a visit" in html
    assert SessionLog.objects.count() == 0


def test_a_future_date_is_refused_and_linked_to_the_date(client, coach):
    tomorrow = timezone.localdate() + timedelta(days=1)

    response = client.post(
        reverse("skills:log_create"), {**valid_log(), "helped_on": tomorrow.isoformat()}
    )

    html = response.content.decode()
    assert field_errors(html) == ["id_helped_on"]
    assert "The date cannot be in the future." in html
    assert SessionLog.objects.count() == 0


def test_an_unexpected_field_on_the_log_is_refused(client, coach):
    response = client.post(reverse("skills:log_create"), {**valid_log(), "is_staff": "1"})

    assert non_field_errors(response.content.decode()) == [UNEXPECTED]
    assert SessionLog.objects.count() == 0


def test_a_problem_needs_a_title_without_markup(client, coach):
    empty = client.post(reverse("skills:problem_create"), {"title": ""})
    markup = client.post(reverse("skills:problem_create"), {"title": SCRIPT})

    assert field_errors(empty.content.decode()) == ["id_title"]
    assert NO_MARKUP in markup.content.decode()
    assert RecurringProblem.objects.count() == 0


def test_a_coach_profile_refuses_an_unknown_kind_and_markup(client, login_verified):
    login_verified(client, UserFactory(roles=("staff", "organiser")))
    target = coach_user()

    response = client.post(
        reverse("skills:coach_edit", args=[target.pk]),
        {"kind": "wizard", "training_status": "trained", "department": SCRIPT},
    )

    html = response.content.decode()
    assert field_errors(html) == ["id_kind", "id_department"]
    assert SCRIPT not in html
    assert CoachProfile.objects.count() == 0


def test_a_topic_needs_a_name_and_a_number_position(client, login_verified):
    login_verified(client, UserFactory(roles=("staff", "organiser")))
    before = Topic.objects.count()

    response = client.post(reverse("skills:topic_list"), {"name": "", "position": "first"})

    assert field_errors(response.content.decode()) == ["id_name", "id_position"]
    assert Topic.objects.count() == before
