"""Benchmark pbcount against pabutools 1.2.3 on large real elections, in the same run.

    .venv/bin/python benchmarks/bench_counting.py [--timeout 60] [--corpus] [--no-table]

Each cell runs in a fresh subprocess under `--timeout` seconds; one that does not finish
shows ">N". pbcount times are wall-clock for `count()` alone (best of `--repeat`), with the
file's parse time shown apart (the Add1 targets include it); pabutools times only its rule
call (parsing excluded, identical ballots merged as for the reference file). `--corpus`
also counts every shared file under every rule that has reference rows, reporting the
total time and the peak memory of that process.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pbcount.pabulib import read_pb  # noqa: E402
from pbcount.rules import count  # noqa: E402

INSTANCES = [
    "Netherlands_Assen_2024.pb",
    "Poland_Wieliczka_2023_Green_Budget.pb",
    "Netherlands_Amsterdam_621.pb",
    "Poland_Warszawa_2026.pb",
    "Poland_Lodz_2022.pb",
    "Hungary_Budapest_2024.pb",
]
RULES = ["greedy-cost", "mes-cost", "mes-cost+add1", "phragmen"]

PABUTOOLS_CELL = """
import sys, time
from pabutools.election import parse_pabulib, Cost_Sat
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares, sequential_phragmen
instance, profile = parse_pabulib(sys.argv[1])
profile = profile.as_multiprofile()
rule = sys.argv[2]
start = time.perf_counter()
if rule == "greedy-cost":
    greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
elif rule == "mes-cost":
    method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
elif rule == "mes-cost+add1":
    method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
else:
    sequential_phragmen(instance, profile)
