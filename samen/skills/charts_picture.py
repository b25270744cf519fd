"""The skills picture's heatmap as numbers for an SVG template: a row per department, a column
per DigComp area, each cell shaded by the mean level and carrying the number itself.

Shade is never the only carrier: every cell prints its value, and the page shows the same
figures in a table. Cells of groups under five people are left blank with a dash.
"""

from dataclasses import dataclass
from decimal import Decimal

from samen.skills.charts_coaching import short
from samen.skills.selectors_picture import Picture

LABEL_WIDTH = 200
CELL_WIDTH = 84
CELL_HEIGHT = 36
HEADER = 40
GAP = 2
# Light to dark by whole level 0-6; dark text on the light shades, white on the dark ones,
# each pair at least 4.5:1 (WCAG 1.4.3).
SHADES = (
    ("#f3f7fb", "#1b1b1b"),
    ("#dbe8f5", "#1b1b1b"),
    ("#b7d2ec", "#1b1b1b"),
    ("#8db7e0", "#1b1b1b"),
    ("#2f6fae", "#ffffff"),
    ("#1d4f85", "#ffffff"),
    ("#0b2f55", "#ffffff"),
)
HIDDEN = ("#ffffff", "#1b1b1b")


@dataclass(frozen=True)
class HeatCell:
    x: int
    y: int
    fill: str
    text_colour: str
    value: Decimal | None  # printed in the cell; a dash when None
    text_x: int
    text_y: int


@dataclass(frozen=True)
class HeatRow:
    label: str
    text_y: int
    cells: list[HeatCell]


@dataclass(frozen=True)
class Column:
    label: str
    x: int


@dataclass(frozen=True)
class Heatmap:
    width: int
    height: int
    label_width: int
    header_y: int
    cell_width: int
    cell_height: int
    columns: list[Column]
    rows: list[HeatRow]


def shade(mean: Decimal | None) -> tuple[str, str]:
    if mean is None:
        return HIDDEN
    return SHADES[max(0, min(int(mean), len(SHADES) - 1))]


def heatmap(picture: Picture) -> Heatmap:
    columns = [
        Column(str(area.number), LABEL_WIDTH + index * CELL_WIDTH + CELL_WIDTH // 2)
        for index, area in enumerate(picture.areas)
    ]
    rows = []
    for number, row in enumerate(picture.rows):
        y = HEADER + number * (CELL_HEIGHT + GAP)
        cells = []
        for index, cell in enumerate(row.cells):
            x = LABEL_WIDTH + index * CELL_WIDTH
            fill, colour = shade(cell.mean)
            cells.append(
                HeatCell(
                    x=x,
                    y=y,
                    fill=fill,
                    text_colour=colour,
                    value=cell.mean,
                    text_x=x + CELL_WIDTH // 2,
                    text_y=y + CELL_HEIGHT // 2,
                )
            )
        rows.append(HeatRow(short(row.label, 26), y + CELL_HEIGHT // 2, cells))
    width = LABEL_WIDTH + CELL_WIDTH * len(columns) + GAP
    height = HEADER + len(rows) * (CELL_HEIGHT + GAP)
    return Heatmap(
        width=width,
        height=height,
        label_width=LABEL_WIDTH,
        header_y=HEADER // 2,
        cell_width=CELL_WIDTH - GAP,
        cell_height=CELL_HEIGHT,
        columns=columns,
        rows=rows,
    )
