"""Reading claimx's own JSON and JSONL output back into documents, so that a large run need
not be repeated (``claimx report``, ``claimx speakers``, ``claimx claims``).

Records are checked by hand and, only when that fails, against the JSON Schema for a message.
A failure record (a document the run could not read) and a malformed record go to the
caller's ``on_error``; nothing here raises for bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from claimx.extraction.identity import SPEAKER_KINDS, identify
from claimx.io.items import STDIN
from claimx.model import (
    CLAIM_ID_SEPARATOR,
    SCHEMA_ID,
    SPEAKER_RESOLUTIONS,
    STANCES,
    Claim,
    Document,
    Span,
)

LEGACY_SCHEMA_ID = "claimx/1"  # output of claimx before the v2 schema, still read
READABLE_SCHEMAS = (SCHEMA_ID, LEGACY_SCHEMA_ID)
OUTPUT_SUFFIXES = (".json", ".jsonl", ".ndjson")
SNIFF_BYTES = 1 << 20  # read to tell claimx output from other inputs
_JSON_START = re.compile(r"\s*\[?\s*\{")
_JSONL_START = re.compile(r"\s*\{")
_SCHEMA_KEY = re.compile(r'\{\s*"schema"\s*:\s*"(?:'
                         + "|".join(map(re.escape, READABLE_SCHEMAS)) + ')"')
_EMPTY_ARRAY = re.compile(r"\s*\[\s*\]\s*\Z")

Sink = Callable[[str], None]


def read_documents(path: str, on_error: Sink) -> Iterator[Document]:
    """The documents of one claimx output file (without their article text)."""
    for where, record in output_records(path, on_error):
        doc = document_from_record(record, where, on_error)
        if doc is not None:
            yield doc


def is_claimx_output(path: str) -> bool:
    """A ``.json``/``.jsonl`` file whose first record is a claimx document (or a ``.json``
    file holding an empty array, what ``extract`` writes for a corpus without documents).

    Only the first :data:`SNIFF_BYTES` are read: the file may be a large input of another
    kind, to be read (or refused by ``--max-chars``) as such without being parsed here."""
    if path == STDIN or not path.lower().endswith(OUTPUT_SUFFIXES) or not Path(path).is_file():
        return False
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    text = head.decode("utf-8-sig", errors="ignore")  # a character may be cut at the end
    start = _first_record_start(text, path.lower().endswith(".json"))
    if start is None:
        return len(head) < SNIFF_BYTES and _EMPTY_ARRAY.match(text) is not None
    return _names_a_schema(text, start)


def _first_record_start(text: str, json_file: bool) -> int | None:
    """Where the first record's ``{`` is: first in a JSONL file, first in the array or
    alone in a JSON file."""
    match = (_JSON_START if json_file else _JSONL_START).match(text)
    return match.end() - 1 if match else None


def _names_a_schema(text: str, start: int) -> bool:
    """Whether the record at ``start`` is a claimx document: parsed when it is whole
    within the prefix, else (a record with its article text can be long) told by a
    ``schema`` key, which claimx writes first."""
    try:
        first, _ = json.JSONDecoder().raw_decode(text, start)
    except (ValueError, RecursionError):
        return _SCHEMA_KEY.match(text, start) is not None
    return isinstance(first, dict) and first.get("schema") in READABLE_SCHEMAS


class NestedTooDeeply(ValueError):
    """JSON nested deeper than Python's parser recurses."""


def _loads(text: str) -> Any:
    """``json.loads`` whose every failure on hostile JSON is a ``ValueError``: a line
    nested deeper than Python recurses costs that line (or file), not the run."""
    try:
        return json.loads(text)
    except RecursionError:
        raise NestedTooDeeply("JSON nested too deeply to read") from None


def output_records(path: str, on_error: Sink) -> Iterator[tuple[str, Any]]:
    """``(where, record)`` for each record of a claimx output file; unreadable lines and
    files go to ``on_error``."""
    try:
        if path.lower().endswith(".json"):
            with open(path, encoding="utf-8-sig") as handle:
                value = _loads(handle.read())
            records = value if isinstance(value, list) else [value]
            for number, record in enumerate(records, 1):
                yield f"{path}, document {number}", record
            return
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    record = _loads(line)
                except NestedTooDeeply as exc:
                    on_error(f"{path}, line {number}: {exc}")
                except ValueError as exc:
                    on_error(f"{path}, line {number}: malformed JSON: {exc}")
                else:
                    yield f"{path}, line {number}", record
    except (OSError, ValueError) as exc:
        on_error(f"{path}: cannot read claimx output: {exc}")


