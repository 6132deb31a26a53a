import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from partnerships.models import Municipality, Partnership, Region

pytestmark = pytest.mark.django_db

DATA = Path(settings.BASE_DIR) / "data"


def load(data_dir: Path = DATA) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("load_registry", data_dir=data_dir, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def counts() -> tuple[int, int, int, int]:
    return (
        Region.objects.count(),
        Municipality.objects.ukrainian().count(),
        Municipality.objects.foreign().count(),
        Partnership.objects.count(),
    )


def test_load_registry_loads_the_full_real_registry():
    output, errors = load()
    assert counts() == (27, 1774, 814, 932)
    assert errors == ""
    assert "Communities: 1774 created, 0 updated, 0 unchanged" in output
    izium = Municipality.objects.get(code="UA63040090000021240")
    assert (izium.name_uk, izium.name_en) == ("Ізюмська міська громада", "Iziumska urban hromada")
    assert izium.region.name_en == "Kharkiv Oblast"
    partners = {p.partner_of(izium).registry_key for p in Partnership.objects.involving(izium)}
    assert partners == {"fr-chennevieres-sur-marne", "ge-khoni", "lv-tukums", "pl-andrychow"}


def test_load_registry_loads_the_cities_with_special_status_and_their_partners():
    load()
    kyiv = Municipality.objects.get(code="UA80000000000093317")
    sevastopol = Municipality.objects.get(code="UA85000000000065278")
    assert (kyiv.name_uk, kyiv.name_en, kyiv.kind) == ("Київ", "Kyiv", "special_city")
    assert (sevastopol.name_uk, sevastopol.name_en) == ("Севастополь", "Sevastopol")
    assert kyiv.region.code == "UA80000000000093317"
    assert (kyiv.is_ukrainian, kyiv.area_km2, kyiv.population) == (True, 839, None)
    assert Partnership.objects.involving(kyiv).count() == 42
    assert Partnership.objects.involving(sevastopol).count() == 0


def test_load_registry_run_twice_changes_nothing():
    load()
    first = counts()
    slugs = dict(Municipality.objects.values_list("registry_key", "slug"))
    output, _ = load()
    assert counts() == first
    assert dict(Municipality.objects.values_list("registry_key", "slug")) == slugs
    assert "Communities: 0 created, 0 updated, 1774 unchanged" in output
    assert "Partnerships: 0 created, 0 updated, 932 unchanged" in output


def test_load_registry_updates_a_changed_row_and_keeps_profile_text(tmp_path):
    load()
    izium = Municipality.objects.get(code="UA63040090000021240")
    izium.description_uk = "Написано посадовцем"
    izium.population = 1
    izium.save()
    output, _ = load()
    izium.refresh_from_db()
    assert izium.population == 44979
    assert izium.description_uk == "Написано посадовцем"
    assert "Communities: 0 created, 1 updated, 1773 unchanged" in output


def _copy_data(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


def test_load_registry_reports_and_skips_a_broken_row(tmp_path):
    data = _copy_data(tmp_path)
    hromadas = data / "hromadas.csv"
    lines = hromadas.read_text(encoding="utf-8").splitlines()
    fields = lines[5].split(",")
    fields[8] = "north"  # latitude
    lines[5] = ",".join(fields)
    lines.append("UA99999999999999999,,Nameless,urban,,,UA63000000000041885,,,,,")
    hromadas.write_text("\n".join(lines) + "\n", encoding="utf-8")

    output, errors = load(data)

    assert "hromadas.csv, line 6: 'lat' is not a number: 'north'" in errors
    assert "hromadas.csv, line 1774: 'name_uk' is empty" in errors
    assert "2 rows skipped" in output
    assert Municipality.objects.ukrainian().count() == 1773


def test_load_registry_leaves_nothing_half_loaded_after_a_failure(tmp_path, monkeypatch):
    from partnerships.services import registry

    def explode(self, by_key):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(registry.RegistryLoader, "load_links", explode)
    with pytest.raises(RuntimeError):
        load()
    assert counts() == (0, 0, 0, 0)


def test_load_registry_refuses_a_folder_without_the_files(tmp_path):
    with pytest.raises(CommandError, match="Missing"):
        load(tmp_path)


def _edit(data: Path, name: str, change) -> None:
    path = data / name
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(change(lines)) + "\n", encoding="utf-8")


def test_load_registry_reports_a_repeated_key_and_keeps_the_first(tmp_path):
    data = _copy_data(tmp_path)
    _edit(data, "hromadas.csv", lambda lines: [*lines, lines[5]])
    _output, errors = load(data)
    assert "hromadas.csv, line 1774: repeats the key of line 6" in errors
    assert Municipality.objects.ukrainian().count() == 1774


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        (1, "Я" * 250, "is longer than 200 characters"),
        (11, "99999999999", "'population' is out of range: 99999999999"),
        (11, "١٢٣", "'population' is not a whole number"),
    ],
)
def test_load_registry_skips_values_the_database_would_refuse(tmp_path, column, value, message):
    data = _copy_data(tmp_path)

    def spoil(lines):
        fields = lines[5].split(",")
        fields[column] = value
        lines[5] = ",".join(fields)
        return lines

    _edit(data, "hromadas.csv", spoil)
    _output, errors = load(data)
    assert "hromadas.csv, line 6: " in errors
    assert message in errors
    assert Municipality.objects.ukrainian().count() == 1773


def test_load_registry_reads_a_file_saved_with_a_byte_order_mark(tmp_path):
    data = _copy_data(tmp_path)
    oblasts = data / "oblasts.csv"
    oblasts.write_bytes(b"\xef\xbb\xbf" + oblasts.read_bytes())
    _output, errors = load(data)
    assert errors == ""
    assert counts() == (27, 1774, 814, 932)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("код,назва\n1,2\n".encode("cp1251"), "is not UTF-8 text"),
        (b"code,name\nUA1,Somewhere\n", "lacks the columns kind, name_en, name_uk"),
    ],
)
def test_load_registry_refuses_an_unreadable_file_and_changes_nothing(tmp_path, content, message):
    data = _copy_data(tmp_path)
    (data / "oblasts.csv").write_bytes(content)
    with pytest.raises(CommandError, match=message):
        load(data)
    assert counts() == (0, 0, 0, 0)
