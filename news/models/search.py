"""What the news search reads: the normalised columns, their weights, the stored vector."""

import operator
from functools import reduce

from django.contrib.postgres.search import SearchVectorField

LANGUAGES = ("uk", "en")

# Search: a normalised copy (news.text.search_text) of each text, by weight and language.
# English is stemmed by PostgreSQL's 'english' configuration; Ukrainian has no dictionary
# there, so it is matched by prefix ('simple') on a crude stem of each query word.
SEARCH_WEIGHTS = {"title": "A", "lead": "B", "body": "C"}
SEARCH_CONFIGS = {"uk": "simple", "en": "english"}
SEARCH_TEXT_FIELDS = [f"search_{field}_{code}" for field in SEARCH_WEIGHTS for code in LANGUAGES]
# A search ranks at most this many matches, the newest: a word in every article
# costs what a rare one does. Readers see "more than" this many results.
SEARCH_LIMIT = 500
# "Read more" ranks the newest few articles sharing each label: this many per card.
CANDIDATES_PER_RELATED = 3
# Topic, region and community names: found too, but below any match in the text.
SEARCH_LABELS_FIELD = "search_labels"
SEARCH_FIELDS = [*SEARCH_TEXT_FIELDS, SEARCH_LABELS_FIELD]
# The stored vector of all of them (PostgreSQL); never loaded into Python.
SEARCH_DOCUMENT_FIELD = "search_document"


def search_vector():
    """The weighted tsvector of an article (PostgreSQL). A trigger (migration 0007) keeps
    exactly this in Article.search_document, which is GIN-indexed; change both together."""
    from django.contrib.postgres.search import SearchVector

    parts = [
        SearchVector(f"search_{field}_{code}", config=SEARCH_CONFIGS[code], weight=weight)
        for field, weight in SEARCH_WEIGHTS.items()
        for code in LANGUAGES
    ]
    parts.append(SearchVector(SEARCH_LABELS_FIELD, config="simple", weight="D"))
    return reduce(operator.add, parts)


class SearchDocumentField(SearchVectorField):
    """The stored search_vector() of a row: tsvector on PostgreSQL, written only by the
    database's trigger (migration 0007); an unused text column elsewhere."""

    def db_type(self, connection) -> str:
        return super().db_type(connection) if connection.vendor == "postgresql" else "text"
