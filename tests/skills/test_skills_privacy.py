"""A person's self-assessments in their data export, and gone when they erase their account."""

import json

import pytest

from samen.skills import selectors, services
from samen.skills.models import Answer, AnswerScale, AreaResult, Assessment, CompetenceResult
from tests.factories import UserFactory
from tests.skills.factories import AssessmentFactory, answer_area

pytestmark = pytest.mark.django_db


def test_the_export_holds_each_assessment_with_answers_and_levels():
    user = UserFactory()
    finished = AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN, submitted=True)
    in_progress = AssessmentFactory(user=user)
    answer_area(in_progress, 1, AnswerScale.WITH_HELP)
    AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)  # someone else's

    exported = selectors.assessments_export(user=user)

    assert json.loads(json.dumps(exported)) == exported
    assert [(e["framework"], e["status"]) for e in exported] == [
        ("digcomp-2.2", "submitted"),
        ("digcomp-2.2", "in_progress"),
    ]
    assert exported[0]["submitted_at"] == finished.submitted_at.isoformat()
    assert len(exported[0]["answers"]) == 63
    assert exported[0]["answers"][0] == {
        "competence": "1.1",
        "statement": "I can search for information online with a search engine.",
        "answer": 3,
    }
    assert exported[0]["area_levels"] == {"1": 6, "2": 6, "3": 6, "4": 6, "5": 6}
    assert exported[0]["competence_levels"]["4.2"] == 6
    assert len(exported[1]["answers"]) == 9
    assert (exported[1]["submitted_at"], exported[1]["area_levels"]) == (None, {})


def test_the_export_costs_the_same_queries_for_one_or_four_assessments(
    django_assert_num_queries,
):
    user = UserFactory()
    AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN, submitted=True)
    with django_assert_num_queries(4):  # assessments, answers, area and competence levels
        selectors.assessments_export(user=user)
    for _number in range(3):
        AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN, submitted=True)

    with django_assert_num_queries(4):  # assessments, answers, area and competence levels
        selectors.assessments_export(user=user)


def test_erase_deletes_the_persons_assessments_and_nobody_elses():
    user = UserFactory()
    AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN, submitted=True)
    AssessmentFactory(user=user)
    other = AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)

    deleted = services.assessments_erase(user=user)

    assert deleted == 2
    assert list(Assessment.objects.all()) == [other]
    assert Answer.objects.count() == 63
    assert AreaResult.objects.count() == 5
    assert CompetenceResult.objects.count() == 21


def test_the_account_export_and_erasure_include_the_skills_assessments():
    from samen.accounts import services as account_services

    user = UserFactory()
    AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN, submitted=True)

    exported = account_services.user_export(user=user)
    assert [e["status"] for e in exported["skills_assessments"]] == ["submitted"]

    account_services.user_erase(user=user)
    assert Assessment.objects.filter(user=user).count() == 0
