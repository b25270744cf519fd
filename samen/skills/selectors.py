"""Reads for the framework and the self-assessment: steps, answers, results and history."""

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch, QuerySet

from samen.skills.models import (
    Answer,
    Area,
    AreaResult,
    Assessment,
    AssessmentStatus,
    Competence,
    CompetenceResult,
    FrameworkVersion,
    ProficiencyLevel,
    Statement,
)


def current_version() -> FrameworkVersion:
    """The framework new assessments use (loaded by migration, so it always exists)."""
    return FrameworkVersion.objects.get(is_current=True)


def framework_areas(*, version: FrameworkVersion) -> list[Area]:
    """The version's areas in order, with competences and statements prefetched."""
    competences = Competence.objects.order_by("number").prefetch_related(
        Prefetch("statements", queryset=Statement.objects.order_by("position"))
    )
    return list(
        Area.objects.filter(version=version)
        .order_by("number")
        .prefetch_related(Prefetch("competences", queryset=competences))
    )


def area_for_step(*, version: FrameworkVersion, step: int) -> Area | None:
    """Step n of the assessment is area number n of its framework version."""
    for area in framework_areas(version=version):
        if area.number == step:
            return area
    return None


def statement_ids(*, area: Area) -> list[int]:
    return list(Statement.objects.filter(competence__area=area).values_list("pk", flat=True))


def levels(*, version: FrameworkVersion) -> dict[int, ProficiencyLevel]:
    return {level.number: level for level in ProficiencyLevel.objects.filter(version=version)}


def assessment_in_progress(*, user: Any) -> Assessment | None:
    return Assessment.objects.filter(user=user, status=AssessmentStatus.IN_PROGRESS).first()


def assessment_answers(*, assessment: Assessment) -> dict[int, int]:
    """The answers so far, by statement id."""
    return dict(Answer.objects.filter(assessment=assessment).values_list("statement_id", "value"))


@dataclass(frozen=True)
class StepProgress:
    """How far each step of an assessment is answered."""

    area: Area
    answered: int
    total: int

    @property
    def complete(self) -> bool:
        return self.answered == self.total


def assessment_progress(*, assessment: Assessment) -> list[StepProgress]:
    answers = assessment_answers(assessment=assessment)
    progress = []
    for area in framework_areas(version=assessment.version):
        ids = [s.pk for c in area.competences.all() for s in c.statements.all()]
        answered = sum(1 for statement_id in ids if statement_id in answers)
        progress.append(StepProgress(area=area, answered=answered, total=len(ids)))
    return progress


def assessment_next_step(*, assessment: Assessment) -> int | None:
    """The first step with unanswered statements, or None when every step is answered."""
    for step in assessment_progress(assessment=assessment):
        if not step.complete:
            return step.area.number
    return None


def submitted_assessments(*, user: Any) -> QuerySet[Assessment]:
    """The user's finished assessments, oldest first, with their area results."""
    return (
        Assessment.objects.filter(user=user, status=AssessmentStatus.SUBMITTED)
        .select_related("version")
        .prefetch_related(
            Prefetch("area_results", queryset=AreaResult.objects.select_related("area"))
        )
        .order_by("submitted_at", "pk")
    )


@dataclass
class CompetenceLine:
    competence: Competence
    level: int


@dataclass
class AreaLine:
    area: Area
    level: int
    competences: list[CompetenceLine] = field(default_factory=list)


def assessment_result(*, assessment: Assessment) -> list[AreaLine]:
    """The stored levels of a submitted assessment, by area and competence, in order."""
    area_levels = {
        result.area_id: result.level for result in AreaResult.objects.filter(assessment=assessment)
    }
    competence_levels = {
        result.competence_id: result.level
        for result in CompetenceResult.objects.filter(assessment=assessment)
    }
    lines = []
    for area in framework_areas(version=assessment.version):
        line = AreaLine(area=area, level=area_levels.get(area.pk, 0))
        for competence in area.competences.all():
            line.competences.append(
                CompetenceLine(competence=competence, level=competence_levels.get(competence.pk, 0))
            )
        lines.append(line)
    return lines


def assessments_export(*, user: Any) -> list[dict[str, Any]]:
    """Every self-assessment of the user with answers and levels, JSON-ready, for the
    account's data export (GDPR art. 15). Texts are as stored, in English."""
    assessments = (
        Assessment.objects.filter(user=user)
        .select_related("version")
        .prefetch_related(
            Prefetch(
                "answers",
                queryset=Answer.objects.select_related("statement__competence__area").order_by(
                    "statement__competence__area__number",
                    "statement__competence__number",
                    "statement__position",
                ),
            ),
            Prefetch("area_results", queryset=AreaResult.objects.select_related("area")),
            Prefetch(
                "competence_results",
                queryset=CompetenceResult.objects.select_related("competence__area"),
            ),
        )
        .order_by("started_at", "pk")
    )
    return [
        {
            "framework": assessment.version.code,
            "status": assessment.status,
            "started_at": assessment.started_at.isoformat(),
            "submitted_at": (
                assessment.submitted_at.isoformat() if assessment.submitted_at else None
            ),
            "answers": [
                {
                    "competence": answer.statement.competence.code,
                    "statement": answer.statement.text,
                    "answer": answer.value,
                }
                for answer in assessment.answers.all()
            ],
            "area_levels": {
                str(result.area.number): result.level for result in assessment.area_results.all()
            },
            "competence_levels": {
                result.competence.code: result.level
                for result in assessment.competence_results.all()
            },
        }
        for assessment in assessments
    ]
