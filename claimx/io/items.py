"""What reading inputs yields: one decoded text or one error per input, and how an input
is named in messages.

Every stage of reading (finding files, decoding, JSONL records) hands these on, so one bad
input is an item in the stream and never an exception that ends the run.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

from claimx.model import PLAIN_TEXT

STDIN = "-"

NoteCallback = Callable[[str], None]


def _compared(item: Any) -> tuple[Any, ...]:
    """An input's fields but ``nbytes``: what equality compares (the same text read twice is
    the same input, whatever its size was counted as)."""
    i = item._fields.index("nbytes")
    return item[:i] + item[i + 1 :]


def _equal(item: Any, other: object) -> bool:
    return other.__class__ is item.__class__ and _compared(item) == _compared(other)


def _unequal(item: Any, other: object) -> bool:
    return not _equal(item, other)


def _hash(item: Any) -> int:
    return hash(_compared(item))


class InputText(NamedTuple):
    """One decoded input; ``text`` never includes a byte-order mark.

    ``id`` is the record's identifier in a JSONL corpus (``None`` for a text file,
    whose identifier is its path: see :attr:`doc_id`); ``line`` is its line number
    there, so that a failure can be located. ``nbytes`` (the size read, for
    progress reports) takes no part in comparisons.
    """

    source: str
    text: str
    encoding: str = "utf-8"
    id: str | None = None
    line: int | None = None
    nbytes: int = 0
    content_type: str = PLAIN_TEXT  # text/html: ``text`` is a page's extracted article
    date: str | None = None  # a JSONL record's "date" (or "meta": {"date"}), as written
    outlet: str | None = None  # ... and its "outlet": who published it

    __eq__, __ne__, __hash__ = _equal, _unequal, _hash

    @property
    def doc_id(self) -> str:
        """The identifier every output document carries: the id field, else the path."""
        return self.id if self.id is not None else self.source

    @property
    def where(self) -> str:
        """The input's place for messages: ``path`` or ``path, line N``."""
        return _where(self.source, self.line)


class InputError(NamedTuple):
    """One input that could not be read (or processed); ``message`` is a single line.
    ``nbytes`` takes no part in comparisons."""

    source: str
    message: str
    line: int | None = None
    id: str | None = None
    nbytes: int = 0

    __eq__, __ne__, __hash__ = _equal, _unequal, _hash

    @property
    def where(self) -> str:
        return _where(self.source, self.line)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


InputItem = InputText | InputError


def display_source(source: str) -> str:
    """How an input is named in messages: ``-`` reads better as "standard input"."""
    return "standard input" if source == STDIN else source


def path_name(path: str | os.PathLike[str]) -> str:
    """A path as text every output can hold: the bytes of a name that
    are not UTF-8 (which Python holds as lone surrogates) become ``\\xNN`` escapes, so
    JSON, CSV and ``-o`` files stay valid UTF-8 and the name is still recognisable."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            return text.encode("utf-8", "backslashreplace").decode("utf-8")
        return raw.decode("utf-8", "backslashreplace")
    return text


def _where(source: str, line: int | None) -> str:
    place = display_source(source)
    return place if line is None else f"{place}, line {line}"


def print_note(message: str) -> None:
    """Default note sink: one line on stderr, with no raw control character."""
    from claimx.io.safety import escaped

    print(f"claimx: note: {escaped(message)}", file=sys.stderr)


def send_note(note: NoteCallback | None, message: str) -> None:
    """Pass a decoding note on, unless the caller asked for none."""
    if note is not None:
        note(message)


def os_reason(exc: OSError) -> str:
    """An OS error's reason as the tail of a one-line message."""
    return (exc.strerror or str(exc)).lower()
