"""Which files a report may open again for an article's text, and how.

A claimx output record names its article's file in ``path``, and a record may be hand-made:
read back blindly, it would put any file the user can read (``/etc/passwd``,
``../../.ssh/id_rsa``) into the page, hang on a FIFO or exhaust memory on ``/dev/zero``. So
only files the user named are opened: an input given on the command line (a file, or a file
below a folder given there) or a file below a ``--text-from`` folder, compared after every
symbolic link and ``..`` is resolved. What is opened must be a regular file, and no larger
than ``--max-chars`` allows.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from claimx.io.items import STDIN

# The most bytes one character takes in any encoding claimx reads (UTF-8, UTF-16, UTF-32),
# and room for a byte order mark.
MAX_BYTES_PER_CHAR = 4
BOM_BYTES = 4


class Refused(Exception):
    """A named file that must not be read; the message says why, in a few words."""


class Named:
    """The files and folders the user named, resolved once."""

    def __init__(self, inputs: Iterable[str], folders: Iterable[str | Path]) -> None:
        self.files: set[str] = set()
        self.folders: list[str] = []
        for name in inputs:
            if name == STDIN or "\x00" in name:
                continue
            real = os.path.realpath(name)
            if os.path.isdir(real):
                self.folders.append(real)
            else:
                self.files.add(real)
        self.folders.extend(os.path.realpath(folder) for folder in folders)

    def allows(self, path: str | Path) -> bool:
        """Whether ``path``, its links and ``..`` resolved, is or lies below a named one."""
        real = os.path.realpath(path)
        if real in self.files:
            return True
        return any(real == top or real.startswith(top.rstrip(os.sep) + os.sep)
                   for top in self.folders)


def open_regular(path: str, max_chars: int) -> BinaryIO:
    """``path`` opened for reading, only if it is a regular file within ``max_chars``
    (0: no limit). Opening does not block (a FIFO would wait for a writer forever) and
    the checks are made on what was opened, not on the name. Raises :class:`Refused`
    or ``OSError``."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Refused("not a regular file")
        limit = max_chars * MAX_BYTES_PER_CHAR + BOM_BYTES
        if max_chars and info.st_size > limit:
            raise Refused(f"{info.st_size:,} bytes, more than --max-chars {max_chars:,} "
                          "allows")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_regular(path: str, max_chars: int) -> bytes:
    """The bytes of a regular file within ``max_chars``, read no further than the limit
    allows even if the file grows meanwhile. Raises :class:`Refused` or ``OSError``."""
    with open_regular(path, max_chars) as handle:
        if not max_chars:
            return handle.read()
        limit = max_chars * MAX_BYTES_PER_CHAR + BOM_BYTES
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise Refused(f"more than --max-chars {max_chars:,} allows")
    return data
