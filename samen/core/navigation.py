"""The main navigation and the management hub, built per request from what the user may open.

Apps register their own sections in `AppConfig.ready()`, so core never needs to know which
apps exist and a new app appears in the menu without editing core.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from samen.core import permissions


def everyone(user: Any) -> bool:
    return True


@dataclass(frozen=True)
class Section:
    url_name: str
    label: str | Promise
    allowed: Callable[[Any], bool] = everyone
    order: int = 100


@dataclass(frozen=True)
class NavItem:
    url: str
    label: str | Promise
    current: bool


MAIN_SECTIONS: list[Section] = []
MANAGEMENT_SECTIONS: list[Section] = []


def register_main(section: Section) -> None:
    if section not in MAIN_SECTIONS:
        MAIN_SECTIONS.append(section)
        MAIN_SECTIONS.sort(key=lambda s: s.order)


def register_management(section: Section) -> None:
    if section not in MANAGEMENT_SECTIONS:
        MANAGEMENT_SECTIONS.append(section)
        MANAGEMENT_SECTIONS.sort(key=lambda s: s.order)


def management_links(user: Any) -> list[NavItem]:
    return [
        NavItem(url=reverse(s.url_name), label=s.label, current=False)
        for s in MANAGEMENT_SECTIONS
        if s.allowed(user)
    ]


def navigation_for(request: HttpRequest) -> list[NavItem]:
    user = getattr(request, "user", None)
    path = request.path
    home = reverse("core:home")
    items = [NavItem(url=home, label=_("Home"), current=path == home)]
    for section in MAIN_SECTIONS:
        if user is not None and section.allowed(user):
            url = reverse(section.url_name)
            items.append(NavItem(url=url, label=section.label, current=path.startswith(url)))
    account: list[tuple[str, str | Promise]]
    if user is not None and user.is_authenticated:
        account = [("accounts:profile", _("My account"))]
        if permissions.can_view_management(user):
            account.append(("core:manage", _("Manage")))
    else:
        account = [("accounts:login", _("Log in")), ("accounts:register", _("Create an account"))]
    for name, label in account:
        url = reverse(name)
        items.append(NavItem(url=url, label=label, current=path == url))
    return items
