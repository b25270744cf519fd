"""Forms organisers use: processes, phases, districts, budgets and proposal review."""

from datetime import date, datetime, time, timedelta
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.budgeting.forms import money_field, reason_field
from samen.budgeting.models import BallotKind, CountingRule, Phase, Process, Proposal
from samen.budgeting.models.process import Currency
from samen.budgeting.selectors import merge_targets
from samen.core.forms import SamenForm

MAX_COUNT = 100  # projects to mark or points to share: far above any ballot


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def end_of(day: date) -> datetime:
    """Phases end at midnight after their last day, so the last day is included."""
    return start_of(day + timedelta(days=1))


def last_day(ends_at: datetime) -> date:
    return (timezone.localtime(ends_at) - timedelta(days=1)).date()


def _date_field(label: Any, *, required: bool = True) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter a date, for example 2026-03-31.")},
    )


def _age_field(label: Any, *, required: bool) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=required,
        min_value=1,
        max_value=120,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Enter an age in whole years, for example 16.")},
    )


class ProcessForm(SamenForm):
    title = forms.CharField(label=_("Title"), max_length=150, validators=[no_markup])
    description = forms.CharField(
        label=_("Description"),
        max_length=5000,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    easy_read_summary = forms.CharField(
        label=_("Easy-read summary"),
        required=False,
        max_length=2000,
        help_text=_("Short sentences, one idea each, everyday words."),
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    currency = forms.ChoiceField(label=_("Currency"), choices=Currency.choices)
    rule = forms.ChoiceField(
        label=_("Counting rule"),
        choices=CountingRule.choices,
        help_text=_("Published with the process. It cannot change once voting has opened."),
    )
    min_age = _age_field(_("Minimum age"), required=True)
    max_age = _age_field(_("Maximum age"), required=False)
    residency_required = forms.BooleanField(
        label=_("Only people who live in one of the districts may vote"), required=False
    )
    voting_codes_enabled = forms.BooleanField(
        label=_("Voters may also use a voting code sent by letter"), required=False
    )
    is_published = forms.BooleanField(label=_("Show this process to the public"), required=False)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        low, high = cleaned.get("min_age"), cleaned.get("max_age")
        if low is not None and high is not None and high < low:
            self.add_error("max_age", _("The maximum age cannot be below the minimum age."))
        return cleaned


class ProcessCreateForm(ProcessForm):
    starts_on = _date_field(_("The ideas phase starts on"))

    field_order = ["title", "description", "easy_read_summary", "starts_on"]


class PhaseForm(SamenForm):
    enabled = forms.BooleanField(label=_("Use this phase"), required=False)
    starts_on = _date_field(_("First day"))
    ends_on = _date_field(_("Last day"), required=False)

    def __init__(self, *args: Any, phase: Phase, **kwargs: Any) -> None:
        kwargs.setdefault(
            "initial",
            {
                "enabled": phase.enabled,
                "starts_on": timezone.localtime(phase.starts_at).date(),
                "ends_on": last_day(phase.ends_at) if phase.ends_at else None,
            },
        )
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        first, last = cleaned.get("starts_on"), cleaned.get("ends_on")
        if first and last and last < first:
            self.add_error("ends_on", _("The last day cannot be before the first day."))
        return cleaned


class DistrictForm(SamenForm):
    name = forms.CharField(label=_("Name"), max_length=80, validators=[no_markup])
    postcode_patterns = forms.CharField(
        label=_("Postcodes"),
        max_length=2000,
        help_text=_(
            "One pattern per line. 7411* means every postcode starting with 7411; "
            "a pattern without * also matches every postcode that starts with it."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
    )


def count_field(label: Any, *, minimum: int = 1, help_text: Any = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=minimum,
        max_value=MAX_COUNT,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "class": "input--short"}),
        error_messages={"invalid": _("Enter a whole number, for example 3.")},
    )


class BudgetForm(SamenForm):
    name = forms.CharField(label=_("Name"), max_length=80, validators=[no_markup])
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=None,
        required=False,
        empty_label=_("Area-wide (every district)"),
        error_messages={"invalid_choice": _("Choose one of the districts in the list.")},
    )
    amount = money_field(_("Amount"))
    ballot_kind = forms.ChoiceField(
        label=_("How do voters choose projects for this budget?"),
        choices=BallotKind.choices,
        initial=BallotKind.APPROVAL,
        widget=forms.RadioSelect,
        help_text=_(
            "Voters see this rule in words above the projects. It cannot change once voting "
            "has opened."
        ),
    )
    max_choices = count_field(
        _("Most projects a voter can mark"),
        help_text=_(
            "Needed for “exactly” and “up to”: for example 3. For the other designs, leave "
            "it empty for no limit. For “put in order”, how many places there are."
        ),
    )
    min_choices = count_field(
        _("Fewest projects a voter must mark"),
        minimum=0,
        help_text=_("Leave it empty for no minimum. “Exactly” uses the most projects."),
    )
    points_total = count_field(
        _("Points each voter shares out"),
        help_text=_("Only for “share out points”: for example 10."),
    )
    max_points_per_project = count_field(
        _("Most points for one project"),
        help_text=_("Only for “share out points”. Leave it empty for no limit."),
    )

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = process.districts.all()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        kind = data.get("ballot_kind")
        low, high = data.get("min_choices") or 0, data.get("max_choices")
        points, cap = data.get("points_total"), data.get("max_points_per_project")
        if kind in (BallotKind.EXACTLY, BallotKind.UP_TO) and high is None:
            self.add_error("max_choices", _("Say how many projects voters choose, for example 3."))
        if kind != BallotKind.EXACTLY and high is not None and low > high:
            self.add_error(
                "min_choices", _("The fewest projects cannot be more than the most projects.")
            )
        if kind == BallotKind.CUMULATIVE and points is None:
            self.add_error(
                "points_total", _("Say how many points voters share out, for example 10.")
            )
        if kind == BallotKind.CUMULATIVE and points and cap and cap > points:
            self.add_error(
                "max_points_per_project",
                _("The most points for one project cannot be more than the points to share."),
            )
        return data

    def design(self) -> dict[str, Any]:
        """The ballot design for `services.budget_create/budget_update`; point settings only
        for a points ballot."""
        data = self.cleaned_data
        cumulative = data["ballot_kind"] == BallotKind.CUMULATIVE
        return {
            "ballot_kind": data["ballot_kind"],
            "min_choices": data["min_choices"] or 0,
            "max_choices": data["max_choices"],
            "points_total": data["points_total"] if cumulative else None,
            "max_points_per_project": data["max_points_per_project"] if cumulative else None,
        }


class ReviewForm(SamenForm):
    decision = forms.ChoiceField(
        label=_("Is this proposal feasible?"),
        choices=[("feasible", _("Feasible")), ("not_feasible", _("Not feasible"))],
        widget=forms.RadioSelect,
    )
    reason = reason_field(
        _("Public reason"), help_text=_("Everyone can read this. Use plain language.")
    )
    adjusted_cost = money_field(
        _("Adjusted cost"),
        required=False,
        help_text=_("Leave empty to keep the estimate. The estimate always stays visible."),
    )


class MergeForm(SamenForm):
    into = forms.ModelChoiceField(
        label=_("Merge into"),
        queryset=None,
        error_messages={"invalid_choice": _("Choose one of the proposals in the list.")},
    )
    reason = reason_field(_("Public reason"), help_text=_("Everyone can read this."))

    def __init__(self, *args: Any, proposal: Proposal, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = merge_targets(proposal=proposal)  # type: ignore[attr-defined]


class ShortlistForm(SamenForm):
    on_ballot = forms.TypedChoiceField(
        label=_("Ballot"),
        choices=[("yes", _("Put it on the ballot")), ("no", _("Take it off the ballot"))],
        coerce=lambda value: value == "yes",
        widget=forms.RadioSelect,
    )
