"""Voting under load: simulated voters cast their ballots over HTTP against gunicorn and PostgreSQL.

What runs, all on loopback:
1. A fresh PostgreSQL database is migrated with the production settings (DEBUG off, Redis
   cache, persistent connections), and a two-district process in its voting phase is set up
   through the services: "exactly 3" local ballots plus an "up to 1" area-wide ballot.
2. `--voters` accounts get a logged-in session and a saved draft (the steps before "Send my
   vote", prepared in bulk so the run times the vote itself).
3. gunicorn serves `config.wsgi`. The baseline is the bare `/healthz` endpoint (the full
   middleware stack and one `SELECT 1`), `--voters` requests at `--concurrency`.
4. Every voter then casts their vote: the POST of the check-your-answers page (which runs
   `ballot_submit`: the row lock, the unique roll entry, the ballot apart from identity) and
   the GET of the receipt page it redirects to, from which the receipt code is read.
5. The stored ballots must equal the issued receipts, one for one.

Usage:  .venv/bin/python benchmarks/bench_voting.py [--voters 20000] [--concurrency 50]
Needs PostgreSQL (BENCH_POSTGRES, default postgres://postgres@127.0.0.1:5432) and Redis
(BENCH_REDIS, default redis://127.0.0.1:6379/15).
"""

import argparse
import os
import re
import secrets
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "benchmarks")]

from _http_load import Connection, Run, run_jobs  # noqa: E402

PG = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS", "redis://127.0.0.1:6379/15")
RECEIPT = re.compile(rb"\b([A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4})\b")
TARGET_RATIO, TARGET_P99_MS = 0.5, 300.0


def _psql(sql: str) -> None:
    subprocess.run(
        ["psql", f"{PG}/postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
    )


def _environment(database: str, port: int) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "bench-only-" + secrets.token_hex(24),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SECURE_SSL_REDIRECT": "0",
        "DATABASE_URL": f"{PG}/{database}",
        "REDIS_URL": REDIS,
        "LOG_LEVEL": "WARNING",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "BENCH_PORT": str(port),
    }


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, str(ROOT / "manage.py"), *args], env=env, check=True)


def _gunicorn(env: dict[str, str], port: int, workers: int, threads: int) -> subprocess.Popen:
    command = [
        sys.executable, "-m", "gunicorn", "config.wsgi",
        "--bind", f"127.0.0.1:{port}",
        "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
        "--keep-alive", "30", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    for _ in range(100):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("gunicorn did not answer on /healthz within 20 s")


async def _healthz_job(conn: Connection) -> int:
    response = await conn.request("GET", "/healthz")
    if response.status != 200:
        raise RuntimeError(f"/healthz answered {response.status}")
    return response.status


def _vote_job(process_id: int, session_key: str, csrf: str):  # type: ignore[no-untyped-def]
    cookies = f"sessionid={session_key}; csrftoken={csrf}"
    base = f"/en/budgeting/{process_id}/vote"
    body = f"csrfmiddlewaretoken={csrf}".encode()

    async def job(conn: Connection) -> tuple[str, float]:
        started = time.perf_counter()
        cast = await conn.request(
            "POST",
            f"{base}/check/",
            headers={
                "Cookie": cookies,
                "Content-Type": "application/x-www-form-urlencoded",
            },
            body=body,
        )
        cast_s = time.perf_counter() - started
        if cast.status != 302 or not cast.headers.get("location", "").endswith("/receipt/"):
            raise RuntimeError(f"casting answered {cast.status} {cast.headers.get('location')}")
        receipt = await conn.request("GET", f"{base}/receipt/", headers={"Cookie": cookies})
        found = RECEIPT.search(receipt.body)
        if receipt.status != 200 or found is None:
            raise RuntimeError(f"receipt page answered {receipt.status} without a code")
        return found.group(1).decode(), cast_s

    return job


def _report(bare: Run, votes: Run, stored: int, matches: bool, voters: int) -> bool:
    cast = sorted(result[1] for result in votes.results)

    def pct(values: list[float], p: float) -> float:
        return values[min(len(values) - 1, round(p / 100 * (len(values) - 1)))] * 1000

    ratio = votes.per_second / bare.per_second
    print()
    print("| measurement | done | per second | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|---:|")
    print(
        f"| bare /healthz (baseline) | {len(bare.results):,} | {bare.per_second:,.0f} | "
        f"{bare.percentile(50) * 1000:.1f} | {bare.percentile(99) * 1000:.1f} | "
        f"{len(bare.errors)} |"
    )
    print(
        f"| vote cast (POST, ballot_submit) | {len(cast):,} | {votes.per_second:,.0f} | "
        f"{pct(cast, 50):.1f} | {pct(cast, 99):.1f} | {len(votes.errors)} |"
    )
    print(
        f"| vote cast + receipt page | {len(votes.results):,} | {votes.per_second:,.0f} | "
        f"{votes.percentile(50) * 1000:.1f} | {votes.percentile(99) * 1000:.1f} | "
        f"{len(votes.errors)} |"
    )
    print()
    print(f"ballots per second / bare requests per second: {ratio:.2f} (target >= {TARGET_RATIO})")
    print(f"p99 of casting a vote: {pct(cast, 99):.0f} ms (target < {TARGET_P99_MS:.0f} ms)")
    print(f"stored ballots {stored:,}, issued receipts {len(votes.results):,}, voters {voters:,}")
    for error in sorted(set(votes.errors + bare.errors))[:5]:
        print(f"error: {error}")
    ok = stored == len(votes.results) == voters and matches and not votes.errors
    print("receipts match stored ballots one for one" if ok else "MISMATCH: receipts vs ballots")
    return ok


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--voters", type=int, default=20_000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()

    database = f"samen_bench_{os.getpid()}"
    env = _environment(database, args.port)
    _psql(f"CREATE DATABASE {database}")
    server = None
    try:
        print(f"== migrating {database} and collecting static files")
        _manage(env, "migrate", "--noinput", "-v", "0")
        _manage(env, "collectstatic", "--noinput", "-v", "0")
        os.environ.update(env)
        import django

        django.setup()
        from _voting_setup import prepare, stored_receipts

        print(f"== preparing {args.voters:,} voters with a session and a draft")
        process_id, voters = prepare(args.voters)
        from django.db import connections

        connections.close_all()
        print(f"== gunicorn: {args.workers} workers x {args.threads} threads")
        server = _gunicorn(env, args.port, args.workers, args.threads)
        run_jobs("127.0.0.1", args.port, [_healthz_job] * 500, args.concurrency)  # warm-up
        print(f"== baseline: {args.voters:,} requests to /healthz, concurrency {args.concurrency}")
        bare = run_jobs("127.0.0.1", args.port, [_healthz_job] * args.voters, args.concurrency)
        print(f"== {args.voters:,} voters cast their vote at concurrency {args.concurrency}")
        jobs = [_vote_job(process_id, key, csrf) for key, csrf in voters]
        votes = run_jobs("127.0.0.1", args.port, jobs, args.concurrency)
        receipts = {result[0] for result in votes.results}
        stored = stored_receipts(process_id)
        return 0 if _report(bare, votes, len(stored), stored == receipts, args.voters) else 1
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        _psql(f"DROP DATABASE IF EXISTS {database}")


if __name__ == "__main__":
    sys.exit(main())
