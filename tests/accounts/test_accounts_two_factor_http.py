"""HTTP tests: the two-factor gate on management pages, enrolment and verification."""

import re
from base64 import b32decode
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django_otp.plugins.otp_totp.models import TOTPDevice

from samen.accounts import services
from tests.accounts.helpers import code_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
MANAGE = "/en/manage/"
ENROL = "/en/accounts/two-factor/enrol/"
VERIFY = "/en/accounts/two-factor/verify/"


@pytest.mark.parametrize("role", ["organiser", "moderator", "admin"])
def test_privileged_roles_without_device_are_sent_to_enrol(client, role):
    client.force_login(UserFactory(roles=["staff", role]))
    response = client.get(MANAGE)
    assert response.status_code == 302
    assert response.url == f"{ENROL}?next=%2Fen%2Fmanage%2F"


@pytest.mark.parametrize("role", ["organiser", "moderator", "admin"])
def test_privileged_roles_with_device_are_sent_to_verify(client, role):
    user = UserFactory(roles=[role])
    services.totp_device_create(user=user)
    client.force_login(user)
    response = client.get("/en/manage/users/")
    assert response.status_code == 302
    assert response.url == f"{VERIFY}?next=%2Fen%2Fmanage%2Fusers%2F"


@pytest.mark.parametrize("role", ["resident", "staff", "digicoach"])
def test_other_roles_are_not_sent_to_two_factor(client, role):
    client.force_login(UserFactory(roles=[role]))
    response = client.get(MANAGE)
    assert response.status_code == 403


def test_paths_merely_containing_manage_are_not_gated(client):
    client.force_login(UserFactory(roles=["admin"]))
    assert client.get("/en/accounts/profile/").status_code == 200
    assert client.get("/en/management-nope/").status_code == 404


def test_enrol_then_reach_management_then_verify_in_new_session(client):
    user = UserFactory(email="org@example.test", roles=["organiser"])
    client.force_login(user)
    page = client.get(f"{ENROL}?next=/en/manage/")
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count("<h1") == 1
    assert '<svg role="img" aria-label="QR code for your authenticator app"' in html
    assert 'autocomplete="one-time-code"' in html
    assert 'inputmode="numeric"' in html
    assert "style=" not in html
    assert "<script" not in html
    secret = re.search(r'id="totp-secret">([A-Z2-7 ]+)<', html).group(1)
    key_hex = b32decode(secret.replace(" ", "")).hex()

    response = client.post(ENROL, {"code": code_for(key_hex), "next": "/en/manage/"})
    assert response.status_code == 302
    assert response.url == "/en/accounts/two-factor/backup-codes/?next=%2Fen%2Fmanage%2F"
    codes_page = client.get(response.url)
    codes = re.findall(r'<code class="code-box">([a-z2-7]+)</code>', codes_page.content.decode())
    assert len(codes) == 10
    assert client.get(response.url).context["codes"] is None  # shown once
    assert client.get(MANAGE).status_code == 200
    assert TOTPDevice.objects.get(user=user).key == key_hex

    client.logout()
    client.force_login(user)
    assert client.get(MANAGE).url == f"{VERIFY}?next=%2Fen%2Fmanage%2F"
    verify_html = client.get(f"{VERIFY}?next=/en/manage/").content.decode()
    assert 'autocomplete="one-time-code"' in verify_html
    assert 'inputmode="numeric"' in verify_html
    # The enrolment used this window's code; the device accepts the next one.
    response = client.post(VERIFY, {"code": code_for(key_hex, drift=1), "next": "/en/manage/"})
    assert response.url == "/en/manage/"
    assert client.get(MANAGE).status_code == 200


def test_verify_with_backup_code_and_offsite_next_is_ignored(client):
    user = UserFactory(roles=["admin"])
    services.totp_device_create(user=user)
    code = services.backup_codes_replace(user=user)[0]
    client.force_login(user)
    response = client.post(VERIFY, {"backup_code": code, "next": "https://evil.example/"})
    assert response.url == "/en/manage/"
    assert client.get(MANAGE).status_code == 200


def test_wrong_code_is_refused_with_linked_error(client):
    user = UserFactory(roles=["admin"])
    services.totp_device_create(user=user, key_hex="ab" * 20)
    client.force_login(user)
    response = client.post(VERIFY, {"code": "000000"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'aria-describedby="id_code_error"' in html
    assert "That code did not work." in html
    assert client.get(MANAGE).status_code == 302


def test_enrol_with_existing_device_requires_verification_first(client):
    user = UserFactory(roles=["admin"])
    services.totp_device_create(user=user)
    client.force_login(user)
    response = client.get(ENROL)
    assert response.url == VERIFY


def test_demo_totp_prints_the_current_code(settings):
    user = UserFactory(email="demo@example.test", roles=["admin"])
    services.totp_device_create(user=user, key_hex="31" * 20)
    out = StringIO()
    call_command("demo_totp", "demo@example.test", stdout=out)
    assert out.getvalue().strip() == code_for("31" * 20)
    settings.SAMEN_DEMO_ALLOWED = False
    with pytest.raises(CommandError):
        call_command("demo_totp", "demo@example.test", stdout=StringIO())


def test_new_backup_codes_need_a_verified_session_and_replace_the_old(client):
    user = UserFactory(roles=["admin"])
    services.totp_device_create(user=user)
    old = services.backup_codes_replace(user=user)
    client.force_login(user)
    url = "/en/accounts/two-factor/backup-codes/"
    assert client.post(url).url.startswith(VERIFY)
    client.post(VERIFY, {"backup_code": old[0]})
    page = client.post(url)
    new = page.context["codes"]
    assert len(new) == 10
    assert set(new).isdisjoint(old)
    assert services.two_factor_verify(user=user, token=old[1]) is None
