"""Template helpers for the skills pages."""

from typing import Any

from django import template

from samen.skills.framework_text import translated

register = template.Library()


@register.filter
def framework(text: str) -> str:
    """A framework text (title, statement, level) in the current language, where translated."""
    return translated(text)


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    return mapping.get(key)
