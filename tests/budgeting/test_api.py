"""The open-data API: every endpoint answers exact JSON, published processes only, results
only once published, no personal data, pages of at most 100 items."""

from datetime import date

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.test import Client
from django.utils import timezone, translation

from samen.budgeting import services_delivery
from tests.budgeting.factories import organiser, process_in
from tests.budgeting.factories_delivery import results_process

pytestmark = pytest.mark.django_db


def _iso(moment) -> str:  # type: ignore[no-untyped-def]
    """As the API writes it: UTC, to the millisecond (Django's JSON encoder)."""
    return DjangoJSONEncoder().default(moment)


def _get(path: str) -> tuple[int, object]:
    response = Client().get(path)
    return response.status_code, response.json()


@pytest.fixture
def world():  # type: ignore[no-untyped-def]
    process, projects = results_process()
    hidden = process_in(title="Not public yet", is_published=False)
    return process, projects, hidden


def _process_json(process) -> dict:  # type: ignore[no-untyped-def]
    return {
        "id": process.pk,
        "title": "Lindeveld delivers",
        "description": "Residents decide how to spend €100,000.",
        "easy_read_summary": "",
        "currency": "EUR",
        "rule": "mes-cost+add1+greedy",
        "min_age": 16,
        "max_age": None,
        "current_phase": "shortlist",
        "url": f"/en/budgeting/{process.pk}/",
    }


def test_processes_lists_published_processes_only_in_pages(world, django_assert_num_queries):
    process, _projects, _hidden = world

    with django_assert_num_queries(2):
        status, body = _get("/api/processes")

    assert status == 200
    assert body == {"items": [_process_json(process)], "count": 1}
    assert _get("/api/processes?limit=0")[0] == 422
    assert _get("/api/processes?offset=1") == (200, {"items": [], "count": 1})


def test_a_process_has_its_phases_and_budgets_and_an_unpublished_one_is_404(world):
    process, _projects, hidden = world
    phases = [
        {"kind": p.kind, "starts_at": _iso(p.starts_at), "ends_at": p.ends_at and _iso(p.ends_at)}
        for p in process.phases.order_by("position")
    ]
    budget = process.budgets.get()
    budgets = [
        {
            "id": budget.pk,
            "name": "Lindeveld",
            "district": None,
            "amount_minor": 1_000_000,
            "ballot_kind": "approval",
            "min_choices": 0,
            "max_choices": None,
            "points_total": None,
            "max_points_per_project": None,
        }
    ]

    assert _get(f"/api/processes/{process.pk}") == (
        200,
        {**_process_json(process), "phases": phases, "budgets": budgets},
    )
    assert _get(f"/api/processes/{process.pk}/phases") == (200, phases)
    assert _get(f"/api/processes/{process.pk}/budgets") == (200, budgets)
    assert _get(f"/api/processes/{hidden.pk}") == (404, {"detail": "Not Found"})
    assert _get(f"/api/processes/{hidden.pk}/projects") == (404, {"detail": "Not Found"})


def test_projects_are_the_ballot_without_authors(world):
    process, (benches, _skate, fountain), _hidden = world

    status, body = _get(f"/api/processes/{process.pk}/projects?limit=2")

    assert status == 200
    assert body == {
        "items": [
            {
                "id": benches.pk,
                "title": "Benches by the pond",
                "description": "Three benches near the pond.",
                "district": None,
                "category": "green",
                "location": "",
                "estimated_cost_minor": 400_000,
                "cost_minor": 400_000,
            },
            {
                "id": fountain.pk,
                "title": "Fountain",
                "description": "Three benches near the pond.",
                "district": None,
                "category": "green",
                "location": "",
                "estimated_cost_minor": 600_000,
                "cost_minor": 600_000,
            },
        ],
        "count": 3,
    }


