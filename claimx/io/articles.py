"""JSON files of articles: an array of objects, as news scrapers and published corpora
(SaudiNewsNet) save them, or JSON objects one after another.

The file is parsed as a stream (ijson), one article at a time, so a dump of a year of news
costs the memory of one article. Each article is a corpus record as a JSONL line is: its
text in the text field, its id in the id field, else its ``url``, else ``PATH:N`` (the
article's number, from 1). A record that cannot be used is an error for that article
alone; JSON that stops parsing ends the file with one error saying where.
"""

from __future__ import annotations

import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from claimx.io.items import InputError, InputItem, os_reason
from claimx.io.records import record_field, record_item

JSON_SUFFIX = ".json"
URL_FIELD = "url"
_SNIFF_BYTES = 64
MAX_DEPTH = 64  # an article is a flat object; deeper JSON is not a corpus of articles


def is_json_path(path: str | Path) -> bool:
    """Whether ``path`` names a JSON file (read as articles unless the format is forced)."""
    return str(path).lower().endswith(JSON_SUFFIX)


def articles(stream: BinaryIO, source: str, fields: tuple[str, str]) -> Iterator[InputItem]:
    """One item per article of a JSON array (or per top-level JSON object), in order."""
    import ijson

    if not isinstance(stream, io.BufferedReader):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    opening = _opening(stream)
    if opening not in (b"[", b"{"):
        yield InputError(source, "not a JSON array or object of articles (a .json file is "
                                 "read as articles; --input-format text reads it as one)")
        return
    base = 1 if opening == b"[" else 0  # the depth of an article: in an array, or at the top
    events = ijson.basic_parse(stream, multiple_values=not base, use_float=True)
    number, last = 0, _position(stream)
    try:
        for number, record in enumerate(_values(events, base), start=1):
            here = _position(stream)
            item = _article(record, source, fields, number, here - last)
            last = here
            if number == 1 and _stops_here(record, fields[0]):
                yield _first_record_refused(item, record, source, fields)
                return
            yield item
    except _TooDeep as exc:
        yield InputError(source, f"article {number + 1}: JSON {exc}; the rest of the file is "
                                 "not read")
        return
    except (ijson.JSONError, ValueError, RecursionError) as exc:
        yield InputError(source, f"article {number + 1}: malformed JSON ({_reason(exc)}); the "
                                 "rest of the file is not read")
        return
    except OSError as exc:
        yield InputError(source, f"cannot read further: {os_reason(exc)}")
        return
    if number == 0:
        yield InputError(source, "no articles (an empty JSON array)")


class _TooDeep(ValueError):
    def __init__(self) -> None:
        super().__init__(f"nested more than {MAX_DEPTH} deep")


_OPENS = frozenset(("start_map", "start_array"))
_CLOSES = frozenset(("end_map", "end_array"))


def _values(events: Iterator[tuple[str, Any]], base: int) -> Iterator[Any]:
    """The values at depth ``base``, each built from the parser's flat events. ijson's own
    ``items`` names every event by its path, which costs memory in the square of the
    depth (20,000 ``[`` took a gigabyte), so depth is counted here and bounded."""
    import ijson

    depth = 0
    builder = None
    for event, value in events:
        if event in _CLOSES:
            depth -= 1
        if builder is not None:
            builder.event(event, value)
            if depth == base:
                yield builder.value
                builder = None
        elif depth == base and event in _OPENS:
            builder = ijson.ObjectBuilder()
            builder.event(event, value)
        elif depth == base and event not in _CLOSES:
            yield value  # a number or a string where an article should be
        if event in _OPENS:
            depth += 1
            if depth > MAX_DEPTH:
                raise _TooDeep


def _article(record: Any, source: str, fields: tuple[str, str], number: int,
             nbytes: int) -> InputItem:
    url = record_field(record, URL_FIELD) if isinstance(record, dict) else None
    return record_item(record, source, fields, nbytes=nbytes, place=f"article {number}: ",
                       fallback_id=url or f"{source}:{number}")


def _stops_here(record: Any, text_field: str) -> bool:
    """The first article has no text field, or is claimx's own output: every other
    article would fail the same way, so one line says what to do instead."""
    return isinstance(record, dict) and (text_field not in record or _is_claimx_output(record))


def _first_record_refused(item: InputItem, record: dict[str, Any], source: str,
                          fields: tuple[str, str]) -> InputError:
    if _is_claimx_output(record):
        message = ("claimx output, not articles: 'claimx speakers', 'claimx claims' and "
                   "'claimx report' read it back")
    else:
        message = (f"the articles have no {fields[0]!r} field (the first has "
                   f"{_field_names(record)}); name the text field with --text-field NAME")
    return InputError(source, message, None, item.id, item.nbytes)


def stdin_first_line_fields(data: bytes) -> list[str] | None:
    """The field names of standard input's first line when that line alone is a JSON
    object (JSONL), else ``None``."""
    import json

    for raw in io.BytesIO(data):
        if raw.strip():
            try:
                record = json.loads(raw.decode("utf-8-sig"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                return None
            return [str(k) for k in record] if isinstance(record, dict) else None
    return None


def _is_claimx_output(record: dict[str, Any]) -> bool:
    schema = record.get("schema")
    return isinstance(schema, str) and schema.startswith("claimx")


def _field_names(record: dict[str, Any], most: int = 8) -> str:
    names = [str(name) for name in record][:most]
    more = ", ..." if len(record) > most else ""
    return (", ".join(names) + more) if names else "no fields"


def _opening(stream: io.BufferedReader) -> bytes:
    """The first byte of the JSON, left unread: a byte-order mark and white space before
    it are consumed (ijson reads neither)."""
    if stream.peek(3).startswith(codecs.BOM_UTF8):
        stream.read(3)
    while head := stream.peek(_SNIFF_BYTES):
        stripped = head.lstrip(b" \t\r\n")
        if stripped:
            return stripped[:1]
        stream.read(len(head))
    return b""


def _position(stream: BinaryIO) -> int:
    try:
        return stream.tell()
    except (OSError, ValueError):
        return 0


def _reason(exc: BaseException) -> str:
    """The parser's reason alone, without the excerpt it draws below it."""
    lines = str(exc).strip().splitlines()
    text = " ".join(lines[0].split()) if lines else ""
    return text[:120] if text else type(exc).__name__
