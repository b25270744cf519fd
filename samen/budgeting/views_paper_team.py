"""Organisers choose who besides them may enter and confirm paper ballots."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.budgeting import permissions_channels as permissions
from samen.budgeting import selectors_channels
from samen.budgeting import services_paper_team as team
from samen.budgeting.forms_channels import PaperTeamAddForm, PaperTeamRemoveForm
from samen.budgeting.views import refusal
from samen.budgeting.views_manage import attempt
from samen.core.http import posted


@require_http_methods(["GET", "POST"])
def paper_team(request: HttpRequest) -> HttpResponse:
    if denied := refusal(request, permissions.can_manage_paper_team(request.user)):
        return denied
    form = PaperTeamAddForm(posted(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        added = attempt(
            form,
            lambda: team.paper_team_add(
                actor=request.user, email=data["email"], reason=data["reason"]
            ),
        )
        if added is not None:
            messages.success(
                request,
                _("%(name)s may now enter and confirm paper ballots.") % {"name": added},
            )
            return redirect("budgeting:paper_team")
    members = list(selectors_channels.paper_team())
    context = {"form": form, "members": members}
    return render(request, "budgeting/channels/paper_team.html", context)


@require_http_methods(["GET", "POST"])
def paper_team_remove(request: HttpRequest) -> HttpResponse:
    if denied := refusal(request, permissions.can_manage_paper_team(request.user)):
        return denied
    chosen = request.GET.get("member")  # from the "Remove" link beside a name
    form = PaperTeamRemoveForm(
        posted(request), team=selectors_channels.paper_team(), initial={"member": chosen}
    )
    if request.method == "POST" and form.is_valid():
        member = form.cleaned_data["member"]
        team.paper_team_remove(actor=request.user, user=member, reason=form.cleaned_data["reason"])
        messages.success(
            request, _("%(name)s can no longer enter paper ballots.") % {"name": member}
        )
        return redirect("budgeting:paper_team")
    return render(request, "budgeting/channels/paper_team_remove.html", {"form": form})
