"""The demo's voted processes: one published with equal shares, one counted and waiting."""

import io

import pytest

from pbcount import count, read_pb
from samen.budgeting import demo_results
from samen.budgeting.models import Count, CountStatus, Process, ProjectResult, VoterRollEntry

pytestmark = pytest.mark.django_db


def test_the_finished_process_has_published_results_that_recount_exactly(demo_seeded):
    finished = Process.objects.get(title=demo_results.FINISHED_TITLE)
    published = Count.objects.get(process=finished, published_at__isnull=False)
    results = {r.budget.name: r for r in published.budget_results.select_related("budget")}
    assert published.rule == "mes-cost+add1+greedy"
    assert sorted(results) == ["All of Lindeveld", "Beekzijde", "Hoge Akker"]
    assert all(r.voters > 50 for r in results.values())
    for result in results.values():
        election = read_pb(io.StringIO(result.pb_file))
        recounted = count(election, election.meta["rule"]).selected
        funded = ProjectResult.objects.filter(budget_result=result, selected=True)
        assert sorted(recounted) == sorted(
            str(p) for p in funded.values_list("proposal", flat=True)
        )
    # Equal shares funds something greedy counting would not, and says so.
    assert any(r.comparison["only_rule"] for r in results.values())
    assert not VoterRollEntry.objects.filter(process=finished, ballot__isnull=False).exists()


def test_the_play_streets_vote_is_counted_but_not_published_and_seeding_is_idempotent(demo_seeded):
    again = demo_results.seed_results({})

    counted = Process.objects.get(title=demo_results.COUNTED_TITLE)
    only = Count.objects.get(process=counted)
    assert again == []
    assert (only.status, only.published_at) == (CountStatus.DONE, None)
    assert only.budget_results.get().comparison == {"rule": "greedy-score"}
    assert VoterRollEntry.objects.filter(process=counted, ballot__isnull=False).exists()
