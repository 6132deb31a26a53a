"""Municipality.occupied_since: a municipality in temporarily occupied territory. The
communities of Crimea and Sevastopol already in the database get the date at once, as
load_registry gives it on every later run."""

from django.db import migrations, models

from partnerships.models.municipality import OCCUPATION_START, OCCUPIED_REGION_CODES

FIELD = models.DateField(
    blank=True,
    help_text=(
        "Set while the municipality is in territory temporarily occupied by Russia: it "
        "cannot be contacted, is not suggested and its partnerships are suspended. The "
        "registry import sets it for Crimea and Sevastopol; clear it after de-occupation."
    ),
    null=True,
    verbose_name="in temporarily occupied territory since",
)


def mark(apps, schema_editor):
    Municipality = apps.get_model("partnerships", "Municipality")
    Municipality.objects.filter(
        region__code__in=OCCUPIED_REGION_CODES, occupied_since__isnull=True
    ).update(occupied_since=OCCUPATION_START)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0015_fill_ukrainian_name_source_and_search_key")]

    operations = [
        migrations.AddField(model_name="historicalmunicipality", name="occupied_since", field=FIELD),
        migrations.AddField(model_name="municipality", name="occupied_since", field=FIELD),
        migrations.RunPython(mark, migrations.RunPython.noop),
    ]
