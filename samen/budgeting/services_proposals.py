"""Writes to proposals: submission by residents, review and moderation by staff (audited)."""

from datetime import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.budgeting import selectors
from samen.budgeting.models import District, PhaseKind, Process, Proposal, ProposalStatus
from samen.core.services import audit_record


def _locked(proposal: Proposal) -> Proposal:
    return Proposal.objects.select_for_update().select_related("process").get(pk=proposal.pk)


def _refuse_once_ballot_fixed(proposal: Proposal) -> None:
    if selectors.ballot_is_fixed(process=proposal.process):
        raise ValidationError(
            _("Voting has opened, so the ballot can no longer change."), code="voting_opened"
        )


@transaction.atomic
def proposal_submit(
    *,
    author: Any,
    process: Process,
    title: str,
    description: str,
    estimated_cost_minor: int,
    category: str,
    district: District | None = None,
    location_text: str = "",
    now: datetime | None = None,
) -> Proposal:
    """A resident or partner submits an idea; only while the ideas phase is open."""
    if not selectors.phase_kind_is_open(process=process, kind=PhaseKind.IDEAS, now=now):
        raise ValidationError(
            _("This process is not collecting ideas at the moment."), code="ideas_closed"
        )
    if district is not None and district.process_id != process.pk:
        raise ValidationError(
            {"district": _("Choose a district of this process.")}, code="other_process"
        )
    proposal = Proposal(
        process=process,
        author=author,
        title=title.strip(),
        description=description.strip(),
        estimated_cost_minor=estimated_cost_minor,
        category=category,
        district=district,
        location_text=location_text.strip(),
    )
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_update(
    *,
    author: Any,
    proposal: Proposal,
    title: str,
    description: str,
    estimated_cost_minor: int,
    category: str,
    district: District | None = None,
    location_text: str = "",
    now: datetime | None = None,
) -> Proposal:
    """The author improves their proposal while ideas are collected and before any review."""
    proposal = _locked(proposal)
    if proposal.author_id != getattr(author, "pk", None):
        raise ValidationError(_("Only the author can change a proposal."), code="not_author")
    if proposal.status != ProposalStatus.SUBMITTED or proposal.is_hidden:
        raise ValidationError(
            _("This proposal has been reviewed or hidden, so it can no longer change."),
            code="reviewed",
        )
    if not selectors.phase_kind_is_open(process=proposal.process, kind=PhaseKind.IDEAS, now=now):
        raise ValidationError(
            _("This process is not collecting ideas at the moment."), code="ideas_closed"
        )
    if district is not None and district.process_id != proposal.process_id:
        raise ValidationError(
            {"district": _("Choose a district of this process.")}, code="other_process"
        )
    proposal.title = title.strip()
    proposal.description = description.strip()
    proposal.estimated_cost_minor = estimated_cost_minor
    proposal.category = category
    proposal.district = district
    proposal.location_text = location_text.strip()
    proposal.full_clean()
    proposal.save()
    return proposal


