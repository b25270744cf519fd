"""Self-assessment views: parse input, check permission, call a service, render."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from samen.core.access import allowed_if
from samen.skills import pdf, permissions, selectors, services
from samen.skills.charts import progress_chart
from samen.skills.forms import FIELD_PREFIX, SAVE_FOR_LATER, ConfirmForm, StepForm
from samen.skills.framework_text import translated
from samen.skills.models import AnswerScale, Assessment
from samen.skills.permissions_picture import can_edit_own_staff_profile
from samen.skills.presentation import level_explanations, weak_areas
from samen.skills.views_courses import next_step_courses

RETURN_TO_CHECK = "check"


def _own_assessment(request: HttpRequest, assessment_id: int) -> Assessment:
    """The assessment, if it is the requester's; anyone else's is "not found", not "forbidden",
    so nobody can learn which assessments exist."""
    assessment = get_object_or_404(Assessment.objects.select_related("version"), pk=assessment_id)
    if not permissions.can_view_assessment(request.user, assessment):
        raise Http404
    return assessment


def _continue(assessment: Assessment) -> HttpResponse:
    """Where an assessment in progress carries on: the first unfinished step, or the check."""
    step = selectors.assessment_next_step(assessment=assessment)
    if step is None:
        return redirect("skills:check", assessment_id=assessment.pk)
    return redirect("skills:step", assessment_id=assessment.pk, number=step)


def _index_context(request: HttpRequest, form: ConfirmForm) -> dict[str, object]:
    in_progress = selectors.assessment_in_progress(user=request.user)
    finished = list(selectors.submitted_assessments(user=request.user))
    return {
        "form": form,
        "in_progress": in_progress,
        "progress": selectors.assessment_progress(assessment=in_progress) if in_progress else [],
        "latest": finished[-1] if finished else None,
        "perms_staff": can_edit_own_staff_profile(request.user),
    }


@allowed_if(permissions.can_self_assess)
def index(request: HttpRequest) -> HttpResponse:
    return render(request, "skills/index.html", _index_context(request, ConfirmForm()))


@require_POST
@allowed_if(permissions.can_self_assess)
def start(request: HttpRequest) -> HttpResponse:
    form = ConfirmForm(request.POST)
    if not form.is_valid():
        return render(request, "skills/index.html", _index_context(request, form))
    return _continue(services.assessment_start(user=request.user))


@allowed_if(permissions.can_self_assess)
@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, assessment_id: int, number: int) -> HttpResponse:
    assessment = _own_assessment(request, assessment_id)
    if not permissions.can_answer_assessment(request.user, assessment):
        messages.info(request, _("This self-assessment is finished. Here is your result."))
        return redirect("skills:result", assessment_id=assessment.pk)
    area = selectors.area_for_step(version=assessment.version, step=number)
    if area is None:
        raise Http404
    posted = request.method == "POST"
    save_for_later = posted and request.POST.get("action") == SAVE_FOR_LATER
    answers = selectors.assessment_answers(assessment=assessment)
    form = StepForm(
        request.POST if posted else None,
        area=area,
        easy_read=request.samen_preferences.easy_read,  # type: ignore[attr-defined]
        require_all=not save_for_later,
        initial={f"{FIELD_PREFIX}{key}": value for key, value in answers.items()},
    )
    back_to_check = request.POST.get("next", request.GET.get("next")) == RETURN_TO_CHECK
    if posted and form.is_valid():
        try:
            services.assessment_answer_step(
                assessment=assessment, area=area, answers=form.answers()
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            if save_for_later:
                messages.success(
                    request,
                    _("Your answers are saved. You can come back and carry on at any time."),
                )
                return redirect("skills:index")
            steps = len(selectors.assessment_progress(assessment=assessment))
            if back_to_check or number >= steps:
                return redirect("skills:check", assessment_id=assessment.pk)
            return redirect("skills:step", assessment_id=assessment.pk, number=number + 1)
    progress = selectors.assessment_progress(assessment=assessment)
    return render(
        request,
        "skills/step.html",
        {
            "assessment": assessment,
            "area": area,
            "form": form,
            "number": number,
            "steps": len(progress),
            "back_to_check": back_to_check,
        },
    )


@allowed_if(permissions.can_self_assess)
@require_http_methods(["GET", "POST"])
def check(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = _own_assessment(request, assessment_id)
    if not permissions.can_answer_assessment(request.user, assessment):
        return redirect("skills:result", assessment_id=assessment.pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        try:
            services.assessment_submit(assessment=assessment)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your self-assessment is finished. Here is your result."))
            return redirect("skills:result", assessment_id=assessment.pk)
    return render(
        request,
        "skills/check.html",
        {
            "assessment": assessment,
            "form": form,
            "progress": selectors.assessment_progress(assessment=assessment),
            "answer_labels": {
                statement_id: AnswerScale(value).label
                for statement_id, value in selectors.assessment_answers(
                    assessment=assessment
                ).items()
            },
        },
    )


def _result_context(request: HttpRequest, assessment: Assessment) -> dict[str, object]:
    lines = selectors.assessment_result(assessment=assessment)
    return {
        "assessment": assessment,
        "lines": lines,
        "explanations": level_explanations(version=assessment.version),
        "weak": weak_areas(lines),
        "courses": next_step_courses(request=request, lines=lines),
        "help_url": request.build_absolute_uri(reverse("core:help")),
    }


@allowed_if(permissions.can_self_assess)
def result(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = _own_assessment(request, assessment_id)
    if not assessment.is_submitted:
        return _continue(assessment)
    return render(request, "skills/result.html", _result_context(request, assessment))


@allowed_if(permissions.can_self_assess)
def result_pdf(request: HttpRequest, assessment_id: int) -> HttpResponse:
    assessment = _own_assessment(request, assessment_id)
    if not assessment.is_submitted:
        raise Http404
    document = pdf.result_pdf(context=_result_context(request, assessment), language=get_language())
    response = HttpResponse(document, content_type="application/pdf")
    day = timezone.localtime(assessment.submitted_at).date().isoformat()
    response["Content-Disposition"] = f'attachment; filename="digital-skills-{day}.pdf"'
    return response


@allowed_if(permissions.can_self_assess)
def history(request: HttpRequest) -> HttpResponse:
    assessments = list(selectors.submitted_assessments(user=request.user))
    chart = None
    if assessments:
        areas = selectors.framework_areas(version=assessments[-1].version)
        chart = progress_chart(assessments, {area.number: translated(area.title) for area in areas})
    return render(request, "skills/history.html", {"assessments": assessments, "chart": chart})
