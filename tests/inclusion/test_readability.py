"""readability_hints: a score per language from textstat, long sentences, long words, jargon."""

import pytest
from django.test import override_settings

from samen.inclusion.readability import Hint, Hints, readability_hints
from tests.inclusion.factories import JargonTermFactory

EASY = {
    "en": "The town has money for new projects. You can help choose them. "
    "Vote before the end of March.",
    "nl": "De gemeente heeft geld voor nieuwe projecten. Jij kunt helpen kiezen. "
    "Stem voor het einde van maart.",
    "de": "Die Stadt hat Geld für neue Projekte. Sie können mit auswählen. "
    "Stimmen Sie bis Ende März ab.",
    "fr": "La ville a de l'argent pour de nouveaux projets. Vous pouvez aider à choisir. "
    "Votez avant la fin du mois de mars.",
    "da": "Kommunen har penge til nye projekter. Du kan hjælpe med at vælge. "
    "Stem inden udgangen af marts.",
}
HARD_EN = (
    "In accordance with the regulations, the municipality will allocate supplementary "
    "financial resources to neighbourhood organisations that demonstrate sustainable community "
    "participation and environmental responsibility throughout the implementation period of "
    "their initiatives. Thank you."
)
HARD_DE = (
    "Die Antragstellung für den Bürgerhaushalt erfolgt gemäß der Geschäftsordnung des "
    "Stadtentwicklungsausschusses, die von allen Fraktionen des Gemeinderats im vergangenen "
    "Jahr einstimmig beschlossen wurde und seitdem gilt."
)
HARD_DA = (
    "Borgerbudgettet fordeles i henhold til kommunalbestyrelsens retningslinjer for "
    "borgerinddragelse."
)


@pytest.mark.parametrize(
    ("language", "formula", "name", "value", "message"),
    [
        ("en", "flesch", "Flesch Reading Ease", 102.0, "Reading score (Flesch Reading Ease): 102."),
        ("nl", "flesch_douma", "Flesch-Douma", 88.3, "Reading score (Flesch-Douma): 88."),
        ("de", "amstad", "Amstad", 91.7, "Reading score (Amstad): 92."),
        ("fr", "kandel_moles", "Kandel-Moles", 105.9, "Reading score (Kandel-Moles): 106."),
        ("da", "lix", "LIX", 23.3, "Reading score (LIX): 23."),
    ],
)
def test_each_language_is_scored_with_its_own_formula(language, formula, name, value, message):
    hints = readability_hints(EASY[language], language, jargon=[])

    assert hints.language == language
    assert hints.score is not None
    assert hints.score.formula == formula
    assert hints.score.name == name
    assert hints.score.value == value
    assert hints.score.easy_enough is True
    assert hints.score.message == f"{message} This text is easy to read."
    assert hints.items == ()
    assert hints.has_advice is False


def test_a_hard_english_text_gets_every_kind_of_hint_in_text_order():
    jargon = [("allocate", "give"), ("in accordance with", "following"), ("stakeholder", "person")]

    hints = readability_hints(HARD_EN, "en", jargon=jargon)

    assert hints.score is not None
    assert hints.score.value == -60.9
    assert hints.score.easy_enough is False
    assert hints.score.message == (
        "Reading score (Flesch Reading Ease): -61. A higher score is easier to read. "
        "Aim for 60 or more: use shorter sentences and shorter words."
    )
    assert hints.items == (
        Hint(
            "long_sentence",
            "This sentence has 30 words. Try to keep sentences under 20 words.",
            "In accordance with the regulations, the municipality will…",
        ),
        Hint(
            "long_word",
            "“responsibility” is a long word (14 letters). Is there a shorter, everyday word?",
            "responsibility",
        ),
        Hint(
            "long_word",
            "“implementation” is a long word (14 letters). Is there a shorter, everyday word?",
            "implementation",
        ),
        Hint(
            "jargon",
            "“In accordance with” may be hard to understand. Try: “following”.",
            "In accordance with",
        ),
        Hint("jargon", "“allocate” may be hard to understand. Try: “give”.", "allocate"),
    )
    assert hints.has_advice is True


