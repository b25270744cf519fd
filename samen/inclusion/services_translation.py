"""Writes for content translation: an organiser saves the translations of one object."""

from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils.translation import gettext as _

from samen.core.services import audit_record
from samen.inclusion.models_translation import ContentTranslation
from samen.inclusion.translation import source_language, translatable_for


@transaction.atomic
def content_translations_save(
    *, actor: Any, obj: models.Model, texts: dict[tuple[str, str], str]
) -> list[str]:
    """Set each (field, language) translation; an empty text removes it. Audited.

    Returns the "field:language" keys that changed, so nothing is audited when nothing did.
    """
    translatable = translatable_for(obj)
    if translatable is None:
        raise ValidationError(
            _("This kind of content cannot be translated."), code="not_translatable"
        )
    content_type = ContentType.objects.get_for_model(obj)
    existing = {
        (row.field, row.language): row
        for row in ContentTranslation.objects.select_for_update().filter(
            content_type=content_type, object_id=obj.pk
        )
    }
    languages = dict(settings.LANGUAGES)
    changed: list[str] = []
    for (field, language), raw in sorted(texts.items()):
        if field not in translatable.fields or language not in languages:
            raise ValidationError(_("Unknown field or language."), code="unknown")
        if language == source_language(obj):
            raise ValidationError(_("The source language needs no translation."), code="source")
        text = raw.strip()
        row = existing.get((field, language))
        if not text:
            if row is not None:
                row.delete()
                changed.append(f"{field}:{language}")
            continue
        if row is not None and row.text == text:
            continue
        row = row or ContentTranslation(
            content_type=content_type, object_id=obj.pk, field=field, language=language
        )
        row.text = text
        row.full_clean()
        row.save()
        changed.append(f"{field}:{language}")
    if changed:
        audit_record(
            actor=actor,
            action="inclusion.content_translations_save",
            target=obj,
            data={"changed": changed},
        )
    return changed
