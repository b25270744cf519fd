"""Background work for delivery: emailing the followers of a project about a status update."""

from django.conf import settings
from django.core import signing
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from samen.budgeting.models import ProjectFollow, StatusUpdate

UNFOLLOW_SALT = "samen.budgeting.unfollow"


def unfollow_token(follow: ProjectFollow) -> str:
    """A signed reference to one follow, so the email's link works without logging in."""
    return signing.dumps(follow.pk, salt=UNFOLLOW_SALT)


def follow_for_token(token: str) -> ProjectFollow | None:
    try:
        follow_id = signing.loads(token, salt=UNFOLLOW_SALT)
    except signing.BadSignature:
        return None
    if not isinstance(follow_id, int):
        return None
    return ProjectFollow.objects.select_related("proposal__process").filter(pk=follow_id).first()


def _link(base_url: str, language: str, name: str, **kwargs: object) -> str:
    with translation.override(language):
        return base_url.rstrip("/") + reverse(name, kwargs=kwargs)


def send_status_update_email(*, update: StatusUpdate, follow: ProjectFollow, base_url: str) -> None:
    person = follow.user
    proposal = update.proposal
    language = person.preferred_language
    context = {
        "person": person,
        "update": update,
        "proposal": proposal,
        "process": proposal.process,
        "site_name": settings.SAMEN_SITE_NAME,
        "project_url": _link(
            base_url,
            language,
            "budgeting:delivery_project",
            process_id=proposal.process_id,
            proposal_id=proposal.pk,
        ),
        "unfollow_url": _link(
            base_url, language, "budgeting:delivery_unfollow", token=unfollow_token(follow)
        ),
    }
    with translation.override(language):
        subject = render_to_string("budgeting/delivery/emails/update_subject.txt", context)
        body = render_to_string("budgeting/delivery/emails/update_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [person.email])


@task()
def status_update_notify(*, update_id: int, base_url: str) -> int:
    """Email each active follower of the update's project; returns how many were sent."""
    update = StatusUpdate.objects.select_related("proposal__process").filter(pk=update_id).first()
    if update is None:
        return 0
    follows = (
        ProjectFollow.objects.filter(proposal=update.proposal, user__is_active=True)
        .select_related("user")
        .order_by("id")
    )
    sent = 0
    for follow in follows.iterator(chunk_size=500):
        send_status_update_email(update=update, follow=follow, base_url=base_url)
        sent += 1
    return sent
