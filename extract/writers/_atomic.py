"""Atomic file replacement: write beside the target, then rename over it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from ..errors import WriterError


@contextlib.contextmanager
def atomic_path(dest: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path in ``dest``'s folder; on success it replaces ``dest`` in one rename.

    On any failure the temporary file is removed and ``dest`` is left as it was.
    """
    dest = Path(dest)
    folder = dest.parent if str(dest.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise WriterError(f"{dest}: cannot write here ({exc.strerror or exc})") from exc
    os.close(fd)
    tmp_path = Path(tmp)
    _match_permissions(tmp_path, dest)
    try:
        yield tmp_path
        os.replace(tmp_path, dest)
    except OSError as exc:
        tmp_path.unlink(missing_ok=True)
        raise WriterError(f"{dest}: write failed ({exc.strerror or exc}); the previous file is unchanged") from exc
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise


def _match_permissions(tmp: Path, dest: Path) -> None:
    """Give the new file the old one's permissions, or the usual ones (0666 less the umask): not mkstemp's 0600."""
    try:
        mode = dest.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(tmp, mode)
