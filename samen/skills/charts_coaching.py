"""Horizontal bar charts for the coordinator dashboard, as numbers for an SVG template.

No JavaScript and no chart library; the page shows the same numbers in a table next to it.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from samen.skills.selectors_coaching import Row

WIDTH = 640
LABEL_WIDTH = 220
BAR_HEIGHT = 24
GAP = 10
RIGHT = 56


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float
    text_y: int
    value_x: float


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bars: list[Bar]


def short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def bar_chart(rows: Sequence[Row]) -> BarChart:
    """One bar per row, its length the number of sessions, longest bar filling the width."""
    largest = max((row.sessions for row in rows), default=0) or 1
    plot = WIDTH - LABEL_WIDTH - RIGHT
    bars = []
    for index, row in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = plot * row.sessions / largest
        bars.append(
            Bar(
                label=short(row.label),
                value=row.sessions,
                y=y,
                width=round(width, 1),
                text_y=y + BAR_HEIGHT // 2,
                value_x=round(LABEL_WIDTH + width + 8, 1),
            )
        )
    height = GAP + len(bars) * (BAR_HEIGHT + GAP)
    return BarChart(width=WIDTH, height=max(height, 2 * GAP), label_width=LABEL_WIDTH, bars=bars)
