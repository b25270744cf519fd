"""The demo's open vote: in its voting phase, a knapsack ballot per district, the demo resident
with a saved draft and the demo staff member with a submitted vote; idempotent."""

import pytest

from samen.budgeting import demo_voting, selectors
from samen.budgeting.models import BallotKind, Process, Proposal, VoterRollEntry

pytestmark = pytest.mark.django_db


def test_the_open_vote_is_seeded_once_with_a_draft_and_a_vote(demo_seeded):
    process = Process.objects.get(title=demo_voting.VOTING_TITLE)

    assert demo_voting.seed_voting({}) == []
    assert selectors.current_phase(process=process).kind == "voting"
    assert sorted((b.name, b.ballot_kind) for b in process.budgets.all()) == [
        ("All of Lindeveld", BallotKind.EXACTLY),
        ("Centrum", BallotKind.KNAPSACK),
        ("Hoge Akker", BallotKind.KNAPSACK),
    ]
    entries = {e.user.email: e for e in VoterRollEntry.objects.filter(process=process)}
    assert sorted(entries) == ["resident@demo.samen.test", "staff@demo.samen.test"]
    draft = entries["resident@demo.samen.test"]
    assert (draft.submitted_at, sum(len(p) for p in draft.draft.values())) == (None, 3)
    assert entries["staff@demo.samen.test"].ballot.choices.count() == 3
    easy = Proposal.objects.filter(process=process).exclude(easy_read_text="")
    assert easy.count() == 3
