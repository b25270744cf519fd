"""Counting: exact outcomes checked by hand, MES against greedy, failures, re-runs, publishing,
and the published .pb file recounted by the pbcount command line."""

import io
import json
from contextlib import redirect_stdout
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from pbcount import count as recount
from pbcount import read_pb
from pbcount.cli import main as pbcount_main
from pbcount.explain import N_
from samen.budgeting import counting, services_counting
from samen.budgeting.models import (
    BallotKind,
    Count,
    CountStatus,
    ProjectResult,
    Proposal,
    VoterRollEntry,
)
from samen.core.models import AuditEntry
from tests.budgeting import factories
from tests.budgeting.factories_counting import (
    close_voting,
    majority_and_minority,
    small_process,
    vote,
)

pytestmark = pytest.mark.django_db


def funded(count: Count) -> list[str]:
    rows = ProjectResult.objects.filter(budget_result__count=count, selected=True)
    return sorted(rows.values_list("proposal__title", flat=True))


def test_greedy_funds_the_most_voted_projects_that_fit():
    # Greedy by votes: A (6) leaves €6,000, B (6) leaves €1,000, C (€3,000) no longer fits.
    process = majority_and_minority("greedy-cost")

    count = services_counting.count_request(actor=factories.organiser(), process=process)

    assert (count.status, count.progress, count.error) == (CountStatus.DONE, 100, "")
    assert funded(count) == ["A", "B"]
    result = count.budget_results.get()
    assert (result.voters, result.spent_minor) == (10, 900_000)
    assert result.comparison == {"rule": "greedy-cost"}
    rows = {
        r.proposal.title: (r.votes, r.cost_minor, r.selected, r.position)
        for r in result.projects.select_related("proposal")
    }
    assert rows == {
        "A": (6, 400_000, True, 1),
        "B": (6, 500_000, True, 2),
        "C": (4, 300_000, False, 3),
    }


def test_equal_shares_funds_the_minority_project_and_says_how_greedy_differs():
    # MES: 10 voters get €1,000 each. A costs the majority €666.67 each; then C costs the
    # minority €750 each; B (€5,000) is beyond the majority's €2,000 left, and with €3,000
    # unspent nothing else fits, so Add1 and the greedy completion change nothing.
    process = majority_and_minority("mes-cost+add1+greedy")

    count = services_counting.count_request(actor=factories.organiser(), process=process)

    assert funded(count) == ["A", "C"]
    result = count.budget_results.get()
    assert result.spent_minor == 700_000
    ids = {p.title: p.pk for p in Proposal.objects.filter(process=process)}
    comparison = result.comparison
    assert comparison["only_rule"] == [
        {"proposal": ids["C"], "votes": 4, "cost_minor": 300_000, "amount_minor": 100_000}
    ]
    assert [row["proposal"] for row in comparison["only_greedy"]] == [ids["B"]]
    assert comparison["greedy_spent_minor"] == 900_000
    greedy = ProjectResult.objects.filter(budget_result=result, selected_by_greedy=True)
    assert sorted(greedy.values_list("proposal__title", flat=True)) == ["A", "B"]
    assert result.explanation[0] == {
        "msgid": "%(count)d of %(total)d projects are funded, costing %(spent)s of the "
        "%(budget)s budget.",
        "params": {
            "count": 2,
            "total": 3,
            "spent": {"minor": 700_000},
            "budget": {"minor": 1_000_000},
        },
    }
    assert result.explanation[1]["params"] == {"share": {"minor": 100_000}}


def test_counting_is_refused_while_voting_is_open():
    process = small_process("greedy-cost")
    vote(process, "A")

    with pytest.raises(ValidationError) as refused:
        services_counting.count_request(actor=factories.organiser(), process=process)

    assert "Voting is still open until" in refused.value.messages[0]
    assert Count.objects.filter(process=process).count() == 0


def test_a_rule_that_cannot_count_points_fails_with_words_and_can_be_run_again():
    process = small_process("greedy-cost", ballot_kind=BallotKind.CUMULATIVE, points_total=10)
    vote(process, "A", "C", values=[6, 4])
    close_voting(process)
    # The services refuse this pairing; a database edited by hand can still hold it.
    process.rule = "phragmen"
    process.save(update_fields=["rule"])
    organiser = factories.organiser()

    failed = services_counting.count_request(actor=organiser, process=process)

    assert failed.status == CountStatus.FAILED
    assert failed.error == (
        "The counting rule phragmen cannot count the ballots of “Park”: they use points or "
        "a ranking, and this rule counts only which projects a voter chose."
    )
    assert failed.budget_results.count() == 0
    process.rule = "greedy-cost"  # a repaired configuration (the rule lock is not tested here)
    process.save(update_fields=["rule"])
    again = services_counting.count_request(actor=organiser, process=process)
    assert again.status == CountStatus.DONE
    assert again.budget_results.get().comparison == {"rule": "greedy-score"}


