"""Plain-language hints for proposal texts: honest, simple checks that never block saving.

Scores such as Flesch or LIX arrive with the inclusion pillar (textstat); until then two
checks that hold in every language we ship: very long sentences and very long words.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

LONG_SENTENCE_WORDS = 20
LONG_WORD_LETTERS = 15
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")
WORD = re.compile(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*")


@dataclass(frozen=True)
class Hint:
    field: str
    message: str


def long_sentences(text: str) -> list[str]:
    sentences = [s.strip() for s in SENTENCE_END.split(text) if s.strip()]
    return [s for s in sentences if len(WORD.findall(s)) > LONG_SENTENCE_WORDS]


def long_words(text: str) -> list[str]:
    found: list[str] = []
    for word in WORD.findall(text):
        if len(word) >= LONG_WORD_LETTERS and word.lower() not in {w.lower() for w in found}:
            found.append(word)
    return found


def readability_hints(*, field: str, text: str) -> list[Hint]:
    """Hints for one field's text, in the current language; empty when the text reads well."""
    hints: list[Hint] = []
    sentences = long_sentences(text)
    if sentences:
        hints.append(
            Hint(
                field,
                ngettext(
                    "%(count)d sentence has more than %(limit)d words. Shorter sentences are "
                    "easier to read. Try to split it.",
                    "%(count)d sentences have more than %(limit)d words. Shorter sentences are "
                    "easier to read. Try to split them.",
                    len(sentences),
                )
                % {"count": len(sentences), "limit": LONG_SENTENCE_WORDS},
            )
        )
    words = long_words(text)
    if words:
        hints.append(
            Hint(
                field,
                _("Some words are long: %(words)s. Could you use shorter, everyday words?")
                % {"words": ", ".join(words[:5])},
            )
        )
    return hints
