"""Bad input on every account form: a clear message linked to the field, no 500, no change.

Each case posts a valid form with one field spoiled (empty, too long, wrong type, HTML or
script), or with an extra field the form does not know.
"""

import pytest
from django.core import mail
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from samen.accounts import services
from samen.accounts.models import MagicLinkToken, User
from samen.core.models import AuditEntry
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
SCRIPT = "<script>alert(1)</script>"
EMAIL = "form@example.test"

FORMS = {
    "register": (
        "/en/accounts/register/",
        None,
        {
            "display_name": "Ana",
            "email": "new@example.test",
            "password1": "a quiet orange bicycle",
            "password2": "a quiet orange bicycle",
            "year_of_birth": "1970",
            "postcode": "1234 AB",
            "preferred_language": "en",
        },
    ),
    "login": ("/en/accounts/login/", None, {"username": EMAIL, "password": DEFAULT_PASSWORD}),
    "magic_link_request": ("/en/accounts/login/email-link/", None, {"email": EMAIL}),
    "verify_email_resend": ("/en/accounts/verify-email/resend/", None, {"email": EMAIL}),
    "password_reset": ("/en/accounts/password-reset/", None, {"email": EMAIL}),
    "profile": (
        "/en/accounts/profile/",
        "resident",
        {
            "display_name": "Ana",
            "preferred_language": "en",
            "year_of_birth": "1970",
            "postcode": "1234 AB",
            "text_size": "100",
        },
    ),
    "erase": ("/en/accounts/profile/erase/", "resident", {"email": EMAIL}),
    "export": ("/en/accounts/profile/export/", "resident", {}),
    "two_factor_enrol": ("/en/accounts/two-factor/enrol/", "admin", {"code": "123456"}),
    "two_factor_verify": ("/en/accounts/two-factor/verify/", "admin+device", {"code": "123456"}),
    "backup_codes": ("/en/accounts/two-factor/backup-codes/", "admin+device", {}),
    "magic_link": ("/en/accounts/login/link/{token}/", None, {}),
}

# (form, field, bad value, part of the expected message)
FIELD_CASES = [
    ("register", "display_name", "", "This field is required."),
    ("register", "display_name", "x" * 81, "at most 80 characters"),
    ("register", "display_name", SCRIPT, "The signs &lt; and &gt; are not allowed."),
    ("register", "email", "", "This field is required."),
    ("register", "email", "not-an-email", "Enter a valid email address."),
    ("register", "email", "a" * 250 + "@example.test", "at most 254 characters"),
    ("register", "email", SCRIPT, "Enter a valid email address."),
    ("register", "password1", "", "This field is required."),
    ("register", "password1", "x" * 129, "at most 128 characters"),
    ("register", "password2", "something else entirely", "The two passwords are different."),
    ("register", "year_of_birth", "abc", "Enter the year as four digits"),
    ("register", "year_of_birth", "1800", "greater than or equal to 1900"),
    ("register", "postcode", SCRIPT, "Enter a postcode of 2 to 10"),
    ("register", "postcode", "12345678901", "at most 10 characters"),
    ("register", "preferred_language", "xx", "Select a valid choice."),
    ("login", "username", "", "This field is required."),
    ("login", "username", "not-an-email", "Enter a valid email address."),
    ("login", "username", "a" * 250 + "@example.test", "at most 254 characters"),
    ("login", "username", SCRIPT, "Enter a valid email address."),
    ("login", "password", "", "This field is required."),
    ("login", "password", "x" * 129, "at most 128 characters"),
    ("magic_link_request", "email", "", "This field is required."),
    ("magic_link_request", "email", "a" * 250 + "@example.test", "at most 254 characters"),
    ("magic_link_request", "email", SCRIPT, "Enter a valid email address."),
    ("verify_email_resend", "email", "", "This field is required."),
    ("verify_email_resend", "email", "not-an-email", "Enter a valid email address."),
    ("verify_email_resend", "email", SCRIPT, "Enter a valid email address."),
    ("password_reset", "email", "", "This field is required."),
    ("password_reset", "email", "a" * 250 + "@example.test", "at most 254 characters"),
    ("password_reset", "email", SCRIPT, "Enter a valid email address."),
    ("profile", "display_name", "", "This field is required."),
    ("profile", "display_name", "x" * 81, "at most 80 characters"),
    ("profile", "display_name", SCRIPT, "The signs &lt; and &gt; are not allowed."),
    ("profile", "year_of_birth", "abc", "Enter the year as four digits"),
    ("profile", "year_of_birth", "99999", "The year of birth cannot be in the future."),
    ("profile", "postcode", SCRIPT, "at most 10 characters"),
    ("profile", "postcode", "<b>1</b>", "Enter a postcode of 2 to 10"),
    ("profile", "postcode", "12345678901", "at most 10 characters"),
    ("profile", "preferred_language", "xx", "Select a valid choice."),
    ("profile", "text_size", "999", "Select a valid choice."),
    ("profile", "text_size", "", "This field is required."),
    ("erase", "email", "", "This field is required."),
    ("erase", "email", "x" * 255, "at most 254 characters"),
    ("erase", "email", SCRIPT, "This is not the email address of your account."),
    ("two_factor_enrol", "code", "", "This field is required."),
    ("two_factor_enrol", "code", "1234567", "at most 6 characters"),
    ("two_factor_enrol", "code", "abcdef", "Enter the 6 digits without spaces."),
    ("two_factor_enrol", "code", SCRIPT, "at most 6 characters"),
    ("two_factor_enrol", "code", "654321", "That code does not match."),
    ("two_factor_verify", "code", "", "Enter the code from your app, or a backup code."),
    ("two_factor_verify", "code", "1234567", "at most 6 characters"),
    ("two_factor_verify", "code", "abcdef", "Enter the 6 digits without spaces."),
    ("two_factor_verify", "code", SCRIPT, "at most 6 characters"),
    ("two_factor_verify", "backup_code", "x" * 17, "at most 16 characters"),
    ("two_factor_verify", "backup_code", "<b>x</b>", "A backup code has only letters and digits."),
]
FIELDSETS = {"text_size"}


