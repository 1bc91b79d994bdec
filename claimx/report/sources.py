"""Where a report's documents come from: a fresh extraction, or claimx's own output.

Inputs are the same as ``claimx extract``'s (text files, folders, JSONL corpora,
standard input) and are extracted with the same engines. A ``.json`` or ``.jsonl``
file whose records carry ``"schema": "claimx/1"`` is claimx output instead: its
claims are used as they are, so a large run need not be repeated. That output holds
no article text, so the text is read again from each document's ``source`` (and
``id``, for JSONL corpora) and used only if every span still quotes it exactly.

Nothing here raises for a bad input: problems go to ``on_error`` (one line each,
the document is left out) or ``on_note`` (the document is kept, e.g. without text).
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.extraction.identity import SPEAKER_KINDS, identify
from claimx.io.textio import (
    STDIN,
    InputFormat,
    InputItem,
    InputText,
    is_jsonl_path,
    read_corpus,
)
from claimx.model import CLAIM_ID_SEPARATOR, SCHEMA_ID, STANCES, Claim, Document, Span
from claimx.report.page import ReportDoc

LEGACY_SCHEMA_ID = "claimx/1"  # output of claimx before the v2 schema, still read
READABLE_SCHEMAS = (SCHEMA_ID, LEGACY_SCHEMA_ID)

Reader = Callable[[list[str]], Iterable[InputItem]]
Extractor = Callable[[Iterable[InputItem]], Iterator[Any]]
Sink = Callable[[str], None]
OUTPUT_SUFFIXES = (".json", ".jsonl", ".ndjson")


@dataclass
class Options:
    """How raw inputs were (and are) read: the ``claimx extract`` reading options."""

    input_format: InputFormat = InputFormat.auto
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None
    on_error: Sink = print
    on_note: Sink = print
    failed: int = field(default=0)

    def error(self, message: str) -> None:
        self.failed += 1
        self.on_error(message)


def collect(paths: list[str], read: Reader, extract: Extractor, options: Options
            ) -> list[ReportDoc]:
    """Every document of ``paths`` in order; consecutive raw inputs share one extraction
    run (one worker pool), claimx output files are read back."""
    docs: list[ReportDoc] = []
    group: list[str] = []
    metadata = Metadata(options)
    for path in paths:
        if is_claimx_output(path):
            docs.extend(_extracted(group, read, extract, metadata, options))
            group = []
            docs.extend(read_output(path, options, metadata))
        else:
            group.append(path)
    docs.extend(_extracted(group, read, extract, metadata, options))
    return docs


def _extracted(group: list[str], read: Reader, extract: Extractor, metadata: Metadata,
               options: Options) -> Iterator[ReportDoc]:
    """Extract a group of raw inputs; results come back one per input, in order."""
    if not group:
        return
    places: deque[tuple[str, int | None]] = deque()

    def tracked() -> Iterator[InputItem]:
        for item in read(group):
            places.append((item.source, item.line))
            yield item

    for result in extract(tracked()):
        source, line = places.popleft() if places else ("-", None)
        if isinstance(result, Document):
            outlet, url = metadata.lookup(source, line)
            yield ReportDoc(result, outlet=outlet, url=url)
        else:
            options.error(str(result))


# --- claimx output ----------------------------------------------------------------


def is_claimx_output(path: str) -> bool:
    """A ``.json``/``.jsonl`` file whose (first) record is a claimx document."""
    if path == STDIN or not path.lower().endswith(OUTPUT_SUFFIXES) or not Path(path).is_file():
        return False
    try:
        if path.lower().endswith(".json"):
            with open(path, encoding="utf-8-sig") as handle:
                value = json.load(handle)
            if value == []:  # what `extract --json` writes for a corpus without documents
                return True
            first = _first_record(value)
        else:
            first = _first_record(_first_line(path))
    except (OSError, ValueError):
        return False
    return isinstance(first, dict) and first.get("schema") in READABLE_SCHEMAS


def _first_line(path: str) -> Any:
    with open(path, encoding="utf-8-sig") as handle:
        for line in handle:
            if line.strip():
                return json.loads(line)
    return None


def _first_record(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def read_output(path: str, options: Options, metadata: Metadata) -> Iterator[ReportDoc]:
    """The documents of one claimx output file, each with its article if found again."""
    finder = TextFinder(Path(path).parent, options, metadata)
    for where, record in _output_records(path, options):
        doc = _document(record, where, options)
        if doc is not None:
            yield finder.attach(doc)


def _output_records(path: str, options: Options) -> Iterator[tuple[str, Any]]:
    try:
        if path.lower().endswith(".json"):
            with open(path, encoding="utf-8-sig") as handle:
                value = json.load(handle)
            records = value if isinstance(value, list) else [value]
            for number, record in enumerate(records, 1):
                yield f"{path}, document {number}", record
            return
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                try:
                    yield f"{path}, line {number}", json.loads(line)
                except ValueError as exc:
                    options.error(f"{path}, line {number}: malformed JSON: {exc}")
    except (OSError, ValueError) as exc:
        options.error(f"{path}: cannot read claimx output: {exc}")


def _document(record: Any, where: str, options: Options) -> Document | None:
    """A :class:`Document` (without text yet) from one output record, or ``None``.

    Records are checked by hand (full JSON Schema validation costs ~20 ms each, minutes
    on a large run); only a record that fails is run through the schema, for its message.
    """
    if isinstance(record, dict) and record.get("schema") == SCHEMA_ID and "error" in record:
        where_failed = record.get("document_id") or record.get("path") or where
        options.error(f"{where_failed}: {record['error']}")  # a failure record of extract
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
    options.error(f"{where}: not a valid claimx document: {problem}")
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
                    content_type=_str(record["content_type"]))


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
        **_identity(data),
    )
    if claim.stance not in STANCES:
        raise ValueError(claim.stance)
    return claim


def _identity(data: dict[str, Any]) -> dict[str, Any]:
    """The speaker's key and kind as written, or (in output older than them) worked out from
    the speaker's text."""
    if "speaker_kind" in data:
        key = data.get("speaker_key")
        kind = data["speaker_kind"]
        if kind not in SPEAKER_KINDS:
            raise ValueError(kind)
        return {"speaker_key": None if key is None else _str(key), "speaker_kind": kind}
    speaker = data["speaker"]
    identity = identify(None if speaker is None else _str(speaker["text"]))
    return {"speaker_key": identity.key, "speaker_kind": identity.kind}


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


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError(value)
    return value


