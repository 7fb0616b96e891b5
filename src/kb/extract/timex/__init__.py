"""Time expressions: patterns, calendar values, tense, publication dates (see ``kb.extract.dates``)."""
