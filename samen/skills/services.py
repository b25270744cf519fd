"""Writes for the self-assessment (start, answer a step, submit) and the scoring rule.

The scoring rule
----------------
Every statement describes a competence at one DigComp level L when done on one's own:
foundation statements L=2, intermediate L=4, advanced L=6. An answer earns a level:

    I don't know how                          →  0 (nothing shown)
    I can do it with help                     →  L - 1
    I can do it on my own                     →  L
    I can do it confidently and help others   →  L + 1

capped at 6 (`HIGHEST_SELF_ASSESSED_LEVEL`): levels 7 and 8 (highly specialised) need evidence
a self-check cannot give.

Competence level: go up its statements from the easiest to the hardest and keep the highest
level earned. Stop after the first "with help" (it still counts) or at the first "I don't know
how" (it does not): the level is where a person starts to need help, so an answer about a
harder task above that point does not count. 0 means "not yet at level 1".

Area level: the mean of its competence levels, rounded down (a cautious estimate).

The rule is deterministic and pure (`answer_level`, `competence_level`, `area_level`), so the
same answers always give the same result; submitting stores the result, so a later change of
rule does not rewrite anyone's history.
"""

from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.skills import selectors
from samen.skills.models import (
    Answer,
    AnswerScale,
    Area,
    AreaResult,
    Assessment,
    AssessmentStatus,
    CompetenceResult,
)

HIGHEST_SELF_ASSESSED_LEVEL = 6
# What each answer adds to (or takes from) the level its statement describes; None: nothing.
ANSWER_OFFSET: dict[int, int | None] = {
    AnswerScale.DONT_KNOW: None,
    AnswerScale.WITH_HELP: -1,
    AnswerScale.ON_MY_OWN: 0,
    AnswerScale.CONFIDENTLY: 1,
}


# --------------------------------------------------------------------------- the scoring rule


def answer_level(*, statement_level: int, answer: int) -> int:
    """The level one answer shows: 0 for "I don't know how", else L-1, L or L+1, capped."""
    offset = ANSWER_OFFSET[answer]
    if offset is None:
        return 0
    return max(0, min(statement_level + offset, HIGHEST_SELF_ASSESSED_LEVEL))


def competence_level(answers: Iterable[tuple[int, int]]) -> int:
    """The level for one competence from (statement level, answer) pairs, in any order.

    Pairs are sorted, so two statements at one level are taken lowest answer first.
    """
    level = 0
    for statement_level, answer in sorted(answers):
        level = max(level, answer_level(statement_level=statement_level, answer=answer))
        if answer in (AnswerScale.DONT_KNOW, AnswerScale.WITH_HELP):
            break
    return level


def area_level(competence_levels: Iterable[int]) -> int:
    """The mean of the competence levels, rounded down; 0 for an area with none."""
    levels = list(competence_levels)
    if not levels:
        return 0
    return sum(levels) // len(levels)


def score(
    *, areas: Iterable[Area], answers: Mapping[int, int]
) -> tuple[dict[int, int], dict[int, int]]:
    """Levels by area id and by competence id, for areas with competences and statements
    prefetched and answers keyed by statement id."""
    by_area: dict[int, int] = {}
    by_competence: dict[int, int] = {}
    for area in areas:
        for competence in area.competences.all():
            pairs = [(s.level, answers[s.pk]) for s in competence.statements.all()]
            by_competence[competence.pk] = competence_level(pairs)
        by_area[area.pk] = area_level(by_competence[c.pk] for c in area.competences.all())
    return by_area, by_competence


# --------------------------------------------------------------------------- writes


@transaction.atomic
def assessment_start(*, user: Any) -> Assessment:
    """Return the user's assessment in progress, or start one on the current framework.

    A unique constraint allows one assessment in progress per user, so two clicks on "Start"
    (or two tabs) resume the same one instead of creating two.
    """
    existing = selectors.assessment_in_progress(user=user)
    if existing is not None:
        return existing
    assessment = Assessment(user=user, version=selectors.current_version())
    assessment.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            assessment.save()
    except IntegrityError:
        # Someone else's request won the race; theirs is the one to continue.
        found = selectors.assessment_in_progress(user=user)
        if found is None:
            raise
        return found
    return assessment


def _lock_in_progress(assessment: Assessment) -> Assessment:
    locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
    if locked.status != AssessmentStatus.IN_PROGRESS:
        raise ValidationError(_("This self-assessment is finished and can no longer change."))
    return locked


@transaction.atomic
def assessment_answer_step(
    *, assessment: Assessment, area: Area, answers: Mapping[int, int]
) -> Assessment:
    """Save the answers given on one area's page: a draft that can be changed until submit.

    `answers` maps statement ids to scale values; statements left out keep what they had, so
    "save and finish later" with half a page answered loses nothing.
    """
    locked = _lock_in_progress(assessment)
    if area.version_id != locked.version_id:
        raise ValidationError(_("This part belongs to another version of the framework."))
    allowed = set(selectors.statement_ids(area=area))
    unknown = set(answers) - allowed
    if unknown:
        raise ValidationError(_("Some answers are for statements that are not on this page."))
    for statement_id, value in sorted(answers.items()):
        answer = Answer.objects.filter(assessment=locked, statement_id=statement_id).first()
        if answer is None:
            answer = Answer(assessment=locked, statement_id=statement_id, value=value)
        answer.value = value
        answer.full_clean(validate_constraints=False)
        answer.save()
    locked.updated_at = timezone.now()
    locked.save(update_fields=["updated_at"])
    return locked


@transaction.atomic
def assessment_submit(*, assessment: Assessment) -> Assessment:
    """Finish the assessment: score it and store the levels. Every statement needs an answer."""
    locked = _lock_in_progress(assessment)
    areas = selectors.framework_areas(version=locked.version)
    answers = selectors.assessment_answers(assessment=locked)
    missing = [
        statement.pk
        for area in areas
        for competence in area.competences.all()
        for statement in competence.statements.all()
        if statement.pk not in answers
    ]
    if missing:
        raise ValidationError(
            _("Some statements have no answer yet. Answer them all before you finish."),
            code="incomplete",
        )
    by_area, by_competence = score(areas=areas, answers=answers)
    AreaResult.objects.bulk_create(
        AreaResult(assessment=locked, area_id=area_id, level=level)
        for area_id, level in by_area.items()
    )
    CompetenceResult.objects.bulk_create(
        CompetenceResult(assessment=locked, competence_id=competence_id, level=level)
        for competence_id, level in by_competence.items()
    )
    now = timezone.now()
    locked.status = AssessmentStatus.SUBMITTED
    locked.submitted_at = now
    locked.updated_at = now
    locked.full_clean()
    locked.save(update_fields=["status", "submitted_at", "updated_at"])
    return locked


@transaction.atomic
def assessments_erase(*, user: Any) -> int:
    """Delete all of the user's self-assessments, answers and levels (GDPR art. 17).

    For the account's erasure, which keeps the user row but anonymised: answers about what a
    person can do are theirs, so they go rather than stay attached to the anonymous row.
    Returns how many assessments were deleted.
    """
    assessments = Assessment.objects.filter(user=user)
    count = assessments.count()
    assessments.delete()
    return count
