"""HTTP tests: the profile page, the data export download and account erasure."""

import json

import pytest
from django.urls import reverse

from samen.accounts.models import User
from samen.core.models import AuditEntry
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
PROFILE = "/en/accounts/profile/"
VALID = {
    "display_name": "Ria",
    "preferred_language": "de",
    "year_of_birth": "1958",
    "postcode": "7411 ab",
    "text_size": "150",
    "high_contrast": "on",
    "easy_read": "on",
}


def test_account_pages_need_login(client):
    for name in ("profile", "export", "erase", "two_factor_enrol", "two_factor_verify"):
        response = client.get(reverse(f"accounts:{name}"))
        assert response.status_code == 302, name
        assert response.url.startswith("/en/accounts/login/?next="), name


def test_profile_shows_details_and_accessibility_fieldset(client):
    user = UserFactory(email="ria@example.test", roles=["resident", "staff"])
    client.force_login(user)
    html = client.get(PROFILE).content.decode()
    assert html.count("<h1") == 1
    assert "ria@example.test" in html
    assert "<legend>Display and reading</legend>" in html
    assert "<legend>Text size</legend>" in html


def test_profile_edit_saves_and_switches_language(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(PROFILE, VALID)
    assert response.status_code == 302
    assert response.url == "/de/accounts/profile/"
    assert response.cookies["samen_language"].value == "de"
    assert client.session["samen_user_language"] == "de"
    user.refresh_from_db()
    assert (user.display_name, user.preferred_language, user.year_of_birth, user.postcode) == (
        "Ria",
        "de",
        1958,
        "7411 AB",
    )
    assert (user.text_size, user.high_contrast, user.reduced_motion, user.easy_read) == (
        "150",
        True,
        False,
        True,
    )
    page = client.get(response.url)
    assert page.content.decode().startswith("<!doctype html>")
    assert '<html lang="de"' in page.content.decode()


def test_export_downloads_json_of_own_data(client):
    user = UserFactory(email="me@example.test", display_name="Me", roles=["resident"])
    client.force_login(user)
    assert client.get(reverse("accounts:export")).status_code == 200
    response = client.post(reverse("accounts:export"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="samen-my-data-')
    data = json.loads(response.content)
    assert data["format"] == "samen-account-export/1"
    assert data["profile"]["email"] == "me@example.test"
    assert data["profile"]["display_name"] == "Me"
    assert data["roles"] == ["resident"]
    assert data["audit_entries"] == []
    assert data["two_factor_devices"] == []


def test_erase_needs_the_right_email_then_erases_and_logs_out(client):
    user = UserFactory(email="bye@example.test")
    client.force_login(user)
    wrong = client.post(reverse("accounts:erase"), {"email": "other@example.test"})
    assert wrong.status_code == 200
    assert "This is not the email address of your account." in wrong.content.decode()
    assert User.objects.get(pk=user.pk).is_active
    response = client.post(reverse("accounts:erase"), {"email": "BYE@example.test"})
    assert response.url == reverse("accounts:erased")
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert not user.is_active
    assert user.email == f"erased-{user.pk}@erased.invalid"
    assert AuditEntry.objects.get(action="accounts.account_erased").actor_label == (
        "bye@example.test"
    )
    assert client.get(response.url).status_code == 200
