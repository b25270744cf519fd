"""The organisation's skills picture (under /manage/) and where staff members say they work."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.skills import permissions_picture as permissions
from samen.skills import selectors, selectors_picture
from samen.skills import services_picture as services
from samen.skills.charts_picture import SHADES, heatmap
from samen.skills.forms_picture import DepartmentForm, JobRoleForm, StaffProfileForm
from samen.skills.framework_text import translated
from samen.skills.models import Area
from samen.skills.models_picture import Department, JobRole


@allowed_if(permissions.can_view_picture)
def picture(request: HttpRequest) -> HttpResponse:
    figures = selectors_picture.skills_picture()
    return render(
        request,
        "skills/picture/picture.html",
        {
            "picture": figures,
            "chart": heatmap(figures),
            "shades": [(level, fill) for level, (fill, _text) in enumerate(SHADES)],
            "attendance": selectors_picture.course_attendance(),
        },
    )


@allowed_if(permissions.can_view_picture)
def picture_csv(request: HttpRequest) -> HttpResponse:
    """The heatmap's table as CSV; groups under five people say so instead of giving numbers."""
    figures = selectors_picture.skills_picture()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="skills-picture.csv"'
    writer = csv.writer(response)
    hidden = _("fewer than %(count)s people") % {"count": figures.min_group}
    writer.writerow(
        [_("Department"), _("Staff assessed")]
        + [f"{area.number}. {translated(area.title)}" for area in figures.areas]
    )
    for row in figures.rows:
        if not row.shown:
            writer.writerow([row.label, hidden] + [hidden] * len(row.cells))
            continue
        levels = [
            hidden if cell.mean is None else number_format(cell.mean, 1) for cell in row.cells
        ]
        writer.writerow([row.label, row.people, *levels])
    return response


def _area_list() -> list[Area]:
    return list(Area.objects.filter(version=selectors.current_version()).order_by("number"))


@allowed_if(permissions.can_manage_staff_profiles)
@require_http_methods(["GET", "POST"])
def department_list(request: HttpRequest) -> HttpResponse:
    form = DepartmentForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.department_save(actor=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("name", exc.messages)
        else:
            messages.success(request, _("The department is added."))
            return redirect("skills:department_list")
    departments = selectors_picture.departments()
    return render(
        request, "skills/picture/departments.html", {"departments": departments, "form": form}
    )


@allowed_if(permissions.can_manage_staff_profiles)
@require_http_methods(["GET", "POST"])
def department_edit(request: HttpRequest, department_id: int) -> HttpResponse:
    department = get_object_or_404(Department, pk=department_id)
    form = DepartmentForm(posted(request), initial={"name": department.name})
    if form.is_bound and form.is_valid():
        try:
            services.department_save(actor=request.user, department=department, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("name", exc.messages)
        else:
            messages.success(request, _("The department is renamed."))
            return redirect("skills:department_list")
    return render(
        request, "skills/picture/department_form.html", {"department": department, "form": form}
    )


@allowed_if(permissions.can_manage_staff_profiles)
def job_role_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "skills/picture/job_roles.html",
        {"job_roles": selectors_picture.job_roles(), "areas": _area_list()},
    )


def _job_role_form(request: HttpRequest, job_role: JobRole | None) -> HttpResponse:
    areas = _area_list()
    initial = {}
    if job_role is not None:
        initial = {"name": job_role.name, "description": job_role.description}
        initial |= {f"target_{t.area.number}": t.level for t in job_role.targets.all()}
    form = JobRoleForm(posted(request), areas=areas, initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.job_role_save(
                actor=request.user,
                job_role=job_role,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                targets=form.targets(),
            )
        except ValidationError as exc:
            form.add_error("name" if hasattr(exc, "error_dict") else None, exc.messages)
        else:
            messages.success(request, _("The job role and its targets are saved."))
            return redirect("skills:job_role_list")
    return render(
        request, "skills/picture/job_role_form.html", {"job_role": job_role, "form": form}
    )


@allowed_if(permissions.can_manage_staff_profiles)
@require_http_methods(["GET", "POST"])
def job_role_create(request: HttpRequest) -> HttpResponse:
    return _job_role_form(request, None)


@allowed_if(permissions.can_manage_staff_profiles)
@require_http_methods(["GET", "POST"])
def job_role_edit(request: HttpRequest, job_role_id: int) -> HttpResponse:
    job_role = get_object_or_404(selectors_picture.job_roles(), pk=job_role_id)
    return _job_role_form(request, job_role)


@allowed_if(permissions.can_manage_staff_profiles)
def staff_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "skills/picture/staff.html", {"staff": selectors_picture.staff_members()}
    )


def _profile_form(request: HttpRequest, user: object, template: str, done: str) -> HttpResponse:
    profile = getattr(user, "staff_profile", None)
    initial = (
        {"department": profile.department_id, "job_role": profile.job_role_id} if profile else {}
    )
    form = StaffProfileForm(posted(request), initial=initial)
    if form.is_bound and form.is_valid():
        try:
            services.staff_profile_save(actor=request.user, user=user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The department and job role are saved."))
            return redirect(done)
    return render(request, template, {"person": user, "form": form})


@allowed_if(permissions.can_manage_staff_profiles)
@require_http_methods(["GET", "POST"])
def staff_edit(request: HttpRequest, user_id: int) -> HttpResponse:
    person = selectors_picture.staff_members().filter(pk=user_id).first()
    if person is None:
        raise Http404
    return _profile_form(request, person, "skills/picture/staff_form.html", "skills:staff_list")


@allowed_if(permissions.can_edit_own_staff_profile)
@require_http_methods(["GET", "POST"])
def my_work(request: HttpRequest) -> HttpResponse:
    return _profile_form(request, request.user, "skills/picture/my_work.html", "skills:index")
