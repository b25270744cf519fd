"""Two-factor gate: management pages need a verified second factor for privileged roles."""

from collections.abc import Callable
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse

from samen.accounts import selectors

Handler = Callable[[HttpRequest], HttpResponse]
MANAGEMENT_SEGMENT = "manage"


def is_management_path(path: str) -> bool:
    """Any path with a segment that is exactly "manage", such as /en/manage/users/."""
    return MANAGEMENT_SEGMENT in path.split("/")


class RequireTwoFactorMiddleware:
    """Send organisers, moderators and admins to enrol or verify TOTP before management pages.

    Checking in middleware, not in each view, means a new management view cannot forget it.
    Everyone else passes through; the views' own permission checks still apply.
    """

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and is_management_path(request.path)
            and user.needs_two_factor
            and not user.is_verified()
        ):
            if selectors.user_has_totp(user=user):
                target = reverse("accounts:two_factor_verify")
            else:
                target = reverse("accounts:two_factor_enrol")
            return HttpResponseRedirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)
