"""Course certificates as tagged PDFs (PDF/UA), with a verification code and a QR code that
opens the public verification page with the code filled in."""

from pathlib import Path
from urllib.parse import urlencode

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from samen.skills.models_courses import Certificate

STYLESHEET = Path(__file__).resolve().parent / "static" / "skills" / "certificate_pdf.css"


def certificate_pdf(*, certificate: Certificate, verify_url: str, language: str) -> bytes:
    """Render skills/courses/certificate_pdf.html for `certificate`, in `language`."""
    from weasyprint import CSS, HTML  # imported here: it loads Pango, which pages never need

    check_url = f"{verify_url}?{urlencode({'code': certificate.code})}"
    with translation.override(language):
        html = render_to_string(
            "skills/courses/certificate_pdf.html",
            {
                "certificate": certificate,
                "verify_url": verify_url,
                "check_url": check_url,
                "qr": segno.make(check_url, error="m").svg_data_uri(scale=3),
                "language": language,
                "site_name": settings.SAMEN_SITE_NAME,
            },
        )
    document = HTML(string=html)
    stylesheet = CSS(filename=str(STYLESHEET))
    return bytes(document.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1"))
