"""The framework model holds more than one version: a new one can become current later
(DigComp 3.0), and assessments keep the version they were taken against."""

from importlib import import_module

import pytest
from django.apps import apps as django_apps
from django.db import IntegrityError, transaction

from samen.skills import selectors, services
from samen.skills.models import (
    AnswerScale,
    Area,
    Competence,
    FrameworkVersion,
    ProficiencyLevel,
    Statement,
)
from tests.skills.factories import AssessmentFactory

pytestmark = pytest.mark.django_db


def make_version(code: str = "digcomp-3.0") -> FrameworkVersion:
    version = FrameworkVersion.objects.create(
        code=code,
        name="DigComp 3.0",
        attribution="© European Union (JRC), CC BY 4.0.",
        licence="CC BY 4.0",
        licence_url="https://creativecommons.org/licenses/by/4.0/",
        source_url="https://example.test/digcomp-3",
    )
    for number in range(1, 9):
        ProficiencyLevel.objects.create(
            version=version, number=number, group="foundation", description=f"L{number}"
        )
    area = Area.objects.create(
        version=version, number=1, title="Information", summary="s", suggestion="t"
    )
    competence = Competence.objects.create(area=area, number=1, title="Search", summary="s")
    for position, level in enumerate((2, 4, 6), start=1):
        Statement.objects.create(
            competence=competence, position=position, level=level, text=f"I can {level}."
        )
    return version


def test_two_versions_cannot_both_be_current():
    make_version()

    with pytest.raises(IntegrityError), transaction.atomic():
        FrameworkVersion.objects.filter(code="digcomp-3.0").update(is_current=True)


def test_a_new_current_version_is_used_by_new_assessments_and_old_ones_keep_theirs():
    old = AssessmentFactory(answer=AnswerScale.ON_MY_OWN, submitted=True)
    new_version = make_version()
    FrameworkVersion.objects.filter(code="digcomp-2.2").update(is_current=False)
    FrameworkVersion.objects.filter(pk=new_version.pk).update(is_current=True)

    new = services.assessment_start(user=old.user)

    assert new.version == new_version
    assert [p.total for p in selectors.assessment_progress(assessment=new)] == [3]
    assert [line.area.title for line in selectors.assessment_result(assessment=old)] == [
        "Information and data literacy",
        "Communication and collaboration",
        "Digital content creation",
        "Safety",
        "Problem solving",
    ]
    area = selectors.area_for_step(version=new_version, step=1)
    statements = Statement.objects.filter(competence__area=area)
    services.assessment_answer_step(
        assessment=new, area=area, answers={s.pk: AnswerScale.CONFIDENTLY for s in statements}
    )
    done = services.assessment_submit(assessment=new)
    assert [line.level for line in selectors.assessment_result(assessment=done)] == [6]


def test_the_data_migration_reverses_and_loads_again():
    # The migration's own functions, run on the live schema: a transactional test that
    # migrates back and forth would flush the framework for every later test in the worker.
    # The functions touch rows only, so they need no schema editor.
    migration = import_module("samen.skills.migrations.0002_load_digcomp_2_2")
    migration.unload_framework(django_apps, None)
    assert FrameworkVersion.objects.count() == 0
    migration.load_framework(django_apps, None)

    assert FrameworkVersion.objects.get().code == "digcomp-2.2"
    assert Statement.objects.count() == 63
