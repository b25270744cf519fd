"""Authentication by email address and password, case-insensitively."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest


class EmailBackend(ModelBackend):
    """Match the email address without regard to case, because people type it both ways.

    Inactive (for example erased) accounts are refused by `user_can_authenticate`, both here
    and when the session is read back in `get_user`.
    """

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        email = username if username is not None else kwargs.get("email")
        if not email or password is None:
            return None
        user_model = get_user_model()
        user = user_model.objects.filter(email__iexact=email.strip()).first()
        if user is None:
            # Hash anyway so a missing account takes as long as a wrong password.
            user_model().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


def axes_username(request: HttpRequest | None, credentials: dict[str, Any] | None = None) -> str:
    """The login name django-axes counts failures against, folded to lower case.

    Set `AXES_USERNAME_CALLABLE = "samen.accounts.backends.axes_username"`: without it,
    "Ana@x.test" and "ana@x.test" are counted apart, so changing the case of the address would
    get round the lockout.
    """
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        value = credentials.get(field) or credentials.get("username") or ""
    elif request is not None:
        value = getattr(request, "data", request.POST).get(field, "")
    else:
        value = ""
    return str(value).strip().lower()
