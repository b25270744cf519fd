"""Forms for running the Digicoach network: help points, opening times, cancelling a session."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.core.forms import SamenForm
from samen.skills.models_coaching import Weekday


class HelpPointForm(SamenForm):
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        validators=[no_markup],
        help_text=_("For example: Lindeveld Library."),
    )
    address = forms.CharField(
        label=_("Address"),
        max_length=200,
        validators=[no_markup],
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    description = forms.CharField(
        label=_("Description"),
        max_length=2000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("What people can get help with here."),
    )
    accessibility = forms.CharField(
        label=_("Accessibility"),
        max_length=1000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("For example: step-free entrance, lift, hearing loop."),
    )
    easy_read_text = forms.CharField(
        label=_("Easy-read version"),
        max_length=20_000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Short sentences, one idea each, everyday words. Explain hard words."),
    )


class OpeningTimeForm(SamenForm):
    weekday = forms.TypedChoiceField(
        label=_("Day"), choices=Weekday.choices, coerce=int, widget=forms.RadioSelect
    )
    opens = forms.TimeField(label=_("Opens at"), widget=forms.TimeInput(attrs={"type": "time"}))
    closes = forms.TimeField(label=_("Closes at"), widget=forms.TimeInput(attrs={"type": "time"}))


class CancelSessionForm(SamenForm):
    reason = forms.CharField(
        label=_("Why is the session cancelled?"),
        max_length=500,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Everyone booked gets this in their email, so write it for them."),
    )
