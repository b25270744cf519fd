"""Every account string is translated into each shipped language, placeholders intact."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "samen" / "accounts" / "locale"
PLACEHOLDER = re.compile(r"%\(\w+\)s")
ENTRY = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$')


def entries(path: Path) -> list[dict[str, str]]:
    """A small .po reader: enough to compare msgid and msgstr texts."""
    found: list[dict[str, str]] = []
    current: dict[str, str] = {}
    key = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        match = ENTRY.match(line)
        if match:
            key = match.group(1)
            if key == "msgid" and current:
                found.append(current)
                current = {}
            current[key] = match.group(2)
        elif line.startswith('"') and key:
            current[key] += line[1:-1]
    if current:
        found.append(current)
    return [entry for entry in found if entry.get("msgid")]


@pytest.mark.parametrize("language", ["nl", "da", "de", "fr"])
def test_accounts_catalogue_is_complete(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    catalogue = entries(path)
    assert len(catalogue) > 150
    for entry in catalogue:
        translations = [value for key, value in entry.items() if key.startswith("msgstr")]
        assert translations, entry["msgid"]
        for translation in translations:
            assert translation, f"untranslated in {language}: {entry['msgid']}"
            assert sorted(PLACEHOLDER.findall(translation)) == sorted(
                PLACEHOLDER.findall(entry["msgid"])
            ), f"placeholders differ in {language}: {entry['msgid']}"
