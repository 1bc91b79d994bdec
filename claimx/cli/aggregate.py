"""``claimx speakers`` and ``claimx claims``: an archive at a glance.

The same inputs, engines and error handling as ``claimx extract``; workers send back each
document's claims as small mention records, folded here in input order into the aggregates
(:mod:`claimx.corpus.aggregate`), which are written once the corpus is read. claimx's own
JSON or JSONL output is read back instead of extracted again.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer

from claimx.cli.app import EXIT_FAILED, PROG, FailureLines, app, fail, stopped
from claimx.cli.options import (
    DEFAULT_MAX_CHARS,
    ChunkOption,
    EncodingOption,
    EngineOption,
    GlobOption,
    IdFieldOption,
    InputFormatOption,
    JobsOption,
    JsonFlag,
    MaxCharsOption,
    PathsArg,
    QuietOption,
    SchedulerOption,
    TextFieldOption,
    engine_check,
    input_paths,
    output_format,
    reading,
    table_console,
    workers,
)
from claimx.corpus.run import Engine
from claimx.io.formats import FormatChoice, OutputFormat
from claimx.io.inputs import InputFormat
from claimx.io.output import check_output, is_terminal
from claimx.io.records import DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD

if TYPE_CHECKING:
    from rich.console import Console

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


def _format_option(json_keys: str) -> object:
    """--format, its help naming the keys the command's JSON holds."""
    return typer.Option(
        "--format", "-f", case_sensitive=False, show_default=False,
        help=(f"table, json (one object: {json_keys}), jsonl (one row of it per line, then "
              "a line per failure) or csv. Default: from the --output extension, else table."),
    )


SpeakersFormatOption = Annotated[FormatChoice | None, _format_option(
    "schema, summary, failures, and speakers, one row per speaker with speaker_key, "
    "speaker_kind, arabic, english, forms, documents, claims, by_stance, negated, channels, "
    "first_date, last_date")]
