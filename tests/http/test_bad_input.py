"""Bad input on every form of the site: a message linked to the field, no 500, nothing saved.

`FORMS` registers each form once: the page it is on, who posts it, and a valid payload. The
bad cases are not written by hand: they are derived from the form class's own fields, so a
field added later is covered the day it appears:

- empty, for a required field;
- too long: max_length + 1, or 10,000 characters where the field sets no maximum;
- wrong type: letters for a number, a malformed email address, a choice that does not exist;
- HTML/script: `<script>alert(1)</script>`;
- an unexpected extra field, `is_staff=1` (a non-field error in the summary).

Each bad post must answer 200 with the error linked to its field (tests/http/formcheck.py)
and leave the database, the outbox, the session's login and the preference cookies as they
were. Where a field legitimately takes markup as text (a reason for the audit log), the value
is saved and must come back escaped; passwords may contain any character and are never shown,
so they get no markup case. Check boxes accept any value as "on", so they get no bad case.

A control test posts each valid payload and proves it does change that state, so "nothing
saved" cannot pass by looking at the wrong thing. tests/accounts/test_accounts_bad_input.py
checks the accounts forms' exact messages; this file is the site-wide registry.
"""

from binascii import unhexlify
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import import_module
from pkgutil import walk_packages
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.conf import settings
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

import samen
from samen.accounts import forms as account_forms
from samen.accounts.models import MagicLinkToken, User
from samen.core import forms_preferences
from samen.core.demo import DEMO_PASSWORD, DEMO_TOTP_KEY_HEX
from samen.core.models import AuditEntry
from samen.core.preferences import COOKIE_NAME
from samen.inclusion import forms as inclusion_forms
from tests.dbstate import rows_of
from tests.factories import UserFactory
from tests.http.formcheck import SCRIPT, assert_error_linked, field_errors, non_field_errors
from tests.pages import PAGES, UNVERIFIED, World, session_key_for
from tests.pages_budgeting import BUDGETING_FORMS, BUDGETING_FORMS_NOT_POSTED, BUDGETING_MODELS
from tests.pages_inclusion import INCLUSION_FORMS, INCLUSION_MODELS
from tests.pages_skills import SKILLS_FORMS, SKILLS_MODELS

# --------------------------------------------------------------------------- the registry


def _post_to(name: str, **kwargs: Any) -> Callable[[Client, World], str]:
    def url(client: Client, world: World) -> str:
        return reverse(name, kwargs=kwargs)

    return url


def _reset_form_url(client: Client, world: World) -> str:
    """Open the emailed link first: Django keeps the token in the session and redirects."""
    link = reverse(
        "accounts:password_reset_confirm",
        kwargs={"uidb64": world.reset_uid, "token": world.reset_token},
    )
    response = client.get(link)
    assert response.status_code == 302
    return str(response["Location"])


def _enrol_url(client: Client, world: World) -> str:
    """Open the page first: it puts the new secret in the session, which the code needs."""
    url = reverse("accounts:two_factor_enrol")
    assert client.get(url).status_code == 200
    return url


def _code(key_hex: str) -> str:
    return f"{totp(unhexlify(key_hex)):06d}"


@dataclass(frozen=True)
class FormCase:
    """One form as it is used: where it is posted, by whom, and what valid input looks like."""

    name: str
    page: str  # the URL name in tests/pages.py
    form: type[forms.BaseForm]
    role: str  # a role of tests/pages.py
    valid: Callable[[Client, World], dict[str, Any]]
    url: Callable[[Client, World], str]
    success: int = 302  # the status of the valid post
    paired: dict[str, str] = field(default_factory=dict)  # "type it again" fields
    # Fields that take markup as plain text: field → URL name of the page that shows it, or ""
    # when the answer to the post itself shows it.
    markup_as_text: dict[str, str] = field(default_factory=dict)
    stores_nothing: str = ""  # why a valid post changes nothing (no control test then)

    def __str__(self) -> str:
        return self.name


def _unverified_resident(client: Client, world: World) -> dict[str, Any]:
    UserFactory(email="waiting@example.test", verified=False)
    return {"email": "waiting@example.test"}


