"""Reading input texts: files, directories, JSONL corpora, or standard input.

Inputs are streamed as :class:`InputText` or :class:`InputError` items so that
one bad file (or one bad JSONL line) never stops the others and the caller can
count failures. Nothing is read before it is needed: directories are walked
lazily and JSONL files line by line, so memory stays flat however large the
corpus. Nothing here raises for a bad input and nothing prints a traceback;
decoding notes (for example "decoded as Windows-1256") go to a ``note``
callback, stderr by default. The stages live beside it: finding the files in
``inputs``, bytes to text in ``decode``, JSONL records in ``records``.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from claimx.io.articles import (
    articles,
    is_json_path,
    stdin_first_line_fields,
)
from claimx.io.decode import decode_bytes
from claimx.io.inputs import (
    TEXT_SUFFIX,
    InputFormat,
    default_glob,
    is_jsonl_path,
    walk_directory,
)
from claimx.io.items import (
    STDIN,
    InputError,
    InputItem,
    InputText,
    NoteCallback,
    os_reason,
    path_name,
    print_note,
    send_note,
)
from claimx.io.records import (
    DEFAULT_ID_FIELD,
    DEFAULT_TEXT_FIELD,
    json_lines_kind,
    jsonl_from_stdin,
    jsonl_records,
    records_from_file,
)


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
                yield from jsonl_from_stdin(stdin, fields)
            else:
                yield from _from_stdin(stdin, note, encoding, fields, sniff=fmt is InputFormat.auto)
        elif os.path.isdir(path):
            yield from _from_directory(Path(path), pattern, fmt, fields, note, encoding)
        else:
            yield from _from_path(Path(path), path_name(path), fmt, fields, note, encoding)


def _from_stdin(
    stdin: BinaryIO | None,
    note: NoteCallback | None,
    encoding: str | None = None,
    fields: tuple[str, str] = (DEFAULT_TEXT_FIELD, DEFAULT_ID_FIELD),
    *,
    sniff: bool = True,
) -> Iterator[InputItem]:
    """Standard input as one text, unless (``sniff``) it is plainly JSON: JSONL (a JSON
    object per line) or a JSON array of articles is read as a corpus, and JSONL whose text
    sits in another field stops with one line naming --text-field. A corpus piped in must
    never become one article of JSON syntax."""
    try:
        data = _read_stdin_bytes(stdin)
    except OSError as exc:
        yield InputError(STDIN, f"cannot read standard input: {os_reason(exc)}")
        return
    kind = json_lines_kind(data, fields[0]) if sniff else None
    if kind == "jsonl":
        send_note(note, "standard input is JSONL (a JSON object per line): read as a corpus; "
                    "--input-format text reads it as one article")
        yield from jsonl_records(io.BytesIO(data), STDIN, fields)
        return
    if kind == "json":
        yield from _json_from_stdin(data, fields, note)
        return
    yield _with_size(decode_bytes(data, STDIN, note, encoding), len(data))


def _json_from_stdin(data: bytes, fields: tuple[str, str],
                     note: NoteCallback | None) -> Iterator[InputItem]:
    """JSON on standard input that is not JSONL with the text field: JSONL with the text
    in another field is refused in one line; an array of articles (or objects over many
    lines) is read as a corpus."""
    names = stdin_first_line_fields(data)
    if names is not None:
        shown = ", ".join(names[:8]) + (", ..." if len(names) > 8 else "") or "no fields"
        yield InputError(STDIN, f"JSONL (a JSON object per line) with no {fields[0]!r} field "
                                f"(the first line has {shown}); name the text field with "
                                "--text-field NAME, or read it as one article with "
                                "--input-format text", nbytes=len(data))
        return
    send_note(note, "standard input is JSON: its articles are read as a corpus; "
                    "--input-format text reads it as one article")
    yield from articles(io.BytesIO(data), STDIN, fields)


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
    for entry in walk_directory(directory, pattern):
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
        yield from records_from_file(path, source, fields, jsonl_records)
    elif fmt is InputFormat.auto and is_json_path(source):
        yield from records_from_file(path, source, fields, articles)
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
        return InputError(source, f"cannot read file: {os_reason(exc)}")
    item = decode_bytes(data, source, note, encoding)
    return _with_size(item, len(data))


def _with_size(item: InputItem, nbytes: int) -> InputItem:
    if isinstance(item, InputText):
        return InputText(item.source, item.text, item.encoding, item.id, item.line, nbytes,
                         item.content_type)
    return InputError(item.source, item.message, item.line, item.id, nbytes)
