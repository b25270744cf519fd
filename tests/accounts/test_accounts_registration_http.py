"""HTTP tests: sign-up, email verification and resending the verification link."""

import pytest
from django.core import mail
from django.urls import reverse

from samen.accounts.models import User
from tests.accounts.helpers import last_email_link
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

VALID = {
    "display_name": "Ana Jansen",
    "email": "Ana@Example.test",
    "password1": "a quiet orange bicycle",
    "password2": "a quiet orange bicycle",
    "year_of_birth": "1961",
    "postcode": "7411 ab",
    "preferred_language": "nl",
}


def test_register_page_has_accessible_form(client):
    response = client.get(reverse("accounts:register"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<h1") == 1
    assert 'autocomplete="email"' in html
    assert html.count('autocomplete="new-password"') == 2
    assert "<legend>" in html
    assert "captcha" not in html.lower()


def test_registration_and_verification_flow(client):
    response = client.post(reverse("accounts:register"), VALID)
    assert response.status_code == 302
    assert response.url == reverse("accounts:register_done")
    user = User.objects.get()
    assert user.email == "ana@example.test"
    assert (user.display_name, user.year_of_birth, user.postcode) == ("Ana Jansen", 1961, "7411 AB")
    assert user.preferred_language == "nl"
    assert user.role_names() == {"resident"}
    assert not user.is_email_verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ana@example.test"]
    link = last_email_link()
    assert link.startswith("/nl/accounts/verify-email/")  # in the user's own language

    response = client.get(link)
    assert response.status_code == 200
    assert response.context["verified"] is True
    # The link is in the user's language, so the page is too.
    assert "Bedankt. Uw e-mailadres is bevestigd." in response.content.decode()
    assert User.objects.get().is_email_verified


def test_unverified_user_can_log_in_and_sees_a_notice(client):
    UserFactory(email="new@example.test", verified=False)
    response = client.post(
        reverse("accounts:login"),
        {"username": "new@example.test", "password": "correct-horse-battery-staple"},
        follow=True,
    )
    assert response.status_code == 200
    messages = [str(message) for message in response.context["messages"]]
    assert messages == [
        "Your email address is not verified yet. Open the link in the email we sent, "
        "or ask for a new one on your account page."
    ]
    profile = client.get(reverse("accounts:profile"))
    assert "Your email address is not confirmed yet." in profile.content.decode()


def test_register_with_taken_email_shows_same_page_and_creates_nothing(client):
    UserFactory(email="ana@example.test")
    response = client.post(reverse("accounts:register"), VALID)
    assert response.status_code == 302
    assert response.url == reverse("accounts:register_done")
    assert User.objects.count() == 1
    assert mail.outbox[0].subject == "You already have an account at Samen"


def test_invalid_verification_link_shows_help(client):
    response = client.get(reverse("accounts:verify_email", args=["not-a-token"]))
    assert response.status_code == 200
    assert response.context["verified"] is False
    assert reverse("accounts:verify_email_resend") in response.content.decode()


def test_resend_verification_same_response_for_known_and_unknown(client):
    UserFactory(email="wait@example.test", verified=False)
    known = client.post(reverse("accounts:verify_email_resend"), {"email": "wait@example.test"})
    unknown = client.post(reverse("accounts:verify_email_resend"), {"email": "no@example.test"})
    assert (known.status_code, known.url) == (unknown.status_code, unknown.url)
    assert known.url == reverse("accounts:verify_email_resend_done")
    assert len(mail.outbox) == 1
    client.get(last_email_link())
    assert User.objects.get(email="wait@example.test").is_email_verified


def test_resend_does_nothing_for_verified_user(client):
    UserFactory(email="done@example.test", verified=True)
    client.post(reverse("accounts:verify_email_resend"), {"email": "done@example.test"})
    assert mail.outbox == []
