"""Funding programmes, with the EU's CERV town-twinning call as the first; activities of
partnerships with their notes and photos; a partnership suspended by staff
and when it was last reminded that it is quiet; and
Municipality.occupied_since: a municipality in temporarily occupied territory. The
communities of Crimea and Sevastopol already in the database get the date at once, as
load_registry gives it on every later run."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import partnerships.activities.models

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


EU_MEMBERS = (
    "AT, BE, BG, CY, CZ, DE, DK, EE, ES, FI, FR, GR, HR, HU, IE, IT, LT, LU, LV, MT, NL, PL, "
    "PT, RO, SE, SI, SK"
)
# Non-EU countries associated to the CERV programme (staff keep the list current in the admin).
CERV_ASSOCIATED = "AL, BA, RS, UA, XK"


def seed_cerv(apps, schema_editor):
    FundingProgramme = apps.get_model("partnerships", "FundingProgramme")
    FundingProgramme.objects.get_or_create(
        name_en="EU CERV programme: town twinning",
        defaults={
            "name_uk": "Програма ЄС CERV: побратимство міст",
            "link": (
                "https://ec.europa.eu/info/funding-tenders/opportunities/portal/screen/"
                "opportunities/calls-for-proposals?keywords=CERV%20town%20twinning"
            ),
            "min_countries": 2,
            "eligible_countries": f"{EU_MEMBERS}, {CERV_ASSOCIATED}",
            "member_countries": EU_MEMBERS,
            "min_member_countries": 1,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("partnerships", "0017_memorandum_second_language_and_signatures"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(model_name="historicalmunicipality", name="occupied_since", field=FIELD),
        migrations.AddField(model_name="municipality", name="occupied_since", field=FIELD),
        migrations.RunPython(mark, migrations.RunPython.noop),
        migrations.CreateModel(
            name='Activity',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('happened_on', models.DateField(verbose_name='date')),
                ('kind', models.CharField(choices=[('visit', 'visit'), ('project', 'project'), ('humanitarian', 'humanitarian delivery'), ('exchange', 'exchange'), ('event', 'event'), ('other', 'other')], max_length=16, verbose_name='kind')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('description', models.TextField(blank=True, verbose_name='description')),
                ('language', models.CharField(choices=[('uk', 'Ukrainian'), ('en', 'English'), ('pl', 'Polish'), ('de', 'German'), ('fr', 'French')], default='uk', max_length=2, verbose_name='language')),
                ('link', models.URLField(blank=True, verbose_name='link')),
                ('status', models.CharField(choices=[('draft', 'draft'), ('published', 'published')], default='draft', max_length=16, verbose_name='status')),
                ('published_at', models.DateTimeField(blank=True, null=True, verbose_name='published')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('updated_at', models.DateTimeField(auto_now=True, verbose_name='updated')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('municipality', models.ForeignKey(help_text='The side whose official recorded it; only that side publishes it.', on_delete=django.db.models.deletion.CASCADE, related_name='activities_recorded', to='partnerships.municipality', verbose_name='recorded by')),
                ('partnership', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='activities', to='partnerships.partnership', verbose_name='partnership')),
            ],
            options={
                'verbose_name': 'activity',
                'verbose_name_plural': 'activities',
                'ordering': ['-happened_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ActivityContribution',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('note', models.TextField(blank=True, verbose_name='note')),
                ('photo', models.ImageField(blank=True, height_field='photo_height', upload_to=partnerships.activities.models.activity_photo_path, verbose_name='photo', width_field='photo_width')),
                ('photo_width', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('photo_height', models.PositiveIntegerField(blank=True, editable=False, null=True)),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created')),
                ('activity', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='contributions', to='partnerships.activity', verbose_name='activity')),
                ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('municipality', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='partnerships.municipality', verbose_name='added by')),
            ],
            options={
                'verbose_name': 'addition to an activity',
                'verbose_name_plural': 'additions to activities',
                'ordering': ['created_at', 'pk'],
            },
        ),
        migrations.AddIndex(
            model_name='activity',
            index=models.Index(fields=['partnership', 'status', 'happened_on'], name='activity_timeline'),
        ),
        migrations.AddIndex(
            model_name='activity',
            index=models.Index(fields=['status', 'published_at'], name='activity_feed'),
        ),
        migrations.AddConstraint(
            model_name='activity',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('status', 'published'), _negated=True), ('published_at__isnull', False), _connector='OR'), name='activity_published_has_date'),
        ),
        migrations.AddConstraint(
            model_name='activity',
            constraint=models.CheckConstraint(condition=models.Q(('title', ''), _negated=True), name='activity_has_a_title'),
        ),
        migrations.AddConstraint(
            model_name='activitycontribution',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('note', ''), _negated=True), models.Q(('photo', ''), _negated=True), _connector='OR'), name='activity_contribution_not_empty'),
        ),
        migrations.AddField(
            model_name='partnership',
            name='reminded_at',
            field=models.DateTimeField(blank=True, editable=False, null=True, verbose_name='last reminded that it is quiet'),
        ),
        migrations.AddField(
            model_name='partnership',
            name='suspended_reason',
            field=models.CharField(blank=True, help_text="Shown on the partnership's page. Leave empty unless it is suspended.", max_length=300, verbose_name='suspended by staff, because'),
        ),
        migrations.CreateModel(
            name='FundingProgramme',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name_uk', models.CharField(max_length=200, verbose_name='name in Ukrainian')),
                ('name_en', models.CharField(max_length=200, verbose_name='name in English')),
                ('link', models.URLField(verbose_name='link to the call')),
                ('min_countries', models.PositiveSmallIntegerField(default=2, verbose_name='at least this many countries')),
                ('eligible_countries', models.TextField(blank=True, help_text='ISO codes separated by commas (FR, DE, UA); empty: every country.', verbose_name='eligible countries')),
                ('member_countries', models.TextField(blank=True, help_text='ISO codes separated by commas, such as the EU member states.', verbose_name='countries of which some are required')),
                ('min_member_countries', models.PositiveSmallIntegerField(default=0, verbose_name='at least this many of those')),
                ('active', models.BooleanField(default=True, verbose_name='shown as a hint')),
            ],
            options={
                'verbose_name': 'funding programme',
                'verbose_name_plural': 'funding programmes',
                'ordering': ['name_en'],
                'constraints': [models.CheckConstraint(condition=models.Q(('min_countries__gte', 1)), name='funding_programme_min_countries_positive')],
            },
        ),
        migrations.RunPython(seed_cerv, migrations.RunPython.noop),
    ]
