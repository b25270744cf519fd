"""Results pages: the public outcome with its .pb file, and counting and publishing for
organisers (under /manage/, with turnout and the funnel of started versus sent ballots)."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from samen.budgeting import permissions, selectors, selectors_results, services_counting
from samen.budgeting.forms_results import CountForm, PublishForm
from samen.budgeting.models import BudgetResult, Count, Process
from samen.budgeting.views import visible_process
from samen.budgeting.views_manage import attempt
from samen.core.access import allowed_if
from samen.core.http import posted


def _managed(process_id: int) -> Process:
    return get_object_or_404(Process.objects.prefetch_related("phases"), pk=process_id)


@require_GET
def results(request: HttpRequest, process_id: int) -> HttpResponse:
    process = visible_process(request, process_id)
    count = selectors_results.published_count(process=process)
    context = {
        "process": process,
        "count": count,
        "views": selectors_results.count_results(count=count) if count else [],
        "can_manage": permissions.can_count_votes(request.user, process),
    }
    return render(request, "budgeting/results/public.html", context)


@require_GET
def results_pb(request: HttpRequest, process_id: int, budget_id: int) -> HttpResponse:
    """The published, anonymised ballots of one budget, byte for byte as hashed."""
    process = visible_process(request, process_id)
    result = (
        BudgetResult.objects.select_related("budget")
        .filter(count__process=process, count__published_at__isnull=False, budget_id=budget_id)
        .first()
    )
    if result is None:
        raise Http404
    name = f"{slugify(process.title)}-{slugify(result.budget.name)}.pb"
    response = HttpResponse(
        result.pb_file.encode("utf-8"), content_type="text/plain; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@allowed_if(permissions.can_count_votes)
@require_GET
def manage_results(request: HttpRequest, process_id: int) -> HttpResponse:
    process = _managed(process_id)
    latest = selectors_results.latest_count(process=process)
    done = selectors_results.last_done_count(process=process)
    context = {
        "process": process,
        "latest": latest,
        "stale": latest is not None and services_counting.count_is_stale(count=latest),
        "published": selectors_results.published_count(process=process),
        "done": done,
        "views": selectors_results.count_results(count=done) if done else [],
        "refusal": services_counting.count_refusal(process=process),
        "turnout": selectors_results.turnout(process=process),
    }
    return render(request, "budgeting/results/manage.html", context)


@allowed_if(permissions.can_count_votes)
@require_http_methods(["GET", "POST"])
def count_request(request: HttpRequest, process_id: int) -> HttpResponse:
    process = _managed(process_id)
    form = CountForm(posted(request))
    if request.method == "POST" and form.is_valid():
        count = attempt(
            form, lambda: services_counting.count_request(actor=request.user, process=process)
        )
        if count is not None:
            messages.success(request, _("Counting has started. This page shows how far it is."))
            return redirect("budgeting:manage_results", process_id=process.pk)
    context = {
        "process": process,
        "form": form,
        "refusal": services_counting.count_refusal(process=process),
        "budgets": selectors.process_budgets(process=process),
        "voted": process.voter_roll.filter(submitted_at__isnull=False).count(),
    }
    return render(request, "budgeting/results/count.html", context)


@allowed_if(permissions.can_count_votes)
@require_http_methods(["GET", "POST"])
def count_publish(request: HttpRequest, process_id: int, count_id: int) -> HttpResponse:
    process = _managed(process_id)
    count = get_object_or_404(Count, pk=count_id, process=process)
    form = PublishForm(posted(request))
    if request.method == "POST" and form.is_valid():
        done = attempt(
            form,
            lambda: services_counting.count_publish(
                actor=request.user, count=count, reason=form.cleaned_data["reason"]
            ),
        )
        if done is not None:
            messages.success(request, _("The results are published."))
            return redirect("budgeting:results", process_id=process.pk)
    context = {
        "process": process,
        "count": count,
        "form": form,
        "views": selectors_results.count_results(count=count),
    }
    return render(request, "budgeting/results/publish.html", context)
