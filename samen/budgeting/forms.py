"""Forms residents and moderators use: proposals, the proposal filter, hiding and unhiding."""

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.budgeting.models import Category, Process
from samen.core.forms import SamenForm
from samen.inclusion.forms import ReadabilityHintsMixin

MAX_COST = Decimal("100000000")  # 100 million: far above any PB budget, below any overflow


def money_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal("0.01"),
        max_value=MAX_COST,
        max_digits=11,
        decimal_places=2,
        help_text=help_text,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        error_messages={"invalid": _("Enter an amount in numbers, for example 2500.")},
    )


def reason_field(label: Any, *, required: bool = True, help_text: Any = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=2000,
        help_text=help_text,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ProposalForm(ReadabilityHintsMixin, SamenForm):
    """Reading hints (never a gate) come from the inclusion app: live with JavaScript, on the
    "Check my text" button and after saving without it."""

    readability_fields = ("description",)

    title = forms.CharField(
        label=_("Title"),
        max_length=120,
        help_text=_("A short name for your idea, for example “Benches in the park”."),
        validators=[no_markup],
    )
    description = forms.CharField(
        label=_("What is your idea?"),
        max_length=4000,
        help_text=_("Say what you want to change, and who it helps."),
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 8}),
    )
    estimated_cost = money_field(
        _("What do you think it costs?"),
        help_text=_("A rough guess is fine. Staff check the cost later."),
    )
    district = forms.ModelChoiceField(
        label=_("Where is it?"),
        queryset=None,
        required=False,
        empty_label=_("The whole area"),
        error_messages={"invalid_choice": _("Choose one of the areas in the list.")},
    )
    category = forms.ChoiceField(label=_("What is it about?"), choices=Category.choices)
    location_text = forms.CharField(
        label=_("Place"),
        required=False,
        max_length=200,
        help_text=_("For example a street, a park or a building."),
        validators=[no_markup],
    )

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["district"].queryset = process.districts.all()  # type: ignore[attr-defined]


class ProposalFilterForm(SamenForm):
    """The filter above the public list. Sent with GET, so it never changes anything."""

    extra_allowed_fields = frozenset({"page"})

    district = forms.TypedChoiceField(label=_("Area"), required=False, coerce=int, empty_value=None)
    category = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All topics")), *Category.choices]
    )

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        choices = [("", _("All areas")), ("0", _("The whole area"))]
        choices += [(str(d.pk), d.name) for d in process.districts.all()]
        self.fields["district"].choices = choices  # type: ignore[attr-defined]


class HideForm(SamenForm):
    reason = reason_field(
        _("Why are you hiding this proposal?"),
        help_text=_("Only staff see this reason. It goes in the audit log."),
    )


class UnhideForm(SamenForm):
    reason = reason_field(_("Why are you showing it again?"), required=False)
