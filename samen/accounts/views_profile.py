"""The signed-in user's own account: profile, data export and erasure."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse, translate_url
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.accounts import permissions, selectors, services
from samen.accounts.forms import ConfirmForm, EraseAccountForm, ProfileForm
from samen.accounts.models import Role, User
from samen.accounts.views_helpers import USER_LANGUAGE_SESSION_KEY
from samen.core.http import posted
from samen.core.preferences import COOKIE_NAME as PREFERENCES_COOKIE

ONE_YEAR = 365 * 24 * 3600


@login_required
@require_http_methods(["GET", "POST"])
def profile(request: HttpRequest) -> HttpResponse:
    if not permissions.can_view_profile(request.user, request.user):
        raise PermissionDenied
    if request.method == "POST" and not permissions.can_edit_profile(request.user, request.user):
        raise PermissionDenied
    # A fresh copy, so a rejected form never changes the request's user object.
    form = ProfileForm(posted(request), instance=User.objects.get(pk=request.user.pk))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = services.user_update_profile(
            user=request.user,
            display_name=data["display_name"],
            preferred_language=data["preferred_language"],
            year_of_birth=data["year_of_birth"],
            postcode=data["postcode"],
            preferences=form.preferences(),
        )
        language = user.preferred_language
        request.session[USER_LANGUAGE_SESSION_KEY] = language
        messages.success(request, _("Your account details are saved."))
        response = redirect(translate_url(reverse("accounts:profile"), language))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            language,
            max_age=ONE_YEAR,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
        )
        response.set_cookie(
            PREFERENCES_COOKIE,
            form.preferences().to_cookie(),
            max_age=ONE_YEAR,
            samesite="Lax",
            httponly=True,
        )
        return response
    return render(
        request,
        "accounts/profile.html",
        {
            "form": form,
            "roles": [Role(name).label for name in sorted(request.user.role_names() & set(Role))],
            "has_totp": selectors.user_has_totp(user=request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    if not permissions.can_export_data(request.user, request.user):
        raise PermissionDenied
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = services.user_export(user=request.user)
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False),
            content_type="application/json; charset=utf-8",
        )
        filename = f"samen-my-data-{timezone.localdate():%Y-%m-%d}.json"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return render(request, "accounts/export.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    if not permissions.can_erase_account(request.user, request.user):
        raise PermissionDenied
    form = EraseAccountForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        services.user_erase(user=request.user)
        auth_logout(request)
        return redirect("accounts:erased")
    return render(request, "accounts/erase.html", {"form": form})


def erased(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/erased.html")
