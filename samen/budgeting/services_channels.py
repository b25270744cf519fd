"""Writes for voting codes: batches, revocation, finding a typed code, and guessing limits.

Voting codes are generated in batches. The plain codes leave the server once, inside the
letters PDF answered to the organiser's request (see docs/decisions.md); only a keyed digest
is stored. A code issued to an account votes as that account (`voter_key_for_code`), so a
code and an online vote can never both count.

Paper ballots are in services_paper.py.
"""

import re
import secrets
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.budgeting import selectors
from samen.budgeting.models import (
    PHASE_ORDER,
    PhaseKind,
    Process,
    VotingCode,
    VotingCodeBatch,
)
from samen.budgeting.services_voting import (
    RECEIPT_ALPHABET,
    keyed_digest,
)
from samen.core.services import audit_record

CODE_LENGTH = 12
MAX_BATCH = 100  # letters are rendered in the request: about 0.2 s each
MAX_REFERENCE = 40
# Failed code entries allowed per address (and per process) before a pause.
ATTEMPT_LIMIT = 10
ATTEMPT_WINDOW = 15 * 60


# --------------------------------------------------------------------------- codes


def code_new() -> str:
    raw = "".join(secrets.choice(RECEIPT_ALPHABET) for _ in range(CODE_LENGTH))
    return code_format(raw)


