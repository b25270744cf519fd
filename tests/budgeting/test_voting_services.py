"""ballot_start / ballot_submit: one voter roll for every channel, ballot designs enforced."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from samen.budgeting import ballots, services, services_voting
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
from tests.budgeting import factories
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _budget(process, district_name):  # type: ignore[no-untyped-def]
    if district_name is None:
        return Budget.objects.get(process=process, district__isnull=True)
    return Budget.objects.get(process=process, district__name=district_name)


def _ids(process, *titles):  # type: ignore[no-untyped-def]
    return [Proposal.objects.get(process=process, title=t).pk for t in titles]


def _approve(process, district_name, *titles):  # type: ignore[no-untyped-def]
    return {_budget(process, district_name).pk: dict.fromkeys(_ids(process, *titles), 1)}


def _submit(process, user, choices, **kwargs):  # type: ignore[no-untyped-def]
    centrum = process.districts.get(name="Centrum")
    kwargs.setdefault("channel", Channel.ONLINE)
    return services_voting.ballot_submit(
        process=process,
        voter_key=services_voting.voter_key_for_user(user),
        user=user,
        district=centrum,
        year_of_birth=timezone.localdate().year - 17,
        choices=choices,
        **kwargs,
    )


def test_a_ballot_is_stored_apart_from_the_roll_entry_with_a_receipt():
    process = factories.voting_process()
    voter = UserFactory()
    choices = {
        **_approve(process, "Centrum", "Centrum project 1", "Centrum project 3"),
        **_approve(process, None, "Area project 2"),
    }

    receipt = _submit(process, voter, choices)

    entry = VoterRollEntry.objects.get(process=process)
    ballot = Ballot.objects.get(process=process)
    assert (entry.user, entry.channel, entry.ballot, entry.submission_count) == (
        voter,
        Channel.ONLINE,
        ballot,
        1,
    )
    assert entry.age_band == "16-17"
    assert (ballot.receipt_code, receipt.changed) == (receipt.code, False)
    assert len(receipt.code) == 14 and receipt.code.count("-") == 2
    chosen = sorted(BallotChoice.objects.values_list("proposal__title", flat=True))
    assert chosen == ["Area project 2", "Centrum project 1", "Centrum project 3"]


def test_changing_a_vote_replaces_the_ballot_and_issues_a_new_receipt():
    process = factories.voting_process()
    voter = UserFactory()
    first = _submit(process, voter, _approve(process, "Centrum", "Centrum project 1"))

    second = _submit(process, voter, _approve(process, "Centrum", "Centrum project 2"))

    assert second.changed is True and second.code != first.code
    assert Ballot.objects.count() == 1
    assert list(BallotChoice.objects.values_list("proposal__title", flat=True)) == [
        "Centrum project 2"
    ]
    assert VoterRollEntry.objects.get().submission_count == 2


def test_a_vote_by_another_channel_is_refused_with_a_clear_message():
    process = factories.voting_process()
    voter = UserFactory()
    _submit(process, voter, _approve(process, "Centrum", "Centrum project 1"))
    coach = UserFactory(roles=["digicoach"])

    with pytest.raises(ValidationError) as refused:
        _submit(
            process,
            voter,
            _approve(process, "Centrum", "Centrum project 2"),
            channel=Channel.ASSISTED,
            assisted_by=coach,
            declaration=True,
        )

    assert refused.value.messages == [
        "This person has already voted in this process (Online). "
        "Everyone votes once, whichever way they vote."
    ]
    assert list(BallotChoice.objects.values_list("proposal__title", flat=True)) == [
        "Centrum project 1"
    ]


def test_a_paper_ballot_needs_a_second_person_and_is_final():
    process = factories.voting_process()
    clerk, checker = UserFactory(roles=["digicoach"]), UserFactory(roles=["digicoach"])
    key = services_voting.voter_key_for_reference("AB-1234")
    choices = _approve(process, None, "Area project 1")

    def paper(confirmed_by):  # type: ignore[no-untyped-def]
        return services_voting.ballot_submit(
            process=process,
            voter_key=key,
            channel=Channel.PAPER,
            choices=choices,
            entered_by=clerk,
            confirmed_by=confirmed_by,
        )

    with pytest.raises(ValidationError, match="A second person must confirm"):
        paper(clerk)
    paper(checker)
    with pytest.raises(ValidationError, match="paper ballot for this person has already"):
        paper(checker)
    assert Ballot.objects.count() == 1


def test_an_assisted_vote_needs_the_declaration():
    process = factories.voting_process()
    with pytest.raises(ValidationError) as refused:
        _submit(
            process,
            UserFactory(),
            _approve(process, None, "Area project 1"),
            channel=Channel.ASSISTED,
            assisted_by=UserFactory(roles=["digicoach"]),
            declaration=False,
        )
    assert refused.value.message_dict == {
        "declaration": ["Confirm that the resident chose these projects themselves."]
    }
    assert VoterRollEntry.objects.filter(submitted_at__isnull=False).count() == 0


def test_voting_outside_the_voting_phase_is_refused():
    process = factories.process_in(PhaseKind.SHORTLIST)
    with pytest.raises(ValidationError, match="Voting is not open"):
        services_voting.ballot_submit(
            process=process, voter_key="user:1", channel=Channel.ONLINE, choices={}
        )


@pytest.mark.parametrize(
    ("design", "picks", "message"),
    [
        (
            {"ballot_kind": BallotKind.EXACTLY, "max_choices": 2},
            {"Area project 1": 1},
            "Choose exactly 2 projects for Lindeveld-wide; you chose 1.",
        ),
        (
            {"ballot_kind": BallotKind.UP_TO, "max_choices": 1},
            {"Area project 1": 1, "Area project 2": 1},
            "Choose at most 1 project for Lindeveld-wide; you chose 2.",
        ),
        (
            {"ballot_kind": BallotKind.KNAPSACK},
            {"Area project 1": 1, "Area project 2": 1},
            "Your choices for Lindeveld-wide cost EUR 21,000, more than the EUR 20,000 to spend.",
        ),
        (
            {"ballot_kind": BallotKind.CUMULATIVE, "points_total": 5, "max_points_per_project": 3},
            {"Area project 1": 4, "Area project 2": 2},
            "You gave 6 points for Lindeveld-wide; you have 5 to share out.",
        ),
        (
            {"ballot_kind": BallotKind.RANKED, "max_choices": 2},
            {"Area project 1": 1, "Area project 2": 3},
            "In Lindeveld-wide, give each chosen project its own place: 1, 2, 3 and so on.",
        ),
    ],
)
def test_each_ballot_design_names_what_is_wrong(design, picks, message):  # type: ignore[no-untyped-def]
    process = factories.voting_process(**design)
    area = _budget(process, None)
    centrum = process.districts.get(name="Centrum")
    local = _budget(process, "Centrum")
    local_ok = {pid: n for n, pid in enumerate(_ids(process, "Centrum project 1"), start=1)}
    if design["ballot_kind"] == BallotKind.EXACTLY:
        local_ok = dict.fromkeys(_ids(process, "Centrum project 1", "Centrum project 2"), 1)
    choices = {
        area.pk: {_ids(process, title)[0]: value for title, value in picks.items()},
        local.pk: local_ok,
    }
    with pytest.raises(ValidationError) as refused:
        ballots.choices_validate(process=process, district=centrum, choices=choices)
    assert refused.value.message_dict[f"budget_{area.pk}"][0] == message
    assert f"budget_{local.pk}" not in refused.value.message_dict


def test_a_project_of_another_district_is_not_on_the_voters_ballot():
    process = factories.voting_process()
    centrum = process.districts.get(name="Centrum")
    noord_project = _ids(process, "Noord project 1")[0]
    with pytest.raises(ValidationError) as refused:
        ballots.choices_validate(
            process=process,
            district=centrum,
            choices={_budget(process, "Centrum").pk: {noord_project: 1}},
        )
    assert refused.value.message_dict[f"budget_{_budget(process, 'Centrum').pk}"] == [
        "A project you chose for Centrum is not on the ballot."
    ]


def test_the_voter_order_is_random_but_stable_for_one_voter():
    process = factories.voting_process()
    budget = _budget(process, "Centrum")
    first = [p.pk for p in ballots.projects_in_voter_order(budget=budget, seed=7)]
    assert first == [p.pk for p in ballots.projects_in_voter_order(budget=budget, seed=7)]
    orders = {
        tuple(p.pk for p in ballots.projects_in_voter_order(budget=budget, seed=s))
        for s in range(40)
    }
    assert len(orders) == 6  # all 3! orders of three projects occur


def test_a_draft_is_kept_and_never_counted():
    process = factories.voting_process()
    voter = UserFactory()
    entry = services_voting.ballot_start(
        process=process,
        voter_key=services_voting.voter_key_for_user(voter),
        channel=Channel.ONLINE,
        user=voter,
    )
    choices = _approve(process, None, "Area project 1")
    services_voting.ballot_draft_save(entry=entry, choices=choices)

    entry.refresh_from_db()
    assert ballots.choices_from_json(entry.draft) == choices
    assert (entry.submitted_at, Ballot.objects.count()) == (None, 0)


def test_exactly_k_budgets_store_min_equal_to_max():
    process = factories.process_in(PhaseKind.SHORTLIST)
    budget = services.budget_create(
        actor=factories.organiser(),
        process=process,
        name="Angus-wide",
        district=None,
        amount_minor=100,
        ballot_kind=BallotKind.EXACTLY,
        max_choices=3,
    )
    assert (budget.min_choices, budget.max_choices) == (3, 3)
