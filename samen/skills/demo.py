"""Demo self-assessments for Lindeveld, so the history, the chart and the results show data."""

from collections.abc import Collection, Sequence
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samen.skills import demo_coaching, demo_courses, demo_picture, selectors, services
from samen.skills.models import AnswerScale, Area, Assessment, AssessmentStatus

# Per demo user: for each finished assessment, how many days ago and the answers by statement
# level (foundation, intermediate, advanced); an area listed in `boost` answers one step higher.
PLAN = {
    "resident@demo.samen.test": (
        (200, (AnswerScale.WITH_HELP, AnswerScale.DONT_KNOW, AnswerScale.DONT_KNOW), ()),
        (30, (AnswerScale.ON_MY_OWN, AnswerScale.WITH_HELP, AnswerScale.DONT_KNOW), (2, 4)),
    ),
    "staff@demo.samen.test": (
        (120, (AnswerScale.ON_MY_OWN, AnswerScale.ON_MY_OWN, AnswerScale.WITH_HELP), ()),
        (10, (AnswerScale.CONFIDENTLY, AnswerScale.ON_MY_OWN, AnswerScale.WITH_HELP), (1, 3)),
    ),
}
# The resident also has one in progress, first part answered, to show "carry on".
IN_PROGRESS = "resident@demo.samen.test"


def _answers_for(area: Area, pattern: Sequence[int], boost: Collection[int]) -> dict[int, int]:
    answers = {}
    for competence in area.competences.all():
        for index, statement in enumerate(competence.statements.all()):
            value = int(pattern[min(index, len(pattern) - 1)])
            if area.number in boost:
                value = min(value + 1, AnswerScale.CONFIDENTLY)
            answers[statement.pk] = value
    return answers


def seed() -> list[str]:
    """Give the demo resident and staff member finished assessments, and seed the Digicoach
    network (idempotent)."""
    done: list[str] = []
    users = get_user_model().objects
    with transaction.atomic():
        for email, plan in PLAN.items():
            user = users.filter(email=email).first()
            if user is None or selectors.submitted_assessments(user=user).exists():
                continue
            for days_ago, pattern, boost in plan:
                assessment = services.assessment_start(user=user)
                for area in selectors.framework_areas(version=assessment.version):
                    services.assessment_answer_step(
                        assessment=assessment,
                        area=area,
                        answers=_answers_for(area, pattern, boost),
                    )
                services.assessment_submit(assessment=assessment)
                when = timezone.now() - timedelta(days=days_ago)
                # Backdated so the history has a past; demo data only, never in a service.
                Assessment.objects.filter(pk=assessment.pk).update(
                    started_at=when - timedelta(minutes=25), updated_at=when, submitted_at=when
                )
            done.append(f"gave {email} {len(plan)} finished skills self-assessments")
        user = users.filter(email=IN_PROGRESS).first()
        if (
            user is not None
            and not Assessment.objects.filter(
                user=user, status=AssessmentStatus.IN_PROGRESS
            ).exists()
        ):
            assessment = services.assessment_start(user=user)
            first = selectors.framework_areas(version=assessment.version)[0]
            services.assessment_answer_step(
                assessment=assessment,
                area=first,
                answers=_answers_for(first, (AnswerScale.ON_MY_OWN, AnswerScale.WITH_HELP), ()),
            )
            done.append(f"gave {IN_PROGRESS} a skills self-assessment in progress")
    done.extend(demo_coaching.seed())
    done.extend(demo_picture.seed())
    done.extend(demo_courses.seed())
    return done
