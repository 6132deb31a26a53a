"""The statistics: every figure equal to a direct count, each table as CSV, counted in a
fixed number of queries and cached per registry generation."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone

from partnerships.choices import PartnershipSource
from partnerships.memoranda.models import Memorandum
from partnerships.models import CooperationRequest, Municipality, Partnership, Region
from tests.factories import (
    CooperationRequestFactory,
    ForeignMunicipalityFactory,
    MunicipalityFactory,
    PartnershipFactory,
    RegionFactory,
)

pytestmark = pytest.mark.django_db


def statistics(client):
    response = client.get(reverse("partnerships:statistics"))
    assert response.status_code == 200
    return response


def table_rows(client, table: str) -> list[dict]:
    response = client.get(reverse("partnerships:statistics-csv", kwargs={"table": table}))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode())))


@pytest.fixture
def registry():
    """Two oblasts: in the first, one community with a partner abroad (two, in fact), one
    with a Ukrainian partner only and one with none; in the second, one with a partner
    abroad."""
    first, second = RegionFactory(slug="first"), RegionFactory(slug="second")
    abroad, at_home, _alone = MunicipalityFactory.create_batch(3, region=first)
    PartnershipFactory(municipality_a=abroad)
    PartnershipFactory(
        municipality_a=abroad, municipality_b=ForeignMunicipalityFactory(country="PL")
    )
    PartnershipFactory(municipality_a=at_home, municipality_b=MunicipalityFactory(region=second))
    PartnershipFactory(municipality_a=MunicipalityFactory(region=second))
    return first, second


def _direct_share_by_region() -> dict[str, tuple[int, int, int]]:
    """By region code: communities, those with a partner abroad, partnerships; counted
    row by row, without the page's queries."""
    result = {}
    pairs = list(Partnership.objects.select_related("municipality_a", "municipality_b"))
    for region in Region.objects.all():
        communities = list(Municipality.objects.filter(country="UA", region=region))
        if not communities:
            continue
        ids = {m.pk for m in communities}
        partnered = {
            side.pk
            for p in pairs
            for side, other in (
                (p.municipality_a, p.municipality_b),
                (p.municipality_b, p.municipality_a),
            )
            if side.pk in ids and other.country != side.country
        }
        links = sum((p.municipality_a_id in ids) + (p.municipality_b_id in ids) for p in pairs)
        result[region.code] = (len(communities), len(partnered), links)
    return result


def test_share_by_oblast_equals_direct_counts(client, registry):
    rows = table_rows(client, "regions")
    direct = _direct_share_by_region()
    assert {
        row["code"]: (
            int(row["communities"]),
            int(row["with_foreign_partner"]),
            int(row["partnerships"]),
        )
        for row in rows
    } == direct
    first = next(row for row in rows if row["code"] == registry[0].code)
    assert float(first["share_percent"]) == pytest.approx(100 / 3, abs=0.05)
    # Highest share first.
    assert [row["code"] for row in rows] == [registry[1].code, registry[0].code]


def test_tiles_and_chart_show_the_share_of_each_oblast(client):
    kharkiv = RegionFactory(code="UA63000000000041885", name_uk="Харківська область")
    partnered, _alone = MunicipalityFactory.create_batch(2, region=kharkiv)
    PartnershipFactory(municipality_a=partnered)
    response = statistics(client)
    tile = next(t for t in response.context["tiles"].tiles)
    assert (tile.label, tile.level) == ("Харківська", 3)
    assert response.context["share_chart"].bars[0].value == 50.0
    assert "Харківська: 50,0 %" in response.content.decode()


def test_partnerships_by_partner_country_equal_direct_counts(client, registry):
    rows = table_rows(client, "countries")
    direct: dict[str, int] = {}
    for p in Partnership.objects.select_related("municipality_a", "municipality_b"):
        for side in (p.municipality_a, p.municipality_b):
            if side.country != "UA":
                direct[side.country.code] = direct.get(side.country.code, 0) + 1
    assert {row["code"]: int(row["partnerships"]) for row in rows} == direct == {"DE": 2, "PL": 1}