def document_from_record(record: Any, where: str, on_error: Sink) -> Document | None:
    """A :class:`Document` (without text yet) from one output record, or ``None``.

    Records are checked by hand (full JSON Schema validation costs ~20 ms each, minutes
    on a large run); only a record that fails is run through the schema, for its message.
    """
    if isinstance(record, dict) and record.get("schema") == SCHEMA_ID and "error" in record:
        where_failed = record.get("document_id") or record.get("path") or where
        on_error(f"{where_failed}: {record['error']}")  # a failure record of extract
        return None
    try:
        return _checked_document(record)
    except (KeyError, TypeError, ValueError, AttributeError):
        pass
    from claimx.io.schema import document_errors

    if not isinstance(record, dict):
        problem = "expected a JSON object"
    else:
        problems = document_errors(record)
        problem = problems[0] if problems else "unexpected field values"
    on_error(f"{where}: not a valid claimx document: {problem}")
    return None


def _checked_document(record: dict[str, Any]) -> Document:
    if record["schema"] == LEGACY_SCHEMA_ID:
        return _checked_legacy_document(record)
    if record["schema"] != SCHEMA_ID or not isinstance(record["path"], str):
        raise ValueError
    if not isinstance(record["document_id"], str) or not isinstance(record["claims"], list):
        raise TypeError
    line = record["line"]
    if line is not None:
        line = _count(line)
    claims = tuple(claim_from_dict(c) for c in record["claims"])
    stats = record["stats"]
    return Document(text=_str(record.get("text", "")), source=record["path"], claims=claims,
                    n_tokens=_count(stats["tokens"]), n_sentences=_count(stats["sentences"]),
                    id=record["document_id"], line=line,
                    content_type=_str(record["content_type"]),
                    outlet=_optional_str(record.get("outlet")),
                    date=_optional_str(record.get("date")))


def _checked_legacy_document(record: dict[str, Any]) -> Document:
    """A ``claimx/1`` document: ``source`` for the path, ``id`` only for JSONL records."""
    if not isinstance(record["source"], str):
        raise ValueError
    if not isinstance(record.get("id", ""), str) or not isinstance(record["claims"], list):
        raise TypeError
    claims = tuple(claim_from_dict(c) for c in record["claims"])
    stats = record["stats"]
    return Document(text="", source=record["source"], claims=claims,
                    n_tokens=_count(stats["tokens"]), n_sentences=_count(stats["sentences"]),
                    id=record.get("id"))


def claim_from_dict(data: dict[str, Any]) -> Claim:
    """The inverse of :meth:`Claim.to_dict`; raises ``KeyError``/``TypeError``/
    ``ValueError`` on a claim that does not follow claimx's schema."""
    cue = data["cue"]
    label = data.get("speaker_label")
    claim = Claim(
        id=_str(data["id"]).rpartition(CLAIM_ID_SEPARATOR)[2],  # "doc#c3" (claimx/2) → "c3"
        sentence=_count(data["sentence"]), source=_span(data["source"]),
        speaker=_span(data["speaker"]), cue=_required_span(cue), lemma=_str(cue["lemma"]),
        gloss=_str(cue["gloss"]), stance=data["stance"], negated=_bool(data["negated"]),
        channel=_span(data["channel"]), content=_required_span(data["content"]),
        direct_quote=_bool(data["direct_quote"]), label=_str(data["label"]),
        speaker_label=None if label is None else _str(label),
        label_transliterated=_words(data.get("label_transliterated", [])),
        **_identity(data),
    )
    if claim.stance not in STANCES:
        raise ValueError(claim.stance)
    return claim


def _words(value: Any) -> tuple[str, ...]:
    """``label_transliterated``: a list of strings (absent, in output older than it: none)."""
    if not isinstance(value, list):
        raise TypeError(value)
    return tuple(_str(word) for word in value)


def _identity(data: dict[str, Any]) -> dict[str, Any]:
    """The speaker's key and kind as written, or (in output older than them) worked out from
    the speaker's text."""
    resolution = data.get("speaker_resolution") or _resolution_of(data)
    if resolution not in SPEAKER_RESOLUTIONS:
        raise ValueError(resolution)
    if "speaker_kind" in data:
        key = data.get("speaker_key")
        kind = data["speaker_kind"]
        if kind not in SPEAKER_KINDS:
            raise ValueError(kind)
        return {"speaker_key": None if key is None else _str(key), "speaker_kind": kind,
                "speaker_resolution": resolution}
    speaker = data["speaker"]
    identity = identify(None if speaker is None else _str(speaker["text"]))
    return {"speaker_key": identity.key, "speaker_kind": identity.kind,
            "speaker_resolution": resolution}


def _resolution_of(data: dict[str, Any]) -> str:
    """How the speaker was found, in output older than ``speaker_resolution``: what the
    source and speaker spans say (impersonal cues read as unresolved there)."""
    source, speaker = data["source"], data["speaker"]
    if speaker is None:
        return "named" if source is not None else "unresolved"
    return "named" if speaker == source else "resolved"


def _span(data: dict[str, Any] | None) -> Span | None:
    return None if data is None else _required_span(data)


def _required_span(data: dict[str, Any]) -> Span:
    start, end = _count(data["start"]), _count(data["end"])
    if start > end:
        raise ValueError("span ends before it starts")
    return Span(_str(data["text"]), start, end)


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise TypeError(value)
    return value


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError(value)
    return value


def _optional_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value
