"""Template filters for account pages."""

from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def in_minutes(value: timedelta | None) -> int:
    """Whole minutes, rounded up, so "try again in N minutes" is never too short."""
    if value is None:
        return 0
    seconds = int(value.total_seconds())
    return max(1, -(-seconds // 60))
