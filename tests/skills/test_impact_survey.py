"""The impact survey: one-time links from coaches, anonymous answers kept apart from the
coach's log, and figures for the coordinator that hide groups under 5 people."""

import time
from datetime import date, timedelta

import pytest
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from samen.skills import selectors_impact
from samen.skills import services_impact as services
from samen.skills.models_impact import ImpactResponse
from tests.skills.factories import HelpPointFactory, coach_user

pytestmark = pytest.mark.django_db

ANSWERS = {"got_help": "yes", "confidence": 3, "recommend": "yes"}


def _url(token: str) -> str:
    return reverse("skills:survey", kwargs={"token": token})


def test_an_answer_names_the_place_and_month_only_and_a_link_is_answered_once():
    library = HelpPointFactory(name="Library")
    token = services.survey_link_make(help_point=library, on=date(2026, 11, 20))

    answer = services.survey_submit(
        token=token, answers={**ANSWERS, "age_band": "75+", "disability": "none"}
    )

    assert (answer.help_point, answer.month, answer.age_band, answer.disability) == (
        library,
        date(2026, 11, 1),
        "75+",
        "none",
    )
    assert token not in answer.link_hash
    with pytest.raises(ValidationError) as used:
        services.survey_submit(token=token, answers=ANSWERS)
    assert used.value.messages == [
        "This survey link has been used already. Thank you for your answers."
    ]
    assert ImpactResponse.objects.count() == 1


def test_a_link_that_was_changed_or_is_too_old_is_refused(monkeypatch):
    token = services.survey_link_make(help_point=None)
    forged = signing.dumps({"p": 0, "m": "2026-11", "n": "x"}, salt="another purpose")

    for bad in (token[:-3], forged):
        with pytest.raises(ValidationError) as error:
            services.survey_link_read(token=bad)
        assert error.value.messages == [
            "This survey link is not complete. Check that you copied all of it."
        ]
    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 61 * 24 * 3600)
    old_token = services.survey_link_make(help_point=None)
    monkeypatch.undo()
    with pytest.raises(ValidationError) as old:
        services.survey_link_read(token=old_token)
    assert old.value.messages == [
        "This survey link is more than 60 days old, so it cannot be used any more."
    ]


def test_a_coach_makes_a_link_whose_page_takes_one_answer_without_an_account(
    client, login_verified
):
    library = HelpPointFactory(name="Library")
    login_verified(client, coach_user())

    made = client.post(reverse("skills:survey_link"), {"help_point": library.pk})

    html = made.content.decode()
    link = html.split('<p><a href="http://testserver', 1)[1].split('"', 1)[0]
    assert link.startswith("/en/skills/coaching/survey/")
    assert 'aria-label="QR code of the survey link"' in html
    visitor = Client()
    page = visitor.get(link).content.decode()
    assert "<h1>How did the help go?</h1>" in page
    sent = visitor.post(link, {**ANSWERS, "comment": "Very patient, thank you."})
    assert sent["Location"] == reverse("skills:survey_thanks")
    again = visitor.get(link).content.decode()
    assert "<h1>This survey link cannot be used</h1>" in again
    assert "This survey link has been used already." in again
    answer = ImpactResponse.objects.get()
    assert (answer.help_point, answer.comment, answer.age_band) == (
        library,
        "Very patient, thank you.",
        "",
    )


def test_the_survey_asks_again_for_a_missing_answer_and_saves_nothing():
    token = services.survey_link_make(help_point=None)

    response = Client().post(_url(token), {"got_help": "yes", "recommend": "maybe"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "Say how sure you are that you can do it on your own." in html
    assert "Select a valid choice. maybe is not one of the available choices." in html
    assert ImpactResponse.objects.count() == 0


def test_only_coaches_make_links(client, login_verified):
    from tests.factories import UserFactory

    login_verified(client, UserFactory(roles=("staff",)))

    assert client.get(reverse("skills:survey_link")).status_code == 403


def _answer(place, got_help, age=""):  # type: ignore[no-untyped-def]
    token = services.survey_link_make(help_point=place)
    services.survey_submit(token=token, answers={**ANSWERS, "got_help": got_help, "age_band": age})


def test_the_summary_waits_for_five_answers_and_hides_answers_of_one_to_four():
    library = HelpPointFactory(name="Library")
    since = timezone.localdate() - timedelta(days=90)
    for _ in range(4):
        _answer(library, "yes", "18-34")

    assert selectors_impact.impact_summary(since=since).questions == []
    assert selectors_impact.impact_summary(since=since).shown is False

    _answer(library, "no", "75+")
    summary = selectors_impact.impact_summary(since=since)

    assert summary.total == 5
    got_help = {row.label: row.shown for row in summary.questions[0].rows}
    assert got_help == {"Yes": "fewer than 5", "Partly": "0", "No": "fewer than 5"}
    age = {row.label: row.shown for row in summary.questions[3].rows}
    assert (age["18 to 34"], age["75 or older"], age["Not answered"]) == (
        "fewer than 5",
        "fewer than 5",
        "0",
    )
