"""Organisers translate content (processes, proposals, courses, help points), under "manage"."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from samen.core.access import allowed_if
from samen.core.http import posted
from samen.inclusion import permissions
from samen.inclusion.forms_translation import ContentTranslationForm
from samen.inclusion.services_translation import content_translations_save
from samen.inclusion.translation import (
    TRANSLATABLE,
    source_language,
    translation_counts,
    translations_of,
)

LIST_LIMIT = 100


@allowed_if(permissions.can_translate_content)
@require_http_methods(["GET"])
def translation_index(request: HttpRequest) -> HttpResponse:
    """Every translatable object, by kind, with how many translations it has."""
    groups = []
    for key, translatable in TRANSLATABLE.items():
        try:
            model = translatable.model
        except LookupError:  # an app that is not installed here
            continue
        objects = list(model._default_manager.all()[:LIST_LIMIT])
        counts = translation_counts(translatable.model, [obj.pk for obj in objects])
        rows = [(obj, counts.get(obj.pk, 0)) for obj in objects]
        groups.append((key, translatable, rows))
    return render(request, "inclusion/manage/translation_index.html", {"groups": groups})


@allowed_if(permissions.can_translate_content)
@require_http_methods(["GET", "POST"])
def translation_edit(request: HttpRequest, kind: str, object_id: int) -> HttpResponse:
    translatable = TRANSLATABLE.get(kind)
    if translatable is None:
        raise Http404
    try:
        obj = translatable.model._default_manager.filter(pk=object_id).first()
    except LookupError:
        obj = None
    if obj is None:
        raise Http404
    initial = {
        f"{field}__{language}": text for (field, language), text in translations_of(obj).items()
    }
    form = ContentTranslationForm(
        posted(request), obj=obj, translatable=translatable, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            changed = content_translations_save(actor=request.user, obj=obj, texts=form.texts())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if changed:
                messages.success(request, _("The translations are saved."))
            else:
                messages.info(request, _("Nothing changed."))
            return redirect("inclusion:translation_edit", kind=kind, object_id=obj.pk)
    source = [
        (obj._meta.get_field(name).verbose_name, getattr(obj, name)) for name in translatable.fields
    ]
    context = {
        "form": form,
        "obj": obj,
        "translatable": translatable,
        "source": source,
        "source_language": source_language(obj),
    }
    return render(request, "inclusion/manage/translation_form.html", context)
