"""Corpus-wide consolidation: one entity per real thing, one event per real event.

Pure Python over records the store reads back; no spaCy, no SQL.
"""
