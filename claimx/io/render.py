"""Output renderers: Rich tables for people, JSON / JSONL / CSV for programs.

Rendering is kept apart from extraction so that every format shows the same
:class:`~claimx.model.Document` objects. Writers are streaming: ``write`` is
called once per document as soon as it is extracted and ``close`` once at the
end, so long runs over a directory show results as they come.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol, TextIO

from claimx.io.formats import format_named
from claimx.io.items import InputError
from claimx.io.safety import csv_text, escaped, json_safe, neutralise_cell, printable
from claimx.model import PLAIN_TEXT, STANCES, Claim, Document, Span, failure_record

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

CONTENT_PREVIEW_CHARS = 140
NO_VALUE = "—"
UNATTRIBUTED = "impersonal"  # no speaker: «من المتوقع», «يُقال»
STANCE_WIDTH = 8  # "opinion", "predict", most glosses; longer ones wrap below
# The widest word a column is kept wide enough for; a longer one (a URL) is cut with "…".
MAX_WORD_CELLS = 20

# The CSV columns are the JSON names: document fields, then a claim's fields with a span's
# parts joined by "." (as ``pandas.json_normalize`` names them), then ``error``, set on the
# one row that stands for a document that failed.
DOCUMENT_COLUMNS = ("document_id", "path", "line")
CLAIM_COLUMNS = (
    "id",
    "sentence",
    "source.text",
    "source.start",
    "source.end",
    "speaker.text",
    "speaker.start",
    "speaker.end",
    "speaker_label",
    "speaker_key",
    "speaker_kind",
    "speaker_resolution",
    "cue.text",
    "cue.start",
    "cue.end",
    "cue.lemma",
    "cue.gloss",
    "stance",
    "negated",
    "channel.text",
    "channel.start",
    "channel.end",
    "content.text",
    "content.start",
    "content.end",
    "direct_quote",
    "label",
    "label_transliterated",  # the words, separated by spaces
)
CSV_COLUMNS = (*DOCUMENT_COLUMNS, *CLAIM_COLUMNS, "error")


class DocumentWriter(Protocol):
    """Receives documents one by one; ``close`` finishes the output (e.g. a JSON array)."""

    def write(self, doc: Document) -> None: ...

    def write_failure(self, failure: InputError) -> None: ...

    def close(self) -> None: ...


# --- JSON and JSONL -----------------------------------------------------------


def to_json(docs: Sequence[Document]) -> str:
    """Documents as a JSON array: one shape whatever their number, so that one ``jq``
    filter (``.[].claims[]``) serves one input or a thousand."""
    return json_safe(indented_json([d.to_dict() for d in docs]))


def to_jsonl_line(doc: Document, with_text: bool = False) -> str:
    """One document on one line (no trailing newline), for line-oriented tools."""
    return json_safe(json.dumps(doc.to_dict(with_text), ensure_ascii=False))


def to_json_object(doc: Document, with_text: bool = False) -> str:
    """One document as an indented JSON object: the unit :class:`JsonWriter` streams."""
    return json_safe(indented_json(doc.to_dict(with_text)))


def indented_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, written by orjson (in C, about
    ten times faster). For what records hold, strings, whole numbers, booleans, null,
    lists and objects with string keys, the two write the same text; what orjson refuses
    (a lone surrogate, a number past 64 bits) goes to ``json``. Floats, which orjson
    spells differently («0.00001» for «1e-05»), are never in a record."""
    import orjson

    try:
        return orjson.dumps(value, option=orjson.OPT_INDENT_2).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError
        return json.dumps(value, ensure_ascii=False, indent=2)


def failure_dict(failure: InputError) -> dict[str, Any]:
    """The record that stands for a failed input in JSON and JSONL output."""
    return failure_record(failure_id(failure), failure.source, failure.line, failure.message)


def failure_id(failure: InputError) -> str:
    """The document id a failed input would have had: its id, ``PATH:LINE`` or its path."""
    if failure.id is not None:
        return failure.id
    return failure.source if failure.line is None else f"{failure.source}:{failure.line}"


