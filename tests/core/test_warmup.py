"""What gunicorn's master prepares before forking, and each worker before its first
request (core.warmup, gunicorn.conf.py)."""

import pytest
from django.conf import settings
from django.template import engines
from django.urls import get_resolver

from core import warmup


def test_prepare_builds_the_url_tables_of_every_language_and_compiles_the_templates():
    warmup.prepare()
    languages = {code for code, _name in settings.LANGUAGES}
    assert languages <= set(get_resolver()._reverse_dict)
    namespaced = get_resolver().namespace_dict["partnerships"][1]
    assert languages <= set(namespaced._reverse_dict)
    assert warmup.compile_templates() > 50  # every page template compiles on its own
    (loader,) = engines["django"].engine.template_loaders  # the cached loader
    assert "base.html" in loader.get_template_cache


@pytest.mark.django_db
def test_connect_opens_the_database_connection():
    from django.db import connection

    connection.close()
    warmup.connect()
    assert connection.connection is not None
