"""Inclusion data: the per-language jargon list, and the easy-read fields content models adopt."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

# Words and short phrases: letters in any script, digits, spaces and the punctuation words
# carry (hyphen, apostrophes, full stop, ampersand, slash). Markup is refused, not escaped:
# a jargon entry is shown to editors as a hint and has no business holding tags.
PLAIN_WORDS = RegexValidator(
    r"^[^\W_](?:[\w \-'\u2019.&/,()]*[\w.)])?$",
    message=_("Use words only: letters, numbers, spaces and - ' . & / , ( )."),
    code="not_plain_words",
)


class JargonTerm(models.Model):
    """A hard word or phrase in one language, with a plainer suggestion editors are shown."""

    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    term = models.CharField(
        _("hard word or phrase"),
        max_length=80,
        validators=[PLAIN_WORDS],
        help_text=_("For example: “participatory budgeting”."),
    )
    suggestion = models.CharField(
        _("plainer words"),
        max_length=200,
        validators=[PLAIN_WORDS],
        help_text=_("What to write instead. For example: “you choose how to spend money”."),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("jargon term")
        verbose_name_plural = _("jargon terms")
        ordering = ["language", Lower("term")]
        constraints = [
            models.UniqueConstraint(
                Lower("term"),
                "language",
                name="inclusion_jargon_term_unique_per_language",
                violation_error_message=_("This word is already on the list for this language."),
            ),
        ]

    def __str__(self) -> str:
        return self.term


class EasyReadMixin(models.Model):
    """Fields for an easy-read version of a content object (process, proposal, course, page).

    Inclusion Europe's rule: only text that people with intellectual disabilities have checked
    may carry the easy-to-read mark. So the check is a separate, dated fact, and changing the
    text through `samen.inclusion.services.easy_read_text_set` clears it.
    """

    easy_read_text = models.TextField(
        _("easy-read version"),
        blank=True,
        max_length=20_000,
        help_text=_("Short sentences, one idea each, everyday words. Explain hard words."),
    )
    easy_read_checked_by_experts = models.BooleanField(
        _("checked by experts by experience"),
        default=False,
        help_text=_("Tick only when people with learning disabilities have checked the text."),
    )
    easy_read_checked_at = models.DateTimeField(_("checked on"), null=True, blank=True)
    easy_read_checked_by = models.CharField(
        _("checked by"),
        max_length=200,
        blank=True,
        help_text=_("Who checked it, for example: “the self-advocates group at the library”."),
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.easy_read_checked_by_experts and not self.easy_read_text.strip():
            raise ValidationError(
                {"easy_read_checked_by_experts": _("There is no easy-read text to check yet.")}
            )
        if self.easy_read_checked_by_experts and self.easy_read_checked_at is None:
            raise ValidationError({"easy_read_checked_at": _("Say when the text was checked.")})

    @property
    def has_easy_read(self) -> bool:
        return bool(self.easy_read_text.strip())

    @property
    def easy_read_badge(self) -> bool:
        """True only for easy-read text that experts by experience have checked."""
        return self.has_easy_read and self.easy_read_checked_by_experts


# Assisted digital lives in its own module; importing it here registers its models.
from samen.inclusion.models_assisted import (  # noqa: E402
    AssistedAction,
    AssistedActionKind,
    AssistedSession,
)
from samen.inclusion.models_translation import ContentTranslation  # noqa: E402

__all__ = [
    "AssistedAction",
    "AssistedActionKind",
    "AssistedSession",
    "ContentTranslation",
    "EasyReadMixin",
    "JargonTerm",
]
