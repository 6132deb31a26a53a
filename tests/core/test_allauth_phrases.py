"""The allauth phrases our catalogue corrects are still allauth's own."""

import gettext
from pathlib import Path

import allauth

from core.allauth_phrases import PHRASES


def test_corrected_allauth_phrases_are_allauths_own_msgids():
    """Our catalogue overrides these; a renamed msgid upstream would silently undo that."""
    catalogue = gettext.translation(
        "django", Path(allauth.__file__).parent / "locale", languages=["uk"]
    )
    missing = [msgid for msgid in PHRASES if msgid not in catalogue._catalog]
    assert missing == []
