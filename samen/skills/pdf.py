"""The self-assessment result as a tagged PDF (PDF/UA), so it can be kept, printed or shared."""

from pathlib import Path
from typing import Any

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

STYLESHEET = Path(__file__).resolve().parent / "static" / "skills" / "result_pdf.css"


def result_pdf(*, context: dict[str, Any], language: str) -> bytes:
    """Render skills/result_pdf.html with the result page's context, in `language`."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which pages never need

    with translation.override(language):
        html = render_to_string(
            "skills/result_pdf.html",
            {**context, "language": language, "site_name": settings.SAMEN_SITE_NAME},
        )
    document = HTML(string=html)
    stylesheet = CSS(filename=str(STYLESHEET))
    return bytes(document.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1"))
