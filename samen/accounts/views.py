"""Sign-up, email verification, login (password or emailed link), logout and password reset.

Views parse input, call a service and render; they hold no business rules. Unverified users
may log in (see `finish_login`): they see a notice until they verify, and later features that
need a verified address check `is_email_verified` in their own permissions.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout as auth_logout
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.accounts import selectors, services
from samen.accounts.forms import (
    ConfirmForm,
    EmailForm,
    LoginForm,
    NewPasswordForm,
    PasswordResetRequestForm,
    RegistrationForm,
)
from samen.accounts.views_helpers import base_url, finish_login, safe_next
from samen.core.http import posted


@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    form = RegistrationForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.user_register(
            email=data["email"],
            password=data["password1"],
            display_name=data["display_name"],
            preferred_language=data["preferred_language"],
            year_of_birth=data["year_of_birth"],
            postcode=data["postcode"],
            base_url=base_url(request),
        )
        return redirect("accounts:register_done")
    return render(request, "accounts/register.html", {"form": form})


def register_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/check_email.html", {"reason": "register"})


def verify_email(request: HttpRequest, token: str) -> HttpResponse:
    """Verifying on GET is safe: the link is signed, does nothing twice and logs nobody in."""
    user = services.user_verify_email(token=token)
    return render(request, "accounts/verify_email.html", {"verified": user is not None})


@require_http_methods(["GET", "POST"])
def verify_email_resend(request: HttpRequest) -> HttpResponse:
    initial = {"email": request.user.email} if request.user.is_authenticated else None
    form = EmailForm(posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        services.email_verification_resend(
            email=form.cleaned_data["email"], base_url=base_url(request)
        )
        return redirect("accounts:verify_email_resend_done")
    return render(request, "accounts/verify_email_resend.html", {"form": form})


def verify_email_resend_done(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/check_email.html", {"reason": "verify"})


@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = LoginForm(request, data=posted(request))
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        return finish_login(request, user, backend=user.backend)
    return render(request, "accounts/login.html", {"form": form, "next": safe_next(request)})


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    auth_logout(request)
    messages.success(request, _("You are logged out."))
    return redirect("core:home")


@require_http_methods(["GET", "POST"])
def magic_link_request(request: HttpRequest) -> HttpResponse:
    form = EmailForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.magic_link_request(email=form.cleaned_data["email"], base_url=base_url(request))
        return redirect("accounts:magic_link_sent")
    return render(request, "accounts/magic_link_request.html", {"form": form})


def magic_link_sent(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "accounts/check_email.html",
        {"reason": "magic_link", "minutes": settings.SAMEN_MAGIC_LINK_MINUTES},
    )


@require_http_methods(["GET", "POST"])
def magic_link(request: HttpRequest, token: str) -> HttpResponse:
    """GET only shows a button: mail scanners that fetch links must not use up the link."""
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        user = services.magic_link_consume(token=token)
        if user is not None:
            return finish_login(request, user)
        usable = False
    else:
        usable = selectors.magic_link_is_usable(token=token)
    return render(request, "accounts/magic_link_confirm.html", {"form": form, "usable": usable})


class PasswordResetView(auth_views.PasswordResetView):
    form_class = PasswordResetRequestForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/emails/password_reset_body.txt"
    subject_template_name = "accounts/emails/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")
    extra_email_context = {"site_name": settings.SAMEN_SITE_NAME}


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
