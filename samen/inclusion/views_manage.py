"""Inclusion management (under a "manage" path segment, so staff pass two-factor first)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.inclusion import permissions, selectors, services
from samen.inclusion.forms import (
    ConfirmForm,
    JargonTermForm,
    SampleLetterForm,
    readability_messages,
)
from samen.inclusion.letters import letter_render_pdf, sample_letter
from samen.inclusion.models import JargonTerm


@allowed_if(permissions.can_manage_inclusion)
@require_http_methods(["GET"])
def manage(request: HttpRequest) -> HttpResponse:
    return render(request, "inclusion/manage/index.html")


@allowed_if(permissions.can_manage_jargon)
@require_http_methods(["GET"])
def jargon_list(request: HttpRequest) -> HttpResponse:
    return render(request, "inclusion/manage/jargon_list.html", {"terms": selectors.jargon_terms()})


@allowed_if(permissions.can_manage_jargon)
@require_http_methods(["GET", "POST"])
def jargon_edit(request: HttpRequest, term_id: int | None = None) -> HttpResponse:
    """Add a term (no id) or edit one. Reading hints on the suggestion never stop the save."""
    existing = get_object_or_404(JargonTerm, pk=term_id) if term_id else None
    initial = {"language": request.LANGUAGE_CODE} if existing is None else None
    form = JargonTermForm(posted(request), instance=existing, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            if existing is None:
                services.jargon_term_create(actor=request.user, **data)
                messages.success(request, _("The word is added to the list."))
            else:
                services.jargon_term_update(actor=request.user, jargon_term=existing, **data)
                messages.success(request, _("The word is saved."))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            readability_messages(request, form)
            return redirect("inclusion:jargon_list")
    context = {"form": form, "existing": existing}
    return render(request, "inclusion/manage/jargon_form.html", context)


@allowed_if(permissions.can_manage_jargon)
@require_http_methods(["GET", "POST"])
def jargon_delete(request: HttpRequest, term_id: int) -> HttpResponse:
    jargon_term = get_object_or_404(JargonTerm, pk=term_id)
    form = ConfirmForm(posted(request))
    if request.method == "POST" and form.is_valid():
        services.jargon_term_delete(actor=request.user, jargon_term=jargon_term)
        messages.success(request, _("The word is removed from the list."))
        return redirect("inclusion:jargon_list")
    context = {"form": form, "term": jargon_term}
    return render(request, "inclusion/manage/jargon_delete.html", context)


@allowed_if(permissions.can_download_sample_letter)
@require_http_methods(["GET", "POST"])
def letter_sample(request: HttpRequest) -> HttpResponse:
    """A sample letter as PDF, so organisers can see and print-test the letters."""
    form = SampleLetterForm(
        posted(request), initial={"kind": "voting_invitation", "language": request.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        kind, language = form.cleaned_data["kind"], form.cleaned_data["language"]
        letter = sample_letter(
            kind=kind, language=language, base_url=request.build_absolute_uri("/")
        )
        pdf = letter_render_pdf(kind=kind, language=language, **letter)
        response = HttpResponse(pdf, content_type="application/pdf")
        filename = f"sample-{kind.replace('_', '-')}-{language}.pdf"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return render(request, "inclusion/manage/letter_sample.html", {"form": form})
