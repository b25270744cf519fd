"""Content translation with fallback: which models' fields organisers may translate, and reads.

Apps (or inclusion on their behalf, in `translatable_models.py`) register a model's fields
with `register_translatable("budgeting.process", fields=("title", "description"), ...)`.
Templates show a field in the current language with `{% load content_translation %}` and
`{% translated obj "title" %}`: the translation when there is one, else the source text
wrapped in `<span lang="en">` so screen readers pronounce it in the right language. Use
`{% translated obj "description" as description %}` and then
`<div{{ description.lang_attr }}>{{ description.text|linebreaks }}</div>` for long text, and
`{{ title.text }}` inside <title>, and `with name=title.html` in a blocktranslate. On
list pages call `translations_prefetch(objects)` first (or `{% translations_prefetch objects %}`),
so a page costs one query, not one per object.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import Promise
from django.utils.html import escape, format_html
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from samen.inclusion.models_translation import ContentTranslation

CACHE_ATTRIBUTE = "_samen_content_translations"


@dataclass(frozen=True)
class Translatable:
    label: str  # "app_label.model_name"
    fields: tuple[str, ...]
    name: str | Promise  # what organisers call these objects, plural: "Budgeting processes"

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.label)


TRANSLATABLE: dict[str, Translatable] = {}


def register_translatable(label: str, *, fields: tuple[str, ...], name: str | Promise) -> None:
    TRANSLATABLE[label.lower()] = Translatable(label.lower(), fields, name)


def translatable_for(obj: models.Model) -> Translatable | None:
    return TRANSLATABLE.get(obj._meta.label_lower)


def source_language(obj: models.Model | None = None) -> str:
    """The language content is written in: SAMEN_CONTENT_LANGUAGE, else the site's default."""
    return str(getattr(settings, "SAMEN_CONTENT_LANGUAGE", settings.LANGUAGE_CODE))


def target_languages(obj: models.Model | None = None) -> list[tuple[str, str]]:
    source = source_language(obj)
    return [(code, name) for code, name in settings.LANGUAGES if code != source]


def _current(language: str | None) -> str:
    return (language or get_language() or settings.LANGUAGE_CODE).split("-")[0]


@dataclass(frozen=True)
class TranslatedText:
    """A field's text for display: `language` is the language it is really in."""

    text: str
    language: str
    is_fallback: bool

    def __str__(self) -> str:
        return self.text

    def __html__(self) -> SafeString:
        if self.is_fallback:
            return format_html('<span lang="{}">{}</span>', self.language, self.text)
        return SafeString(escape(self.text))

    @property
    def html(self) -> SafeString:
        """The marked-up text as a safe string, for `{% blocktranslate with x=title.html %}`
        (blocktranslate turns values into plain strings, which would lose the `lang`)."""
        return self.__html__()

    @property
    def lang_attr(self) -> SafeString:
        """` lang="en"` for a fallback text, to put on its container element; else nothing."""
        return format_html(' lang="{}"', self.language) if self.is_fallback else SafeString()


def translations_prefetch(objects: Iterable[models.Model], language: str | None = None) -> None:
    """Load the translations of these objects in `language` with one query per model."""
    language = _current(language)
    by_model: dict[type[models.Model], list[models.Model]] = {}
    for obj in objects:
        by_model.setdefault(type(obj), []).append(obj)
    for model, group in by_model.items():
        if language == source_language() or model._meta.label_lower not in TRANSLATABLE:
            continue
        found: dict[Any, dict[tuple[str, str], str]] = {obj.pk: {} for obj in group}
        rows = ContentTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_id__in=list(found),
            language=language,
        ).values_list("object_id", "field", "text")
        for object_id, field, text in rows:
            found[object_id][(field, language)] = text
        for obj in group:
            cache = obj.__dict__.setdefault(CACHE_ATTRIBUTE, {})
            cache.update(found[obj.pk])
            cache[("", language)] = ""  # marks this language as loaded


def translated_text(obj: models.Model, field: str, language: str | None = None) -> TranslatedText:
    """The field in `language` (default: the active one), falling back to the source text."""
    language = _current(language)
    source_text = str(getattr(obj, field) or "")
    source = source_language(obj)
    if language == source or translatable_for(obj) is None:
        return TranslatedText(source_text, source, False)
    cache = obj.__dict__.get(CACHE_ATTRIBUTE, {})
    if ("", language) not in cache:
        translations_prefetch([obj], language)
        cache = obj.__dict__[CACHE_ATTRIBUTE]
    text = cache.get((field, language), "")
    if text:
        return TranslatedText(text, language, False)
    return TranslatedText(source_text, source, bool(source_text))


def translations_of(obj: models.Model) -> dict[tuple[str, str], str]:
    """Every translation of the object: (field, language) → text, for the editing form."""
    rows = ContentTranslation.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).values_list("field", "language", "text")
    return {(field, language): text for field, language, text in rows}


def translation_counts(model: type[models.Model], object_ids: list[Any]) -> dict[Any, int]:
    """How many field translations each object has, for the management list."""
    rows = (
        ContentTranslation.objects.filter(
            content_type=ContentType.objects.get_for_model(model), object_id__in=object_ids
        )
        .values("object_id")
        .annotate(count=models.Count("id"))
        .values_list("object_id", "count")
    )
    return dict(rows)
