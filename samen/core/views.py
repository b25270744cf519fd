"""Core views: parse input, check permission, call a service, render. Nothing else."""

from dataclasses import asdict

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.accounts import services as account_services
from samen.core import permissions, selectors
from samen.core.access import allowed_if
from samen.core.forms_preferences import PreferencesForm, UserRolesForm
from samen.core.http import posted
from samen.core.navigation import management_links
from samen.core.preferences import COOKIE_NAME, Preferences

ONE_YEAR = 365 * 24 * 3600


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "core/home.html")


def help_page(request: HttpRequest) -> HttpResponse:
    return render(request, "core/help.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "core/privacy.html")


@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    current: Preferences = request.samen_preferences  # type: ignore[attr-defined]
    form = PreferencesForm(posted(request), initial=asdict(current))
    if request.method == "POST" and form.is_valid():
        chosen = form.to_preferences()
        if request.user.is_authenticated:
            account_services.user_update_preferences(user=request.user, preferences=chosen)
        messages.success(request, _("Your display settings are saved."))
        response = redirect("core:preferences")
        response.set_cookie(
            COOKIE_NAME, chosen.to_cookie(), max_age=ONE_YEAR, samesite="Lax", httponly=True
        )
        return response
    return render(request, "core/preferences.html", {"form": form})


@allowed_if(permissions.can_view_management)
def manage(request: HttpRequest) -> HttpResponse:
    return render(request, "core/manage.html", {"links": management_links(request.user)})


@allowed_if(permissions.can_view_audit_log)
def audit_log(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.audit_entries(), 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page})


@allowed_if(permissions.can_manage_users)
def user_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.users_with_roles(query=query), 50).get_page(request.GET.get("page"))
    return render(request, "core/user_list.html", {"page": page, "query": query})


@allowed_if(permissions.can_manage_users)
@require_http_methods(["GET", "POST"])
def user_roles(request: HttpRequest, user_id: int) -> HttpResponse:
    subject = get_object_or_404(get_user_model(), pk=user_id)
    form = UserRolesForm(posted(request), initial={"roles": sorted(subject.role_names())})
    if request.method == "POST" and form.is_valid():
        account_services.user_set_roles(
            actor=request.user,
            user=subject,
            roles=form.cleaned_data["roles"],
            reason=form.cleaned_data["reason"],
        )
        messages.success(request, _("The roles of %(name)s are saved.") % {"name": subject})
        return redirect("core:user_list")
    return render(request, "core/user_roles.html", {"form": form, "subject": subject})


def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers: the app answers and its database answers."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/403.html", status=403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return render(request, "core/404.html", status=404)


def server_error(request: HttpRequest) -> HttpResponse:
    # The failure may be the database itself, so fall back to a page that needs nothing.
    try:
        return render(request, "core/500.html", status=500)
    except Exception:
        return HttpResponse(
            '<!doctype html><html lang="en"><title>Error</title><main><h1>'
            + _("Sorry, something went wrong")
            + "</h1></main></html>",
            status=500,
        )
