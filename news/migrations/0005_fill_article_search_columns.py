"""Fill the search columns added in 0004 for the articles that exist.

Uses news.text.search_text, the normalisation the model applies on every save, so
existing rows match what new ones get. Labels are the names of each article's topics,
regions and communities (news.signals keeps them up to date from now on).
"""

from django.db import migrations

from news.text import search_text

LANGUAGES = ("uk", "en")
FIELDS = ("title", "lead", "body")


def fill(apps, schema_editor):
    Article = apps.get_model("news", "Article")
    TaggedArticle = apps.get_model("news", "TaggedArticle")
    tags = {}
    for link in TaggedArticle.objects.select_related("tag").order_by("pk"):
        tags.setdefault(link.content_object_id, []).append(link.tag.name)
    articles = Article.objects.prefetch_related("regions", "communities").order_by("pk")
    for article in articles.iterator(chunk_size=500):
        names = list(tags.get(article.pk, []))
        for place in [*article.regions.all(), *article.communities.all()]:
            names += [place.name_uk, place.name_en, getattr(place, "name_native", "")]
        values = {
            f"search_{field}_{code}": search_text(getattr(article, f"{field}_{code}") or "")
            for field in FIELDS
            for code in LANGUAGES
        }
        values["search_labels"] = search_text(*dict.fromkeys(n for n in names if n))
        Article.objects.filter(pk=article.pk).update(**values)


class Migration(migrations.Migration):
    dependencies = [("news", "0004_article_search_columns_by_weight_and_language")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop, elidable=True)]