FORMS: tuple[FormCase, ...] = (
    FormCase(
        "display settings (anonymous)",
        "core:preferences",
        forms_preferences.PreferencesForm,
        "anonymous",
        lambda client, world: {"text_size": "200", "high_contrast": "on"},
        _post_to("core:preferences"),
    ),
    FormCase(
        "display settings (resident)",
        "core:preferences",
        forms_preferences.PreferencesForm,
        "resident",
        lambda client, world: {"text_size": "150", "easy_read": "on"},
        _post_to("core:preferences"),
    ),
    FormCase(
        "user roles",
        "core:user_roles",
        forms_preferences.UserRolesForm,
        "admin",
        lambda client, world: {"roles": ["resident", "moderator"], "reason": "Runs the forum."},
        lambda client, world: reverse("core:user_roles", kwargs={"user_id": world.subject.pk}),
        markup_as_text={"reason": "core:audit_log"},
    ),
    FormCase(
        "register",
        "accounts:register",
        account_forms.RegistrationForm,
        "anonymous",
        lambda client, world: {
            "display_name": "Ana Jansen",
            "email": "ana@example.test",
            "password1": "a quiet orange bicycle",
            "password2": "a quiet orange bicycle",
            "year_of_birth": "1961",
            "postcode": "7411 AB",
            "preferred_language": "nl",
        },
        _post_to("accounts:register"),
        paired={"password1": "password2"},
    ),
    FormCase(
        "login",
        "accounts:login",
        account_forms.LoginForm,
        "anonymous",
        lambda client, world: {"username": "resident@demo.samen.test", "password": DEMO_PASSWORD},
        _post_to("accounts:login"),
    ),
    FormCase(
        "login link request",
        "accounts:magic_link_request",
        account_forms.EmailForm,
        "anonymous",
        lambda client, world: {"email": "resident@demo.samen.test"},
        _post_to("accounts:magic_link_request"),
    ),
    FormCase(
        "login link confirm",
        "accounts:magic_link",
        account_forms.ConfirmForm,
        "anonymous",
        lambda client, world: {},
        lambda client, world: reverse(
            "accounts:magic_link", kwargs={"token": world.magic_link_secret}
        ),
    ),
    FormCase(
        "verification resend",
        "accounts:verify_email_resend",
        account_forms.EmailForm,
        "anonymous",
        _unverified_resident,
        _post_to("accounts:verify_email_resend"),
    ),
    FormCase(
        "password reset request",
        "accounts:password_reset",
        account_forms.PasswordResetRequestForm,
        "anonymous",
        lambda client, world: {"email": "resident@demo.samen.test"},
        _post_to("accounts:password_reset"),
    ),
    FormCase(
        "new password",
        "accounts:password_reset_confirm",
        account_forms.NewPasswordForm,
        "anonymous",
        lambda client, world: {
            "new_password1": "seven green lanterns glow",
            "new_password2": "seven green lanterns glow",
        },
        _reset_form_url,
        paired={"new_password1": "new_password2"},
    ),
    FormCase(
        "profile",
        "accounts:profile",
        account_forms.ProfileForm,
        "resident",
        lambda client, world: {
            "display_name": "Ria",
            "preferred_language": "en",
            "year_of_birth": "1959",
            "postcode": "7411 AC",
            "text_size": "150",
        },
        _post_to("accounts:profile"),
    ),
    FormCase(
        "data export",
        "accounts:export",
        account_forms.ConfirmForm,
        "resident",
        lambda client, world: {},
        _post_to("accounts:export"),
        success=200,
    ),
    FormCase(
        "erase account",
        "accounts:erase",
        account_forms.EraseAccountForm,
        "resident",
        lambda client, world: {"email": "resident@demo.samen.test"},
        _post_to("accounts:erase"),
    ),
    FormCase(
        "two-factor enrol",
        "accounts:two_factor_enrol",
        account_forms.TwoFactorEnrolForm,
        "staff",
        lambda client, world: {"code": _code(client.session["samen_totp_enrol_key"])},
        _enrol_url,
    ),
    FormCase(
        "two-factor verify",
        "accounts:two_factor_verify",
        account_forms.TwoFactorVerifyForm,
        UNVERIFIED,
        lambda client, world: {"code": _code(DEMO_TOTP_KEY_HEX)},
        _post_to("accounts:two_factor_verify"),
    ),
    FormCase(
        "new backup codes",
        "accounts:two_factor_backup_codes",
        account_forms.ConfirmForm,
        "admin",
        lambda client, world: {},
        _post_to("accounts:two_factor_backup_codes"),
        success=200,
    ),
)