class JsonWriter:
    """Streams a JSON array element by element (the same text ``json.dumps(..., indent=2)``
    gives for the whole list), so memory stays flat on a corpus. The array holds the same
    records as JSONL, failure records included: always an array, even of one."""

    def __init__(self, out: TextIO, *, flush_each: bool = True, with_text: bool = False) -> None:
        self._out = out
        self._flush_each = flush_each
        self._with_text = with_text
        self._written = 0

    @classmethod
    def open(cls, out: TextIO, *, console: Console | None = None, flush_each: bool = True,
             with_text: bool = False) -> JsonWriter:
        """The writer as :func:`make_writer` builds every format's."""
        return cls(out, flush_each=flush_each, with_text=with_text)

    def write(self, doc: Document) -> None:
        self.write_rendered(to_json_object(doc, self._with_text))

    def write_failure(self, failure: InputError) -> None:
        self.write_rendered(json_safe(indented_json(failure_dict(failure))))

    def write_rendered(self, text: str) -> None:
        """Write a document already rendered by :func:`to_json_object` (in a worker)."""
        opening = "[\n" if self._written == 0 else ",\n"
        self._out.write(opening + _indent(text))
        if self._flush_each:
            self._out.flush()
        self._written += 1

    def close(self) -> None:
        self._out.write("\n]\n" if self._written else "[]\n")
        self._out.flush()


def _indent(text: str) -> str:
    """Indent a JSON text as an array element; JSON strings never hold raw newlines."""
    return "  " + text.replace("\n", "\n  ")


class JsonlWriter:
    """One line per document, flushed at once so pipelines see results early (unless
    ``flush_each`` is false: a file written whole needs no flush per document)."""

    def __init__(self, out: TextIO, *, flush_each: bool = True, with_text: bool = False) -> None:
        self._out = out
        self._flush_each = flush_each
        self._with_text = with_text

    @classmethod
    def open(cls, out: TextIO, *, console: Console | None = None, flush_each: bool = True,
             with_text: bool = False) -> JsonlWriter:
        """The writer as :func:`make_writer` builds every format's."""
        return cls(out, flush_each=flush_each, with_text=with_text)

    def write(self, doc: Document) -> None:
        self.write_rendered(to_jsonl_line(doc, self._with_text))

    def write_failure(self, failure: InputError) -> None:
        self.write_rendered(json_safe(json.dumps(failure_dict(failure), ensure_ascii=False)))

    def write_rendered(self, line: str) -> None:
        """Write a document already rendered by :func:`to_jsonl_line` (in a worker)."""
        self._out.write(line + "\n")
        if self._flush_each:
            self._out.flush()

    def close(self) -> None:
        self._out.flush()


# --- CSV ------------------------------------------------------------------------


def claim_row(doc: Document, claim: Claim) -> list[str]:
    """One CSV row (:data:`CSV_COLUMNS`); empty cells for absent values, ``true``/``false``
    for flags."""
    document_id = doc.document_id
    return [
        document_id,
        doc.source,
        _number(doc.line),
        claim.to_dict(document_id)["id"],
        str(claim.sentence),
        *_span_cells(claim.source),
        *_span_cells(claim.speaker),
        claim.speaker_label or "",
        claim.speaker_key or "",
        claim.speaker_kind,
        claim.speaker_resolution,
        *_span_cells(claim.cue),
        claim.lemma,
        claim.gloss,
        claim.stance,
        _flag(claim.negated),
        *_span_cells(claim.channel),
        *_span_cells(claim.content),
        _flag(claim.direct_quote),
        claim.label,
        " ".join(claim.label_transliterated),
        "",
    ]


def failure_row(failure: InputError) -> list[str]:
    """The row standing for a failed input: its id, path, line and the error."""
    blanks = [""] * len(CLAIM_COLUMNS)
    return [failure_id(failure), failure.source, _number(failure.line), *blanks, failure.message]


def _number(value: int | None) -> str:
    return "" if value is None else str(value)


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
    return csv_text(claim_row(doc, claim) for claim in doc.claims)


class CsvWriter:
    """Writes the header at once, so an empty result is still a valid CSV with columns."""

    def __init__(self, out: TextIO, *, header: bool = True, flush_each: bool = True) -> None:
        self._out = out
        self._flush_each = flush_each
        if header:
            out.write(csv_text([CSV_COLUMNS]))

    @classmethod
    def open(cls, out: TextIO, *, console: Console | None = None, flush_each: bool = True,
             with_text: bool = False) -> CsvWriter:
        """The writer as :func:`make_writer` builds every format's."""
        return cls(out, flush_each=flush_each)

    def write(self, doc: Document) -> None:
        self.write_rendered(to_csv_rows(doc))

    def write_failure(self, failure: InputError) -> None:
        self.write_rendered(csv_text([failure_row(failure)]))

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
    """The speaker's English name: ``speaker_label``, else (for claims made without one)
    the claim label minus its English reporting verb.

    Labels read "SDF sources deny", "Officials do not confirm" or, for phrase cues,
    "According to the ministry"; the summary groups several claims of one speaker, so
    it needs the name alone. Labels of another shape are returned unchanged.
    """
    if claim.speaker_label:
        return claim.speaker_label
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

    console.print(_heading(doc), no_wrap=True, overflow="ellipsis", crop=True)
    if not doc.claims:
        console.print(Text("No attributed claims found.", style="dim"))
        console.print()
        return
    console.print(claims_table(doc))
    console.print(summary_table(doc))
    console.print()


