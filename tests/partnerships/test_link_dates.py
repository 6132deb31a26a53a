"""Dates of imported partnerships: kept where the data set gives a year or a date, set by
staff in the admin otherwise, and never overwritten by a later import."""

import datetime
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse

from partnerships.models import Municipality, Partnership

pytestmark = pytest.mark.django_db

DATA = Path(settings.BASE_DIR) / "data"
IZIUM = "UA63040090000021240"


def _load(data: Path) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_registry", data_dir=data, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _with_dates(tmp_path: Path, dates: dict[str, str]) -> Path:
    """The real data with a `since` column: {foreign key of an Izium link: its value}."""
    data = tmp_path / "data"
    shutil.copytree(DATA, data)
    links = data / "twin_links.csv"
    lines = links.read_text(encoding="utf-8").splitlines()
    rows = [lines[0] + ",since"]
    for line in lines[1:]:
        katottg, key, _source = line.split(",", 2)
        rows.append(f"{line},{dates.get(key, '') if katottg == IZIUM else ''}")
    links.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return data


def _since(key: str):
    izium = Municipality.objects.get(code=IZIUM)
    partner = Municipality.objects.get(registry_key=key)
    return Partnership.objects.between(izium, partner).get().since


def test_the_real_data_has_no_dates_and_loads_undated():
    _load(DATA)
    assert not Partnership.objects.filter(since__isnull=False).exists()


def test_a_year_or_a_date_in_the_data_is_kept_and_a_bad_one_reported(tmp_path):
    data = _with_dates(
        tmp_path, {"lv-tukums": "2009", "pl-andrychow": "2016-05-14", "ge-khoni": "long ago"}
    )
    _output, errors = _load(data)
    assert _since("lv-tukums") == datetime.date(2009, 1, 1)
    assert _since("pl-andrychow") == datetime.date(2016, 5, 14)
    assert _since("ge-khoni") is None
    assert "'since' is not a year or a date" in errors
    assert Partnership.objects.filter(since__isnull=False).count() == 2


def test_a_date_staff_set_in_the_admin_is_kept_by_the_next_import(tmp_path, staff_client):
    data = _with_dates(tmp_path, {"lv-tukums": "2009"})
    _load(data)
    izium = Municipality.objects.get(code=IZIUM)
    partnership = Partnership.objects.between(
        izium, Municipality.objects.get(registry_key="lv-tukums")
    ).get()
    url = reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    response = staff_client.post(
        url,
        {
            "municipality_a": partnership.municipality_a_id,
            "municipality_b": partnership.municipality_b_id,
            "kind": partnership.kind,
            "since": "2007-09-01",
            "source": partnership.source,
            "source_note": partnership.source_note,
            "suspended_reason": "",
        },
    )
    assert response.status_code == 302
    _load(data)
    assert _since("lv-tukums") == datetime.date(2007, 9, 1)
