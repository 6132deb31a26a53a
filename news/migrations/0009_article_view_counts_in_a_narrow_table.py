"""Views counted in a narrow table of their own (news.models.counts), not on the article.

A view's UPDATE of the article's row rewrote the whole wide row, with every index of
the table and the trigger that recomputes the search document. The counts move to
news_articleviewcount (one row per viewed article), whose pages are kept half empty
on PostgreSQL (fillfactor 50), so that an update finds room on its own page (HOT).
"""

import django.db.models.deletion
from django.db import migrations, models


COPY_COUNTS = (
    "INSERT INTO news_articleviewcount (article_id, views) "
    "SELECT id, view_count FROM news_article WHERE view_count > 0"
)
COPY_COUNTS_BACK = (
    "UPDATE news_article SET view_count = COALESCE((SELECT views FROM news_articleviewcount "
    "WHERE news_articleviewcount.article_id = news_article.id), 0)"
)


def leave_room_on_pages(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("ALTER TABLE news_articleviewcount SET (fillfactor = 50)")


class Migration(migrations.Migration):

    dependencies = [
        ('news', '0008_topic_names'),
    ]

    operations = [
        migrations.CreateModel(
            name='ArticleViewCount',
            fields=[
                ('article', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, primary_key=True, related_name='view_tally', serialize=False, to='news.article', verbose_name='article')),
                ('views', models.PositiveBigIntegerField(default=0, verbose_name='views')),
            ],
            options={
                'verbose_name': 'views',
                'verbose_name_plural': 'views',
            },
        ),
        migrations.RunPython(leave_room_on_pages, migrations.RunPython.noop, elidable=False),
        migrations.RunSQL(COPY_COUNTS, COPY_COUNTS_BACK, elidable=False),
        migrations.RemoveField(
            model_name='article',
            name='view_count',
        ),
    ]
