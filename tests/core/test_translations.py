"""Every app's interface is completely translated into Dutch, Danish, German and French."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
APPS = sorted(path.parent for path in (ROOT / "samen").glob("*/apps.py"))
LANGUAGES = ("nl", "da", "de", "fr")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def parse_po(path: Path) -> list[dict[str, object]]:
    """Entries of a .po file as dicts: msgid, msgid_plural, msgstr list, fuzzy flag."""
    entries: list[dict[str, object]] = []
    entry: dict[str, object] = {}
    key = ""

    def flush() -> None:
        if "msgid" in entry:
            entries.append(dict(entry))
        entry.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,"):
            flush()
            entry["fuzzy"] = "fuzzy" in line
        elif line.startswith("msgid "):
            if "msgid" in entry:
                flush()
            key = "msgid"
            entry[key] = "".join(STRING.findall(line))
        elif line.startswith("msgid_plural "):
            key = "msgid_plural"
            entry[key] = "".join(STRING.findall(line))
        elif line.startswith("msgstr"):
            key = line.split(" ", 1)[0]
            entry[key] = "".join(STRING.findall(line))
        elif line.startswith('"') and key:
            entry[key] = str(entry[key]) + "".join(STRING.findall(line))
        elif not line.strip():
            flush()
            key = ""
    flush()
    return [e for e in entries if e["msgid"] != ""]


def untranslated(entries: list[dict[str, object]]) -> list[str]:
    problems = []
    for entry in entries:
        values = [str(v) for k, v in entry.items() if k.startswith("msgstr")]
        if entry.get("fuzzy"):
            problems.append(f"fuzzy: {entry['msgid']}")
        elif not values or any(v == "" for v in values):
            problems.append(f"empty: {entry['msgid']}")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("app", APPS, ids=lambda path: path.name)
def test_every_message_is_translated_and_none_is_fuzzy(app: Path, language: str):
    po = app / "locale" / language / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"{po.relative_to(ROOT)} is missing; run makemessages in {app.name}"
    assert untranslated(parse_po(po)) == []


@pytest.mark.parametrize("app", APPS, ids=lambda path: path.name)
def test_catalogues_hold_every_string_in_the_source(app: Path, tmp_path: Path):
    """Re-extract into a copy, so a string added without running makemessages fails here."""
    copy = tmp_path / app.name
    shutil.copytree(app, copy, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "makemessages", "-l", "nl", "--no-location"],
        cwd=copy,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "PYTHONPATH": str(ROOT),
        },
    )
    fresh = {e["msgid"] for e in parse_po(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po")}
    shipped = {e["msgid"] for e in parse_po(app / "locale" / "nl" / "LC_MESSAGES" / "django.po")}
    assert sorted(fresh - shipped) == []