@transaction.atomic
def proposal_review(
    *,
    actor: Any,
    proposal: Proposal,
    feasible: bool,
    reason: str,
    adjusted_cost_minor: int | None = None,
) -> Proposal:
    """Mark a proposal feasible or not, with a public reason; optionally adjust its cost.

    The author's estimate stays as it was, so readers see both figures.
    """
    proposal = _locked(proposal)
    _refuse_once_ballot_fixed(proposal)
    if proposal.status == ProposalStatus.MERGED:
        raise ValidationError(
            _("This proposal was merged into another one."), code="already_merged"
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Give a public reason.")}, code="required")
    before = proposal.status
    proposal.status = ProposalStatus.FEASIBLE if feasible else ProposalStatus.NOT_FEASIBLE
    proposal.review_reason = reason.strip()
    proposal.adjusted_cost_minor = adjusted_cost_minor
    proposal.reviewed_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    audit_record(
        actor=actor,
        action="budgeting.proposal_review",
        target=proposal,
        reason=proposal.review_reason,
        data={
            "status": [before, proposal.status],
            "estimated_cost": proposal.estimated_cost_minor,
            "adjusted_cost": adjusted_cost_minor,
        },
    )
    return proposal


@transaction.atomic
def proposal_merge(*, actor: Any, proposal: Proposal, into: Proposal, reason: str) -> Proposal:
    """Fold a proposal into a similar one; the merged one stays readable and links onward."""
    # Lock both rows in id order so two merges running at once cannot deadlock or loop.
    first, second = sorted([proposal.pk, into.pk])
    locked = {
        p.pk: p
        for p in Proposal.objects.select_for_update()
        .select_related("process")
        .filter(pk__in=[first, second])
        .order_by("pk")
    }
    proposal, into = locked[proposal.pk], locked.get(into.pk, into)
    _refuse_once_ballot_fixed(proposal)
    if into.pk == proposal.pk:
        raise ValidationError({"into": _("Choose a different proposal.")}, code="same")
    if into.process_id != proposal.process_id:
        raise ValidationError({"into": _("Choose a proposal of this process.")}, code="other")
    if into.status == ProposalStatus.MERGED or into.is_hidden:
        raise ValidationError(
            {"into": _("Choose a proposal that is not merged or hidden.")}, code="unavailable"
        )
    if proposal.status == ProposalStatus.MERGED:
        raise ValidationError(
            _("This proposal was merged into another one."), code="already_merged"
        )
    if not reason.strip():
        raise ValidationError({"reason": _("Give a public reason.")}, code="required")
    before = proposal.status
    proposal.status = ProposalStatus.MERGED
    proposal.merged_into = into
    proposal.review_reason = reason.strip()
    proposal.reviewed_at = timezone.now()
    proposal.full_clean()
    proposal.save()
    # Anything merged into this proposal earlier now follows it to its new home.
    Proposal.objects.filter(merged_into=proposal).update(merged_into=into)
    audit_record(
        actor=actor,
        action="budgeting.proposal_merge",
        target=proposal,
        reason=proposal.review_reason,
        data={"status": [before, proposal.status], "into": into.pk},
    )
    return proposal


@transaction.atomic
def proposal_shortlist(*, actor: Any, proposal: Proposal, on_ballot: bool) -> Proposal:
    """Put a feasible proposal on the ballot, or take it off again before voting opens."""
    proposal = _locked(proposal)
    _refuse_once_ballot_fixed(proposal)
    if proposal.is_hidden:
        raise ValidationError(_("A hidden proposal cannot go on the ballot."), code="hidden")
    allowed_from = ProposalStatus.FEASIBLE if on_ballot else ProposalStatus.SHORTLISTED
    if proposal.status != allowed_from:
        message = (
            _("Only a proposal marked feasible can go on the ballot.")
            if on_ballot
            else _("This proposal is not on the ballot.")
        )
        raise ValidationError(message, code="wrong_status")
    before = proposal.status
    proposal.status = ProposalStatus.SHORTLISTED if on_ballot else ProposalStatus.FEASIBLE
    proposal.full_clean()
    proposal.save()
    audit_record(
        actor=actor,
        action="budgeting.proposal_shortlist" if on_ballot else "budgeting.proposal_unshortlist",
        target=proposal,
        data={"status": [before, proposal.status]},
    )
    return proposal


@transaction.atomic
def proposal_hide(*, actor: Any, proposal: Proposal, reason: str) -> Proposal:
    """A moderator hides abusive content. The reason is recorded, never shown publicly."""
    proposal = _locked(proposal)
    if proposal.is_hidden:
        raise ValidationError(_("This proposal is already hidden."), code="already_hidden")
    if not reason.strip():
        raise ValidationError({"reason": _("Give a reason.")}, code="required")
    if proposal.status == ProposalStatus.SHORTLISTED and selectors.ballot_is_fixed(
        process=proposal.process
    ):
        raise ValidationError(
            _("This proposal is on a ballot that is open. Ask an organiser."), code="on_ballot"
        )
    before = proposal.status
    proposal.is_hidden = True
    proposal.hidden_reason = reason.strip()
    if proposal.status == ProposalStatus.SHORTLISTED:
        proposal.status = ProposalStatus.FEASIBLE
    proposal.full_clean()
    proposal.save()
    audit_record(
        actor=actor,
        action="budgeting.proposal_hide",
        target=proposal,
        reason=proposal.hidden_reason,
        data={"status": [before, proposal.status]},
    )
    return proposal


@transaction.atomic
def proposal_unhide(*, actor: Any, proposal: Proposal, reason: str = "") -> Proposal:
    proposal = _locked(proposal)
    if not proposal.is_hidden:
        raise ValidationError(_("This proposal is not hidden."), code="not_hidden")
    proposal.is_hidden = False
    proposal.hidden_reason = ""
    proposal.full_clean()
    proposal.save()
    audit_record(
        actor=actor, action="budgeting.proposal_unhide", target=proposal, reason=reason.strip()
    )
    return proposal
