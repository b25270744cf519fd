"""Property tests for the import and the CSV cells: whatever a valid approval file holds, the
imported ballots tell the same story as the file, and no cell can start a formula."""

from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from samen.budgeting.exports import FORMULA_STARTS, safe
from samen.budgeting.importing import pb_parse, process_import
from samen.budgeting.models import BallotChoice, ProjectResult

pytestmark = pytest.mark.django_db


@st.composite
def approval_files(draw):  # type: ignore[no-untyped-def]
    ids = [str(n) for n in range(1, draw(st.integers(1, 5)) + 1)]
    costs = {pid: draw(st.integers(1, 900)) for pid in ids}
    funded = {pid for pid in ids if draw(st.booleans())}
    ballots = draw(
        st.lists(st.lists(st.sampled_from(ids), min_size=1, unique=True), min_size=1, max_size=12)
    )
    lines = ["META", "key;value", "budget;1000", "vote_type;approval", "PROJECTS"]
    lines += ["project_id;cost;selected"]
    lines += [f"{pid};{costs[pid]};{int(pid in funded)}" for pid in ids]
    lines += ["VOTES", "voter_id;vote"]
    lines += [f"{n};{','.join(b)}" for n, b in enumerate(ballots, start=1)]
    return "\n".join(lines) + "\n", ballots, funded, costs


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(approval_files())
def test_the_imported_ballots_and_outcome_are_the_files(organiser, case):
    text, ballots, funded, costs = case

    done = process_import(
        actor=organiser, election=pb_parse(data=text.encode(), name="p.pb"), name="p.pb"
    )

    choices = BallotChoice.objects.filter(ballot__process=done.process)
    expected = Counter(pid for ballot in ballots for pid in ballot)
    by_title = Counter(
        title.removeprefix("Project ")
        for title in choices.values_list("proposal__title", flat=True)
    )
    assert done.ballots == len(ballots)
    assert by_title == expected
    lines = ProjectResult.objects.filter(budget_result__count__process=done.process)
    assert {
        line.proposal.title.removeprefix("Project ") for line in lines if line.selected
    } == funded
    assert {line.proposal.title.removeprefix("Project "): line.cost_minor for line in lines} == {
        pid: cost * 100 for pid, cost in costs.items()
    }


@given(st.text())
def test_no_csv_cell_starts_a_formula(text):
    cell = safe(text)

    assert not cell.startswith(FORMULA_STARTS)
    assert cell.removeprefix("'") == text or cell == text
