"""Delivery of funded projects: public status updates, milestones, and residents following a
project by email. Following is its own opt-in and never linked to a ballot."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.budgeting.models.proposal import Proposal


class DeliveryStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DELIVERED = "delivered", _("Delivered")
    DELAYED = "delayed", _("Delayed")
    STOPPED = "stopped", _("Stopped")


class StatusUpdate(models.Model):
    """A dated public note on where a funded project stands; the latest one is its status."""

    proposal = models.ForeignKey(
        Proposal,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="status_updates",
    )
    status = models.CharField(_("status"), max_length=12, choices=DeliveryStatus.choices)
    text = models.TextField(_("public text"), max_length=2000)
    published_on = models.DateField(_("date"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("status update")
        verbose_name_plural = _("status updates")
        ordering = ["proposal", "-published_on", "-id"]
        indexes = [models.Index(fields=["proposal", "-published_on", "-id"])]

    def __str__(self) -> str:
        return f"{self.proposal}: {self.get_status_display()} ({self.published_on})"


class Milestone(models.Model):
    """A step of delivery with the day it is due and, once reached, the day it was done."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("title"), max_length=150)
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ["proposal", "due_on", "id"]

    def __str__(self) -> str:
        return self.title


class ProjectFollow(models.Model):
    """A resident asked to get an email whenever a funded project gets a status update."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("project"), on_delete=models.CASCADE, related_name="follows"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="budgeting_follows",
    )
    created_at = models.DateTimeField(_("following since"), auto_now_add=True)

    class Meta:
        verbose_name = _("project follower")
        verbose_name_plural = _("project followers")
        ordering = ["proposal", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "user"], name="budgeting_follow_once_per_project"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.proposal_id}"
