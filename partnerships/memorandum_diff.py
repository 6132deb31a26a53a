"""Readable differences between two versions of a memorandum, as escaped HTML."""

import re
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from partnerships.memorandum_text import SECTIONS

# Words and the whitespace between them, so a changed word is marked, not a whole line.
_TOKENS = re.compile(r"\s+|[^\s]+")


def diff_html(old: str, new: str) -> SafeString:
    """`old` → `new` with <del> and <ins> around what changed; every piece is escaped."""
    before, after = _TOKENS.findall(old or ""), _TOKENS.findall(new or "")
    parts: list[str] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for operation, i1, i2, j1, j2 in matcher.get_opcodes():
        if operation == "equal":
            parts.append(escape("".join(before[i1:i2])))
            continue
        if operation in {"delete", "replace"}:
            parts.append(f"<del>{escape(''.join(before[i1:i2]))}</del>")
        if operation in {"insert", "replace"}:
            parts.append(f"<ins>{escape(''.join(after[j1:j2]))}</ins>")
    return mark_safe("".join(parts))


def compare_sections(old, new) -> list[dict]:
    """Per section of two versions (memorandum or historical rows): changed? and the diffs."""
    rows = []
    for section in SECTIONS:
        old_uk, new_uk = getattr(old, f"{section.key}_uk"), getattr(new, f"{section.key}_uk")
        old_en, new_en = getattr(old, f"{section.key}_en"), getattr(new, f"{section.key}_en")
        changed = old_uk != new_uk or old_en != new_en
        rows.append(
            {
                "key": section.key,
                "number": section.number,
                "heading_uk": section.heading_uk,
                "heading_en": section.heading_en,
                "changed": changed,
                "diff_uk": diff_html(old_uk, new_uk) if changed else escape(new_uk),
                "diff_en": diff_html(old_en, new_en) if changed else escape(new_en),
            }
        )
    return rows
