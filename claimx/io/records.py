"""JSONL corpora: one record per line, its text and id in named fields, and a bad line an
error for that line alone.

Lines are read one at a time, so memory stays flat however long the corpus; hostile JSON
(too deep, huge numbers, lone surrogates) costs its own line only.
"""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from claimx.io.decode import lone_surrogate
from claimx.io.items import STDIN, InputError, InputItem, InputText, os_reason

DEFAULT_TEXT_FIELD = "text"
DEFAULT_ID_FIELD = "id"


class JsonLineError(ValueError):
    """A JSONL line that is not usable JSON; the message is one line."""


class LongNumber:
    """A JSON integer longer than Python converts (``sys.get_int_max_str_digits()``),
    kept as its digits: a field claimx never reads must not cost the document. Not a
    tuple: the JSON value holding it may be walked as lists and tuples."""

    __slots__ = ("digits",)

    def __init__(self, digits: str) -> None:
        self.digits = digits

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LongNumber) and other.digits == self.digits

    def __hash__(self) -> int:
        return hash(self.digits)

    def __repr__(self) -> str:
        return f"LongNumber({self.digits!r})"


def _parse_int(digits: str) -> int | LongNumber:
    try:
        return int(digits)
    except ValueError:
        return LongNumber(digits)


def load_json_line(text: str) -> Any:
    """``json.loads`` for one line of a corpus: every way hostile JSON can fail (malformed,
    nested deeper than Python recurses, ...) is a :class:`JsonLineError` for that line
    alone, never an exception that ends the run."""
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
    if isinstance(value, str) and value and lone_surrogate(value) is None:
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


def record_field(record: dict[str, Any], name: str) -> str | None:
    """A corpus record's ``name`` at its top level or in its ``meta`` object, as a string;
    ``None`` when absent or not a plain value (claimx never fails a record over it)."""
    meta = record.get("meta")
    for holder in (record, meta if isinstance(meta, dict) else {}):
        value = record_id(holder.get(name))
        if value is not None:
            return value
    return None


RecordReader = Callable[[BinaryIO, str, tuple[str, str]], Iterator[InputItem]]


def records_from_file(
    path: Path, source: str, fields: tuple[str, str], read: RecordReader
) -> Iterator[InputItem]:
    """The records ``read`` finds in the file (JSONL lines, a JSON array's articles); a file
    that cannot be opened is one error item."""
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        yield InputError(source, "no such file or directory")
        return
    except OSError as exc:
        yield InputError(source, f"cannot read file: {os_reason(exc)}")
        return
    with handle:
        yield from read(handle, source, fields)


def jsonl_from_stdin(stdin: BinaryIO | None, fields: tuple[str, str]) -> Iterator[InputItem]:
    stream = stdin if stdin is not None else getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (e.g. replaced in tests): already decoded
        stream = _EncodedLines(sys.stdin)
    yield from jsonl_records(stream, STDIN, fields)


class _EncodedLines:
    """Iterate a text stream as UTF-8 byte lines, like a binary file."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        for line in self._stream:
            yield line.encode("utf-8")


def jsonl_records(
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
        yield InputError(source, f"cannot read further: {os_reason(exc)}", number + 1)


def _jsonl_record(raw: bytes, source: str, line: int, fields: tuple[str, str]) -> InputItem:
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
    return record_item(record, source, fields, line=line, nbytes=nbytes)


def record_item(record: Any, source: str, fields: tuple[str, str], *, line: int | None = None,
                nbytes: int = 0, fallback_id: str | None = None, place: str = "") -> InputItem:
    """One corpus record (a JSON object) as the text it holds, or the one-line reason it
    holds none. Its id is the id field, else ``fallback_id``, else ``SOURCE:LINE``;
    ``place`` ("article 3: ") starts each message where no line number says where."""
    text_field, id_field = fields
    if not isinstance(record, dict):
        kind = _json_kind(record)
        return InputError(source, f"{place}expected a JSON object, found {kind}", line,
                          nbytes=nbytes)
    doc_id = record_id(record.get(id_field)) or fallback_id or f"{source}:{line}"
    if text_field not in record:
        return InputError(
            source,
            f"{place}no {text_field!r} field (name the text field with --text-field)",
            line,
            doc_id,
            nbytes,
        )
    text = record[text_field]
    if not isinstance(text, str):
        message = f"{place}field {text_field!r} is {_json_kind(text)}, not a string"
        return InputError(source, message, line, doc_id, nbytes)
    if not text.strip():
        message = f"field {text_field!r} is empty" if not text else "text contains only whitespace"
        return InputError(source, place + message, line, doc_id, nbytes)
    surrogate = lone_surrogate(text)
    if surrogate is not None:
        message = (
            f"{place}field {text_field!r} holds a lone surrogate "
            f"\\u{ord(text[surrogate]):04x} at character {surrogate} (not a Unicode character)"
        )
        return InputError(source, message, line, doc_id, nbytes)
    return InputText(source, text.lstrip("\ufeff"), "utf-8", doc_id, line, nbytes,
                     date=record_field(record, "date"), outlet=record_field(record, "outlet"))


def json_lines_kind(data: bytes, text_field: str) -> str | None:
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
        except RecursionError:  # nested deeper than Python parses: not a corpus to read
            return None
        if not isinstance(record, dict):
            return "json" if isinstance(record, list) else None
        return "jsonl" if text_field in record else "json"
    return None


def _is_json(data: bytes) -> bool:
    try:
        return isinstance(json.loads(data.decode("utf-8-sig")), dict | list)
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return False
