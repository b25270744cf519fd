"""Forms of the Digicoach network: the coach's log, problems, coach profiles and topics.

Booking and cancelling are buttons and use the self-assessment's `ConfirmForm`.
"""

from datetime import datetime
from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.core.validators import RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.forms import no_markup
from samen.core.forms import SamenForm
from samen.skills.framework_text import translated
from samen.skills.models import AnswerScale
from samen.skills.models_coaching import (
    CheckStage,
    CoachingSession,
    CoachKind,
    HelpPoint,
    SessionKind,
    SkillCheck,
    Topic,
    TrainingStatus,
)

CHECK_FIELDS = ("email", "forms", "safety", "smartphone")
visitor_code = RegexValidator(
    r"^[A-Za-z0-9-]+$",
    _("Use letters, numbers and hyphens only, for example: LIB-0042."),
    code="visitor_code",
)


class TopicChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Topic) -> str:
        return translated(obj.name)


class SessionLogForm(SamenForm):
    """What the coach fills in after helping someone. No demographics, on purpose."""

    help_point = forms.ModelChoiceField(
        label=_("Help point"), queryset=HelpPoint.objects.all(), empty_label=None
    )
    session = forms.ModelChoiceField(
        label=_("Booked session"),
        queryset=CoachingSession.objects.none(),
        required=False,
        help_text=_("Leave empty for help given outside a booked session."),
    )
    helped_on = forms.DateField(
        label=_("Date"),
        help_text=_("For example: 2026-11-27."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    topics = TopicChoiceField(
        label=_("Topics"),
        queryset=Topic.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one topic.")},
    )
    organisation = forms.CharField(
        label=_("Service or organisation concerned"),
        max_length=120,
        required=False,
        validators=[no_markup],
        help_text=_("For example: the tax office, the bank, the GP practice."),
    )
    help_given = forms.CharField(
        label=_("Help given"), max_length=2000, validators=[no_markup], widget=forms.Textarea
    )
    duration_minutes = forms.IntegerField(
        label=_("Duration in minutes"), min_value=1, max_value=480
    )
    referral = forms.CharField(
        label=_("Referred to"),
        max_length=200,
        required=False,
        validators=[no_markup],
        help_text=_("Another service or organisation that can help further, if any."),
    )
    person_email = forms.EmailField(
        label=_("Email address of the person helped, if they have an account"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    visitor_token = forms.CharField(
        label=_("Visitor code"),
        max_length=40,
        required=False,
        validators=[visitor_code],
        help_text=_("The code on the visitor's help card, so we can count people, not names."),
    )
    check_stage = forms.ChoiceField(
        label=_("Skill check"),
        choices=[("", _("No skill check this time")), *CheckStage.choices],
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, coach: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from samen.skills import selectors_coaching

        self.fields["session"].queryset = selectors_coaching.coach_sessions(coach=coach)
        self.fields["topics"].queryset = selectors_coaching.active_topics()
        for name in CHECK_FIELDS:
            model_field = SkillCheck._meta.get_field(name)
            self.fields[f"check_{name}"] = forms.TypedChoiceField(
                label=model_field.verbose_name,
                choices=AnswerScale.choices,
                coerce=int,
                required=False,
                widget=forms.RadioSelect,
            )

    def log_fields(self) -> list[forms.BoundField]:
        """The log's own fields, before the skill check's."""
        return [self[name] for name in self.fields if not name.startswith("check_")]

    def check_fields(self) -> list[forms.BoundField]:
        return [self[f"check_{name}"] for name in CHECK_FIELDS]

    def clean_person_email(self) -> Any:
        email = self.cleaned_data.get("person_email", "")
        if not email:
            return None
        person = get_user_model().objects.filter(email__iexact=email).first()
        if person is None:
            raise forms.ValidationError(_("Nobody has an account with this email address."))
        return person

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        stage = cleaned.get("check_stage")
        for name in CHECK_FIELDS:
            answered = cleaned.get(f"check_{name}") not in (None, "")
            if stage and not answered and f"check_{name}" not in self.errors:
                self.add_error(f"check_{name}", _("Choose an answer for the skill check."))
            if answered and not stage:
                self.add_error("check_stage", _("Say whether this is the first contact or later."))
                break
        return cleaned

    def skill_check(self) -> dict[str, Any] | None:
        stage = self.cleaned_data.get("check_stage")
        if not stage:
            return None
        return {"stage": stage} | {
            name: self.cleaned_data[f"check_{name}"] for name in CHECK_FIELDS
        }


class ProblemForm(SamenForm):
    title = forms.CharField(
        label=_("What keeps going wrong?"),
        max_length=150,
        validators=[no_markup],
        help_text=_("For example: the parking permit form rejects foreign postcodes."),
    )
    details = forms.CharField(
        label=_("Details"),
        max_length=2000,
        required=False,
        validators=[no_markup],
        widget=forms.Textarea,
    )


class ResolveProblemForm(SamenForm):
    action_taken = forms.CharField(
        label=_("What did the organisation do?"),
        max_length=2000,
        validators=[no_markup],
        widget=forms.Textarea,
    )


class CoachProfileForm(SamenForm):
    kind = forms.ChoiceField(
        label=_("Kind of coach"), choices=CoachKind.choices, widget=forms.RadioSelect
    )
    department = forms.CharField(
        label=_("Department"),
        max_length=120,
        required=False,
        validators=[no_markup],
        help_text=_("For staff coaches: the department they coach in."),
    )
    training_status = forms.ChoiceField(
        label=_("Training"), choices=TrainingStatus.choices, widget=forms.RadioSelect
    )
    badges = forms.CharField(
        label=_("Badges"),
        max_length=300,
        required=False,
        validators=[no_markup],
        help_text=_("Separate badges with commas, for example: “Online banking, DigiD”."),
    )


class SessionForm(SamenForm):
    """A new drop-in session or one-to-one appointment, on one day."""

    kind = forms.ChoiceField(
        label=_("Kind of session"), choices=SessionKind.choices, widget=forms.RadioSelect
    )
    help_point = forms.ModelChoiceField(
        label=_("Help point"), queryset=HelpPoint.objects.all(), empty_label=None
    )
    coach = forms.ModelChoiceField(
        label=_("Digicoach"), queryset=get_user_model().objects.none(), empty_label=None
    )
    day = forms.DateField(
        label=_("Day"),
        help_text=_("For example: 2026-12-03."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    starts = forms.TimeField(label=_("Starts at"), widget=forms.TimeInput(attrs={"type": "time"}))
    ends = forms.TimeField(label=_("Ends at"), widget=forms.TimeInput(attrs={"type": "time"}))
    capacity = forms.IntegerField(
        label=_("Places"),
        min_value=1,
        max_value=200,
        help_text=_("A one-to-one appointment has one place."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from samen.accounts.models import Role

        self.fields["coach"].queryset = (
            get_user_model()
            .objects.filter(groups__name=Role.DIGICOACH)
            .order_by("display_name", "pk")
            .distinct()
        )
        self.fields["coach"].label_from_instance = lambda user: user.display_name

    def times(self) -> tuple[datetime, datetime]:
        """The start and end as aware datetimes in the site's time zone."""
        day = self.cleaned_data["day"]
        return (
            timezone.make_aware(datetime.combine(day, self.cleaned_data["starts"])),
            timezone.make_aware(datetime.combine(day, self.cleaned_data["ends"])),
        )


class TopicForm(SamenForm):
    name = forms.CharField(label=_("Topic"), max_length=80, validators=[no_markup])
    position = forms.IntegerField(
        label=_("Position in the list"), min_value=0, max_value=999, initial=100
    )
    active = forms.BooleanField(
        label=_("Offer this topic in the log"), required=False, initial=True
    )
