"""Readability hints: long sentences and long words, in the current language, never a gate."""

from django.utils import translation

from samen.budgeting.readability import long_sentences, long_words, readability_hints

LONG = " ".join(["word"] * 21) + "."
SHORT = " ".join(["word"] * 20) + "."


def test_a_sentence_of_twenty_words_is_fine_and_twenty_one_is_long():
    assert long_sentences(SHORT) == []
    assert long_sentences(f"{SHORT} {LONG} Short one.") == [LONG]


def test_lines_count_as_sentence_ends():
    assert long_sentences(" ".join(["word"] * 15) + "\n" + " ".join(["word"] * 15)) == []


def test_long_words_are_listed_once_whatever_their_case():
    text = "Gemeenteraadsverkiezingen and gemeenteraadsverkiezingen, plus a park."

    assert long_words(text) == ["Gemeenteraadsverkiezingen"]
    assert long_words("Fourteen-letter: Participations") == []  # 14 letters


def test_hints_are_empty_for_plain_text():
    assert (
        readability_hints(field="description", text="We want three benches. Near the pond.") == []
    )


def test_hints_name_the_problem_and_the_field():
    hints = readability_hints(field="description", text=f"{LONG} Neighbourhoodwatch helps.")

    assert [hint.field for hint in hints] == ["description", "description"]
    assert hints[0].message == (
        "1 sentence has more than 20 words. Shorter sentences are easier to read. Try to split it."
    )
    assert hints[1].message == (
        "Some words are long: Neighbourhoodwatch. Could you use shorter, everyday words?"
    )


def test_hints_follow_the_active_language_or_fall_back_to_english():
    with translation.override("nl"):
        hints = readability_hints(field="title", text=LONG)

    assert len(hints) == 1
    assert "20" in hints[0].message