def test_results_are_published_results_only(world):
    process, (benches, skate, fountain), _hidden = world
    unpublished, _projects = results_process(published=False, title="Counting")
    unpublished.is_published = True
    unpublished.save()
    count = process.counts.get()
    result = count.budget_results.get()

    assert _get(f"/api/processes/{unpublished.pk}/results") == (404, {"detail": "Not Found"})
    assert _get(f"/api/processes/{process.pk}/results") == (
        200,
        {
            "process_id": process.pk,
            "rule": "mes-cost+add1+greedy",
            "published_at": _iso(count.published_at),
            "currency": "EUR",
            "csv_url": f"/en/budgeting/{process.pk}/results.csv",
            "budgets": [
                {
                    "budget_id": result.budget_id,
                    "budget": "Lindeveld",
                    "district": None,
                    "amount_minor": 1_000_000,
                    "voters": 10,
                    "spent_minor": 900_000,
                    "sha256": result.sha256,
                    "pb_url": f"/en/budgeting/{process.pk}/results/{result.budget_id}/ballots.pb",
                    "projects": [
                        {
                            "project_id": p.pk,
                            "title": p.title,
                            "position": position,
                            "votes": votes,
                            "points": 0,
                            "cost_minor": p.cost_minor,
                            "selected": selected,
                        }
                        for position, (p, votes, selected) in enumerate(
                            [(benches, 7, True), (skate, 6, True), (fountain, 3, False)], start=1
                        )
                    ],
                }
            ],
        },
    )


def test_delivery_lists_funded_projects_with_status_milestones_and_updates(world):
    process, (benches, skate, _fountain), _hidden = world
    actor = organiser()
    today = timezone.localdate()
    services_delivery.status_update_create(
        actor=actor,
        proposal=benches,
        status="in_progress",
        text="Ordered.",
        published_on=date(2026, 1, 5),
    )
    services_delivery.milestone_create(
        actor=actor, proposal=benches, title="Ordered", due_on=today, done_on=today
    )
    services_delivery.project_follow(user=actor, proposal=benches)

    status, body = _get(f"/api/processes/{process.pk}/delivery")

    assert status == 200
    assert body == {
        "items": [
            {
                "project_id": benches.pk,
                "title": "Benches by the pond",
                "status": "in_progress",
                "milestones_done": 1,
                "milestones_total": 1,
                "milestones": [
                    {"title": "Ordered", "due_on": today.isoformat(), "done_on": today.isoformat()}
                ],
                "updates": [
                    {"status": "in_progress", "published_on": "2026-01-05", "text": "Ordered."}
                ],
            },
            {
                "project_id": skate.pk,
                "title": "Skate ramp",
                "status": "planned",
                "milestones_done": 0,
                "milestones_total": 0,
                "milestones": [],
                "updates": [],
            },
        ],
        "count": 2,
    }


def test_the_openapi_document_describes_every_endpoint_and_the_docs_page_lists_them():
    status, schema = _get("/api/openapi.json")
    docs = Client().get("/en/budgeting/open-data/")

    assert status == 200
    assert (schema["openapi"], schema["info"]["title"]) == ("3.1.0", "Samen open data")
    assert sorted(schema["paths"]) == [
        "/api/processes",
        "/api/processes/{process_id}",
        "/api/processes/{process_id}/budgets",
        "/api/processes/{process_id}/delivery",
        "/api/processes/{process_id}/phases",
        "/api/processes/{process_id}/projects",
        "/api/processes/{process_id}/results",
    ]
    assert docs.status_code == 200
    html = docs.content.decode()
    assert html.count("<code>GET /api/processes") == 7
    assert '<a href="/api/openapi.json">/api/openapi.json</a>' in html
    assert Client().post("/api/processes").status_code == 405
    assert Client().get("/api/docs/")["Location"] == "/en/budgeting/open-data/"
    with translation.override("en"):  # the middleware activates Dutch for this thread
        dutch = Client().get("/api/", HTTP_ACCEPT_LANGUAGE="nl")
    assert dutch["Location"] == "/nl/budgeting/open-data/"
