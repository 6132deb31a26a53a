"""The statistics page and its figures as CSV (partnerships.statistics counts them)."""

import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from core import csvfiles
from core.caching import cached_render
from partnerships.caching import registry_generation
from partnerships.charts import bar_chart, column_chart, tile_grid
from partnerships.statistics import Figures, figures

CRIMEA = "UA01"


@require_safe
def statistics_page(request):
    # The same for every reader: rendered once per registry generation.
    key = f"statistics:{registry_generation()}:{get_language()}"
    content = cached_render(key, "partnerships/statistics_content.html", _context, request)
    return render(
        request,
        "partnerships/statistics.html",
        {"content": content, "crumbs": [(_("Statistics"), "")]},
    )


@require_safe
def statistics_csv(request, table: str):
    chosen = figures().tables().get(table)
    if chosen is None:
        raise Http404(_("There is no such table."))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statistics-{chosen.slug}.csv"'
    writer = csvfiles.writer(response)
    writer.writerow(chosen.columns)
    writer.writerows(chosen.rows)
    return response


def _short_name(code: str, name: str) -> str:
    """An oblast's name as a tile has room for: "Kharkiv", "Харківська"."""
    if code.startswith(CRIMEA):
        return _("Crimea")
    return name.removesuffix(" область").removesuffix(" Oblast")


def _months(rows: list[tuple]) -> list[tuple[str, str, str, list[int]]]:
    """The activity rows as the chart's groups: the month's short name under each, the
    year where one starts (and under the first)."""
    groups = []
    for index, (key, name, *values) in enumerate(rows):
        month = datetime.date.fromisoformat(f"{key}-01")
        note = str(month.year) if index == 0 or month.month == 1 else ""
        groups.append((name, date_format(month, "M"), note, values))
    return groups


def _years(rows: list[tuple]) -> list[tuple[str, str, str, list[int]]]:
    """The years as the chart's groups: a label under the first, the last and each
    decade, where there is room for one."""
    last = len(rows) - 1
    return [
        (name, name if index in (0, last) or year % 10 == 0 else "", "", [count])
        for index, (year, name, count) in enumerate(rows)
    ]


def _context() -> dict:
    found: Figures = figures()
    regions, countries, activity = found.regions, found.countries, found.activity
    series = activity.headings[1:]
    return {
        "figures": found,
        "share_chart": bar_chart(
            [(row[1], row[4], link) for row, link in zip(regions.rows, regions.links, strict=True)],
            in_percent=True,
        ),
        "tiles": tile_grid(
            [
                (row[0], _short_name(row[0], row[1]), row[4], link)
                for row, link in zip(regions.rows, regions.links, strict=True)
            ]
        ),
        "country_chart": bar_chart(
            [
                (row[1], row[2], link)
                for row, link in zip(countries.rows[:25], countries.links, strict=False)
            ]
        ),
        "country_total": len(countries.rows),
        "activity_chart": column_chart(_months(activity.rows), series),
        "activity_series": list(enumerate(series)),
        "since_chart": column_chart(_years(found.since.rows), found.since.headings[1:]),
        "since_series": list(enumerate(found.since.headings[1:])),
        "community_chart": bar_chart(
            [
                (row[1], row[3], link)
                for row, link in zip(found.communities.rows, found.communities.links, strict=True)
            ]
        ),
    }
