"""The impact survey: one-time links that coaches hand out, and the anonymous answers.

A link is signed, not stored: it carries the help point, the month and a random part, so
the answer can be counted per place and month, never tied to a visit or a person.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from samen.skills.models_coaching import HelpPoint
from samen.skills.models_impact import ImpactResponse

SALT = "samen.skills.impact-survey"
LINK_DAYS = 60


@dataclass(frozen=True)
class SurveyLink:
    help_point: HelpPoint | None
    month: date


def survey_link_make(*, help_point: HelpPoint | None, on: date | None = None) -> str:
    """A new one-time survey link (its token) for someone who was just helped."""
    day = on or timezone.localdate()
    payload = {
        "p": help_point.pk if help_point is not None else 0,
        "m": day.strftime("%Y-%m"),
        "n": secrets.token_urlsafe(9),
    }
    return signing.dumps(payload, salt=SALT, compress=True)


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _used() -> ValidationError:
    return ValidationError(
        _("This survey link has been used already. Thank you for your answers."), code="used"
    )


def _decode(token: str) -> SurveyLink:
    """What a survey link says, checked against its signature and age (no database)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=timedelta(days=LINK_DAYS))
    except signing.SignatureExpired:
        raise ValidationError(
            _("This survey link is more than %(days)d days old, so it cannot be used any more.")
            % {"days": LINK_DAYS},
            code="expired",
        ) from None
    except signing.BadSignature:
        raise _incomplete() from None
    try:
        year, month = (int(part) for part in str(payload["m"]).split("-"))
        help_point_id = int(payload["p"])
        first = date(year, month, 1)
    except (KeyError, TypeError, ValueError):
        raise _incomplete() from None
    place = HelpPoint.objects.filter(pk=help_point_id).first() if help_point_id else None
    return SurveyLink(help_point=place, month=first)


def _incomplete() -> ValidationError:
    return ValidationError(
        _("This survey link is not complete. Check that you copied all of it."),
        code="bad_link",
    )


def survey_link_read(*, token: str) -> SurveyLink:
    """What a survey link says; ValidationError, in words for the person, if it cannot be
    used: not a real link, too old, or answered already."""
    link = _decode(token)
    if ImpactResponse.objects.filter(link_hash=_hash(token)).exists():
        raise _used()
    return link


def survey_submit(*, token: str, answers: dict[str, Any]) -> ImpactResponse:
    """Store one anonymous answer to the survey; a link is answered once (the unique hash
    decides, so two answers sent at the same moment cannot both count)."""
    link = _decode(token)
    response = ImpactResponse(
        help_point=link.help_point,
        month=link.month,
        link_hash=_hash(token),
        got_help=answers["got_help"],
        confidence=answers["confidence"],
        recommend=answers["recommend"],
        age_band=answers.get("age_band", ""),
        disability=answers.get("disability", ""),
        comment=answers.get("comment", ""),
    )
    response.full_clean(exclude=["link_hash"])
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:  # the same link sent twice at once
        raise _used() from None
    return response