# Each app keeps its rows next to its own tests (tests/pages_<app>.py); they join here.
FORMS = (
    *FORMS,
    FormCase(
        "readability check",
        "inclusion:readability",
        inclusion_forms.ReadabilityCheckForm,
        "resident",
        lambda client, world: {"language": "en", "text": "We will start the work in May."},
        _post_to("inclusion:readability"),
        success=200,
        markup_as_text={"text": ""},
        stores_nothing="Answers with reading hints on the page.",
    ),
    FormCase(
        "sample letter",
        "inclusion:letter_sample",
        inclusion_forms.SampleLetterForm,
        "organiser",
        lambda client, world: {"kind": "voting_invitation", "language": "en"},
        _post_to("inclusion:letter_sample"),
        success=200,
        stores_nothing="Answers with a sample PDF.",
    ),
    *(FormCase(**row) for row in SKILLS_FORMS),
    *(FormCase(**row) for row in BUDGETING_FORMS),
    *(FormCase(**row) for row in INCLUSION_FORMS),
)
APP_MODELS = (*SKILLS_MODELS, *BUDGETING_MODELS, *INCLUSION_MODELS)

# Forms in samen/ that no page posts, and POST pages without a form class, with reasons.
FORM_CLASSES_NOT_POSTED: dict[str, str] = {**BUDGETING_FORMS_NOT_POSTED}
POST_PAGES_WITHOUT_FORM: dict[str, str] = {
    "accounts:logout": "A button that posts only the CSRF token; any other field is ignored.",
    "inclusion:assisted_end": (
        "A button that posts only the CSRF token; a coach who is helping nobody is sent back "
        "to the start page, and an unexpected field ends nothing (tests/inclusion covers it)."
    ),
    "inclusion:readability_check": (
        "The JSON endpoint behind the live reading hints: the readability form of "
        "inclusion:readability (registered), answering JSON; tests/inclusion covers it."
    ),
}


# --------------------------------------------------------------------------- bad values


@dataclass(frozen=True)
class Bad:
    form: FormCase
    field: str
    kind: str
    value: Any

    def __str__(self) -> str:
        return f"{self.form.name}-{self.field}-{self.kind}"


def _too_long(form_field: forms.Field) -> str:
    limit = getattr(form_field, "max_length", None)
    if isinstance(form_field, forms.EmailField):
        local = "a" * ((limit or 10_000) + 1 - len("@example.test"))
        return f"{local}@example.test"
    return "x" * (limit + 1 if limit else 10_000)


def bad_values(name: str, form_field: forms.Field) -> list[tuple[str, Any]]:
    """The bad values a field must refuse, by what kind of field it is."""
    if isinstance(form_field, forms.BooleanField):
        return []
    values: list[tuple[str, Any]] = []
    if form_field.required:
        values.append(("empty", ""))
    if isinstance(form_field, forms.MultipleChoiceField):
        return [*values, ("invalid choice", ["not-a-choice"])]
    if isinstance(form_field, forms.ChoiceField):
        return [*values, ("invalid choice", "not-a-choice")]
    if isinstance(form_field, forms.IntegerField):
        values += [("letters", "nineteen-seventy"), ("too long", "9" * 10_000)]
    elif isinstance(form_field, forms.EmailField):
        values += [("bad email", "not-an-email"), ("too long", _too_long(form_field))]
    else:
        values.append(("too long", _too_long(form_field)))
    if not isinstance(form_field.widget, forms.PasswordInput):
        values.append(("markup", SCRIPT))
    return values


def all_bad_cases() -> list[Bad]:
    return [
        Bad(case, name, kind, value)
        for case in FORMS
        for name, form_field in case.form.base_fields.items()
        for kind, value in bad_values(name, form_field)
    ]


# Gaps found by this file and reported to the owning app. Strict: once fixed, the xfail turns
# into a failure that says to delete the line here.
# Bad cases the site is known to mishandle, each with why; a strict xfail, so a fix fails
# until its entry goes.
KNOWN_GAPS: dict[str, str] = {}

BAD_CASES = all_bad_cases()
KEPT_AS_TEXT = [
    bad for bad in BAD_CASES if bad.kind == "markup" and bad.field in bad.form.markup_as_text
]
REFUSED = [
    pytest.param(bad, marks=pytest.mark.xfail(strict=True, reason=KNOWN_GAPS[str(bad)]))
    if str(bad) in KNOWN_GAPS
    else bad
    for bad in BAD_CASES
    if bad not in KEPT_AS_TEXT
]


# --------------------------------------------------------------------------- state


