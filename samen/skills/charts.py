"""The progress chart as plain numbers for an SVG template: no JavaScript, no chart library.

One line per area, its level (0 to 6) at each finished assessment. Lines differ by colour,
dash pattern and marker shape, so they can be told apart without colour; the page shows the
same numbers in a table.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import date_format

from samen.skills.models import Assessment
from samen.skills.services import HIGHEST_SELF_ASSESSED_LEVEL

WIDTH, HEIGHT = 640, 320
LEFT, RIGHT, TOP, BOTTOM = 56, 24, 16, 48
MARKER = 6
# Colours with at least 3:1 contrast on white (WCAG 1.4.11), with a dash and a shape each.
STYLES = (
    ("#0b5394", "", "circle"),
    ("#b3261e", "8 4", "square"),
    ("#1e6b34", "2 4", "triangle"),
    ("#6a3d9a", "10 4 2 4", "diamond"),
    ("#8a4b00", "4 4", "cross"),
)


@dataclass(frozen=True)
class Point:
    x: float
    y: float
    level: int


@dataclass
class Series:
    number: int
    title: str
    colour: str
    dash: str
    shape: str
    points: list[Point] = field(default_factory=list)

    @property
    def line(self) -> str:
        """The polyline's points attribute."""
        return " ".join(f"{p.x:.1f},{p.y:.1f}" for p in self.points)

    @property
    def markers(self) -> list[str]:
        """One SVG path per point, in this series' shape."""
        return [marker_path(self.shape, p.x, p.y) for p in self.points]

    @property
    def sample_marker(self) -> str:
        return marker_path(self.shape, 20, 10)


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    bottom: int
    y_ticks: list[Tick]
    x_ticks: list[Tick]
    series: list[Series]


def marker_path(shape: str, x: float, y: float, r: float = MARKER) -> str:
    if shape == "square":
        return f"M{x - r:.1f},{y - r:.1f}h{2 * r:.1f}v{2 * r:.1f}h{-2 * r:.1f}z"
    if shape == "triangle":
        return f"M{x:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}L{x - r:.1f},{y + r:.1f}z"
    if shape == "diamond":
        return f"M{x:.1f},{y - r:.1f}L{x + r:.1f},{y:.1f}L{x:.1f},{y + r:.1f}L{x - r:.1f},{y:.1f}z"
    if shape == "cross":
        return (
            f"M{x - r:.1f},{y - r:.1f}L{x + r:.1f},{y + r:.1f}"
            f"M{x + r:.1f},{y - r:.1f}L{x - r:.1f},{y + r:.1f}"
        )
    arc = f"a{r:.1f},{r:.1f} 0 1,0"
    return f"M{x - r:.1f},{y:.1f}{arc} {2 * r:.1f},0{arc} {-2 * r:.1f},0"


def progress_chart(assessments: Sequence[Assessment], titles: dict[int, str]) -> Chart:
    """Assessments oldest first, with `area_results` prefetched; `titles` by area number."""
    plot_width = WIDTH - LEFT - RIGHT
    plot_height = HEIGHT - TOP - BOTTOM
    count = len(assessments)

    def x_at(index: int) -> float:
        if count == 1:
            return LEFT + plot_width / 2
        return LEFT + plot_width * index / (count - 1)

    def y_at(level: int) -> float:
        return TOP + plot_height * (1 - level / HIGHEST_SELF_ASSESSED_LEVEL)

    series = {
        number: Series(number, title, *STYLES[(number - 1) % len(STYLES)])
        for number, title in sorted(titles.items())
    }
    x_ticks = []
    for index, assessment in enumerate(assessments):
        when = date_format(timezone.localtime(assessment.submitted_at), "SHORT_DATE_FORMAT")
        x_ticks.append(Tick(x_at(index), when))
        for result in assessment.area_results.all():
            line = series.get(result.area.number)
            if line is not None:
                line.points.append(Point(x_at(index), y_at(result.level), result.level))
    y_ticks = [Tick(y_at(level), str(level)) for level in range(HIGHEST_SELF_ASSESSED_LEVEL + 1)]
    return Chart(
        width=WIDTH,
        height=HEIGHT,
        left=LEFT,
        right=WIDTH - RIGHT,
        bottom=HEIGHT - BOTTOM,
        y_ticks=y_ticks,
        x_ticks=x_ticks,
        series=list(series.values()),
    )
