"""Forms of the self-assessment: one page of statements, and the buttons to start and finish."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy

from samen.core.forms import SamenForm
from samen.skills.framework_text import translated
from samen.skills.models import AnswerScale, Area, Competence

FIELD_PREFIX = "statement_"
# Values of the submit buttons on a step page (`action` is accepted on every form).
SAVE_FOR_LATER = "save"


class StepForm(SamenForm):
    """The statements of one area, one radio group each, grouped by competence.

    With `require_all=False` ("save and finish later") a statement may stay unanswered; any
    answer given must still be one of the four.
    """

    def __init__(
        self,
        *args: Any,
        area: Area,
        easy_read: bool = False,
        require_all: bool = True,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.area = area
        self._groups: list[tuple[Competence, list[str]]] = []
        for competence in area.competences.all():
            names = []
            for statement in competence.statements.all():
                name = f"{FIELD_PREFIX}{statement.pk}"
                text = statement.easy_read_text if easy_read and statement.easy_read_text else ""
                self.fields[name] = forms.TypedChoiceField(
                    label=translated(text or statement.text),
                    choices=AnswerScale.choices,
                    coerce=int,
                    widget=forms.RadioSelect,
                    required=require_all,
                    error_messages={
                        "required": gettext_lazy("Choose how well you can do this."),
                        "invalid_choice": gettext_lazy("Choose one of the four answers."),
                    },
                )
                names.append(name)
            self._groups.append((competence, names))

    def groups(self) -> list[tuple[Competence, list[forms.BoundField]]]:
        """The bound fields by competence, for the template's headings."""
        return [(competence, [self[name] for name in names]) for competence, names in self._groups]

    def answers(self) -> dict[int, int]:
        """The answers given, by statement id (unanswered statements left out)."""
        return {
            int(name.removeprefix(FIELD_PREFIX)): value
            for name, value in self.cleaned_data.items()
            if name.startswith(FIELD_PREFIX) and value not in (None, "")
        }


class ConfirmForm(SamenForm):
    """A button with nothing to fill in ("Start", "Finish"): it only carries the CSRF token."""