def test_german_compounds_count_as_long_only_past_sixteen_letters():
    hints = readability_hints(HARD_DE, "de", jargon=[("gemäß", "nach")])

    assert hints.score is not None
    assert (hints.score.formula, hints.score.value) == ("amstad", 21.2)
    assert [item.message for item in hints.items] == [
        "This sentence has 26 words. Try to keep sentences under 20 words.",
        "“Stadtentwicklungsausschusses” is a long word (28 letters). Is there a shorter, "
        "everyday word?",
        "“gemäß” may be hard to understand. Try: “nach”.",
    ]


def test_danish_uses_lix_where_lower_is_easier():
    hints = readability_hints(HARD_DA, "da", jargon=[("i henhold til", "efter")])

    assert hints.score is not None
    assert hints.score.value == 75.7
    assert hints.score.message == (
        "Reading score (LIX): 76. A lower score is easier to read. "
        "Aim for 40 or less: use shorter sentences and shorter words."
    )
    assert [item.excerpt for item in hints.items] == [
        "kommunalbestyrelsens",
        "borgerinddragelse",
        "i henhold til",
    ]


@pytest.mark.parametrize("text", ["", "   \n ", "... !!! ---"])
def test_text_without_words_gets_no_score_and_no_hints(text):
    assert readability_hints(text, "en", jargon=[]) == Hints(language="en")


def test_a_language_without_a_formula_still_gets_sentence_and_word_hints():
    text = " ".join(["ord"] * 21) + "."

    hints = readability_hints(text, "sv", jargon=[])

    assert hints.score is None
    assert [item.message for item in hints.items] == [
        "This sentence has 21 words. Try to keep sentences under 20 words."
    ]


def test_regional_language_codes_use_the_main_language():
    hints = readability_hints(EASY["en"], "en-GB", jargon=[])

    assert hints.language == "en"
    assert hints.score is not None
    assert hints.score.formula == "flesch"


def test_the_sentence_limit_can_be_set_per_call():
    hints = readability_hints(
        "One two three four five six.", "en", long_sentence_words=5, jargon=[]
    )

    assert [item.message for item in hints.items] == [
        "This sentence has 6 words. Try to keep sentences under 5 words."
    ]


def test_list_items_and_blank_lines_end_sentences():
    text = "Bring these things\n- your phone\n- your charger\n\nWe start at ten"

    hints = readability_hints(text, "en", long_sentence_words=4, jargon=[])

    assert hints.items == ()


@override_settings(LANGUAGE_CODE="en")
def test_jargon_comes_from_the_organisers_list_for_the_texts_language(db):
    JargonTermFactory(language="nl", term="conform", suggestion="volgens")
    JargonTermFactory(language="nl", term="aanvraag indienen", suggestion="vragen")
    JargonTermFactory(language="en", term="conform", suggestion="follow")

    hints = readability_hints("Wij werken CONFORM de regels. Je kunt een aanvraag\nindienen.", "nl")

    assert [item.message for item in hints.items] == [
        "“CONFORM” may be hard to understand. Try: “volgens”.",
        "“aanvraag\nindienen” may be hard to understand. Try: “vragen”.",
    ]


def test_jargon_matches_whole_words_only(db):
    JargonTermFactory(language="nl", term="conform", suggestion="volgens")

    hints = readability_hints("De conformiteit is getest.", "nl")

    assert hints.items == ()


def test_hints_turn_into_plain_data_for_json():
    hints = readability_hints("Commence.", "en", jargon=[("commence", "start")])

    assert hints.as_dict() == {
        "language": "en",
        "score": {
            "formula": "flesch",
            "name": "Flesch Reading Ease",
            "value": hints.score.value if hints.score else None,
            "easy_enough": hints.score.easy_enough if hints.score else None,
            "message": hints.score.message if hints.score else None,
        },
        "hints": [
            {
                "kind": "jargon",
                "message": "“Commence” may be hard to understand. Try: “start”.",
                "excerpt": "Commence",
            }
        ],
    }
