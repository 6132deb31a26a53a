"""Yearly plans and reports in Ukrainian and the partner's language, side by side like
the memorandum. The one text so far moves to the column of the language it was written
in; `language` becomes the second language, by the memorandum's rule
(memoranda.text.languages.second_language)."""

from django.db import migrations, models

from partnerships.memoranda.text.languages import second_language


def two_columns(apps, schema_editor):
    documents = apps.get_model("partnerships", "YearlyDocument")
    history = apps.get_model("partnerships", "HistoricalYearlyDocument")
    seconds = {}
    for document in documents.objects.select_related(
        "partnership__municipality_a", "partnership__municipality_b"
    ):
        partnership = document.partnership
        seconds[document.pk] = second_language(
            partnership.municipality_a, partnership.municipality_b
        )
    for model, key in ((documents, "pk"), (history, "id")):
        for row in model.objects.all():
            if row.language != "uk":
                row.text_other, row.text_uk = row.text_uk, ""
            row.language = seconds.get(getattr(row, key), "en")
            row.save(update_fields=["text_uk", "text_other", "language"])


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0020_activity_and_contribution_submit_keys")]

    operations = [
        migrations.RenameField("yearlydocument", "text", "text_uk"),
        migrations.RenameField("historicalyearlydocument", "text", "text_uk"),
        migrations.AddField(
            model_name="yearlydocument",
            name="text_other",
            field=models.TextField(blank=True, verbose_name="text (second language)"),
        ),
        migrations.AddField(
            model_name="historicalyearlydocument",
            name="text_other",
            field=models.TextField(blank=True, verbose_name="text (second language)"),
        ),
        migrations.RunPython(two_columns, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="historicalyearlydocument",
            name="language",
            field=models.CharField(
                choices=[("pl", "Polish"), ("de", "German"), ("fr", "French"), ("en", "English")],
                default="en",
                max_length=2,
                verbose_name="second language",
            ),
        ),
        migrations.AlterField(
            model_name="historicalyearlydocument",
            name="text_uk",
            field=models.TextField(
                blank=True,
                help_text="A plan: the goals for each area of cooperation. A report: what was done.",
                verbose_name="text (Ukrainian)",
            ),
        ),
        migrations.AlterField(
            model_name="yearlydocument",
            name="language",
            field=models.CharField(
                choices=[("pl", "Polish"), ("de", "German"), ("fr", "French"), ("en", "English")],
                default="en",
                max_length=2,
                verbose_name="second language",
            ),
        ),
        migrations.AlterField(
            model_name="yearlydocument",
            name="text_uk",
            field=models.TextField(
                blank=True,
                help_text="A plan: the goals for each area of cooperation. A report: what was done.",
                verbose_name="text (Ukrainian)",
            ),
        ),
        migrations.AddConstraint(
            model_name="yearlydocument",
            constraint=models.CheckConstraint(
                condition=models.Q(("language__in", ["pl", "de", "fr", "en"])),
                name="yearly_document_language",
            ),
        ),
    ]
