"""The documented scoring rule in samen.skills.services: answer → level → competence → area."""

import pytest

from samen.skills.models import AnswerScale
from samen.skills.services import (
    HIGHEST_SELF_ASSESSED_LEVEL,
    answer_level,
    area_level,
    competence_level,
)

DK, HELP, OWN, CONF = (
    AnswerScale.DONT_KNOW,
    AnswerScale.WITH_HELP,
    AnswerScale.ON_MY_OWN,
    AnswerScale.CONFIDENTLY,
)


@pytest.mark.parametrize(
    ("statement_level", "answer", "expected"),
    [
        (2, DK, 0),
        (2, HELP, 1),
        (2, OWN, 2),
        (2, CONF, 3),
        (4, DK, 0),
        (4, HELP, 3),
        (4, OWN, 4),
        (4, CONF, 5),
        (6, HELP, 5),
        (6, OWN, 6),
        (6, CONF, 6),  # capped: a self-check never claims level 7 or 8
        (1, HELP, 0),
    ],
)
def test_answer_level_table(statement_level, answer, expected):
    assert answer_level(statement_level=statement_level, answer=answer) == expected


def test_the_cap_is_the_top_of_the_advanced_group():
    assert HIGHEST_SELF_ASSESSED_LEVEL == 6


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ([(2, DK), (4, DK), (6, DK)], 0),
        ([(2, HELP), (4, DK), (6, DK)], 1),
        ([(2, OWN), (4, HELP), (6, DK)], 3),
        ([(2, OWN), (4, OWN), (6, HELP)], 5),
        ([(2, CONF), (4, CONF), (6, CONF)], 6),
        ([(2, CONF), (4, HELP), (6, DK)], 3),  # the highest level shown, not the last one
        ([(2, DK), (4, OWN), (6, OWN)], 0),  # nothing above a gap in the basics counts
        ([(2, OWN), (4, DK), (6, CONF)], 2),
        ([(2, HELP), (4, OWN), (6, OWN)], 1),  # needing help with the basics stops the walk
        ([(2, HELP), (4, HELP), (6, HELP)], 1),
        ([(2, OWN), (4, OWN), (4, DK), (6, OWN)], 2),  # the lower answer of a level goes first
        ([(6, OWN), (2, OWN), (4, OWN)], 6),  # order of the pairs does not matter
        ([], 0),
    ],
)
def test_competence_level_walks_up_and_stops_where_help_is_needed(answers, expected):
    assert competence_level(answers) == expected


@pytest.mark.parametrize(
    ("levels", "expected"),
    [([2, 4, 4], 3), ([6, 6, 5, 5], 5), ([0, 0, 1], 0), ([3], 3), ([], 0), ([1, 2], 1)],
)
def test_area_level_is_the_mean_rounded_down(levels, expected):
    assert area_level(levels) == expected
