"""Reads for the channels other than online voting."""

from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import QuerySet

from samen.budgeting import ballots
from samen.budgeting.models import Ballot


def ballot_choices(*, ballot: Ballot | None) -> ballots.Choices:
    """A stored ballot back in the choices shape, to start a changed vote from the last one."""
    choices: ballots.Choices = {}
    if ballot is None:
        return choices
    for choice in ballot.choices.all():
        value = choice.rank if choice.rank is not None else choice.points
        choices.setdefault(choice.budget_id, {})[choice.proposal_id] = value
    return choices


PAPER_APP, PAPER_CODENAME = "budgeting", "enter_paper_ballots"


def paper_permission() -> Permission:
    return Permission.objects.get(content_type__app_label=PAPER_APP, codename=PAPER_CODENAME)


def paper_team() -> QuerySet[Any]:
    """Active accounts holding the permission themselves, by name (one query)."""
    return (
        get_user_model()
        .objects.filter(
            user_permissions__content_type__app_label=PAPER_APP,
            user_permissions__codename=PAPER_CODENAME,
            is_active=True,
        )
        .order_by("display_name", "pk")
    )
