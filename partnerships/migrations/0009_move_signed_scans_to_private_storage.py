"""Move signed scans uploaded before 0008 from MEDIA_ROOT to the private storage.

They keep their (generated) names. A file already in the private storage, or
missing from the public one, is left alone; run again, it does nothing.
"""

from django.core.files.storage import storages
from django.db import migrations


def move_scans(apps, schema_editor):
    Memorandum = apps.get_model("partnerships", "Memorandum")
    public, private = storages["default"], storages["private"]
    names = Memorandum.objects.exclude(signed_scan="").values_list("signed_scan", flat=True)
    for name in names:
        if not public.exists(name) or private.exists(name):
            continue
        with public.open(name, "rb") as source:
            saved = private.save(name, source)
        assert saved == name, (name, saved)
        public.delete(name)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0008_memorandum_signed_scan_in_private_storage")]

    operations = [migrations.RunPython(move_scans, migrations.RunPython.noop)]
