"""The open data API: read-only JSON over the registry, its partnerships and the news."""
