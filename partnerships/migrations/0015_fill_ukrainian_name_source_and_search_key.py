"""Fill the phonetic search key of every municipality, and mark the foreign ones whose
Ukrainian name someone already wrote in Cyrillic as edited by staff, so that
load_registry keeps it. The others (their Ukrainian name is still the Latin list name)
get their Ukrainian name and its source from the next load_registry.

Uses partnerships.models.municipality.phonetic_search_key, the function the model
applies on every save, so the stored keys match what later saves write.
"""

from django.db import migrations

from partnerships.models.municipality import phonetic_search_key


def _cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def fill(apps, schema_editor):
    Municipality = apps.get_model("partnerships", "Municipality")
    changed = []
    rows = Municipality.objects.only(
        "pk", "country", "name_uk", "name_en", "name_native", "center_uk", "name_uk_source"
    )
    for municipality in rows.iterator(chunk_size=500):
        municipality.search_key = phonetic_search_key(
            str(municipality.country or ""),
            municipality.name_uk or "",
            municipality.name_en or "",
            municipality.name_native or "",
            municipality.center_uk or "",
        )
        if str(municipality.country) != "UA" and _cyrillic(municipality.name_uk or ""):
            municipality.name_uk_source = "edited"
        changed.append(municipality)
    Municipality.objects.bulk_update(changed, ["search_key", "name_uk_source"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0014_municipality_ukrainian_name_source_and_search_key")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=False)]
