"""Reads for the channels other than online voting."""

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
