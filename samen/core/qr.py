"""QR codes shown on a page: inline SVG (no image request, no inline style), labelled for
screen readers."""

import segno
from django.utils.html import escape


def qr_svg(data: str, label: str) -> str:
    svg = segno.make(data, error="m").svg_inline(
        scale=4, border=4, title=label, svgclass="qr", lineclass=None, omitsize=True
    )
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)
