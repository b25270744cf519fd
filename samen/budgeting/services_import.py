"""Importing a Pabulib file from the upload page: checked while the organiser waits, written
by a background task, because a large file (90,000 ballots) takes longer than a request may.
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.budgeting import importing
from samen.budgeting.models import ImportStatus, PbImport
from samen.core.services import audit_record

logger = logging.getLogger(__name__)

# An import still waiting or running after this long has lost its worker (the largest files
# take under a minute).
STALE_AFTER = timedelta(minutes=30)
ACTIVE = (ImportStatus.QUEUED, ImportStatus.RUNNING)


def import_is_stale(*, job: PbImport, now: datetime | None = None) -> bool:
    moment = now or timezone.now()
    return job.status in ACTIVE and moment - job.created_at > STALE_AFTER


def import_request(
    *, actor: Any, data: bytes, name: str, is_published: bool, background: bool = True
) -> PbImport:
    """Check the file now (a bad file raises ValidationError naming the line and nothing is
    kept), then import it: with `background` a task worker does, otherwise it happens here."""
    importing.pb_parse(data=data, name=name)
    with transaction.atomic():
        # Imports that lost their worker are closed, so that a worker coming back later does
        # not import them after all, beside this one.
        PbImport.objects.filter(
            status__in=ACTIVE, created_at__lt=timezone.now() - STALE_AFTER
        ).update(
            status=ImportStatus.FAILED,
            error=_("This import stopped without finishing. Upload the file again."),
            data=b"",
            finished_at=timezone.now(),
        )
        job = PbImport(
            file_name=name[:200],
            data=data,
            is_published=is_published,
            requested_by=actor if getattr(actor, "pk", None) else None,
        )
        job.full_clean(exclude=["data"])
        job.save()
        audit_record(
            actor=actor,
            action="budgeting.import_request",
            target=job,
            data={"file": job.file_name, "bytes": len(data)},
        )
    if not background:
        import_run(import_id=job.pk)
    else:
        from samen.budgeting.tasks import import_pb_file

        result = import_pb_file.enqueue(import_id=job.pk)
        PbImport.objects.filter(pk=job.pk).update(task_id=str(result.id)[:64])
    job.refresh_from_db()
    return job


def import_run(*, import_id: int) -> str:
    """Import a queued upload; the outcome, or why it failed, is written to the PbImport.
    Runs once: an import that has started or ended is left alone."""
    with transaction.atomic():
        job = (
            PbImport.objects.select_for_update(of=("self",))
            .select_related("requested_by")
            .get(pk=import_id)
        )
        if job.status != ImportStatus.QUEUED:
            return str(job.status)
        job.status = ImportStatus.RUNNING
        job.save(update_fields=["status"])
    try:
        election = importing.pb_parse(data=bytes(job.data), name=job.file_name)
        done = importing.process_import(
            actor=job.requested_by,
            election=election,
            name=job.file_name,
            is_published=job.is_published,
        )
    except ValidationError as error:
        return _finish(job, ImportStatus.FAILED, error=" ".join(error.messages))
    except Exception:
        # The task must still end with a status the organiser can read; the details go to the
        # log, where the operator finds them.
        logger.exception("Import %s of %s failed", job.pk, job.file_name)
        return _finish(
            job,
            ImportStatus.FAILED,
            error=_("The import stopped because of an error on the server. Nothing was imported."),
        )
    return _finish(
        job,
        ImportStatus.DONE,
        process_id=done.process.pk,
        projects=done.projects,
        ballots=done.ballots,
    )


def _finish(job: PbImport, status: str, **fields: Any) -> str:
    """Record how the import ended and drop the file, which the process now holds."""
    with transaction.atomic():
        PbImport.objects.filter(pk=job.pk).update(
            status=status, data=b"", finished_at=timezone.now(), **fields
        )
        audit_record(
            actor=job.requested_by,
            action="budgeting.import_finish",
            target=job,
            data={"status": status, "file": job.file_name},
        )
    return status
