"""Topics in the reader's language: names per language with a marked fallback, the same
addresses in every language, each language's alphabet, feeds, admin, flat query counts."""

import re
from io import StringIO
from xml.etree import ElementTree

import pytest
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import translation
from taggit.models import Tag

from news.models import Article, TaggedArticle, TopicName
from tests.factories import ArticleFactory, RegionFactory, VerifiedUserFactory
from tests.news.test_admin import change_form_data

pytestmark = pytest.mark.django_db

CHIP = re.compile(r'<a class="chip" href="([^"]+)"(?: lang="([a-z]+)")?>([^<]+)</a>')


def url(name: str, language: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def topic(name_uk: str, slug: str, **names: str) -> Tag:
    tag = Tag.objects.create(name=name_uk, slug=slug)
    for language, name in {"uk": name_uk, **names}.items():
        TopicName.objects.create(tag=tag, language=language, name=name)
    return tag


def chips(html: str) -> list[tuple[str, str, str]]:
    """(address, lang or "", name) of each topic chip."""
    return CHIP.findall(html)


@pytest.fixture
def partnership(db):
    tag = topic(
        "партнерство", "partnerstvo", en="partnership", pl="partnerstwo",
        de="Partnerschaft", fr="partenariat",
    )  # fmt: skip
    article = ArticleFactory(slug="twinned")
    article.tags.set([tag])
    return article


@pytest.mark.parametrize(
    ("language", "name"),
    [("uk", "партнерство"), ("en", "partnership"), ("pl", "partnerstwo"),
     ("de", "Partnerschaft"), ("fr", "partenariat")],
)  # fmt: skip
def test_topic_shows_its_name_in_the_readers_language_at_the_same_address(
    client, partnership, language, name
):
    address = url("news:tag", language, slug="partnerstvo")
    assert address == f"/{language}/news/tags/partnerstvo/"
    for page in (
        url("news:article-list", language),
        url("news:article-detail", language, slug="twinned"),
    ):
        assert (address, "", name) in chips(client.get(page).content.decode())
    heading = client.get(address).context["heading"]
    assert name in heading


def test_missing_name_falls_back_to_english_then_ukrainian_marked_with_lang(client):
    english_only = topic("енергетика", "enerhetyka", en="energy")
    ukrainian_only = topic("вода", "voda")
    # Made like the benchmark's topics: a base name and no names per language at all.
    bare = Tag.objects.create(name="культура", slug="kultura")
    article = ArticleFactory(slug="mixed")
    article.tags.set([english_only, ukrainian_only, bare])
    html = client.get(url("news:article-detail", "pl", slug="mixed")).content.decode()
    found = {name: lang for _address, lang, name in chips(html)}
    assert found == {"energy": "en", "вода": "uk", "культура": "uk"}
    # A Ukrainian reader reads them unmarked, in Ukrainian (English only as a last resort).
    html = client.get(url("news:article-detail", "uk", slug="mixed")).content.decode()
    assert {name: lang for _a, lang, name in chips(html)} == {
        "енергетика": "",
        "вода": "",
        "культура": "",
    }


def test_topic_page_of_a_fallback_topic_is_titled_with_the_fallback(client):
    topic("енергетика", "enerhetyka", en="energy")
    ArticleFactory(slug="e").tags.add(Tag.objects.get())
    response = client.get(url("news:tag", "fr", slug="enerhetyka"))
    assert response.status_code == 200
    assert "energy" in response.context["heading"]


POLISH = {"łączność": "lacznosc", "lato": "lato", "zdrowie": "zdrowie", "żywność": "zywnosc"}


def _polish_topics():
    article = ArticleFactory(slug="letters")
    for name, slug in POLISH.items():
        tag = topic(f"uk-{slug}", slug, pl=name, de=name.replace("ł", "l"))
        article.tags.add(tag)
    return article


def test_topics_are_sorted_in_the_alphabet_of_the_readers_language(client):
    _polish_topics()
    html = client.get(url("news:article-detail", "pl", slug="letters")).content.decode()
    assert [name for _a, _l, name in chips(html)] == ["lato", "łączność", "zdrowie", "żywność"]
    # German folds the accents: "ą" sorts with "a", "ż" with "z", as "Ö" with "O".
    html = client.get(url("news:article-detail", "de", slug="letters")).content.decode()
    assert [name for _a, _l, name in chips(html)] == ["lączność", "lato", "zdrowie", "żywność"]


def options(response, field: str) -> list[str]:
    form = response.context["filter"].form
    return [str(label) for value, label in form.fields[field].choices if value]


def test_news_filters_are_sorted_in_the_readers_alphabet(client):
    _polish_topics()
    article = Article.objects.get()
    regions = [
        RegionFactory(name_uk=uk, name_en=en, slug=slug)
        for uk, en, slug in [("Івано-Франківська область", "Ivano-Frankivsk Oblast", "if"),
                             ("Житомирська область", "Zhytomyr Oblast", "zh"),
                             ("Волинська область", "Volyn Oblast", "vo")]
    ]  # fmt: skip
    article.regions.set(regions)
    polish = client.get(url("news:article-list", "pl"), {"q": ""})
    assert options(polish, "tag") == ["lato", "łączność", "zdrowie", "żywność"]
    assert options(polish, "region") == [
        "Ivano-Frankivsk Oblast",
        "Volyn Oblast",
        "Zhytomyr Oblast",
    ]
    ukrainian = client.get(url("news:article-list", "uk"), {"q": ""})
    assert options(ukrainian, "region") == [
        "Волинська область",
        "Житомирська область",
        "Івано-Франківська область",
    ]
    assert options(ukrainian, "tag") == ["uk-lacznosc", "uk-lato", "uk-zdrowie", "uk-zywnosc"]


def test_topic_filter_by_slug_works_in_every_language(client, partnership):
    for language in ("uk", "pl", "fr"):
        response = client.get(url("news:article-list", language), {"tag": "partnerstvo"})
        assert [a.slug for a in response.context["object_list"]] == ["twinned"]


def test_feeds_carry_topics_in_the_readers_language(client, partnership):
    rss = ElementTree.fromstring(client.get(url("news:rss", "pl")).content)  # noqa: S314
    assert [c.text for c in rss.iter("category")] == ["partnerstwo"]
    atom = client.get(url("news:tag-atom", "fr", slug="partnerstvo")).content.decode()
    assert "partenariat" in ElementTree.fromstring(atom).findtext(  # noqa: S314
        "{http://www.w3.org/2005/Atom}title"
    )
    assert 'term="partenariat"' in atom


def test_search_finds_an_article_by_a_topic_name_in_any_language(client, partnership):
    response = client.get(url("news:article-list", "en"), {"q": "Partnerschaft"})
    assert [a.slug for a in response.context["object_list"]] == ["twinned"]


def test_a_name_per_language_once_and_never_empty(partnership):
    tag = Tag.objects.get()
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicName.objects.create(tag=tag, language="pl", name="drugie")
    with pytest.raises(IntegrityError), transaction.atomic():
        TopicName.objects.create(tag=tag, language="es", name="")


def test_renaming_a_topic_in_one_language_shows_at_once(client, partnership):
    address = url("news:article-detail", "pl", slug="twinned")
    assert ("/pl/news/tags/partnerstvo/", "", "partnerstwo") in chips(
        client.get(address).content.decode()
    )
    row = TopicName.objects.get(language="pl")
    row.name = "współpraca"
    row.save()
    html = client.get(address).content.decode()
    assert ("/pl/news/tags/partnerstvo/", "", "współpraca") in chips(html)


def test_staff_edit_the_names_per_language_inline(client, staff_user, partnership):
    tag = Tag.objects.get()
    client.force_login(staff_user)
    change = reverse("admin:taggit_tag_change", args=[tag.pk])
    page = client.get(change)
    assert page.status_code == 200
    formset = page.context["inline_admin_formsets"][0].formset
    data = {"name": tag.name, "slug": tag.slug}
    prefix = formset.prefix
    rows = list(TopicName.objects.filter(tag=tag).order_by("pk"))
    data.update({
        f"{prefix}-TOTAL_FORMS": str(len(rows)), f"{prefix}-INITIAL_FORMS": str(len(rows)),
        f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "5",
    })  # fmt: skip
    for i, row in enumerate(rows):
        name = "Städtepartnerschaft" if row.language == "de" else row.name
        data.update({f"{prefix}-{i}-id": str(row.pk), f"{prefix}-{i}-tag": str(tag.pk),
                     f"{prefix}-{i}-language": row.language, f"{prefix}-{i}-name": name})  # fmt: skip
    response = client.post(change, data)
    assert response.status_code == 302, response.context["errors"]
    assert TopicName.objects.get(language="de").name == "Städtepartnerschaft"
    assert Tag.objects.get().slug == "partnerstvo"
    html = client.get(url("news:article-detail", "de", slug="twinned")).content.decode()
    assert "Städtepartnerschaft" in html
    listing = client.get(reverse("admin:taggit_tag_changelist"), {"q": "partenariat"})
    assert list(listing.context["cl"].result_list) == [tag]


def test_a_topic_typed_in_another_language_reuses_the_topic(client, staff_user, partnership):
    article = ArticleFactory()
    client.force_login(staff_user)
    address, data = change_form_data(client, article, new_tags="Partnership")
    assert client.post(address, data).status_code == 302
    assert list(article.tags.values_list("slug", flat=True)) == ["partnerstvo"]


def _tagged_articles(count: int) -> None:
    tags = [
        topic(f"тема {n}", f"tema-{n}", en=f"topic {n}", pl=f"temat {n}", fr=f"sujet {n}")
        for n in range(3)
    ]
    articles = [ArticleFactory(slug=f"many-{n}") for n in range(count)]
    TaggedArticle.objects.bulk_create(
        TaggedArticle(content_object=a, tag=t) for a in articles for t in tags
    )


@pytest.mark.parametrize("count", [3, 30])
def test_polish_list_and_article_with_topics_cost_a_fixed_number_of_queries(
    client, django_assert_num_queries, count
):
    _tagged_articles(count)
    # The next publication, where pages start, the page, its topics, their names, its
    # regions; the filter's regions, topics and their names.
    with django_assert_num_queries(9):
        html = client.get(url("news:article-list", "pl")).content.decode()
    assert "temat 0" in html
    client.force_login(VerifiedUserFactory())
    # As test_views.ARTICLE_QUERIES, but an empty thread has no comment page to read, and
    # the "Read more" cards are the list's, rendered once (news.cards): no labels read.
    with django_assert_num_queries(13):
        html = client.get(
            url("news:article-detail", "pl", slug="many-0"), HTTP_USER_AGENT="Mozilla/5.0"
        ).content.decode()
    assert "temat 2" in html


def test_existing_topics_keep_their_name_as_the_ukrainian_one(transactional_db):
    executor = MigrationExecutor(connection)
    before = [("news", "0007_article_stored_search_document")]
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    old.get_model("taggit", "Tag").objects.create(name="відбудова", slug="vidbudova")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert list(TopicName.objects.values_list("tag__slug", "language", "name")) == [
        ("vidbudova", "uk", "відбудова")
    ]


def test_demo_topics_have_names_in_every_language(settings):
    call_command("load_registry", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())
    languages = {code for code, _name in settings.LANGUAGES}
    for tag in Tag.objects.prefetch_related("names"):
        assert {row.language for row in tag.names.all()} == languages, tag.name
