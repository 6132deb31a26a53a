"""The figures of the statistics page, each a table that the page draws as a chart and
that downloads as CSV; counted in a fixed number of queries and cached per registry
generation (requests and memoranda start one too: partnerships.caching)."""

import datetime
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count
from django.db.models.functions import ExtractYear, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django_countries import countries

from core.caching import MAX_AGE
from partnerships.caching import registry_generation
from partnerships.choices import MunicipalityKind, PartnershipSource
from partnerships.memoranda.models import Memorandum
from partnerships.models import CooperationRequest, Municipality, Partnership, Region

# The activity chart shows at most this many months, the latest.
MONTHS = 24
TOP_COMMUNITIES = 10


@dataclass
class Table:
    """One figure: `columns` name the CSV's columns (stable, in English), `headings` the
    page's (translated); each row is a key (code, slug or month), a label and values."""

    slug: str
    columns: list[str]
    headings: list[str]
    rows: list[tuple] = field(default_factory=list)
    links: list[str] = field(default_factory=list)

    @property
    def rows_with_links(self) -> list[tuple[tuple, str]]:
        """Each row without its key, beside its link: what the page's table shows."""
        return [(row[1:], link) for row, link in zip(self.rows, self.links, strict=True)]


@dataclass
class Figures:
    regions: Table
    countries: Table
    activity: Table
    communities: Table
    kinds: list[tuple[str, int]]
    since: Table
    undated: int  # partnerships whose start is not known

    def tables(self) -> dict[str, Table]:
        tables = (self.regions, self.countries, self.activity, self.communities, self.since)
        return {t.slug: t for t in tables}


def figures() -> Figures:
    """The page's figures in the current language, cached per registry generation."""
    key = f"statistics-figures:2:{registry_generation()}:{get_language()}"
    found = cache.get(key)
    if found is None:
        found = _count()
        cache.set(key, found, MAX_AGE)
    return found


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def partnership_counts(side_field: str, *, ukrainian: bool) -> dict:
    """Count partnerships by a field of the Ukrainian (or foreign) side, both ways round."""
    totals: dict = {}
    for side in ("municipality_a", "municipality_b"):
        side_filter = {f"{side}__country": "UA"}
        rows = Partnership.objects.order_by()
        rows = rows.filter(**side_filter) if ukrainian else rows.exclude(**side_filter)
        for key, count in rows.values_list(f"{side}__{side_field}").annotate(n=Count("pk")):
            totals[key] = totals.get(key, 0) + count
    return totals


def _per_region(queryset) -> dict:
    return dict(queryset.order_by().values_list("region").annotate(n=Count("pk")))


def _count() -> Figures:
    return Figures(
        regions=_regions(),
        countries=_countries(),
        activity=_activity(),
        communities=_communities(),
        since=_since(),
        undated=Partnership.objects.filter(since__isnull=True).count(),
        kinds=[
            (str(dict(MunicipalityKind.choices).get(kind, _("kind not known"))), n)
            for kind, n in Municipality.objects.order_by()
            .values_list("kind")
            .annotate(n=Count("pk"))
        ],
    )


def _regions() -> Table:
    ukrainian = Municipality.objects.ukrainian()
    communities = _per_region(ukrainian)
    partnered = _per_region(ukrainian.with_foreign_partner())
    partnerships = partnership_counts("region", ukrainian=True)
    table = Table(
        "regions",
        ["code", "oblast", "communities", "with_foreign_partner", "share_percent", "partnerships"],
        [
            _("Oblast"),
            _("Communities"),
            _("With a foreign partner"),
            _("Share, %"),
            _("Partnerships"),
        ],
    )
    regions = [region for region in Region.objects.all() if communities.get(region.pk)]
    rows = [
        (
            region,
            communities[region.pk],
            partnered.get(region.pk, 0),
            share(partnered.get(region.pk, 0), communities[region.pk]),
            partnerships.get(region.pk, 0),
        )
        for region in regions
    ]
    rows.sort(key=lambda row: (-row[3], row[0].name))
    table.rows = [(region.code, region.name, *values) for region, *values in rows]
    table.links = [region.get_absolute_url() for region, *_values in rows]
    return table


def _countries() -> Table:
    by_country = sorted(
        partnership_counts("country", ukrainian=False).items(),
        key=lambda row: (-row[1], countries.name(row[0])),
    )
    list_url = reverse("partnerships:municipality-list")
    return Table(
        "countries",
        ["code", "country", "partnerships"],
        [_("Country"), _("Partnerships")],
        rows=[(code, countries.name(code), n) for code, n in by_country],
        links=[f"{list_url}?country={code}" for code, _n in by_country],
    )


def _per_month(queryset, field_name: str) -> dict[datetime.date, int]:
    rows = (
        queryset.order_by()
        .annotate(month=TruncMonth(field_name))
        .values_list("month")
        .annotate(n=Count("pk"))
    )
    return {_month_of(month): n for month, n in rows if month is not None}


def _month_of(moment) -> datetime.date:
    if isinstance(moment, datetime.datetime):
        moment = timezone.localtime(moment) if timezone.is_aware(moment) else moment
        moment = moment.date()
    return moment.replace(day=1)


def _activity() -> Table:
    series = [
        _per_month(CooperationRequest.objects.all(), "created_at"),
        _per_month(Memorandum.objects.all(), "created_at"),
        _per_month(Partnership.objects.filter(source=PartnershipSource.PORTAL), "created_at"),
    ]
    last = _month_of(timezone.now())
    # A year at least, so that a young portal's few months read as the start of a line.
    first = min([last - datetime.timedelta(days=334), *(m for c in series for m in c)])
    months = [_month_of(first)]
    while months[-1] < last:
        months.append((months[-1] + datetime.timedelta(days=32)).replace(day=1))
    months = months[-MONTHS:]
    return Table(
        "activity",
        ["month", "month_name", "requests", "memoranda", "partnerships"],
        [
            _("Month"),
            _("Requests for cooperation"),
            _("Memoranda opened"),
            _("Partnerships made on the portal"),
        ],
        rows=[
            (
                month.strftime("%Y-%m"),
                date_format(month, "YEAR_MONTH_FORMAT"),
                *(counts.get(month, 0) for counts in series),
            )
            for month in months
        ],
        links=["" for _month in months],
    )


def _since() -> Table:
    """Partnerships by the year they began, where it is known; every year from the first
    to the last, so that a gap reads as one."""
    counts = dict(
        Partnership.objects.filter(since__isnull=False)
        .order_by()
        .annotate(year=ExtractYear("since"))
        .values_list("year")
        .annotate(n=Count("pk"))
    )
    years = list(range(min(counts), max(counts) + 1)) if counts else []
    return Table(
        "since",
        ["year", "year_name", "partnerships"],
        [_("Year"), _("Partnerships")],
        rows=[(year, str(year), counts.get(year, 0)) for year in years],
        links=["" for _year in years],
    )


def _communities() -> Table:
    leaders = list(
        Municipality.objects.ukrainian()
        .with_partner_count()
        .filter(partner_count__gt=0)
        .select_related("region")
        .order_by("-partner_count", "sort_key_uk", "pk")[:TOP_COMMUNITIES]
    )
    return Table(
        "communities",
        ["slug", "community", "oblast", "partners"],
        [_("Community"), _("Oblast"), _("Partners")],
        rows=[
            (m.slug, m.name, m.region.name if m.region else "", m.partner_count) for m in leaders
        ],
        links=[m.get_absolute_url() for m in leaders],
    )
