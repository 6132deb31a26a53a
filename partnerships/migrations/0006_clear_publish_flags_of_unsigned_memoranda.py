"""Before publishing is tied to signing: unsigned memoranda lose any publish flag.

A flag set on a draft would have made the text public the moment it was
signed; the sides decide again once it is signed.
"""

from django.db import migrations


def clear_flags(apps, schema_editor):
    Memorandum = apps.get_model("partnerships", "Memorandum")
    Memorandum.objects.exclude(status="signed").update(published_a=False, published_b=False)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0005_memoranda")]

    operations = [migrations.RunPython(clear_flags, migrations.RunPython.noop)]
