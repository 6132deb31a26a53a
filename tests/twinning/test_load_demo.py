from io import StringIO

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from PIL import Image

from news.models import Article, Comment
from partnerships.choices import MemorandumLanguage, RequestStatus
from partnerships.models import (
    Activity,
    ActivityContribution,
    CooperationRequest,
    Memorandum,
    Municipality,
    Official,
    YearlyAgreement,
    YearlyDocument,
)

pytestmark = pytest.mark.django_db


def counts():
    return {
        "articles": Article.objects.count(),
        "comments": Comment.objects.count(),
        "officials": Official.objects.count(),
        "requests": sorted(CooperationRequest.objects.values_list("status", flat=True)),
        "memoranda": Memorandum.objects.count(),
        "described": Municipality.objects.exclude(description_uk="").count(),
        "activities": list(Activity.objects.values_list("status", flat=True)),
        "photos": sorted(
            ActivityContribution.objects.exclude(photo="").values_list(
                "municipality__registry_key", flat=True
            )
        ),
        "plans": list(YearlyDocument.objects.values_list("year", "status", "language")),
        "agreements": YearlyAgreement.objects.count(),
    }


def test_load_demo_tells_the_whole_story_once(settings):
    settings.DEBUG = True
    call_command("load_registry", stdout=StringIO())
    out = StringIO()
    call_command("load_demo", stdout=out)
    first = counts()
    assert first["articles"] >= 31
    assert first["comments"] > 0
    assert first["officials"] == 4
    assert first["requests"] == [RequestStatus.ACCEPTED, RequestStatus.ACCEPTED]
    assert first["memoranda"] == 2
    # Izium – Chennevières-sur-Marne: a published activity with a photo from each side and
    # this year's plan agreed by both, in Ukrainian and French.
    assert first["activities"] == ["published"]
    assert first["photos"] == ["UA63040090000021240", "fr-chennevieres-sur-marne"]
    assert first["plans"] == [(timezone.localdate().year, "agreed", "fr")]
    assert first["agreements"] == 2
    partnership = YearlyDocument.objects.get().partnership
    rows = Client().get(partnership.get_absolute_url()).content.decode()
    for shown in ("yearly-", "activity-", "news/izium-negotiating-cooperation-with-chennevieres"):
        assert shown in rows
    assert "twinning-demo-2026" in out.getvalue()

    call_command("load_demo", stdout=StringIO())
    assert counts() == first


def demo_alt_texts():
    return [(a.image_alt_uk, a.image_alt_en, a.title_uk, a.title_en) for a in Article.objects.all()]


def test_load_demo_images_carry_no_text_and_are_described_in_each_language(settings):
    settings.DEBUG = True
    call_command("load_registry", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    for alt_uk, alt_en, title_uk, title_en in demo_alt_texts():
        assert alt_uk == (f"Абстрактна ілюстрація до новини: {title_uk}" if title_uk else "")
        assert alt_en == (f"Abstract illustration for the news: {title_en}" if title_en else "")
    # The old images printed the English headline in white on a dark band (3,000 to 11,000
    # white pixels); the palettes have no white, JPEG edges give at most a few dozen.
    for article in Article.objects.all():
        with article.image.open() as handle, Image.open(handle) as image:
            white = sum(1 for p in image.convert("RGB").get_flattened_data() if min(p) > 250)
        assert white < 500, article.slug


def test_load_demo_makes_no_accounts_in_production(settings):
    settings.DEBUG = False
    call_command("load_registry", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    assert Official.objects.count() == 0
    assert CooperationRequest.objects.count() == 0


def test_load_demo_has_a_polish_official_drafting_a_ukrainian_polish_memorandum(settings):
    settings.DEBUG = True
    call_command("load_registry", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    krakow = Official.objects.approved().get(user__email="krakow@demo.twinning.example.org")
    assert krakow.municipality.registry_key == "pl-krakow"
    assert krakow.language == "pl"
    memorandum = Memorandum.objects.get(request__to_municipality=krakow.municipality)
    assert memorandum.request.from_municipality.registry_key == "UA63040090000021240"
    assert memorandum.language == MemorandumLanguage.POLISH