def test_an_unexpected_error_fails_the_count_with_a_message_for_the_organiser(monkeypatch):
    process = majority_and_minority("greedy-cost")

    def broken(**kwargs):  # type: ignore[no-untyped-def]
        raise RuntimeError("disk full")

    monkeypatch.setattr(counting, "budget_election", broken)
    count = services_counting.count_request(actor=factories.organiser(), process=process)

    assert count.status == CountStatus.FAILED
    assert count.error == (
        "Counting stopped because of an unexpected error in “Park”. Nothing was published. "
        "Count again; if it fails again, ask the platform administrator."
    )


def test_a_stale_count_is_closed_and_counted_again_but_a_live_one_blocks():
    process = majority_and_minority("greedy-cost")
    organiser = factories.organiser()
    live = Count.objects.create(process=process, rule="greedy-cost", status=CountStatus.RUNNING)
    live.started_at = timezone.now()
    live.save()

    with pytest.raises(ValidationError) as refused:
        services_counting.count_request(actor=organiser, process=process)
    assert refused.value.messages == [
        "The votes are being counted now. Wait for this count to finish."
    ]

    Count.objects.filter(pk=live.pk).update(started_at=timezone.now() - timedelta(hours=2))
    fresh = services_counting.count_request(actor=organiser, process=process)

    live.refresh_from_db()
    assert (live.status, fresh.status) == (CountStatus.FAILED, CountStatus.DONE)
    assert live.error == "This count stopped without finishing and was run again."


def test_publishing_is_final_audited_and_unlinks_the_roll_from_the_ballots():
    process = majority_and_minority("mes-cost+add1+greedy")
    organiser = factories.organiser()
    count = services_counting.count_request(actor=organiser, process=process)
    assert VoterRollEntry.objects.filter(process=process, ballot__isnull=False).count() == 10

    services_counting.count_publish(actor=organiser, count=count, reason="Checked with Jan.")

    count.refresh_from_db()
    assert count.published_at is not None
    assert VoterRollEntry.objects.filter(process=process, ballot__isnull=False).count() == 0
    entry = AuditEntry.objects.get(action="budgeting.count_publish")
    assert (entry.reason, entry.data["ballot_links_cleared"]) == ("Checked with Jan.", 10)
    assert entry.data["files"] == {"Park": count.budget_results.get().sha256}
    with pytest.raises(ValidationError):
        services_counting.count_publish(actor=organiser, count=count)
    with pytest.raises(ValidationError) as refused:
        services_counting.count_request(actor=organiser, process=process)
    assert refused.value.messages == ["The results are published, so this count is final."]


def test_an_unfinished_or_older_count_cannot_be_published():
    process = majority_and_minority("greedy-cost")
    organiser = factories.organiser()
    older = services_counting.count_request(actor=organiser, process=process)
    newer = services_counting.count_request(actor=organiser, process=process)
    queued = Count.objects.create(process=process, rule="greedy-cost")

    with pytest.raises(ValidationError) as not_done:
        services_counting.count_publish(actor=organiser, count=queued)
    queued.delete()
    with pytest.raises(ValidationError) as not_latest:
        services_counting.count_publish(actor=organiser, count=older)

    assert not_done.value.messages == ["Only a finished count can be published."]
    assert not_latest.value.messages == ["There is a newer count of these votes. Publish that one."]
    assert services_counting.count_publish(actor=organiser, count=newer).published_at


@pytest.mark.parametrize(
    "rule",
    ["greedy-cost", "mes-cost", "mes-cost+add1", "mes-cost+add1+greedy", "phragmen"],
)
def test_pbcount_on_the_published_file_reproduces_the_published_outcome(rule, tmp_path):
    process = small_process(rule)
    for titles in (["A", "B"], ["A", "B"], ["A", "B"], ["B"], ["C"], ["C"], ["A", "C"]):
        vote(process, *titles)
    close_voting(process)
    count = services_counting.count_request(actor=factories.organiser(), process=process)
    services_counting.count_publish(actor=factories.organiser(), count=count)
    result = count.budget_results.get()
    path = tmp_path / "park.pb"
    path.write_bytes(result.pb_file.encode("utf-8"))

    election = read_pb(path)
    output = io.StringIO()
    with redirect_stdout(output):
        code = pbcount_main(["count", str(path), "--rule", election.meta["rule"], "--json"])

    assert code == 0
    recounted = json.loads(output.getvalue())["selected"]
    published = ProjectResult.objects.filter(budget_result=result, selected=True)
    assert sorted(recounted) == sorted(
        str(pk) for pk in published.values_list("proposal_id", flat=True)
    )
    assert sorted(recounted) == sorted(election.official_selected or ())
    assert election.meta["rule"] == rule
    assert {v.voter_id for v in election.voters} == {str(n) for n in range(1, 8)}


