"""ITP evidence knowledge base: references in, a deduplicated, searchable SQLite database out."""

__version__ = "0.1.0"
