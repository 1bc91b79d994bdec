"""``claimx extract``: the claims of every document, written as soon as each is done."""

from __future__ import annotations

import contextlib
import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimx.cli.app import EXIT_FAILED, PROG, FailureLines, app, fail, stopped, usage_error
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
from claimx.corpus.run import Engine, Reading, Workers
from claimx.io.formats import FORMATS, FormatChoice, OutputFormat
from claimx.io.inputs import InputFormat
from claimx.io.output import is_terminal
from claimx.io.records import DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD

if TYPE_CHECKING:
    from claimx.corpus.progress import RunStats


@app.command(
    short_help="Find who says what in Arabic news texts (table, JSON, JSONL or CSV).",
    help=(
        "Find attributed claims in Arabic news texts and show who says what. The table shows,"
        " for each claim, the speaker (an English label and the Arabic words), the reporting "
        "word (cue) with its English gloss and stance, whether it is negated, what is claimed"
        " (content) and the channel (e.g. a newspaper or a statement). Files may be UTF-8 "
        "(with or without BOM) or an older encoding such as Windows-1256, which is detected "
        "automatically (a note says so). Whole corpora (folders, JSONL dumps, JSON arrays of "
        "articles) are streamed: each document carries its id (its path, or the id field), "
        "results come in input order as soon as they are done, on every CPU (--jobs) or a "
        "Dask cluster (--engine dask), with a progress bar when stderr is a terminal. Inputs "
        "that cannot be read (a missing file, an undecodable file, a malformed JSONL line) "
        "are reported one per line on stderr with their path and line number (an error "
        "repeated record after record: three times, then counted); the others are still "
        "processed, and the exit status is then 1. Ctrl-C stops the workers and leaves no "
        "--output file."
    ),
)
def extract(
    paths: PathsArg = None,
    fmt: Annotated[
        FormatChoice | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "Output format: table (readable), json (an array of documents, always, "
                "even of one), jsonl (one document per line, written as soon as it is "
                "done) or csv (one claim per row, opens in spreadsheets). Default: from "
                "the --output extension (.json, .jsonl, .csv, .txt for a table), else table. "
                "An input that fails leaves a record with its error in json, jsonl and csv."
            ),
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    as_json: JsonFlag = False,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help=(
                "Write the result to this file instead of the screen, in the format its "
                "extension names (.json, .jsonl, .csv, .txt) unless --format is given. It is "
                "written to a temporary file first and renamed at the end, so an "
                "interrupted run never leaves a truncated file behind."
            ),
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = DEFAULT_TEXT_FIELD,
    id_field: IdFieldOption = DEFAULT_ID_FIELD,
    glob: GlobOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    quiet: QuietOption = False,
    chunk_size: ChunkOption = None,
    encoding: EncodingOption = None,
    with_text: Annotated[
        bool,
        typer.Option(
            "--with-text",
            help=(
                "json/jsonl: include each document's text, the text the offsets index "
                "(for an HTML page, its extracted article text)."
            ),
        ),
    ] = False,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
) -> None:
    chosen = output_format(fmt, as_json, output)
    if with_text and not chosen.carries_text:
        carrying = " or ".join(f.name for f in FORMATS if f.carries_text)
        usage_error(f"--with-text needs --format {carrying}, not {chosen.name}")
    engine_check(engine, scheduler)
    sources = input_paths(paths, "extract")
    read = reading(input_format, glob, text_field, id_field, max_chars, encoding)
    settings = workers(engine, jobs, scheduler, chunk_size)
    from claimx.corpus.batch import EngineError

    try:
        stats = _write_corpus(sources, read, settings, chosen, output, quiet, with_text)
    except EngineError as exc:
        fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt as exc:  # the output file is already removed by now
        stopped(exc, output)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)


def _write_corpus(sources: list[str], read: Reading, settings: Workers, fmt: OutputFormat,
                  output: Path | None, quiet: bool, with_text: bool) -> RunStats:
    """Every document's claims, written in input order as they come, with progress; a
    failed document is reported on its own line and leaves a failure record in its place,
    never stopping the others."""
    from claimx.corpus.batch import Rendered
    from claimx.corpus.progress import ProgressBar, RunStats
    from claimx.corpus.run import corpus_bytes, counted, run_corpus
    from claimx.io.output import guarded_stdout, open_output
    from claimx.io.render import make_writer, renderer_for

    stats = RunStats()
    failures = FailureLines()
    show_progress = not quiet and is_terminal(sys.stderr)
    # Results printed on the same terminal must go above the bar, not through it.
    shared_screen = show_progress and output is None and is_terminal(sys.stdout)
    bar = ProgressBar(stats, partial(corpus_bytes, sources, read),
                      redirect_stdout=shared_screen) if show_progress else None
    with open_output(output, machine=fmt.for_programs, inputs=sources,
                     input_format=read.input_format, glob=read.glob) as out:
        if shared_screen:
            out = guarded_stdout()
        console = None if fmt.for_programs else table_console(out, to_file=output is not None)
        writer: Any = make_writer(fmt.name, out, console=console, flush_each=output is None,
                                  with_text=with_text)
        render = renderer_for(fmt.name, with_text)  # workers send text back, not documents
        outcomes = counted(run_corpus(sources, read, settings, render=render), stats,
                           failures, bar)
        try:
            with contextlib.closing(outcomes):
                for outcome in outcomes:
                    if isinstance(outcome.result, Rendered):
                        writer.write_rendered(outcome.result.text)
                    elif outcome.failed:
                        writer.write_failure(outcome.result)  # in its place, not only on stderr
                    else:
                        writer.write(outcome.result)
                writer.close()
        finally:
            if bar is not None:
                bar.close()
    failures.close()
    if not quiet and stats.documents > 1 and (stats.failed or (bar is not None and bar.shown)):
        print(f"{PROG}: {stats.summary()}", file=sys.stderr, flush=True)
    return stats
