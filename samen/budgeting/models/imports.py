"""Uploaded Pabulib files waiting to be imported, or imported, by a background task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from samen.budgeting.models.process import Process


class ImportStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting to start")
    RUNNING = "running", _("Importing")
    DONE = "done", _("Imported")
    FAILED = "failed", _("Failed")


class PbImport(models.Model):
    """One upload of a .pb file. The file is kept in the database, not on disk, so that any
    worker can read it without shared storage; it is emptied once the import has ended."""

    file_name = models.CharField(_("file name"), max_length=200)
    data = models.BinaryField(_("file"), blank=True)
    is_published = models.BooleanField(_("shown to the public"), default=False)
    status = models.CharField(
        _("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    process = models.ForeignKey(
        Process,
        verbose_name=_("process"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    projects = models.PositiveIntegerField(_("projects"), default=0)
    ballots = models.PositiveIntegerField(_("ballots"), default=0)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    class Meta:
        verbose_name = _("Pabulib import")
        verbose_name_plural = _("Pabulib imports")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def is_active(self) -> bool:
        return self.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
