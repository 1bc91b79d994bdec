"""Reading input texts: files, directories, JSONL corpora, or standard input.

Inputs are streamed as :class:`InputText` or :class:`InputError` items so that
one bad file (or one bad JSONL line) never stops the others and the caller can
count failures. Nothing is read before it is needed: directories are walked
lazily and JSONL files line by line, so memory stays flat however large the
corpus. Nothing here raises for a bad input and nothing prints a traceback;
decoding notes (for example "decoded as Windows-1256") go to a ``note``
callback, stderr by default.
"""

from __future__ import annotations

import codecs
import fnmatch
import io
import json
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, BinaryIO

from claimx.model import HTML, PLAIN_TEXT

STDIN = "-"
TEXT_SUFFIX = ".txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
DEFAULT_TEXT_FIELD = "text"
DEFAULT_ID_FIELD = "id"


class InputFormat(StrEnum):
    """How input files are read: ``auto`` picks JSONL by suffix (``.jsonl``), else text."""

    auto = "auto"
    text = "text"
    jsonl = "jsonl"

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
    nbytes: int = field(default=0, compare=False)
    content_type: str = PLAIN_TEXT  # text/html: ``text`` is a page's extracted article
    date: str | None = None  # a JSONL record's "date" (or "meta": {"date"}), as written
    outlet: str | None = None  # ... and its "outlet": who published it

    def __reduce__(self) -> tuple[Any, ...]:
        """Plain-tuple pickling: a third of the cost of the dataclass default, which
        matters when a whole corpus is sent to worker processes."""
        return (InputText, (self.source, self.text, self.encoding, self.id, self.line,
                            self.nbytes, self.content_type, self.date, self.outlet))

    @property
    def doc_id(self) -> str:
        """The identifier every output document carries: the id field, else the path."""
        return self.id if self.id is not None else self.source

    @property
    def where(self) -> str:
        """The input's place for messages: ``path`` or ``path, line N``."""
        return _where(self.source, self.line)


@dataclass(frozen=True, slots=True)
class InputError:
    """One input that could not be read (or processed); ``message`` is a single line."""

    source: str
    message: str
    line: int | None = None
    id: str | None = None
    nbytes: int = field(default=0, compare=False)

    def __reduce__(self) -> tuple[Any, ...]:
        return (InputError, (self.source, self.message, self.line, self.id, self.nbytes))

    @property
    def where(self) -> str:
        return _where(self.source, self.line)

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


InputItem = InputText | InputError


class _Unreadable(Exception):
    """Internal: carries the one-line reason an input is rejected."""


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f"
                            "\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


def has_arabic_letters(text: str) -> bool:
    """Whether a text holds any Arabic letter: an English article or a page of markup
    holds none, and claimx would only find noise in it."""
    return _ARABIC_LETTER.search(text) is not None


def display_source(source: str) -> str:
    """How an input is named in messages: ``-`` reads better as "standard input"."""
    return "standard input" if source == STDIN else source


