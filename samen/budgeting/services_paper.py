"""Writes for paper ballots: one authorised person enters a ballot, a second confirms it.

Only the confirmation casts the ballot, through `ballot_submit(channel=PAPER)`, so the roll's
"one vote per process" holds for paper as for every other channel. A waiting entry keeps the
voter's identity next to their choices, so the choices are wiped once it is confirmed or
rejected. Every step is audited.
"""

from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.budgeting import ballots
from samen.budgeting.models import (
    Channel,
    District,
    IdentityKind,
    PaperBallotEntry,
    PaperStatus,
    Process,
    VoterRollEntry,
)
from samen.budgeting.services_channels import MAX_REFERENCE, code_normalise, voting_code_find
from samen.budgeting.services_voting import (
    Receipt,
    _refuse_other_channel,
    _refuse_unless_voting_open,
    ballot_submit,
    voter_key_for_code,
    voter_key_for_reference,
    voter_key_for_user,
)
from samen.core.services import audit_record


@dataclass(frozen=True)
class PaperIdentity:
    """Whom a paper ballot belongs to, as the voter roll names them."""

    kind: str
    voter_key: str
    hint: str
    user_id: int | None = None
    voting_code_id: int | None = None

    def as_session(self) -> dict[str, Any]:
        return dict(self.__dict__)


def paper_identity_resolve(*, process: Process, kind: str, value: str) -> PaperIdentity:
    """Turn what is written on the paper (a code, an email address or a register reference)
    into the voter's key. Raises ValidationError on the field `identity`."""
    value = value.strip()
    if kind == IdentityKind.CODE:
        code = voting_code_find(process=process, typed=value)
        if code is None:
            raise ValidationError(
                {"identity": _("This voting code does not work. Check it against the paper.")}
            )
        return PaperIdentity(
            kind, voter_key_for_code(code), f"…{code_normalise(value)[-4:]}", code.user_id, code.pk
        )
    if kind == IdentityKind.EMAIL:
        user = get_user_model().objects.filter(email__iexact=value, is_active=True).first()
        if user is None:
            raise ValidationError({"identity": _("There is no account with this email address.")})
        return PaperIdentity(kind, voter_key_for_user(user), user.email, user.pk)
    if not value or len(value) > MAX_REFERENCE:
        raise ValidationError({"identity": _("Enter the register reference: 1 to 40 characters.")})
    return PaperIdentity(kind, voter_key_for_reference(value), f"…{value[-4:]}")


def _refuse_if_voted(process: Process, voter_key: str) -> None:
    entry = VoterRollEntry.objects.filter(process=process, voter_key=voter_key).first()
    if entry is not None:
        _refuse_other_channel(entry, Channel.PAPER)


def _refuse_if_waiting(process: Process, voter_key: str) -> None:
    if PaperBallotEntry.objects.filter(
        process=process, voter_key=voter_key, status=PaperStatus.ENTERED
    ).exists():
        raise ValidationError(
            _("A paper ballot for this person is already waiting for a second person to check.")
        )


def paper_identity_check(*, process: Process, kind: str, value: str) -> PaperIdentity:
    """The identity on a paper ballot, refused early if this person cannot vote on paper now
    (voting closed, already voted, or a paper entry already waiting)."""
    identity = paper_identity_resolve(process=process, kind=kind, value=value)
    _refuse_unless_voting_open(process)
    _refuse_if_voted(process, identity.voter_key)
    _refuse_if_waiting(process, identity.voter_key)
    return identity


@transaction.atomic
def paper_ballot_enter(
    *,
    actor: Any,
    process: Process,
    identity: PaperIdentity,
    district: District | None,
    year_of_birth: int | None,
    choices: ballots.Choices,
) -> PaperBallotEntry:
    """The first person's entry of one paper ballot. Nothing is cast until a second person
    confirms it."""
    _refuse_unless_voting_open(process)
    _refuse_if_voted(process, identity.voter_key)
    _refuse_if_waiting(process, identity.voter_key)
    ballots.choices_validate(process=process, district=district, choices=choices)
    entry = PaperBallotEntry(
        process=process,
        voter_key=identity.voter_key,
        identity_kind=identity.kind,
        identity_hint=identity.hint,
        user_id=identity.user_id,
        voting_code_id=identity.voting_code_id,
        district=district,
        year_of_birth=year_of_birth,
        choices=ballots.choices_to_json(choices),
        entered_by=actor,
    )
    entry.full_clean()
    entry.save()
    audit_record(
        actor=actor,
        action="budgeting.paper_ballot_enter",
        target=entry,
        data={"process_id": process.pk, "identified_by": identity.kind},
    )
    return entry


def _waiting(entry: PaperBallotEntry) -> PaperBallotEntry:
    locked = PaperBallotEntry.objects.select_for_update().get(pk=entry.pk)
    if locked.status != PaperStatus.ENTERED:
        raise ValidationError(_("This paper ballot has already been checked."))
    return locked


def _checked(entry: PaperBallotEntry, *, actor: Any, status: str, reason: str = "") -> None:
    """Record the second look. The choices go: a confirmed ballot holds them apart from the
    identity, and a rejected one needs them no more."""
    entry.status = status
    entry.checked_by, entry.checked_at = actor, timezone.now()
    entry.rejection_reason = reason
    entry.choices = {}
    entry.full_clean()
    entry.save()
    action = "confirm" if status == PaperStatus.CONFIRMED else "reject"
    audit_record(
        actor=actor,
        action=f"budgeting.paper_ballot_{action}",
        target=entry,
        reason=reason,
        data={"process_id": entry.process_id, "entered_by_id": entry.entered_by_id},
    )


@transaction.atomic
def paper_ballot_confirm(*, actor: Any, entry: PaperBallotEntry) -> Receipt:
    """The second person's confirmation: only now is the ballot cast."""
    entry = _waiting(entry)
    if entry.entered_by_id == actor.pk:
        raise ValidationError(_("You entered this paper ballot, so someone else must confirm it."))
    receipt = ballot_submit(
        process=entry.process,
        voter_key=entry.voter_key,
        channel=Channel.PAPER,
        choices=ballots.choices_from_json(entry.choices),
        user=entry.user,
        district=entry.district,
        year_of_birth=entry.year_of_birth,
        voting_code=entry.voting_code,
        entered_by=entry.entered_by,
        confirmed_by=actor,
    )
    _checked(entry, actor=actor, status=PaperStatus.CONFIRMED)
    return receipt


@transaction.atomic
def paper_ballot_reject(*, actor: Any, entry: PaperBallotEntry, reason: str) -> PaperBallotEntry:
    """Turn down an entry that does not match its paper (anyone authorised, the person who
    entered it included, may do this); the choices are wiped and nothing is cast."""
    entry = _waiting(entry)
    _checked(entry, actor=actor, status=PaperStatus.REJECTED, reason=reason)
    return entry
