"""The reader agrees with pabutools' own Pabulib parser on real files of every ballot type."""

from __future__ import annotations

import os
from collections import Counter
from fractions import Fraction
from pathlib import Path

import pytest

from pbcount.model import POINTS_TYPES, BallotType, Election
from pbcount.pabulib import read_pb

pabulib = pytest.importorskip("pabutools.election")

# Files with quirks the reader must treat as pabutools does: a project repeated within an
# approval vote, and an ordinal file with a points column.
QUIRKS = ("Poland_Warszawa_2026_Blonia_Wilanowskie.pb", "Poland_Krakow_2021_Bienczyce.pb")
Key = frozenset[str] | tuple[str, ...] | tuple[tuple[str, Fraction], ...]


def sample(folder: Path) -> list[Path]:
    """Every eighth small file (fast to parse with pabutools), plus the quirky ones.

    PBCOUNT_ORACLE_ALL=1 checks all files instead (about a minute on two cores).
    """
    if os.environ.get("PBCOUNT_ORACLE_ALL") == "1":
        return sorted(folder.glob("*.pb"))
    small = [p for p in sorted(folder.glob("*.pb")) if p.stat().st_size < 60_000][::8]
    return small + [folder / name for name in QUIRKS if (folder / name).exists()]


def ours(election: Election) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for ballot in election.ballots:
        key: Key
        if ballot.points is not None:
            key = tuple(zip(ballot.projects, ballot.points, strict=True))
        elif election.ballot_type is BallotType.ORDINAL:
            key = ballot.projects
        else:
            key = frozenset(ballot.projects)
        counts[key] += ballot.multiplicity
    return counts


def theirs(profile: object, kind: BallotType) -> Counter[Key]:
    counts: Counter[Key] = Counter()
    for ballot in profile:  # type: ignore[attr-defined]
        key: Key
        if kind in POINTS_TYPES:
            key = tuple(sorted((p.name, Fraction(str(v))) for p, v in ballot.items()))
        elif kind is BallotType.ORDINAL:
            key = tuple(p.name for p in ballot)
        else:
            key = frozenset(p.name for p in ballot)
        counts[key] += 1
    return counts


@pytest.mark.pabulib
def test_reader_matches_pabutools_parse(pabulib_dir: Path) -> None:
    files = sample(pabulib_dir)
    assert len(files) > 50
    kinds: set[BallotType] = set()
    for path in files:
        instance, profile = pabulib.parse_pabulib(str(path))
        election = read_pb(path)
        kinds.add(election.ballot_type)
        assert Fraction(str(instance.budget_limit)) == election.budget, path.name
        assert {p.name: Fraction(str(p.cost)) for p in instance} == {
            pid: project.cost for pid, project in election.projects.items()
        }, path.name
        # pabutools reads an empty category cell as the category ""; pbcount as no category.
        assert {p.name: set(p.categories) - {""} for p in instance} == {
            pid: set(project.categories) for pid, project in election.projects.items()
        }, path.name
        assert ours(election) == theirs(profile, election.ballot_type), path.name
    assert kinds >= {BallotType.APPROVAL, BallotType.CHOOSE_1, BallotType.CUMULATIVE}
    assert BallotType.ORDINAL in kinds
