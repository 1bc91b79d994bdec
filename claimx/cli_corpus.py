"""``claimx speakers`` and ``claimx claims``: an archive at a glance.

The same inputs, engines and error handling as ``claimx extract``; workers send back each
document's claims as small mention records, folded here in input order into the aggregates
(:mod:`claimx.corpus.aggregate`), which are written once the corpus is read.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimx.cli import (
    DEFAULT_MAX_CHARS,
    EXIT_FAILED,
    EXIT_INTERRUPTED,
    EXIT_TERMINATED,
    PROG,
    EncodingOption,
    Engine,
    EngineOption,
    GlobOption,
    IdFieldOption,
    JobsOption,
    OutputFormat,
    PathsArg,
    SchedulerOption,
    TextFieldOption,
    _check_jobs,
    _checked_encoding,
    _CorpusReader,
    _default_paths,
    _error,
    _fail,
    _is_terminal,
    _open_output,
    _resolve_format,
    _results,
    _table_console,
    _Terminated,
    _usage_error,
    app,
)
from claimx.io.textio import DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD, InputFormat

if TYPE_CHECKING:
    from claimx.corpus.aggregate.mentions import Mention
    from claimx.corpus.progress import RunStats

TABLE_ROWS = 40  # rows a table shows unless --top says otherwise


class SpeakerSort(StrEnum):
    claims = "claims"
    documents = "documents"
    key = "key"
    kind = "kind"
    first = "first"
    last = "last"


FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help=(
            "table, json (one object: summary, rows, failures), jsonl (one row per line) or "
            "csv. Default: from the --output extension, else table."
        ),
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="Write to this file (format from its extension unless --format is given); "
             "written whole at the end, never left half-written.",
    ),
]
InputFormatOption = Annotated[
    InputFormat,
    typer.Option("--input-format", "-i", case_sensitive=False,
                 help="auto, text or jsonl, as for 'claimx extract'."),
]
TopOption = Annotated[
    int | None,
    typer.Option(
        "--top", min=1, metavar="N", show_default=False,
        help=f"Keep the first N rows (default: all; a table shows {TABLE_ROWS}).",
    ),
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
]
MaxCharsOption = Annotated[
    int, typer.Option("--max-chars", min=1, metavar="N",
                      help="Skip (and report) any document longer than N characters."),
]
ChunkOption = Annotated[
    int | None,
    typer.Option("--chunk-size", min=1, hidden=True, help="Documents per worker task."),
]


@app.command(
    short_help="Who speaks across a corpus: one row per speaker, with kinds and stances.",
    help=(
        "Aggregate the claims of many documents by speaker: one row per speaker key (the "
        "mentions of one speaker across documents, e.g. «قسد» and «قوات سوريا الديمقراطية»), "
        "with its kind (person, organisation, anonymous, document, unresolved), Arabic and "
        "English labels and most frequent wordings, documents, claims, claims per stance, "
        "top channels, and first and last date when JSONL records carry a date (a \"date\" "
        "field, or \"meta\": {\"date\"}). A summary line gives the share of claims from "
        "anonymous sources. Same inputs, engines and error handling as 'claimx extract'; "
        "claimx's own JSON or JSONL output is read back instead of extracting again."
    ),
)
def speakers(
    paths: PathsArg = None,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    output: OutputOption = None,
    sort: Annotated[
        SpeakerSort,
        typer.Option("--sort", case_sensitive=False,
                     help="Order rows by claims, documents, key, kind, first or last date."),
    ] = SpeakerSort.claims,
    top: TopOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = DEFAULT_TEXT_FIELD,
    id_field: IdFieldOption = DEFAULT_ID_FIELD,
    glob: GlobOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    encoding: EncodingOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    quiet: QuietOption = False,
    chunk_size: ChunkOption = None,
) -> None:
    chosen = _resolve_format(fmt, as_json, output)
    corpus = _reader(paths, "speakers", input_format, glob, text_field, id_field, max_chars,
                     encoding, engine, scheduler)
    from claimx.corpus.aggregate.render import write_speakers
    from claimx.corpus.aggregate.speakers import SpeakerTable

    table = SpeakerTable()
    failures, stats = _fold(corpus, table.add_document, engine, _check_jobs(jobs), scheduler,
                            chunk_size, quiet)
    rows = table.sorted_rows(sort.value)
    rows = rows[: _limit(top, chosen)]
    with _open_output(output, machine=chosen != "table", inputs=corpus.sources,
                      input_format=input_format, glob=glob) as out:
        console = _table_console(out, to_file=output is not None) if chosen == "table" else None
        write_speakers(table, rows, chosen, out, failures, console)
    _finish(stats, quiet, table.summary_line())


@app.command(
    short_help="The same claim across documents, and disputes between speakers.",
    help=(
        "Group the claims of many documents: mentions of one claim (the same speaker, or "
        "one unnamed in some, and near-duplicate content: MinHash LSH over the content's "
        "words, checked by exact Jaccard similarity) become one group with its text, "
        "speaker, stance and every mention (document id, outlet when the JSONL record has "
        "one, claim id, offsets), most widely carried first. With --disputes, list "
        "disputes instead: a denial (or a negated cue) and an assertion, report or "
        "allegation by a different speaker about the same matter, in one document or "
        "across the corpus, surest first (JSON then lists the groups they oppose, with "
        "every mention). Same inputs, engines and error handling as "
        "'claimx extract'; claimx's own JSON or JSONL output is read back instead of "
        "extracting again."
    ),
)
def claims(
    paths: PathsArg = None,
    disputes: Annotated[
        bool, typer.Option("--disputes", help="List disputes between speakers.")
    ] = False,
    fmt: FormatOption = None,
    as_json: JsonFlag = False,
    output: OutputOption = None,
    similarity: Annotated[
        float,
        typer.Option("--similarity", min=0.1, max=1.0, metavar="X",
                     help="Jaccard similarity of content words from which two mentions "
                          "are one claim."),
    ] = 0.5,
    min_score: Annotated[
        float,
        typer.Option("--min-score", min=0.0, max=1.0, metavar="X",
                     help="With --disputes: the lowest score listed (1 is surest)."),
    ] = 0.3,
    min_mentions: Annotated[
        int,
        typer.Option("--min-mentions", min=1, metavar="N",
                     help="List only claims with at least N mentions."),
    ] = 1,
    top: TopOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = DEFAULT_TEXT_FIELD,
    id_field: IdFieldOption = DEFAULT_ID_FIELD,
    glob: GlobOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    encoding: EncodingOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    quiet: QuietOption = False,
    chunk_size: ChunkOption = None,
) -> None:
    chosen = _resolve_format(fmt, as_json, output)
    corpus = _reader(paths, "claims", input_format, glob, text_field, id_field, max_chars,
                     encoding, engine, scheduler)
    from claimx.corpus.aggregate.disputes import find_disputes
    from claimx.corpus.aggregate.groups import ClaimGroups
    from claimx.corpus.aggregate.render import write_groups

    with ClaimGroups(similarity) as groups:
        failures, stats = _fold(corpus, groups.add_document, engine, _check_jobs(jobs),
                                scheduler, chunk_size, quiet)
        limit = _limit(top, chosen)
        found = find_disputes(groups, min_score)[:limit] if disputes else None
        if found is not None:  # the groups the disputes oppose, with their mentions
            chosen_groups = list({g.index: g for d in found for g in (d.denial, d.claim)}
                                 .values())
        else:
            chosen_groups = sorted(
                (g for g in groups if g.mentions >= min_mentions),
                key=lambda g: (-g.documents, -g.mentions, g.index),
            )[:limit]
        with _open_output(output, machine=chosen != "table", inputs=corpus.sources,
                          input_format=input_format, glob=glob) as out:
            console = _table_console(out, to_file=output is not None) \
                if chosen == "table" else None
            write_groups(groups, chosen_groups, chosen, out, failures, console, found)
        summary = groups.summary()
    line = (f"{summary['groups']:,} claims, {summary['mentions']:,} mentions, "
            f"{summary['groups_in_several_documents']:,} in several documents")
    if found is not None:
        line += f"; {len(found):,} disputes listed"
    _finish(stats, quiet, line)


def _reader(paths: list[str] | None, command: str, input_format: InputFormat,
            glob: str | None, text_field: str, id_field: str, max_chars: int,
            encoding: str | None, engine: Engine, scheduler: str | None) -> _CorpusReader:
    if engine is Engine.dask:
        from claimx.cli import _require_dask

        _require_dask()
    if scheduler is not None and engine is not Engine.dask:
        _usage_error("--scheduler needs --engine dask")
    sources = _default_paths(paths, command)
    return _CorpusReader(sources, input_format, glob, text_field, id_field, max_chars,
                         _checked_encoding(encoding))


def _limit(top: int | None, fmt: str) -> int | None:
    return top if top is not None else (TABLE_ROWS if fmt == "table" else None)


def _fold(corpus: _CorpusReader, consume: Callable[[tuple[Mention, ...]], None],
          engine: Engine, jobs: int, scheduler: str | None, chunk_size: int | None,
          quiet: bool) -> tuple[list[dict[str, Any]], RunStats]:
    """Hand every document's mentions to ``consume``, in input order: claimx's own JSON or
    JSONL output is read back, other inputs are extracted (consecutive ones by one engine
    run). A failed input is reported on stderr and listed, and the others go on."""
    from claimx.corpus.batch import EngineError
    from claimx.corpus.progress import ProgressBar, RunStats
    from claimx.io.readback import is_claimx_output

    stats = RunStats()
    bar = ProgressBar(stats, corpus.total_bytes) if not quiet and _is_terminal(sys.stderr) \
        else None
    failures: list[dict[str, Any]] = []
    try:
        for read_back, group in _runs(corpus.sources, is_claimx_output):
            if read_back:
                _fold_output(group, consume, stats, failures)
            else:
                part = _CorpusReader(group, corpus.input_format, corpus.glob, *corpus.fields,
                                     corpus.max_chars, corpus.encoding)
                _fold_extracted(part, consume, engine, jobs, scheduler, chunk_size, stats,
                                failures, bar)
    except EngineError as exc:
        _fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt as exc:
        terminated = isinstance(exc, _Terminated)
        _fail("terminated" if terminated else "interrupted",
              EXIT_TERMINATED if terminated else EXIT_INTERRUPTED)
    finally:
        if bar is not None:
            bar.close()
    return failures, stats


def _runs(paths: list[str], is_output: Callable[[str], bool]) -> list[tuple[bool, list[str]]]:
    """The paths in order, in runs of claimx output files and of other inputs."""
    runs: list[tuple[bool, list[str]]] = []
    for path in paths:
        kind = is_output(path)
        if runs and runs[-1][0] == kind:
            runs[-1][1].append(path)
        else:
            runs.append((kind, [path]))
    return runs


def _fold_extracted(corpus: _CorpusReader, consume: Callable[[tuple[Mention, ...]], None],
                    engine: Engine, jobs: int, scheduler: str | None, chunk_size: int | None,
                    stats: RunStats, failures: list[dict[str, Any]], bar: Any) -> None:
    from claimx.corpus.aggregate.mentions import mentions_of
    from claimx.corpus.batch import Rendered
    from claimx.io.render import failure_dict

    results = _results(corpus, engine, jobs, scheduler, chunk_size, mentions_of)
    with contextlib.closing(results):
        for result in results:
            nbytes = corpus.sizes.popleft() if corpus.sizes else 0
            if isinstance(result, Rendered):
                consume(result.text)
                stats.add(nbytes=nbytes, claims=result.claims)
            else:
                _error(str(result))
                failures.append(failure_dict(result))
                stats.add(nbytes=nbytes, failed=True)
            if bar is not None:
                bar.update()


def _fold_output(paths: list[str], consume: Callable[[tuple[Mention, ...]], None],
                 stats: RunStats, failures: list[dict[str, Any]]) -> None:
    """claimx output read back: the claims as they were extracted (a large run need not be
    repeated); a failure record or a bad record is reported and listed."""
    from claimx.corpus.aggregate.mentions import mentions_of
    from claimx.io.readback import read_documents
    from claimx.model import failure_record

    for path in paths:
        def failed(message: str, path: str = path) -> None:
            _error(message)
            failures.append(failure_record(path, path, None, message))
            stats.add(nbytes=0, failed=True)

        for doc in read_documents(path, failed):
            mentions = mentions_of(doc)
            consume(mentions)
            stats.add(nbytes=0, claims=len(mentions))


def _finish(stats: RunStats, quiet: bool, line: str) -> None:
    if not quiet and _is_terminal(sys.stderr):
        print(f"{PROG}: {stats.summary()}; {line}", file=sys.stderr, flush=True)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)
