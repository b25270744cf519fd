"""Public inclusion pages: the built-in easy-read pages, and checking a text's readability."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.inclusion import permissions
from samen.inclusion.forms import ReadabilityCheckForm
from samen.inclusion.readability import readability_hints

# The built-in easy-read pages: URL name → template.
EASY_READ_PAGES = {
    "how_to_vote": "inclusion/easy_read/how_to_vote.html",
    "how_to_get_help": "inclusion/easy_read/how_to_get_help.html",
    "how_the_skills_check_works": "inclusion/easy_read/how_the_skills_check_works.html",
}


@require_http_methods(["GET"])
def easy_read_index(request: HttpRequest) -> HttpResponse:
    return render(request, "inclusion/easy_read/index.html")


@require_http_methods(["GET"])
def easy_read_page(request: HttpRequest, page: str) -> HttpResponse:
    return render(request, EASY_READ_PAGES[page])


@allowed_if(permissions.can_check_readability)
@require_http_methods(["GET", "POST"])
def readability_page(request: HttpRequest) -> HttpResponse:
    """Paste a text, get hints. Works without JavaScript; nothing is stored."""
    form = ReadabilityCheckForm(posted(request), initial={"language": request.LANGUAGE_CODE})
    hints = None
    if request.method == "POST" and form.is_valid():
        hints = readability_hints(form.cleaned_data["text"], form.cleaned_data["language"])
    return render(request, "inclusion/readability.html", {"form": form, "hints": hints})


@require_POST
def readability_check(request: HttpRequest) -> JsonResponse:
    """Hints as JSON for inclusion/readability.js; the same checks the page runs on save."""
    if not permissions.can_check_readability(request.user):
        return JsonResponse({"error": _("Log in to get reading hints.")}, status=403)
    form = ReadabilityCheckForm(request.POST)
    if not form.is_valid():
        errors = {
            name: [str(message) for message in messages] for name, messages in form.errors.items()
        }
        return JsonResponse(
            {"error": _("The text could not be checked. Nothing was saved."), "errors": errors},
            status=400,
        )
    hints = readability_hints(form.cleaned_data["text"], form.cleaned_data["language"])
    return JsonResponse(hints.as_dict())
