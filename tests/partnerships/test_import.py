import csv
import re
import shutil
from collections import Counter
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from core.transcription import APOSTROPHE, to_ukrainian
from partnerships.choices import NameSource
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
    names = {p.partner_of(izium).name_uk for p in Partnership.objects.involving(izium)}
    assert names == {f"Шеннев{APOSTROPHE}єр-сюр-Марн", "Хоні", "Тукумс", "Андрихув"}
    sources = Counter(Municipality.objects.foreign().values_list("name_uk_source", flat=True))
    assert sources == {NameSource.ESTABLISHED: 682, NameSource.TRANSCRIBED: 132}
    warsaw = Municipality.objects.get(registry_key="pl-warsaw")
    assert (warsaw.name_uk, warsaw.name_en, warsaw.name_native) == ("Варшава", "Warsaw", "Warszawa")
    assert Municipality.objects.ukrainian().exclude(name_uk_source="").count() == 0
    # Every foreign municipality is on the map, Izium's French partner too.
    assert not Municipality.objects.foreign().filter(latitude__isnull=True).exists()
    chennevieres = Municipality.objects.get(registry_key="fr-chennevieres-sur-marne")
    assert (str(chennevieres.latitude), str(chennevieres.longitude)) == ("48.79890", "2.53390")


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
    assert "Foreign municipalities: 0 created, 0 updated, 814 unchanged" in output
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


# --- Ukrainian names of foreign municipalities ---------------------------------------------

SMALL = ["pl-krakow", "pl-andrychow", "pl-baboszewo", "fr-chennevieres-sur-marne", "de-munich"]
IZIUM = "UA63040090000021240"


def _rows_of(path: Path, keep) -> str:
    lines = path.read_text(encoding="utf-8").splitlines()
    return "\n".join([lines[0], *(line for line in lines[1:] if keep(line))]) + "\n"


def _small_registry(tmp_path: Path, names: str | None = "real") -> Path:
    """Izium and five of its real foreign rows (and links to them); `names`: the content of
    foreign_names.csv, "real" for the real file's rows of those five, None for no file."""
    data = tmp_path / "small"
    data.mkdir()
    for name in ("oblasts.csv", "special_status_cities.csv"):
        shutil.copy(DATA / name, data / name)
    (data / "hromadas.csv").write_text(
        _rows_of(DATA / "hromadas.csv", lambda line: line.startswith(IZIUM)), encoding="utf-8"
    )

    def in_small(line: str) -> bool:
        return line.split(",", 1)[0] in SMALL

    (data / "foreign_municipalities.csv").write_text(
        _rows_of(DATA / "foreign_municipalities.csv", in_small), encoding="utf-8"
    )
    links = "\n".join(
        ["hromada_katottg,foreign_key,source", *(f"{IZIUM},{key},test" for key in SMALL)]
    )
    (data / "twin_links.csv").write_text(links + "\n", encoding="utf-8")
    if names == "real":
        names = _rows_of(DATA / "foreign_names.csv", in_small)
    if names is not None:
        (data / "foreign_names.csv").write_text(names, encoding="utf-8")
    return data


def _foreign(key: str) -> Municipality:
    return Municipality.objects.get(registry_key=key)


def test_load_registry_gives_foreign_municipalities_their_ukrainian_names(tmp_path):
    _output, errors = load(_small_registry(tmp_path))
    assert errors == ""
    krakow, baboszewo, munich = (
        _foreign("pl-krakow"),
        _foreign("pl-baboszewo"),
        _foreign("de-munich"),
    )
    assert (krakow.name_uk, krakow.name_en, krakow.name_native) == ("Краків", "Kraków", "Kraków")
    assert krakow.name_uk_source == NameSource.ESTABLISHED
    assert (munich.name_uk, munich.name_native) == ("Мюнхен", "München")
    assert (baboszewo.name_uk, baboszewo.name_uk_source) == ("Бабошево", NameSource.TRANSCRIBED)
    chennevieres = _foreign("fr-chennevieres-sur-marne")
    assert chennevieres.name_uk == f"Шеннев{APOSTROPHE}єр-сюр-Марн"
    assert chennevieres.name_native == "Chennevières-sur-Marne"


def test_load_registry_transcribes_by_rule_without_a_names_file(tmp_path):
    _output, errors = load(_small_registry(tmp_path, names=None))
    assert errors == ""
    krakow = _foreign("pl-krakow")
    assert (krakow.name_uk, krakow.name_uk_source) == ("Кракув", NameSource.TRANSCRIBED)
    assert krakow.name_native == ""
    assert _foreign("pl-andrychow").name_uk == "Андрихув"


