"""Topic names per language; every existing topic keeps its name as its Ukrainian one."""

import django.db.models.deletion
import news.models.topics
from django.db import migrations, models


def keep_names_as_ukrainian(apps, schema_editor):
    Tag = apps.get_model("taggit", "Tag")
    TopicName = apps.get_model("news", "TopicName")
    TopicName.objects.bulk_create(
        [TopicName(tag_id=pk, language="uk", name=name) for pk, name in
         Tag.objects.exclude(name="").values_list("pk", "name").iterator()],
        batch_size=1000,
        ignore_conflicts=True,
    )  # fmt: skip


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0007_article_stored_search_document'),
        ('taggit', '0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx'),
    ]

    operations = [
        migrations.CreateModel(
            name='TopicName',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('language', models.CharField(choices=news.models.topics.language_choices, max_length=10, verbose_name='language')),
                ('name', models.CharField(max_length=100, verbose_name='name')),
                ('tag', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='names', to='taggit.tag', verbose_name='topic')),
            ],
            options={
                'verbose_name': 'topic name',
                'verbose_name_plural': 'topic names',
                'constraints': [models.UniqueConstraint(fields=('tag', 'language'), name='news_topic_name_once_per_language'), models.CheckConstraint(condition=models.Q(('name', ''), _negated=True), name='news_topic_name_not_empty')],
            },
        ),
        migrations.RunPython(keep_names_as_ukrainian, migrations.RunPython.noop),
    ]
