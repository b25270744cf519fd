"""Reads for inclusion: the jargon list, for editors' hints and for its management page."""

from django.db.models import QuerySet
from django.db.models.functions import Lower

from samen.inclusion.models import JargonTerm


def jargon_pairs(*, language: str) -> list[tuple[str, str]]:
    """(term, suggestion) pairs for one language, longest terms first so phrases win."""
    rows = JargonTerm.objects.filter(language=language).values_list("term", "suggestion")
    return sorted(rows, key=lambda row: (-len(row[0]), row[0].lower()))


def jargon_terms(*, language: str = "") -> QuerySet[JargonTerm]:
    """The list as organisers manage it: by language, then alphabetically; one language if given."""
    terms = JargonTerm.objects.order_by("language", Lower("term"))
    if language:
        terms = terms.filter(language=language)
    return terms
