"""The news models, by concept; every name is importable from news.models."""

from .articles import Article, article_image_path
from .comments import Comment, CommentQuerySet, CommentReport, CommentStatus
from .counts import ArticleViewCount
from .queries import ArticleQuerySet, ArticleStatus
from .search import (
    CANDIDATES_PER_RELATED,
    LANGUAGES,
    SEARCH_CONFIGS,
    SEARCH_DOCUMENT_FIELD,
    SEARCH_FIELDS,
    SEARCH_LABELS_FIELD,
    SEARCH_LIMIT,
    SEARCH_TEXT_FIELDS,
    SEARCH_WEIGHTS,
    SearchDocumentField,
    search_vector,
)
from .topics import (
    TaggedArticle,
    TopicLabel,
    TopicName,
    topic_label,
    topic_labels,
    topics_with_names,
)

__all__ = [
    "CANDIDATES_PER_RELATED",
    "LANGUAGES",
    "SEARCH_CONFIGS",
    "SEARCH_DOCUMENT_FIELD",
    "SEARCH_FIELDS",
    "SEARCH_LABELS_FIELD",
    "SEARCH_LIMIT",
    "SEARCH_TEXT_FIELDS",
    "SEARCH_WEIGHTS",
    "Article",
    "ArticleQuerySet",
    "ArticleStatus",
    "ArticleViewCount",
    "Comment",
    "CommentQuerySet",
    "CommentReport",
    "CommentStatus",
    "SearchDocumentField",
    "TaggedArticle",
    "TopicLabel",
    "TopicName",
    "article_image_path",
    "search_vector",
    "topic_label",
    "topic_labels",
    "topics_with_names",
]
