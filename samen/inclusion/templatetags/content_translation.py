"""`{% translated obj "title" %}`: a field in the current language, falling back with `lang`."""

from collections.abc import Iterable
from typing import Any

from django import template
from django.db.models import Model

from samen.inclusion.translation import TranslatedText, translated_text, translations_prefetch

register = template.Library()


@register.simple_tag
def translated(obj: Any, field: str) -> TranslatedText:
    """The translation for the active language, or the source text in `<span lang="…">`."""
    return translated_text(obj, field)


@register.simple_tag(name="translations_prefetch")
def translations_prefetch_tag(objects: Iterable[Any]) -> str:
    """Load the translations of a list of objects (or of rows holding them) in one query per
    model; outputs nothing."""
    found: list[Model] = []
    for item in objects:
        if isinstance(item, Model):
            found.append(item)
        elif isinstance(item, list | tuple):
            found.extend(part for part in item if isinstance(part, Model))
    translations_prefetch(found)
    return ""
