"""Where a report's documents come from: a fresh extraction, or claimx's own output.

Inputs are the same as ``claimx extract``'s (text files, folders, JSONL corpora,
standard input) and are extracted with the same engines. A ``.json`` or ``.jsonl``
file whose records carry ``"schema": "claimx/1"`` is claimx output instead: its
claims are used as they are, so a large run need not be repeated. That output holds
no article text, so the text is read again from each document's ``source`` (and
``id``, for JSONL corpora), only from a file the user named (an input, or a file below a
``--text-from`` folder), and used only if every span still quotes it exactly.

Nothing here raises for a bad input: problems go to ``on_error`` (one line each,
the document is left out) or ``on_note`` (the document is kept, e.g. without text).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.corpus.run import Outcome
from claimx.io.decode import decode_bytes
from claimx.io.inputs import InputFormat, is_jsonl_path
from claimx.io.items import STDIN, InputText, os_reason
from claimx.io.records import _jsonl_record as jsonl_record
from claimx.io.records import jsonl_records
from claimx.model import Document
from claimx.report.access import Named, Refused, open_regular, read_regular
from claimx.report.page import ReportDoc

Sink = Callable[[str], None]


@dataclass
class Options:
    """How raw inputs were (and are) read: the ``claimx extract`` reading options."""

    input_format: InputFormat = InputFormat.auto
    text_field: str = "text"
    id_field: str = "id"
    encoding: str | None = None
    on_error: Sink = print
    on_note: Sink = print
    named: Named = field(default_factory=lambda: Named((), ()))
    text_from: tuple[str, ...] = ()
    max_chars: int = 0  # 0: no limit
    failed: int = field(default=0)

    def error(self, message: str) -> None:
        self.failed += 1
        self.on_error(message)


def collect(outcomes: Iterable[Outcome], options: Options,
            with_text: int | None = None) -> Iterator[ReportDoc]:
    """Every document of a corpus run (:func:`claimx.corpus.run.run_corpus`, reading
    claimx output back) in order, as it comes: an extracted one with its outlet and URL, one
    read back with its article found again; a failure is told to ``options`` and left out.
    Only the first ``with_text`` documents (None: all) are given their article, outlet and
    URL: the page shows no more (:data:`claimx.report.MAX_DOCUMENTS`), and the others
    need only their claims, so their files are not opened again."""
    metadata = Metadata(options)
    finders: dict[str, TextFinder] = {}
    given = 0
    for outcome in outcomes:
        if outcome.failed:
            options.error(str(outcome.result))
            continue
        if with_text is not None and given >= with_text:
            doc = ReportDoc(outcome.result, text_available=False)  # type: ignore[arg-type]
        elif outcome.read_back:
            finder = finders.get(outcome.source)
            if finder is None:
                finder = TextFinder(Path(outcome.source).parent, options, metadata)
                finders[outcome.source] = finder
            doc = finder.attach(outcome.result)  # type: ignore[arg-type]
            if doc is None:
                continue
        else:
            outlet, url = metadata.lookup(outcome.source, outcome.line)
            doc = ReportDoc(outcome.result, outlet=outlet, url=url)  # type: ignore[arg-type]
        given += 1
        yield doc


class Counted:
    """Documents and claims of a stream of report documents, counted as they pass (for the
    summary line: the stream is read once, by the page)."""

    def __init__(self) -> None:
        self.documents = 0
        self.claims = 0

    def of(self, docs: Iterable[ReportDoc]) -> Iterator[ReportDoc]:
        for doc in docs:
            self.documents += 1
            self.claims += len(doc.doc.claims)
            yield doc


# --- claimx output ----------------------------------------------------------------


def quotes_exactly(doc: Document, text: str) -> bool:
    """Whether every span of every claim is ``text[start:end]``."""
    return all(
        text[span.start:span.end] == span.text
        for claim in doc.claims
        for span in (claim.source, claim.speaker, claim.cue, claim.channel, claim.content)
        if span is not None
    )


class TextFinder:
    """Finds a claimx output document's article again: its source file (as given, beside
    the output file or below a ``--text-from`` folder), or its record in a JSONL corpus (by
    id); only where the user named it (:mod:`claimx.report.access`)."""

    def __init__(self, beside: Path, options: Options, metadata: Metadata) -> None:
        self.beside = beside
        self.options = options
        self.metadata = metadata
        self.corpora: dict[str, CorpusIndex | str] = {}

    def attach(self, doc: Document) -> ReportDoc | None:
        """The document with its article, or without it (and a note why); ``None`` (and
        an error) when the file it names must not be read."""
        from dataclasses import replace

        if doc.text and quotes_exactly(doc, doc.text):  # written with --with-text
            outlet, url = self._metadata(doc)
            return ReportDoc(doc, outlet=outlet, url=url)
        try:
            found = self._find(doc)
        except Refused as exc:
            self.options.error(f"{doc.source}: article text not read: {exc}")
            return None
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

    def _metadata(self, doc: Document) -> tuple[str | None, str | None]:
        """Outlet and URL of a document that carries its text, from its corpus record
        when the user named that corpus."""
        if doc.line is None:
            return None, None
        try:
            path = self._locate(doc.source)
        except Refused:
            return None, None
        if isinstance(path, str) or not path.is_file():
            return None, None
        return self.metadata.lookup(str(path), doc.line)

    def _find(self, doc: Document) -> InputText | str:
        """The input text, or why it cannot be had; raises :class:`Refused` for a file
        that must not be read."""
        if doc.source == STDIN:
            return "it was read from standard input"
        path = self._locate(doc.source)
        if isinstance(path, str):
            return path
        if is_jsonl_path(doc.source, self.options.input_format):
            return self._from_corpus(str(path), doc)
        try:
            data = read_regular(str(path), self.options.max_chars)
        except OSError as exc:
            return f"{doc.source} cannot be read: {os_reason(exc)}"
        item = decode_bytes(data, str(path), None, self.options.encoding)
        if not isinstance(item, InputText):
            return f"{doc.source} cannot be read"
        self._check_length(item)
        return item

    def _locate(self, source: str) -> Path | str:
        """The named file ``source`` stands for, or why there is none."""
        if "\x00" in source:
            raise Refused("the path holds a NUL character")
        candidates = [Path(source), self.beside / source,
                      *(Path(folder) / source for folder in self.options.text_from)]
        allowed = [path for path in candidates if self.options.named.allows(path)]
        if not allowed:
            return (f"{source} is not among the inputs (name the folder it is in with "
                    "--text-from DIR)")
        return next((path for path in allowed if path.exists()), f"{source} not found")

    def _check_length(self, item: InputText) -> None:
        limit = self.options.max_chars
        if limit and len(item.text) > limit:
            raise Refused(f"{len(item.text):,} characters, more than --max-chars {limit:,}")

    def _from_corpus(self, path: str, doc: Document) -> InputText | str:
        if path not in self.corpora:
            self.corpora[path] = self._index(path, doc.source)
        index = self.corpora[path]
        if isinstance(index, str):
            return index
        item = index.find(doc)
        if isinstance(item, Refused):
            raise item
        return item if item is not None else f"{doc.id} not found in {doc.source}"

    def _index(self, path: str, source: str) -> CorpusIndex | str:
        """Where each record of a JSONL corpus is (or why one is refused), by line and by
        id: its place in the file, not its text, so that a corpus of any size costs a few
        numbers per record."""
        index = CorpusIndex(source, path, (self.options.text_field, self.options.id_field))
        start = [0]  # where the line last read begins
        try:
            with open_regular(path, 0) as handle:
                for item in jsonl_records(_lines_from(handle, start), path, index.fields):
                    if isinstance(item, InputText):
                        try:
                            self._check_length(item)
                        except Refused as exc:
                            index.add(item, exc)
                        else:
                            index.add(item, start[0])
        except OSError as exc:
            return f"{source} cannot be read: {os_reason(exc)}"
        return index


def _lines_from(handle: Iterable[bytes], start: list[int]) -> Iterator[bytes]:
    """The lines of ``handle``, with ``start[0]`` set to where each begins as it is read."""
    offset = 0
    for raw in handle:
        start[0] = offset
        offset += len(raw)
        yield raw


@dataclass
class CorpusIndex:
    """A JSONL corpus's records by line and by id: where each begins in the file, its text
    read again when asked for. A document is found at its own line first (ids need not be
    unique: two records sharing one keep their own article), then, if the corpus has
    changed since, by id; ids of records without one (``PATH:LINE``) use the path as the
    output names it."""

    source: str
    path: str
    fields: tuple[str, str]
    by_line: dict[int, tuple[str | None, int | Refused]] = field(default_factory=dict)
    by_id: dict[str, tuple[int, int | Refused]] = field(default_factory=dict)

    def add(self, item: InputText, entry: int | Refused) -> None:
        """A record at ``item.line``: where it begins, or why it is refused."""
        line = item.line or 0
        if item.line is not None:
            self.by_line[item.line] = (item.id, entry)
            self.by_id.setdefault(f"{self.source}:{item.line}", (line, entry))
        self.by_id.setdefault(item.id or "", (line, entry))

    def find(self, doc: Document) -> InputText | Refused | None:
        at_line = self.by_line.get(doc.line) if doc.line is not None else None
        if at_line is not None and at_line[0] in (None, doc.id):
            return self._read(doc.line, at_line[1])  # type: ignore[arg-type]
        found = self.by_id.get(doc.id or "")
        return None if found is None else self._read(*found)

    def _read(self, line: int, entry: int | Refused) -> InputText | Refused | None:
        """The record of ``line`` beginning at ``entry``, read again (``None`` if it is no
        longer a text record: the file changed)."""
        if isinstance(entry, Refused):
            return entry
        try:
            with open_regular(self.path, 0) as handle:
                handle.seek(entry)
                raw = handle.readline()
        except OSError:
            return None
        item = jsonl_record(raw, self.path, line, self.fields)
        return item if isinstance(item, InputText) else None


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
                except (ValueError, RecursionError):  # the line's own failure is told
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
