"""The impact survey's figures for the coordinator: counts per answer, never per person.

Nothing is shown until 5 people have answered, and an answer given by 1 to 4 of them shows
as "fewer than 5", so a rare answer (the one person over 75 at a small help point) cannot be
picked out.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Choices, Count, QuerySet
from django.utils.translation import gettext as _

from samen.core.small_groups import SMALLEST_GROUP, count_shown
from samen.skills.models_impact import (
    AgeBand,
    Confidence,
    Disability,
    GotHelp,
    ImpactResponse,
    Recommend,
)


@dataclass(frozen=True)
class AnswerRow:
    label: str
    shown: str


@dataclass(frozen=True)
class Question:
    key: str
    title: str
    rows: list[AnswerRow]


@dataclass(frozen=True)
class ImpactSummary:
    since: date
    total: int
    questions: list[Question]
    comments: list[str]

    @property
    def shown(self) -> bool:
        return self.total >= SMALLEST_GROUP


def _question(
    responses: QuerySet[ImpactResponse], key: str, title: str, choices: type[Choices]
) -> Question:
    counts = {row[key]: row["n"] for row in responses.values(key).annotate(n=Count("pk"))}
    rows = [
        AnswerRow(str(label), count_shown(counts.get(value, 0))) for value, label in choices.choices
    ]
    if key in ("age_band", "disability"):
        rows.append(AnswerRow(_("Not answered"), count_shown(counts.get("", 0))))
    return Question(key, title, rows)


def impact_summary(*, since: date) -> ImpactSummary:
    """The answers given for visits in the month of `since` and later."""
    responses = ImpactResponse.objects.filter(month__gte=since.replace(day=1))
    total = responses.count()
    if total < SMALLEST_GROUP:
        return ImpactSummary(since=since, total=total, questions=[], comments=[])
    questions = [
        _question(responses, "got_help", _("Did they get the help they came for?"), GotHelp),
        _question(
            responses,
            "confidence",
            _("How sure are they that they can do it on their own next time?"),
            Confidence,
        ),
        _question(responses, "recommend", _("Would they tell a friend to come?"), Recommend),
        _question(responses, "age_band", _("Age"), AgeBand),
        _question(
            responses, "disability", _("Disability or long-term health condition"), Disability
        ),
    ]
    comments = list(
        responses.exclude(comment="").order_by("-created_at").values_list("comment", flat=True)[:20]
    )
    return ImpactSummary(since=since, total=total, questions=questions, comments=comments)
