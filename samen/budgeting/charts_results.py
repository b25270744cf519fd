"""A budget's votes per project as a horizontal bar chart: numbers for an SVG template.

No JavaScript and no chart library (the house pattern of samen/skills/charts*.py): the page
shows the same numbers in a table next to it. Funded projects differ from the others by fill
pattern and by a tick in their label, not by colour alone.
"""

from collections.abc import Sequence
from dataclasses import dataclass

WIDTH = 640
LABEL_WIDTH = 250
BAR_HEIGHT = 24
GAP = 10
RIGHT = 64


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    funded: bool
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


def short(label: str, limit: int = 30) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def votes_chart(rows: Sequence[tuple[str, int, bool]]) -> BarChart:
    """One bar per (title, votes, funded) row, the most votes filling the width."""
    largest = max((votes for _, votes, _ in rows), default=0) or 1
    plot = WIDTH - LABEL_WIDTH - RIGHT
    bars = []
    for index, (title, votes, funded) in enumerate(rows):
        y = GAP + index * (BAR_HEIGHT + GAP)
        width = plot * votes / largest
        bars.append(
            Bar(
                label=("✓ " if funded else "") + short(title),
                value=votes,
                funded=funded,
                y=y,
                width=round(width, 1),
                text_y=y + BAR_HEIGHT // 2,
                value_x=round(LABEL_WIDTH + width + 8, 1),
            )
        )
    height = GAP + len(bars) * (BAR_HEIGHT + GAP)
    return BarChart(width=WIDTH, height=max(height, 2 * GAP), label_width=LABEL_WIDTH, bars=bars)
