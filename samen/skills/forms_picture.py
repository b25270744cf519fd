"""Forms of the skills picture: departments, job roles with targets, staff profiles."""

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.core.forms import SamenForm
from samen.skills.framework_text import translated
from samen.skills.models import Area
from samen.skills.models_picture import Department, JobRole
from samen.skills.services import HIGHEST_SELF_ASSESSED_LEVEL

TARGET_PREFIX = "target_"


class DepartmentForm(SamenForm):
    name = forms.CharField(
        label=_("Department"),
        max_length=120,
        validators=[no_markup],
        help_text=_("For example: Customer services."),
    )


class JobRoleForm(SamenForm):
    """A job role and, per area of the current framework, the level it should reach."""

    name = forms.CharField(
        label=_("Job role"),
        max_length=120,
        validators=[no_markup],
        help_text=_("A role or job family, for example: front desk, policy advisor."),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=1000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, areas: list[Area], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.areas = areas
        choices = [("", _("No target"))] + [
            (str(level), str(level)) for level in range(1, HIGHEST_SELF_ASSESSED_LEVEL + 1)
        ]
        for area in areas:
            self.fields[f"{TARGET_PREFIX}{area.number}"] = forms.TypedChoiceField(
                label=gettext("Target level for %(area)s") % {"area": translated(area.title)},
                choices=choices,
                coerce=int,
                empty_value=None,
                required=False,
            )

    def target_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith(TARGET_PREFIX)]

    def main_fields(self) -> list[forms.BoundField]:
        return [self["name"], self["description"]]

    def targets(self) -> dict[Area, int | None]:
        return {area: self.cleaned_data.get(f"{TARGET_PREFIX}{area.number}") for area in self.areas}


class StaffProfileForm(SamenForm):
    department = forms.ModelChoiceField(
        label=_("Department"),
        queryset=Department.objects.order_by("name"),
        empty_label=_("Choose your department"),
    )
    job_role = forms.ModelChoiceField(
        label=_("Job role"),
        queryset=JobRole.objects.order_by("name"),
        required=False,
        empty_label=_("None of these"),
    )