def path_name(path: str | os.PathLike[str]) -> str:
    """A path as text every output can hold (issue 12, item 3): the bytes of a name that
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


def read_inputs(
    paths: Iterable[str],
    *,
    stdin: BinaryIO | None = None,
    note: NoteCallback | None = print_note,
) -> Iterator[InputItem]:
    """Yield one item per input text, in order; directories expand to their ``*.txt`` files.

    ``-`` reads standard input (``stdin`` if given, else ``sys.stdin``'s bytes).
    Files ending in ``.jsonl`` are read as JSONL corpora (see :func:`read_corpus`).
    """
    return read_corpus(paths, stdin=stdin, note=note)


def read_corpus(
    paths: Iterable[str],
    *,
    input_format: InputFormat | str = InputFormat.auto,
    glob: str | None = None,
    text_field: str = DEFAULT_TEXT_FIELD,
    id_field: str = DEFAULT_ID_FIELD,
    stdin: BinaryIO | None = None,
    note: NoteCallback | None = print_note,
    encoding: str | None = None,
) -> Iterator[InputItem]:
    """Stream every document of a corpus, in order, one item per document.

    A path is a text file (one document), a JSONL file (one document per line,
    its text in ``text_field`` and its identifier in ``id_field``), a directory
    (every file below it whose name matches ``glob``, in path order; hidden files
    and folders are skipped) or ``-`` for standard input. With ``input_format``
    ``auto``, files ending in ``.jsonl`` (or ``.ndjson``) are JSONL and the rest
    text; ``text`` or ``jsonl`` force one reading for every file and for stdin.
    The default ``glob`` is ``*.jsonl`` for ``jsonl`` input, else ``*.txt``.
    ``encoding`` decodes text inputs with that codec instead of detecting it (JSONL is
    always UTF-8).
    """
    fmt = InputFormat(input_format)
    pattern = glob or default_glob(fmt)
    fields = (text_field, id_field)
    for path in paths:
        if path == STDIN:
            if fmt is InputFormat.jsonl:
                yield from _jsonl_from_stdin(stdin, fields)
            else:
                yield from _from_stdin(stdin, note, encoding, fields)
        elif os.path.isdir(path):
            yield from _from_directory(Path(path), pattern, fmt, fields, note, encoding)
        else:
            yield from _from_path(Path(path), path_name(path), fmt, fields, note, encoding)


def default_glob(input_format: InputFormat | str) -> str:
    """The file-name pattern used inside directories when ``--glob`` is not given."""
    return "*.jsonl" if InputFormat(input_format) is InputFormat.jsonl else "*" + TEXT_SUFFIX


def is_jsonl_path(path: str | Path, input_format: InputFormat | str = InputFormat.auto) -> bool:
    """Whether ``path`` is read as JSONL under ``input_format``."""
    fmt = InputFormat(input_format)
    if fmt is InputFormat.auto:
        return str(path).lower().endswith(JSONL_SUFFIXES)
    return fmt is InputFormat.jsonl


def iter_files(directory: Path, pattern: str = "*" + TEXT_SUFFIX) -> Iterator[Path]:
    """Files below ``directory`` whose name matches ``pattern``, lazily and in path order.

    Each folder is listed and sorted on its own, which gives the same order as
    sorting all paths (``sorted`` compares paths part by part) without holding the
    whole tree in memory. Names match case-insensitively (``*.txt`` takes
    ``A.TXT``); a pattern with ``/`` is matched against the path below
    ``directory``. Hidden entries are editor backups, checkpoints or
    version-control data, never articles a user meant to analyse. Raises
    ``OSError`` when ``directory`` itself cannot be listed; unreadable sub-folders
    are skipped.
    """
    for found in _walk(directory, pattern):
        if isinstance(found, Path):
            yield found
        elif found.source == path_name(directory):
            raise OSError(found.message)


def _walk(directory: Path, pattern: str) -> Iterator[Path | InputError]:
    """Matching files in path order, and an error for each folder that cannot be listed.

    Symbolic links are followed, but each real folder is walked once: a link back to a
    folder already walked (a loop such as ``sub/up -> ..``) is reported and skipped,
    as is an entry whose type cannot be read (a link to itself), never the whole run
    (issue 12, item 4).
    """
    pattern = pattern.lower()
    by_path = "/" in pattern
    seen: set[tuple[int, int]] = set()

    def walk(folder: Path) -> Iterator[Path | InputError]:
        try:
            identity = _file_identity(folder)
            if identity in seen:
                yield InputError(path_name(folder), "skipped: a symbolic link back to a "
                                 "folder already read (a loop)")
                return
            seen.add(identity)
            with os.scandir(folder) as listing:
                entries = sorted(
                    (e for e in listing if not e.name.startswith(".")), key=lambda e: e.name
                )
        except OSError as exc:
            yield InputError(path_name(folder), f"cannot list directory: {_os_reason(exc)}")
            return
        for entry in entries:
            try:
                is_dir, is_file = entry.is_dir(), entry.is_file()
            except OSError as exc:
                yield InputError(path_name(entry.path), f"skipped: {_os_reason(exc)}")
                continue
            if is_dir:
                yield from walk(Path(entry.path))
            elif is_file:
                path = Path(entry.path)
                name = path.relative_to(directory).as_posix() if by_path else entry.name
                if fnmatch.fnmatchcase(name.lower(), pattern):
                    yield path

    return walk(directory)


def input_reading(
    paths: Iterable[str],
    target: Path,
    *,
    input_format: InputFormat | str = InputFormat.auto,
    glob: str | None = None,
) -> str | None:
    """The input (as given) through which the corpus would read the existing file
    ``target``, or ``None``: ``--output`` must never overwrite what it reads. Checks the
    paths given and the files a folder's pattern would take, without walking folders."""
    try:
        wanted = _file_identity(target)
        real = target.resolve()
    except OSError:
        return None
    pattern = (glob or default_glob(input_format)).lower()
    for path in paths:
        if path == STDIN:
            continue
        try:
            if not os.path.isdir(path):
                if _file_identity(Path(path)) == wanted:
                    return path_name(path)
                continue
            inside = real.relative_to(Path(path).resolve())
        except (OSError, ValueError):
            continue
        if any(part.startswith(".") for part in inside.parts):
            continue  # hidden files and folders are never read
        name = inside.as_posix() if "/" in pattern else inside.name
        if fnmatch.fnmatchcase(name.lower(), pattern):
            return path_name(path)
    return None


def _file_identity(path: Path) -> tuple[int, int]:
    info = path.stat()
    return info.st_dev, info.st_ino


def find_text_files(directory: Path) -> list[Path]:
    """All ``*.txt`` files below ``directory``, sorted, skipping hidden files and folders."""
    return list(iter_files(directory))


def corpus_size(
    paths: Iterable[str],
    *,
    input_format: InputFormat | str = InputFormat.auto,
    glob: str | None = None,
) -> int | None:
    """Total bytes the corpus will read (for a progress bar), or ``None`` when unknown
    (standard input). Only sizes are summed: no file list is kept."""
    pattern = glob or default_glob(input_format)
    total = 0
    for path in paths:
        if path == STDIN:
            return None
        try:
            if os.path.isdir(path):
                for found in _walk(Path(path), pattern):
                    if isinstance(found, Path):
                        total += found.stat().st_size
            else:
                total += os.stat(path).st_size
        except OSError:
            continue
    return total


def decode_bytes(
    data: bytes, source: str, note: NoteCallback | None = None, encoding: str | None = None
) -> InputItem:
    """Turn raw bytes into text, or explain in one line why they are not usable text.

    ``encoding`` (a Python codec name) is used instead of detection, strictly: bytes it
    cannot decode are reported with their offset, never replaced.
    """
    try:
        text, encoding = _decode(data, source, note, encoding)
    except _Unreadable as exc:
        return InputError(source, str(exc))
    return _article(InputText(source, text, encoding), note)


def _article(item: InputText, note: NoteCallback | None) -> InputItem:
    """An HTML page (by its name, or by how it opens) becomes its article text."""
    from claimx.io.html import NoArticleText, article_text, is_html_path, looks_like_html

    by_name = is_html_path(item.source)
    if not by_name and not looks_like_html(item.text):
        return item
    try:
        text = article_text(item.text)
    except NoArticleText as exc:
        return InputError(item.source, str(exc))
    if not by_name:
        _note(note, f"{display_source(item.source)}: an HTML page; claims are read from its "
                    "article text, which offsets index (--with-text includes it)")
    return InputText(item.source, text, item.encoding, content_type=HTML)


def _from_stdin(
    stdin: BinaryIO | None,
    note: NoteCallback | None,
    encoding: str | None = None,
    fields: tuple[str, str] = (DEFAULT_TEXT_FIELD, DEFAULT_ID_FIELD),
) -> Iterator[InputItem]:
    """Standard input as one text, unless it is plainly JSONL (a JSON object with the text
    field on its first line): a corpus piped in must not become one article of JSON syntax."""
    try:
        data = _read_stdin_bytes(stdin)
    except OSError as exc:
        yield InputError(STDIN, f"cannot read standard input: {_os_reason(exc)}")
        return
    kind = _json_lines_kind(data, fields[0])
    if kind == "jsonl":
        _note(note, "standard input is JSONL (a JSON object per line): read as a corpus; "
                    "--input-format text reads it as one article")
        yield from _jsonl_records(io.BytesIO(data), STDIN, fields)
        return
    if kind == "json":
        _note(note, f"standard input is JSON but not JSONL with a {fields[0]!r} field: read as "
                    "one article; for a corpus give one object per line (jq -c '.[]' makes "
                    "them) with --input-format jsonl --text-field NAME")
    yield _with_size(decode_bytes(data, STDIN, note, encoding), len(data))


def _json_lines_kind(data: bytes, text_field: str) -> str | None:
    """``"jsonl"`` when the first non-blank line is a JSON object holding ``text_field``,
    ``"json"`` when it is another JSON object, else ``None``."""
    for raw in io.BytesIO(data):
        line = raw.strip()
        if not line:
            continue
        if not line.startswith((b"{", b"[", b"\xef\xbb\xbf{", b"\xef\xbb\xbf[")):
            return None
        try:
            record = json.loads(line.decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            return "json" if _is_json(data) else None  # one object over many lines
        if not isinstance(record, dict):
            return "json" if isinstance(record, list) else None
        return "jsonl" if text_field in record else "json"
    return None


def _is_json(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data.decode("utf-8-sig")), dict | list)
    except (UnicodeDecodeError, json.JSONDecodeError):
        return False


def _read_stdin_bytes(stdin: BinaryIO | None) -> bytes:
    if stdin is not None:
        return stdin.read()
    buffer = getattr(sys.stdin, "buffer", None)
    if buffer is not None:
        return buffer.read()
    # A text-only stdin (e.g. replaced in tests): it is already decoded.
    return sys.stdin.read().encode("utf-8")


def _from_directory(
    directory: Path,
    pattern: str,
    fmt: InputFormat,
    fields: tuple[str, str],
    note: NoteCallback | None,
    encoding: str | None = None,
) -> Iterator[InputItem]:
    found = False
    for entry in _walk(directory, pattern):
        found = True
        if isinstance(entry, InputError):
            yield entry
        else:
            yield from _from_path(entry, path_name(entry), fmt, fields, note, encoding)
    if not found:
        if pattern == "*" + TEXT_SUFFIX:
            what = f"{TEXT_SUFFIX} files"
        else:
            what = f"files matching {pattern}"
        yield InputError(path_name(directory), f"directory contains no {what}")


def _from_path(
    path: Path,
    source: str,
    fmt: InputFormat,
    fields: tuple[str, str],
    note: NoteCallback | None,
    encoding: str | None = None,
) -> Iterator[InputItem]:
    if is_jsonl_path(source, fmt):
        yield from _jsonl_from_file(path, source, fields)
    else:
        yield _from_file(path, source, note, encoding)


def _from_file(
    path: Path, source: str, note: NoteCallback | None, encoding: str | None = None
) -> InputItem:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return InputError(source, "no such file or directory")
    except IsADirectoryError:
        return InputError(source, "is a directory")
    except OSError as exc:
        return InputError(source, f"cannot read file: {_os_reason(exc)}")
    item = decode_bytes(data, source, note, encoding)
    return _with_size(item, len(data))


def _with_size(item: InputItem, nbytes: int) -> InputItem:
    if isinstance(item, InputText):
        return InputText(item.source, item.text, item.encoding, item.id, item.line, nbytes,
                         item.content_type)
    return InputError(item.source, item.message, item.line, item.id, nbytes)


# --- JSONL ------------------------------------------------------------------------


def _jsonl_from_file(path: Path, source: str, fields: tuple[str, str]) -> Iterator[InputItem]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield InputError(source, "no such file or directory")
        return
    except OSError as exc:
        yield InputError(source, f"cannot read file: {_os_reason(exc)}")
        return
    with handle:
        yield from _jsonl_records(handle, source, fields)


def _jsonl_from_stdin(stdin: BinaryIO | None, fields: tuple[str, str]) -> Iterator[InputItem]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (e.g. replaced in tests): already decoded
        stream = _EncodedLines(sys.stdin)
    yield from _jsonl_records(stream, STDIN, fields)


class _EncodedLines:
    """Iterate a text stream as UTF-8 byte lines, like a binary file."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for line in self._stream:
            yield line.encode("utf-8")


def _jsonl_records(
    stream: Iterable[bytes], source: str, fields: tuple[str, str]
) -> Iterator[InputItem]:
    """One item per non-blank line; a bad line is an error for that line alone."""
    number = 0
    try:
        for number, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue
            yield _jsonl_record(raw, source, number, fields)
    except OSError as exc:
        yield InputError(source, f"cannot read further: {_os_reason(exc)}", number + 1)


def _jsonl_record(raw: bytes, source: str, line: int, fields: tuple[str, str]) -> InputItem:
    text_field, id_field = fields
    nbytes = len(raw)
    try:
        decoded = raw.decode("utf-8-sig" if line == 1 else "utf-8")
    except UnicodeDecodeError as exc:
        return InputError(
            source,
            f"not valid UTF-8 (byte 0x{raw[exc.start]:02x} at column {exc.start + 1})",
            line,
            nbytes=nbytes,
        )
    try:
        record = load_json_line(decoded)
    except JsonLineError as exc:
        return InputError(source, str(exc), line, nbytes=nbytes)
    if not isinstance(record, dict):
        kind = _json_kind(record)
        return InputError(source, f"expected a JSON object, found {kind}", line, nbytes=nbytes)
    doc_id = record_id(record.get(id_field)) or f"{source}:{line}"
    if text_field not in record:
        return InputError(
            source,
            f"no {text_field!r} field (name the text field with --text-field)",
            line,
            doc_id,
            nbytes,
        )
    text = record[text_field]
    if not isinstance(text, str):
        message = f"field {text_field!r} is {_json_kind(text)}, not a string"
        return InputError(source, message, line, doc_id, nbytes)
    if not text.strip():
        message = f"field {text_field!r} is empty" if not text else "text contains only whitespace"
        return InputError(source, message, line, doc_id, nbytes)
    surrogate = _lone_surrogate(text)
    if surrogate is not None:
        message = (
            f"field {text_field!r} holds a lone surrogate \\u{ord(text[surrogate]):04x} "
            f"at character {surrogate} (not a Unicode character)"
        )
        return InputError(source, message, line, doc_id, nbytes)
    return InputText(source, text.lstrip("\ufeff"), "utf-8", doc_id, line, nbytes,
                     date=record_field(record, "date"), outlet=record_field(record, "outlet"))


def record_field(record: dict[str, Any], name: str) -> str | None:
    """A corpus record's ``name`` at its top level or in its ``meta`` object, as a string;
    ``None`` when absent or not a plain value (claimx never fails a record over it)."""
    meta = record.get("meta")
    for holder in (record, meta if isinstance(meta, dict) else {}):
        value = record_id(holder.get(name))
        if value is not None:
            return value
    return None


def _lone_surrogate(text: str) -> int | None:
    """Index of a surrogate code point (JSON «\\ud800» escapes), which no output can encode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


class JsonLineError(ValueError):
    """A JSONL line that is not usable JSON; the message is one line."""


@dataclass(frozen=True, slots=True)
class LongNumber:
    """A JSON integer longer than Python converts (``sys.get_int_max_str_digits()``),
    kept as its digits: a field claimx never reads must not cost the document."""

    digits: str


def _parse_int(digits: str) -> int | LongNumber:
    try:
        return int(digits)
    except ValueError:
        return LongNumber(digits)


def load_json_line(text: str) -> Any:
    """``json.loads`` for one line of a corpus: every way hostile JSON can fail (malformed,
    nested deeper than Python recurses, ...) is a :class:`JsonLineError` for that line
    alone, never an exception that ends the run (issue 12, item 2)."""
    try:
        return json.loads(text.rstrip("\r\n"), parse_int=_parse_int)
    except json.JSONDecodeError as exc:
        raise JsonLineError(f"malformed JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise JsonLineError("JSON nested too deeply to read") from None
    except ValueError as exc:
        raise JsonLineError(f"unreadable JSON: {' '.join(str(exc).split())}") from None


def record_id(value: Any) -> str | None:
    """A record's id field as a string, or ``None`` when it has no usable one (missing,
    empty, not a string or number, or holding a lone surrogate)."""
    if isinstance(value, str) and value and _lone_surrogate(value) is None:
        return value
    if isinstance(value, LongNumber):
        return value.digits
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return None


def _json_kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float | LongNumber):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def _decode(
    data: bytes, source: str, note: NoteCallback | None, chosen: str | None = None
) -> tuple[str, str]:
    if not data:
        raise _Unreadable("empty input (0 bytes)")
    if chosen:
        text, encoding = _decode_as(data, chosen)
    else:
        text, encoding = _decode_nonempty(data, source, note)
    text = text.lstrip("\ufeff")  # a BOM is not text, however many a tool left
    surrogate = _lone_surrogate(text)
    if surrogate is not None:  # e.g. --encoding unicode_escape on «\ud800»
        raise _Unreadable(f"decoded text holds a lone surrogate \\u{ord(text[surrogate]):04x} "
                          f"at character {surrogate} (not a Unicode character)")
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


def _decode_as(data: bytes, encoding: str) -> tuple[str, str]:
    """The user named the encoding (--encoding): decode strictly, say where it fails."""
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError as exc:
        raise _Unreadable(
            f"cannot decode as {encoding}: byte 0x{data[exc.start]:02x} at offset {exc.start}"
        ) from exc
    except (UnicodeError, ValueError, LookupError) as exc:  # codecs fail in their own ways
        detail = " ".join(str(exc).split()) or type(exc).__name__
        raise _Unreadable(f"cannot decode as {encoding}: {detail}") from exc


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
