"""Demo skills picture for Lindeveld: departments, job roles with targets, and colleagues of the
demo staff member with finished self-assessments, so the picture has something to show.

Four departments have five or more assessed staff members; Communications has three, so the
picture shows how a small group is left out. The demo colleagues cannot log in (no password).
"""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from samen.accounts import services as account_services
from samen.accounts.models import Role
from samen.skills import selectors, services
from samen.skills import services_picture as picture_services
from samen.skills.models import Answer, AnswerScale, Assessment
from samen.skills.models_picture import Department

DONT, HELP, OWN = AnswerScale.DONT_KNOW, AnswerScale.WITH_HELP, AnswerScale.ON_MY_OWN
# Target level per area number (1 to 5) for each job role.
JOB_ROLES = {
    "Front desk": ("Helps residents at the counter and on the phone.", (3, 3, 2, 3, 2)),
    "Policy advisor": ("Writes policy and advises the council.", (4, 4, 3, 3, 3)),
    "Field worker": ("Works outdoors: parks, roads and inspections.", (2, 2, 1, 3, 2)),
}
# Department: (answers to foundation, intermediate and advanced statements, areas one step
# stronger, colleagues as (name, job role)).
DEPARTMENTS = {
    "Customer services": (
        (OWN, DONT, DONT),
        (2,),
        (
            ("Fatima Ouali", "Front desk"),
            ("Jeroen de Boer", "Front desk"),
            ("Linda Meijer", "Front desk"),
            ("Ahmet Yilmaz", "Front desk"),
            ("Petra Vos", ""),
        ),
    ),
    "Finance": (
        (OWN, HELP, DONT),
        (1, 5),
        (
            ("Hans Kok", "Policy advisor"),
            ("Ingrid Dekker", "Policy advisor"),
            ("Marco Peters", "Policy advisor"),
            ("Yvonne Brouwer", ""),
            ("Ruud Willems", ""),
            ("Sanne Koster", ""),
        ),
    ),
    "Social domain": (
        (OWN, DONT, DONT),
        (2, 4),
        (
            ("Esther van Dijk", "Policy advisor"),
            ("Bram Hoekstra", "Policy advisor"),
            ("Naima Bouzid", "Policy advisor"),
            ("Gerrit Post", ""),
            ("Lotte Smits", ""),
        ),
    ),
    "Public space": (
        (HELP, DONT, DONT),
        (5,),
        (
            ("Wim van der Berg", "Field worker"),
            ("Dennis Mulder", "Field worker"),
            ("Karin Bos", "Field worker"),
            ("Erik Jansen", "Field worker"),
            ("Tom de Graaf", ""),
            ("Anouk Prins", ""),
        ),
    ),
    "Communications": (
        (OWN, OWN, DONT),
        (3,),
        (
            ("Sophie Hermans", "Policy advisor"),
            ("Daan Kuipers", ""),
            ("Julia Verbeek", ""),
        ),
    ),
}
# The demo staff member and coach work in customer services; Sander's assessments come from
# samen.skills.demo, Chantal has not taken one.
DEMO_STAFF = (
    ("staff@demo.samen.test", "Customer services", "Front desk"),
    ("coach@demo.samen.test", "Customer services", "Front desk"),
)
# One colleague in the social domain has not done the self-assessment yet.
NOT_ASSESSED = ("Vera Lambrechts", "Social domain")


def _email(name: str) -> str:
    return name.lower().replace(" ", ".") + "@colleague.demo.samen.test"


def _assess(user: object, pattern: tuple[int, ...], boost: set[int], days_ago: int) -> None:
    """A finished self-assessment: answers saved at once, scored by the real service."""
    from samen.skills.demo import _answers_for

    assessment = services.assessment_start(user=user)
    answers: dict[int, int] = {}
    for area in selectors.framework_areas(version=assessment.version):
        answers |= _answers_for(area, pattern, boost)
    Answer.objects.bulk_create(
        Answer(assessment=assessment, statement_id=statement_id, value=value)
        for statement_id, value in answers.items()
    )
    services.assessment_submit(assessment=assessment)
    when = timezone.now() - timedelta(days=days_ago)
    # Backdated so the picture reads from the past weeks; demo data only.
    Assessment.objects.filter(pk=assessment.pk).update(
        started_at=when - timedelta(minutes=25), updated_at=when, submitted_at=when
    )


def seed() -> list[str]:
    users = get_user_model().objects
    organiser = users.filter(email="organiser@demo.samen.test").first()
    if organiser is None or Department.objects.exists():
        return []
    with transaction.atomic():
        areas = list(selectors.framework_areas(version=selectors.current_version()))
        roles = {
            name: picture_services.job_role_save(
                actor=organiser,
                name=name,
                description=description,
                targets=dict(zip(areas, levels, strict=True)),
            )
            for name, (description, levels) in JOB_ROLES.items()
        }
        departments = {
            name: picture_services.department_save(actor=organiser, name=name)
            for name in DEPARTMENTS
        }
        people = 0
        for department, (pattern, boost, colleagues) in DEPARTMENTS.items():
            for index, (name, role) in enumerate(colleagues):
                user = account_services.user_create(
                    email=_email(name),
                    password=None,
                    display_name=name,
                    roles=[Role.STAFF],
                    verified=True,
                )
                picture_services.staff_profile_save(
                    actor=user,
                    user=user,
                    department=departments[department],
                    job_role=roles.get(role),
                )
                # Colleagues differ: every second one is a step stronger in one more area.
                extra = {index % 5 + 1} if index % 2 else set()
                _assess(user, pattern, set(boost) | extra, days_ago=14 + 9 * index)
                people += 1
        name, department = NOT_ASSESSED
        user = account_services.user_create(
            email=_email(name), password=None, display_name=name, roles=[Role.STAFF], verified=True
        )
        picture_services.staff_profile_save(
            actor=user, user=user, department=departments[department]
        )
        for email, department, role in DEMO_STAFF:
            user = users.filter(email=email).first()
            if user is not None:
                picture_services.staff_profile_save(
                    actor=user, user=user, department=departments[department], job_role=roles[role]
                )
    return [
        f"created {len(departments)} departments, {len(roles)} job roles with targets and "
        f"{people + 1} demo colleagues, {people} with a finished skills self-assessment"
    ]
