"""Rule ids, a public interface, and the dispatcher from a rule id to its implementation."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction
from typing import cast

from pbcount.model import BallotType, Election
from pbcount.rules._exact import to_fraction
from pbcount.rules._mesprep import prepare
from pbcount.rules._profile import SAT_BALLOT_TYPES, NotApplicable, Profile, Sat, build_profile
from pbcount.rules.add1 import Add1Mode, add1
from pbcount.rules.greedy import greedy_by_score, greedy_utilitarian
from pbcount.rules.mes import MESRunner
from pbcount.rules.outcome import MESDetails, Outcome, TieReport
from pbcount.rules.phragmen import sequential_phragmen
from pbcount.rules.tiebreak import TieBreak, TieOrder, make_order

_SATS: tuple[Sat, ...] = ("cost", "card", "score", "borda")
REAL_WORLD_GREEDY = ("greedy-votes", "greedy-no-skip", "greedy-threshold", "greedy-custom")
RULES: tuple[str, ...] = (
    *(f"greedy-{s}" for s in _SATS),
    *(f"mes-{s}" for s in _SATS),
    "phragmen",
    *REAL_WORLD_GREEDY,
)
ADD1_MODES: tuple[Add1Mode, ...] = ("add1", "add1-integral", "add1-until-overspend")
COMPLETIONS: tuple[str, ...] = (*ADD1_MODES, "greedy")
# The share of a project's cost that the money left must cover for greedy-custom to fund it.
CUSTOM_STRETCH = Fraction(4, 5)
_APPROVAL_LIKE = frozenset({BallotType.APPROVAL, BallotType.CHOOSE_1})


class UnknownRule(ValueError):
    """The rule id is not one pbcount knows, or its completions do not combine."""


@dataclass(frozen=True, slots=True)
class RuleSpec:
    """A parsed rule id such as `mes-cost+add1+greedy`."""

    rule_id: str
    base: str
    sat: Sat | None
    add1: Add1Mode | None = None
    greedy: bool = False


def parse_rule(rule: str) -> RuleSpec:
    # Pabulib's reference file writes `mes-cost-add1` for `mes-cost+add1`.
    for s in _SATS:
        if rule == f"mes-{s}-add1":
            rule = f"mes-{s}+add1"
    base, *completions = rule.split("+")
    if base not in RULES:
        raise UnknownRule(f"unknown rule {base!r}; known rules: {', '.join(RULES)}")
    sat = cast(Sat, base.split("-", 1)[1]) if base.split("-", 1)[-1] in _SATS else None
    mode: Add1Mode | None = None
    greedy = False
    for i, c in enumerate(completions):
        if not base.startswith("mes-"):
            raise UnknownRule(f"completion +{c} only applies to MES rules, not {base!r}")
        if c in ADD1_MODES and mode is None and i == 0:
            mode = c
        elif c == "greedy" and i == len(completions) - 1:
            greedy = True
        else:
            raise UnknownRule(
                f"bad completion +{c} in {rule!r}: use one of +add1, +add1-integral, "
                "+add1-until-overspend, then optionally +greedy"
            )
    return RuleSpec(rule_id=rule, base=base, sat=sat, add1=mode, greedy=greedy)


def applicable_rules(election: Election) -> tuple[str, ...]:
    """The base rules that make sense for this election's ballots, plus MES with Add1."""
    kind = election.ballot_type
    out: list[str] = []
    for r in RULES:
        spec = parse_rule(r)
        if spec.sat is not None and kind not in SAT_BALLOT_TYPES[spec.sat]:
            continue
        if spec.sat in ("cost", "card") and kind not in _APPROVAL_LIKE:
            continue  # scores and rankings carry more than presence; use their own measure
        if r == "phragmen" and kind not in _APPROVAL_LIKE:
            continue
        if r == "greedy-threshold" and "min_project_score_threshold" not in election.meta:
            continue
        out.append(r)
        if r.startswith("mes-"):
            out.append(f"{r}+add1")
    return tuple(out)


# How Pabulib's META `rule` values map to pbcount rule ids, for reproducing official results.
OFFICIAL_RULES = {
    "greedy": "greedy-votes",
    "greedy-exclusive": "greedy-votes",
    "greedy-no-skip": "greedy-no-skip",
    "greedy-threshold": "greedy-threshold",
    "greedy-custom": "greedy-custom",
    "equalshares/add1": "mes-cost+add1",
    "equalshares/add1-comparison": "mes-cost+add1-until-overspend",
}


