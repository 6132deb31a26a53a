"""The API's views are imported when the API is first used, not by every page."""

import subprocess
import sys

from django.conf import settings

CHECK = """
import sys
import django
django.setup()
from django.urls import reverse
reverse("home"), reverse("api:schema")
loaded = [m for m in ("rest_framework.generics", "drf_spectacular.openapi", "api.views")
          if m in sys.modules]
print(",".join(loaded))
"""


def test_reversing_urls_imports_no_api_view():
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", CHECK],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip().splitlines()[-1:] in ([], [""])
