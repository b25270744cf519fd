"""Two-factor pages: enrol an authenticator app, see backup codes, verify this session."""

from base64 import b32encode
from urllib.parse import urlencode

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from samen.accounts import permissions, selectors, services
from samen.accounts.forms import ConfirmForm, TwoFactorEnrolForm, TwoFactorVerifyForm
from samen.accounts.views_helpers import safe_next
from samen.core.http import posted
from samen.core.qr import qr_svg

ENROL_KEY_SESSION = "samen_totp_enrol_key"
BACKUP_CODES_SESSION = "samen_backup_codes"


def _with_next(name: str, next_url: str) -> str:
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def _qr_svg(config_url: str) -> str:
    return qr_svg(config_url, _("QR code for your authenticator app"))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_enrol(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_enrol_two_factor(user, user):
        raise PermissionDenied
    next_url = safe_next(request)
    # Replacing an existing app needs that app first: a stolen password alone must not do it.
    if selectors.user_has_totp(user=user) and not user.is_verified():
        return redirect(_with_next("accounts:two_factor_verify", next_url))
    key_hex = request.session.get(ENROL_KEY_SESSION) or default_key()
    request.session[ENROL_KEY_SESSION] = key_hex
    form = TwoFactorEnrolForm(posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            codes = services.two_factor_enrol(
                user=user, key_hex=key_hex, token=form.cleaned_data["code"]
            )
        except ValidationError as error:
            form.add_error("code", error)
        else:
            otp_login(request, TOTPDevice.objects.get(user=user, confirmed=True))
            del request.session[ENROL_KEY_SESSION]
            request.session[BACKUP_CODES_SESSION] = codes
            return redirect(_with_next("accounts:two_factor_backup_codes", next_url))
    device = TOTPDevice(user=user, key=key_hex)
    return render(
        request,
        "accounts/two_factor_enrol.html",
        {
            "form": form,
            "qr_svg": _qr_svg(device.config_url),
            "secret": _grouped(device.bin_key),
            "next": next_url,
        },
    )


def _grouped(key: bytes) -> str:
    """The base32 secret in groups of four, easier to copy by hand."""
    text = b32encode(key).decode()
    return " ".join(text[i : i + 4] for i in range(0, len(text), 4))


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_backup_codes(request: HttpRequest) -> HttpResponse:
    """Shows new codes once. Making a fresh set needs a verified session."""
    user = request.user
    if not permissions.can_enrol_two_factor(user, user):
        raise PermissionDenied
    form = ConfirmForm(posted(request))
    codes = request.session.pop(BACKUP_CODES_SESSION, None)
    if request.method == "POST" and form.is_valid():
        if not user.is_verified():
            return redirect(_with_next("accounts:two_factor_verify", reverse("accounts:profile")))
        codes = services.backup_codes_replace(user=user)
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {
            "form": form,
            "codes": codes,
            "codes_left": selectors.user_backup_codes_left(user=user),
            "next": safe_next(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    user = request.user
    if not permissions.can_verify_two_factor(user, user):
        raise PermissionDenied
    next_url = safe_next(request)
    if not selectors.user_has_totp(user=user):
        return redirect(_with_next("accounts:two_factor_enrol", next_url))
    form = TwoFactorVerifyForm(posted(request))
    if request.method == "POST" and form.is_valid():
        device = services.two_factor_verify(user=user, token=form.token())
        if device is not None:
            otp_login(request, device)
            return redirect(next_url or reverse("core:manage"))
        field = "code" if form.cleaned_data.get("code") else "backup_code"
        form.add_error(
            field, _("That code did not work. Wait for a new code in your app and try again.")
        )
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": next_url})
