"""The `pbcount` command line: validate, count and compare Pabulib .pb files."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from pbcount.checks import election_warnings
from pbcount.errors import PbcountError
from pbcount.model import Election, format_decimal
from pbcount.pabulib import read_pb
from pbcount.progress import ProgressBar
from pbcount.rules import (
    Outcome,
    UnknownRule,
    applicable_rules,
    count,
    official_rule,
    parse_rule,
)
from pbcount.rules._profile import NotApplicable
from pbcount.rules.tiebreak import NAMED_ORDERS, TieBreak

# Bad input of every kind the engine recognises; anything else is a bug and keeps its traceback.
BAD_INPUT = (PbcountError, UnknownRule, NotApplicable)


class UsageError(PbcountError):
    """A command-line value that only turns out wrong once the file is read."""


def main(argv: Sequence[str] | None = None) -> int:
    """Run `pbcount`; returns the exit code: 0 done, 1 warnings under --strict, 2 bad input."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse's own exit, for --help and usage errors
        return int(exit_.code or 0)
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except BAD_INPUT as error:
        print(f"pbcount: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("pbcount: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (`| head`) left; point stdout at devnull so the exit flush stays quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="pbcount",
        description="Count participatory-budgeting elections in Pabulib .pb format exactly.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    validate = commands.add_parser("validate", help="check that .pb files are well formed")
    validate.add_argument("files", metavar="FILE.pb", nargs="+")
    validate.add_argument("--json", action="store_true", help="print one JSON line per file")
    validate.add_argument("--strict", action="store_true", help="exit 1 when there are warnings")
    validate.set_defaults(handler=_validate)

    tie_help = f"{', '.join(NAMED_ORDERS)}, or project ids in priority order, comma-separated"
    progress_help = "show a progress bar on stderr (default: only when stderr is a terminal)"
    counter = commands.add_parser("count", help="count a .pb file under one rule")
    counter.add_argument("file", metavar="FILE.pb")
    counter.add_argument("--rule", required=True, help="e.g. greedy-cost, mes-cost+add1+greedy")
    counter.add_argument("--tie-break", default="lexicographic", help=tie_help)
    counter.add_argument("--json", action="store_true", help="print the outcome as JSON")
    counter.add_argument("--progress", action=argparse.BooleanOptionalAction, help=progress_help)
    counter.set_defaults(handler=_count)

    compare = commands.add_parser(
        "compare", help="every applicable rule side by side with the official outcome"
    )
    compare.add_argument("file", metavar="FILE.pb")
    compare.add_argument("--rules", help="comma-separated rule ids (default: all applicable)")
    compare.add_argument("--tie-break", default="lexicographic", help=tie_help)
    compare.add_argument("--json", action="store_true", help="print the outcomes as JSON")
    compare.add_argument("--progress", action=argparse.BooleanOptionalAction, help=progress_help)
    compare.set_defaults(handler=_compare)
    return parser


def _validate(args: argparse.Namespace) -> int:
    """Check each file in turn, so that one bad file in a folder does not hide the others."""
    failed = warned = False
    for path in args.files:
        try:
            election, seconds = _read(path)
        except PbcountError as error:
            if len(args.files) == 1:
                raise
            print(f"pbcount: error: {error}", file=sys.stderr)
            failed = True
            continue
        warnings = election_warnings(election)
        warned = warned or bool(warnings)
        _print_validation(path, election, warnings, seconds, as_json=args.json)
    if failed:
        return 2
    return 1 if args.strict and warned else 0


def _print_validation(
    path: str, election: Election, warnings: list[str], seconds: float, *, as_json: bool
) -> None:
    official = election.official_selected
    if as_json:
        summary = {
            "file": path,
            "valid": True,
            "vote_type": election.ballot_type.value,
            "projects": len(election.projects),
            "voters": election.num_voters,
            "distinct_ballots": len(election.ballots),
            "budget": format_decimal(election.budget),
            "official_selected": list(official) if official is not None else None,
            "warnings": warnings,
            "seconds": round(seconds, 4),
        }
        print(json.dumps(summary, ensure_ascii=False))
        return
    print(f"{path}: valid")
    print(f"  {_facts(election)}, {len(election.ballots)} distinct ballots")
    if official is not None:
        print(f"  official outcome: {_plural(len(official), 'project')} selected")
    for warning in warnings:
        print(f"  warning: {warning}")
    print(f"  read in {seconds:.2f} s")


def _count(args: argparse.Namespace) -> int:
    election, reading = _read(args.file)
    tie_break = _tie_break(args.tie_break, election)
    outcome, seconds = _run(election, args.rule, tie_break, _bar(args, args.rule))
    if args.json:
        result = _outcome_json(outcome, seconds) | {"read_seconds": round(reading, 4)}
        print(json.dumps(result, ensure_ascii=False))
        return 0
    cost = {pid: project.cost for pid, project in election.projects.items()}
    votes = _supporters(election)
    print(f"{args.file}: {_facts(election)}")
    chosen = _plural(len(outcome.selected), "project")
    print(f"Rule {outcome.rule}: {chosen} selected, total cost", end=" ")
    print(f"{_show(outcome.total_cost)} of {_show(outcome.budget)}")
    if outcome.per_voter_budget is not None:
        print(f"Budget per voter: {_show(outcome.per_voter_budget)}")
    rows = [
        [str(i), pid, _show(cost[pid]), str(votes[pid]), _clip(election.projects[pid].name)]
        for i, pid in enumerate(outcome.selected, 1)
    ]
    _table(["#", "project", "cost", "votes", "name"], rows, right={0, 2, 3})
    _print_ties(outcome)
    print(f"Counted in {seconds:.2f} s.")
    return 0


def _compare(args: argparse.Namespace) -> int:
    election, reading = _read(args.file)
    tie_break = _tie_break(args.tie_break, election)
    meta_rule = official_rule(election)
    rules = args.rules.split(",") if args.rules else list(applicable_rules(election))
    if not args.rules and meta_rule is not None and meta_rule not in rules:
        rules.append(meta_rule)  # the rule the file says produced its official outcome
    for rule in rules:
        parse_rule(rule)  # reject a typo before spending minutes on the rules before it
    results: list[tuple[str, Outcome | None, float, str]] = []
    for rule in rules:
        try:
            results.append((rule, *_run(election, rule, tie_break, _bar(args, rule)), ""))
        except NotApplicable as error:
            results.append((rule, None, 0.0, str(error)))
    official = election.official_selected
    if args.json:
        report = {
            "file": args.file,
            "read_seconds": round(reading, 4),
            "official_rule": meta_rule,
            "official_selected": list(official) if official is not None else None,
            "results": [
                _outcome_json(outcome, seconds) if outcome else {"rule": rule, "error": why}
                for rule, outcome, seconds, why in results
            ],
        }
        print(json.dumps(report, ensure_ascii=False))
        return 0
    print(f"{args.file}: {_facts(election)}")
    rows = []
    if official is not None:
        rows.append(["official", *_summary(official, election, official), "-"])
    for rule, outcome, seconds, why in results:
        label = f"{rule} *" if rule == meta_rule else rule
        if outcome is None:
            rows.append([label, "-", "-", f"not applicable: {why}", "-"])
        else:
            rows.append([label, *_summary(outcome.selected, election, official), f"{seconds:.2f}"])
    _table(["rule", "selected", "total cost", "vs official", "seconds"], rows, right={1, 2, 4})
    if meta_rule is not None and meta_rule in rules:
        print(f"* pbcount's id for the file's own rule (META rule={election.meta['rule'].strip()})")
    for _, outcome, _, _ in results:
        if outcome is not None:
            _print_ties(outcome)
    print()
    _grid(election, official, [(rule, outcome) for rule, outcome, _, _ in results])
    return 0


def _read(path: str) -> tuple[Election, float]:
    started = time.perf_counter()
    election = read_pb(path)
    return election, time.perf_counter() - started


def _run(
    election: Election, rule: str, tie_break: TieBreak, bar: ProgressBar | None
) -> tuple[Outcome, float]:
    started = time.perf_counter()
    try:
        outcome = count(election, rule, tie_break=tie_break, progress=bar)
    finally:
        if bar is not None:
            bar.close()
    return outcome, time.perf_counter() - started


def _bar(args: argparse.Namespace, label: str) -> ProgressBar | None:
    wanted = args.progress if args.progress is not None else sys.stderr.isatty()
    return ProgressBar(label) if wanted else None


def _tie_break(text: str, election: Election) -> TieBreak:
    if text in NAMED_ORDERS:
        return text
    order = [part.strip() for part in text.split(",") if part.strip()]
    unknown = [pid for pid in order if pid not in election.projects]
    if unknown or not order:
        raise UsageError(
            f"--tie-break {text!r}: use {', '.join(NAMED_ORDERS)} or project ids of this file"
            + (f" (unknown: {', '.join(unknown)})" if unknown else "")
        )
    return order


def _outcome_json(outcome: Outcome, seconds: float) -> dict[str, Any]:
    """Amounts are exact strings ("250.25", "24186815/61668"): JSON numbers would round."""
    per_voter = outcome.per_voter_budget
    return {
        "rule": outcome.rule,
        "selected": list(outcome.selected),
        "total_cost": format_decimal(outcome.total_cost),
        "budget": format_decimal(outcome.budget),
        "per_voter_budget": format_decimal(per_voter) if per_voter is not None else None,
        "seconds": round(seconds, 4),
        "unresolved_ties": [
            {"candidates": list(tie.candidates), "chosen": tie.chosen, "reason": tie.reason}
            for tie in outcome.unresolved_ties
        ],
    }


def _facts(election: Election) -> str:
    return (
        f"{election.ballot_type.value}, {len(election.projects)} projects, "
        f"{election.num_voters} voters, budget {_show(election.budget)}"
    )


def _summary(
    selected: Sequence[str], election: Election, official: Sequence[str] | None
) -> list[str]:
    total = sum((election.projects[pid].cost for pid in selected), Fraction(0))
    if official is None:
        versus = "-"
    else:
        extra, missing = set(selected) - set(official), set(official) - set(selected)
        versus = "same" if not extra and not missing else f"+{len(extra)} -{len(missing)}"
    return [str(len(selected)), _show(total), versus]


def _grid(
    election: Election, official: Sequence[str] | None, results: list[tuple[str, Outcome | None]]
) -> None:
    """Projects down, rules across: 'x' where a rule funds the project."""
    columns = [("official", set(official))] if official is not None else []
    columns += [(rule, set(outcome.selected)) for rule, outcome in results if outcome]
    keys = ["off" if name == "official" else str(i) for i, (name, _) in enumerate(columns)]
    votes = _supporters(election)
    rows = [
        [pid, _show(project.cost), str(votes[pid])]
        + ["x" if pid in chosen else "." for _, chosen in columns]
        for pid, project in election.projects.items()
    ]
    width = len(rows[0]) if rows else 0
    _table(["project", "cost", "votes", *keys], rows, right=set(range(1, width)))
    legend = [f"{key} = {name}" for key, (name, _) in zip(keys, columns, strict=True)]
    if legend:
        print("\n" + "; ".join(legend))


def _supporters(election: Election) -> dict[str, int]:
    votes = dict.fromkeys(election.projects, 0)
    for ballot in election.ballots:
        for pid in ballot.projects:
            votes[pid] += ballot.multiplicity
    return votes


def _print_ties(outcome: Outcome) -> None:
    for tie in outcome.unresolved_ties:
        print(
            f"{outcome.rule}: unresolved tie between {', '.join(tie.candidates)}: "
            f"chose {tie.chosen} ({tie.reason})"
        )


def _plural(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _show(amount: Fraction) -> str:
    """Exact when the amount has a short decimal form, else rounded to cents with '≈'."""
    text = format_decimal(amount)
    if "/" not in text and len(text.partition(".")[2]) <= 2:
        return text
    return f"≈{float(amount):.2f}"


def _clip(text: str, width: int = 40) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(header: list[str], rows: list[list[str]], right: set[int]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [
            cell.rjust(widths[i]) if i in right else cell.ljust(widths[i])
            for i, cell in enumerate(row)
        ]
        print("  ".join(cells).rstrip())
