"""factory_boy factories and helpers for the skills tests. Writes go through the services."""

from datetime import timedelta
from typing import Any

import factory
from django.utils import timezone

from samen.skills import selectors, services
from samen.skills.models import Assessment, AssessmentStatus
from samen.skills.models_coaching import CoachingSession, HelpPoint, SessionKind, Topic
from tests.factories import UserFactory


class AssessmentFactory(factory.django.DjangoModelFactory):
    """An assessment in progress on the current framework, with no answers yet.

    `AssessmentFactory(answer=3)` answers every statement with 3 ("on my own");
    `AssessmentFactory(answer=3, submitted=True)` also submits it.
    """

    class Meta:
        model = Assessment
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    answer: Any = None
    submitted = False

    @classmethod
    def _create(cls, model_class: type[Assessment], *args: Any, **kwargs: Any) -> Assessment:
        answer = kwargs.pop("answer")
        submitted = kwargs.pop("submitted")
        assessment = services.assessment_start(user=kwargs["user"])
        if answer is not None:
            answer_all(assessment, answer)
        if submitted:
            assessment = services.assessment_submit(assessment=assessment)
        return assessment


def answer_all(assessment: Assessment, value: int | dict[int, int]) -> None:
    """Answer every step: one value for all, or a value per statement level (2, 4, 6)."""
    for area in selectors.framework_areas(version=assessment.version):
        answer_area(assessment, area.number, value)


def answer_area(assessment: Assessment, number: int, value: int | dict[int, int]) -> None:
    area = selectors.area_for_step(version=assessment.version, step=number)
    assert area is not None
    answers = {
        statement.pk: value if isinstance(value, int) else value[statement.level]
        for competence in area.competences.all()
        for statement in competence.statements.all()
    }
    services.assessment_answer_step(assessment=assessment, area=area, answers=answers)


def step_payload(assessment: Assessment, number: int, value: int) -> dict[str, str]:
    """A POST body answering every statement of one step with `value`."""
    area = selectors.area_for_step(version=assessment.version, step=number)
    assert area is not None
    return {
        f"statement_{statement.pk}": str(value)
        for competence in area.competences.all()
        for statement in competence.statements.all()
    }


def in_progress_of(user: Any) -> Assessment:
    return Assessment.objects.get(user=user, status=AssessmentStatus.IN_PROGRESS)


# --------------------------------------------------------------------------- Digicoach network


class HelpPointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpPoint

    name = factory.Sequence(lambda n: f"Help point {n}")
    address = "Kerkstraat 1, Lindeveld"


class CoachingSessionFactory(factory.django.DjangoModelFactory):
    """A drop-in tomorrow at 10:00 for two hours, with a new coach and help point."""

    class Meta:
        model = CoachingSession

    kind = SessionKind.DROP_IN
    help_point = factory.SubFactory(HelpPointFactory)
    coach = factory.SubFactory(UserFactory, roles=("staff", "digicoach"))
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=1))
    ends_at = factory.LazyAttribute(lambda session: session.starts_at + timedelta(hours=2))
    capacity = 5


def coach_user(**kwargs: Any) -> Any:
    return UserFactory(roles=("staff", "digicoach"), **kwargs)


def topics(*names: str) -> list[Topic]:
    """Seeded topics by name (migration 0004)."""
    found = list(Topic.objects.filter(name__in=names))
    assert len(found) == len(names), names
    return found
