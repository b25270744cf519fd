"""Authentication by email address and password, case-insensitively."""

from typing import Any

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
