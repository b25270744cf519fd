"""Benchmark pbcount against pabutools 1.2.3 on large real elections, in the same run.

    .venv/bin/python benchmarks/bench_counting.py [--timeout 60] [--corpus] [--no-table]

Each cell runs in a fresh subprocess under `--timeout` seconds; one that does not finish
shows ">N". pbcount times are wall-clock for `count()` alone (best of `--repeat`, and the
first of them apart), with the file's parse time shown apart (the Add1 targets include
it); pabutools times only its rule call, once (parsing excluded, identical ballots merged
as for the reference file). The speed-up uses pbcount's best time. `--corpus`
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
start, cpu = time.perf_counter(), time.process_time()
if rule == "greedy-cost":
    greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat)
elif rule == "mes-cost":
    method_of_equal_shares(instance, profile, sat_class=Cost_Sat)
elif rule == "mes-cost+add1":
    method_of_equal_shares(instance, profile, sat_class=Cost_Sat, voter_budget_increment=1)
else:
    sequential_phragmen(instance, profile)
print(time.perf_counter() - start, time.process_time() - cpu)
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
times, cpus = [], []
for _ in range(int(sys.argv[4])):
    t, c = time.perf_counter(), time.process_time()
    count(election, sys.argv[2])
    times.append(time.perf_counter() - t)
    cpus.append(time.process_time() - c)
print(parsed - start, min(times), times[0], min(cpus))
"""


def pbcount_seconds(
    path: Path, rule: str, timeout: float, repeat: int
) -> tuple[float, float, float, float] | None:
    """(parse, best count, first count, best count CPU) seconds in a fresh process, or None
    past the timeout."""
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
    parse, best, first, cpu = done.stdout.split()
    return float(parse), float(best), float(first), float(cpu)


def pabutools_seconds(path: Path, rule: str, timeout: float) -> tuple[float, float] | None:
    """(wall, CPU) seconds of the rule call in a fresh process, or None past the timeout."""
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
    wall, cpu = done.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def table(timeout: float, repeat: int) -> list[str]:
    folder = corpus_dir()
    rows = [
        "| instance | rule | pbcount s | 1st run s | parse s | pabutools s | speed-up "
        "| CPU: pbcount s | CPU: pabutools s | CPU speed-up |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
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
            first = f"{ours[2]:.3f}" if ours else "-"
            parse = f"{ours[0]:.3f}" if ours else "-"
            other = f"{theirs[0]:.3f}" if theirs is not None else f">{timeout:.0f}"
            my_cpu = f"{ours[3]:.3f}" if ours else "-"
            other_cpu = f"{theirs[1]:.3f}" if theirs is not None else "-"
            if ours and theirs is not None:
                speed = f"{theirs[0] / ours[1]:,.0f}x"
                cpu_speed = f"{theirs[1] / max(ours[3], 1e-6):,.0f}x"
            elif ours:
                speed = f">{timeout / ours[1]:,.0f}x"
                cpu_speed = "-"
            else:
                speed = cpu_speed = "?"
            rows.append(
                f"| {name.removesuffix('.pb')} | {rule} | {mine} | {first} | {parse} | {other} "
                f"| {speed} | {my_cpu} | {other_cpu} | {cpu_speed} |"
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
    count stops after `limit` seconds of CPU time (so a loaded machine does not stop counts
    that would finish), and a stopped count adds about `limit` to the CPU total.
    """
    folder = corpus_dir()
    reference = folder.parent / "reference.jsonl"
    rules_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
    with reference.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["status"] in statuses:
                rules_of[row["file"]].append((row["rule"], row["status"]))
    signal.signal(signal.SIGVTALRM, _too_slow)
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
            signal.setitimer(signal.ITIMER_VIRTUAL, limit)
            try:
                count(election, rule)
            except _TooSlow:
                stopped.append(f"{name.removesuffix('.pb')} {rule}")
            finally:
                signal.setitimer(signal.ITIMER_VIRTUAL, 0)
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
        f"  stopped at the {limit:g} s CPU limit: {len(stopped)}"
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
        "--count-limit", type=float, default=120.0, help="corpus: CPU seconds per count"
    )
    parser.add_argument(
        "--rows",
        choices=("ok", "timeout", "all"),
        default="all",
        help="corpus: rows pabutools finished (ok), did not finish (timeout), or all",
    )
    args = parser.parse_args()
    if not args.no_table:
        table(args.timeout, args.repeat)
    if args.corpus:
        corpus(args.count_limit, ("ok", "timeout") if args.rows == "all" else (args.rows,))


if __name__ == "__main__":
    main()
