"""Open data pages: CSV downloads of proposals and results, and importing a Pabulib file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_http_methods

from samen.budgeting import exports, selectors, selectors_delivery, services_import
from samen.budgeting import permissions_delivery as perms
from samen.budgeting.forms_delivery import ImportForm
from samen.budgeting.models import ImportStatus, Process, ProjectResult
from samen.budgeting.views import refusal, visible_process
from samen.core.access import allowed_if
from samen.core.http import posted


def _download(text: str, filename: str) -> HttpResponse:
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET"])
def proposals_csv(request: HttpRequest, process_id: int) -> HttpResponse:
    """Every proposal anyone may read (hidden ones left out)."""
    process = visible_process(request, process_id)
    text = exports.proposals_csv(
        process=process, proposals=selectors.proposals_public(process=process), full=False
    )
    return _download(text, f"proposals-{process.pk}.csv")


@require_http_methods(["GET"])
def manage_proposals_csv(request: HttpRequest, process_id: int) -> HttpResponse:
    process = get_object_or_404(Process, pk=process_id)
    if denied := refusal(request, perms.can_export_all_proposals(request.user, process)):
        return denied
    text = exports.proposals_csv(process=process, proposals=process.proposals.all(), full=True)
    return _download(text, f"proposals-{process.pk}-all.csv")


@require_http_methods(["GET"])
def results_csv(request: HttpRequest, process_id: int) -> HttpResponse:
    """The published results; 404 until they are published."""
    process = visible_process(request, process_id)
    count = selectors_delivery.published_count(process=process)
    if count is None:
        raise Http404
    results = ProjectResult.objects.filter(budget_result__count=count)
    return _download(
        exports.results_csv(process=process, results=results), f"results-{process.pk}.csv"
    )


@allowed_if(perms.can_import_process)
@require_http_methods(["GET", "POST"])
def process_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(posted(request), request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services_import.import_request(
                actor=request.user,
                data=upload.read(),
                name=upload.name,
                is_published=form.cleaned_data["publish"],
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            if job.status == ImportStatus.DONE and job.process_id is not None:
                messages.success(
                    request,
                    _("Imported: %(projects)d projects and %(ballots)d ballots.")
                    % {"projects": job.projects, "ballots": job.ballots},
                )
                return redirect("budgeting:manage_process", process_id=job.process_id)
            return redirect("budgeting:import_status", import_id=job.pk)
    imports = selectors_delivery.imports_recent()
    return render(request, "budgeting/delivery/import.html", {"form": form, "imports": imports})


@allowed_if(perms.can_import_process)
@require_http_methods(["GET"])
def import_status(request: HttpRequest, import_id: int) -> HttpResponse:
    """How an upload is getting on: waiting, importing, imported (with its process) or why
    it failed."""
    job = selectors_delivery.import_find(import_id=import_id)
    if job is None:
        raise Http404
    stale = services_import.import_is_stale(job=job)
    return render(request, "budgeting/delivery/import_status.html", {"job": job, "stale": stale})


def api_root(request: HttpRequest) -> HttpResponse:
    """/api/ and /api/docs/ lead people to the page that describes the API, which lives with
    the other pages under a language prefix (the API's own addresses have none)."""
    return redirect("budgeting:open_data")


ENDPOINT_HELP = {
    "/api/processes": _l("The published processes, newest first."),
    "/api/processes/{process_id}": _l("One process, with its phases and budgets."),
    "/api/processes/{process_id}/phases": _l("The phases of a process, in order."),
    "/api/processes/{process_id}/budgets": _l("The budgets of a process and their ballots."),
    "/api/processes/{process_id}/projects": _l("The projects on the ballot, with their cost."),
    "/api/processes/{process_id}/results": _l(
        "The published results per budget: votes, cost and which projects are funded."
    ),
    "/api/processes/{process_id}/delivery": _l(
        "The funded projects: status, milestones and updates."
    ),
}


@require_http_methods(["GET"])
def open_data(request: HttpRequest) -> HttpResponse:
    """A plain page listing the API's endpoints; the OpenAPI document is the full reference.
    (Swagger UI would load from a CDN, which the CSP blocks and which needs the internet.)"""
    from samen.budgeting.api import api

    schema = api.get_openapi_schema(path_prefix="/api")
    endpoints = [
        {
            "method": method.upper(),
            "path": path,
            "description": ENDPOINT_HELP.get(path, operation.get("summary", "")),
            "paginated": any(p.get("name") == "limit" for p in operation.get("parameters", [])),
        }
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
    ]
    context = {"endpoints": endpoints, "info": schema["info"], "openapi_url": "/api/openapi.json"}
    return render(request, "budgeting/delivery/open_data.html", context)