def saved_state(client: Client) -> dict[str, Any]:
    """Everything a post could change: the rows of every model a form writes, the outbox,
    who the session is logged in as (and whether verified), and the preference cookies."""
    models = (
        User,
        User.groups.through,
        Group,
        TOTPDevice,
        StaticDevice,
        StaticToken,
        MagicLinkToken,
        AuditEntry,
        AccessAttempt,
        AccessFailureLog,
        AccessLog,
        *APP_MODELS,
    )
    state: dict[str, Any] = rows_of(models)
    state["outbox"] = [(message.to, message.subject) for message in mail.outbox]
    session = client.session
    state["session"] = (session.get(SESSION_KEY), session.get(DEVICE_ID_SESSION_KEY))
    state["cookies"] = {
        name: client.cookies[name].value
        for name in (COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME)
        if name in client.cookies
    }
    return state


@pytest.fixture
def visit(world: World) -> Callable[[FormCase], tuple[Client, str, dict[str, Any]]]:
    """A client logged in as the form's role, the URL to post to, and a valid payload."""

    def make(case: FormCase) -> tuple[Client, str, dict[str, Any]]:
        client = Client()
        key = session_key_for(world, case.role)
        if key is not None:
            client.cookies[settings.SESSION_COOKIE_NAME] = key
        url = case.url(client, world)
        return client, url, case.valid(client, world)

    return make


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("case", [case for case in FORMS if not case.stores_nothing], ids=str)
def test_the_valid_payload_is_accepted_and_changes_what_the_snapshot_sees(case, visit):
    client, url, data = visit(case)
    before = saved_state(client)

    response = client.post(url, data)

    assert response.status_code == case.success
    if response["Content-Type"].startswith("text/html"):  # a download has no form to show
        assert field_errors(response.content.decode()) == []
    assert saved_state(client) != before


@pytest.mark.parametrize("bad", REFUSED, ids=str)
def test_a_bad_value_is_refused_with_a_linked_message_and_nothing_is_saved(bad, visit):
    client, url, data = visit(bad.form)
    data[bad.field] = bad.value
    if bad.field in bad.form.paired:
        data[bad.form.paired[bad.field]] = bad.value
    before = saved_state(client)

    response = client.post(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert_error_linked(html, f"id_{bad.field}")
    assert SCRIPT not in html
    assert saved_state(client) == before


@pytest.mark.parametrize("bad", KEPT_AS_TEXT, ids=str)
def test_markup_where_text_is_allowed_is_saved_as_text_and_shown_escaped(bad, visit, world):
    client, url, data = visit(bad.form)
    data[bad.field] = bad.value

    response = client.post(url, data)
    shown_at = bad.form.markup_as_text[bad.field]
    shown = client.get(reverse(shown_at)) if shown_at else response

    assert response.status_code == bad.form.success
    html = shown.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert SCRIPT not in html


@pytest.mark.parametrize("case", FORMS, ids=str)
def test_an_unexpected_field_is_refused_in_the_summary_and_nothing_is_saved(case, visit):
    client, url, data = visit(case)
    data["is_staff"] = "1"
    before = saved_state(client)

    response = client.post(url, data)

    html = response.content.decode()
    assert response.status_code == 200
    assert non_field_errors(html) == [
        "This form does not accept the field “is_staff”. Nothing was saved."
    ]
    assert field_errors(html) == []
    assert saved_state(client) == before


def test_every_field_of_every_registered_form_gets_bad_cases_or_is_a_check_box():
    uncovered = {
        (case.name, name)
        for case in FORMS
        for name, form_field in case.form.base_fields.items()
        if not bad_values(name, form_field) and not isinstance(form_field, forms.BooleanField)
    }

    assert uncovered == set()


def _site_form_classes() -> set[str]:
    for module in walk_packages(samen.__path__, "samen."):
        if module.name.rsplit(".", 1)[-1].startswith("forms"):
            import_module(module.name)
    found: set[str] = set()
    pending: list[type] = [forms.BaseForm]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        base = cls.__name__.startswith("Samen") or "Mixin" in cls.__name__
        if cls.__module__.startswith("samen.") and not base:
            found.add(f"{cls.__module__}.{cls.__qualname__}")
    return found


def test_every_form_class_of_the_site_is_registered():
    registered = {f"{case.form.__module__}.{case.form.__qualname__}" for case in FORMS}

    assert _site_form_classes() - registered - set(FORM_CLASSES_NOT_POSTED) == set()


def test_every_page_that_takes_a_post_has_a_registered_form():
    posted = {page.name for page in PAGES if "POST" in page.methods}

    assert posted - {case.page for case in FORMS} == set(POST_PAGES_WITHOUT_FORM)
