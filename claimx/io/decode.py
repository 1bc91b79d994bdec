"""Bytes to text: UTF-8 (with or without BOM), UTF-16, damaged UTF-8, legacy Arabic code
pages through charset-normalizer, a named ``--encoding``; HTML pages to their article text.

Whatever cannot be read as text becomes one :class:`InputError` line saying why; decoding
choices the user should know of go to a ``note`` callback.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from claimx.io.items import (
    InputError,
    InputItem,
    InputText,
    NoteCallback,
    display_source,
    send_note,
)
from claimx.model import HTML

# Share of control characters above which decoded bytes are not treated as text.
_MAX_CONTROL_RATIO = 0.02
# Share of invalid sequences (among non-ASCII characters) still treated as damaged UTF-8.
_MAX_BAD_UTF8_RATIO = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v\x1b")
_PREFERRED_LEGACY = "cp1256"  # Windows-1256, the usual legacy encoding of Arabic text
# An HTML page larger than this is refused before it is parsed: trafilatura's time and
# memory grow with the markup, not with the article (a 23 MB page of empty elements took
# 31 s and 2 GB), and a news article's page is far smaller.
MAX_HTML_BYTES = 5_000_000
_SNIFF_BYTES = 4096
_ENCODING_NAMES = {
    "cp1256": "Windows-1256",
    "utf_16": "UTF-16",
    "utf-16": "UTF-16",
}


class _Unreadable(Exception):
    """Internal: carries the one-line reason an input is rejected."""


_ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff\u0750-\u077f"
                            "\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc]")


def has_arabic_letters(text: str) -> bool:
    """Whether a text holds any Arabic letter: an English article or a page of markup
    holds none, and claimx would only find noise in it."""
    return _ARABIC_LETTER.search(text) is not None


def lone_surrogate(text: str) -> int | None:
    """Index of a surrogate code point (JSON «\\ud800» escapes), which no output can encode."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def decode_bytes(
    data: bytes, source: str, note: NoteCallback | None = None, encoding: str | None = None
) -> InputItem:
    """Turn raw bytes into text, or explain in one line why they are not usable text.

    ``encoding`` (a Python codec name) is used instead of detection, strictly: bytes it
    cannot decode are reported with their offset, never replaced.
    """
    if len(data) > MAX_HTML_BYTES and _is_page(source, _opening(data, encoding)):
        return InputError(source, _oversized_page(len(data)))  # not even decoded
    try:
        text, encoding = _decode(data, source, note, encoding)
    except _Unreadable as exc:
        return InputError(source, str(exc))
    return _article(InputText(source, text, encoding), note, len(data))


def _article(item: InputText, note: NoteCallback | None, nbytes: int) -> InputItem:
    """An HTML page (by its name, or by how it opens) becomes its article text, if it is
    small enough to parse."""
    from claimx.io.html import NoArticleText, article_text, is_html_path

    by_name = is_html_path(item.source)
    if not _is_page(item.source, item.text):
        return item
    if nbytes > MAX_HTML_BYTES:  # a page its opening bytes did not show, e.g. in UTF-16
        return InputError(item.source, _oversized_page(nbytes))
    try:
        text = article_text(item.text)
    except NoArticleText as exc:
        return InputError(item.source, str(exc))
    if not by_name:
        send_note(note, f"{display_source(item.source)}: an HTML page; claims are read from its "
                    "article text, which offsets index (--with-text includes it)")
    return InputText(item.source, text, item.encoding, content_type=HTML)


def _is_page(source: str, opening: str) -> bool:
    from claimx.io.html import is_html_path, looks_like_html

    return is_html_path(source) or looks_like_html(opening)


def _opening(data: bytes, encoding: str | None) -> str:
    """The first characters of ``data``, enough to tell an HTML page, however damaged."""
    head = data[:_SNIFF_BYTES]
    if encoding is None:
        encoding = "utf-16" if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) \
            else "utf-8-sig"
    try:
        return head.decode(encoding, errors="replace")
    except (UnicodeError, ValueError, LookupError):  # codecs fail in their own ways
        return ""


def _oversized_page(nbytes: int) -> str:
    return (f"an HTML page of {nbytes:,} bytes, more than the {MAX_HTML_BYTES:,} claimx "
            "parses; skipped (save its article text as a .txt file to read it)")


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
    surrogate = lone_surrogate(text)
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
        send_note(
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
    send_note(
        note, f"{display_source(source)}: not valid UTF-8, decoded as {_display_name(encoding)}"
    )
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
    send_note(note, f"{display_source(source)}: decoded as UTF-16 (byte-order mark found)")
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
