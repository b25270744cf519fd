"""The coordinator's pages: dashboard, recurring problems, coaches and topics (under /manage/)."""

from datetime import timedelta

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.skills import permissions_coaching as permissions
from samen.skills import selectors_coaching as selectors
from samen.skills import selectors_impact
from samen.skills import services_coaching as services
from samen.skills.charts_coaching import bar_chart
from samen.skills.forms_coaching import (
    CoachProfileForm,
    ResolveProblemForm,
    SessionForm,
    TopicForm,
)
from samen.skills.framework_text import translated
from samen.skills.models_coaching import RecurringProblem, Topic
from samen.skills.selectors_coaching import Row

DASHBOARD_DAYS = 90


@allowed_if(permissions.can_coordinate)
def dashboard(request: HttpRequest) -> HttpResponse:
    figures = selectors.dashboard(since=timezone.localdate() - timedelta(days=DASHBOARD_DAYS))
    by_topic = [Row(translated(row.label), row.sessions, row.minutes) for row in figures.by_topic]
    return render(
        request,
        "skills/coaching/manage/dashboard.html",
        {
            "figures": figures,
            "impact": selectors_impact.impact_summary(since=figures.since),
            "days": DASHBOARD_DAYS,
            "tables": [
                ("coach", _("Sessions per coach"), _("Coach"), figures.by_coach),
                ("place", _("Sessions per help point"), _("Help point"), figures.by_place),
                ("topic", _("Sessions per topic"), _("Topic"), by_topic),
            ],
            "charts": {
                "coach": bar_chart(figures.by_coach),
                "place": bar_chart(figures.by_place),
                "topic": bar_chart(by_topic),
            },
        },
    )


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def problem_resolve(request: HttpRequest, problem_id: int) -> HttpResponse:
    problem = get_object_or_404(
        RecurringProblem.objects.select_related("reported_by"), pk=problem_id
    )
    if not permissions.can_resolve_problem(request.user, problem):
        messages.info(request, _("This problem is already marked as acted on."))
        return redirect("skills:coaching_dashboard")
    form = ResolveProblemForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.problem_resolve(
                actor=request.user, problem=problem, action_taken=form.cleaned_data["action_taken"]
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The problem is marked as acted on."))
            return redirect("skills:coaching_dashboard")
    return render(
        request, "skills/coaching/manage/resolve.html", {"problem": problem, "form": form}
    )


@allowed_if(permissions.can_coordinate)
def coach_list(request: HttpRequest) -> HttpResponse:
    return render(request, "skills/coaching/manage/coaches.html", {"coaches": selectors.coaches()})


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def coach_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    coach = selectors.coach(user_id=user_id)
    if coach is None:
        raise Http404
    profile = getattr(coach, "coach_profile", None)
    initial = (
        {
            "kind": profile.kind,
            "department": profile.department,
            "training_status": profile.training_status,
            "badges": profile.badges,
        }
        if profile
        else {}
    )
    form = CoachProfileForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.coach_profile_save(actor=request.user, user=coach, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The coach's profile is saved."))
            return redirect("skills:coach_list")
    return render(request, "skills/coaching/manage/coach_form.html", {"coach": coach, "form": form})


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def topic_list(request: HttpRequest) -> HttpResponse:
    """The topics coaches pick from, and a form to add one."""
    form = TopicForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.topic_save(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The topic is added."))
            return redirect("skills:topic_list")
    topics = Topic.objects.order_by("position", "name")
    return render(request, "skills/coaching/manage/topics.html", {"topics": topics, "form": form})


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def topic_edit(request: HttpRequest, topic_id: int) -> HttpResponse:
    topic = get_object_or_404(Topic, pk=topic_id)
    initial = {"name": topic.name, "position": topic.position, "active": topic.active}
    form = TopicForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.topic_save(actor=request.user, topic=topic, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The topic is saved."))
            return redirect("skills:topic_list")
    return render(request, "skills/coaching/manage/topic_form.html", {"topic": topic, "form": form})


@allowed_if(permissions.can_coordinate)
@require_http_methods(["GET", "POST"])
def session_create(request: HttpRequest) -> HttpResponse:
    form = SessionForm(posted(request), initial={"kind": "drop_in", "capacity": 8})
    if form.is_bound and form.is_valid():
        starts_at, ends_at = form.times()
        data = form.cleaned_data
        try:
            services.session_create(
                actor=request.user,
                kind=data["kind"],
                help_point=data["help_point"],
                coach=data["coach"],
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=data["capacity"],
            )
        except ValidationError as exc:
            form.add_error(None, _session_errors(exc))
        else:
            messages.success(request, _("The session is on the calendar and open for booking."))
            return redirect("skills:coaching_dashboard")
    return render(request, "skills/coaching/manage/session_form.html", {"form": form})


def _session_errors(exc: ValidationError) -> ValidationError:
    """The service names model fields; the form asks for a day and two times instead."""
    if not hasattr(exc, "error_dict"):
        return exc
    fields = {"starts_at": "starts", "ends_at": "ends"}
    return ValidationError(
        {fields.get(name, name): errors for name, errors in exc.error_dict.items()}
    )