def test_activity_by_month_equals_direct_counts(client, memorandum):
    CooperationRequestFactory.create_batch(2)
    PartnershipFactory(source=PartnershipSource.PORTAL)
    PartnershipFactory()  # imported: not the portal's activity
    rows = table_rows(client, "activity")
    this_month = timezone.localtime().strftime("%Y-%m")
    assert len(rows) >= 12  # a year at least, never a lone bar
    assert rows[-1]["month"] == this_month
    assert {k: int(v) for k, v in rows[-1].items() if k not in {"month", "month_name"}} == {
        "requests": CooperationRequest.objects.count(),
        "memoranda": Memorandum.objects.count(),
        "partnerships": Partnership.objects.filter(source=PartnershipSource.PORTAL).count(),
    }
    assert all(int(row["requests"]) == 0 for row in rows[:-1])


def test_most_connected_communities_equal_direct_counts(client, registry):
    rows = table_rows(client, "communities")
    leader = Municipality.objects.get(slug=rows[0]["slug"])
    assert int(rows[0]["partners"]) == Partnership.objects.involving(leader).count() == 2
    for row in rows:
        municipality = Municipality.objects.get(slug=row["slug"])
        assert municipality.country == "UA"
        assert int(row["partners"]) == Partnership.objects.involving(municipality).count()
    assert [int(row["partners"]) for row in rows] == sorted(
        (int(row["partners"]) for row in rows), reverse=True
    )


def test_unknown_table_is_404(client):
    response = client.get(reverse("partnerships:statistics-csv", kwargs={"table": "users"}))
    assert response.status_code == 404


def test_each_chart_has_its_table_and_download(client, registry):
    body = statistics(client).content.decode()
    for table in ("regions", "countries", "activity", "communities"):
        assert reverse("partnerships:statistics-csv", kwargs={"table": table}) in body
    assert body.count('<table class="table">') == 4
    assert reverse("api-docs") in body


@pytest.mark.parametrize("size", [1, 12])
def test_statistics_in_fixed_queries_and_cached_per_generation(
    client, django_assert_max_num_queries, size
):
    for _n in range(size):
        PartnershipFactory(source=PartnershipSource.PORTAL)
        CooperationRequestFactory()
    with django_assert_max_num_queries(14):
        statistics(client)
    with django_assert_max_num_queries(1):
        statistics(client)
    with django_assert_max_num_queries(1):
        table_rows(client, "regions")
    PartnershipFactory()
    after = statistics(client)
    assert sum(b.value for b in after.context["country_chart"].bars) == size + 1


@pytest.mark.usefixtures("english")
def test_partnerships_by_the_year_they_began_equal_direct_counts_and_name_the_undated(client):
    for year in (1991, 1991, 1994, 2024):
        PartnershipFactory(since=datetime.date(year, 5, 9))
    PartnershipFactory.create_batch(3, since=None)
    rows = table_rows(client, "since")
    direct = {
        year: Partnership.objects.filter(since__year=year).count() for year in range(1991, 2025)
    }
    assert {int(row["year"]): int(row["partnerships"]) for row in rows} == direct
    assert (rows[0]["year"], rows[-1]["year"], direct[1991], direct[1992]) == ("1991", "2024", 2, 0)
    response = statistics(client)
    undated = Partnership.objects.filter(since__isnull=True).count()
    assert response.context["figures"].undated == undated == 3
    body = response.content.decode()
    assert "the start of 3 partnerships is not known" in body
    assert reverse("partnerships:statistics-csv", kwargs={"table": "since"}) in body


def test_without_a_known_start_the_year_chart_says_so(client):
    PartnershipFactory(since=None)
    response = statistics(client)
    assert table_rows(client, "since") == []
    assert response.context["figures"].undated == 1


def test_statistics_csv_neutralises_a_community_named_as_a_formula(client):
    hostile = '=HYPERLINK("https://evil.example","Click")'
    PartnershipFactory(municipality_a__name_uk=hostile, municipality_a__name_en=hostile)
    (row,) = table_rows(client, "communities")
    assert row["community"] == "'" + hostile
    assert row["partners"] == "1"
