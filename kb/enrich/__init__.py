"""Enrichment: resolve short citations and verify works against PubMed and Crossref (``kb enrich``).

Optional, cached and offline by default: ``kb build`` never touches the network. ``kb enrich`` looks the
works worth it up (:mod:`kb.enrich.run`) through a polite client (:mod:`kb.enrich.http`) into a cache
beside the database (:mod:`kb.enrich.cache`); the build's enrichment stage (:mod:`kb.enrich.apply`) then
decides from the cache alone (:mod:`kb.enrich.match`) and fills or corrects each work with the source,
record id and retrieval date of every field it touches.
"""

from kb.enrich.apply import EnrichStage, enrich_works
from kb.enrich.cache import cache_path, read_lookups
from kb.enrich.run import EnrichSettings, LookupSummary, run_lookups, verdict_counts

__all__ = [
    "EnrichSettings",
    "EnrichStage",
    "LookupSummary",
    "cache_path",
    "enrich_works",
    "read_lookups",
    "run_lookups",
    "verdict_counts",
]
