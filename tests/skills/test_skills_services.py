"""Services of the self-assessment: start, resume, answer a step, submit, history, demo."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from samen.skills import demo, selectors, services
from samen.skills.models import (
    Answer,
    AnswerScale,
    AreaResult,
    Assessment,
    AssessmentStatus,
    CompetenceResult,
    Statement,
)
from tests.factories import UserFactory
from tests.skills.factories import AssessmentFactory, answer_all, answer_area

pytestmark = pytest.mark.django_db


def test_start_creates_one_assessment_in_progress_on_the_current_version():
    user = UserFactory()

    assessment = services.assessment_start(user=user)

    assert assessment.user == user
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert assessment.version == selectors.current_version()
    assert assessment.submitted_at is None
    assert selectors.assessment_next_step(assessment=assessment) == 1


def test_start_again_resumes_the_same_assessment():
    user = UserFactory()
    first = services.assessment_start(user=user)
    answer_area(first, 1, AnswerScale.ON_MY_OWN)

    again = services.assessment_start(user=user)

    assert again.pk == first.pk
    assert Assessment.objects.filter(user=user).count() == 1
    assert selectors.assessment_next_step(assessment=again) == 2


def test_the_database_refuses_a_second_assessment_in_progress():
    first = AssessmentFactory()

    with pytest.raises(IntegrityError):
        Assessment.objects.create(user=first.user, version=first.version)


def test_answer_step_saves_drafts_and_overwrites_changed_answers():
    assessment = AssessmentFactory()
    area = selectors.area_for_step(version=assessment.version, step=3)
    first, second = Statement.objects.filter(competence__area=area).order_by("pk")[:2]

    services.assessment_answer_step(
        assessment=assessment, area=area, answers={first.pk: 1, second.pk: 2}
    )
    services.assessment_answer_step(assessment=assessment, area=area, answers={first.pk: 4})

    assert selectors.assessment_answers(assessment=assessment) == {first.pk: 4, second.pk: 2}
    progress = selectors.assessment_progress(assessment=assessment)
    assert [(p.area.number, p.answered, p.total) for p in progress] == [
        (1, 0, 9),
        (2, 0, 18),
        (3, 2, 12),
        (4, 0, 12),
        (5, 0, 12),
    ]


def test_answer_step_refuses_a_statement_of_another_area_and_saves_nothing():
    assessment = AssessmentFactory()
    area = selectors.area_for_step(version=assessment.version, step=1)
    elsewhere = Statement.objects.filter(competence__area__number=2).first()
    here = Statement.objects.filter(competence__area=area).first()

    with pytest.raises(ValidationError):
        services.assessment_answer_step(
            assessment=assessment, area=area, answers={here.pk: 3, elsewhere.pk: 3}
        )

    assert Answer.objects.count() == 0


def test_answer_step_refuses_a_value_off_the_scale():
    assessment = AssessmentFactory()
    area = selectors.area_for_step(version=assessment.version, step=1)
    here = Statement.objects.filter(competence__area=area).first()

    with pytest.raises(ValidationError):
        services.assessment_answer_step(assessment=assessment, area=area, answers={here.pk: 5})

    assert Answer.objects.count() == 0


def test_submit_refuses_an_incomplete_assessment():
    assessment = AssessmentFactory()
    answer_area(assessment, 1, AnswerScale.ON_MY_OWN)

    with pytest.raises(ValidationError) as caught:
        services.assessment_submit(assessment=assessment)

    assert caught.value.messages == [
        "Some statements have no answer yet. Answer them all before you finish."
    ]
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.IN_PROGRESS
    assert AreaResult.objects.count() == 0


def test_submit_scores_and_stores_levels_per_area_and_competence():
    assessment = AssessmentFactory()
    # Basics on my own, intermediate with help, advanced not known: 3 everywhere...
    answer_all(assessment, {2: AnswerScale.ON_MY_OWN, 4: AnswerScale.WITH_HELP, 6: 1})
    # ...except safety, done confidently up to intermediate: 5.
    answer_area(assessment, 4, {2: AnswerScale.CONFIDENTLY, 4: AnswerScale.CONFIDENTLY, 6: 1})

    submitted = services.assessment_submit(assessment=assessment)

    assert submitted.status == AssessmentStatus.SUBMITTED
    assert submitted.submitted_at is not None
    lines = selectors.assessment_result(assessment=submitted)
    assert [(line.area.number, line.level) for line in lines] == [
        (1, 3),
        (2, 3),
        (3, 3),
        (4, 5),
        (5, 3),
    ]
    assert [item.level for item in lines[3].competences] == [5, 5, 5, 5]
    assert CompetenceResult.objects.filter(assessment=submitted).count() == 21


def test_a_submitted_assessment_can_neither_change_nor_be_submitted_twice():
    assessment = AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)
    area = selectors.area_for_step(version=assessment.version, step=1)

    with pytest.raises(ValidationError):
        services.assessment_answer_step(assessment=assessment, area=area, answers={})
    with pytest.raises(ValidationError):
        services.assessment_submit(assessment=assessment)

    assert AreaResult.objects.filter(assessment=assessment).count() == 5


def test_after_submitting_start_begins_a_new_assessment():
    old = AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)

    new = services.assessment_start(user=old.user)

    assert new.pk != old.pk
    assert new.status == AssessmentStatus.IN_PROGRESS


def test_history_lists_only_the_users_finished_assessments_oldest_first():
    user = UserFactory()
    first = AssessmentFactory(user=user, answer=AnswerScale.WITH_HELP, submitted=True)
    second = AssessmentFactory(user=user, answer=AnswerScale.CONFIDENTLY, submitted=True)
    Assessment.objects.filter(pk=first.pk).update(submitted_at=timezone.now() - timedelta(days=40))
    AssessmentFactory(user=user)  # in progress: not history
    AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)  # someone else's

    history = list(selectors.submitted_assessments(user=user))

    assert [a.pk for a in history] == [first.pk, second.pk]
    assert [r.level for r in history[0].area_results.all()] == [1, 1, 1, 1, 1]
    assert [r.level for r in history[1].area_results.all()] == [6, 6, 6, 6, 6]


def test_demo_seed_gives_resident_and_staff_history_and_is_idempotent(demo_report):
    first = demo_report  # seed_demo runs samen.skills.demo.seed through SAMEN_DEMO_SEEDERS
    again = demo.seed()

    assert [line for line in first if "skills" in line] == [
        "gave resident@demo.samen.test 2 finished skills self-assessments",
        "gave staff@demo.samen.test 2 finished skills self-assessments",
        "gave resident@demo.samen.test a skills self-assessment in progress",
        "created 5 departments, 3 job roles with targets and 26 demo colleagues, 25 with a "
        "finished skills self-assessment",
    ]
    assert again == []
    resident = Assessment.objects.filter(user__email="resident@demo.samen.test")
    staff = Assessment.objects.filter(user__email="staff@demo.samen.test")
    assert resident.filter(status=AssessmentStatus.SUBMITTED).count() == 2
    assert resident.filter(status=AssessmentStatus.IN_PROGRESS).count() == 1
    assert staff.filter(status=AssessmentStatus.SUBMITTED).count() == 2
    # Five for the resident and the staff member, 25 for the skills picture's demo colleagues.
    assert Assessment.objects.count() == 30
    history = list(selectors.submitted_assessments(user=staff.first().user))
    assert [[r.level for r in a.area_results.all()] for a in history] == [
        [5, 5, 5, 5, 5],
        [6, 5, 6, 5, 5],
    ]
