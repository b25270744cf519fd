"""Reminders for voters who started their ballot online but did not send it (once each)."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from samen.budgeting import selectors
from samen.budgeting.models import PhaseKind, VoterRollEntry
from samen.budgeting.voting_summary import voting_phase

# Give people a day to finish by themselves before reminding them.
REMIND_AFTER = timedelta(days=1)


def vote_reminders_send(*, base_url: str, now: datetime | None = None) -> int:
    """Email each account holder who started a ballot at least a day ago and has not sent it,
    while voting is still open; at most once per person and process. Returns how many.

    The reminder is claimed (`reminder_sent_at` set, only if still empty and still unsent) in
    its own transaction before the email goes out, so two runs at once never send it twice.
    """
    now = now or timezone.now()
    entries = (
        VoterRollEntry.objects.filter(
            submitted_at__isnull=True,
            reminder_sent_at__isnull=True,
            started_at__lte=now - REMIND_AFTER,
            user__isnull=False,
            user__is_active=True,
            process__is_published=True,
        )
        .exclude(user__email="")
        .select_related("process", "user")
        .prefetch_related("process__phases")
        .order_by("process_id", "pk")
    )
    open_processes: dict[int, bool] = {}
    sent = 0
    for entry in entries:
        process = entry.process
        if process.pk not in open_processes:
            open_processes[process.pk] = selectors.phase_kind_is_open(
                process=process, kind=PhaseKind.VOTING, now=now
            )
        if not open_processes[process.pk]:
            continue
        with transaction.atomic():
            claimed = VoterRollEntry.objects.filter(
                pk=entry.pk, reminder_sent_at__isnull=True, submitted_at__isnull=True
            ).update(reminder_sent_at=now)
        if not claimed:
            continue
        send_vote_reminder(entry=entry, base_url=base_url)
        sent += 1
    return sent


def send_vote_reminder(*, entry: VoterRollEntry, base_url: str) -> None:
    """The reminder, in the voter's own language, with a link back to their ballot."""
    user, process = entry.user, entry.process
    language = user.preferred_language
    with translation.override(language):
        link = base_url.rstrip("/") + reverse(
            "budgeting:vote_start", kwargs={"process_id": process.pk}
        )
        context = {
            "user": user,
            "process": process,
            "voting": voting_phase(process),
            "link": link,
            "site_name": settings.SAMEN_SITE_NAME,
        }
        subject = render_to_string("budgeting/emails/vote_reminder_subject.txt", context)
        body = render_to_string("budgeting/emails/vote_reminder_body.txt", context)
    EmailMessage(" ".join(subject.split()), body, None, [user.email]).send()
