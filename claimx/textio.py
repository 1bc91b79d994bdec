"""Reading input texts: files, directories of ``*.txt`` files, or standard input.

Inputs are streamed as :class:`InputText` or :class:`InputError` items so that
one bad file never stops the others and the caller can count failures. Nothing
here raises for a bad input and nothing prints a traceback; decoding notes
(for example "decoded as Windows-1256") go to a ``note`` callback, stderr by
default.
"""

from __future__ import annotations

import codecs
import os
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

STDIN = "-"
TEXT_SUFFIX = ".txt"

# Share of control characters above which decoded bytes are not treated as text.
_MAX_CONTROL_RATIO = 0.02
# Share of invalid sequences (among non-ASCII characters) still treated as damaged UTF-8.
_MAX_BAD_UTF8_RATIO = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_PREFERRED_LEGACY = "cp1256"  # Windows-1256, the usual legacy encoding of Arabic text
_ENCODING_NAMES = {
    "cp1256": "Windows-1256",
    "utf_16": "UTF-16",
    "utf-16": "UTF-16",
}

NoteCallback = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class InputText:
    """One decoded input; ``text`` never includes a byte-order mark."""

    source: str
    text: str
    encoding: str = "utf-8"


@dataclass(frozen=True, slots=True)
class InputError:
    """One input that could not be read; ``message`` is a single line for the user."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{display_source(self.source)}: {self.message}"


InputItem = InputText | InputError


class _Unreadable(Exception):
    """Internal: carries the one-line reason an input is rejected."""


def display_source(source: str) -> str:
    """How an input is named in messages: ``-`` reads better as "standard input"."""
    return "standard input" if source == STDIN else source


def print_note(message: str) -> None:
    """Default note sink: one line on stderr."""
    print(f"claimx: note: {message}", file=sys.stderr)


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    note: NoteCallback | None = print_note,
) -> Iterator[InputItem]:
    """Yield one item per input text, in order; directories expand to their ``*.txt`` files.

    ``-`` reads standard input (``stdin`` if given, else ``sys.stdin``'s bytes).
    """
    for path in paths:
        if path == STDIN:
            yield _from_stdin(stdin, note)
        elif os.path.isdir(path):
            yield from _from_directory(Path(path), note)
        else:
            yield _from_file(Path(path), path, note)


def find_text_files(directory: Path) -> list[Path]:
    """All ``*.txt`` files below ``directory``, sorted, skipping hidden files and folders.

    Hidden entries are editor backups, checkpoints or version-control data,
    never articles a user meant to analyse.
    """
    found: list[Path] = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        found.extend(
            Path(root, name)
            for name in files
            if not name.startswith(".") and name.lower().endswith(TEXT_SUFFIX)
        )
    return sorted(found)


def decode_bytes(data: bytes, source: str, note: NoteCallback | None = None) -> InputItem:
    """Turn raw bytes into text, or explain in one line why they are not usable text."""
    try:
        text, encoding = _decode(data, source, note)
    except _Unreadable as exc:
        return InputError(source, str(exc))
    return InputText(source, text, encoding)


def _from_stdin(stdin: BinaryIO | None, note: NoteCallback | None) -> InputItem:
    try:
        data = _read_stdin_bytes(stdin)
    except OSError as exc:
        return InputError(STDIN, f"cannot read standard input: {_os_reason(exc)}")
    return decode_bytes(data, STDIN, note)


def _read_stdin_bytes(stdin: BinaryIO | None) -> bytes:
    if stdin is not None:
        return stdin.read()
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer.read()
    # A text-only stdin (e.g. replaced in tests): it is already decoded.
    return sys.stdin.read().encode("utf-8")


def _from_directory(directory: Path, note: NoteCallback | None) -> Iterator[InputItem]:
    try:
        files = find_text_files(directory)
    except OSError as exc:
        yield InputError(str(directory), f"cannot list directory: {_os_reason(exc)}")
        return
    if not files:
        yield InputError(str(directory), f"directory contains no {TEXT_SUFFIX} files")
        return
    for file in files:
        yield _from_file(file, str(file), note)


def _from_file(path: Path, source: str, note: NoteCallback | None) -> InputItem:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputError(source, "no such file or directory")
    except OSError as exc:
        return InputError(source, f"cannot read file: {_os_reason(exc)}")
    return decode_bytes(data, source, note)


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _decode(data: bytes, source: str, note: NoteCallback | None) -> tuple[str, str]:
    if not data:
        raise _Unreadable("empty input (0 bytes)")
    text, encoding = _decode_nonempty(data, source, note)
    if _looks_binary(text):
        raise _Unreadable("binary data, not text")
    if not text.strip():
        raise _Unreadable("input contains only whitespace")
    return text, encoding


def _decode_nonempty(data: bytes, source: str, note: NoteCallback | None) -> tuple[str, str]:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_utf16(data, source, note)
    if b"\x00" in data:
        raise _Unreadable("binary data, not text (contains NUL bytes)")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as exc:
        first_error = exc
    damaged = _damaged_utf8(data)
    if damaged is not None:
        text, bad = damaged
        _note(
            note,
            f"{display_source(source)}: not valid UTF-8; "
            f"{bad} invalid byte sequence(s) replaced by U+FFFD",
        )
        return text, "utf-8"
    detected = _detect_legacy(data)
    if detected is None:
        raise _Unreadable(
            f"cannot decode: not valid UTF-8 (byte 0x{data[first_error.start]:02x} "
            f"at offset {first_error.start}) and no other text encoding detected"
        )
    text, encoding = detected
    _note(note, f"{display_source(source)}: not valid UTF-8, decoded as {_display_name(encoding)}")
    return text, encoding


def _decode_utf16(data: bytes, source: str, note: NoteCallback | None) -> tuple[str, str]:
    """Windows editors save "Unicode" text as UTF-16 with a BOM; accept it."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        raise _Unreadable("cannot decode: invalid UTF-16 after a UTF-16 byte-order mark") from exc
    _note(note, f"{display_source(source)}: decoded as UTF-16 (byte-order mark found)")
    return text, "utf-16"


def _damaged_utf8(data: bytes) -> tuple[str, int] | None:
    """UTF-8 text with a few broken bytes stays UTF-8: reading it as a legacy code page
    would turn every Arabic letter into mojibake."""
    text = data.decode("utf-8-sig", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8-sig", errors="ignore").count("\ufffd")
    non_ascii = sum(1 for ch in text if ord(ch) > 0x7F)
    valid_non_ascii = non_ascii - bad
    if bad and valid_non_ascii >= 20 and bad <= _MAX_BAD_UTF8_RATIO * non_ascii:
        return text, bad
    return None


def _detect_legacy(data: bytes) -> tuple[str, str] | None:
    """Windows-1256 first (Arabic news), then whatever charset-normalizer finds most coherent.

    Short Arabic snippets are often guessed as some unrelated code page, so
    Windows-1256 is tried alone before the open detection.
    """
    from charset_normalizer import from_bytes

    for kwargs in ({"cp_isolation": [_PREFERRED_LEGACY]}, {}):
        best = from_bytes(data, **kwargs).best()
        if best is not None:
            return str(best), best.encoding
    return None


def _looks_binary(text: str) -> bool:
    if "\x00" in text:
        return True
    controls = sum(
        1
        for ch in text
        if ch not in _ALLOWED_CONTROLS and unicodedata.category(ch) == "Cc" and ord(ch) < 0x80
    )
    return controls > _MAX_CONTROL_RATIO * len(text)


def _display_name(encoding: str) -> str:
    return _ENCODING_NAMES.get(encoding, encoding)


def _note(note: NoteCallback | None, message: str) -> None:
    if note is not None:
        note(message)
