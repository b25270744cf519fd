"""Accessible printed letters, after Rotterdam's picture letters: large type, one idea a line.

`letter_render_pdf` turns a letter kind, a name and the facts into a PDF (WeasyPrint), with a
QR code (segno) wherever the reader has to go to a web page, so nobody has to type a URL.
Rendering happens in the letter's language, not the organiser's.
"""

import base64
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import segno
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

LETTER_PICTOGRAMS = (
    "vote",
    "calendar",
    "phone",
    "computer",
    "code",
    "lock",
    "helper",
    "place",
    "bag",
    "question",
)
PICTOGRAMS = Path(__file__).resolve().parent / "static" / "inclusion" / "pictograms"
MAX_TEXT = 200


class LetterKind(models.TextChoices):
    VOTING_INVITATION = "voting_invitation", _("Invitation to vote")
    COURSE_INVITATION = "course_invitation", _("Invitation to a course or help session")


# Facts each kind needs, and the type each must have.
REQUIRED: dict[str, dict[str, type | tuple[type, ...]]] = {
    LetterKind.VOTING_INVITATION: {"voting_code": str, "vote_url": str},
    LetterKind.COURSE_INVITATION: {"title": str, "starts_at": datetime},
}
OPTIONAL: dict[str, dict[str, type | tuple[type, ...]]] = {
    LetterKind.VOTING_INVITATION: {"process_title": str, "closes_on": (date, datetime)},
    LetterKind.COURSE_INVITATION: {"place": str, "bring": str, "url": str},
}


def voting_link(*, vote_url: str, voting_code: str) -> str:
    """The voting page's URL with the code added as `code`, so a scan fills it in."""
    parts = urlsplit(vote_url)
    query = [(key, value) for key, value in parse_qsl(parts.query) if key != "code"]
    query.append(("code", voting_code))
    return urlunsplit(parts._replace(query=urlencode(query)))


def qr_data_uri(url: str) -> str:
    """An SVG QR code as a data URI; medium error correction survives a crease or a stain."""
    return str(segno.make(url, error="m", micro=False).svg_data_uri(border=4, dark="#000000"))


@cache
def pictogram_data_uri(name: str) -> str:
    svg = (PICTOGRAMS / f"{name}.svg").read_bytes()
    return "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")


def _data_only_fetcher() -> Any:
    """A fetcher for the inlined pictures and QR code only: no files and no network, whatever
    a letter's text might contain."""
    from weasyprint import URLFetcher

    return URLFetcher(allowed_protocols={"data"})


def _check(kind: str, recipient_name: str, language: str, context: Mapping[str, Any]) -> None:
    if kind not in LetterKind.values:
        raise ValidationError("Unknown letter kind %(kind)s.", params={"kind": kind})
    if language not in dict(settings.LANGUAGES):
        raise ValidationError("Unknown language %(language)s.", params={"language": language})
    if not recipient_name.strip() or len(recipient_name) > MAX_TEXT:
        raise ValidationError("The recipient's name must have 1 to 200 characters.")
    for name, expected in REQUIRED[kind].items():
        if not isinstance(context.get(name), expected) or context.get(name) in ("", None):
            raise ValidationError("The letter needs %(name)s.", params={"name": name})
    for name, expected in OPTIONAL[kind].items():
        if name in context and not isinstance(context[name], expected):
            raise ValidationError("%(name)s has the wrong type.", params={"name": name})
    for name in ("vote_url", "url"):
        if name in context and not str(context[name]).startswith(("https://", "http://")):
            raise ValidationError("%(name)s must be a web address.", params={"name": name})
    unknown = set(context) - set(REQUIRED[kind]) - set(OPTIONAL[kind])
    if unknown:
        raise ValidationError("Unknown facts: %(names)s.", params={"names": sorted(unknown)})


def letter_render_pdf(
    *, kind: str, recipient_name: str, language: str, context: Mapping[str, Any]
) -> bytes:
    """The letter as PDF bytes. Raises ValidationError (in English, for developers) on bad facts.

    Voting invitation: `voting_code` and `vote_url` (the voting-code model arrives with
    budgeting; it passes them in), optionally `process_title` and `closes_on`.
    Course or help-session invitation: `title` and `starts_at`, optionally `place`, `bring`
    and `url`.
    """
    return bytes(
        letter_document(
            kind=kind, recipient_name=recipient_name, language=language, context=context
        ).write_pdf(pdf_variant="pdf/ua-1")
    )


def letters_render_pdf(*, letters: Iterable[Mapping[str, Any]]) -> bytes:
    """Many letters in one PDF, each starting on its own page (for a mail run).

    Each item holds the keyword arguments of `letter_render_pdf`.
    """
    documents = [letter_document(**letter) for letter in letters]
    if not documents:
        raise ValidationError("There are no letters to render.")
    pages = [page for document in documents for page in document.pages]
    return bytes(documents[0].copy(pages).write_pdf(pdf_variant="pdf/ua-1"))


def letter_document(
    *, kind: str, recipient_name: str, language: str, context: Mapping[str, Any]
) -> Any:
    """The letter laid out by WeasyPrint (a `weasyprint.Document`), checked as above."""
    # Imported here: WeasyPrint loads Pango, which pages never need.
    from weasyprint import HTML

    _check(kind, recipient_name, language, context)
    facts = dict(context)
    if kind == LetterKind.VOTING_INVITATION:
        facts["qr_url"] = voting_link(vote_url=facts["vote_url"], voting_code=facts["voting_code"])
    elif facts.get("url"):
        facts["qr_url"] = facts["url"]
    if facts.get("qr_url"):
        facts["qr"] = qr_data_uri(facts["qr_url"])
    with translation.override(language):
        html = render_to_string(
            f"inclusion/letters/{kind}.html",
            {
                "recipient_name": recipient_name.strip(),
                "facts": facts,
                "pictograms": {name: pictogram_data_uri(name) for name in LETTER_PICTOGRAMS},
                "site_name": settings.SAMEN_SITE_NAME,
                "help_email": settings.SAMEN_HELP_EMAIL,
                "help_phone": settings.SAMEN_HELP_PHONE,
                "language": language,
            },
        )
    return HTML(string=html, url_fetcher=_data_only_fetcher()).render(pdf_variant="pdf/ua-1")


SAMPLE_RECIPIENT = "Sam Jansen"
SAMPLE_VOTING_CODE = "K7QX-MP4R"


def sample_letter(*, kind: str, language: str, base_url: str) -> dict[str, Any]:
    """The arguments for a sample letter of `kind`: made-up facts, in the letter's language."""
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone

    now = timezone.localtime()
    with translation.override(language):
        if kind == LetterKind.VOTING_INVITATION:
            context: dict[str, Any] = {
                "voting_code": SAMPLE_VOTING_CODE,
                "vote_url": base_url.rstrip("/") + reverse("budgeting:process_list"),
                "process_title": str(_("Sample neighbourhood budget")),
                "closes_on": (now + timedelta(days=21)).date(),
            }
        else:
            starts = (now + timedelta(days=7)).replace(hour=10, minute=0, second=0, microsecond=0)
            context = {
                "title": str(_("Video calls on your phone")),
                "starts_at": starts,
                "place": str(_("The library, first floor")),
                "bring": str(_("your phone and its charger")),
                "url": base_url.rstrip("/") + reverse("inclusion:easy_read_how_to_get_help"),
            }
    return {"recipient_name": SAMPLE_RECIPIENT, "context": context}
