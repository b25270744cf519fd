"""Horizontal bar charts for the coordinator dashboard, as numbers for an SVG template.

No JavaScript and no chart library; the page shows the same numbers in a table next to it.
"""

from collections.abc import Sequence

from samen.core.charts import BarChart, horizontal_bars, short
from samen.skills.selectors_coaching import Row

LABEL_WIDTH = 220
RIGHT = 56

__all__ = ["BarChart", "bar_chart", "short"]


def bar_chart(rows: Sequence[Row]) -> BarChart:
    """One bar per row, its length the number of sessions, longest bar filling the width."""
    return horizontal_bars(
        [(short(row.label), row.sessions, False) for row in rows],
        label_width=LABEL_WIDTH,
        right=RIGHT,
    )
