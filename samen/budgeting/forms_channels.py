"""Forms for voting codes (organisers and voters) and for entering and checking paper ballots."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.budgeting.models import District, IdentityKind, Process
from samen.budgeting.services_channels import MAX_BATCH
from samen.core.forms import SamenForm

ISSUED_TO = (
    ("", _("Anyone: the letters are addressed to the resident")),
    ("reference", _("Register references, such as youth-card numbers")),
    ("email", _("Accounts, by their email address")),
)


def _reason_field(label: Any = None) -> forms.CharField:
    return forms.CharField(
        label=label or _("Reason"),
        max_length=500,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 3}),
    )


def year_of_birth_field(*, required: bool) -> forms.IntegerField:
    this_year = timezone.localdate().year
    return forms.IntegerField(
        label=_("Year of birth"),
        required=required,
        min_value=1900,
        max_value=this_year,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
        error_messages={
            "invalid": _("Enter the year of birth as 4 digits, for example 2010."),
            "min_value": _("Enter the year of birth as 4 digits, for example 2010."),
            "max_value": _("The year of birth cannot be in the future."),
        },
    )


class CodeBatchForm(SamenForm):
    label = forms.CharField(
        label=_("Name of the batch"),
        max_length=120,
        validators=[no_markup],
        help_text=_("For example the school or the street the letters go to."),
    )
    issued_to = forms.ChoiceField(
        label=_("Who the codes are for"),
        choices=ISSUED_TO,
        required=False,
        widget=forms.RadioSelect,
    )
    size = forms.IntegerField(
        label=_("Number of codes"),
        required=False,
        min_value=1,
        max_value=MAX_BATCH,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        help_text=_("Only for letters to anyone. At most %(most)d in one batch.")
        % {"most": MAX_BATCH},
        error_messages={"invalid": _("Enter a whole number, for example 50.")},
    )
    recipients = forms.CharField(
        label=_("Recipients, one a line"),
        required=False,
        max_length=MAX_BATCH * 256,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Register references or email addresses. One code is made for each."),
    )
    language = forms.ChoiceField(
        label=_("Language of the letters"),
        choices=settings.LANGUAGES,
        help_text=_("Letters to accounts use each person's own language."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        kind = cleaned.get("issued_to", "")
        lines = [line.strip() for line in cleaned.get("recipients", "").splitlines()]
        cleaned["recipient_list"] = [line for line in lines if line]
        if not kind and not cleaned.get("size") and "size" not in self.errors:
            self.add_error("size", _("Enter how many codes to make."))
        if kind and not cleaned["recipient_list"] and "recipients" not in self.errors:
            self.add_error("recipients", _("Enter at least one recipient, one a line."))
        if len(cleaned["recipient_list"]) > MAX_BATCH:
            self.add_error(
                "recipients",
                _("A batch has 1 to %(most)d codes. Make several batches for more.")
                % {"most": MAX_BATCH},
            )
        return cleaned


class CodeRevokeForm(SamenForm):
    issued_to = forms.CharField(
        label=_("Code, register reference or email address"),
        max_length=254,
        help_text=_("The code from the letter, or what it was issued to."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    reason = _reason_field()


class BatchRevokeForm(SamenForm):
    reason = _reason_field()


class CodeEntryForm(SamenForm):
    code = forms.CharField(
        label=_("Your voting code"),
        max_length=40,
        help_text=_("It is on your letter, for example ABCD-EFGH-JKLM. Spaces do not matter."),
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class EligibilityForm(SamenForm):
    """What a code voter tells us so we know they may vote and which district's ballot is
    theirs. The postcode is asked only where the process has districts or needs residency."""

    year_of_birth = year_of_birth_field(required=True)
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=10,
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.process = process
        if not (process.residency_required or process.districts.exists()):
            del self.fields["postcode"]


class PaperIdentityForm(SamenForm):
    kind = forms.ChoiceField(
        label=_("The voter is identified by"),
        choices=IdentityKind.choices,
        widget=forms.RadioSelect,
    )
    identity = forms.CharField(
        label=_("Code, email address or register reference"),
        max_length=254,
        validators=[no_markup],
        help_text=_("As written on the paper ballot."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.none(),
        required=False,
        empty_label=_("Area-wide ballot only"),
        error_messages={"invalid_choice": _("Choose a district from the list.")},
    )
    year_of_birth = year_of_birth_field(required=False)

    def __init__(self, *args: Any, process: Process, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        districts = process.districts.order_by("name")
        self.fields["district"].queryset = districts
        if districts.exists():
            self.fields["district"].required = True
            self.fields["district"].empty_label = None


class PaperCheckForm(SamenForm):
    decision = forms.ChoiceField(
        label=_("Does this entry match the paper ballot?"),
        choices=(
            ("confirm", _("Yes: confirm it and count the ballot")),
            ("reject", _("No: reject it")),
        ),
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason for rejecting"),
        required=False,
        max_length=500,
        validators=[no_markup],
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Needed only when you reject the entry."),
    )

    def __init__(self, *args: Any, may_confirm: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not may_confirm:
            self.fields["decision"].choices = [("reject", _("Withdraw it: reject my entry"))]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why you reject the entry."))
        return cleaned


class PaperTeamAddForm(SamenForm):
    email = forms.EmailField(
        label=_("Email address of their account"),
        max_length=254,
        help_text=_("The person needs an account on this site first."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    reason = _reason_field()


class PaperTeamRemoveForm(SamenForm):
    member = forms.ModelChoiceField(
        label=_("Team member"), queryset=get_user_model().objects.none()
    )
    reason = _reason_field()

    def __init__(self, *args: Any, team: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = team  # type: ignore[attr-defined]
