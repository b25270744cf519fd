"""Budgeting's page-registry rows (tests/pages_budgeting.py), checked with the site-wide
permission-matrix check until tests/pages.py includes them: every page as every role, the
exact status, the exact redirect and the h1. One seeded world per page, all roles in it."""

import pytest

from tests.http.conftest import client_as, world  # noqa: F401  (fixtures)
from tests.http.test_permission_matrix import test_get_answers_as_the_registry_says as check
from tests.pages import MATRIX_ROLES
from tests.pages_budgeting import PAGES


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_budgeting_page_answers_as_registered_for_every_role(page, world, client_as):  # noqa: F811
    failures = []
    for role in MATRIX_ROLES:
        try:
            check(page, role, world, client_as)
        except AssertionError as error:
            failures.append(f"{role}: {error}")

    assert failures == []


def test_every_budgeting_url_name_has_a_row():
    from samen.budgeting.urls import urlpatterns

    assert {f"budgeting:{p.name}" for p in urlpatterns} == {page.name for page in PAGES}
