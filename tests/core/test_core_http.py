"""Core pages over HTTP: layout, display settings, languages, error pages and headers."""

import pytest
from django.contrib.auth.models import AnonymousUser

from samen.accounts.models import User
from samen.core import views
from samen.core.demo import DEMO_USERS, seed_demo
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_home_has_one_h1_skip_link_and_help_link_in_the_header(client):
    html = client.get("/en/").content.decode()
    assert html.count("<h1>") == 1
    assert '<a class="skip-link" href="#main">Skip to main content</a>' in html
    assert '<main id="main"' in html
    assert '<a class="help-link" href="/en/help/">Get help</a>' in html


def test_language_prefix_chooses_the_language_and_links_offer_the_others(client):
    html = client.get("/en/help/").content.decode()
    assert '<html lang="en"' in html
    for code in ("nl", "da", "de", "fr"):
        assert f'href="/{code}/help/" lang="{code}" hreflang="{code}"' in html


def test_bare_root_redirects_to_a_language_prefix(client):
    response = client.get("/")
    assert (response.status_code, response.headers["Location"]) == (302, "/en/")


def test_anonymous_display_settings_are_kept_in_a_cookie_and_applied_on_the_server(client):
    response = client.post(
        "/en/display-settings/",
        {"text_size": "200", "high_contrast": "on", "easy_read": "on"},
    )
    assert (response.status_code, response.headers["Location"]) == (302, "/en/display-settings/")
    assert response.cookies["samen_prefs"].value == "200-ce"
    html = client.get("/en/").content.decode()
    assert '<html lang="en" class="text-200 high-contrast easy-read">' in html


def test_logged_in_display_settings_are_saved_in_the_profile(client):
    user = UserFactory()
    client.force_login(user)
    client.post("/en/display-settings/", {"text_size": "150", "reduced_motion": "on"})
    user.refresh_from_db()
    assert (user.text_size, user.high_contrast, user.reduced_motion, user.easy_read) == (
        "150",
        False,
        True,
        False,
    )
    assert 'class="text-150 reduced-motion"' in client.get("/en/").content.decode()


def test_display_settings_reject_an_unknown_text_size_and_save_nothing(client):
    response = client.post("/en/display-settings/", {"text_size": "900"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "samen_prefs" not in response.cookies
    assert 'href="#id_text_size_0"' in html or 'href="#id_text_size"' in html
    assert "Select a valid choice. 900 is not one of the available choices." in html


def test_missing_page_uses_the_site_layout_with_status_404(client):
    response = client.get("/en/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "<h1>Page not found</h1>" in html
    assert "Get help" in html


def test_anonymous_visitor_of_a_management_page_is_sent_to_log_in(client):
    response = client.get("/en/manage/users/")
    assert response.status_code == 302
    assert response.headers["Location"] == "/en/accounts/login/?next=/en/manage/users/"


def test_resident_on_a_management_page_gets_the_403_page_in_the_layout(client):
    client.force_login(UserFactory())
    response = client.get("/en/manage/")
    assert response.status_code == 403
    assert "<h1>You cannot open this page</h1>" in response.content.decode()


def test_server_error_page_is_in_the_layout(rf):
    request = rf.get("/en/")
    request.user = AnonymousUser()
    response = views.server_error(request)
    assert response.status_code == 500
    assert "<h1>Sorry, something went wrong</h1>" in response.content.decode()
    assert '<a class="help-link" href="/en/help/">Get help</a>' in response.content.decode()


def test_server_error_page_still_answers_when_the_layout_cannot_render(rf, monkeypatch):
    def broken_render(*args, **kwargs):
        raise RuntimeError("database is down")

    monkeypatch.setattr(views, "render", broken_render)
    response = views.server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert "<h1>Sorry, something went wrong</h1>" in response.content.decode()


def test_every_page_is_sent_with_a_strict_content_security_policy(client):
    response = client.get("/en/")
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    assert "style-src 'self'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_healthz_reports_ok(client):
    response = client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


def test_seed_demo_is_idempotent_and_creates_one_user_per_role(demo_report):
    first = demo_report
    second = seed_demo()
    assert {f"created {demo.email}" for demo in DEMO_USERS} <= set(first)
    assert second == []
    roles = {
        email: sorted(User.objects.get(email=email).role_names())
        for email in (
            "resident@demo.samen.test",
            "staff@demo.samen.test",
            "coach@demo.samen.test",
            "organiser@demo.samen.test",
            "moderator@demo.samen.test",
            "admin@demo.samen.test",
        )
    }
    assert roles == {
        "resident@demo.samen.test": ["resident"],
        "staff@demo.samen.test": ["staff"],
        "coach@demo.samen.test": ["digicoach", "staff"],
        "organiser@demo.samen.test": ["organiser", "staff"],
        "moderator@demo.samen.test": ["moderator", "staff"],
        "admin@demo.samen.test": ["admin", "staff"],
    }
    assert User.objects.get(email="resident@demo.samen.test").check_password("samen-demo-2026")


def test_user_list_search_finds_by_name_or_email_without_n_plus_one(
    client, django_assert_max_num_queries, login_verified
):
    for n in range(12):
        UserFactory(display_name=f"Neighbour {n}")
    login_verified(client, UserFactory(roles=["admin"]))
    with django_assert_max_num_queries(12):
        html = client.get("/en/manage/users/?q=neighbour").content.decode()
    assert html.count("Change roles") == 12
