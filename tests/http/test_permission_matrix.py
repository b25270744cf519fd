"""Every page of tests/pages.py, as every role → the exact status, and the exact redirect."""

import re
from html import escape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from samen.core.services import audit_record
from tests.factories import UserFactory
from tests.pages import MATRIX_ROLES, Page, cases

GET_CASES = cases(MATRIX_ROLES)


@pytest.mark.parametrize(
    ("page", "role"), GET_CASES, ids=[f"{page.id}-{role}" for page, role in GET_CASES]
)
def test_get_answers_as_the_registry_says(page: Page, role: str, world, client_as):
    url = page.url(world)
    expected = page.expect[role]

    response = client_as(role).get(url)

    assert response.status_code == expected.status
    if expected.status == 200 and page.html:
        headings = re.findall(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), flags=re.S)
        assert [heading.strip() for heading in headings] == [escape(page.title)]
    if expected.status in (301, 302, 303, 307, 308):
        location = urlsplit(response["Location"])
        assert (location.scheme, location.netloc) == ("", "")
        assert location.path == expected.target(world)
        assert parse_qs(location.query) == expected.query(url)


def _queries_for(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("name", ["core:user_list", "core:audit_log"])
def test_management_lists_cost_the_same_queries_for_ten_rows_or_forty(name, world, client_as):
    admin = client_as("admin")
    url = reverse(name)
    few = _queries_for(admin, url)
    for number in range(30):
        person = UserFactory(email=f"extra{number}@example.test", roles=["resident", "staff"])
        audit_record(actor=world.users["admin"], action="test.extra", target=person)

    many = _queries_for(admin, url)

    assert many == few
