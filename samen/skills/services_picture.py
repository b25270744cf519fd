"""Writes for the skills picture: departments, job roles with target levels, staff profiles.

Every change is audited, including a staff member setting their own department: the picture
groups people by it, so who moved whom is worth knowing.
"""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.core.services import audit_record
from samen.skills.models import Area
from samen.skills.models_picture import Department, JobRole, StaffProfile, TargetLevel


@transaction.atomic
def department_save(*, actor: Any, department: Department | None = None, name: str) -> Department:
    """Add a department or rename one (audited)."""
    department = department or Department()
    before = department.name
    department.name = name.strip()
    department.full_clean()
    department.save()
    audit_record(
        actor=actor,
        action="skills.department_saved",
        target=department,
        data={"before": before, "after": department.name},
    )
    return department


@transaction.atomic
def job_role_save(
    *,
    actor: Any,
    job_role: JobRole | None = None,
    name: str,
    description: str = "",
    targets: Mapping[Area, int | None],
) -> JobRole:
    """Add or change a job role and its target level per area; None removes a target."""
    job_role = job_role or JobRole()
    job_role.name = name.strip()
    job_role.description = description
    job_role.full_clean()
    job_role.save()
    for area, level in targets.items():
        if level is None:
            TargetLevel.objects.filter(job_role=job_role, area=area).delete()
            continue
        target = TargetLevel.objects.filter(job_role=job_role, area=area).first()
        target = target or TargetLevel(job_role=job_role, area=area)
        target.level = level
        target.full_clean(validate_constraints=False)
        target.save()
    audit_record(
        actor=actor,
        action="skills.job_role_saved",
        target=job_role,
        data={
            "name": job_role.name,
            "targets": {str(area.number): level for area, level in targets.items()},
        },
    )
    return job_role


@transaction.atomic
def staff_profile_save(
    *, actor: Any, user: Any, department: Department, job_role: JobRole | None = None
) -> StaffProfile:
    """Set a staff member's department and job role (by themselves or an organiser)."""
    from samen.accounts.models import Role

    if not user.has_role(Role.STAFF):
        raise ValidationError(_("Only staff members have a department and a job role."))
    profile = StaffProfile.objects.select_for_update().filter(user=user).first()
    profile = profile or StaffProfile(user=user)
    before = {
        "department": profile.department_id if profile.pk else None,
        "job_role": profile.job_role_id,
    }
    profile.department = department
    profile.job_role = job_role
    profile.updated_at = timezone.now()
    profile.full_clean(validate_constraints=False)
    profile.save()
    audit_record(
        actor=actor,
        action="skills.staff_profile_saved",
        target=profile,
        data={
            "before": before,
            "after": {"department": department.pk, "job_role": job_role.pk if job_role else None},
        },
    )
    return profile


@transaction.atomic
def staff_profile_erase(*, user: Any) -> int:
    """Delete the staff member's department and job role with their account (GDPR art. 17)."""
    deleted, _by_model = StaffProfile.objects.filter(user=user).delete()
    return deleted