def test_load_registry_transcribes_a_row_of_the_names_file_that_has_no_name(tmp_path):
    names = "key,name_uk,name_native,source\npl-krakow,,,established\npl-andrychow,Андрихів,,\n"
    _output, errors = load(_small_registry(tmp_path, names=names))
    assert errors == ""
    krakow, andrychow = _foreign("pl-krakow"), _foreign("pl-andrychow")
    assert (krakow.name_uk, krakow.name_uk_source) == ("Кракув", NameSource.TRANSCRIBED)
    # A name without a source counts as an established one.
    assert (andrychow.name_uk, andrychow.name_uk_source) == ("Андрихів", NameSource.ESTABLISHED)


def test_load_registry_run_twice_changes_no_ukrainian_name(tmp_path):
    data = _small_registry(tmp_path)
    load(data)
    before = list(Municipality.objects.values_list("name_uk", "name_uk_source", "search_key"))
    output, _ = load(data)
    assert "Foreign municipalities: 0 created, 0 updated, 5 unchanged" in output
    after = list(Municipality.objects.values_list("name_uk", "name_uk_source", "search_key"))
    assert after == before


def test_load_registry_keeps_a_ukrainian_name_edited_by_staff(tmp_path):
    data = _small_registry(tmp_path)
    load(data)
    krakow = _foreign("pl-krakow")
    krakow.name_uk = "Королівський Краків"
    krakow.name_uk_source = NameSource.EDITED
    krakow.save()
    output, _ = load(data)
    assert "Foreign municipalities: 0 created, 0 updated, 5 unchanged" in output
    krakow.refresh_from_db()
    assert (krakow.name_uk, krakow.name_uk_source) == ("Королівський Краків", NameSource.EDITED)
    # An edit staff did not mark as such is the data set's to correct.
    baboszewo = _foreign("pl-baboszewo")
    baboszewo.name_uk = "Бабошово"
    baboszewo.save()
    output, _ = load(data)
    assert "Foreign municipalities: 0 created, 1 updated, 4 unchanged" in output
    assert _foreign("pl-baboszewo").name_uk == "Бабошево"


def test_load_registry_reports_bad_rows_of_the_names_file_and_transcribes_instead(tmp_path):
    names = (
        "key,name_uk,name_native,source\n"
        "pl-krakow,Краків,Kraków,official\n"
        "pl-andrychow,Андрихув,,established\n"
        "pl-andrychow,Андрихів,,established\n"
        "pl-atlantis,Атлантида,,established\n"
        f"pl-baboszewo,{'Б' * 201},,established\n"
    )
    _output, errors = load(_small_registry(tmp_path, names=names))
    assert "foreign_names.csv, line 2: unknown source 'official'" in errors
    assert "foreign_names.csv, line 4: repeats the key of line 3" in errors
    assert "foreign_names.csv, line 5: no foreign municipality 'pl-atlantis'" in errors
    assert "foreign_names.csv, line 6: 'name_uk' is longer than 200 characters" in errors
    assert _foreign("pl-krakow").name_uk == "Кракув"
    assert _foreign("pl-andrychow").name_uk == "Андрихув"
    assert _foreign("pl-baboszewo").name_uk_source == NameSource.TRANSCRIBED


def test_foreign_names_file_names_every_foreign_municipality_once_by_its_stated_source():
    with (DATA / "foreign_municipalities.csv").open(encoding="utf-8") as handle:
        foreign = {row["key"]: row for row in csv.DictReader(handle)}
    with (DATA / "foreign_names.csv").open(encoding="utf-8") as handle:
        names = list(csv.DictReader(handle))
    assert [row["key"] for row in names] == list(foreign)
    for row in names:
        assert row["source"] in {NameSource.ESTABLISHED, NameSource.TRANSCRIBED}
        # Cyrillic only, but for Roman numerals (Будапешт XVIII, Муніципій XV).
        assert re.fullmatch(r"(?:[\u0400-\u04ff’ ()–\-]|\b[IVXLCDM]+\b|\d)+", row["name_uk"]), row
        assert "'" not in row["name_uk"] and "ʼ" not in row["name_uk"]
        if row["source"] == NameSource.TRANSCRIBED:
            source = foreign[row["key"]]
            assert row["name_uk"] == to_ukrainian(source["name"], source["country"]), row