print(time.perf_counter() - start)
"""


def corpus_dir() -> Path:
    return Path(os.environ.get("PABULIB_DIR") or REPO.parent / "shared" / "pabulib" / "instances")


PBCOUNT_CELL = """
import sys, time
sys.path.insert(0, sys.argv[3])
from pbcount.pabulib import read_pb
from pbcount.rules import count
start = time.perf_counter()
election = read_pb(sys.argv[1])
parsed = time.perf_counter()
best = min(
    (lambda t: (count(election, sys.argv[2]), time.perf_counter() - t)[1])(time.perf_counter())
    for _ in range(int(sys.argv[4]))
)
print(parsed - start, best)
"""


def pbcount_seconds(
    path: Path, rule: str, timeout: float, repeat: int
) -> tuple[float, float] | None:
    """(parse, best count) seconds in a fresh process, or None past the timeout."""
    try:
        done = subprocess.run(
            [sys.executable, "-c", PBCOUNT_CELL, str(path), rule, str(REPO), str(repeat)],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    parse, best = done.stdout.split()
    return float(parse), float(best)


def pabutools_seconds(path: Path, rule: str, timeout: float) -> float | None:
    try:
        done = subprocess.run(
            [sys.executable, "-c", PABUTOOLS_CELL, str(path), rule],
            capture_output=True,
            text=True,
            timeout=timeout,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return None
    return float(done.stdout.strip().splitlines()[-1])


def table(timeout: float, repeat: int) -> list[str]:
    folder = corpus_dir()
    rows = [
        "| instance | rule | pbcount s | parse s | pabutools s | speed-up |",
        "|---|---|---:|---:|---:|---:|",
    ]
    print("\n".join(rows), flush=True)
    for name in INSTANCES:
        path = folder / name
        for rule in RULES:
            # One Add1 run already repeats MES many times; repeating it would only eat
            # into the time limit.
            ours = pbcount_seconds(path, rule, timeout, 1 if "add1" in rule else repeat)
            theirs = pabutools_seconds(path, rule, timeout)
            mine = f"{ours[1]:.3f}" if ours else f">{timeout:.0f}"
            parse = f"{ours[0]:.3f}" if ours else "-"
            other = f"{theirs:.3f}" if theirs is not None else f">{timeout:.0f}"
            if ours and theirs is not None:
                speed = f"{theirs / ours[1]:,.0f}x"
            elif ours:
                speed = f">{timeout / ours[1]:,.0f}x"
            else:
                speed = "?"
            rows.append(
                f"| {name.removesuffix('.pb')} | {rule} | {mine} | {parse} | {other} | {speed} |"
            )
            print(rows[-1], flush=True)
    return rows


class _TooSlow(Exception):
    pass


def _too_slow(signum: int, frame: object) -> None:
    raise _TooSlow


def corpus(limit: float, statuses: tuple[str, ...]) -> list[str]:
    """Every (file, rule) reference row with one of `statuses`, parse included, in this
    one process.

    Rows pabutools finished (`ok`) and rows it did not (`timeout`) are totalled apart; each
    count stops after `limit` seconds (a stopped count adds about `limit` to its total).
    """
    folder = corpus_dir()
    reference = folder.parent / "reference.jsonl"
    rules_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with reference.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["status"] in statuses:
                rules_of[row["file"]].append((row["rule"], row["status"]))
    signal.signal(signal.SIGALRM, _too_slow)
    wall = {"ok": 0.0, "timeout": 0.0}
    cpu = {"ok": 0.0, "timeout": 0.0}
    counted = {"ok": 0, "timeout": 0}
    stopped: list[str] = []
    slowest: list[tuple[float, str, str]] = []
    start = time.perf_counter()
    for name in sorted(rules_of):
        t, c = time.perf_counter(), time.process_time()
        election = read_pb(folder / name)
        parse, parse_cpu = time.perf_counter() - t, time.process_time() - c
        for i, (rule, status) in enumerate(rules_of[name]):
            t, c = time.perf_counter(), time.process_time()
            signal.setitimer(signal.ITIMER_REAL, limit)
            try:
                count(election, rule)
            except _TooSlow:
                stopped.append(f"{name.removesuffix('.pb')} {rule}")
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            took = time.perf_counter() - t
            slowest.append((took, name, rule))
            wall[status] += took + (parse if i == 0 else 0.0)
            cpu[status] += time.process_time() - c + (parse_cpu if i == 0 else 0.0)
            counted[status] += 1
    total = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    slowest.sort(reverse=True)
    lines = [
        f"corpus: {len(rules_of)} files, {sum(counted.values())} (file, rule) counts incl. "
        f"parsing: {total:.1f} s wall; peak memory {peak_mb:.0f} MB",
        f"  rows pabutools finished (ok): {counted['ok']} counts, {wall['ok']:.1f} s wall, "
        f"{cpu['ok']:.1f} s CPU",
        f"  rows pabutools did not finish (timeout): {counted['timeout']} counts, "
        f"{wall['timeout']:.1f} s wall, {cpu['timeout']:.1f} s CPU",
        f"  stopped at the {limit:.0f} s limit: {len(stopped)}"
        + (f" ({'; '.join(stopped)})" if stopped else ""),
        "slowest counts: "
        + "; ".join(f"{n.removesuffix('.pb')} {r} {s:.2f} s" for s, n, r in slowest[:8]),
    ]
    print("\n".join(lines))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=60.0, help="limit per cell, both tools")
    parser.add_argument("--repeat", type=int, default=3, help="pbcount runs per cell (best)")
    parser.add_argument("--corpus", action="store_true", help="also time the whole corpus")
    parser.add_argument("--no-table", action="store_true", help="skip the comparison table")
    parser.add_argument(
        "--count-limit", type=float, default=120.0, help="corpus: limit per count, seconds"
    )
    parser.add_argument(
        "--ok-only", action="store_true", help="corpus: only rows pabutools finished"
    )
    args = parser.parse_args()
    if not args.no_table:
        table(args.timeout, args.repeat)
    if args.corpus:
        corpus(args.count_limit, ("ok",) if args.ok_only else ("ok", "timeout"))


if __name__ == "__main__":
    main()
