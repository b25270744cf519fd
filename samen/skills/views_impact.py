"""The impact survey: coaches make a one-time link (with a QR code) for the person they
helped, who answers anonymously, without an account."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.core.qr import qr_svg
from samen.skills import permissions_coaching as permissions
from samen.skills import services_impact as services
from samen.skills.forms_impact import ImpactSurveyForm, SurveyLinkForm


@allowed_if(permissions.can_coach)
@require_http_methods(["GET", "POST"])
def survey_link(request: HttpRequest) -> HttpResponse:
    """A new link each time: the coach shows its QR code or reads the link out."""
    form = SurveyLinkForm(posted(request))
    link = ""
    if form.is_bound and form.is_valid():
        token = services.survey_link_make(help_point=form.cleaned_data["help_point"])
        link = request.build_absolute_uri(reverse("skills:survey", kwargs={"token": token}))
    context = {
        "form": form,
        "link": link,
        "qr": qr_svg(link, _("QR code of the survey link")) if link else "",
    }
    return render(request, "skills/coaching/survey_link.html", context)


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    try:
        services.survey_link_read(token=token)
    except ValidationError as error:
        return render(request, "skills/coaching/survey_closed.html", {"problem": error.messages[0]})
    form = ImpactSurveyForm(posted(request))
    if form.is_bound and form.is_valid():
        try:
            services.survey_submit(token=token, answers=form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("skills:survey_thanks")
    return render(request, "skills/coaching/survey.html", {"form": form})


@require_http_methods(["GET"])
def survey_thanks(request: HttpRequest) -> HttpResponse:
    return render(request, "skills/coaching/survey_thanks.html")
