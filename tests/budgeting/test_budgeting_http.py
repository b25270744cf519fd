"""HTTP flows with the test client: reading, submitting, reviewing, merging and hiding."""

import pytest
from django.urls import reverse

from samen.budgeting.models import PhaseKind, Process, Proposal
from samen.core.models import AuditEntry
from tests.budgeting.factories import district, process_in, proposal

pytestmark = pytest.mark.django_db


def _url(name: str, proposal_obj: Proposal | None = None, **kwargs) -> str:  # type: ignore[no-untyped-def]
    if proposal_obj is not None:
        kwargs |= {"process_id": proposal_obj.process_id, "proposal_id": proposal_obj.pk}
    return reverse(f"budgeting:{name}", kwargs=kwargs)


def test_anonymous_reads_published_processes_and_proposals(client):
    process = process_in(PhaseKind.IDEAS, title="Lindeveld decides")
    idea = proposal(process, title="Benches in the park", estimated_cost_minor=250_000)
    draft = process_in(title="Draft process", is_published=False)

    listing = client.get(_url("process_list")).content.decode()
    detail = client.get(_url("process_detail", process_id=process.pk))
    proposals = client.get(_url("proposal_list", process_id=process.pk)).content.decode()
    one = client.get(_url("proposal_detail", idea)).content.decode()

    assert "Lindeveld decides" in listing
    assert "Draft process" not in listing
    assert detail.status_code == 200
    assert "Now: Ideas" in detail.content.decode()
    assert "Benches in the park" in proposals
    assert "EUR 2,500" in one
    assert "(the author\u2019s estimate)" in one
    assert client.get(_url("process_detail", process_id=draft.pk)).status_code == 404


def test_hidden_proposals_are_404_for_the_public_and_shown_to_moderators(
    client, resident_client, moderator_client
):
    process = process_in()
    idea = proposal(process, title="Rude words")
    moderator_client.post(_url("proposal_hide", idea), {"reason": "Insults."})

    assert client.get(_url("proposal_detail", idea)).status_code == 404
    assert resident_client.get(_url("proposal_detail", idea)).status_code == 404
    assert (
        "Rude words"
        not in client.get(_url("proposal_list", process_id=process.pk)).content.decode()
    )
    page = moderator_client.get(_url("proposal_detail", idea)).content.decode()
    assert "Hidden by a moderator: Insults." in page


def test_resident_submits_a_proposal_and_sees_readability_hints(resident_client, resident):
    process = process_in(PhaseKind.IDEAS)
    centrum = district(process)
    long_sentence = " ".join(["word"] * 25) + "."

    response = resident_client.post(
        _url("proposal_submit", process_id=process.pk),
        {
            "title": "Benches",
            "description": long_sentence,
            "estimated_cost": "2500.50",
            "district": str(centrum.pk),
            "category": "green",
            "location_text": "Park",
        },
        follow=True,
    )

    made = Proposal.objects.get()
    page = response.content.decode()
    assert response.redirect_chain == [(_url("proposal_detail", made), 302)]
    assert (made.author, made.estimated_cost_minor, made.district) == (resident, 250_050, centrum)
    assert "Thank you. Your proposal is saved and published." in page
    assert (
        "Reading hint for “What is your idea?”: This sentence has 25 words. Try to keep "
        "sentences under 20 words."
    ) in page
    assert 'role="status"' in page


