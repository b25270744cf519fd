"""`{% load easy_read %}`: show an object's easy-read version to viewers who asked for it.

- `{% easy_read obj "description" %}` prints the easy-read text when the viewer's easy-read
  preference is on and the object has one, else the named field; escaped, with paragraphs.
- `{% easy_read_badge obj %}` says which version is shown. The "Easy-read" mark appears only
  when experts by experience checked the text (Inclusion Europe's rule for its logo).
- `{{ obj|has_easy_read }}` is true when the object has an easy-read text at all.
"""

from typing import Any

from django import template
from django.template.defaultfilters import linebreaks_filter
from django.utils.safestring import SafeString

register = template.Library()


def wants_easy_read(context: template.Context) -> bool:
    request = context.get("request")
    prefs = getattr(request, "samen_preferences", None) or context.get("prefs")
    return bool(getattr(prefs, "easy_read", False))


@register.filter
def has_easy_read(obj: Any) -> bool:
    return bool(getattr(obj, "has_easy_read", False))


def shows_easy_read(context: template.Context, obj: Any) -> bool:
    return wants_easy_read(context) and has_easy_read(obj)


@register.simple_tag(takes_context=True)
def easy_read(context: template.Context, obj: Any, field_name: str) -> SafeString:
    text = obj.easy_read_text if shows_easy_read(context, obj) else getattr(obj, field_name, "")
    return linebreaks_filter(str(text or ""), autoescape=True)


@register.inclusion_tag("inclusion/_easy_read_badge.html", takes_context=True)
def easy_read_badge(context: template.Context, obj: Any) -> dict[str, Any]:
    if shows_easy_read(context, obj):
        state = "checked" if obj.easy_read_checked_by_experts else "unchecked"
    elif has_easy_read(obj):
        state = "available"
    else:
        state = ""
    return {"state": state, "obj": obj}
