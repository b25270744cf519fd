"""Writes to the voter roll and ballots: start, save a draft, submit. One path for all channels.

Every channel (online, voting code, paper, assisted) ends in `ballot_submit`, which takes the
voter's roll entry under a row lock, so "one vote per process" holds across channels and under
simultaneous submissions: the unique (process, voter_key) constraint makes the entry exist
once, and the lock makes its submissions queue. A voter may change an online, code or assisted
vote until voting closes (the last submission counts); a paper ballot is final.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.budgeting import ballots, selectors
from samen.budgeting.models import (
    Ballot,
    BallotChoice,
    BallotKind,
    Channel,
    District,
    PhaseKind,
    Process,
    VoterRollEntry,
    VotingCode,
)

RECEIPT_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
AGE_BANDS = ((11, 15), (16, 17), (18, 24), (25, 44), (45, 64), (65, None))
CHANGEABLE_CHANNELS = frozenset({Channel.ONLINE, Channel.CODE, Channel.ASSISTED})
TRUSTED_FIELDS = [
    "process",
    "district",
    "user",
    "voting_code",
    "ballot",
    "assisted_by",
    "entered_by",
    "confirmed_by",
]


@dataclass(frozen=True)
class Receipt:
    """What the voter is shown after submitting: the code that proves their ballot is stored."""

    code: str
    submitted_at: Any
    changed: bool


def keyed_digest(value: str) -> str:
    """A digest only this installation can compute, for codes and register references."""
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, value.strip().upper().encode(), hashlib.sha256).hexdigest()


def voter_key_for_user(user: Any) -> str:
    return f"user:{user.pk}"


def voter_key_for_code(code: VotingCode) -> str:
    if code.user_id is not None:
        return f"user:{code.user_id}"
    if code.reference_digest:
        return f"ref:{code.reference_digest}"
    return f"code:{code.pk}"


def voter_key_for_reference(reference: str) -> str:
    return f"ref:{keyed_digest(reference)}"


def age_band(*, year_of_birth: int | None, today: date | None = None) -> str:
    """A coarse band for turnout statistics; the exact age is never stored on the roll."""
    if year_of_birth is None:
        return ""
    age = selectors.age_this_year(year_of_birth=year_of_birth, today=today or timezone.localdate())
    for low, high in AGE_BANDS:
        if age >= low and (high is None or age <= high):
            return f"{low}+" if high is None else f"{low}-{high}"
    return ""


def receipt_code_new() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(12))
    return "-".join(raw[i : i + 4] for i in range(0, 12, 4))


def _refuse_unless_voting_open(process: Process) -> None:
    if not selectors.phase_kind_is_open(process=process, kind=PhaseKind.VOTING):
        raise ValidationError(_("Voting is not open in this process."), code="voting_closed")


def _entry_locked(
    *, process: Process, voter_key: str, channel: str, defaults: dict[str, Any]
) -> VoterRollEntry:
    # The row lock queues every writer for this voter behind the first. An entry that does
    # not exist yet is made with get_or_create, which survives a simultaneous insert (it
    # re-reads after the unique constraint fires), and then locked.
    locked = VoterRollEntry.objects.select_for_update(of=("self",)).select_related("ballot")
    entry = locked.filter(process=process, voter_key=voter_key).first()
    if entry is not None:
        return entry
    VoterRollEntry.objects.get_or_create(
        process=process,
        voter_key=voter_key,
        defaults={"channel": channel, "order_seed": secrets.randbelow(2**31), **defaults},
    )
    return locked.get(process=process, voter_key=voter_key)


def _refuse_other_channel(entry: VoterRollEntry, channel: str) -> None:
    if entry.submitted_at is None:
        return
    if entry.channel != channel:
        raise ValidationError(
            _(
                "This person has already voted in this process (%(channel)s). "
                "Everyone votes once, whichever way they vote."
            )
            % {"channel": Channel(entry.channel).label},
            code="already_voted",
        )
    if channel not in CHANGEABLE_CHANNELS:
        raise ValidationError(
            _("A paper ballot for this person has already been entered."), code="already_voted"
        )


@transaction.atomic
def ballot_start(
    *,
    process: Process,
    voter_key: str,
    channel: str,
    user: Any = None,
    district: District | None = None,
    year_of_birth: int | None = None,
) -> VoterRollEntry:
    """Open a voter's ballot: their roll entry (with their own project order) now exists."""
    _refuse_unless_voting_open(process)
    return _entry_locked(
        process=process,
        voter_key=voter_key,
        channel=channel,
        defaults={
            "user": user,
            "district": district,
            "age_band": age_band(year_of_birth=year_of_birth),
        },
    )


