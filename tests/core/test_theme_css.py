"""The display themes are two CSS rules: `html.text-200` sets the font size and
`html.high-contrast` sets colours, and no other rule anywhere mentions either class.

The browser suite relies on this: in those themes it runs only axe's rules that size and
colour can change (tests/browser/tabs.py, THEME_RULES), having run every rule in the
default theme on the same page. A theme rule that did more (hid an element, changed a
label) would need the full rule set there, so this test fails first."""

import re
from pathlib import Path

import samen

STATIC_CSS = sorted(Path(samen.__file__).parent.glob("*/static/**/*.css"))
RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
THEME_CLASSES = ("text-200", "high-contrast")


def _declarations(body: str) -> dict[str, str]:
    pairs = (part.split(":", 1) for part in body.split(";") if part.strip())
    return {name.strip(): value.strip() for name, value in pairs}


def _theme_rules() -> dict[str, list[dict[str, str]]]:
    found: dict[str, list[dict[str, str]]] = {}
    for path in STATIC_CSS:
        css = re.sub(r"/\*.*?\*/", "", path.read_text(), flags=re.DOTALL)
        for selector, body in RULE.findall(css):
            for theme in THEME_CLASSES:
                if re.search(rf"\.{theme}\b", selector):
                    found.setdefault(selector.strip(), []).append(_declarations(body))
    return found


def test_only_the_two_theme_rules_mention_the_theme_classes():
    assert sorted(_theme_rules()) == ["html.high-contrast", "html.text-200"]


def test_text_200_sets_the_font_size_and_nothing_else():
    assert _theme_rules()["html.text-200"] == [{"font-size": "200%"}]


def test_high_contrast_sets_colours_and_nothing_else():
    (declarations,) = _theme_rules()["html.high-contrast"]

    assert all(name.startswith("--") for name in declarations), declarations
    assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for value in declarations.values())
    assert len(declarations) == 12
