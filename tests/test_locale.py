"""The translation catalogues in locale/: complete, in step with the code, and used."""

import ast
import os
import re
import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

LOCALE = Path(settings.BASE_DIR) / "locale"
ENTRY = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d\])?) (".*")$')


def catalogue(path: Path) -> dict[tuple[str, str], dict]:
    """(msgctxt, msgid) → {"fuzzy": bool, "msgstr": [...]} for every entry but the header."""
    entries, current, key, fuzzy = {}, {}, None, False

    def flush():
        nonlocal current, fuzzy
        if current.get("msgid"):
            entries[(current.get("msgctxt", ""), current["msgid"])] = {
                "fuzzy": fuzzy,
                "msgstr": [v for k, v in current.items() if k.startswith("msgstr")],
            }
        current, fuzzy = {}, False

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#,") and "fuzzy" in line:
            flush() if "msgid" in current else None
            fuzzy = True
        elif match := ENTRY.match(line):
            if match[1] in ("msgctxt", "msgid") and "msgstr" in " ".join(current):
                flush()
            key = match[1]
            current[key] = ast.literal_eval(match[2])
        elif line.startswith('"') and key:
            current[key] += ast.literal_eval(line)
    flush()
    return entries


@pytest.mark.parametrize("language", [code for code, _name in settings.LANGUAGES])
def test_catalogue_is_complete_and_not_fuzzy(language):
    entries = catalogue(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 500
    assert [key for key, e in entries.items() if e["fuzzy"]] == []
    assert [key for key, e in entries.items() if not all(e["msgstr"])] == []


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext tools come with bin/setup")
def test_catalogue_holds_every_string_of_the_code(tmp_path, settings):
    """makemessages over a copy of today's code adds nothing left untranslated."""
    root = Path(settings.BASE_DIR)
    for folder in ("core", "twinning", "partnerships", "news", "templates", "locale"):
        shutil.copytree(root / folder, tmp_path / folder, ignore=shutil.ignore_patterns("*.mo"))
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    here = Path.cwd()
    os.chdir(tmp_path)
    try:
        call_command("makemessages", locale=["uk"], verbosity=0)
    finally:
        os.chdir(here)
    refreshed = catalogue(tmp_path / "locale" / "uk" / "LC_MESSAGES" / "django.po")
    missing = [key for key, e in refreshed.items() if e["fuzzy"] or not all(e["msgstr"])]
    assert missing == []


@pytest.mark.django_db
def test_ukrainian_translation_is_used(client):
    html = client.get(reverse("partnerships:municipality-list")).content.decode()
    assert "<h1>Муніципалітети</h1>" in html
    assert "Municipalities</h1>" not in html
