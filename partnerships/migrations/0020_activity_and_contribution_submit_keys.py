"""A one-time submit key on activities and their additions (core.submit_once): the
column is added empty, every existing row gets its own key, then it is required and
unique per parent."""

import uuid

from django.db import migrations, models


def fill_keys(apps, schema_editor):
    for name in ("Activity", "ActivityContribution"):
        model = apps.get_model("partnerships", name)
        rows = list(model.objects.filter(submit_key__isnull=True).only("pk"))
        for row in rows:
            row.submit_key = uuid.uuid4()
        model.objects.bulk_update(rows, ["submit_key"], batch_size=1000)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0019_yearly_plans_and_reports")]

    operations = [
        migrations.AddField(
            model_name="activity",
            name="submit_key",
            field=models.UUIDField(editable=False, null=True, verbose_name="submit key"),
        ),
        migrations.AddField(
            model_name="activitycontribution",
            name="submit_key",
            field=models.UUIDField(editable=False, null=True, verbose_name="submit key"),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="activity",
            name="submit_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, verbose_name="submit key"),
        ),
        migrations.AlterField(
            model_name="activitycontribution",
            name="submit_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, verbose_name="submit key"),
        ),
        migrations.AlterField(
            model_name="message",
            name="submit_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False, verbose_name="submit key"),
        ),
        migrations.AddConstraint(
            model_name="activity",
            constraint=models.UniqueConstraint(
                fields=("partnership", "submit_key"), name="activity_submitted_once"
            ),
        ),
        migrations.AddConstraint(
            model_name="activitycontribution",
            constraint=models.UniqueConstraint(
                fields=("activity", "submit_key"), name="activity_contribution_submitted_once"
            ),
        ),
    ]