def test_the_file_says_how_the_budget_was_voted_on_and_names_nobody():
    process = small_process("mes-cost+add1", ballot_kind=BallotKind.CUMULATIVE, points_total=10)
    vote(process, "A", "C", values=[7, 3])
    vote(process, "B", values=[10])
    close_voting(process)

    count = services_counting.count_request(actor=factories.organiser(), process=process)

    election = read_pb(io.StringIO(count.budget_results.get().pb_file))
    assert election.meta["rule"] == "mes-score+add1"
    assert election.meta["vote_type"] == "cumulative"
    assert (election.meta["budget"], election.meta["currency"]) == ("10000", "EUR")
    assert election.meta["max_sum_points"] == "10"
    assert "district" not in election.meta
    assert sorted(v.voter_id for v in election.voters) == ["1", "2"]
    rows = ProjectResult.objects.filter(budget_result__count=count).select_related("proposal")
    points = {row.proposal.title: row.points for row in rows}
    assert points == {"A": 7, "B": 10, "C": 3}


def test_ranked_and_points_budgets_count_with_their_own_measure():
    assert counting.budget_rule("mes-cost+add1+greedy", BallotKind.CUMULATIVE) == (
        "mes-score+add1+greedy"
    )
    assert counting.budget_rule("greedy-cost", BallotKind.RANKED) == "greedy-borda"
    assert counting.budget_rule("mes-card", BallotKind.KNAPSACK) == "mes-card"
    assert counting.budget_rule("phragmen", BallotKind.RANKED) == "phragmen"


def test_every_pbcount_explanation_sentence_is_in_budgetings_catalogue():
    import ast
    import inspect

    from pbcount import explain

    tree = ast.parse(inspect.getsource(explain))
    marked = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and getattr(node.func, "id", "") == N_.__name__
        and isinstance(node.args[0], ast.Constant)
    }

    assert marked == set(counting.EXPLANATION_MSGIDS)


@pytest.mark.parametrize(
    ("design", "ballots", "vote_type", "rule"),
    [
        (
            {"ballot_kind": BallotKind.RANKED, "max_choices": 2},
            [(["A", "C"], [1, 2]), (["C", "B"], [1, 2]), (["B"], [1])],
            "ordinal",
            "mes-borda+add1+greedy",
        ),
        (
            {"ballot_kind": BallotKind.KNAPSACK},
            [(["A", "B"], None), (["C"], None), (["B", "C"], None)],
            "approval",
            "mes-cost+add1+greedy",
        ),
        (
            {"ballot_kind": BallotKind.EXACTLY, "min_choices": 2, "max_choices": 2},
            [(["A", "B"], None), (["A", "C"], None), (["B", "C"], None)],
            "approval",
            "mes-cost+add1+greedy",
        ),
    ],
)
def test_every_ballot_design_counts_and_recounts_from_its_file(design, ballots, vote_type, rule):
    process = small_process("mes-cost+add1+greedy", **design)
    for titles, values in ballots:
        vote(process, *titles, values=values)
    close_voting(process)

    count = services_counting.count_request(actor=factories.organiser(), process=process)

    assert count.status == CountStatus.DONE
    election = read_pb(io.StringIO(count.budget_results.get().pb_file))
    assert (election.meta["vote_type"], election.meta["rule"]) == (vote_type, rule)
    assert sorted(election.official_selected or ()) == sorted(
        str(pk)
        for pk in ProjectResult.objects.filter(
            budget_result__count=count, selected=True
        ).values_list("proposal_id", flat=True)
    )
    assert sorted(recount(election, rule).selected) == sorted(election.official_selected or ())


def test_a_budget_nobody_voted_in_funds_nothing_and_still_has_its_file():
    process = close_voting(small_process("greedy-cost"))

    count = services_counting.count_request(actor=factories.organiser(), process=process)

    result = count.budget_results.get()
    assert (count.status, result.voters, result.spent_minor) == (CountStatus.DONE, 0, 0)
    assert not ProjectResult.objects.filter(budget_result=result, selected=True).exists()
    assert ProjectResult.objects.filter(budget_result=result).count() == 3
    election = read_pb(io.StringIO(result.pb_file))
    assert (election.num_voters, len(election.projects)) == (0, 0)
