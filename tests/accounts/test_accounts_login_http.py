"""HTTP tests: password login, login links, logout, password reset and throttling."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from samen.accounts.models import MagicLinkToken
from tests.accounts.helpers import last_email_link
from tests.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db
LOGIN = "/en/accounts/login/"


def login(client, email, password=DEFAULT_PASSWORD, **extra):
    return client.post(LOGIN, {"username": email, "password": password, **extra})


def test_login_page_autocomplete_and_no_captcha(client):
    html = client.get(LOGIN).content.decode()
    assert 'autocomplete="email"' in html
    assert 'autocomplete="current-password"' in html
    assert "onpaste" not in html
    assert "captcha" not in html.lower()


def test_login_with_any_case_email_goes_home_in_profile_language(client):
    UserFactory(email="nl@example.test", preferred_language="nl")
    response = login(client, "NL@Example.test")
    assert response.status_code == 302
    assert response.url == "/nl/"
    assert client.session["samen_user_language"] == "nl"


def test_login_follows_safe_next_and_ignores_offsite_next(client):
    UserFactory(email="a@example.test")
    assert login(client, "a@example.test", next="/en/accounts/profile/").url == (
        "/en/accounts/profile/"
    )
    client.logout()
    assert login(client, "a@example.test", next="https://evil.example/").url == "/en/"


def test_wrong_password_gives_linked_error_and_no_login(client):
    UserFactory(email="a@example.test")
    response = login(client, "a@example.test", "wrong-password")
    assert response.status_code == 200
    assert "The email address or password is not right." in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_inactive_user_cannot_log_in(client):
    UserFactory(email="off@example.test", is_active=False)
    assert login(client, "off@example.test").status_code == 200
    assert "_auth_user_id" not in client.session


def test_logout_needs_post(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("accounts:logout")).status_code == 405
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_sixth_attempt_after_five_failures_is_locked_out(client):
    UserFactory(email="target@example.test")
    statuses = [login(client, "target@example.test", f"wrong-{i}").status_code for i in range(4)]
    assert statuses == [200, 200, 200, 200]
    fifth = login(client, "target@example.test", "wrong-5")
    assert fifth.status_code == 429  # the fifth failure reaches the limit
    sixth = login(client, "target@example.test")  # even the right password is refused now
    assert sixth.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in sixth.templates]
    html = sixth.content.decode()
    assert html.count("<h1") == 1
    assert "Too many attempts" in html
    assert 'role="status"' in html
    assert "Please try again in 15 minutes." in html
    assert "_auth_user_id" not in client.session


def test_magic_link_flow_single_use(client):
    user = UserFactory(email="link@example.test")
    response = client.post(reverse("accounts:magic_link_request"), {"email": "Link@example.test"})
    assert response.url == reverse("accounts:magic_link_sent")
    link = last_email_link()
    confirm = client.get(link)  # a mail scanner's GET does not use it up
    assert confirm.status_code == 200
    assert confirm.context["usable"] is True
    assert client.post(link).url == "/en/"
    assert int(client.session["_auth_user_id"]) == user.pk
    client.logout()
    again = client.post(link)
    assert again.status_code == 200
    assert again.context["usable"] is False
    assert "_auth_user_id" not in client.session


def test_magic_link_expires(client):
    UserFactory(email="late@example.test")
    client.post(reverse("accounts:magic_link_request"), {"email": "late@example.test"})
    link = last_email_link()
    MagicLinkToken.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert client.get(link).context["usable"] is False
    assert client.post(link).context["usable"] is False
    assert "_auth_user_id" not in client.session


def test_magic_link_unknown_email_gives_the_same_response(client):
    UserFactory(email="known@example.test")
    known = client.post(reverse("accounts:magic_link_request"), {"email": "known@example.test"})
    unknown = client.post(reverse("accounts:magic_link_request"), {"email": "nobody@example.test"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert len(mail.outbox) == 1
    page_known = client.get(known.url).content
    page_unknown = client.get(unknown.url).content
    assert page_known == page_unknown


def test_magic_link_sent_page_names_the_lifetime(client, settings):
    settings.SAMEN_MAGIC_LINK_MINUTES = 15
    html = client.get(reverse("accounts:magic_link_sent")).content.decode()
    assert "The link works once, for 15 minutes." in html


def test_password_reset_flow(client):
    user = UserFactory(email="forgot@example.test")
    response = client.post(reverse("accounts:password_reset"), {"email": "forgot@example.test"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox[0].subject == "Choose a new password for Samen"
    link = last_email_link()
    response = client.get(link)  # Django swaps the token for a session and redirects
    assert response.status_code == 302
    set_password_url = response.url
    form_page = client.get(set_password_url)
    assert form_page.context["validlink"] is True
    assert form_page.content.decode().count('autocomplete="new-password"') == 2
    done = client.post(
        set_password_url,
        {"new_password1": "green tea with honey", "new_password2": "green tea with honey"},
    )
    assert done.url == reverse("accounts:password_reset_complete")
    user.refresh_from_db()
    assert user.check_password("green tea with honey")
    assert client.get(link).status_code == 200  # used link now shows the invalid page


def test_password_reset_unknown_email_same_response(client):
    response = client.post(reverse("accounts:password_reset"), {"email": "ghost@example.test"})
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_changing_the_case_of_the_email_does_not_dodge_the_lockout(client, settings):
    settings.AXES_USERNAME_CALLABLE = "samen.accounts.backends.axes_username"
    UserFactory(email="case@example.test")
    variants = ["case@example.test", "CASE@example.test", "Case@Example.test", "cAse@example.TEST"]
    assert [login(client, email, "wrong").status_code for email in variants] == [200] * 4
    assert login(client, "CASE@EXAMPLE.TEST", "wrong").status_code == 429
    assert login(client, "case@example.test").status_code == 429


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/en/accounts/login/email-link/", "email"),
        ("/en/accounts/password-reset/", "email"),
        ("/en/accounts/verify-email/resend/", "email"),
    ],
)
def test_account_emails_are_capped_per_address_without_changing_the_answer(client, url, field):
    UserFactory(email="flood@example.test", verified=False)
    responses = [client.post(url, {field: "Flood@example.test"}) for _ in range(7)]
    assert {(response.status_code, response.url) for response in responses} == {
        (302, responses[0].url)
    }
    assert len(mail.outbox) == 5
