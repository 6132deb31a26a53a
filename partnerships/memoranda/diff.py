"""Readable differences between two versions of a memorandum, as escaped HTML."""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from .text import SECTIONS, heading, numbering

# A word with the whitespace after it: a changed word is marked, not a whole line.
_TOKENS = re.compile(r"\S+\s*|\s+")


def _segments(before: list[str], after: list[str]) -> list[tuple[str, str, str]]:
    """(kind, old, new) runs; a lone short word left between two changes joins them.

    Without that, replacing a sentence leaves islands like "the" or "та"
    matched in the middle, and the diff reads as confetti.
    """
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    runs: list[list] = []
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        kind = "equal" if operation == "equal" else "change"
        old, new = "".join(before[i1:i2]), "".join(after[j1:j2])
        runs.append([kind, old, new])
    merged: list[list] = []
    for index, run in enumerate(runs):
        is_island = (
            run[0] == "equal"
            and 0 < index < len(runs) - 1
            and len(run[1].split()) <= 1
            and len(run[1].strip()) <= 4
        )
        if is_island:
            run = ["change", run[1], run[2]]
        if merged and merged[-1][0] == "change" and run[0] == "change":
            merged[-1][1] += run[1]
            merged[-1][2] += run[2]
        else:
            merged.append(run)
    return [tuple(run) for run in merged]


def diff_html(old: str, new: str) -> SafeString:
    """`old` → `new` with <del> and <ins> around what changed; every piece is escaped."""
    parts: list[str] = []
    for kind, removed, added in _segments(_TOKENS.findall(old or ""), _TOKENS.findall(new or "")):
        if kind == "equal":
            parts.append(escape(removed))
            continue
        if removed:
            parts.append(f"<del>{escape(removed)}</del>")
        if added:
            parts.append(f"<ins>{escape(added)}</ins>")
    return mark_safe("".join(parts))


def compare_sections(old, new) -> list[dict]:
    """Per section of two versions (memorandum or historical rows): changed? and the diffs."""
    rows = []
    old_numbers, new_numbers = numbering(old), numbering(new)
    for section in SECTIONS:
        old_uk, new_uk = getattr(old, f"{section.key}_uk"), getattr(new, f"{section.key}_uk")
        old_other = getattr(old, f"{section.key}_other")
        new_other = getattr(new, f"{section.key}_other")
        changed = old_uk != new_uk or old_other != new_other
        rows.append(
            {
                "key": section.key,
                # As numbered in the newer version, or in the older one if left out now.
                "number": new_numbers[section.key] or old_numbers[section.key],
                "heading_uk": section.heading_uk,
                "heading_other": heading(section.key, new.language),
                "changed": changed,
                "diff_uk": diff_html(old_uk, new_uk) if changed else escape(new_uk),
                "diff_other": diff_html(old_other, new_other) if changed else escape(new_other),
            }
        )
    return rows
