"""Counts of people, shown so that nobody in a small group can be picked out.

Turnout per group on a results page, answers to the impact survey, the skills picture: a
count of 1 to 4 people could point at someone, so it is shown as "fewer than 5", and a
group of fewer than 5 shows no figures at all.
"""

from django.utils.translation import gettext as _

SMALLEST_GROUP = 5


def count_shown(number: int) -> str:
    """The number, or "fewer than 5" for a group so small it could identify people."""
    if 0 < number < SMALLEST_GROUP:
        return _("fewer than %(n)d") % {"n": SMALLEST_GROUP}
    return str(number)
