from io import StringIO

import pytest
from django.core.management import call_command

from news.models import Article, Comment
from partnerships.choices import RequestStatus
from partnerships.models import CooperationRequest, Memorandum, Municipality, Official

pytestmark = pytest.mark.django_db


def counts():
    return {
        "articles": Article.objects.count(),
        "comments": Comment.objects.count(),
        "officials": Official.objects.count(),
        "requests": sorted(CooperationRequest.objects.values_list("status", flat=True)),
        "memoranda": Memorandum.objects.count(),
        "described": Municipality.objects.exclude(description_uk="").count(),
    }


def test_load_demo_tells_the_whole_story_once(settings):
    settings.DEBUG = True
    call_command("load_registry", stdout=StringIO())
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    assert first["articles"] >= 31
    assert first["comments"] > 0
    assert first["officials"] == 3
    assert first["requests"] == [RequestStatus.ACCEPTED, RequestStatus.SUBMITTED]
    assert first["memoranda"] == 1
    assert "twinning-demo-2026" in out.getvalue()

    call_command("load_demo", stdout=StringIO())
    assert counts() == first


def test_load_demo_makes_no_accounts_in_production(settings):
    settings.DEBUG = False
    call_command("load_registry", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Official.objects.count() == 0
    assert CooperationRequest.objects.count() == 0
