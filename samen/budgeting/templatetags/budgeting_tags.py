"""Template filters for budgeting pages."""

from django import template

from samen.budgeting.money import format_money

register = template.Library()


@register.filter
def money(minor: int | None, currency: str) -> str:
    """`{{ proposal.cost_minor|money:process.currency }}`"""
    return format_money(minor, currency)
