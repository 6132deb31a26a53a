"""GIN index for news search, on PostgreSQL only (SQLite searches the normalised columns).

The expression is what news.models.search_vector() compiles to: titles weighted A,
leads B, bodies C, labels D; Ukrainian columns with the 'simple' configuration,
English ones with 'english'. The planner uses the index only for this exact
expression (tests/news/test_search.py checks it does).
"""

from django.db import migrations

INDEX = "news_article_search_gin"
PARTS = [
    ("search_title_uk", "simple", "A"),
    ("search_title_en", "english", "A"),
    ("search_lead_uk", "simple", "B"),
    ("search_lead_en", "english", "B"),
    ("search_body_uk", "simple", "C"),
    ("search_body_en", "english", "C"),
    ("search_labels", "simple", "D"),
]


def vector_sql() -> str:
    sql = ""
    for column, config, weight in PARTS:
        part = f"setweight(to_tsvector('{config}'::regconfig, COALESCE({column}, '')), '{weight}')"
        sql = f"({sql} || {part})" if sql else part
    return sql


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX {INDEX} ON news_article USING gin ({vector_sql()})")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("news", "0005_fill_article_search_columns")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