def setup_form(client, name):
    url, who, valid = FORMS[name]
    role = who.split("+")[0] if who else "resident"
    user = UserFactory(email=EMAIL, verified=False, roles=[role])
    if who:
        if who.endswith("+device"):
            services.totp_device_create(user=user, key_hex="ab" * 20)
            services.backup_codes_replace(user=user)
        client.force_login(user)
    if "{token}" in url:
        services.magic_link_request(email=EMAIL, base_url="http://testserver/")
        url = url.format(token=mail.outbox[-1].body.split("/login/link/")[1].split("/")[0])
    return url, dict(valid)


def snapshot():
    return (
        list(User.objects.order_by("pk").values()),
        len(mail.outbox),
        TOTPDevice.objects.count(),
        StaticToken.objects.count(),
        MagicLinkToken.objects.count(),
        AuditEntry.objects.count(),
    )


@pytest.mark.parametrize(("form", "field", "value", "message"), FIELD_CASES)
def test_bad_field_value_is_refused_with_a_linked_message(client, form, field, value, message):
    url, data = setup_form(client, form)
    if form == "two_factor_verify" and field == "code" and value == "":
        data = {"code": "", "backup_code": ""}
    else:
        data[field] = value
    before = snapshot()
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    assert f'id="id_{field}_error"' in html
    assert f'href="#id_{field}"' in html  # the error summary links to the field
    if field in FIELDSETS:
        assert f'<fieldset id="id_{field}" aria-describedby="id_{field}_error">' in html
    else:
        tag = html.split(f'id="id_{field}"')[0].rsplit("<", 1)[1]
        rest = html.split(f'id="id_{field}"')[1].split(">", 1)[0]
        assert f"id_{field}_error" in tag + rest  # aria-describedby on the input itself
    assert SCRIPT not in html
    assert snapshot() == before
    if form == "login":
        assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("form", sorted(FORMS))
def test_unexpected_field_is_refused_and_nothing_is_saved(client, form):
    url, data = setup_form(client, form)
    data["is_staff"] = "on"
    before = snapshot()
    logged_in_before = "_auth_user_id" in client.session
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "This form does not accept the field “is_staff”. Nothing was saved." in html
    assert 'class="error-summary"' in html
    assert snapshot() == before
    assert ("_auth_user_id" in client.session) == logged_in_before


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"new_password1": "", "new_password2": ""}, "new_password1", "This field is required."),
        (
            {"new_password1": "green tea with honey", "new_password2": "green tea with milk"},
            "new_password2",
            "The two password fields didn\u2019t match.",
        ),
        ({"new_password1": "short", "new_password2": "short"}, "new_password2", "too short"),
        (
            {"new_password1": SCRIPT, "new_password2": SCRIPT + "x"},
            "new_password2",
            "didn\u2019t match",
        ),
        (
            {
                "new_password1": "green tea with honey",
                "new_password2": "green tea with honey",
                "is_superuser": "on",
            },
            None,
            "This form does not accept the field “is_superuser”. Nothing was saved.",
        ),
    ],
)
def test_password_reset_confirm_bad_input(client, data, field, message):
    user = UserFactory(email=EMAIL)
    client.post("/en/accounts/password-reset/", {"email": EMAIL})
    link = mail.outbox[-1].body.split("testserver")[1].split()[0]
    set_password_url = client.get(link).url
    response = client.post(set_password_url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert message in html
    if field:
        assert f'id="id_{field}_error"' in html
        assert f'href="#id_{field}"' in html
    assert SCRIPT not in html
    user.refresh_from_db()
    assert user.check_password(DEFAULT_PASSWORD)
