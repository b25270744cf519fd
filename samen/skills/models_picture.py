"""The organisation's skills picture as data: departments, job roles with target levels, and
each staff member's department and job role.

The picture itself is never stored: it is read from staff members' latest finished
self-assessments whenever an organiser opens it, and groups under five people are not shown.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.skills.models import Area


class Department(models.Model):
    """A department of the municipality, such as "Customer services" or "Finance"."""

    name = models.CharField(_("name"), max_length=120, unique=True)

    class Meta:
        verbose_name = _("department")
        verbose_name_plural = _("departments")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class JobRole(models.Model):
    """A staff role or job family ("front desk", "policy advisor") with a target profile."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    description = models.TextField(_("description"), max_length=1000, blank=True)

    class Meta:
        verbose_name = _("job role")
        verbose_name_plural = _("job roles")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class TargetLevel(models.Model):
    """The level a job role should reach in one DigComp area (1 to 6: self-assessable)."""

    job_role = models.ForeignKey(
        JobRole, verbose_name=_("job role"), on_delete=models.CASCADE, related_name="targets"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="targets"
    )
    level = models.PositiveSmallIntegerField(
        _("target level"), validators=[MinValueValidator(1), MaxValueValidator(6)]
    )

    class Meta:
        verbose_name = _("target level")
        verbose_name_plural = _("target levels")
        ordering = ["job_role", "area"]
        constraints = [
            models.UniqueConstraint(fields=["job_role", "area"], name="skills_one_target_per_area"),
        ]

    def __str__(self) -> str:
        return f"{self.job_role_id} {self.area_id}={self.level}"


class StaffProfile(models.Model):
    """Where a staff member works: their department and job role."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="staff_profile",
    )
    department = models.ForeignKey(
        Department,
        verbose_name=_("department"),
        on_delete=models.PROTECT,
        related_name="staff",
    )
    job_role = models.ForeignKey(
        JobRole,
        verbose_name=_("job role"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
    )
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("staff profile")
        verbose_name_plural = _("staff profiles")
        ordering = ["user__display_name"]

    def __str__(self) -> str:
        return str(self.user)
