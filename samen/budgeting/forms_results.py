"""Forms for counting the votes and publishing the results."""

from django import forms
from django.utils.translation import gettext_lazy as _

from samen.budgeting.forms import reason_field
from samen.core.forms import SamenForm


class CountForm(SamenForm):
    """Start a count: the button is the whole form (the rule was fixed before voting)."""


class PublishForm(SamenForm):
    checked = forms.BooleanField(
        label=_("I have checked the results of every budget, and they can be published."),
        required=True,
        error_messages={"required": _("Confirm that you have checked the results.")},
    )
    reason = reason_field(
        _("Note for the audit log"),
        required=False,
        help_text=_("For example: who checked the count with you."),
    )
