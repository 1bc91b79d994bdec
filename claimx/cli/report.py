"""``claimx report``: one self-contained HTML page showing the claims in their articles."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import Annotated

import typer

from claimx.cli.app import EXIT_FAILED, PROG, FailureLines, app, fail, note, usage_error
from claimx.cli.options import (
    DEFAULT_MAX_CHARS,
    EncodingOption,
    EngineOption,
    GlobOption,
    IdFieldOption,
    InputFormatOption,
    JobsOption,
    MaxCharsOption,
    PathsArg,
    SchedulerOption,
    TextFieldOption,
    engine_check,
    input_paths,
    page_output,
    reading,
    workers,
)
from claimx.corpus.run import Engine
from claimx.io.inputs import InputFormat
from claimx.io.output import check_output, is_terminal
from claimx.io.records import DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD
from claimx.report import MAX_DOCUMENTS


@app.command(
    short_help="Write one self-contained HTML page showing the claims in their articles.",
    help=(
        "Write an HTML report: each article right to left with every claim's speaker, "
        "cue, content and channel highlighted (one color per stance, English labels on "
        "hover), a list of claims beside it (click one to find it in the text), and for "
        "several documents an index with filters by stance, speaker and outlet, a "
        "speaker summary and a stance chart. Takes the same inputs and engines as "
        "'claimx extract', and also claimx's own JSON or JSONL output (so a large run "
        "need not be repeated; the articles are read again from their source files, if they "
        "are among the inputs or below a --text-from folder). "
        "The page is one file that needs no network; article text is escaped, never run."
    ),
)
def report(
    paths: PathsArg = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", metavar="FILE", show_default=False,
                     help="The HTML file to write (default: standard output)."),
    ] = None,
    title: Annotated[
        str, typer.Option("--title", metavar="TEXT", help="The page title.")
    ] = "claimx report",
    input_format: InputFormatOption = InputFormat.auto,
    text_field: TextFieldOption = DEFAULT_TEXT_FIELD,
    id_field: IdFieldOption = DEFAULT_ID_FIELD,
    glob: GlobOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    encoding: EncodingOption = None,
    max_chars: MaxCharsOption = DEFAULT_MAX_CHARS,
    text_from: Annotated[
        list[Path] | None,
        typer.Option("--text-from", metavar="DIR", exists=True, file_okay=False,
                     help="A folder whose files claimx output may name as its articles "
                          "(repeatable); otherwise only the inputs given are read again."),
    ] = None,
    page_size: Annotated[
        int, typer.Option("--page-size", min=1, metavar="N",
                          help="Documents per page of the corpus index."),
    ] = 50,
    max_documents: Annotated[
        int, typer.Option("--max-documents", min=1, metavar="N",
                          help="Articles the page holds, the first N; later documents count "
                               "in its totals, chart and speakers, and the page says so."),
    ] = MAX_DOCUMENTS,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line.")
    ] = False,
) -> None:
    engine_check(engine, scheduler)
    if output is None and is_terminal(sys.stdout):
        usage_error("name the HTML file with --output FILE (or redirect standard output)")
    sources = input_paths(paths, "report")
    read = reading(input_format, glob, text_field, id_field, max_chars, encoding)
    settings = workers(engine, jobs, scheduler)
    check_output(output, sources, input_format, glob)
    page_output(output)
    from claimx.corpus.batch import EngineError
    from claimx.corpus.run import run_corpus
    from claimx.io.output import open_output
    from claimx.report import render_report
    from claimx.report.access import Named
    from claimx.report.sources import Counted, Options, collect

    folders = tuple(str(folder) for folder in text_from or ())
    told = FailureLines()
    options = Options(input_format, text_field, id_field, read.encoding, on_error=told,
                      on_note=note, named=Named(sources, folders), text_from=folders,
                      max_chars=max_chars)
    counts = Counted()
    try:
        with contextlib.closing(run_corpus(sources, read, settings, read_back=True)) as outcomes:
            docs = counts.of(collect(outcomes, options, with_text=max_documents))
            page = render_report(docs, title=title, page_size=page_size,
                                 max_documents=max_documents)
    except EngineError as exc:
        fail(str(exc), EXIT_FAILED)
    told.close()
    with open_output(
        output, machine=True, inputs=sources, input_format=input_format, glob=glob
    ) as out:
        out.write(page)
    if not quiet and output is not None:
        shown = ("" if counts.documents <= max_documents
                 else f"; the page shows the first {max_documents:,}")
        print(f"{PROG}: wrote {output} ({counts.documents} documents, {counts.claims} claims"
              f"{shown})", file=sys.stderr, flush=True)
    if options.failed:
        raise typer.Exit(EXIT_FAILED)
