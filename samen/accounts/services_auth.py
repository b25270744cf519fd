"""Writes for proving who someone is: email verification and one-time login links."""

from typing import Any

from django.db import transaction
from django.utils import timezone

from samen.accounts import selectors, tokens
from samen.accounts.emails import absolute_url, send_account_email
from samen.accounts.models import MagicLinkToken, User
from samen.accounts.throttle import email_send_allowed


def email_verification_send(*, user: User, base_url: str) -> None:
    """Email a signed, time-limited link that confirms the address belongs to the user."""
    token = tokens.verify_email_token_make(user)
    link = absolute_url(
        base_url=base_url,
        name="accounts:verify_email",
        language=user.preferred_language,
        token=token,
    )
    send_account_email(
        user=user,
        template="verify_email",
        context={"link": link, "days": tokens.verify_email_max_age().days},
    )


def email_verification_resend(*, email: str, base_url: str) -> None:
    """Send a new link if the address has an unverified, active account; otherwise nothing,
    so the page answers the same for every address."""
    user = selectors.user_find_by_email(email=email, active_only=True)
    if user is None or user.is_email_verified:
        return
    if email_send_allowed(kind="verify_email", email=user.email):
        email_verification_send(user=user, base_url=base_url)


@transaction.atomic
def user_verify_email(*, token: str) -> User | None:
    """Mark the address verified. Returns the user, or None if the link is invalid, expired,
    or for an address the account no longer has. Using a link twice is harmless."""
    payload = tokens.verify_email_token_read(token)
    if payload is None:
        return None
    user_id, email = payload
    user = User.objects.select_for_update().filter(pk=user_id, is_active=True).first()
    if user is None or user.email != email:
        return None
    if user.email_verified_at is None:
        user.email_verified_at = timezone.now()
        user.full_clean()
        user.save(update_fields=["email_verified_at"])
    return user


def magic_link_request(*, email: str, base_url: str) -> None:
    """Email a single-use login link if an active account has this address.

    Nothing tells the caller whether it did: the page looks the same for unknown addresses,
    so the form cannot be used to find out who has an account.
    """
    user = selectors.user_find_by_email(email=email, active_only=True)
    if user is None or not email_send_allowed(kind="magic_link", email=user.email):
        return
    secret = tokens.magic_link_secret_make()
    now = timezone.now()
    with transaction.atomic():
        link = MagicLinkToken(
            user=user,
            token_hash=tokens.magic_link_secret_hash(secret),
            created_at=now,
            expires_at=now + tokens.magic_link_lifetime(),
        )
        link.full_clean()
        link.save()
    send_account_email(
        user=user,
        template="magic_link",
        context={
            "link": absolute_url(
                base_url=base_url,
                name="accounts:magic_link",
                language=user.preferred_language,
                token=secret,
            ),
            "minutes": int(tokens.magic_link_lifetime().total_seconds() // 60),
        },
    )


@transaction.atomic
def magic_link_consume(*, token: str) -> Any:
    """Use up a login link. Returns its user, or None if the link is unknown, used, expired
    or its account is inactive. The row lock makes two simultaneous clicks log in once."""
    link = (
        MagicLinkToken.objects.select_for_update()
        .select_related("user")
        .filter(token_hash=tokens.magic_link_secret_hash(token))
        .first()
    )
    now = timezone.now()
    if link is None or link.used_at is not None or link.expires_at <= now:
        return None
    link.used_at = now
    link.save(update_fields=["used_at"])
    if not link.user.is_active:
        return None
    return link.user
