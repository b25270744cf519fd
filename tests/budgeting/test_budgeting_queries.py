"""N+1 guards: list pages cost the same number of queries for 2 rows or 20."""

import pytest
from django.urls import reverse

from samen.budgeting import services
from samen.budgeting.models import PhaseKind
from tests.budgeting.factories import district, organiser, process_in, proposal

pytestmark = pytest.mark.django_db


def _fill(process, count: int) -> None:  # type: ignore[no-untyped-def]
    centrum = district(process, f"District {count}", f"74{count:02d}*")
    boss = organiser()
    for number in range(count):
        idea = proposal(process, title=f"Idea {number}", district=centrum if number % 2 else None)
        if number % 3 == 0:
            services.proposal_review(actor=boss, proposal=idea, feasible=True, reason="Fine.")
        if number % 4 == 1:
            other = proposal(process, title=f"Twin {number}")
            services.proposal_merge(actor=boss, proposal=other, into=idea, reason="Same.")


# The same exact counts whatever the number of rows (session, user and roles included).
PUBLIC_LIST_QUERIES = 5
MANAGE_QUERIES = 12


@pytest.mark.parametrize("rows", [2, 20])
def test_public_proposal_list(client, django_assert_num_queries, rows):
    process = process_in(PhaseKind.REVIEW)
    _fill(process, rows)
    url = reverse("budgeting:proposal_list", kwargs={"process_id": process.pk})

    with django_assert_num_queries(PUBLIC_LIST_QUERIES):
        response = client.get(url)

    assert response.status_code == 200
    assert f"Idea {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("rows", [2, 20])
def test_management_proposal_table(organiser_client, django_assert_num_queries, rows):
    process = process_in(PhaseKind.REVIEW)
    _fill(process, rows)
    url = reverse("budgeting:manage_process", kwargs={"process_id": process.pk})

    with django_assert_num_queries(MANAGE_QUERIES):
        response = organiser_client.get(url)

    assert response.status_code == 200
    assert f"Idea {rows - 1}" in response.content.decode()


@pytest.mark.parametrize("processes", [1, 8])
def test_process_lists(client, organiser_client, django_assert_num_queries, processes):
    for number in range(processes):
        proposal(process_in(title=f"Process {number}"))

    with django_assert_num_queries(2):
        public = client.get(reverse("budgeting:process_list"))
    with django_assert_num_queries(6):
        managed = organiser_client.get(reverse("budgeting:manage_process_list"))

    assert public.status_code == managed.status_code == 200
    assert f"Process {processes - 1}" in managed.content.decode()
