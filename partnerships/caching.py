"""What the registry's pages cache, and what drops it.

"registry": the rendered list part of the directory (municipality cards, filters,
pages). Any write to a municipality, region, area of cooperation, a municipality's
offers or needs, or a partnership starts a new generation (partnerships.receivers_cache),
and so does a registry import, which writes in bulk without signals.
"""

from core import caching


def registry_generation() -> str:
    return caching.token("registry")


def registry_changed() -> None:
    caching.bump("registry")
