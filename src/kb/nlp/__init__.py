"""kb's own spaCy pipeline components, registered with ``Language.factory``.

Importing this package needs spaCy; only the NLP paths import it.
"""