ClaimsFormatOption = Annotated[FormatChoice | None, _format_option(
    "schema, summary, failures, and groups, one per claim with id, text, speaker_key, "
    "speaker_kind, speaker, speaker_label, stance, negated, mentions, documents, outlets and "
    "places (document_id, claim_id, outlet, date, speaker_key, stance, negated, content "
    "offsets); with --disputes also disputes, each with score, evidence, matter, "
    "within_document, documents, and the denial and claim groups")]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output", "-o", metavar="FILE", show_default=False,
        help="Write to this file (format from its extension unless --format is given); "
             "written whole at the end, never left half-written.",
    ),
]
TopOption = Annotated[
    int | None,
    typer.Option(
        "--top", min=1, metavar="N", show_default=False,
        help=f"Keep the first N rows (default: all; a table shows {TABLE_ROWS}).",
    ),
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
    fmt: SpeakersFormatOption = None,
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
    corpus = _Corpus("speakers", paths, output_format(fmt, as_json, output), output, engine,
                     scheduler, jobs, chunk_size, input_format, glob, text_field, id_field,
                     max_chars, encoding)
    from claimx.corpus.aggregate.speakers import SpeakerTable

    table = SpeakerTable()
    failures, stats = _fold(corpus, table.add_document, quiet)
    rows = table.sorted_rows(sort.value)[: corpus.limit(top)]
    with corpus.written() as (out, console):
        corpus.fmt.load("speakers")(table, rows, out, failures, console)
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
    fmt: ClaimsFormatOption = None,
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
    corpus = _Corpus("claims", paths, output_format(fmt, as_json, output), output, engine,
                     scheduler, jobs, chunk_size, input_format, glob, text_field, id_field,
                     max_chars, encoding)
    from claimx.corpus.aggregate.disputes import find_disputes
    from claimx.corpus.aggregate.groups import ClaimGroups

    with ClaimGroups(similarity) as groups:
        failures, stats = _fold(corpus, groups.add_document, quiet)
        limit = corpus.limit(top)
        found = find_disputes(groups, min_score)[:limit] if disputes else None
        if found is not None:  # the groups the disputes oppose, with their mentions
            chosen_groups = list({g.index: g for d in found for g in (d.denial, d.claim)}
                                 .values())
        else:
            chosen_groups = sorted(
                (g for g in groups if g.mentions >= min_mentions),
                key=lambda g: (-g.documents, -g.mentions, g.index),
            )[:limit]
        with corpus.written() as (out, console):
            corpus.fmt.load("groups")(groups, chosen_groups, out, failures, console, found)
        summary = groups.summary()
    line = (f"{summary['groups']:,} claims, {summary['mentions']:,} mentions, "
            f"{summary['groups_in_several_documents']:,} in several documents")
    if found is not None:
        line += f"; {len(found):,} disputes listed"
    _finish(stats, quiet, line)


class _Corpus:
    """The inputs of one aggregate command, checked in the order ``extract`` checks them,
    and where its result is written."""

    def __init__(self, command: str, paths: list[str] | None, fmt: OutputFormat,
                 output: Path | None, engine: Engine, scheduler: str | None, jobs: int | None,
                 chunk_size: int | None, input_format: InputFormat, glob: str | None,
                 text_field: str, id_field: str, max_chars: int, encoding: str | None) -> None:
        engine_check(engine, scheduler)
        self.fmt = fmt
        self.output = output
        self.sources = input_paths(paths, command)
        self.read = reading(input_format, glob, text_field, id_field, max_chars, encoding)
        self.settings = workers(engine, jobs, scheduler, chunk_size)
        check_output(output, self.sources, input_format, glob)

    def limit(self, top: int | None) -> int | None:
        return top if top is not None else (None if self.fmt.for_programs else TABLE_ROWS)

    @contextlib.contextmanager
    def written(self) -> Iterator[tuple[TextIO, Console | None]]:
        """The output stream, and the console a table is drawn on."""
        from claimx.io.output import open_output

        with open_output(self.output, machine=self.fmt.for_programs, inputs=self.sources,
                         input_format=self.read.input_format, glob=self.read.glob) as out:
            console = None if self.fmt.for_programs \
                else table_console(out, to_file=self.output is not None)
            yield out, console


def _fold(corpus: _Corpus, consume: Callable[[tuple[Mention, ...]], None], quiet: bool
          ) -> tuple[list[dict[str, Any]], RunStats]:
    """Hand every document's mentions to ``consume``, in input order (claimx output read
    back, other inputs extracted); a failed input is reported on stderr and listed, and the
    others go on."""
    from claimx.corpus.aggregate.mentions import mentions_of
    from claimx.corpus.batch import EngineError, Rendered
    from claimx.corpus.progress import ProgressBar, RunStats
    from claimx.corpus.run import corpus_bytes, counted, run_corpus

    stats = RunStats()
    bar = ProgressBar(stats, partial(corpus_bytes, corpus.sources, corpus.read)) \
        if not quiet and is_terminal(sys.stderr) else None
    failures: list[dict[str, Any]] = []
    told = FailureLines()
    outcomes = run_corpus(corpus.sources, corpus.read, corpus.settings, render=mentions_of,
                          read_back=True)
    try:
        with contextlib.closing(counted(outcomes, stats, told, bar)) as counting:
            for outcome in counting:
                if outcome.failed:
                    failures.append(outcome.failure_record())
                elif isinstance(outcome.result, Rendered):
                    consume(outcome.result.text)  # type: ignore[arg-type]
                else:
                    consume(mentions_of(outcome.result))  # type: ignore[arg-type]
    except EngineError as exc:
        fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt as exc:
        stopped(exc)
    finally:
        if bar is not None:
            bar.close()
    told.close()
    return failures, stats


def _finish(stats: RunStats, quiet: bool, line: str) -> None:
    if not quiet and is_terminal(sys.stderr):
        print(f"{PROG}: {stats.summary()}; {line}", file=sys.stderr, flush=True)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)
