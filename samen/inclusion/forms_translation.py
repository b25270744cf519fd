"""The form organisers translate one object with: one box per field and language."""

from typing import Any

from django import forms
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from samen.core.forms import SamenForm
from samen.inclusion.translation import Translatable, target_languages


class ContentTranslationForm(SamenForm):
    """Fields are named `<field>__<language>`; leave one empty to show the source text."""

    def __init__(
        self, *args: Any, obj: models.Model, translatable: Translatable, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.keys: dict[str, tuple[str, str]] = {}
        for language, language_name in target_languages(obj):
            for name in translatable.fields:
                model_field = obj._meta.get_field(name)
                long_text = isinstance(model_field, models.TextField)
                widget: forms.Widget = (
                    forms.Textarea(attrs={"rows": 6, "lang": language})
                    if long_text
                    else forms.TextInput(attrs={"lang": language, "autocomplete": "off"})
                )
                key = f"{name}__{language}"
                self.fields[key] = forms.CharField(
                    label=_("%(field)s (%(language)s)")
                    % {"field": capfirst(model_field.verbose_name), "language": language_name},
                    required=False,
                    max_length=getattr(model_field, "max_length", None) or 20_000,
                    widget=widget,
                )
                self.keys[key] = (name, language)

    def texts(self) -> dict[tuple[str, str], str]:
        return {self.keys[key]: value for key, value in self.cleaned_data.items()}

    def grouped(self) -> list[tuple[str, list[Any]]]:
        """The bound fields by language, for one fieldset per language."""
        groups: dict[str, list[Any]] = {}
        for key, (_name, language) in self.keys.items():
            groups.setdefault(language, []).append(self[key])
        return list(groups.items())
