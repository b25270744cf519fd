"""Forms of courses: the organiser's course and session forms, decisions, attendance, feedback
and certificate verification. Enrolling and cancelling are buttons (`ConfirmForm`)."""

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.core.forms import SamenForm
from samen.skills.forms_coaching import SessionForm as HelpSessionForm
from samen.skills.framework_text import translated
from samen.skills.models import Competence
from samen.skills.models_courses import Audience, Enrolment


class CompetenceChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Competence) -> str:
        return f"{obj.code} {translated(obj.title)}"


class CourseForm(SamenForm):
    title = forms.CharField(label=_("Title"), max_length=160, validators=[no_markup])
    description = forms.CharField(
        label=_("Description"), max_length=5000, validators=[no_markup], widget=forms.Textarea
    )
    easy_read_text = forms.CharField(
        label=_("Easy-read summary"),
        max_length=20_000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea,
        help_text=_("Short sentences, one idea each, everyday words. Explain hard words."),
    )
    audience = forms.ChoiceField(
        label=_("Who is it for?"), choices=Audience.choices, widget=forms.RadioSelect
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=1000)
    requires_approval = forms.BooleanField(
        label=_("I approve each enrolment myself"), required=False
    )
    sessions_for_certificate = forms.IntegerField(
        label=_("Sessions needed for a certificate"),
        min_value=1,
        max_value=50,
        help_text=_("How many sessions someone must attend to get a certificate."),
    )
    published = forms.BooleanField(
        label=_("Published: people can see the course and enrol"), required=False
    )
    competences = CompetenceChoiceField(
        label=_("DigComp competences the course trains"),
        queryset=Competence.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The self-assessment suggests the course to people who want to grow here."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from samen.skills.selectors import current_version

        self.fields["competences"].queryset = (
            Competence.objects.filter(area__version=current_version())
            .select_related("area")
            .order_by("area__number", "number")
        )


class CourseSessionForm(SamenForm):
    """One session on one day, at a place, online, or both."""

    title = forms.CharField(label=_("Title of the session"), max_length=160, validators=[no_markup])
    # One day and two times, exactly as for help sessions.
    day = HelpSessionForm.base_fields["day"]
    starts = HelpSessionForm.base_fields["starts"]
    ends = HelpSessionForm.base_fields["ends"]
    place = forms.CharField(
        label=_("Place"),
        max_length=200,
        required=False,
        validators=[no_markup],
        help_text=_("For example: Town hall, room 2. Leave empty for an online-only session."),
    )
    online_url = forms.URLField(
        label=_("Online link"),
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text=_("The video-call link, if people can join online."),
    )
    internal_speaker = forms.ModelChoiceField(
        label=_("In-house specialist"),
        queryset=get_user_model().objects.none(),
        required=False,
        empty_label=_("Nobody yet"),
        help_text=_("A colleague who speaks; they can also register attendance."),
    )
    external_speaker = forms.CharField(
        label=_("Outside speaker"), max_length=120, required=False, validators=[no_markup]
    )
    external_organisation = forms.CharField(
        label=_("Outside speaker's organisation"),
        max_length=120,
        required=False,
        validators=[no_markup],
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from samen.accounts.models import Role

        self.fields["internal_speaker"].queryset = (
            get_user_model()
            .objects.filter(groups__name=Role.STAFF)
            .order_by("display_name", "pk")
            .distinct()
        )
        self.fields["internal_speaker"].label_from_instance = lambda user: user.display_name

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not cleaned.get("place") and not cleaned.get("online_url") and not self.errors:
            self.add_error("place", _("Give a place, an online link, or both."))
        return cleaned

    times = HelpSessionForm.times


class DecisionForm(SamenForm):
    decision = forms.ChoiceField(
        label=_("Your decision"),
        choices=[("approve", _("Approve")), ("decline", _("Decline"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        max_length=1000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea,
        help_text=_("Needed when you decline. The person sees it in their email."),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if cleaned.get("decision") == "decline" and not cleaned.get("reason", "").strip():
            self.add_error("reason", _("Say why, so the person knows."))
        return cleaned


class RemoveForm(SamenForm):
    reason = forms.CharField(
        label=_("Why are you taking this person off the course?"),
        max_length=1000,
        validators=[no_markup],
        widget=forms.Textarea,
        help_text=_("The person sees this in their email."),
    )


class AttendanceForm(SamenForm):
    """One check box per enrolled person: ticked means present."""

    present = forms.TypedMultipleChoiceField(
        label=_("Present"),
        choices=[],
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, enrolments: list[Enrolment], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].choices = [
            (enrolment.pk, enrolment.person.display_name) for enrolment in enrolments
        ]


class FeedbackForm(SamenForm):
    rating = forms.TypedChoiceField(
        label=_("How useful was the course?"),
        choices=[
            (5, _("5: very useful")),
            (4, _("4: useful")),
            (3, _("3: a bit useful")),
            (2, _("2: not very useful")),
            (1, _("1: not useful at all")),
        ],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comments = forms.CharField(
        label=_("Anything you want to tell the organiser?"),
        max_length=2000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea,
    )


class VerifyForm(SamenForm):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        validators=[
            RegexValidator(
                r"^[A-Za-z0-9 -]+$",
                _("A code has letters, numbers and hyphens only, for example: ABCD-EFGH-JKMN."),
                code="certificate_code",
            )
        ],
        help_text=_("It is on the certificate, for example: ABCD-EFGH-JKMN."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
