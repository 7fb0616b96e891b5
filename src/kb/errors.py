"""Domain exceptions. The core raises these; only the CLI turns them into messages."""

from __future__ import annotations


class KbError(Exception):
    """Base class: an error a user can act on, shown as one line."""


class BadArticle(KbError):
    """A file or record that cannot be read as an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class SkippedFile(BadArticle):
    """A file in a folder that is not in an article format: reported, not read."""


class BadStore(KbError):
    """A --db that is not a kb store, or one from a newer version."""


class ModelMissing(KbError):
    """The configured spaCy pipeline is not installed."""


class NotFound(KbError):
    """No entity matches a name."""

    def __init__(self, name: str, suggestions: list[str] | None = None) -> None:
        hint = f" Did you mean: {', '.join(suggestions)}?" if suggestions else ""
        super().__init__(f"no entity matches {name!r}.{hint}")
        self.name = name
        self.suggestions = suggestions or []


class BadDate(KbError):
    """A date argument that cannot be read."""


class StoreUnavailable(KbError):
    """The store cannot be written (read-only, disk full, held by another writer) or read;
    nothing already stored is lost."""


class BadQuery(KbError):
    """A search or name argument that cannot be looked up as given."""


class CannotWrite(KbError):
    """An output file (export, page, picture) could not be written; no partial file is left."""
