"""Display preferences (text size, contrast, motion, easy-read) read on the server.

A logged-in user's profile wins; otherwise a cookie holds them, so the choices work without an
account and without JavaScript.
"""

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest

COOKIE_NAME = "samen_prefs"
TEXT_SIZES = ("100", "150", "200")


@dataclass(frozen=True)
class Preferences:
    text_size: str = "100"
    high_contrast: bool = False
    reduced_motion: bool = False
    easy_read: bool = False

    def to_cookie(self) -> str:
        flags = "".join(
            flag
            for flag, on in (
                ("c", self.high_contrast),
                ("m", self.reduced_motion),
                ("e", self.easy_read),
            )
            if on
        )
        return f"{self.text_size}-{flags}"

    @classmethod
    def from_cookie(cls, value: str | None) -> "Preferences":
        if not value or "-" not in value:
            return cls()
        size, _sep, flags = value.partition("-")
        return cls(
            text_size=size if size in TEXT_SIZES else "100",
            high_contrast="c" in flags,
            reduced_motion="m" in flags,
            easy_read="e" in flags,
        )

    @classmethod
    def from_user(cls, user: Any) -> "Preferences":
        return cls(
            text_size=user.text_size if user.text_size in TEXT_SIZES else "100",
            high_contrast=user.high_contrast,
            reduced_motion=user.reduced_motion,
            easy_read=user.easy_read,
        )

    @property
    def html_classes(self) -> str:
        classes = [f"text-{self.text_size}"]
        if self.high_contrast:
            classes.append("high-contrast")
        if self.reduced_motion:
            classes.append("reduced-motion")
        if self.easy_read:
            classes.append("easy-read")
        return " ".join(classes)


def preferences_for(request: HttpRequest) -> Preferences:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return Preferences.from_user(user)
    return Preferences.from_cookie(request.COOKIES.get(COOKIE_NAME))
