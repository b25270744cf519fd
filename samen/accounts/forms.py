"""Account forms. All are strict (unexpected fields are refused) and link errors to inputs."""

from dataclasses import fields
from typing import Any

from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm
from django.core.validators import MaxLengthValidator, MinValueValidator, RegexValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from samen.accounts.models import TextSize, User, postcode_validator
from samen.accounts.throttle import email_send_allowed
from samen.core.forms import SamenForm, SamenModelForm, StrictFormMixin
from samen.core.preferences import Preferences

no_markup = RegexValidator(
    r"[<>]",
    _("Use letters, numbers, spaces and simple punctuation. The signs < and > are not allowed."),
    code="markup",
    inverse_match=True,
)


def validate_not_future_year(value: int) -> None:
    """Checked at submit time, not import time, so the limit moves on with the calendar."""
    if value > timezone.localdate().year:
        raise forms.ValidationError(
            _("The year of birth cannot be in the future."), code="future_year"
        )


def _year_of_birth_field() -> forms.IntegerField:
    return forms.IntegerField(
        label=_("Year of birth"),
        required=False,
        help_text=_("For example 1970. Some votes are only open to certain ages."),
        validators=[MinValueValidator(1900), validate_not_future_year],
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "bday-year"}),
        error_messages={"invalid": _("Enter the year as four digits, for example 1970.")},
    )


def _email_field(label: Any = None) -> forms.EmailField:
    return forms.EmailField(
        label=label or _("Email address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )


class RegistrationForm(SamenForm):
    display_name = forms.CharField(
        label=_("Your name"),
        max_length=80,
        help_text=_("Other people see this name. It does not have to be your full name."),
        validators=[no_markup],
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    email = _email_field()
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=128,
        help_text=_("At least 10 characters. A few unrelated words make a strong password."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    year_of_birth = _year_of_birth_field()
    postcode = forms.CharField(
        label=_("Postcode"),
        required=False,
        max_length=10,
        validators=[postcode_validator],
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("Language"),
        choices=settings.LANGUAGES,
        widget=forms.Select(attrs={"autocomplete": "language"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        first, second = cleaned.get("password1"), cleaned.get("password2")
        if first and second and first != second:
            self.add_error("password2", _("The two passwords are different. Type them again."))
        elif first:
            candidate = User(
                email=cleaned.get("email", ""), display_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(first, candidate)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned


class LoginForm(StrictFormMixin, AuthenticationForm):
    # Named `username` because django-axes reads that field to count failures.
    username = _email_field()
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        max_length=128,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    error_messages = {
        "invalid_login": _(
            "The email address or password is not right. Check them and try again, "
            "or ask for a login link by email."
        ),
        "inactive": _("This account is closed."),
    }


class EmailForm(SamenForm):
    """One email address: for login links and for resending the verification email."""

    email = _email_field()


class ConfirmForm(SamenForm):
    """A form that is only a button; strictness still refuses anything posted with it."""


class ProfileForm(SamenModelForm):
    year_of_birth = _year_of_birth_field()

    class Meta:
        model = User
        fields = [
            "display_name",
            "preferred_language",
            "year_of_birth",
            "postcode",
            "text_size",
            "high_contrast",
            "reduced_motion",
            "easy_read",
        ]
        labels = {
            "display_name": _("Your name"),
            "preferred_language": _("Language"),
            "postcode": _("Postcode"),
            "text_size": _("Text size"),
            "high_contrast": _("High contrast colours"),
            "reduced_motion": _("Reduce motion and animation"),
            "easy_read": _("Show easy-read versions where they exist"),
        }
        widgets = {
            "display_name": forms.TextInput(attrs={"autocomplete": "nickname"}),
            "preferred_language": forms.Select(attrs={"autocomplete": "language"}),
            "postcode": forms.TextInput(attrs={"autocomplete": "postal-code"}),
            "text_size": forms.RadioSelect,
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["display_name"].validators.append(no_markup)
        self.fields["text_size"].choices = TextSize.choices

    def preferences(self) -> Preferences:
        return Preferences(**{f.name: self.cleaned_data[f.name] for f in fields(Preferences)})


class EraseAccountForm(SamenForm):
    email = forms.CharField(
        label=_("Type your email address to confirm"),
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"].strip()
        if email.lower() != self.user.email.lower():
            raise forms.ValidationError(
                _("This is not the email address of your account."), code="mismatch"
            )
        return email


class PasswordResetRequestForm(StrictFormMixin, PasswordResetForm):
    email = _email_field()

    def get_users(self, email: str) -> Any:
        """Django's lookup, minus addresses that have had their hourly share of reset emails."""
        if not email_send_allowed(kind="password_reset", email=email):
            return iter(())
        return super().get_users(email)


class NewPasswordForm(StrictFormMixin, SetPasswordForm):
    """Django's reset form, with the same 128-character cap as registration."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("new_password1", "new_password2"):
            field = self.fields[name]
            field.max_length = 128
            field.validators.append(MaxLengthValidator(128))
            field.widget.attrs["maxlength"] = "128"


class TwoFactorEnrolForm(SamenForm):
    code = forms.CharField(
        label=_("The 6-digit code from your app"),
        max_length=6,
        min_length=6,
        validators=[RegexValidator(r"^[0-9]{6}$", _("Enter the 6 digits without spaces."))],
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )


class TwoFactorVerifyForm(SamenForm):
    """Either the app's code or one backup code."""

    code = forms.CharField(
        label=_("The 6-digit code from your app"),
        required=False,
        max_length=6,
        validators=[RegexValidator(r"^[0-9]{6}$", _("Enter the 6 digits without spaces."))],
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
    backup_code = forms.CharField(
        label=_("Or one of your backup codes"),
        required=False,
        max_length=16,
        validators=[
            RegexValidator(r"^[A-Za-z0-9 ]+$", _("A backup code has only letters and digits."))
        ],
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if not self.errors and not cleaned.get("code") and not cleaned.get("backup_code"):
            self.add_error("code", _("Enter the code from your app, or a backup code."))
        return cleaned

    def token(self) -> str:
        return self.cleaned_data.get("code") or self.cleaned_data.get("backup_code") or ""