def official_rule(election: Election) -> str | None:
    """The pbcount rule that reproduces the file's own outcome, when its META says how."""
    return OFFICIAL_RULES.get(election.meta.get("rule", "").strip())


def _score_sat(election: Election) -> Sat:
    if election.ballot_type in (BallotType.CUMULATIVE, BallotType.SCORING):
        return "score"
    if election.ballot_type == BallotType.ORDINAL:
        return "rank"  # e.g. Kraków: 3 points for a first choice of three, 2, then 1
    return "card"


def _meta_fraction(election: Election, key: str) -> Fraction | None:
    raw = election.meta.get(key)
    if raw is None or not raw.strip():
        return None
    return Fraction(raw.strip().replace(",", "."))


def count(
    election: Election,
    rule: str,
    *,
    tie_break: TieBreak = "lexicographic",
    progress: Callable[[float], None] | None = None,
) -> Outcome:
    """Count `election` under `rule` (see `RULES` and `COMPLETIONS`) with exact arithmetic."""
    spec = parse_rule(rule)
    if spec.base == "phragmen" and election.ballot_type not in _APPROVAL_LIKE:
        raise NotApplicable("phragmen applies to approval and choose-1 ballots only")
    if spec.base in REAL_WORLD_GREEDY:
        sat = _score_sat(election)
    elif spec.base == "phragmen":
        sat = "card"
    else:
        assert spec.sat is not None
        sat = spec.sat
    profile = build_profile(election, sat)
    order = make_order(tie_break, profile)
    ties: list[TieReport] = []
    mes: MESDetails | None = None
    stages: list[tuple[str, tuple[str, ...]]] = []
    per_voter: Fraction | None = None
    if spec.base.startswith("greedy-") and spec.sat is not None:
        selected, ties = greedy_utilitarian(profile, order, additive=spec.sat != "borda")
    elif spec.base in REAL_WORLD_GREEDY:
        selected, ties = greedy_by_score(
            profile,
            order,
            skip=spec.base not in ("greedy-no-skip", "greedy-custom"),
            threshold=_meta_fraction(election, "min_project_score_threshold")
            if spec.base == "greedy-threshold"
            else None,
            stretch=CUSTOM_STRETCH if spec.base == "greedy-custom" else None,
        )
    elif spec.base == "phragmen":
        selected, ties = sequential_phragmen(profile, order)
    else:
        selected, ties, mes = _count_mes(profile, spec, order, progress)
        per_voter = mes.per_voter_budget if mes is not None else None
        stages.append(
            (
                spec.base if spec.add1 is None else f"{spec.base}+{spec.add1}",
                tuple(profile.ids[p] for p in selected),
            )
        )
        if spec.greedy:
            selected, more = greedy_utilitarian(
                profile, order, additive=sat != "borda", initial=selected
            )
            ties += more
            stages.append(("greedy", tuple(profile.ids[p] for p in selected[len(stages[0][1]) :])))
    if progress is not None:
        progress(1.0)
    ids = tuple(profile.ids[p] for p in selected)
    return Outcome(
        rule=spec.rule_id,
        selected=ids,
        total_cost=sum((profile.costs[p] for p in selected), Fraction(0)),
        budget=profile.budget,
        per_voter_budget=per_voter,
        unresolved_ties=tuple(ties),
        mes=mes,
        stages=tuple(stages),
    )


def _no_class(k: int) -> Fraction:
    raise IndexError(k)


def _count_mes(
    profile: Profile,
    spec: RuleSpec,
    order: TieOrder,
    progress: Callable[[float], None] | None,
) -> tuple[list[int], list[TieReport], MESDetails | None]:
    n = profile.num_voters
    if n == 0:  # pabutools returns the empty allocation when nobody voted
        return [], [], None
    runner = MESRunner(prepare(profile), order)
    steps = runs = 0
    if spec.add1 is None:
        run = runner.run(profile.budget / n)
        runs = 1
    else:
        run, steps, runs = add1(runner, spec.add1, progress)
    b = run.budget_per_voter
    details = MESDetails(
        per_voter_budget=to_fraction(b),
        ballot_class=tuple(run.ballot_class),
        class_left=run.classes.exact if run.classes is not None else _no_class,
        prices=tuple(
            (profile.ids[p], to_fraction(r)) for p, r in zip(run.selected, run.prices, strict=True)
        ),
        add1_steps=steps,
        add1_runs=runs,
    )
    return run.selected, run.ties, details
