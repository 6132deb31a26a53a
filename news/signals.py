"""Receivers of the news app, connected in NewsConfig.ready()."""

from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from taggit.models import Tag

from partnerships.models import Municipality, Region

from .caching import comments_changed, news_changed
from .models import Article, Comment, TaggedArticle, TopicName


@receiver(post_delete, sender=Article, dispatch_uid="news_article_image_files")
def delete_image_files_of_deleted_article(sender, instance: Article, **kwargs) -> None:
    # post_delete also runs for queryset and admin bulk deletes, which skip Model.delete().
    if name := instance.image.name:
        instance.discard_image_after_commit(name)


# Search finds articles by their labels too (Article.search_labels): keep that copy in
# step with the topics, regions and communities of each article.
LABEL_LINKS: dict[type[Model], str] = {
    TaggedArticle: "content_object",
    Article.regions.through: "article",
    Article.communities.through: "article",
}


def refresh_labels(sender, instance, action, reverse, pk_set, **kwargs) -> None:
    if not reverse:
        if action in {"post_add", "post_remove", "post_clear"}:
            Article.objects.filter(pk=instance.pk).refresh_search_labels()
        return
    # From the other side (region.articles.add(...)): pk_set holds article ids; a clear
    # does not say which, so they are noted before it.
    if action == "pre_clear":
        link = sender._meta.get_field(LABEL_LINKS[sender]).name
        other = next(
            f.name for f in sender._meta.concrete_fields if f.is_relation and f.name != link
        )
        instance._news_articles_before_clear = list(
            sender.objects.filter(**{other: instance}).values_list(f"{link}_id", flat=True)
        )
        return
    if action == "post_clear":
        pk_set = instance.__dict__.pop("_news_articles_before_clear", [])
    if action in {"post_add", "post_remove", "post_clear"} and pk_set:
        Article.objects.filter(pk__in=pk_set).refresh_search_labels()


for through in LABEL_LINKS:
    m2m_changed.connect(refresh_labels, sender=through, dispatch_uid=f"news_labels_{through}")


@receiver(post_save, sender=Tag, dispatch_uid="news_tag_renamed")
def refresh_labels_of_renamed_tag(sender, instance: Tag, created: bool, **kwargs) -> None:
    if not created:
        Article.objects.filter(tags=instance).refresh_search_labels()


@receiver(post_save, sender=TopicName, dispatch_uid="news_topic_name_saved")
@receiver(post_delete, sender=TopicName, dispatch_uid="news_topic_name_deleted")
def refresh_labels_of_renamed_topic(sender, instance: TopicName, **kwargs) -> None:
    # Search finds an article by its topics' names in every language; pages show them.
    Article.objects.filter(tags=instance.tag_id).refresh_search_labels()
    news_changed()


# Cached pieces of the news pages (news.caching): dropped on every write under them.
@receiver(post_save, sender=Article, dispatch_uid="news_cache_article_saved")
@receiver(post_delete, sender=Article, dispatch_uid="news_cache_article_deleted")
@receiver(post_save, sender=Tag, dispatch_uid="news_cache_tag_saved")
@receiver(post_delete, sender=Tag, dispatch_uid="news_cache_tag_deleted")
@receiver(post_save, sender=Municipality, dispatch_uid="news_cache_municipality_saved")
@receiver(post_delete, sender=Municipality, dispatch_uid="news_cache_municipality_deleted")
@receiver(post_save, sender=Region, dispatch_uid="news_cache_region_saved")
@receiver(post_delete, sender=Region, dispatch_uid="news_cache_region_deleted")
def news_cache_dropped(sender, **kwargs) -> None:
    news_changed()


def news_cache_dropped_by_links(sender, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        news_changed()


for through in LABEL_LINKS:
    m2m_changed.connect(
        news_cache_dropped_by_links, sender=through, dispatch_uid=f"news_cache_links_{through}"
    )


@receiver(post_save, sender=Comment, dispatch_uid="news_cache_comment_saved")
@receiver(post_delete, sender=Comment, dispatch_uid="news_cache_comment_deleted")
def comment_cache_dropped(sender, instance: Comment, **kwargs) -> None:
    comments_changed(instance.article_id)
