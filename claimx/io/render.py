"""Output renderers: Rich tables for people, JSON / JSONL / CSV for programs.

Rendering is kept apart from extraction so that every format shows the same
:class:`~claimx.model.Document` objects. Writers are streaming: ``write`` is
called once per document as soon as it is extracted and ``close`` once at the
end, so long runs over a directory show results as they come.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from claimx.io.safety import escaped, json_safe, neutralise_cell, printable
from claimx.model import STANCES, Claim, Document, Span

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

FORMATS = ("table", "json", "jsonl", "csv")
CONTENT_PREVIEW_CHARS = 140
NO_VALUE = "—"

CSV_COLUMNS = (
    "document",
    "claim_id",
    "sentence",
    "speaker",
    "speaker_start",
    "speaker_end",
    "source",
    "source_start",
    "source_end",
    "cue",
    "cue_start",
    "cue_end",
    "lemma",
    "gloss",
    "stance",
    "negated",
    "channel",
    "channel_start",
    "channel_end",
    "content",
    "content_start",
    "content_end",
    "direct_quote",
    "label",
)


class DocumentWriter(Protocol):
    """Receives documents one by one; ``close`` finishes the output (e.g. a JSON array)."""

    def write(self, doc: Document) -> None: ...

    def close(self) -> None: ...


# --- JSON and JSONL -----------------------------------------------------------


def to_json(docs: Sequence[Document], *, as_array: bool | None = None) -> str:
    """One document as an object, several (or ``as_array=True``) as an array."""
    if as_array is None:
        as_array = len(docs) != 1
    payload: Any = [d.to_dict() for d in docs] if as_array else docs[0].to_dict()
    return json_safe(json.dumps(payload, ensure_ascii=False, indent=2))


def to_jsonl_line(doc: Document) -> str:
    """One document on one line (no trailing newline), for line-oriented tools."""
    return json_safe(json.dumps(doc.to_dict(), ensure_ascii=False))


def to_json_object(doc: Document) -> str:
    """One document as an indented JSON object: the unit :class:`JsonWriter` streams."""
    return json_safe(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2))


class JsonWriter:
    """Streams a JSON array element by element (the same text ``json.dumps(..., indent=2)``
    gives for the whole list), so memory stays flat on a corpus; a single document
    is held until ``close``, because the shape (object or array) depends on whether
    another one follows."""

    def __init__(self, out: TextIO, *, as_array: bool, flush_each: bool = True) -> None:
        self._out = out
        self._flush_each = flush_each
        self._as_array = as_array
        self._held: str | None = None
        self._count = 0
        self._written = 0

    def write(self, doc: Document) -> None:
        self.write_rendered(to_json_object(doc))

    def write_rendered(self, text: str) -> None:
        """Write a document already rendered by :func:`to_json_object` (in a worker)."""
        if not self._as_array and self._count == 0:
            self._held = text
        else:
            if self._held is not None:
                self._element(self._held)
                self._held = None
            self._element(text)
        self._count += 1

    def _element(self, text: str) -> None:
        opening = "[\n" if self._written == 0 else ",\n"
        self._out.write(opening + _indent(text))
        if self._flush_each:
            self._out.flush()
        self._written += 1

    def close(self) -> None:
        if self._held is not None:  # exactly one document, not forced to an array
            self._out.write(self._held + "\n")
        elif self._written:
            self._out.write("\n]\n")
        elif self._as_array:
            self._out.write("[]\n")
        # else: the single input failed: print nothing rather than invalid JSON
        self._out.flush()


def _indent(text: str) -> str:
    """Indent a JSON text as an array element; JSON strings never hold raw newlines."""
    return "  " + text.replace("\n", "\n  ")


class JsonlWriter:
    """One line per document, flushed at once so pipelines see results early (unless
    ``flush_each`` is false: a file written whole needs no flush per document)."""

    def __init__(self, out: TextIO, *, flush_each: bool = True) -> None:
        self._out = out
        self._flush_each = flush_each

    def write(self, doc: Document) -> None:
        self.write_rendered(to_jsonl_line(doc))

    def write_rendered(self, line: str) -> None:
        """Write a document already rendered by :func:`to_jsonl_line` (in a worker)."""
        self._out.write(line + "\n")
        if self._flush_each:
            self._out.flush()

    def close(self) -> None:
        self._out.flush()


# --- CSV ------------------------------------------------------------------------


def claim_row(doc: Document, claim: Claim) -> list[str]:
    """One CSV row; empty cells for absent spans, ``true``/``false`` for flags. The
    ``document`` cell is the document id (the path, or the JSONL id field)."""
    return [
        doc.id if doc.id is not None else doc.source,
        claim.id,
        str(claim.sentence),
        *_span_cells(claim.speaker),
        *_span_cells(claim.source),
        *_span_cells(claim.cue),
        claim.lemma,
        claim.gloss,
        claim.stance,
        _flag(claim.negated),
        *_span_cells(claim.channel),
        *_span_cells(claim.content),
        _flag(claim.direct_quote),
        claim.label,
    ]


def claim_rows(doc: Document) -> Iterator[list[str]]:
    """All rows of one document, in claim order; cells a spreadsheet would run as a formula
    are neutralised (OWASP), so CSV cells may differ from the text by a leading quote."""
    for claim in doc.claims:
        yield [neutralise_cell(cell) for cell in claim_row(doc, claim)]


def write_csv(docs: Iterable[Document], out: TextIO, *, header: bool = True) -> None:
    """Write claims of all ``docs`` as CSV (one claim per row)."""
    writer = CsvWriter(out, header=header)
    for doc in docs:
        writer.write(doc)
    writer.close()


def to_csv_rows(doc: Document) -> str:
    """A document's CSV rows as text (``\\r\\n`` line ends, as the ``csv`` module writes)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(claim_rows(doc))
    return buffer.getvalue()


