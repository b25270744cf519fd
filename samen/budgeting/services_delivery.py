"""Writes for delivery: status updates and milestones (organisers, audited) and following.

A new status update emails every follower after the transaction commits, through a
background task, so posting an update never waits for a mail server.
"""

from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.budgeting import selectors_delivery
from samen.budgeting.models import Milestone, ProjectFollow, Proposal, StatusUpdate
from samen.core.services import audit_record


def _refuse_unless_funded(proposal: Proposal) -> None:
    if not selectors_delivery.project_is_funded(proposal=proposal):
        raise ValidationError(
            _("Only projects funded in the published results get delivery news."),
            code="not_funded",
        )


def _check_update_date(published_on: date) -> None:
    if published_on > timezone.localdate():
        raise ValidationError(
            {"published_on": _("An update cannot be dated in the future.")}, code="future"
        )


def _check_dates(milestone: Milestone) -> None:
    if milestone.done_on is not None and milestone.done_on > timezone.localdate():
        raise ValidationError(
            {"done_on": _("The day it was done cannot be in the future.")}, code="future"
        )


@transaction.atomic
def status_update_create(
    *,
    actor: Any,
    proposal: Proposal,
    status: str,
    text: str,
    published_on: date,
    base_url: str = "",
) -> StatusUpdate:
    """Publish a status update; followers get an email once it is saved."""
    proposal = Proposal.objects.select_for_update().select_related("process").get(pk=proposal.pk)
    _refuse_unless_funded(proposal)
    _check_update_date(published_on)
    update = StatusUpdate(
        proposal=proposal,
        status=status,
        text=text.strip(),
        published_on=published_on,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    update.full_clean()
    update.save()
    audit_record(
        actor=actor,
        action="budgeting.status_update_create",
        target=proposal,
        data={"status": status, "published_on": str(published_on)},
    )
    if base_url:
        from samen.budgeting.tasks_delivery import status_update_notify

        update_id = update.pk
        transaction.on_commit(
            lambda: status_update_notify.enqueue(update_id=update_id, base_url=base_url)
        )
    return update


@transaction.atomic
def status_update_change(
    *, actor: Any, update: StatusUpdate, status: str, text: str, published_on: date, reason: str
) -> StatusUpdate:
    """Correct a published update (no new email); the reason goes to the audit log."""
    update = StatusUpdate.objects.select_for_update().get(pk=update.pk)
    _check_update_date(published_on)
    before = [update.status, update.text, str(update.published_on)]
    update.status, update.text, update.published_on = status, text.strip(), published_on
    update.full_clean()
    update.save()
    audit_record(
        actor=actor,
        action="budgeting.status_update_change",
        target=update.proposal,
        reason=reason,
        data={"update": update.pk, "before": before},
    )
    return update


@transaction.atomic
def milestone_create(
    *, actor: Any, proposal: Proposal, title: str, due_on: date, done_on: date | None = None
) -> Milestone:
    _refuse_unless_funded(proposal)
    milestone = Milestone(proposal=proposal, title=title.strip(), due_on=due_on, done_on=done_on)
    _check_dates(milestone)
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=actor,
        action="budgeting.milestone_create",
        target=proposal,
        data={"milestone": milestone.pk, "title": milestone.title},
    )
    return milestone


@transaction.atomic
def milestone_change(
    *, actor: Any, milestone: Milestone, title: str, due_on: date, done_on: date | None
) -> Milestone:
    milestone = Milestone.objects.select_for_update().get(pk=milestone.pk)
    before = [milestone.title, str(milestone.due_on), str(milestone.done_on)]
    milestone.title, milestone.due_on, milestone.done_on = title.strip(), due_on, done_on
    _check_dates(milestone)
    milestone.full_clean()
    milestone.save()
    audit_record(
        actor=actor,
        action="budgeting.milestone_change",
        target=milestone.proposal,
        data={"milestone": milestone.pk, "before": before},
    )
    return milestone


@transaction.atomic
def milestone_delete(*, actor: Any, milestone: Milestone) -> None:
    audit_record(
        actor=actor,
        action="budgeting.milestone_delete",
        target=milestone.proposal,
        data={"milestone": milestone.pk, "title": milestone.title},
    )
    milestone.delete()


def project_follow(*, user: Any, proposal: Proposal) -> ProjectFollow:
    """Follow a funded project; following twice keeps the one row (a unique constraint)."""
    _refuse_unless_funded(proposal)
    try:
        with transaction.atomic():
            follow, _created = ProjectFollow.objects.get_or_create(user=user, proposal=proposal)
    except IntegrityError:
        follow = ProjectFollow.objects.get(user=user, proposal=proposal)
    return follow


@transaction.atomic
def project_unfollow(*, user: Any, proposal: Proposal) -> bool:
    """Stop the emails; True if the person was following."""
    deleted, _detail = ProjectFollow.objects.filter(user=user, proposal=proposal).delete()
    return deleted > 0


@transaction.atomic
def follows_erase(*, user: Any) -> None:
    """For the account's erasure: forget every project the person followed."""
    ProjectFollow.objects.filter(user=user).delete()
