"""Forms for display settings and for an administrator's role changes."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.accounts.models import Role, TextSize
from samen.core.forms import SamenForm
from samen.core.preferences import Preferences


class PreferencesForm(SamenForm):
    text_size = forms.ChoiceField(
        label=_("Text size"), choices=TextSize.choices, widget=forms.RadioSelect
    )
    high_contrast = forms.BooleanField(label=_("High contrast colours"), required=False)
    reduced_motion = forms.BooleanField(label=_("Reduce motion and animation"), required=False)
    easy_read = forms.BooleanField(
        label=_("Show easy-read versions where they exist"), required=False
    )

    def to_preferences(self) -> Preferences:
        data = self.cleaned_data
        return Preferences(
            text_size=data["text_size"],
            high_contrast=data["high_contrast"],
            reduced_motion=data["reduced_motion"],
            easy_read=data["easy_read"],
        )


class UserRolesForm(SamenForm):
    roles = forms.MultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reason = forms.CharField(
        label=_("Reason for the change"),
        max_length=500,
        help_text=_("This goes in the audit log."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
