"""The SQLite store: the one module that speaks SQL.

Per-article facts are written in one transaction each, so a killed ingest leaves a
consistent store. Corpus-wide tables (canonical entities, merged events) are derived
from them by :func:`kb.resolve.consolidate.consolidate` and can always be rebuilt.

The store is split by concern: :mod:`kb.store.schema` (the migrations),
:mod:`kb.store.connection` (opening, migrating, transactions), :mod:`kb.store.writes`
and :mod:`kb.store.reads` (the methods :class:`Store` inherits).
"""

from __future__ import annotations

from kb.store.connection import BUSY_TIMEOUT, DEFAULT_DB, MAX_PATTERN, StoredArticle, default_path
from kb.store.reads import Reads
from kb.store.schema import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION
from kb.store.writes import Writes

__all__ = ["APPLICATION_ID", "BUSY_TIMEOUT", "DEFAULT_DB", "MAX_PATTERN", "MIGRATIONS", "SCHEMA_VERSION",
           "Store", "StoredArticle", "default_path"]


class Store(Writes, Reads):
    """A kb knowledge base in one SQLite file; migrates itself when opened."""
