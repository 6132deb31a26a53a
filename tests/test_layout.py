"""The floors of the code: the site stands on the apps, the apps on core, never back."""

import ast
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
OURS = {"core", "twinning", "partnerships", "news", "api"}
# Which of our packages each one may import (besides itself).
ALLOWED = {
    "core": set(),
    "partnerships": {"core"},
    "news": {"core", "partnerships"},
    # The open data API reads the apps; only the site's URLs include it.
    "api": {"core", "partnerships", "news"},
    "twinning": {"core", "partnerships", "news", "api"},
}


def modules(package: str) -> list[Path]:
    return sorted(path for path in (ROOT / package).rglob("*.py") if "migrations" not in path.parts)


def imported_packages(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names & OURS


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_run_one_way_from_site_to_apps_to_core(package):
    wrong = {
        str(path.relative_to(ROOT)): sorted(imported_packages(path) - ALLOWED[package] - {package})
        for path in modules(package)
    }
    assert {name: found for name, found in wrong.items() if found} == {}


MAX_LINES = 400


def test_no_module_of_ours_is_over_400_lines():
    """A module that grows past this is split into a package by concept."""
    long = {
        str(path.relative_to(ROOT)): lines
        for package in sorted(OURS | {"tests", "bench"})
        for path in modules(package)
        if (lines := len(path.read_text("utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}