@transaction.atomic
def ballot_draft_save(*, entry: VoterRollEntry, choices: ballots.Choices) -> VoterRollEntry:
    """Keep unfinished choices so the voter can come back; drafts are never counted."""
    _refuse_unless_voting_open(entry.process)
    entry = VoterRollEntry.objects.select_for_update().get(pk=entry.pk)
    entry.draft = ballots.choices_to_json(choices)
    entry.save(update_fields=["draft"])
    return entry


@transaction.atomic
def ballot_submit(
    *,
    process: Process,
    voter_key: str,
    channel: str,
    choices: ballots.Choices,
    user: Any = None,
    district: District | None = None,
    year_of_birth: int | None = None,
    voting_code: VotingCode | None = None,
    assisted_by: Any = None,
    declaration: bool = False,
    entered_by: Any = None,
    confirmed_by: Any = None,
) -> Receipt:
    """Store a voter's ballot (or replace their earlier one) and return the receipt."""
    _refuse_unless_voting_open(process)
    if channel == Channel.ASSISTED and (assisted_by is None or not declaration):
        raise ValidationError(
            {"declaration": _("Confirm that the resident chose these projects themselves.")},
            code="declaration_missing",
        )
    if channel == Channel.PAPER and (
        entered_by is None or confirmed_by is None or entered_by.pk == confirmed_by.pk
    ):
        raise ValidationError(
            _("A second person must confirm a paper ballot."), code="confirmation_missing"
        )
    entry = _entry_locked(
        process=process,
        voter_key=voter_key,
        channel=channel,
        defaults={
            "user": user,
            "district": district,
            "age_band": age_band(year_of_birth=year_of_birth),
        },
    )
    _refuse_other_channel(entry, channel)
    district = entry.district if district is None else district
    budgets = ballots.choices_validate(process=process, district=district, choices=choices)
    changed = entry.ballot_id is not None
    ballot = entry.ballot or Ballot(process=process)
    ballot.district = district
    ballot.receipt_code = receipt_code_new()
    # The process, district and roll entry were read in this transaction and the database's
    # constraints guard uniqueness, so re-checking each in its own query (as a plain
    # full_clean would) only slows down every vote.
    ballot.full_clean(exclude=TRUSTED_FIELDS, validate_unique=False, validate_constraints=False)
    ballot.save()
    if changed:
        ballot.choices.all().delete()
    BallotChoice.objects.bulk_create(
        BallotChoice(
            ballot=ballot,
            budget_id=budget_id,
            proposal_id=proposal_id,
            points=value if budgets[budget_id].ballot_kind == BallotKind.CUMULATIVE else 1,
            rank=value if budgets[budget_id].ballot_kind == BallotKind.RANKED else None,
        )
        for budget_id, picks in choices.items()
        for proposal_id, value in picks.items()
    )
    now = timezone.now()
    entry.channel = channel
    entry.district = district
    entry.ballot = ballot
    entry.draft = {}
    entry.submitted_at = now
    entry.submission_count += 1
    if user is not None and entry.user_id is None:
        entry.user = user
    if voting_code is not None:
        entry.voting_code = voting_code
        VotingCode.objects.filter(pk=voting_code.pk, used_at__isnull=True).update(used_at=now)
    if channel == Channel.ASSISTED:
        entry.assisted_by = assisted_by
        entry.declaration_at = now
    if channel == Channel.PAPER:
        entry.entered_by, entry.confirmed_by = entered_by, confirmed_by
    entry.full_clean(exclude=TRUSTED_FIELDS, validate_unique=False, validate_constraints=False)
    entry.save()
    return Receipt(code=ballot.receipt_code, submitted_at=now, changed=changed)


@transaction.atomic
def ballot_links_clear(*, process: Process) -> int:
    """Once results are final, forget which roll entry cast which ballot. Returns how many."""
    return VoterRollEntry.objects.filter(process=process, ballot__isnull=False).update(ballot=None)
