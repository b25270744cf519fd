"""What the result pages say about a level: its group, its meaning, and what to do next."""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samen.skills import selectors
from samen.skills.framework_text import translated
from samen.skills.models import FrameworkVersion, LevelGroup
from samen.skills.selectors import AreaLine

# An area below this level gets a suggestion of its own on the result page.
WEAK_BELOW = 3
NOT_YET = _("You are just starting here. Everyone starts somewhere, and a Digicoach can help.")


@dataclass(frozen=True)
class LevelExplanation:
    number: int
    group: str | Promise
    text: str | Promise


def level_explanations(*, version: FrameworkVersion) -> dict[int, LevelExplanation]:
    """Level number → its group and plain meaning; 0 is "not yet at level 1"."""
    explanations: dict[int, LevelExplanation] = {
        0: LevelExplanation(0, _("Not yet at level 1"), NOT_YET)
    }
    for number, level in selectors.levels(version=version).items():
        explanations[number] = LevelExplanation(
            number, LevelGroup(level.group).label, translated(level.description)
        )
    return explanations


def weak_areas(lines: list[AreaLine]) -> list[AreaLine]:
    return [line for line in lines if line.level < WEAK_BELOW]
