"""Full-text search index, on PostgreSQL only (SQLite searches the normalised column).

The expression matches what ArticleQuerySet.search() builds with
SearchVector("search_text", config="simple"), so the planner uses it.
"""

from django.db import migrations

INDEX = "news_article_search_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON news_article "
            "USING gin (to_tsvector('simple'::regconfig, COALESCE(search_text, ''::text)))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("news", "0001_articles_and_comments")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
