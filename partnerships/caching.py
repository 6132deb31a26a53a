"""What the registry's pages cache, and what drops it.

"registry": the rendered list part of the directory (municipality cards, filters,
pages) and the public parts of the profiles (partners, areas, figures, map). Any write
to a municipality, region, area of cooperation, a municipality's offers or needs, a
partnership, a request for cooperation or a memorandum starts a new generation
(partnerships.receivers_cache); so do a registry import and a memorandum's publish
flags, which are written without signals.
"""

from core import caching


def registry_generation() -> str:
    return caching.token("registry")


def registry_changed() -> None:
    caching.bump("registry")
