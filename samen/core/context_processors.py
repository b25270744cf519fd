"""Values every page's layout needs: site name, help contact, preferences and navigation."""

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from samen.core.navigation import navigation_for
from samen.core.preferences import Preferences


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    current: bool


def language_links(request: HttpRequest) -> list[LanguageLink]:
    """Links to this same page in each language; plain links work without JavaScript."""
    current = get_language()
    path = request.get_full_path()
    return [
        LanguageLink(code=code, name=name, url=translate_url(path, code), current=code == current)
        for code, name in settings.LANGUAGES
    ]


def layout(request: HttpRequest) -> dict[str, Any]:
    return {
        "site_name": settings.SAMEN_SITE_NAME,
        "help_email": settings.SAMEN_HELP_EMAIL,
        "help_phone": settings.SAMEN_HELP_PHONE,
        "prefs": getattr(request, "samen_preferences", Preferences()),
        "nav_items": navigation_for(request),
        "language_links": language_links(request),
    }
