"""A stored, GIN-indexed search document for each article (PostgreSQL).

The expression index of 0006 let the planner find matches, but ranking and every
other use of the vector recomputed it from the text of each matching row: a common
word meant parsing the text of nearly every article on every search. The document
is now kept in its own column by a trigger, so it is computed once per write, on
every path that writes the search columns (save, QuerySet.update, bulk_create, COPY).

The trigger computes what news.models.search_vector() compiles to (titles A, leads B,
bodies C, labels D; Ukrainian columns 'simple', English ones 'english');
tests/news/test_search.py checks that the two agree. SQLite keeps an unused column.

Also: the listing index gains the id, the second sort key of every news list, so a
page (and the keyset that starts it) is read in index order without a sort.
"""

from importlib import import_module

from django.db import migrations, models

import news.models

PARTS = [
    ("search_title_uk", "simple", "A"),
    ("search_title_en", "english", "A"),
    ("search_lead_uk", "simple", "B"),
    ("search_lead_en", "english", "B"),
    ("search_body_uk", "simple", "C"),
    ("search_body_en", "english", "C"),
    ("search_labels", "simple", "D"),
]
COLUMNS = [column for column, _config, _weight in PARTS]


def document_sql(row: str) -> str:
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, COALESCE({row}.{column}, '')), '{weight}')"
        for column, config, weight in PARTS
    )


def changed_sql() -> str:
    return " OR ".join(f"NEW.{column} IS DISTINCT FROM OLD.{column}" for column in COLUMNS)


def create_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"""
        CREATE FUNCTION news_article_search_document() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'INSERT' OR NEW.search_document IS NULL OR {changed_sql()} THEN
                NEW.search_document := {document_sql("NEW")};
            END IF;
            RETURN NEW;
        END
        $$""")
    schema_editor.execute(
        "CREATE TRIGGER news_article_search_document BEFORE INSERT OR UPDATE ON news_article "
        "FOR EACH ROW EXECUTE FUNCTION news_article_search_document()"
    )
    schema_editor.execute(
        f"UPDATE news_article AS a SET search_document = {document_sql('a')}"
    )
    schema_editor.execute("DROP INDEX IF EXISTS news_article_search_gin")
    schema_editor.execute(
        "CREATE INDEX news_article_document_gin ON news_article USING gin (search_document)"
    )


def drop_trigger(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("DROP INDEX IF EXISTS news_article_document_gin")
    schema_editor.execute("DROP TRIGGER IF EXISTS news_article_search_document ON news_article")
    schema_editor.execute("DROP FUNCTION IF EXISTS news_article_search_document()")
    import_module("news.migrations.0006_article_weighted_search_gin_index").create_index(
        apps, schema_editor
    )


class Migration(migrations.Migration):
    dependencies = [("news", "0006_article_weighted_search_gin_index")]

    operations = [
        migrations.AddField(
            model_name="article",
            name="search_document",
            field=news.models.SearchDocumentField(editable=False, null=True),
        ),
        migrations.RunPython(create_trigger, drop_trigger, elidable=False),
        migrations.RemoveIndex(model_name="article", name="news_article_listing"),
        migrations.AddIndex(
            model_name="article",
            index=models.Index(
                fields=["status", "-published_at", "-id"], name="news_article_listing_key"
            ),
        ),
    ]
