"""Importing a Pabulib .pb file as a closed process: the mapping, the outcome from the file's
`selected` column or from counting, and clear refusals that name the line."""

import hashlib
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command

from pbcount import count, parse_pb_text
from samen.budgeting import selectors, selectors_delivery
from samen.budgeting.demo_delivery import DEMO_FILE
from samen.budgeting.importing import pb_parse, process_import
from samen.budgeting.models import (
    Ballot,
    BallotChoice,
    Budget,
    Count,
    Process,
    ProjectResult,
    Proposal,
)
from samen.core.models import AuditEntry
from tests.budgeting.factories import organiser

pytestmark = pytest.mark.django_db

APPROVAL = """META
key;value
description;Test town 2024
budget;1000
vote_type;approval
rule;greedy
currency;PLN
PROJECTS
project_id;cost;name;category;selected
a;600;Library books;education;1
b;500;Park lamps;urban greenery;0
c;400;Bike racks;public transit and roads;1
VOTES
voter_id;vote
1;a,b
2;b
3;b,c
4;a,c
"""


def _import(text: str, name: str = "test.pb", **options):  # type: ignore[no-untyped-def]
    election = pb_parse(data=text.encode(), name=name)
    return process_import(actor=organiser(), election=election, name=name, **options)


def test_the_demo_file_becomes_a_closed_published_process_counted_with_its_meta_rule():
    election = pb_parse(data=DEMO_FILE.read_bytes(), name=DEMO_FILE.name)

    done = process_import(
        actor=organiser(), election=election, name=DEMO_FILE.name, is_published=True
    )

    process = done.process
    assert (done.projects, done.ballots, done.counted) == (6, 48, True)
    assert (process.title, process.currency, process.is_published) == (
        "Lindeveld neighbourhood budget 2025 (demo data)",
        "EUR",
        True,
    )
    assert selectors.current_phase(process=process).kind == "results"
    budget = Budget.objects.get(process=process)
    assert (budget.amount_minor, budget.ballot_kind, budget.min_choices, budget.max_choices) == (
        5_000_000,
        "approval",
        1,
        6,
    )
    assert Ballot.objects.filter(process=process).count() == 48
    funded = [p.title for p in selectors_delivery.funded_projects(process=process)]
    assert funded == [
        "Benches and shade trees on the Marktplein",
        "Open-air cinema nights in summer",
        "Safer crossing at the Kanaalweg school",
    ]
    published = Count.objects.get(process=process)
    assert (published.rule, published.status) == ("greedy-cost", "done")
    result = published.budget_results.get()
    assert result.sha256 == hashlib.sha256(result.pb_file.encode()).hexdigest()
    assert (result.voters, result.spent_minor) == (48, 4_900_000)


def test_a_counted_import_publishes_a_file_that_recounts_to_its_outcome():
    done = _import(DEMO_FILE.read_text(), name=DEMO_FILE.name)
    result = Count.objects.get(process=done.process).budget_results.get()

    recounted = parse_pb_text(result.pb_file)

    assert recounted.meta["rule"] == "greedy-cost"
    assert set(count(recounted, "greedy-cost").selected) == set(recounted.official_selected)
    funded = ProjectResult.objects.filter(budget_result=result, selected=True)
    assert {str(line.proposal_id) for line in funded} == set(recounted.official_selected)
    assert AuditEntry.objects.filter(action="budgeting.count_publish").count() == 1


def test_a_file_with_an_outcome_is_published_as_it_is_with_its_explanation():
    done = _import(APPROVAL)
    result = Count.objects.get(process=done.process).budget_results.get()

    published = parse_pb_text(result.pb_file)

    assert published.official_selected == ("a", "c")
    assert (published.meta["rule"], result.count.rule, result.comparison) == (
        "greedy",
        "greedy-votes",
        {"rule": "greedy-votes"},
    )
    assert result.explanation[0] == {
        "msgid": "%(count)d of %(total)d projects are funded, costing %(spent)s of the "
        "%(budget)s budget.",
        "params": {
            "count": 2,
            "total": 3,
            "spent": {"minor": 100_000},
            "budget": {"minor": 100_000},
        },
    }


