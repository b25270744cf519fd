"""Money as integer minor units (cents): parsing form input and formatting for the locale."""

from decimal import ROUND_HALF_UP, Decimal

from django.utils.formats import number_format
from django.utils.translation import gettext as _

MINOR_PER_MAJOR = 100  # every currency we offer (EUR, GBP, DKK, CHF, PLN) has 2 decimals


def to_minor(amount: Decimal) -> int:
    return int((amount * MINOR_PER_MAJOR).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_major(minor: int) -> Decimal:
    return Decimal(minor) / MINOR_PER_MAJOR


def format_money(minor: int | None, currency: str) -> str:
    """ "EUR 12,500" in English, "EUR 12.500" in Dutch; cents only where there are any."""
    if minor is None:
        return ""
    places = 0 if minor % MINOR_PER_MAJOR == 0 else 2
    amount = number_format(to_major(minor), decimal_pos=places, use_l10n=True, force_grouping=True)
    return _("%(currency)s %(amount)s") % {"currency": currency, "amount": amount}
