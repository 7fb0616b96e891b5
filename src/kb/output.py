"""Output files (exports, pages, pictures) are written whole or not at all.

Each is written to a temporary file beside its target and renamed over it once complete,
so a full disk or an interrupted command never leaves a truncated file, and an older
file of the same name stays as it was until the new one is whole.
"""

from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from kb.errors import CannotWrite


@contextmanager
def replacing(target: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path to write; it becomes ``target`` when the block ends without error.

    An error while writing (``OSError``: disk full, no permission) becomes a one-line
    :class:`CannotWrite`; the temporary file is removed either way.
    """
    target = Path(target)
    folder = target.parent
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise CannotWrite(f"{target}: cannot write it: {_reason(exc)}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # as a file created in place would be
        os.replace(tmp, target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CannotWrite(f"{target}: cannot write it: {_reason(exc)}; nothing was written") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_text(target: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (UTF-8) to ``target`` whole or not at all."""
    with replacing(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return "the disk is full"
    if exc.errno == errno.EFBIG:
        return "file too large for this disk or account"
    return exc.strerror or str(exc)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
