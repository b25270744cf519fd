"""Request middleware: the user's language and display preferences, and security headers."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation

from samen.core.preferences import preferences_for

Handler = Callable[[HttpRequest], HttpResponse]


class UserLanguageMiddleware:
    """Fall back to the profile's language when the URL has no language prefix.

    LocaleMiddleware reads the language cookie; setting it here from the profile means a
    logged-in resident lands in their own language on unprefixed URLs such as `/`.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
            user_language = request.session.get("samen_user_language")
            if user_language and translation.check_for_language(user_language):
                request.COOKIES[settings.LANGUAGE_COOKIE_NAME] = user_language
        return self.get_response(request)


class PreferencesMiddleware:
    """Attach the display preferences to the request so the base template can apply them."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.samen_preferences = preferences_for(request)  # type: ignore[attr-defined]
        return self.get_response(request)


CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)


class ContentSecurityPolicyMiddleware:
    """A strict CSP: no inline script or style anywhere, so injected markup cannot run."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault(
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"
        )
        return response
