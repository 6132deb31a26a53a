"""The source tree itself: nothing a bad merge or a build leaves behind."""

import re
import subprocess
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
MARKER = re.compile(r"^(<{7} |={7}$|>{7} )", re.MULTILINE)


def tracked_files() -> list[Path]:
    listing = subprocess.run(
        ["git", "ls-files"],  # noqa: S607 - git from PATH, as a developer runs it
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return [ROOT / name for name in listing.splitlines()]


def test_no_merge_conflict_markers_in_sources():
    suffixes = {".py", ".html", ".css", ".js", ".txt", ".po", ".md", ".toml", ".svg"}
    marked = [
        str(path.relative_to(ROOT))
        for path in tracked_files()
        if path.suffix in suffixes
        and path.is_file()
        and MARKER.search(path.read_text("utf-8", "replace"))
    ]
    assert marked == []


def test_no_build_output_is_tracked():
    built = [
        p for p in tracked_files() if ".egg-info" in p.parts[-2] or p.suffix in {".mo", ".pyc"}
    ]
    assert built == []
