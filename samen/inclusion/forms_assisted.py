"""Forms for assisted digital: starting a session with the resident's consent."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from samen.core.forms import SamenForm
from samen.inclusion.models_assisted import ConsentMethod


class AssistedSessionStartForm(SamenForm):
    email = forms.EmailField(
        label=_("The resident's email address"),
        max_length=254,
        help_text=_("The address of their account. If they have none, help them create one first."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    consent_method = forms.ChoiceField(
        label=_("How did the resident agree?"),
        choices=ConsentMethod.choices,
        widget=forms.RadioSelect,
    )
    consent_given = forms.BooleanField(
        label=_(
            "The resident is here with me and agrees that I act for them on this site "
            "for this visit."
        ),
        required=True,
    )

    def clean_email(self) -> Any:
        email = self.cleaned_data["email"].strip().lower()
        resident = get_user_model().objects.filter(email__iexact=email).first()
        if resident is None:
            raise forms.ValidationError(
                _("There is no account with this email address. Help the resident create one."),
                code="unknown",
            )
        self.resident = resident
        return email
