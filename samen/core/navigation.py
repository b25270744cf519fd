"""The main navigation, built per request from what the user may open."""

from dataclasses import dataclass

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samen.core import permissions


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str | Promise
    current: bool


def navigation_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    entries: list[tuple[str, str | Promise]] = [("core:home", _("Home"))]
    if user is not None and user.is_authenticated:
        entries.append(("accounts:profile", _("My account")))
        if permissions.can_view_management(user):
            entries.append(("core:manage", _("Manage")))
    else:
        entries.append(("accounts:login", _("Log in")))
        entries.append(("accounts:register", _("Create an account")))
    path = request.path
    items = []
    for name, label in entries:
        url = reverse(name)
        items.append(NavItem(url=url, label=label, current=path == url))
    return items
