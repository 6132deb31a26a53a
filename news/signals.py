"""Receivers of the news app, connected in NewsConfig.ready()."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from .models import Article


@receiver(post_delete, sender=Article, dispatch_uid="news_article_image_files")
def delete_image_files_of_deleted_article(sender, instance: Article, **kwargs) -> None:
    # post_delete also runs for queryset and admin bulk deletes, which skip Model.delete().
    if instance.image:
        instance.discard_image_after_commit(instance.image.name)
