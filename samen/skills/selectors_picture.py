"""Reads for the organisation's skills picture: levels by department and area, and gaps
against each job role's target profile.

Each staff member counts once, with their latest finished self-assessment on the current
framework version. A group (a department, a job role) of fewer than `MIN_GROUP` assessed
people shows no figures at all, not even how many they are: with four people, an average
says too much about each of them.
"""

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from samen.accounts.models import Role
from samen.core.small_groups import SMALLEST_GROUP
from samen.skills import selectors
from samen.skills.models import Area, AreaResult, Assessment, AssessmentStatus
from samen.skills.models_picture import Department, JobRole, StaffProfile, TargetLevel

MIN_GROUP = SMALLEST_GROUP
TENTH = Decimal("0.1")


def _mean(values: Sequence[int]) -> Decimal:
    return (Decimal(sum(values)) / len(values)).quantize(TENTH, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Person:
    """One assessed staff member: where they work and their level per area id."""

    department_id: int
    job_role_id: int | None
    levels: dict[int, int]


@dataclass(frozen=True)
class Cell:
    area: Area
    mean: Decimal | None  # None when the group is too small to show


@dataclass
class GroupRow:
    """One department (or the whole organisation) across the areas."""

    label: str
    staff: int  # staff members with a profile in the group
    people: int  # of whom assessed
    cells: list[Cell] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP


@dataclass(frozen=True)
class Gap:
    area: Area
    target: int
    mean: Decimal | None
    below: int | None  # people under the target

    @property
    def gap(self) -> Decimal | None:
        if self.mean is None:
            return None
        return max(Decimal(self.target) - self.mean, Decimal(0)).quantize(TENTH)


@dataclass
class RoleGaps:
    job_role: JobRole
    people: int
    gaps: list[Gap] = field(default_factory=list)

    @property
    def shown(self) -> bool:
        return self.people >= MIN_GROUP


@dataclass
class Picture:
    areas: list[Area]
    rows: list[GroupRow]  # departments, then the whole organisation
    roles: list[RoleGaps]
    unassigned: int  # staff without a department, never in the picture
    min_group: int = MIN_GROUP


def staff_profiles() -> QuerySet[StaffProfile]:
    """Profiles of current staff members, with department and job role."""
    return StaffProfile.objects.filter(
        user__groups__name=Role.STAFF, user__is_active=True
    ).select_related("user", "department", "job_role")


def assessed_people(*, areas: Iterable[Area]) -> list[Person]:
    """Staff members with a finished assessment on these areas' version, latest one each."""
    profiles = {profile.user_id: profile for profile in staff_profiles()}
    area_ids = {area.pk for area in areas}
    latest: dict[int, int] = {}
    assessments = (
        Assessment.objects.filter(
            user_id__in=profiles,
            status=AssessmentStatus.SUBMITTED,
            area_results__area_id__in=area_ids,
        )
        .order_by("user_id", "-submitted_at", "-pk")
        .values_list("user_id", "pk")
        .distinct()
    )
    for user_id, assessment_id in assessments:
        latest.setdefault(user_id, assessment_id)
    levels: dict[int, dict[int, int]] = defaultdict(dict)
    results = AreaResult.objects.filter(assessment_id__in=latest.values(), area_id__in=area_ids)
    for assessment_id, area_id, level in results.values_list("assessment_id", "area_id", "level"):
        levels[assessment_id][area_id] = level
    return [
        Person(profiles[user_id].department_id, profiles[user_id].job_role_id, levels[pk])
        for user_id, pk in latest.items()
    ]


def _row(label: str, staff: int, people: list[Person], areas: list[Area]) -> GroupRow:
    row = GroupRow(label=label, staff=staff, people=len(people))
    for area in areas:
        values = [person.levels[area.pk] for person in people if area.pk in person.levels]
        shown = row.shown and len(values) >= MIN_GROUP
        row.cells.append(Cell(area, _mean(values) if shown else None))
    return row


def skills_picture() -> Picture:
    """The whole picture, in a handful of queries whatever the number of staff."""
    areas = list(Area.objects.filter(version=selectors.current_version()).order_by("number"))
    people = assessed_people(areas=areas)
    staff_by_department: dict[int, int] = defaultdict(int)
    for department_id in staff_profiles().values_list("department_id", flat=True):
        staff_by_department[department_id] += 1
    rows = []
    for department in Department.objects.order_by("name"):
        members = [p for p in people if p.department_id == department.pk]
        rows.append(_row(department.name, staff_by_department[department.pk], members, areas))
    total_staff = sum(staff_by_department.values())
    organisation = _row(_("Whole organisation"), total_staff, people, areas)
    from samen.accounts.models import User

    all_staff = User.objects.filter(groups__name=Role.STAFF, is_active=True).distinct().count()
    return Picture(
        areas=areas,
        rows=[*rows, organisation],
        roles=role_gaps(people=people, areas=areas),
        unassigned=max(all_staff - total_staff, 0),
    )


def role_gaps(*, people: list[Person], areas: list[Area]) -> list[RoleGaps]:
    """For each job role with targets: the mean level against the target, per area."""
    targets = TargetLevel.objects.filter(area__in=areas).order_by("area__number")
    roles = JobRole.objects.prefetch_related(
        Prefetch("targets", queryset=targets.select_related("area"))
    ).order_by("name")
    found = []
    for job_role in roles:
        members = [person for person in people if person.job_role_id == job_role.pk]
        entry = RoleGaps(job_role=job_role, people=len(members))
        for target in job_role.targets.all():
            values = [p.levels[target.area_id] for p in members if target.area_id in p.levels]
            if entry.shown and len(values) >= MIN_GROUP:
                below = sum(1 for value in values if value < target.level)
                entry.gaps.append(Gap(target.area, target.level, _mean(values), below))
            else:
                entry.gaps.append(Gap(target.area, target.level, None, None))
        found.append(entry)
    return found


def job_roles() -> QuerySet[JobRole]:
    targets = TargetLevel.objects.select_related("area").order_by("area__number")
    return JobRole.objects.prefetch_related(Prefetch("targets", queryset=targets)).order_by("name")


def staff_members() -> QuerySet[Any]:
    """Every current staff member, with their profile if they have one."""
    from samen.accounts.models import User

    return (
        User.objects.filter(groups__name=Role.STAFF, is_active=True)
        .select_related("staff_profile__department", "staff_profile__job_role")
        .order_by("display_name", "pk")
        .distinct()
    )


def departments() -> QuerySet[Department]:
    """Departments with how many current staff members are in each."""
    current = Q(staff__user__groups__name=Role.STAFF, staff__user__is_active=True)
    return Department.objects.annotate(members=Count("staff", filter=current)).order_by("name")


@dataclass(frozen=True)
class AttendanceRow:
    label: str
    staff: int
    attendees: int | None  # staff members present at one course session or more; None: hidden
    sessions: int | None  # course sessions attended, all of them together

    @property
    def shown(self) -> bool:
        return self.attendees is not None


def course_attendance() -> list[AttendanceRow]:
    """Per department: how many staff members came to courses, from registered attendance.

    Like the levels, a department of fewer than `MIN_GROUP` staff members shows no figures.
    """
    from samen.skills.models_courses import Attendance

    department_of = dict(staff_profiles().values_list("user_id", "department_id"))
    present = Attendance.objects.filter(
        present=True, enrolment__person_id__in=department_of
    ).values_list("enrolment__person_id", flat=True)
    people: dict[int, set[int]] = defaultdict(set)
    sessions: dict[int, int] = defaultdict(int)
    for person_id in present:
        people[department_of[person_id]].add(person_id)
        sessions[department_of[person_id]] += 1
    staff: dict[int, int] = defaultdict(int)
    for department_id in department_of.values():
        staff[department_id] += 1
    rows = []
    for department in Department.objects.order_by("name"):
        count = staff[department.pk]
        shown = count >= MIN_GROUP
        rows.append(
            AttendanceRow(
                label=department.name,
                staff=count,
                attendees=len(people[department.pk]) if shown else None,
                sessions=sessions[department.pk] if shown else None,
            )
        )
    return rows


def staff_profile_export(*, user: Any) -> dict[str, Any] | None:
    """The staff member's department and job role, for the account's data export."""
    profile = StaffProfile.objects.select_related("department", "job_role").filter(user=user)
    found = profile.first()
    if found is None:
        return None
    return {
        "department": found.department.name,
        "job_role": found.job_role.name if found.job_role else None,
        "updated_at": found.updated_at.isoformat(),
    }
