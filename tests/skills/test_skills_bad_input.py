"""Bad input on each skills form: 200, a message linked to the field, and nothing saved."""

import pytest
from django.urls import reverse

from samen.skills.models import Answer, AnswerScale, Assessment, AssessmentStatus, Statement
from tests.factories import UserFactory
from tests.http.formcheck import assert_error_linked, field_errors, non_field_errors
from tests.skills.factories import AssessmentFactory, answer_area, step_payload

pytestmark = pytest.mark.django_db
UNEXPECTED = "This form does not accept the field “is_staff”. Nothing was saved."


@pytest.fixture
def assessment(client):  # type: ignore[no-untyped-def]
    user = UserFactory()
    client.force_login(user)
    return AssessmentFactory(user=user)


def step_url(assessment: Assessment, number: int = 1) -> str:
    return reverse("skills:step", kwargs={"assessment_id": assessment.pk, "number": number})


def check_url(assessment: Assessment) -> str:
    return reverse("skills:check", kwargs={"assessment_id": assessment.pk})


def first_field(payload: dict[str, str]) -> str:
    return next(iter(payload))


def test_a_missing_answer_is_linked_to_its_question_and_nothing_is_saved(client, assessment):
    payload = step_payload(assessment, 1, 3)
    missing = first_field(payload)
    del payload[missing]

    response = client.post(step_url(assessment), payload)

    html = response.content.decode()
    assert response.status_code == 200
    assert field_errors(html) == [f"id_{missing}"]
    assert_error_linked(html, f"id_{missing}")
    assert "Choose how well you can do this." in html
    assert "<title>Error: Information and data literacy" in html
    assert Answer.objects.count() == 0


@pytest.mark.parametrize("value", ["5", "0", "abc", "<script>alert(1)</script>", "3.0"])
def test_an_answer_off_the_scale_is_refused_and_nothing_is_saved(client, assessment, value):
    payload = step_payload(assessment, 1, 3)
    wrong = first_field(payload)
    payload[wrong] = value

    response = client.post(step_url(assessment), payload)

    html = response.content.decode()
    assert response.status_code == 200
    assert field_errors(html) == [f"id_{wrong}"]
    assert_error_linked(html, f"id_{wrong}")
    assert "Choose one of the four answers." in html
    assert "<script>alert(1)</script>" not in html
    assert Answer.objects.count() == 0


def test_saving_for_later_still_refuses_an_answer_off_the_scale(client, assessment):
    payload = {first_field(step_payload(assessment, 1, 3)): "9", "action": "save"}

    response = client.post(step_url(assessment), payload)

    assert response.status_code == 200
    assert_error_linked(response.content.decode(), f"id_{first_field(payload)}")
    assert Answer.objects.count() == 0


def test_an_empty_step_post_marks_every_question(client, assessment):
    response = client.post(step_url(assessment), {})

    assert response.status_code == 200
    assert len(field_errors(response.content.decode())) == 9
    assert Answer.objects.count() == 0


def test_an_unexpected_field_on_a_step_is_refused_in_the_summary(client, assessment):
    payload = {**step_payload(assessment, 1, 3), "is_staff": "1"}

    response = client.post(step_url(assessment), payload)

    html = response.content.decode()
    assert response.status_code == 200
    assert non_field_errors(html) == [UNEXPECTED]
    assert field_errors(html) == []
    assert Answer.objects.count() == 0


def test_an_answer_for_another_steps_statement_is_refused(client, assessment):
    other = Statement.objects.filter(competence__area__number=2).first()
    payload = {**step_payload(assessment, 1, 3), f"statement_{other.pk}": "3"}

    response = client.post(step_url(assessment), payload)

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [
        f"This form does not accept the field “statement_{other.pk}”. Nothing was saved."
    ]
    assert Answer.objects.count() == 0


def test_finishing_with_answers_missing_is_refused_and_nothing_changes(client, assessment):
    answer_area(assessment, 1, AnswerScale.ON_MY_OWN)

    response = client.post(check_url(assessment))

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [
        "Some statements have no answer yet. Answer them all before you finish."
    ]
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert assessment.area_results.count() == 0


def test_an_unexpected_field_when_finishing_is_refused(client):
    user = UserFactory()
    client.force_login(user)
    assessment = AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN)

    response = client.post(check_url(assessment), {"is_staff": "1"})

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [UNEXPECTED]
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS


def test_an_unexpected_field_when_starting_is_refused(client):
    client.force_login(UserFactory())

    response = client.post(reverse("skills:start"), {"is_staff": "1"})

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [UNEXPECTED]
    assert Assessment.objects.count() == 0
