"""claimx's own temporary files and folders: named ``claimx-KIND-PID-RANDOM`` in the
temporary folder (``TMPDIR``), removed at exit, and, when a run was killed before it
could remove them, removed by the next run, which sees that their process is gone.

A failure to write one is :class:`TemporaryFailed`, one line that names the folder, so
that a full ``/tmp`` can be told apart from a full output disk.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from pathlib import Path

PREFIX = "claimx"


class TemporaryFailed(Exception):
    """A temporary file or folder of claimx could not be made or written."""

    def __init__(self, what: str, folder: str, reason: str) -> None:
        super().__init__(f"cannot write {what} in the temporary folder {folder}: "
                         f"{reason.lower()}; set TMPDIR to a folder with room and write access")


def temporary_file(kind: str, suffix: str = "", folder: str | None = None) -> str:
    """The path of a new private file for this run in ``folder`` (default: the temporary
    folder); the caller removes it."""
    folder = _folder(folder)
    try:
        fd, path = tempfile.mkstemp(prefix=_prefix(kind), suffix=suffix, dir=folder)
    except OSError as exc:
        raise TemporaryFailed(f"a {kind} file", folder, exc.strerror or str(exc)) from None
    os.close(fd)
    return path


def temporary_folder(kind: str) -> str:
    """The path of a new private folder for this run (the caller removes it)."""
    folder = _folder()
    try:
        return tempfile.mkdtemp(prefix=_prefix(kind), dir=folder)
    except OSError as exc:
        raise TemporaryFailed(f"a {kind} folder", folder, exc.strerror or str(exc)) from None


def remove(path: str) -> None:
    """Remove a temporary file or folder, whatever is left of it."""
    with contextlib.suppress(OSError):
        if os.path.isdir(path) and not os.path.islink(path):
            shutil.rmtree(path, ignore_errors=True)
        else:
            os.unlink(path)


def _prefix(kind: str) -> str:
    """``claimx-KIND-PID-``: the process that may still use the entry, for the next run."""
    if "-" in kind:
        raise ValueError(f"a temporary kind is one word: {kind!r}")
    return f"{PREFIX}-{kind}-{os.getpid()}-"


def _folder(folder: str | None = None) -> str:
    folder = folder or tempfile.gettempdir()
    remove_stale(folder)
    return folder


def remove_stale(folder: str) -> None:
    """Remove what killed runs left in ``folder``: this user's ``claimx-KIND-PID-*`` files
    and folders whose process is gone."""
    with contextlib.suppress(OSError):
        for entry in Path(folder).glob(f"{PREFIX}-*-*-*"):
            pid = entry.name.split("-")[2]
            if pid.isdigit() and int(pid) > 0 and _ours(entry) and not _running(int(pid)):
                remove(str(entry))


def _ours(entry: Path) -> bool:
    """A file or folder of this user, never a link (which could point anywhere)."""
    try:
        info = entry.lstat()
    except OSError:
        return False
    return info.st_uid == os.getuid() and not stat.S_ISLNK(info.st_mode)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # someone else's process: alive
        return True
    return True
