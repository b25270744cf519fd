"""The progress chart's geometry: one line per area, levels on the y axis, one tick per date."""

import pytest

from samen.skills import selectors
from samen.skills.charts import HEIGHT, LEFT, TOP, WIDTH, marker_path, progress_chart
from samen.skills.models import AnswerScale
from tests.factories import UserFactory
from tests.skills.factories import AssessmentFactory

pytestmark = pytest.mark.django_db
BOTTOM_Y = 272.0  # HEIGHT - BOTTOM: level 0
TOP_Y = float(TOP)  # level 6


def titles() -> dict[int, str]:
    areas = selectors.framework_areas(version=selectors.current_version())
    return {area.number: area.title for area in areas}


def test_one_assessment_sits_in_the_middle_with_a_marker_per_area():
    assessment = AssessmentFactory(answer=AnswerScale.CONFIDENTLY, submitted=True)
    assessments = list(selectors.submitted_assessments(user=assessment.user))

    chart = progress_chart(assessments, titles())

    middle = LEFT + (WIDTH - LEFT - 24) / 2
    assert (chart.width, chart.height) == (WIDTH, HEIGHT)
    assert [tick.label for tick in chart.y_ticks] == ["0", "1", "2", "3", "4", "5", "6"]
    assert [tick.position for tick in chart.x_ticks] == [middle]
    assert [[(p.x, p.y, p.level) for p in s.points] for s in chart.series] == [
        [(middle, TOP_Y, 6)]
    ] * 5
    assert [s.shape for s in chart.series] == ["circle", "square", "triangle", "diamond", "cross"]


def test_two_assessments_span_the_plot_from_left_to_right():
    user = UserFactory()
    AssessmentFactory(user=user, answer=AnswerScale.DONT_KNOW, submitted=True)
    AssessmentFactory(user=user, answer=AnswerScale.ON_MY_OWN, submitted=True)

    chart = progress_chart(list(selectors.submitted_assessments(user=user)), titles())

    assert chart.series[0].line == f"{LEFT:.1f},{BOTTOM_Y:.1f} {WIDTH - 24:.1f},{TOP_Y:.1f}"
    assert len(chart.series[0].markers) == 2


def test_marker_shapes_are_closed_paths_or_a_cross():
    assert marker_path("square", 10, 10, 2) == "M8.0,8.0h4.0v4.0h-4.0z"
    assert marker_path("triangle", 10, 10, 2) == "M10.0,8.0L12.0,12.0L8.0,12.0z"
    assert marker_path("cross", 10, 10, 2) == "M8.0,8.0L12.0,12.0M12.0,8.0L8.0,12.0"
    assert marker_path("circle", 10, 10, 2).startswith("M8.0,10.0a2.0,2.0 0 1,0 4.0,0")
