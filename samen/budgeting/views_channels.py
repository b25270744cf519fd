"""Management pages for voting codes and paper ballots (under "manage": two-factor first)."""

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.budgeting import permissions_channels as permissions
from samen.budgeting import services_channels as channels
from samen.budgeting.forms_channels import BatchRevokeForm, CodeBatchForm, CodeRevokeForm
from samen.budgeting.forms_manage import last_day
from samen.budgeting.models import PhaseKind, Process, VotingCodeBatch
from samen.budgeting.views import refusal
from samen.budgeting.views_manage import attempt
from samen.core.http import posted
from samen.inclusion.letters import LetterKind, letters_render_pdf


def _process(request: HttpRequest, process_id: int, allowed: Any) -> tuple[Process, Any]:
    process = get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)
    return process, refusal(request, allowed(request.user, process))


# --------------------------------------------------------------------------- voting codes


def _letters(request: HttpRequest, process: Process, issued: list[Any], language: str) -> bytes:
    voting = next((p for p in process.phases.all() if p.kind == PhaseKind.VOTING), None)
    letters = []
    for item in issued:
        own_language = item.language or language
        with translation.override(own_language):
            vote_url = request.build_absolute_uri(
                reverse("budgeting:code_enter", kwargs={"process_id": process.pk})
            )
            recipient_name = item.recipient_name
        context: dict[str, Any] = {
            "voting_code": item.code,
            "vote_url": vote_url,
            "process_title": process.title,
        }
        if voting is not None and voting.ends_at is not None:
            context["closes_on"] = last_day(voting.ends_at)
        letters.append(
            {
                "kind": LetterKind.VOTING_INVITATION,
                "recipient_name": recipient_name,
                "language": own_language,
                "context": context,
            }
        )
    return letters_render_pdf(letters=letters)


@transaction.atomic
def _batch_with_letters(
    request: HttpRequest, process: Process, form: CodeBatchForm
) -> HttpResponse | None:
    """Make the codes and their letters together: if the PDF cannot be made, no code exists."""
    data = form.cleaned_data
    made = attempt(
        form,
        lambda: channels.voting_code_batch_create(
            actor=request.user,
            process=process,
            label=data["label"],
            size=data["size"],
            recipient_kind=data["issued_to"],
            recipients=data["recipient_list"],
        ),
    )
    if made is None:
        return None
    batch, issued = made
    response = HttpResponse(
        _letters(request, process, issued, data["language"]), content_type="application/pdf"
    )
    filename = f"voting-codes-{process.pk}-batch-{batch.pk}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_http_methods(["GET", "POST"])
def voting_codes(request: HttpRequest, process_id: int) -> HttpResponse:
    """The batches of a process and the form that makes a new one. A successful POST answers
    with the letters PDF itself: the plain codes are never stored, so this is the only copy."""
    process, denied = _process(request, process_id, permissions.can_manage_voting_codes)
    if denied:
        return denied
    form = CodeBatchForm(posted(request), initial={"language": translation.get_language()})
    if request.method == "POST" and form.is_valid():
        response = _batch_with_letters(request, process, form)
        if response is not None:
            return response
    batches = VotingCodeBatch.objects.filter(process=process).annotate(
        used=Count("codes", filter=Q(codes__used_at__isnull=False)),
        revoked=Count("codes", filter=Q(codes__revoked_at__isnull=False)),
    )
    context = {"process": process, "form": form, "batches": batches}
    return render(request, "budgeting/channels/voting_codes.html", context)


@require_http_methods(["GET", "POST"])
def voting_code_revoke(request: HttpRequest, process_id: int) -> HttpResponse:
    process, denied = _process(request, process_id, permissions.can_manage_voting_codes)
    if denied:
        return denied
    form = CodeRevokeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        found = channels.codes_issued_to(process=process, issued_to=form.cleaned_data["issued_to"])
        if not found:
            form.add_error("issued_to", _("No code of this process matches."))
        else:
            count = channels.voting_codes_revoke(
                actor=request.user, codes=found, reason=form.cleaned_data["reason"]
            )
            if count:
                messages.success(request, _("The code is revoked. It no longer works."))
            else:
                messages.info(request, _("That code was already revoked."))
            return redirect("budgeting:voting_codes", process_id=process.pk)
    context = {"process": process, "form": form}
    return render(request, "budgeting/channels/code_revoke.html", context)


@require_http_methods(["GET", "POST"])
def voting_code_batch_revoke(request: HttpRequest, process_id: int, batch_id: int) -> HttpResponse:
    process, denied = _process(request, process_id, permissions.can_manage_voting_codes)
    if denied:
        return denied
    batch = get_object_or_404(VotingCodeBatch, pk=batch_id, process=process)
    form = BatchRevokeForm(posted(request))
    if request.method == "POST" and form.is_valid():
        codes = list(batch.codes.filter(revoked_at__isnull=True))
        count = channels.voting_codes_revoke(
            actor=request.user, codes=codes, reason=form.cleaned_data["reason"]
        )
        messages.success(request, _("%(count)d codes of the batch are revoked.") % {"count": count})
        return redirect("budgeting:voting_codes", process_id=process.pk)
    context = {"process": process, "batch": batch, "form": form}
    return render(request, "budgeting/channels/batch_revoke.html", context)
