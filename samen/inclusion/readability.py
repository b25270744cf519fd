"""Readability guidance for any editor: a score per language, long sentences, long words, jargon.

Hints are advice, never gates: nothing here raises on bad text, and no form refuses to save
because of them. Other apps call `readability_hints(text, language)` (or use
`samen.inclusion.forms.ReadabilityHintsMixin`) and show what it returns.

Scores come from textstat, one formula per language (docs/decisions.md):

- English: Flesch Reading Ease (206.835 - 1.015 ASL - 84.6 ASW);
- Dutch: Flesch-Douma (206.835 - 0.93 ASL - 77 ASW);
- German: Amstad (180 - ASL - 58.5 ASW);
- French: Kandel-Moles (207 - 1.015 ASL - 73.6 ASW), which is what textstat's Flesch uses
  for French;
- Danish: LIX (ASL + percentage of words longer than six letters), which needs no syllables.

ASL is the average sentence length in words, ASW the average syllables per word. For the
Flesch family higher is easier; for LIX lower is easier.
"""

import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from django.conf import settings
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from textstat.textstat import textstatistics

# Overridable in settings; the defaults follow plain-language guidance (Inclusion Europe,
# the UK's GOV.UK style guide): sentences of 15-20 words at most.
LONG_SENTENCE_WORDS: int = getattr(settings, "SAMEN_READABILITY_LONG_SENTENCE_WORDS", 20)
# Dutch, German and Danish write compounds as one word, so "long" starts later there.
LONG_WORD_LETTERS: dict[str, int] = getattr(
    settings,
    "SAMEN_READABILITY_LONG_WORD_LETTERS",
    {"en": 13, "fr": 13, "nl": 16, "de": 16, "da": 16},
)
DEFAULT_LONG_WORD_LETTERS = 14
MAX_HINTS_PER_KIND = 10
EXCERPT_WORDS = 8

WORD = re.compile(r"[^\W_]+(?:[-'\u2019][^\W_]+)*")
SENTENCE_BREAK = re.compile(
    r"(?<=[.!?…])[\"'\u201d\u2019»)]*\s+|\n\s*\n|\n\s*[-*•]\s+|^\s*[-*•]\s+"
)


@dataclass(frozen=True)
class Formula:
    code: str
    name: str | Promise
    textstat_language: str | None  # None: LIX, which textstat computes without a language
    higher_is_easier: bool
    target: int


FORMULAS: dict[str, Formula] = {
    "en": Formula("flesch", gettext_lazy("Flesch Reading Ease"), "en", True, 60),
    "nl": Formula("flesch_douma", gettext_lazy("Flesch-Douma"), "nl", True, 60),
    "de": Formula("amstad", gettext_lazy("Amstad"), "de", True, 60),
    "fr": Formula("kandel_moles", gettext_lazy("Kandel-Moles"), "fr", True, 60),
    "da": Formula("lix", gettext_lazy("LIX"), None, False, 40),
}


@dataclass(frozen=True)
class Score:
    formula: str  # a FORMULAS code
    name: str
    value: float  # rounded to one decimal
    easy_enough: bool
    message: str


@dataclass(frozen=True)
class Hint:
    kind: str  # "long_sentence", "long_word" or "jargon"
    message: str
    excerpt: str = ""


@dataclass(frozen=True)
class Hints:
    """What an editor is told about one text. Empty text gets no score and no hints."""

    language: str
    score: Score | None = None
    items: tuple[Hint, ...] = field(default_factory=tuple)

    @property
    def has_advice(self) -> bool:
        return bool(self.items) or (self.score is not None and not self.score.easy_enough)

    def as_dict(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "score": asdict(self.score) if self.score else None,
            "hints": [asdict(item) for item in self.items],
        }


def language_root(language: str) -> str:
    """ "en-gb" and "nl_BE" become "en" and "nl"."""
    return language.strip().lower().replace("_", "-").split("-")[0]


def readability_hints(
    text: str,
    language: str,
    *,
    long_sentence_words: int | None = None,
    jargon: Iterable[tuple[str, str]] | None = None,
) -> Hints:
    """Advice for `text` written in `language`, with messages in the active UI language.

    `jargon` is a list of (term, suggestion) pairs; by default the organisers' list for the
    language is read from the database.
    """
    language = language_root(language)
    if not WORD.search(text):
        return Hints(language=language)
    limit = long_sentence_words or LONG_SENTENCE_WORDS
    if jargon is None:
        from samen.inclusion.selectors import jargon_pairs

        jargon = jargon_pairs(language=language)
    items = (
        *long_sentence_hints(text, limit),
        *long_word_hints(text, LONG_WORD_LETTERS.get(language, DEFAULT_LONG_WORD_LETTERS)),
        *jargon_hints(text, jargon),
    )
    return Hints(language=language, score=score(text, language), items=items)


