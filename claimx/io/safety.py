"""Output hygiene: what claimx shows or writes must not mislead the program reading it.

JSON keeps every text exactly (offsets must stay true); these helpers apply only where a
cell is read by a spreadsheet (CSV), shown on a terminal (tables) or in a browser (the
report).
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any

# OWASP, "CSV Injection": a cell starting with one of these may be run as a formula.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

# Each pattern is compiled when first used: a run uses one or two of them.
_compiled = cache(re.compile)

# Bidi embeddings, overrides and isolates reorder what follows them on screen; C0 and C1
# controls move the cursor or ring the bell. Line breaks would break a table row.
_UNPRINTABLE = "[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]"
# What JSON may carry raw but a terminal would act on: DEL and C1 controls (0x9b is CSI),
# bidi controls, line and paragraph separators. C0 controls JSON escapes itself.
_RAW_IN_JSON = "[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
# Names (paths, ids) shown on a terminal: the above and C0 controls.
_UNSAFE_IN_NAME = "[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
# Lone surrogates (JSON «\ud800» escapes, undecodable bytes of a file name): no UTF-8
# output can hold them.
_SURROGATE = "[\ud800-\udfff]"
REPLACEMENT = "\ufffd"
# What a page shows of an article: the table's unprintable characters but the line breaks
# and tabs the article is laid out with.
_UNPRINTABLE_ON_PAGE = (
    "[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]")


def neutralise_cell(value: str) -> str:
    """Prefix a single quote to a cell a spreadsheet would read as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def csv_text(rows: Iterable[Sequence[str]]) -> str:
    """Rows as CSV text, the one way every command writes CSV: RFC 4180 (``\\r\\n`` line
    ends, so a cell holding a carriage return or a line break is quoted and stays one cell;
    the ``csv`` module quotes only the characters of its own line ending), and every cell a
    spreadsheet would run as a formula neutralised."""
    import csv  # only for CSV output

    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows([neutralise_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue()


def printable(text: str) -> str:
    """Text safe to show in a terminal table: controls and bidi overrides become spaces."""
    return _compiled(_UNPRINTABLE).sub(" ", text)


def escaped(text: str) -> str:
    """A name (path, id, message) safe for a terminal, with nothing dropped: controls and
    bidi overrides become visible escapes (``\\x1b``, ``\\u202e``)."""
    return _compiled(_UNSAFE_IN_NAME).sub(_escape, text)


def json_safe(json_text: str) -> str:
    """JSON text with the characters a terminal would act on written as ``\\uXXXX``
    escapes: the same JSON value (offsets stay true), but no raw control reaches a
    terminal the JSON is printed on. Outside strings JSON is ASCII, so this only ever
    touches string contents."""
    return _compiled(_RAW_IN_JSON).sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


def shown_text(text: str) -> str:
    """Text a page can be written and shown with: each lone surrogate becomes U+FFFD, and
    each control character (but tab and line breaks) or bidi override a space, as in
    :func:`printable`; one code point for one, so offsets into the text stay true. The
    browser would not run them, but they would hide or reorder what the page shows."""
    return _compiled(_UNPRINTABLE_ON_PAGE).sub(" ", _compiled(_SURROGATE).sub(REPLACEMENT, text))


def shown_data(value: Any) -> Any:
    """:func:`shown_text` applied to every string of a JSON-like value (dict keys too)."""
    if isinstance(value, str):
        return shown_text(value)
    if isinstance(value, list | tuple):
        return [shown_data(item) for item in value]
    if isinstance(value, dict):
        return {shown_data(key): shown_data(item) for key, item in value.items()}
    return value


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