def quotes_exactly(doc: Document, text: str) -> bool:
    """Whether every span of every claim is ``text[start:end]``."""
    return all(
        text[span.start:span.end] == span.text
        for claim in doc.claims
        for span in (claim.source, claim.speaker, claim.cue, claim.channel, claim.content)
        if span is not None
    )


class TextFinder:
    """Finds a claimx output document's article again: its source file (as given, or
    beside the output file), or its record in a JSONL corpus (by id)."""

    def __init__(self, beside: Path, options: Options, metadata: Metadata) -> None:
        self.beside = beside
        self.options = options
        self.metadata = metadata
        self.corpora: dict[str, dict[str, InputText]] = {}

    def attach(self, doc: Document) -> ReportDoc:
        from dataclasses import replace

        if doc.text and quotes_exactly(doc, doc.text):  # written with --with-text
            outlet, url = self.metadata.lookup(doc.source, doc.line)
            return ReportDoc(doc, outlet=outlet, url=url)
        found = self._find(doc)
        if isinstance(found, str):
            return self._without_text(doc, found)
        if not quotes_exactly(doc, found.text):
            return self._without_text(doc, f"{found.source} no longer matches its claims")
        outlet, url = self.metadata.lookup(found.source, found.line)
        return ReportDoc(replace(doc, text=found.text), outlet=outlet, url=url)

    def _without_text(self, doc: Document, reason: str) -> ReportDoc:
        name = doc.id if doc.id is not None else doc.source
        note = f"article text not shown: {reason}"
        self.options.on_note(f"{name}: {note}")
        return ReportDoc(doc, note=note, text_available=False)

    def _find(self, doc: Document) -> InputText | str:
        """The input text, or why it cannot be had."""
        if doc.source == STDIN:
            return "it was read from standard input"
        path = self._locate(doc.source)
        if path is None:
            return f"{doc.source} not found"
        if is_jsonl_path(doc.source, self.options.input_format):
            return self._from_corpus(path, doc)
        items = list(read_corpus([path], input_format=InputFormat.text, note=None,
                                 encoding=self.options.encoding))
        item = items[0] if items else None
        return item if isinstance(item, InputText) else f"{doc.source} cannot be read"

    def _locate(self, source: str) -> str | None:
        for candidate in (Path(source), self.beside / source):
            if candidate.is_file():
                return str(candidate)
        return None

    def _from_corpus(self, path: str, doc: Document) -> InputText | str:
        if path not in self.corpora:
            self.corpora[path] = self._index(path, doc.source)
        item = self.corpora[path].get(doc.id or "")
        return item if item is not None else f"{doc.id} not found in {doc.source}"

    def _index(self, path: str, source: str) -> dict[str, InputText]:
        """id -> record of a JSONL corpus; ids of records without one (``PATH:LINE``)
        use the path as the output names it."""
        index: dict[str, InputText] = {}
        options = self.options
        for item in read_corpus([path], input_format=InputFormat.jsonl,
                                text_field=options.text_field, id_field=options.id_field,
                                note=None):
            if isinstance(item, InputText):
                item = InputText(source, item.text, item.encoding, item.id, item.line)
                index.setdefault(item.id or "", item)
                index.setdefault(f"{source}:{item.line}", item)
        return index


# --- metadata ------------------------------------------------------------------------


class Metadata:
    """Outlet and URL of JSONL records (``meta.outlet``/``meta.url``, or top-level
    ``outlet``/``url``), read in one pass per file when first asked for."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.files: dict[str, dict[int, tuple[str | None, str | None]]] = {}

    def lookup(self, source: str, line: int | None) -> tuple[str | None, str | None]:
        if line is None or source == STDIN:
            return None, None
        if source not in self.files:
            self.files[source] = _scan_meta(source)
        return self.files[source].get(line, (None, None))


def _scan_meta(path: str) -> dict[int, tuple[str | None, str | None]]:
    found: dict[int, tuple[str | None, str | None]] = {}
    try:
        with open(path, "rb") as handle:
            for number, raw in enumerate(handle, 1):
                try:
                    record = json.loads(raw.removeprefix(b"\xef\xbb\xbf"))
                except ValueError:
                    continue
                if isinstance(record, dict):
                    pair = (_field(record, "outlet"), _field(record, "url"))
                    if pair != (None, None):
                        found[number] = pair
    except OSError:
        pass
    return found


def _field(record: dict[str, Any], name: str) -> str | None:
    meta = record.get("meta")
    value = meta.get(name) if isinstance(meta, dict) else None
    if value is None:
        value = record.get(name)
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None
