"""A budget's votes per project as a horizontal bar chart (samen.core.charts), with funded
projects marked by a tick in their label and a solid fill, not by colour alone; the page
shows the same numbers in a table."""

from collections.abc import Sequence

from samen.core.charts import BarChart, horizontal_bars, short

LABEL_WIDTH = 250
RIGHT = 64


def votes_chart(rows: Sequence[tuple[str, int, bool]]) -> BarChart:
    """One bar per (title, votes, funded) row, the most votes filling the width."""
    return horizontal_bars(
        [
            (("✓ " if funded else "") + short(title, 30), votes, funded)
            for title, votes, funded in rows
        ],
        label_width=LABEL_WIDTH,
        right=RIGHT,
    )