def test_the_files_selected_column_is_the_outcome_and_the_mapping_is_kept():
    done = _import(APPROVAL)

    process = done.process
    assert done.counted is False
    assert process.currency == "PLN"
    lines = ProjectResult.objects.filter(budget_result__count__process=process).order_by("position")
    assert [(r.proposal.title, r.votes, r.cost_minor, r.selected) for r in lines] == [
        ("Library books", 2, 60_000, True),
        ("Bike racks", 2, 40_000, True),
        ("Park lamps", 3, 50_000, False),
    ]
    books = Proposal.objects.get(title="Library books")
    assert (books.status, books.category, books.author, books.description) == (
        "shortlisted",
        "other",
        None,
        "Project a of the Pabulib file test.pb. Categories: education.",
    )
    assert Proposal.objects.get(title="Park lamps").category == "green"
    assert sorted(
        BallotChoice.objects.filter(ballot__process=process).values_list(
            "proposal__title", "points", "rank"
        )
    ) == sorted(
        [
            ("Library books", 1, None),
            ("Park lamps", 1, None),
            ("Park lamps", 1, None),
            ("Park lamps", 1, None),
            ("Bike racks", 1, None),
            ("Library books", 1, None),
            ("Bike racks", 1, None),
        ]
    )
    entry = AuditEntry.objects.get(action="budgeting.process_import")
    assert entry.data == {"file": "test.pb", "projects": 3, "ballots": 4}


def test_cumulative_and_ordinal_ballots_keep_their_points_and_ranks():
    cumulative = APPROVAL.replace("vote_type;approval", "vote_type;cumulative\nmax_sum_points;3")
    cumulative = cumulative.replace(
        "voter_id;vote\n1;a,b\n2;b\n3;b,c\n4;a,c", "voter_id;vote;points\n1;a,b;2,1\n2;b;3"
    )
    ordinal = APPROVAL.replace("vote_type;approval", "vote_type;ordinal")

    points = _import(cumulative).process
    ranks = _import(ordinal).process

    budget = Budget.objects.get(process=points)
    assert (budget.ballot_kind, budget.points_total) == ("cumulative", 3)
    assert sorted(
        BallotChoice.objects.filter(ballot__process=points).values_list("proposal__title", "points")
    ) == [("Library books", 2), ("Park lamps", 1), ("Park lamps", 3)]
    assert Budget.objects.get(process=ranks).ballot_kind == "ranked"
    first_ballot = Ballot.objects.filter(process=ranks).order_by("id").first()
    assert list(first_ballot.choices.order_by("rank").values_list("proposal__title", "rank")) == [
        ("Library books", 1),
        ("Park lamps", 2),
    ]


def test_a_bad_file_is_refused_with_its_line_and_nothing_is_written():
    broken = APPROVAL.replace("3;b,c", "3;b,z")

    with pytest.raises(ValidationError) as error:
        pb_parse(data=broken.encode(), name="broken.pb")

    assert error.value.messages == [
        "This file cannot be imported. Line 17: unknown project 'z' in vote of voter '3'."
    ]
    assert Process.objects.count() == 0


@pytest.mark.parametrize(
    ("change", "votes", "message"),
    [
        (
            ("vote_type;approval", "vote_type;scoring"),
            ("voter_id;vote\n1;a,b\n2;b\n3;b,c\n4;a,c", "voter_id;vote;points\n1;a;2"),
            "Ballots of type “scoring” cannot be imported; Samen has no such ballot.",
        ),
        (
            ("c;400;", "c;0;"),
            ("", ""),
            "The cost of project c must be an amount above zero with at most two decimals.",
        ),
        (
            ("budget;1000", "budget;1000.005"),
            ("", ""),
            "The budget must be an amount above zero with at most two decimals.",
        ),
    ],
)
def test_what_samen_cannot_hold_is_refused_and_nothing_is_written(change, votes, message):
    with pytest.raises(ValidationError) as error:
        _import(APPROVAL.replace(*change).replace(*votes))

    assert error.value.messages == [message]
    assert (Process.objects.count(), AuditEntry.objects.count()) == (0, 0)


def test_the_command_imports_a_file_and_names_a_bad_line(tmp_path):
    good = tmp_path / "town.pb"
    good.write_text(APPROVAL)
    bad = tmp_path / "bad.pb"
    bad.write_text(APPROVAL.replace("budget;1000", "budget;lots"))
    out = StringIO()

    call_command("import_pb", str(good), "--publish", stdout=out)

    process = Process.objects.get()
    assert out.getvalue() == (
        f"Imported “Test town 2024” (process {process.pk}): 3 projects, 4 ballots; "
        "results from the file's selected column.\n"
    )
    assert process.is_published is True
    with pytest.raises(CommandError) as error:
        call_command("import_pb", str(bad))
    assert str(error.value) == (
        "This file cannot be imported. Line 4: invalid budget: 'lots' is not a number."
    )
    with pytest.raises(CommandError) as missing:
        call_command("import_pb", str(tmp_path / "none.pb"))
    assert (
        str(missing.value)
        == f"{tmp_path / 'none.pb'}: cannot read the file (No such file or directory)."
    )
