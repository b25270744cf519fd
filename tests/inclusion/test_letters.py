"""Printed letters: a real PDF, rendered to PNG with pdftoppm, whose QR code zbarimg decodes."""

import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from samen.inclusion.letters import (
    SAMPLE_VOTING_CODE,
    _data_only_fetcher,
    letter_render_pdf,
    voting_link,
)

TOOLS = ("pdftoppm", "pdftotext", "pdfinfo", "zbarimg")
needs_tools = pytest.mark.skipif(
    any(shutil.which(tool) is None for tool in TOOLS),
    reason="needs Debian's poppler-utils and zbar-tools (apt-get install poppler-utils zbar-tools)",
)
VOTE_URL = "https://lindeveld.example/nl/budgeting/3/vote/"
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def pages_as_png(pdf: bytes, folder: Path) -> list[Path]:
    (folder / "letter.pdf").write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", folder / "letter.pdf", folder / "page"], check=True
    )
    return sorted(folder.glob("page*.png"))


def qr_codes(png: Path) -> list[str]:
    """Every QR code zbarimg finds on the page; exit status 4 means it found none."""
    result = subprocess.run(
        ["zbarimg", "--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", png],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 4), result.stderr
    return result.stdout.splitlines()


def pdf_text(pdf: bytes, folder: Path) -> str:
    (folder / "text.pdf").write_bytes(pdf)
    result = subprocess.run(
        ["pdftotext", "-layout", folder / "text.pdf", "-"], capture_output=True, check=True
    )
    return " ".join(result.stdout.decode().split())


def pdf_info(pdf: bytes, folder: Path) -> dict[str, str]:
    (folder / "info.pdf").write_bytes(pdf)
    result = subprocess.run(["pdfinfo", folder / "info.pdf"], capture_output=True, check=True)
    lines = [line.partition(":") for line in result.stdout.decode().splitlines()]
    return {key: value.strip() for key, _colon, value in lines}


def voting_letter(**extra: object) -> bytes:
    context = {"voting_code": "K7QX-MP4R", "vote_url": VOTE_URL, **extra}
    return letter_render_pdf(
        kind="voting_invitation", recipient_name="Ria de Vries", language="nl", context=context
    )


@needs_tools
def test_a_voting_letter_decodes_to_the_voting_page_with_the_code(tmp_path):
    pdf = voting_letter(process_title="Wijkbudget Centrum", closes_on=date(2027, 3, 14))

    pages = pages_as_png(pdf, tmp_path)

    assert pdf.startswith(b"%PDF-")
    assert len(pages) == 1  # one sheet of paper
    assert qr_codes(pages[0]) == ["https://lindeveld.example/nl/budgeting/3/vote/?code=K7QX-MP4R"]
    text = pdf_text(pdf, tmp_path)
    assert "Ria de Vries" in text
    assert "K7QX-MP4R" in text
    assert VOTE_URL in text
    assert "Wijkbudget Centrum" in text
    assert "14 maart 2027" in text  # dates in the letter's language
    info = pdf_info(pdf, tmp_path)
    assert (info["Pages"], info["Tagged"]) == ("1", "yes")  # PDF/UA: screen readers can read it


@needs_tools
def test_a_course_invitation_with_a_link_carries_its_qr_code(tmp_path):
    pdf = letter_render_pdf(
        kind="course_invitation",
        recipient_name="Kees Mulder",
        language="de",
        context={
            "title": "Videoanrufe am Handy",
            "starts_at": datetime(2027, 3, 14, 10, 0, tzinfo=AMSTERDAM),
            "place": "Bibliothek",
            "bring": "Ihr Handy",
            "url": "https://lindeveld.example/de/skills/",
        },
    )

    pages = pages_as_png(pdf, tmp_path)

    assert len(pages) == 1
    assert qr_codes(pages[0]) == ["https://lindeveld.example/de/skills/"]
    text = pdf_text(pdf, tmp_path)
    assert "Videoanrufe am Handy" in text
    assert "14. März 2027" in text
    assert "10:00" in text


@needs_tools
def test_a_course_invitation_without_a_link_has_no_qr_code(tmp_path):
    pdf = letter_render_pdf(
        kind="course_invitation",
        recipient_name="Kees Mulder",
        language="en",
        context={
            "title": "Help session",
            "starts_at": datetime(2027, 3, 14, 14, 30, tzinfo=AMSTERDAM),
        },
    )

    assert qr_codes(pages_as_png(pdf, tmp_path)[0]) == []


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "http://127.0.0.1:8773/", "https://example.org/x.png"]
)
def test_letters_load_nothing_but_their_inlined_pictures(url):
    with pytest.raises(ValueError, match="disallowed protocol"):
        _data_only_fetcher().fetch(url)


def test_the_voting_link_keeps_the_query_and_replaces_any_code():
    assert voting_link(
        vote_url="https://x.example/vote/?lang=nl&code=OLD", voting_code="AB 12"
    ) == ("https://x.example/vote/?lang=nl&code=AB+12")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"kind": "ballot"}, "Unknown letter kind ballot."),
        ({"language": "sv"}, "Unknown language sv."),
        ({"recipient_name": "  "}, "The recipient's name must have 1 to 200 characters."),
        ({"context": {"vote_url": VOTE_URL}}, "The letter needs voting_code."),
        ({"context": {"voting_code": 1234, "vote_url": VOTE_URL}}, "The letter needs voting_code."),
        (
            {"context": {"voting_code": "A", "vote_url": VOTE_URL, "closes_on": "soon"}},
            "closes_on has the wrong type.",
        ),
        (
            {"context": {"voting_code": "A", "vote_url": VOTE_URL, "colour": "red"}},
            "Unknown facts: ['colour'].",
        ),
        (
            {"context": {"voting_code": "A", "vote_url": "javascript:alert(1)"}},
            "vote_url must be a web address.",
        ),
    ],
)
def test_bad_letter_facts_are_refused(arguments, message):
    call = {
        "kind": "voting_invitation",
        "recipient_name": "Ria",
        "language": "en",
        "context": {"voting_code": "A", "vote_url": VOTE_URL},
        **arguments,
    }

    with pytest.raises(ValidationError) as error:
        letter_render_pdf(**call)

    assert error.value.messages == [message]


# --------------------------------------------------------------------------- the sample page

SAMPLE = reverse("inclusion:letter_sample")


@needs_tools
@pytest.mark.django_db
def test_an_organiser_downloads_a_sample_voting_letter(organiser_client, tmp_path):
    response = organiser_client.post(SAMPLE, {"kind": "voting_invitation", "language": "nl"})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        'attachment; filename="sample-voting-invitation-nl.pdf"'
    )
    pages = pages_as_png(response.content, tmp_path)
    assert qr_codes(pages[0]) == [f"http://testserver/nl/budgeting/?code={SAMPLE_VOTING_CODE}"]


@pytest.mark.django_db
def test_an_organiser_sees_the_sample_letter_form(organiser_client):
    response = organiser_client.get(SAMPLE)

    assert response.status_code == 200
    assert "Download the sample letter (PDF)" in response.content.decode()


@pytest.mark.django_db
def test_a_resident_cannot_download_sample_letters(resident_client):
    response = resident_client.post(SAMPLE, {"kind": "voting_invitation", "language": "nl"})

    assert response.status_code == 403
