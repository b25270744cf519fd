"""The inclusion rows of the page registry (tests/pages_inclusion.py) hold, as every role.

Until the rows are wired into tests/pages.py, this runs them the way
tests/http/test_permission_matrix.py and tests/http/test_bad_input.py do.
"""

import re
from html import escape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.test import Client

from tests.http.formcheck import field_errors, non_field_errors
from tests.pages import MATRIX_ROLES, World, build_world, session_key_for
from tests.pages_inclusion import INCLUSION_FORMS, INCLUSION_MODELS, INCLUSION_PAGES

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(db: None) -> World:
    return build_world()


def client_as(world: World, role: str) -> Client:
    client = Client()
    key = session_key_for(world, role)
    if key is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = key
    return client


def test_every_row_names_every_role_and_a_heading():
    assert [page.id for page in INCLUSION_PAGES if set(page.expect) != set(MATRIX_ROLES)] == []
    assert [p.id for p in INCLUSION_PAGES if p.roles_seeing() and p.html and not p.title] == []
    assert len({page.id for page in INCLUSION_PAGES}) == len(INCLUSION_PAGES)


@pytest.mark.parametrize("page", INCLUSION_PAGES, ids=lambda page: page.id)
def test_get_answers_as_the_row_says_for_every_role(page, world):
    url = page.url(world)
    wrong = []
    for role in MATRIX_ROLES:
        expected = page.expect[role]
        response = client_as(world, role).get(url)
        got: list[object] = [response.status_code]
        want: list[object] = [expected.status]
        if expected.status == 200 and page.html:
            html = response.content.decode()
            got.append([h.strip() for h in re.findall(r"<h1[^>]*>(.*?)</h1>", html, flags=re.S)])
            want.append([escape(page.title, quote=False)])
        if expected.status == 302 and response.status_code == 302:
            location = urlsplit(response["Location"])
            got += [location.path, parse_qs(location.query)]
            want += [expected.target(world), expected.query(url)]
        if got != want:
            wrong.append((role, got, want))

    assert wrong == []


def snapshot() -> dict[str, list[dict[str, object]]]:
    return {
        model._meta.label: list(model.objects.order_by("pk").values()) for model in INCLUSION_MODELS
    }


@pytest.mark.parametrize("row", INCLUSION_FORMS, ids=lambda row: row["name"])
def test_the_valid_payload_changes_the_snapshot(row, world):
    client = client_as(world, row["role"])
    url, data = row["url"](client, world), row["valid"](client, world)
    before = snapshot()

    response = client.post(url, data)

    assert response.status_code == 302
    assert field_errors(response.content.decode()) == []
    assert snapshot() != before


@pytest.mark.parametrize("row", INCLUSION_FORMS, ids=lambda row: row["name"])
def test_an_unexpected_field_changes_nothing(row, world):
    client = client_as(world, row["role"])
    url, data = row["url"](client, world), row["valid"](client, world)
    before = snapshot()

    response = client.post(url, {**data, "is_staff": "1"})

    assert response.status_code == 200
    assert non_field_errors(response.content.decode()) == [
        "This form does not accept the field “is_staff”. Nothing was saved."
    ]
    assert snapshot() == before
