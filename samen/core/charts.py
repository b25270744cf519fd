"""Horizontal bar charts as plain numbers for an SVG template: no JavaScript, no chart library.

Every chart is shown with a table of the same numbers beside it. A bar can be `marked` (for
example a funded project); templates must then show the mark by more than colour alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
BAR_HEIGHT = 24
GAP = 10


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    y: int
    width: float
    text_y: int
    value_x: float
    marked: bool = False


@dataclass(frozen=True)
class BarChart:
    width: int
    height: int
    label_width: int
    bars: list[Bar]


def short(label: str, limit: int = 28) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def horizontal_bars(
    rows: Sequence[tuple[str, int, bool]], *, label_width: int, right: int, width: int = WIDTH
) -> BarChart:
    """One bar per (label, value, marked) row, the largest value filling the plot's width."""
    largest = max((value for _, value, _ in rows), default=0) or 1
    plot = width - label_width - right
    bars = []
    for index, (label, value, marked) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = plot * value / largest
        bars.append(
            Bar(
                label=label,
                value=value,
                y=y,
                width=round(length, 1),
                text_y=y + BAR_HEIGHT // 2,
                value_x=round(label_width + length + 8, 1),
                marked=marked,
            )
        )
    height = GAP + len(bars) * (BAR_HEIGHT + GAP)
    return BarChart(width=width, height=max(height, 2 * GAP), label_width=label_width, bars=bars)
