"""Page-registry rows for the skills app, in the `Page` structure of tests/pages.py.

To wire in (tests/pages.py): `from tests.pages_skills import SKILLS_PAGES` after `PAGES` is
defined, then `PAGES = (*PAGES, *SKILLS_PAGES)`, or splice the rows into the tuple. The import
is one-way (this module imports tests.pages, never the reverse at import time), so put the
import at the bottom of tests/pages.py or inline the rows.

The kwargs come from the demo objects `samen.skills.demo.seed` creates, which `build_world()`
gets through `seed_demo()` (SAMEN_DEMO_SEEDERS): the resident has two finished assessments and
one in progress with part 1 answered; the staff member has two finished ones.

A self-assessment is private to the person who took it: everyone else, administrators
included, gets 404 (not 403), so nobody learns which assessments exist.

`SKILLS_FORMS` describes the forms for tests/http/test_bad_input.py as plain keyword arguments
of its `FormCase` (`FormCase(**row)`), and `SKILLS_MODELS` lists the models its
`saved_state()` must snapshot to see skills posts. The step form's fields are built per area
(one radio group per statement), so `StepForm.base_fields` is empty and that file derives no
per-field bad cases from it; tests/skills/test_skills_bad_input.py covers them (missing
answer, off-scale values, markup, another step's statement, unexpected field).
"""

from typing import Any

from django.test import Client
from django.urls import reverse

from samen.skills import forms as skills_forms
from samen.skills import selectors, services
from samen.skills.models import (
    Answer,
    AnswerScale,
    AreaResult,
    Assessment,
    AssessmentStatus,
    CompetenceResult,
)
from tests.pages import OK, POST_ONLY, Expect, Page, World, everyone, members

NOT_FOUND = Expect(404)
# Part 1 of the resident's assessment in progress is answered by the demo seed; this is next.
RESIDENT_NEXT_STEP = 2


def owner_only(owner: str) -> dict[str, Expect]:
    """The owner sees the page; every other member gets 404; anonymous visitors log in."""
    return {**members(NOT_FOUND), owner: OK}


def _in_progress(world: World) -> Assessment:
    return Assessment.objects.get(user=world.users["resident"], status=AssessmentStatus.IN_PROGRESS)


def _latest_result(world: World, role: str) -> dict[str, Any]:
    latest = selectors.submitted_assessments(user=world.users[role]).last()
    assert latest is not None, f"the demo seed gives the {role} a finished assessment"
    return {"assessment_id": latest.pk}


def resident_step(world: World) -> dict[str, Any]:
    return {"assessment_id": _in_progress(world).pk, "number": RESIDENT_NEXT_STEP}


def resident_check(world: World) -> dict[str, Any]:
    return {"assessment_id": _in_progress(world).pk}


def resident_result(world: World) -> dict[str, Any]:
    return _latest_result(world, "resident")


def staff_result(world: World) -> dict[str, Any]:
    return _latest_result(world, "staff")


SKILLS_PAGES: tuple[Page, ...] = (
    Page("skills:index", members(), "Check your digital skills"),
    Page("skills:start", everyone(POST_ONLY), methods=("POST",)),
    Page("skills:history", members(), "Your skills over time"),
    Page(
        "skills:step",
        owner_only("resident"),
        "Communication and collaboration",
        kwargs=resident_step,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:check",
        owner_only("resident"),
        "Check your answers",
        kwargs=resident_check,
        methods=("GET", "POST"),
    ),
    Page(
        "skills:result",
        owner_only("resident"),
        "Your digital skills result",
        kwargs=resident_result,
    ),
    Page("skills:result_pdf", owner_only("resident"), kwargs=resident_result, html=False),
    Page(
        "skills:result",
        owner_only("staff"),
        "Your digital skills result",
        kwargs=staff_result,
        variant="the staff member's own",
    ),
)


# --------------------------------------------------------------------------- bad-input rows


def _step_url(client: Client, world: World) -> str:
    return reverse("skills:step", kwargs=resident_step(world))


def _check_url(client: Client, world: World) -> str:
    return reverse("skills:check", kwargs=resident_check(world))


def _step_answers(client: Client, world: World) -> dict[str, Any]:
    """Every statement of the resident's next part, answered "on my own"."""
    area = selectors.area_for_step(version=_in_progress(world).version, step=RESIDENT_NEXT_STEP)
    assert area is not None
    return {
        f"{skills_forms.FIELD_PREFIX}{statement.pk}": str(AnswerScale.ON_MY_OWN.value)
        for competence in area.competences.all()
        for statement in competence.statements.all()
    }


def _everything_answered(client: Client, world: World) -> dict[str, Any]:
    """Finishing needs every part answered: answer the rest first, then post the button."""
    assessment = _in_progress(world)
    answers = selectors.assessment_answers(assessment=assessment)
    for area in selectors.framework_areas(version=assessment.version):
        missing = {
            statement.pk: AnswerScale.ON_MY_OWN.value
            for competence in area.competences.all()
            for statement in competence.statements.all()
            if statement.pk not in answers
        }
        if missing:
            services.assessment_answer_step(assessment=assessment, area=area, answers=missing)
    return {}


SKILLS_FORMS: tuple[dict[str, Any], ...] = (
    {
        "name": "skills start",
        "page": "skills:start",
        "form": skills_forms.ConfirmForm,
        "role": "staff",
        "valid": lambda client, world: {},
        "url": lambda client, world: reverse("skills:start"),
    },
    {
        "name": "skills step",
        "page": "skills:step",
        "form": skills_forms.StepForm,
        "role": "resident",
        "valid": _step_answers,
        "url": _step_url,
    },
    {
        "name": "skills finish",
        "page": "skills:check",
        "form": skills_forms.ConfirmForm,
        "role": "resident",
        "valid": _everything_answered,
        "url": _check_url,
    },
)

SKILLS_MODELS = (Assessment, Answer, AreaResult, CompetenceResult)

# The Digicoach network's rows (tests/pages_skills_coaching.py) join the skills rows here.
from tests.pages_skills_coaching import (  # noqa: E402
    COACHING_FORMS,
    COACHING_MODELS,
    COACHING_PAGES,
)

# Courses and summer classes (tests/pages_skills_courses.py).
from tests.pages_skills_courses import (  # noqa: E402
    COURSE_FORMS,
    COURSE_MODELS,
    COURSE_PAGES,
)
from tests.pages_skills_picture import (  # noqa: E402
    PICTURE_FORMS,
    PICTURE_MODELS,
    PICTURE_PAGES,
)
from tests.pages_skills_places import PLACES_FORMS, PLACES_PAGES  # noqa: E402

SKILLS_PAGES = (*SKILLS_PAGES, *COACHING_PAGES, *PICTURE_PAGES, *PLACES_PAGES, *COURSE_PAGES)
SKILLS_FORMS = (*SKILLS_FORMS, *COACHING_FORMS, *PICTURE_FORMS, *PLACES_FORMS, *COURSE_FORMS)
SKILLS_MODELS = (*SKILLS_MODELS, *COACHING_MODELS, *PICTURE_MODELS, *COURSE_MODELS)

__all__ = ["SKILLS_FORMS", "SKILLS_MODELS", "SKILLS_PAGES"]
