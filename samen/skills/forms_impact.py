"""Forms of the impact survey: the coach's link maker and the survey itself."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.core.forms import SamenForm
from samen.skills.models_coaching import HelpPoint
from samen.skills.models_impact import AgeBand, Confidence, Disability, GotHelp, Recommend


class SurveyLinkForm(SamenForm):
    help_point = forms.ModelChoiceField(
        label=_("Where did you help?"),
        queryset=HelpPoint.objects.none(),
        required=False,
        empty_label=_("Somewhere else"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from samen.skills import selectors_coaching

        self.fields["help_point"].queryset = selectors_coaching.help_points()


def _optional(choices: list[tuple[str, Any]]) -> list[tuple[str, Any]]:
    return [("", _("I'll skip this question")), *choices]


class ImpactSurveyForm(SamenForm):
    got_help = forms.ChoiceField(
        label=_("Did you get the help you came for?"),
        choices=GotHelp.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you got the help you came for.")},
    )
    confidence = forms.TypedChoiceField(
        label=_("How sure are you that you can do this on your own next time?"),
        choices=Confidence.choices,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say how sure you are that you can do it on your own.")},
    )
    recommend = forms.ChoiceField(
        label=_("Would you tell a friend to come here for help?"),
        choices=Recommend.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Say whether you would tell a friend to come.")},
    )
    age_band = forms.ChoiceField(
        label=_("How old are you?"),
        choices=_optional(AgeBand.choices),
        required=False,
        widget=forms.RadioSelect,
    )
    disability = forms.ChoiceField(
        label=_(
            "Do you have a disability or a long-term health condition that makes using "
            "digital services harder?"
        ),
        choices=_optional(Disability.choices),
        required=False,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Is there anything else you want to tell us?"),
        help_text=_("Please do not write your name or other details about yourself here."),
        max_length=1000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 4}),
    )