def score(text: str, language: str) -> Score | None:
    """The language's readability score, or None for a language without a formula."""
    formula = FORMULAS.get(language_root(language))
    if formula is None or not WORD.search(text):
        return None
    stats = textstatistics()
    if formula.textstat_language is None:
        raw = stats.lix(text)
    else:
        stats.set_lang(formula.textstat_language)
        raw = stats.flesch_reading_ease(text)
    value = round(float(raw), 1)
    easy = value >= formula.target if formula.higher_is_easier else value <= formula.target
    return Score(
        formula=formula.code,
        name=str(formula.name),
        value=value,
        easy_enough=easy,
        message=_score_message(formula, value, easy),
    )


def _score_message(formula: Formula, value: float, easy: bool) -> str:
    params = {"formula": formula.name, "score": round(value), "target": formula.target}
    if easy:
        return _("Reading score (%(formula)s): %(score)d. This text is easy to read.") % params
    if formula.higher_is_easier:
        return (
            _(
                "Reading score (%(formula)s): %(score)d. A higher score is easier to read. "
                "Aim for %(target)d or more: use shorter sentences and shorter words."
            )
            % params
        )
    return (
        _(
            "Reading score (%(formula)s): %(score)d. A lower score is easier to read. "
            "Aim for %(target)d or less: use shorter sentences and shorter words."
        )
        % params
    )


def sentences(text: str) -> list[str]:
    """The text cut into sentences; blank lines and list bullets end a sentence too."""
    return [part.strip() for part in SENTENCE_BREAK.split(text) if WORD.search(part)]


def long_sentence_hints(text: str, limit: int) -> list[Hint]:
    hints: list[Hint] = []
    for sentence in sentences(text):
        words = WORD.findall(sentence)
        if len(words) > limit:
            message = ngettext(
                "This sentence has %(count)d word. Try to keep sentences under %(limit)d words.",
                "This sentence has %(count)d words. Try to keep sentences under %(limit)d words.",
                len(words),
            ) % {"count": len(words), "limit": limit}
            tokens = sentence.split()
            excerpt = " ".join(tokens[:EXCERPT_WORDS]) + (
                "…" if len(tokens) > EXCERPT_WORDS else ""
            )
            hints.append(Hint("long_sentence", message, excerpt))
    return hints[:MAX_HINTS_PER_KIND]


def long_word_hints(text: str, letters: int) -> list[Hint]:
    """Words (each part of a hyphenated word on its own) with more than `letters` letters."""
    seen: set[str] = set()
    hints: list[Hint] = []
    for word in WORD.findall(text):
        for part in re.split(r"[-'\u2019]", word):
            if len(part) <= letters or part.lower() in seen:
                continue
            seen.add(part.lower())
            message = _(
                "“%(word)s” is a long word (%(count)d letters). Is there a shorter, everyday word?"
            ) % {"word": part, "count": len(part)}
            hints.append(Hint("long_word", message, part))
    return hints[:MAX_HINTS_PER_KIND]


def jargon_hints(text: str, jargon: Iterable[tuple[str, str]]) -> list[Hint]:
    """One hint per listed term found in the text, matched whole-word and ignoring case, in the
    order the terms appear in the text."""
    found_at: list[tuple[int, Hint]] = []
    for term, suggestion in jargon:
        words = term.split()
        if not words:
            continue
        pattern = r"(?<![^\W_])" + r"\s+".join(re.escape(w) for w in words) + r"(?![^\W_])"
        found = re.search(pattern, text, flags=re.IGNORECASE)
        if found is None:
            continue
        message = _("“%(term)s” may be hard to understand. Try: “%(suggestion)s”.") % {
            "term": found.group(0),
            "suggestion": suggestion,
        }
        found_at.append((found.start(), Hint("jargon", message, found.group(0))))
    found_at.sort(key=lambda pair: pair[0])
    return [hint for _start, hint in found_at[:MAX_HINTS_PER_KIND]]