def claims_table(doc: Document) -> Any:
    """The per-claim table (a ``rich.table.Table``). The English name and the Arabic
    mention have a column each, so that neither wraps into the other; the stance is
    shown once (the cue's gloss only when it says more); the channel column only when
    some claim has a channel."""
    from rich.table import Table

    with_channel = any(claim.channel for claim in doc.claims)
    table = Table(show_lines=True, expand=True)
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("Speaker", ratio=4)
    table.add_column("Mention", ratio=4)
    table.add_column("Stance", ratio=2, width=STANCE_WIDTH)
    table.add_column("Content", ratio=8)
    if with_channel:
        table.add_column("Channel", ratio=3)
    for claim in doc.claims:
        row = [
            _plain(claim.id),
            _name_cell(speaker_name(claim)),
            _plain(speaker_text(claim) or NO_VALUE),
            _stance_cell(claim),
            _content_cell(claim),
        ]
        if with_channel:
            row.append(_plain(claim.channel.text if claim.channel else NO_VALUE))
        table.add_row(*row)
    return words_kept_whole(table)


def summary_table(doc: Document) -> Any:
    """Who said what: one row per speaker with claim count and stances."""
    from rich.table import Table

    table = Table(title="Who said what", title_justify="left", show_lines=True, expand=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Mention", ratio=2)
    table.add_column("Claims", justify="right", no_wrap=True)
    table.add_column("Stances", ratio=3)
    for name, arabic, count, stances in who_said_what(doc):
        table.add_row(_name_cell(name), _plain(arabic or NO_VALUE), _plain(str(count)),
                      _plain(stances))
    return words_kept_whole(table)


def words_kept_whole(table: Any) -> Any:
    """``table`` drawn with each column of shares (``ratio``) at least as wide as its
    widest word, so that no word is split across lines («الديمقراطية» read as «الديمقراطي»
    and «ة», "according" as "accordin" and "g"). Rich's own shares give the first columns
    theirs before the later ones get their least width; on a terminal too narrow for every
    word, a word is cut with "…" rather than split."""
    return _WholeWords(table)


class _WholeWords:
    """A table whose shared widths are set for the width it is drawn at: Rich is given
    fixed widths, its own sharing set aside."""

    def __init__(self, table: Any) -> None:
        self.table = table
        self.shared = [c for c in table.columns if c.ratio is not None]
        self.ratios = [c.ratio for c in self.shared]
        for column in self.shared:
            column.ratio = None
            column.overflow = "ellipsis"

    def __rich_console__(self, console: Console, options: Any) -> Iterator[Any]:
        from rich.cells import cell_len

        table = self.table
        fixed = [c for c in table.columns if not any(c is s for s in self.shared)]
        sides = len(table.columns) + 1 + 2 * len(table.columns)  # borders and padding
        room = options.max_width - sides - sum(
            c.width or _widest(c, cell_len, whole=True) for c in fixed)
        least = [min(_widest(c, cell_len), MAX_WORD_CELLS) for c in self.shared]
        for column, width in zip(self.shared, column_shares(room, self.ratios, least),
                                 strict=True):
            column.width = width
        yield table


def _widest(column: Any, measure: Callable[[str], int], whole: bool = False) -> int:
    """The widest word of a column (or, ``whole``, its widest cell), its heading included."""
    cells = [str(column.header), *(str(cell) for cell in column.cells)]
    parts = cells if whole else [word for cell in cells for word in cell.split()]
    return max(map(measure, parts), default=1)


def _cut_to_level(room: int, least: Sequence[int]) -> list[int]:
    """The least widths above one level brought down to it, the highest level that fits."""
    level = max(least, default=1)
    while level > 1 and sum(min(n, level) for n in least) > room:
        level -= 1
    widths = [min(n, level) for n in least]
    spare = room - sum(widths)
    for i, n in enumerate(least):
        if spare > 0 and n > level:
            widths[i] += 1
            spare -= 1
    return widths


def column_shares(room: int, ratios: Sequence[int], least: Sequence[int]) -> list[int]:
    """``room`` shared in proportion to ``ratios``, each share at least its ``least`` width
    where room allows; where it does not, only the widest words are cut, to one level."""
    if sum(least) >= room:
        return _cut_to_level(room, least)
    widths = list(least)
    free = set(range(len(ratios)))
    left = room
    while free:  # a share below its least width gets that width, the rest share again
        total = sum(ratios[i] for i in free)
        short = {i for i in free if left * ratios[i] / total < least[i]}
        if not short:
            break
        free -= short
        left -= sum(least[i] for i in short)
    order = sorted(free)
    total = sum(ratios[i] for i in order)
    for i in order:
        widths[i] = left * ratios[i] // total
    for i in order[: left - sum(widths[i] for i in order)]:  # what rounding down left
        widths[i] += 1
    return widths


class TableWriter:
    """Prints each document's tables as soon as it is extracted."""

    def __init__(self, console: Console) -> None:
        self._console = console

    @classmethod
    def open(cls, out: TextIO, *, console: Console | None = None, flush_each: bool = True,
             with_text: bool = False) -> TableWriter:
        """The writer as :func:`make_writer` builds every format's."""
        if console is None:
            from rich.console import Console

            console = Console(file=out)
        return cls(console)

    def write(self, doc: Document) -> None:
        render_document_table(doc, self._console)

    def write_failure(self, failure: InputError) -> None:
        """A table is for people, who read the error on stderr."""

    def close(self) -> None:
        self._console.file.flush()


def _heading(doc: Document) -> Text:
    """One line, cut rather than wrapped on a narrow terminal: the document, then counts."""
    from rich.text import Text

    stats = doc.stats
    heading = Text(escaped(doc.source) if doc.source != "-" else "standard input", style="bold")
    if doc.id and doc.id != doc.source:
        heading.append(f" [{escaped(doc.id)}]", style="bold")
    heading.append(
        f"  {_count(stats['claims'], 'claim')} · {_count(stats['sentences'], 'sentence')}",
        style="dim",
    )
    if doc.content_type != PLAIN_TEXT:
        heading.append(f" · {doc.content_type}", style="dim")
    return heading


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _plain(value: str) -> Text:
    """Wrap user text in ``Text`` so brackets in articles are never read as Rich markup."""
    from rich.text import Text

    return Text(printable(value))


def _name_cell(name: str) -> Text:
    from rich.text import Text

    if not name:
        return Text(UNATTRIBUTED, style="dim")
    return Text(printable(name), style="bold")


def _stance_cell(claim: Claim) -> Text:
    """The stance once, then the Arabic cue, then its English gloss when the gloss is not
    the stance again ("point out" says more than "report"; "deny" does not)."""
    from rich.text import Text

    cell = Text(claim.stance, style="cyan")
    if claim.negated:
        cell.append("\nnegated", style="bold red")
    cell.append("\n" + printable(claim.cue.text))
    gloss = " ".join(claim.gloss.split())
    if gloss and gloss.lower() != claim.stance:
        cell.append(f"\n{gloss}", style="dim")
    return cell


def _content_cell(claim: Claim) -> Text:
    from rich.text import Text

    cell = Text(trim(claim.content.text))
    if claim.direct_quote:
        cell.append("\n(direct quote)", style="dim")
    return cell


def renderer_for(fmt: str, with_text: bool = False) -> Callable[[Document], str] | None:
    """The function that turns a document into ``fmt`` text, for workers to run so that
    only text travels back (``None`` for tables, which need the whole document)."""
    chosen = format_named(fmt)
    if chosen.rendered is None:
        return None
    render = chosen.load("rendered")
    return partial(render, with_text=True) if with_text and chosen.carries_text else render


def make_writer(
    fmt: str,
    out: TextIO,
    *,
    console: Console | None = None,
    flush_each: bool = True,
    with_text: bool = False,
) -> DocumentWriter:
    """The streaming writer for ``fmt`` (a name in :mod:`claimx.io.formats`). ``flush_each``:
    flush after every document, so that a reader at the other end of a pipe sees it at once."""
    opened: DocumentWriter = format_named(fmt).load("documents")(
        out, console=console, flush_each=flush_each, with_text=with_text
    )
    return opened