def code_format(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def code_normalise(typed: str) -> str:
    """A typed or pasted code in its printed form ("ABCD-EFGH-JKLM"), or "" if it cannot be
    one. Spaces, dashes and lower case are forgiven."""
    raw = re.sub(r"[^0-9A-Za-z]", "", typed or "").upper()
    if len(raw) != CODE_LENGTH or any(char not in RECEIPT_ALPHABET for char in raw):
        return ""
    return code_format(raw)


def code_digest(code: str) -> str:
    return keyed_digest(code_normalise(code) or code)


@dataclass(frozen=True)
class IssuedCode:
    """A code just generated: the plain code, which exists only until the letters are made."""

    code: str
    voting_code: VotingCode
    account_name: str = ""
    reference: str = ""
    language: str = ""

    @property
    def recipient_name(self) -> str:
        """The letter's addressee, in the language active now (the letter's)."""
        if self.account_name:
            return self.account_name
        if self.reference:
            return _("Register number %(reference)s") % {"reference": self.reference}
        return _("Resident")


def _voting_has_ended(process: Process) -> bool:
    current = selectors.current_phase(process=process)
    voting = PHASE_ORDER.index(PhaseKind.VOTING)
    return current is not None and PHASE_ORDER.index(current.kind) > voting


def _accounts_for(process: Process, emails: list[str]) -> list[Any]:
    users = {u.email.lower(): u for u in get_user_model().objects.filter(email__in=emails)}
    unknown = [email for email in emails if email not in users]
    if unknown:
        raise ValidationError(
            {
                "recipients": _("There is no account with the email address %(emails)s.")
                % {"emails": ", ".join(unknown[:5])}
            }
        )
    taken = VotingCode.objects.filter(
        process=process, user__in=users.values(), revoked_at__isnull=True
    ).select_related("user")
    if taken:
        raise ValidationError(
            {
                "recipients": _("%(emails)s already has a code for this process.")
                % {"emails": ", ".join(sorted(c.user.email for c in taken)[:5])}
            }
        )
    return [users[email] for email in emails]


def _references_checked(process: Process, references: list[str]) -> list[str]:
    too_long = [ref for ref in references if len(ref) > MAX_REFERENCE]
    if too_long:
        raise ValidationError(
            {"recipients": _("A register reference can have at most 40 characters.")}
        )
    digests = {keyed_digest(ref): ref for ref in references}
    taken = VotingCode.objects.filter(
        process=process, reference_digest__in=digests, revoked_at__isnull=True
    ).values_list("reference_digest", flat=True)
    if taken:
        raise ValidationError(
            {
                "recipients": _("%(references)s already has a code for this process.")
                % {"references": ", ".join(sorted(digests[d] for d in taken)[:5])}
            }
        )
    return references


@transaction.atomic
def voting_code_batch_create(
    *,
    actor: Any,
    process: Process,
    label: str,
    size: int | None = None,
    recipient_kind: str = "",
    recipients: list[str] | None = None,
) -> tuple[VotingCodeBatch, list[IssuedCode]]:
    """Generate a batch of codes: `size` codes for anyone, or one per recipient, where
    `recipient_kind` is "reference" (register references) or "email" (accounts).

    Returns the batch and the plain codes, which are never stored; make the letters at once.
    """
    if not process.voting_codes_enabled:
        raise ValidationError(_("Voting codes are not switched on for this process."))
    if _voting_has_ended(process):
        raise ValidationError(_("Voting has ended in this process, so no new codes are made."))
    listed = list(dict.fromkeys(r.strip() for r in recipients or [] if r.strip()))
    if recipient_kind == "email":
        listed = list(dict.fromkeys(r.lower() for r in listed))
    count = len(listed) if recipient_kind else size or 0
    if recipient_kind and not listed:
        raise ValidationError({"recipients": _("Enter at least one recipient, one a line.")})
    if not 1 <= count <= MAX_BATCH:
        raise ValidationError(
            _("A batch has 1 to %(most)d codes. Make several batches for more.")
            % {"most": MAX_BATCH}
        )
    users = _accounts_for(process, listed) if recipient_kind == "email" else []
    references = _references_checked(process, listed) if recipient_kind == "reference" else []
    batch = VotingCodeBatch(process=process, label=label, size=count, created_by=actor)
    batch.full_clean()
    batch.save()
    issued = []
    for number in range(count):
        plain = code_new()
        code = VotingCode(process=process, batch=batch, digest=keyed_digest(plain))
        item = IssuedCode(plain, code)
        if users:
            code.user = users[number]
            name = users[number].display_name or users[number].email
            item = IssuedCode(plain, code, name, language=users[number].preferred_language)
        elif references:
            code.reference_digest = keyed_digest(references[number])
            item = IssuedCode(plain, code, reference=references[number])
        code.full_clean()
        code.save()
        issued.append(item)
    audit_record(
        actor=actor,
        action="budgeting.voting_codes_create",
        target=batch,
        data={"process_id": process.pk, "size": count, "issued_to": recipient_kind or "anyone"},
    )
    return batch, issued


@transaction.atomic
def voting_codes_revoke(*, actor: Any, codes: list[VotingCode], reason: str) -> int:
    """Stop codes from working. A vote already cast with one still counts; it just cannot be
    changed with that code any more. Returns how many codes were revoked now."""
    pks = [code.pk for code in codes]
    revoked = VotingCode.objects.filter(pk__in=pks, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    for code in codes:
        audit_record(
            actor=actor,
            action="budgeting.voting_code_revoke",
            target=code,
            reason=reason,
            data={"process_id": code.process_id, "batch_id": code.batch_id},
        )
    return revoked


def voting_code_find(*, process: Process, typed: str) -> VotingCode | None:
    """The working code of this process the voter typed, or None (unknown or revoked alike)."""
    code = code_normalise(typed)
    if not code:
        return None
    return (
        VotingCode.objects.select_related("user")
        .filter(process=process, digest=keyed_digest(code), revoked_at__isnull=True)
        .first()
    )


def codes_issued_to(*, process: Process, issued_to: str) -> list[VotingCode]:
    """The codes of a process that a code, register reference or email address points at."""
    value = issued_to.strip()
    query = VotingCode.objects.filter(process=process)
    code = code_normalise(value)
    if code:
        found = list(query.filter(digest=keyed_digest(code)))
        if found:
            return found
    if "@" in value:
        return list(query.filter(user__email__iexact=value))
    return list(query.filter(reference_digest=keyed_digest(value))) if value else []


# --------------------------------------------------------------------------- guessing


def _attempt_keys(address: str, process: Process) -> list[str]:
    return [f"budgeting:code-attempts:ip:{address}", f"budgeting:code-attempts:p:{process.pk}"]


def code_attempts_exhausted(*, address: str, process: Process) -> bool:
    """Too many wrong codes from this address lately (or, a hundred times that, against the
    whole process, which catches guessing spread over many addresses)."""
    ip_key, process_key = _attempt_keys(address, process)
    return (cache.get(ip_key) or 0) >= ATTEMPT_LIMIT or (
        cache.get(process_key) or 0
    ) >= ATTEMPT_LIMIT * 100


def code_attempt_failed(*, address: str, process: Process) -> None:
    for key in _attempt_keys(address, process):
        cache.add(key, 0, ATTEMPT_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, ATTEMPT_WINDOW)
