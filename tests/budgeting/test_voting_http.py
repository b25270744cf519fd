"""Online voting over HTTP, without JavaScript: start, draft, check, submit, receipt, change."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from samen.budgeting.models import (
    Ballot,
    BallotChoice,
    BallotKind,
    Budget,
    Channel,
    PhaseKind,
    Proposal,
    VoterRollEntry,
)
from samen.budgeting.services_voting import ballot_submit, voter_key_for_user
from tests.budgeting import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _url(name, process):  # type: ignore[no-untyped-def]
    return reverse(f"budgeting:{name}", kwargs={"process_id": process.pk})


def _pk(process, title):  # type: ignore[no-untyped-def]
    return str(Proposal.objects.get(process=process, title=title).pk)


def _budgets(process):  # type: ignore[no-untyped-def]
    return (
        Budget.objects.get(process=process, district__name="Centrum"),
        Budget.objects.get(process=process, district__isnull=True),
    )


def _approve(process, local_titles, wide_titles):  # type: ignore[no-untyped-def]
    local, wide = _budgets(process)
    return {
        f"budget_{local.pk}": [_pk(process, t) for t in local_titles],
        f"budget_{wide.pk}": [_pk(process, t) for t in wide_titles],
    }


def _start(client, process):  # type: ignore[no-untyped-def]
    response = client.post(_url("vote_start", process))
    assert response.status_code == 302
    assert response["Location"] == _url("vote_ballot", process)


def test_the_whole_vote_without_javascript(resident_client, resident):
    process = factories.voting_process()
    start = resident_client.get(_url("vote_start", process)).content.decode()
    assert "You can vote. Your area is Centrum." in start
    _start(resident_client, process)
    entry = VoterRollEntry.objects.get(process=process)
    assert (entry.channel, entry.submitted_at, entry.user) == (Channel.ONLINE, None, resident)

    ballot = resident_client.get(_url("vote_ballot", process)).content.decode()
    assert ballot.count("<fieldset") == 2
    assert "Noord project 1" not in ballot

    data = _approve(process, ["Centrum project 1"], ["Area project 2"])
    saved = resident_client.post(_url("vote_ballot", process), {**data, "action": "save"})
    assert saved.status_code == 302
    assert saved["Location"] == _url("vote_start", process)
    entry.refresh_from_db()
    local, wide = _budgets(process)
    assert entry.draft == {
        str(local.pk): {_pk(process, "Centrum project 1"): 1},
        str(wide.pk): {_pk(process, "Area project 2"): 1},
    }
    back = resident_client.get(_url("vote_start", process)).content.decode()
    assert "Carry on with your vote" in back
    again = resident_client.get(_url("vote_ballot", process)).content.decode()
    assert re.search(rf'value="{_pk(process, "Centrum project 1")}"[^>]*checked', again)

    go = resident_client.post(_url("vote_ballot", process), {**data, "action": "continue"})
    assert go["Location"] == _url("vote_check", process)
    check = resident_client.get(_url("vote_check", process)).content.decode()
    assert "Check your answers before you vote" in check
    assert "Centrum project 1 (EUR 4,000)" in check
    assert "Together these cost EUR 9,000. This budget has EUR 20,000." in check
    assert f"{_url('vote_ballot', process)}#budget_{local.pk}" in check
    assert Ballot.objects.count() == 0

    sent = resident_client.post(_url("vote_check", process))
    assert sent["Location"] == _url("vote_receipt", process)
    entry.refresh_from_db()
    receipt = resident_client.get(_url("vote_receipt", process)).content.decode()
    assert entry.ballot.receipt_code in receipt
    assert 'role="status"' in receipt
    assert "You can change your vote until" in receipt
    assert (entry.submitted_at is not None, entry.submission_count, entry.draft) == (True, 1, {})
    assert sorted(BallotChoice.objects.values_list("proposal__title", flat=True)) == [
        "Area project 2",
        "Centrum project 1",
    ]


def test_changing_the_vote_replaces_it_with_a_new_receipt(resident_client):
    process = factories.voting_process()
    _start(resident_client, process)
    first = _approve(process, ["Centrum project 1"], ["Area project 1"])
    resident_client.post(_url("vote_ballot", process), first)
    resident_client.post(_url("vote_check", process))
    old_code = Ballot.objects.get().receipt_code

    start = resident_client.get(_url("vote_start", process)).content.decode()
    assert "You have voted. Thank you." in start
    assert old_code in start
    _start(resident_client, process)
    ballot = resident_client.get(_url("vote_ballot", process)).content.decode()
    assert re.search(rf'value="{_pk(process, "Area project 1")}"[^>]*checked', ballot)
    second = _approve(process, ["Centrum project 2", "Centrum project 3"], ["Area project 2"])
    resident_client.post(_url("vote_ballot", process), second)
    resident_client.post(_url("vote_check", process))

    ballot_row = Ballot.objects.get()
    assert ballot_row.receipt_code != old_code
    assert VoterRollEntry.objects.get().submission_count == 2
    assert sorted(ballot_row.choices.values_list("proposal__title", flat=True)) == [
        "Area project 2",
        "Centrum project 2",
        "Centrum project 3",
    ]


def test_ballot_errors_are_shown_on_the_budget_and_linked_from_the_summary(resident_client):
    process = factories.voting_process(ballot_kind=BallotKind.EXACTLY, min_choices=2, max_choices=2)
    _start(resident_client, process)
    local, _wide = _budgets(process)
    data = _approve(process, ["Centrum project 1"], ["Area project 1", "Area project 2"])

    page = resident_client.post(_url("vote_ballot", process), data)

    html = page.content.decode()
    first = Proposal.objects.get(process=process, title="Centrum project 1")
    assert page.status_code == 200
    assert "Choose exactly 2 projects for Centrum; you chose 1." in html
    assert f'id="budget_{local.pk}_error"' in html
    assert 'class="error-summary"' in html
    assert re.search(rf'href="#budget_{local.pk}_\d+">Choose exactly 2', html)
    assert str(first.pk) in html
    assert Ballot.objects.count() == 0


def test_knapsack_update_total_recomputes_on_the_server(resident_client):
    process = factories.voting_process(ballot_kind=BallotKind.KNAPSACK)
    _start(resident_client, process)
    data = _approve(process, ["Centrum project 3"], [])

    page = resident_client.post(_url("vote_ballot", process), {**data, "action": "update"})

    html = page.content.decode()
    assert "You have chosen EUR 6,000 of EUR 10,000. EUR 4,000 is left." in html
    assert html.count('class="ballot-project ballot-project--no-fit"') == 1  # Centrum project 2
    assert "error-summary" not in html
    over = _approve(process, ["Centrum project 2", "Centrum project 3"], ["Area project 1"])
    page = resident_client.post(_url("vote_ballot", process), over)
    assert (
        "Your choices for Centrum cost EUR 11,000, more than the EUR 10,000 to spend."
        in page.content.decode()
    )


def test_cumulative_and_ranked_ballots_cast_without_javascript(resident_client):
    process = factories.voting_process(ballot_kind=BallotKind.CUMULATIVE, points_total=10)
    _start(resident_client, process)
    local, wide = _budgets(process)
    c1, c2 = _pk(process, "Centrum project 1"), _pk(process, "Centrum project 2")
    a1 = _pk(process, "Area project 1")
    data = {f"points_{local.pk}_{c1}": "7", f"points_{local.pk}_{c2}": "3"}
    data[f"points_{wide.pk}_{a1}"] = "10"
    update = resident_client.post(_url("vote_ballot", process), {**data, "action": "update"})
    assert "You have given 10 of 10 points. 0 left." in update.content.decode()
    resident_client.post(_url("vote_ballot", process), data)
    check = resident_client.get(_url("vote_check", process)).content.decode()
    assert "Centrum project 1: 7 points" in check
    resident_client.post(_url("vote_check", process))
    points = dict(BallotChoice.objects.values_list("proposal__title", "points"))
    assert points == {"Centrum project 1": 7, "Centrum project 2": 3, "Area project 1": 10}

    ranked = factories.voting_process(ballot_kind=BallotKind.RANKED, max_choices=2)
    _start(resident_client, ranked)
    local, wide = _budgets(ranked)
    r1, r3 = _pk(ranked, "Centrum project 1"), _pk(ranked, "Centrum project 3")
    a2 = _pk(ranked, "Area project 2")
    data = {f"rank_{local.pk}_{r3}": "1", f"rank_{local.pk}_{r1}": "2"}
    data[f"rank_{wide.pk}_{a2}"] = "1"
    resident_client.post(_url("vote_ballot", ranked), data)
    check = resident_client.get(_url("vote_check", ranked)).content.decode()
    assert check.index("Place 1: Centrum project 3") < check.index("Place 2: Centrum project 1")
    resident_client.post(_url("vote_check", ranked))
    ranks = dict(
        BallotChoice.objects.filter(ballot__process=ranked).values_list("proposal__title", "rank")
    )
    assert ranks == {"Centrum project 3": 1, "Centrum project 1": 2, "Area project 2": 1}


def test_each_voter_sees_their_own_order_on_every_visit(resident_client):
    process = factories.voting_process()
    for n in range(4, 9):
        Proposal.objects.create(
            process=process,
            title=f"Extra {n}",
            description="More.",
            estimated_cost_minor=100_000,
            category="green",
            status="shortlisted",
        )
    _start(resident_client, process)

    def order():  # type: ignore[no-untyped-def]
        html = resident_client.get(_url("vote_ballot", process)).content.decode()
        return re.findall(r'class="ballot-project__title">([^<]+)<', html)

    assert order() == order()
    entry = VoterRollEntry.objects.get()
    assert entry.order_seed is not None


def test_voting_closed_shows_a_clear_page(resident_client):
    process = factories.voting_process()
    voting = factories.phase(process, PhaseKind.VOTING)
    voting.ends_at = timezone.now() - timedelta(minutes=1)
    voting.starts_at = voting.ends_at - timedelta(days=14)
    voting.save()

    for name in ("vote_start", "vote_ballot", "vote_check", "vote_receipt"):
        page = resident_client.get(_url(name, process))
        assert page.status_code == 200
        assert "Voting is not open" in page.content.decode()
        assert "You can no longer vote or change your vote." in page.content.decode()
    assert resident_client.post(_url("vote_start", process)).status_code == 200
    assert VoterRollEntry.objects.count() == 0


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"year_of_birth": 2015, "postcode": "7411 AB"}, "You are too young for this vote."),
        ({"year_of_birth": None, "postcode": "7411 AB"}, "We do not know your age."),
        ({"year_of_birth": 1990, "postcode": "1011 AA"}, "Your postcode is not in one of"),
        ({"year_of_birth": 1990, "postcode": ""}, "We do not know your postcode."),
    ],
)
def test_not_eligible_is_told_why_and_where_to_fix_it(client, fields, message):
    process = factories.voting_process()
    client.force_login(UserFactory(**fields))

    response = client.get(_url("vote_start", process))

    page = response.content.decode()
    assert response.status_code == 403
    assert "You cannot vote in this process" in page
    assert message in page
    assert reverse("accounts:profile") in page
    assert client.post(_url("vote_start", process)).status_code == 403
    assert client.get(_url("vote_ballot", process)).status_code == 403
    assert VoterRollEntry.objects.count() == 0


def test_too_old_for_a_youth_vote(client):
    process = factories.voting_process()
    process.max_age = 18
    process.min_age = 11
    process.save()
    client.force_login(UserFactory(year_of_birth=1960, postcode="7411 AB"))
    response = client.get(_url("vote_start", process))
    assert response.status_code == 403
    assert "This vote is for people up to 18 years old." in response.content.decode()


def test_anonymous_visitors_log_in_first(client):
    process = factories.voting_process()
    response = client.get(_url("vote_ballot", process))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_pages_before_starting_lead_back_to_the_start(resident_client):
    process = factories.voting_process()
    assert resident_client.get(_url("vote_ballot", process))["Location"] == _url(
        "vote_start", process
    )
    assert resident_client.get(_url("vote_receipt", process))["Location"] == _url(
        "vote_start", process
    )
    _start(resident_client, process)
    assert resident_client.get(_url("vote_check", process))["Location"] == _url(
        "vote_ballot", process
    )


def test_a_paper_vote_cannot_be_changed_online(resident_client, resident):
    process = factories.voting_process()
    local, _wide = _budgets(process)
    ballot_submit(
        process=process,
        voter_key=voter_key_for_user(resident),
        channel=Channel.PAPER,
        choices={local.pk: {int(_pk(process, "Centrum project 1")): 1}},
        user=resident,
        district=local.district,
        entered_by=UserFactory(),
        confirmed_by=UserFactory(),
    )

    page = resident_client.get(_url("vote_start", process)).content.decode()

    assert "You have already voted in this process (Paper ballot)." in page
    assert resident_client.post(_url("vote_start", process)).status_code == 200
    assert resident_client.get(_url("vote_ballot", process))["Location"] == _url(
        "vote_start", process
    )


def test_the_process_page_links_to_the_vote_during_voting(client):
    process = factories.voting_process()
    page = client.get(reverse("budgeting:process_detail", kwargs={"process_id": process.pk}))
    assert f'href="{_url("vote_start", process)}"' in page.content.decode()


def test_an_unfinished_draft_is_sent_back_to_the_ballot_with_what_to_change(resident_client):
    process = factories.voting_process(ballot_kind=BallotKind.EXACTLY, min_choices=1, max_choices=1)
    _start(resident_client, process)
    resident_client.post(
        _url("vote_ballot", process),
        {**_approve(process, ["Centrum project 1"], []), "action": "save"},
    )

    page = resident_client.get(_url("vote_check", process))

    html = page.content.decode()
    assert page.status_code == 200
    assert "<h1>Your ballot</h1>" in html
    assert "Choose exactly 1 project for Lindeveld-wide; you chose 0." in html
    assert resident_client.post(_url("vote_check", process)).status_code == 200
    assert Ballot.objects.count() == 0