def test_check_my_text_shows_hints_keeps_the_text_and_saves_nothing(resident_client):
    process = process_in(PhaseKind.IDEAS)
    long_sentence = " ".join(["word"] * 25) + "."

    response = resident_client.post(
        _url("proposal_submit", process_id=process.pk),
        {"title": "", "description": long_sentence, "action": "check"},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "Your proposal is not sent yet." in page
    assert "This sentence has 25 words. Try to keep sentences under 20 words." in page
    assert long_sentence in page  # what was typed is kept
    assert "There is a problem" not in page  # checking is not submitting
    assert Proposal.objects.count() == 0


def test_the_author_changes_their_proposal_and_others_may_not(resident_client, resident, client):
    process = process_in(PhaseKind.IDEAS)
    idea = proposal(process, author=resident, title="Benches")
    other = proposal(process, title="Someone else's")
    data = {
        "title": "More benches",
        "description": "Four.",
        "estimated_cost": "40",
        "category": "play",
    }

    detail = resident_client.get(_url("proposal_detail", idea)).content.decode()
    response = resident_client.post(_url("proposal_edit", idea), data)
    refused = resident_client.post(_url("proposal_edit", other), data)
    anonymous = client.get(_url("proposal_edit", idea))

    idea.refresh_from_db()
    other.refresh_from_db()
    assert "Change your proposal" in detail
    assert response.status_code == 302
    assert (idea.title, idea.estimated_cost_minor, idea.category) == ("More benches", 4_000, "play")
    assert refused.status_code == 403
    assert other.title == "Someone else's"
    assert anonymous.status_code == 302
    assert "Change your proposal" not in client.get(_url("proposal_detail", idea)).content.decode()


def test_submitting_is_refused_outside_the_ideas_phase(resident_client):
    process = process_in(PhaseKind.REVIEW)

    response = resident_client.post(
        _url("proposal_submit", process_id=process.pk),
        {"title": "Late", "description": "x", "estimated_cost": "5", "category": "green"},
    )

    assert response.status_code == 403
    assert Proposal.objects.count() == 0


def test_filter_by_district_and_category(client):
    process = process_in()
    centrum = district(process, "Centrum", "7411*")
    proposal(process, title="Park benches", district=centrum, category="green")
    proposal(process, title="Town concert", category="culture")
    proposal(process, title="Street party", district=centrum, category="culture")
    url = _url("proposal_list", process_id=process.pk)

    def titles(query: str) -> list[str]:
        page = client.get(f"{url}?{query}").content.decode()
        return [t for t in ("Park benches", "Street party", "Town concert") if t in page]

    assert titles(f"district={centrum.pk}") == ["Park benches", "Street party"]
    assert titles("district=0") == ["Town concert"]
    assert titles("category=culture") == ["Street party", "Town concert"]
    assert titles(f"district={centrum.pk}&category=culture") == ["Street party"]
    assert titles("district=abc") == ["Park benches", "Street party", "Town concert"]


def test_organiser_creates_a_process_and_it_is_audited(organiser_client, organiser):
    response = organiser_client.post(
        _url("process_create"),
        {
            "title": "Two districts decide",
            "description": "Spend €20,000.",
            "starts_on": "2026-12-01",
            "currency": "EUR",
            "rule": "greedy-cost",
            "min_age": "11",
            "max_age": "18",
            "residency_required": "on",
        },
    )

    process = Process.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("manage_process", process_id=process.pk)
    assert (process.rule, process.min_age, process.max_age) == ("greedy-cost", 11, 18)
    assert process.is_published is False
    assert process.phases.count() == 6
    assert AuditEntry.objects.get(action="budgeting.process_create").actor == organiser


def test_organiser_adds_districts_and_budgets_through_the_pages(organiser_client):
    process = process_in()

    organiser_client.post(
        _url("district_create", process_id=process.pk),
        {"name": "Noord", "postcode_patterns": "7411*\n7412 A*"},
    )
    noord = process.districts.get()
    organiser_client.post(
        _url("budget_create", process_id=process.pk),
        {"name": "Noord", "district": str(noord.pk), "amount": "10000", "ballot_kind": "knapsack"},
    )

    assert noord.patterns() == ["7411*", "7412A*"]
    assert process.budgets.get().amount_minor == 1_000_000
    page = organiser_client.get(_url("process_detail", process_id=process.pk)).content.decode()
    assert "EUR 10,000" in page


def test_organiser_cannot_change_the_rule_once_voting_opened(organiser_client):
    process = process_in(PhaseKind.VOTING, rule="greedy-cost")
    url = _url("process_edit", process_id=process.pk)
    data = {
        "title": process.title,
        "description": process.description,
        "currency": "EUR",
        "rule": "phragmen",
        "min_age": "16",
        "residency_required": "on",
        "is_published": "on",
    }

    response = organiser_client.post(url, data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "The counting rule cannot change once voting has opened." in page
    assert 'href="#id_rule"' in page
    process.refresh_from_db()
    assert process.rule == "greedy-cost"


def test_organiser_reviews_adjusts_cost_merges_and_shortlists(organiser_client):
    process = process_in(PhaseKind.REVIEW)
    idea = proposal(process, title="Benches", estimated_cost_minor=100_000)
    twin = proposal(process, title="More benches")

    organiser_client.post(
        _url("proposal_review", idea),
        {"decision": "feasible", "reason": "The park team agrees.", "adjusted_cost": "1500"},
    )
    organiser_client.post(_url("proposal_merge", twin), {"into": str(idea.pk), "reason": "Same."})
    organiser_client.post(_url("proposal_shortlist", idea), {"on_ballot": "yes"})

    idea.refresh_from_db()
    twin.refresh_from_db()
    assert (idea.status, idea.adjusted_cost_minor, idea.estimated_cost_minor) == (
        "shortlisted",
        150_000,
        100_000,
    )
    assert (twin.status, twin.merged_into) == ("merged", idea)
    page = organiser_client.get(_url("proposal_detail", idea)).content.decode()
    assert "EUR 1,500 (checked by staff; the author estimated EUR 1,000)" in page
    assert "More benches" in page  # listed as merged into this one
    assert list(
        AuditEntry.objects.filter(action__startswith="budgeting.proposal")
        .order_by("id")
        .values_list("action", flat=True)
    ) == ["budgeting.proposal_review", "budgeting.proposal_merge", "budgeting.proposal_shortlist"]


def test_moderator_hides_and_unhides_with_audit(moderator_client, moderator):
    process = process_in()
    idea = proposal(process)

    moderator_client.post(_url("proposal_hide", idea), {"reason": "Spam."})
    idea.refresh_from_db()
    hidden = idea.is_hidden
    moderator_client.post(_url("proposal_unhide", idea), {"reason": ""})
    idea.refresh_from_db()

    assert (hidden, idea.is_hidden) == (True, False)
    assert [
        (e.action, e.actor, e.reason)
        for e in AuditEntry.objects.filter(action__startswith="budgeting.proposal").order_by("id")
    ] == [
        ("budgeting.proposal_hide", moderator, "Spam."),
        ("budgeting.proposal_unhide", moderator, ""),
    ]


@pytest.mark.parametrize(
    ("who", "page", "expected"),
    [
        ("resident_client", "proposal_review", 403),
        ("resident_client", "proposal_hide", 403),
        ("moderator_client", "proposal_review", 403),
        ("moderator_client", "proposal_hide", 200),
        ("organiser_client", "proposal_review", 200),
        ("organiser_client", "proposal_hide", 403),
        ("client", "proposal_review", 302),
    ],
)
def test_who_may_review_and_hide(request, who, page, expected):
    process = process_in(PhaseKind.REVIEW)
    idea = proposal(process)
    client = request.getfixturevalue(who)

    response = client.get(_url(page, idea))
    payload = (
        {"reason": "x"} if page == "proposal_hide" else {"decision": "feasible", "reason": "x"}
    )
    posted = client.post(_url(page, idea), payload)

    assert response.status_code == expected
    assert posted.status_code == (302 if expected == 200 else expected)
    idea.refresh_from_db()
    changed = expected == 200
    assert idea.status == ("feasible" if changed and page == "proposal_review" else "submitted")
    assert idea.is_hidden is (changed and page == "proposal_hide")


def test_management_pages_send_organisers_without_two_factor_to_enrol(organiser):
    from django.test import Client

    client = Client()
    client.force_login(organiser)

    response = client.get(_url("manage_process_list"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_enrol"))
