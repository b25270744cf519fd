"""Turning a failed permission check into the right answer for who is asking."""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse

View = Callable[..., HttpResponse]


def allowed_if(predicate: Callable[[Any], bool]) -> Callable[[View], View]:
    """Run the view only when `predicate(request.user)` holds.

    Someone not logged in is sent to the login page and brought back afterwards; a logged-in
    user without the right gets the 403 page.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if predicate(request.user):
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied

        return wrapper

    return decorator
