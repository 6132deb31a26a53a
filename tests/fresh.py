"""Code run by a fresh interpreter with an environment of the test's own: for settings
read once at start-up."""

import os
import subprocess
import sys

from django.conf import settings


def python_output(code: str, env: dict[str, str], *, drop: tuple[str, ...] = ("DJANGO_",)) -> str:
    """What `code`, run by a new Python in the project folder, prints. Its environment is
    this one without the variables whose names start with one of `drop`, plus `env`."""
    kept = {name: value for name, value in os.environ.items() if not name.startswith(drop)}
    return subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env={**kept, **env},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
