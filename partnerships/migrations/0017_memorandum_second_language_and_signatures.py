"""Memoranda in Ukrainian and a second language, signed by each side.

The English columns become the second-language columns (`*_en` → `*_other`,
data kept) and every existing memorandum's second language is English, so a
Ukrainian–English memorandum reads exactly as before.

The one-sided mark "signed" (date, place, scan, who marked it) becomes one
signature row: of the side whose official marked it, or of party A when staff
marked it. The memorandum stays signed and keeps its partnership; its other
side simply has no recorded signature.
"""

import django.db.models.deletion
import partnerships.memoranda.models
from django.conf import settings
from django.db import migrations, models

SECTIONS = [
    "title",
    "parties",
    "purpose",
    "areas",
    "forms",
    "obligations",
    "coordination",
    "duration",
    "amendment",
    "final",
]


def signatures_from_marks(apps, schema_editor):
    Memorandum = apps.get_model("partnerships", "Memorandum")
    Signature = apps.get_model("partnerships", "MemorandumSignature")
    Official = apps.get_model("partnerships", "Official")
    for memorandum in Memorandum.objects.filter(status="signed").iterator():
        official = (
            Official.objects.filter(
                user_id=memorandum.signed_by_id,
                status="approved",
                municipality_id__in=[memorandum.party_a_id, memorandum.party_b_id],
            ).first()
            if memorandum.signed_by_id
            else None
        )
        side = "b" if official and official.municipality_id == memorandum.party_b_id else "a"
        Signature.objects.create(
            memorandum=memorandum,
            side=side,
            version=memorandum.version,
            signed_on=memorandum.signed_on,
            place=memorandum.signed_place,
            signatory_position=official.position if official else "",
            scan=memorandum.signed_scan,
            recorded_by_id=memorandum.signed_by_id,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0016_request_conversation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        *(
            migrations.RenameField(model_name=model, old_name=f"{key}_en", new_name=f"{key}_other")
            for model in ("memorandum", "historicalmemorandum")
            for key in SECTIONS
        ),
        *(
            migrations.AddField(
                model_name=model,
                name="language",
                field=models.CharField(
                    choices=[
                        ("pl", "Polish"),
                        ("de", "German"),
                        ("fr", "French"),
                        ("en", "English"),
                    ],
                    default="en",
                    max_length=2,
                    verbose_name="second language",
                ),
            )
            for model in ("memorandum", "historicalmemorandum")
        ),
        migrations.AddConstraint(
            model_name="memorandum",
            constraint=models.CheckConstraint(
                condition=models.Q(("language__in", ["pl", "de", "fr", "en"])),
                name="memorandum_language",
            ),
        ),
        migrations.CreateModel(
            name="MemorandumSignature",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "side",
                    models.CharField(
                        choices=[("a", "party A"), ("b", "party B")],
                        max_length=1,
                        verbose_name="side",
                    ),
                ),
                ("version", models.PositiveIntegerField(verbose_name="version signed")),
                ("signed_on", models.DateField(verbose_name="date of signing")),
                ("place", models.CharField(max_length=200, verbose_name="place of signing")),
                (
                    "signatory_name",
                    models.CharField(blank=True, max_length=200, verbose_name="signatory's name"),
                ),
                (
                    "signatory_position",
                    models.CharField(
                        blank=True, max_length=200, verbose_name="signatory's position"
                    ),
                ),
                (
                    "scan",
                    models.FileField(
                        blank=True,
                        storage=partnerships.memoranda.models.private_storage,
                        upload_to=partnerships.memoranda.models.signed_scan_path,
                        verbose_name="signed scan (PDF)",
                    ),
                ),
                (
                    "recorded_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="recorded at"),
                ),
                (
                    "memorandum",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="signatures",
                        to="partnerships.memorandum",
                        verbose_name="memorandum",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="recorded by",
                    ),
                ),
            ],
            options={
                "verbose_name": "signature",
                "verbose_name_plural": "signatures",
                "ordering": ["side"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("memorandum", "side"), name="memorandum_signature_one_per_side"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("side__in", ["a", "b"])),
                        name="memorandum_signature_side",
                    ),
                ],
            },
        ),
        migrations.RunPython(signatures_from_marks, migrations.RunPython.noop, elidable=False),
        migrations.RemoveField(model_name="memorandum", name="signed_place"),
        migrations.RemoveField(model_name="memorandum", name="signed_scan"),
        migrations.RemoveField(model_name="memorandum", name="signed_by"),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="amendment_other",
            field=models.TextField(
                blank=True, verbose_name="amendment and termination (second language)"
            ),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="areas_other",
            field=models.TextField(
                blank=True, verbose_name="areas of cooperation (second language)"
            ),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="coordination_other",
            field=models.TextField(blank=True, verbose_name="coordinators (second language)"),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="duration_other",
            field=models.TextField(blank=True, verbose_name="duration (second language)"),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="final_other",
            field=models.TextField(blank=True, verbose_name="final provisions (second language)"),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="forms_other",
            field=models.TextField(
                blank=True, verbose_name="forms of cooperation (second language)"
            ),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="obligations_other",
            field=models.TextField(blank=True, verbose_name="obligations (second language)"),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="parties_other",
            field=models.TextField(blank=True, verbose_name="parties (second language)"),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="purpose_other",
            field=models.TextField(blank=True, verbose_name="purpose (second language)"),
        ),
        migrations.AlterField(
            model_name="historicalmemorandum",
            name="title_other",
            field=models.CharField(max_length=200, verbose_name="title (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="amendment_other",
            field=models.TextField(
                blank=True, verbose_name="amendment and termination (second language)"
            ),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="areas_other",
            field=models.TextField(
                blank=True, verbose_name="areas of cooperation (second language)"
            ),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="coordination_other",
            field=models.TextField(blank=True, verbose_name="coordinators (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="duration_other",
            field=models.TextField(blank=True, verbose_name="duration (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="final_other",
            field=models.TextField(blank=True, verbose_name="final provisions (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="forms_other",
            field=models.TextField(
                blank=True, verbose_name="forms of cooperation (second language)"
            ),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="obligations_other",
            field=models.TextField(blank=True, verbose_name="obligations (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="parties_other",
            field=models.TextField(blank=True, verbose_name="parties (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="purpose_other",
            field=models.TextField(blank=True, verbose_name="purpose (second language)"),
        ),
        migrations.AlterField(
            model_name="memorandum",
            name="title_other",
            field=models.CharField(max_length=200, verbose_name="title (second language)"),
        ),
    ]
