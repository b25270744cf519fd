"""Tests for the `pbcount` command line: validate, count, compare, exit codes and progress."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pbcount.cli import main
from pbcount.progress import ProgressBar

SMALL = """\
META
key;value
description;Small test
country;Nowhere
unit;Test
instance;2026
num_projects;3
num_votes;4
budget;10
vote_type;approval
rule;greedy
date_begin;2026-01-01
date_end;2026-01-31
PROJECTS
project_id;cost;votes;name;selected
a;6;3;Park;1
b;5;2;Library;0
c;4;1;Bridge;1
VOTES
voter_id;vote
1;a,b
2;a,b
3;a
4;c
"""

Run = tuple[int, str, str]


@pytest.fixture
def small(tmp_path: Path) -> str:
    path = tmp_path / "small.pb"
    path.write_text(SMALL, encoding="utf-8")
    return str(path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> Run:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def without_timing(text: str) -> list[str]:
    return [
        line for line in text.splitlines() if not line.strip().startswith(("read in", "Counted"))
    ]


def test_validate_prints_a_summary(capsys: pytest.CaptureFixture[str], small: str) -> None:
    code, out, err = run(capsys, "validate", small)
    assert (code, err) == (0, "")
    assert without_timing(out) == [
        f"{small}: valid",
        "  approval, 3 projects, 4 voters, budget 10, 3 distinct ballots",
        "  official outcome: 2 projects selected",
    ]


def test_validate_json(capsys: pytest.CaptureFixture[str], small: str) -> None:
    code, out, _ = run(capsys, "validate", small, "--json")
    summary = json.loads(out)
    assert isinstance(summary.pop("seconds"), float)
    assert code == 0
    assert summary == {
        "file": small,
        "valid": True,
        "vote_type": "approval",
        "projects": 3,
        "voters": 4,
        "distinct_ballots": 3,
        "budget": "10",
        "official_selected": ["a", "c"],
        "warnings": [],
    }


def test_validate_warns_and_strict_exits_1(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "odd.pb"
    text = SMALL.replace("rule;greedy\n", "max_length;1\n").replace("c;4;1", "c;40;1")
    path.write_text(text, encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(path))
    assert code == 0
    assert without_timing(out)[3:] == [
        "  warning: META has no rule",
        "  warning: project 'c' costs more than the whole budget",
        "  warning: ballots that list more than max_length=1 projects: 2",
    ]
    assert run(capsys, "validate", str(path), "--strict")[0] == 1


@pytest.mark.parametrize("command", ["validate", "count", "compare"])
def test_a_bad_file_exits_2_with_the_reader_message(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, command: str
) -> None:
    path = tmp_path / "bad.pb"
    path.write_text(SMALL.replace("4;c", "4;z"), encoding="utf-8")
    extra = ["--rule", "greedy-cost"] if command == "count" else []
    code, out, err = run(capsys, command, str(path), *extra)
    assert (code, out) == (2, "")
    assert err == f"pbcount: error: {path}, line 24: unknown project 'z' in vote of voter '4'\n"


def test_a_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "validate", str(tmp_path / "none.pb"))
    assert code == 2
    missing = tmp_path / "none.pb"
    assert err == f"pbcount: error: {missing}: cannot read the file: No such file or directory\n"


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], small: str) -> None:
    assert run(capsys, "count", small)[0] == 2  # --rule is required
    code, _, err = run(capsys)
    assert code == 2
    assert "required: COMMAND" in err
    assert run(capsys, "--help")[0] == 0


def test_count_json(capsys: pytest.CaptureFixture[str], small: str) -> None:
    code, out, err = run(capsys, "count", small, "--rule", "greedy-cost", "--json")
    result = json.loads(out)
    assert isinstance(result.pop("seconds"), float)
    assert isinstance(result.pop("read_seconds"), float)
    assert (code, err) == (0, "")
    assert result == {
        "rule": "greedy-cost",
        "selected": ["a", "c"],
        "total_cost": "10",
        "budget": "10",
        "per_voter_budget": None,
        "unresolved_ties": [],
    }


def test_count_json_gives_the_mes_budget_per_voter_exactly(
    capsys: pytest.CaptureFixture[str], small: str
) -> None:
    result = json.loads(run(capsys, "count", small, "--rule", "mes-cost", "--json")[1])
    assert (result["selected"], result["per_voter_budget"]) == (["a"], "2.5")


def test_count_table(capsys: pytest.CaptureFixture[str], small: str) -> None:
    code, out, _ = run(capsys, "count", small, "--rule", "greedy-cost")
    assert code == 0
    assert without_timing(out) == [
        f"{small}: approval, 3 projects, 4 voters, budget 10",
        "Rule greedy-cost: 2 projects selected, total cost 10 of 10",
        "#  project  cost  votes  name",
        "1  a           6      3  Park",
        "2  c           4      1  Bridge",
    ]


def test_count_with_an_explicit_tie_break_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "tie.pb"
    # Every project has 2 votes, so greedy-cost ties three ways at the first step.
    path.write_text(SMALL.replace("3;a\n", "3;c\n"), encoding="utf-8")
    lexicographic = json.loads(
        run(capsys, "count", str(path), "--rule", "greedy-cost", "--json")[1]
    )
    favour_c = json.loads(
        run(capsys, "count", str(path), "--rule", "greedy-cost", "--tie-break", "c,b,a", "--json")[
            1
        ]
    )
    assert lexicographic["selected"] == ["a", "c"]
    assert favour_c["selected"] == ["c", "b"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--rule", "greedy-fast"], "unknown rule 'greedy-fast'; known rules: "),
        (["--rule", "greedy-borda"], "satisfaction 'borda' does not apply to approval ballots"),
        (
            ["--rule", "greedy-cost", "--tie-break", "a,zz"],
            "--tie-break 'a,zz': use lexicographic, min-cost, max-votes or project ids of this "
            "file (unknown: zz)",
        ),
    ],
)
def test_count_rejects_bad_options_with_exit_2(
    capsys: pytest.CaptureFixture[str], small: str, argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "count", small, *argv)
    assert (code, out) == (2, "")
    assert err.startswith(f"pbcount: error: {message}")
    assert "Traceback" not in err


def test_compare_table(capsys: pytest.CaptureFixture[str], small: str) -> None:
    code, out, _ = run(capsys, "compare", small, "--rules", "greedy-cost,mes-cost,greedy-borda")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"{small}: approval, 3 projects, 4 voters, budget 10"
    assert lines[1].split() == ["rule", "selected", "total", "cost", "vs", "official", "seconds"]
    assert lines[2].split() == ["official", "2", "10", "same", "-"]
    assert lines[3].split()[:4] == ["greedy-cost", "2", "10", "same"]
    assert lines[4].split()[:4] == ["mes-cost", "1", "6", "+0"]
    assert " ".join(lines[5].split()) == (
        "greedy-borda - - not applicable: satisfaction 'borda' does not apply to approval ballots -"
    )
    assert lines[7:] == [
        "project  cost  votes  off  1  2",
        "a           6      3    x  x  x",
        "b           5      2    .  .  .",
        "c           4      1    x  x  .",
        "",
        "off = official; 1 = greedy-cost; 2 = mes-cost",
    ]


def test_compare_json_runs_every_applicable_rule(
    capsys: pytest.CaptureFixture[str], small: str
) -> None:
    code, out, _ = run(capsys, "compare", small, "--json")
    report = json.loads(out)
    assert code == 0
    assert report["official_selected"] == ["a", "c"]
    assert report["official_rule"] == "greedy-votes"  # META rule=greedy
    rules = [result["rule"] for result in report["results"]]
    assert {"greedy-cost", "mes-cost", "mes-cost+add1", "phragmen"} <= set(rules)
    assert "greedy-borda" not in rules
    by_rule = {result["rule"]: result for result in report["results"]}
    assert by_rule["greedy-cost"]["selected"] == ["a", "c"]


def test_compare_rejects_an_unknown_rule_before_counting(
    capsys: pytest.CaptureFixture[str], small: str
) -> None:
    code, out, err = run(capsys, "compare", small, "--rules", "greedy-cost,nope")
    assert (code, out) == (2, "")
    assert err.startswith("pbcount: error: unknown rule 'nope'")


def test_progress_goes_to_stderr_only_when_asked(
    capsys: pytest.CaptureFixture[str], small: str
) -> None:
    code, _, err = run(capsys, "count", small, "--rule", "mes-cost+add1", "--progress", "--json")
    assert code == 0
    assert err.endswith("mes-cost+add1 [##############################] 100%\n")
    assert run(capsys, "count", small, "--rule", "mes-cost", "--no-progress")[2] == ""
    assert run(capsys, "count", small, "--rule", "mes-cost")[2] == ""  # stderr is not a TTY


def test_progress_bar_draws_clamps_and_ends_its_line() -> None:
    stream = io.StringIO()
    bar = ProgressBar("x", stream, width=4)
    bar(0.5)
    bar(0.5)  # unchanged: not redrawn
    bar(7.0)
    bar.close()  # already ended by 100%
    assert stream.getvalue() == "\rx [##--]  50%\rx [####] 100%\n"


def test_python_dash_m_runs_the_same_cli(small: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pbcount", "validate", small, "--json"],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert done.returncode == 0
    assert json.loads(done.stdout)["voters"] == 4


def test_unresolved_ties_are_reported_in_text_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "tie.pb"
    # a and c: same votes, same cost, and only one fits; min-cost cannot choose between them.
    text = (
        SMALL.replace("a;6;3", "a;4;3").replace("3;a\n", "3;c\n").replace("budget;10", "budget;4")
    )
    path.write_text(text, encoding="utf-8")
    argv = ["count", str(path), "--rule", "greedy-cost", "--tie-break", "min-cost"]
    code, out, _ = run(capsys, *argv)
    assert code == 0
    reason = "equal score and equal under the min-cost order; broken by project id"
    assert without_timing(out)[1:] == [
        "Rule greedy-cost: 1 project selected, total cost 4 of 4",
        "#  project  cost  votes  name",
        "1  a           4      2  Park",
        f"greedy-cost: unresolved tie between a, c: chose a ({reason})",
    ]
    ties = json.loads(run(capsys, *argv, "--json")[1])["unresolved_ties"]
    assert ties == [{"candidates": ["a", "c"], "chosen": "a", "reason": reason}]
    compared = run(
        capsys, "compare", str(path), "--rules", "greedy-cost", "--tie-break", "min-cost"
    )
    assert f"greedy-cost: unresolved tie between a, c: chose a ({reason})" in compared[1]


def test_validate_checks_every_file_and_reports_each_bad_one(
    capsys: pytest.CaptureFixture[str], small: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.pb"
    bad.write_text(SMALL.replace("num_votes;4", "num_votes;5"), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(bad), small, "--json")
    assert code == 2
    assert (
        err == f"pbcount: error: {bad}, line 8: num_votes is 5 in META but the file has 4 votes\n"
    )
    assert [json.loads(line)["file"] for line in out.splitlines()] == [small]


def test_compare_marks_the_files_own_rule(capsys: pytest.CaptureFixture[str], small: str) -> None:
    out = run(capsys, "compare", small)[1].splitlines()
    assert [line.split()[:3] for line in out if "*" in line] == [
        ["greedy-votes", "*", "2"],
        ["*", "pbcount's", "id"],
    ]
    assert "* pbcount's id for the file's own rule (META rule=greedy)" in out