class CsvWriter:
    """Writes the header at once, so an empty result is still a valid CSV with columns."""

    def __init__(self, out: TextIO, *, header: bool = True, flush_each: bool = True) -> None:
        self._out = out
        self._flush_each = flush_each
        if header:
            csv.writer(out).writerow(CSV_COLUMNS)

    def write(self, doc: Document) -> None:
        self.write_rendered(to_csv_rows(doc))

    def write_rendered(self, rows: str) -> None:
        """Write rows already rendered by :func:`to_csv_rows` (in a worker)."""
        if rows:
            self._out.write(rows)
            if self._flush_each:
                self._out.flush()

    def close(self) -> None:
        self._out.flush()


def _span_cells(span: Span | None) -> list[str]:
    if span is None:
        return ["", "", ""]
    return [span.text, str(span.start), str(span.end)]


def _flag(value: bool) -> str:
    return "true" if value else "false"


# --- Rich tables ----------------------------------------------------------------


def speaker_text(claim: Claim) -> str:
    """The Arabic words naming who speaks: the speaker, else the attributed source."""
    span = claim.speaker or claim.source
    return span.text if span is not None else ""


def trim(text: str, limit: int = CONTENT_PREVIEW_CHARS) -> str:
    """Shorten long content for display; full text stays in the machine formats."""
    text = " ".join(printable(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def stance_summary(stances: Iterable[str]) -> str:
    """``assert ×2, deny ×1`` in the canonical stance order."""
    counts = Counter(stances)
    order = [s for s in STANCES if counts[s]] + sorted(s for s in counts if s not in STANCES)
    return ", ".join(f"{s} ×{counts[s]}" for s in order)


def speaker_name(claim: Claim) -> str:
    """The speaker's English name: the claim label minus its English reporting verb.

    Labels read "SDF sources deny", "Officials do not confirm" or, for phrase cues,
    "According to the ministry"; the summary groups several claims of one speaker, so
    it needs the name alone. Labels of another shape are returned unchanged.
    """
    label = " ".join(claim.label.split())
    gloss = " ".join(claim.gloss.split()).lower()
    lowered = label.lower()
    if not label or lowered.startswith("unattributed"):
        return ""
    if gloss and lowered.startswith(gloss + " "):
        rest = label[len(gloss) + 1 :]
        return rest[:1].upper() + rest[1:]
    for phrase in _verb_phrases(gloss):
        if lowered.endswith(" " + phrase):
            return label[: -len(phrase) - 1]
    return label


def _verb_phrases(gloss: str) -> list[str]:
    """English forms a gloss takes after the speaker, longest first."""
    if not gloss:
        return []
    verb, _, tail = gloss.partition(" ")
    forms = {verb, verb + "s", verb + "es", verb[:-1] + "ies", _IRREGULAR_3SG.get(verb, verb)}
    if verb == "be":
        forms.add("are")
    phrases = {f"{aux} {gloss}" for aux in ("does not", "do not")}
    phrases |= {f"{form} {tail}".strip() for form in forms}
    return sorted(phrases, key=len, reverse=True)


_IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does"}


def who_said_what(doc: Document) -> list[tuple[str, str, int, str]]:
    """Rows ``(english name, arabic speaker, n_claims, stances)``, most claims first.

    Claims are grouped by the Arabic words naming the speaker (the English labels
    also contain the verb). Negated claims are counted too, so a reader scanning
    the summary does not mistake a negated assertion for a plain one.
    """
    groups: dict[str, list[Claim]] = {}
    for claim in doc.claims:
        key = " ".join(speaker_text(claim).split()) or speaker_name(claim)
        groups.setdefault(key, []).append(claim)
    rows = []
    for claims in groups.values():
        names = Counter(speaker_name(c) for c in claims if speaker_name(c))
        name = names.most_common(1)[0][0] if names else ""
        stances = stance_summary(c.stance for c in claims)
        negated = sum(c.negated for c in claims)
        if negated:
            stances += f"; {negated} negated"
        rows.append((name, speaker_text(claims[0]), len(claims), stances))
    return sorted(rows, key=lambda r: -r[2])  # stable: ties keep first-mention order


def render_document_table(doc: Document, console: Console) -> None:
    """Claims table then "who said what" summary for one document."""
    from rich.text import Text

    console.print(_heading(doc))
    if not doc.claims:
        console.print(Text("No attributed claims found.", style="dim"))
        console.print()
        return
    console.print(claims_table(doc))
    console.print(summary_table(doc))
    console.print()


def claims_table(doc: Document) -> Any:
    """The per-claim table (a ``rich.table.Table``)."""
    from rich.table import Table

    table = Table(show_lines=True, expand=False, title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Speaker")
    table.add_column("Cue · stance")
    table.add_column("Content", ratio=3)
    table.add_column("Channel")
    for claim in doc.claims:
        table.add_row(
            _plain(claim.id),
            _speaker_cell(claim.label, speaker_text(claim)),
            _cue_cell(claim),
            _content_cell(claim),
            _plain(claim.channel.text if claim.channel else NO_VALUE),
        )
    return table


def summary_table(doc: Document) -> Any:
    """Who said what: one row per speaker with claim count and stances."""
    from rich.table import Table

    table = Table(title="Who said what", title_justify="left", show_lines=True, expand=False)
    table.add_column("Speaker")
    table.add_column("Claims", justify="right")
    table.add_column("Stances")
    for label, arabic, count, stances in who_said_what(doc):
        table.add_row(_speaker_cell(label, arabic), _plain(str(count)), _plain(stances))
    return table


class TableWriter:
    """Prints each document's tables as soon as it is extracted."""

    def __init__(self, console: Console) -> None:
        self._console = console

    def write(self, doc: Document) -> None:
        render_document_table(doc, self._console)

    def close(self) -> None:
        self._console.file.flush()


def _heading(doc: Document) -> Text:
    from rich.text import Text

    stats = doc.stats
    heading = Text(escaped(doc.source) if doc.source != "-" else "standard input", style="bold")
    if doc.id and doc.id != doc.source:
        heading.append(f"  [{escaped(doc.id)}]", style="bold")
    heading.append(
        f"  {stats['claims']} claim(s) · {stats['sentences']} sentence(s) · "
        f"{stats['tokens']} token(s)",
        style="dim",
    )
    return heading


def _plain(value: str) -> Text:
    """Wrap user text in ``Text`` so brackets in articles are never read as Rich markup."""
    from rich.text import Text

    return Text(printable(value))


def _speaker_cell(label: str, arabic: str) -> Text:
    from rich.text import Text

    cell = Text()
    label, arabic = printable(label), printable(arabic)
    if label:
        cell.append(label, style="bold")
    if arabic and arabic != label:
        if cell:
            cell.append("\n")
        cell.append(arabic)
    if not cell:
        cell.append("(unattributed)", style="dim")
    return cell


def _cue_cell(claim: Claim) -> Text:
    from rich.text import Text

    cell = Text(printable(claim.cue.text))
    if claim.gloss:
        cell.append(f" “{claim.gloss}”", style="dim")
    cell.append("\n")
    cell.append(claim.stance, style="cyan")
    if claim.negated:
        cell.append(" negated", style="bold red")
    return cell


def _content_cell(claim: Claim) -> Text:
    from rich.text import Text

    cell = Text(trim(claim.content.text))
    if claim.direct_quote:
        cell.append("\n(direct quote)", style="dim")
    return cell


RENDERERS: dict[str, Callable[[Document], str]] = {
    "json": to_json_object,
    "jsonl": to_jsonl_line,
    "csv": to_csv_rows,
}


def renderer_for(fmt: str) -> Callable[[Document], str] | None:
    """The function that turns a document into ``fmt`` text, for workers to run so that
    only text travels back (``None`` for tables, which need the whole document)."""
    return RENDERERS.get(fmt)


def make_writer(
    fmt: str,
    out: TextIO,
    *,
    as_array: bool = False,
    console: Console | None = None,
    flush_each: bool = True,
) -> DocumentWriter:
    """The streaming writer for ``fmt`` (one of :data:`FORMATS`). ``flush_each``: flush
    after every document, so that a reader at the other end of a pipe sees it at once."""
    if fmt == "json":
        return JsonWriter(out, as_array=as_array, flush_each=flush_each)
    if fmt == "jsonl":
        return JsonlWriter(out, flush_each=flush_each)
    if fmt == "csv":
        return CsvWriter(out, flush_each=flush_each)
    if fmt == "table":
        if console is None:
            from rich.console import Console

            console = Console(file=out)
        return TableWriter(console)
    raise ValueError(f"unknown output format {fmt!r}; expected one of {', '.join(FORMATS)}")
