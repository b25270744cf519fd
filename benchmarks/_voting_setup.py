"""The voting benchmark's world: a process in its voting phase and voters ready to cast.

The process and its ballot are made through the services, as an organiser would. The voters'
accounts, sessions and drafts are inserted in bulk: they stand for the steps before "Send my
vote", which the benchmark does not time.
"""

import random
import secrets
import string
from datetime import timedelta

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from samen.accounts import services as account_services
from samen.accounts.models import Role, User
from samen.budgeting import ballots, services
from samen.budgeting.models import (
    Ballot,
    BallotKind,
    Category,
    Channel,
    PhaseKind,
    Process,
    VoterRollEntry,
)

BATCH = 2_000
DISTRICTS = (("North", "7411*", "7411AB"), ("South", "7412*", "7412CD"))
CSRF_ALPHABET = string.ascii_letters + string.digits


def _process() -> Process:
    organiser = account_services.user_create(
        email="organiser@bench.samen.test",
        password=None,
        display_name="Bench organiser",
        roles=[Role.STAFF, Role.ORGANISER],
        verified=True,
    )
    ideas_open = timezone.now() - timedelta(days=30)
    process = services.process_create(
        actor=organiser,
        title="Bench decides",
        description="Young people choose three local projects and one for the whole area.",
        starts_at=ideas_open,
        min_age=11,
        max_age=18,
        is_published=True,
    )
    author = account_services.user_create(
        email="author@bench.samen.test", password=None, display_name="Author", verified=True
    )

    def on_ballot(title: str, cost: int, district: object) -> None:
        proposal = services.proposal_submit(
            author=author,
            process=process,
            title=title,
            description="A project for the benchmark.",
            estimated_cost_minor=cost,
            category=Category.YOUTH,
            district=district,
            now=ideas_open + timedelta(hours=1),
        )
        services.proposal_review(actor=organiser, proposal=proposal, feasible=True, reason="Yes.")
        services.proposal_shortlist(actor=organiser, proposal=proposal, on_ballot=True)

    _move_to(process, PhaseKind.SHORTLIST)
    for name, pattern, _postcode in DISTRICTS:
        district = services.district_create(
            actor=organiser, process=process, name=name, postcode_patterns=pattern
        )
        services.budget_create(
            actor=organiser,
            process=process,
            name=name,
            district=district,
            amount_minor=3_000_000,
            ballot_kind=BallotKind.EXACTLY,
            max_choices=3,
        )
        for n in range(1, 7):
            on_ballot(f"{name} project {n}", 400_000 + 100_000 * n, district)
    services.budget_create(
        actor=organiser,
        process=process,
        name="Area-wide",
        district=None,
        amount_minor=5_000_000,
        ballot_kind=BallotKind.UP_TO,
        max_choices=1,
    )
    for n in range(1, 5):
        on_ballot(f"Area project {n}", 1_000_000 * n, None)
    _move_to(process, PhaseKind.VOTING)
    return process


def _move_to(process: Process, kind: str) -> None:
    """Shift every phase so that `kind` started an hour ago (the benchmark's time travel)."""
    target = process.phases.get(kind=kind)
    shift = target.starts_at - (timezone.now() - timedelta(hours=1))
    for phase in process.phases.all():
        phase.starts_at -= shift
        phase.ends_at = phase.ends_at - shift if phase.ends_at else None
        phase.save(update_fields=["starts_at", "ends_at"])


def _ballot_shapes(process: Process) -> dict[str, list[tuple[int, list[int], int]]]:
    """Per district: each budget on its ballot as (budget id, project ids, how many to pick)."""
    shapes = {}
    for district in process.districts.all():
        shapes[district.name] = [
            (
                budget.pk,
                list(ballots.budget_projects(budget=budget).values_list("pk", flat=True)),
                budget.max_choices or 1,
            )
            for budget in ballots.ballot_budgets(process=process, district=district)
        ]
    return shapes


def _draft(
    shape: list[tuple[int, list[int], int]], rng: random.Random
) -> dict[str, dict[str, int]]:
    choices = {budget: dict.fromkeys(rng.sample(projects, k), 1) for budget, projects, k in shape}
    return ballots.choices_to_json(choices)


def prepare(n: int) -> tuple[int, list[tuple[str, str]]]:
    """Set up the process and `n` voters; return its id and each voter's (session, csrf)."""
    process = _process()
    districts = {d.name: d for d in process.districts.all()}
    shapes = _ballot_shapes(process)
    rng = random.Random(2026)
    password = make_password(None)
    year = timezone.localdate().year - 15
    voters: list[tuple[str, str]] = []
    expires = timezone.now() + timedelta(days=1)
    for start in range(0, n, BATCH):
        users = User.objects.bulk_create(
            User(
                email=f"voter{i}@bench.samen.test",
                display_name=f"Voter {i}",
                password=password,
                year_of_birth=year,
                postcode=DISTRICTS[i % 2][2],
                email_verified_at=timezone.now(),
            )
            for i in range(start, min(n, start + BATCH))
        )
        sessions, entries = [], []
        for offset, user in enumerate(users):
            key = secrets.token_hex(16)
            data = {
                SESSION_KEY: str(user.pk),
                BACKEND_SESSION_KEY: "samen.accounts.backends.EmailBackend",
                HASH_SESSION_KEY: user.get_session_auth_hash(),
            }
            session_data = SessionStore().encode(data)
            sessions.append(
                Session(session_key=key, session_data=session_data, expire_date=expires)
            )
            name = DISTRICTS[(start + offset) % 2][0]
            entries.append(
                VoterRollEntry(
                    process=process,
                    voter_key=f"user:{user.pk}",
                    user=user,
                    channel=Channel.ONLINE,
                    district=districts[name],
                    age_band="11-15",
                    order_seed=rng.randrange(2**31),
                    draft=_draft(shapes[name], rng),
                )
            )
            voters.append((key, "".join(secrets.choice(CSRF_ALPHABET) for _ in range(32))))
        Session.objects.bulk_create(sessions)
        VoterRollEntry.objects.bulk_create(entries)
    return process.pk, voters


def stored_receipts(process_id: int) -> set[str]:
    return set(Ballot.objects.filter(process_id=process_id).values_list("receipt_code", flat=True))
