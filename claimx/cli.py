"""The ``claimx`` command line: a thin layer over textio, extract, render, report and evaluate.

Every failure a user can cause is reported as one line on stderr
(``claimx: error: ...``) with no traceback; set ``CLAIMX_DEBUG=1`` to see the
traceback of an unexpected internal error. Exit codes: 0 success, 1 some
input failed (or a quality threshold was not met), 2 usage or gold-file error.
Heavy modules (Rich, CAMeL Tools, the extractor) are imported inside commands
so that ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import contextlib
import importlib
import os
import signal
import sys
import tempfile
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from claimx import __version__
from claimx.io.textio import DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD, InputFormat

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.corpus.batch import Rendered
    from claimx.corpus.progress import RunStats
    from claimx.io.textio import InputError, InputItem, InputText
    from claimx.model import Document

PROG = "claimx"
DEBUG_ENV = "CLAIMX_DEBUG"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143
FILE_TABLE_WIDTH = 120  # Rich would wrap tables written to a file at 80 columns

DEFAULT_MAX_CHARS = 5_000_000  # characters; a longer document is reported and skipped


class OutputFormat(StrEnum):
    """Formats of ``claimx extract``."""

    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class ReportFormat(StrEnum):
    """Formats of ``claimx tokens`` and ``claimx eval``."""

    table = "table"
    json = "json"


class _ClaimxGroup(TyperGroup):
    """Turns every error into one ``claimx: error:`` line instead of Rich panels or
    tracebacks; applies to the installed command and to Typer's test runner alike."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> Any:
            return super(_ClaimxGroup, self).main(
                args=args,
                prog_name=prog_name or PROG,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )

        if not standalone_mode:
            return run()
        sys.exit(_run_guarded(run))


class _Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up runs (workers stopped,
    temporary output removed)."""


def _on_sigterm(signum: int, frame: Any) -> None:
    raise _Terminated


def _run_guarded(run: Callable[[], Any]) -> int:
    """Run the command and map every outcome to an exit code."""
    previous = None
    with contextlib.suppress(ValueError):  # only possible in the main thread
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        return _outcome(run)
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _outcome(run: Callable[[], Any]) -> int:
    try:
        result = run()
    except typer.TyperException as exc:  # usage errors and Typer's own user errors
        _error(_usage_message(exc))
        return exc.exit_code
    except typer.Abort:
        _error("aborted")
        return EXIT_FAILED
    except OutputFailed as exc:
        return _output_failed(exc)
    except _Terminated:
        _error("terminated")
        return EXIT_TERMINATED
    except KeyboardInterrupt:
        _error("interrupted")
        return EXIT_INTERRUPTED
    except Exception as exc:
        if isinstance(exc, OSError) and _is_write_failure(exc):
            return _output_failed(OutputFailed(STDOUT, exc))
        if os.environ.get(DEBUG_ENV):
            raise
        _error(f"internal error: {_describe(exc)} (set {DEBUG_ENV}=1 to see the traceback)")
        return EXIT_FAILED
    return result if isinstance(result, int) else EXIT_OK


def _is_write_failure(exc: OSError) -> bool:
    """Errors that only writing produces: what ``tokens`` and ``eval`` print failed (their
    inputs' errors are reported where they are read)."""
    import errno

    return exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EPIPE)


def _output_failed(exc: OutputFailed) -> int:
    """The output itself failed: say so in one line, except for a closed pipe (``| head``),
    which is how a reader says it has seen enough."""
    import errno

    if exc.to_stdout:
        _silence_stdout()  # what is still buffered would fail again at exit
    if exc.error.errno != errno.EPIPE:
        _error(str(exc))
    return EXIT_FAILED


def _silence_stdout() -> None:
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


app = typer.Typer(
    name=PROG,
    cls=_ClaimxGroup,
    help=(
        "Extract attributed claims from Arabic news text: who says what, with which "
        "stance (assert, deny, report, opinion, allege, predict) and through which "
        "channel (a newspaper, a TV interview, a statement...). Results come in English "
        "labels next to the original Arabic words, as a table or as JSON, JSONL or CSV."
    ),
    epilog=(
        "\b\nExamples:\n"
        "  claimx extract article.txt\n"
        "  claimx extract articles/ --format csv --output claims.csv\n"
        "  cat article.txt | claimx extract --json\n"
        "  claimx extract archive.jsonl --text-field body --id-field url -f jsonl -o claims.jsonl\n"
        "  claimx extract archive/ --glob '*.jsonl' --engine dask --scheduler tcp://HOST:8786\n"
        "  claimx speakers archive.jsonl --sort documents -o speakers.csv\n"
        "  claimx claims archive.jsonl --disputes --json\n"
        "  claimx COMMAND --help    (details of one command)"
    ),
    add_completion=False,
    rich_markup_mode=None,
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version_callback(value: bool) -> None:
    if value:
        typer.echo(f"{PROG} {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the claimx version and exit.",
            callback=_version_callback,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Show the overview when no command is given."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


# --- extract --------------------------------------------------------------------


class Engine(StrEnum):
    """Where ``claimx extract`` runs: local processes, or a Dask cluster."""

    local = "local"
    dask = "dask"


PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help=(
            "Text files, JSONL files (one article per line, detected by the .jsonl "
            "suffix), folders (every *.txt file inside, including sub-folders, in name "
            "order; hidden files are skipped; see --glob), or - for standard input. "
            "With no path, claimx reads standard input when text is piped in."
        ),
        metavar="PATH",
        show_default=False,
    ),
]


# Options extract and report share, defined once so their help stays the same.
TextFieldOption = Annotated[
    str,
    typer.Option("--text-field", help="JSONL: the field holding the article text.",
                 metavar="NAME"),
]

IdFieldOption = Annotated[
    str,
    typer.Option(
        "--id-field",
        help=(
            "JSONL: the field holding the document id, copied to the output; "
            "records without it are named PATH:LINE."
        ),
        metavar="NAME",
    ),
]

GlobOption = Annotated[
    str | None,
    typer.Option(
        "--glob",
        help=(
            "Which files to take inside folders (matched against file names, "
            "ignoring case; a pattern with / is matched against the path inside the "
            "folder). Default: *.txt, or *.jsonl with --input-format jsonl."
        ),
        metavar="PATTERN",
        show_default=False,
    ),
]

JobsOption = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help=(
            "Worker processes (default: the number of CPUs; 1 runs in this process). "
            "With --engine dask and no --scheduler, the number of local Dask workers."
        ),
        min=1,
        metavar="N",
        show_default=False,
    ),
]

EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help=(
            "local (processes on this machine) or dask (a Dask cluster; needs "
            "the claimx[dask] extra: uv sync --extra dask in a clone). Output is "
            "identical either way."
        ),
        case_sensitive=False,
    ),
]

SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        help=(
            "With --engine dask: the scheduler address (e.g. tcp://10.0.0.5:8786). "
            "Default: a local cluster started for this run."
        ),
        metavar="ADDRESS",
        show_default=False,
    ),
]

EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        "-e",
        metavar="NAME",
        help=(
            "Decode text files with this encoding (e.g. cp1256, iso8859-6, utf-16) "
            "instead of detecting it; bytes it cannot decode are reported with their "
            "offset. JSONL is always UTF-8."
        ),
        show_default=False,
    ),
]


@app.command(
    short_help="Find who says what in Arabic news texts (table, JSON, JSONL or CSV).",
    help=(
        "Find attributed claims in Arabic news texts and show who says what. The table "
        "shows, for each claim, the speaker (an English label and the Arabic words), the "
        "reporting word (cue) with its English gloss and stance, whether it is negated, "
        "what is claimed (content) and the channel (e.g. a newspaper or a statement). "
        "Files may be UTF-8 (with or without BOM) or an older encoding such as "
        "Windows-1256, which is detected automatically (a note says so). Whole corpora "
        "(folders, JSONL dumps) are streamed: each document carries its id (its path, "
        "or the JSONL id field), results come in input order as soon as they are done, "
        "on every CPU (--jobs) or a Dask cluster (--engine dask), with a progress bar "
        "when stderr is a terminal. Inputs that cannot be read (a missing file, an "
        "undecodable file, a malformed JSONL line) are reported one per line on stderr "
        "with their path and line number; the others are still processed, and the exit "
        "status is then 1. Ctrl-C stops the workers and leaves no --output file."
    ),
)
def extract(
    paths: PathsArg = None,
    fmt: Annotated[
        OutputFormat | None,
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
    as_json: Annotated[
        bool, typer.Option("--json", help="Shortcut for --format json.")
    ] = False,
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
    input_format: Annotated[
        InputFormat,
        typer.Option(
            "--input-format",
            "-i",
            help=(
                "How to read input files: auto (JSONL for files ending in .jsonl, text "
                "otherwise), text (each file is one article) or jsonl (one JSON object "
                "per line, also for standard input)."
            ),
            case_sensitive=False,
        ),
    ] = InputFormat.auto,
    text_field: TextFieldOption = DEFAULT_TEXT_FIELD,
    id_field: IdFieldOption = DEFAULT_ID_FIELD,
    glob: GlobOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    quiet: Annotated[
        bool,
        typer.Option("--quiet", "-q", help="No progress bar and no summary line."),
    ] = False,
    chunk_size: Annotated[
        int | None,
        typer.Option("--chunk-size", min=1, hidden=True,
                     help="Documents per task sent to a worker (tuning)."),
    ] = None,
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
    max_chars: Annotated[
        int,
        typer.Option(
            "--max-chars",
            min=1,
            metavar="N",
            help=(
                "Skip (and report) any document longer than N characters rather than "
                "spend minutes on it; nothing is ever truncated."
            ),
        ),
    ] = DEFAULT_MAX_CHARS,
) -> None:
    chosen = _resolve_format(fmt, as_json, output)
    if with_text and chosen not in ("json", "jsonl"):
        _usage_error(f"--with-text needs --format json or jsonl, not {chosen}")
    if engine is Engine.dask:
        _require_dask()
    if scheduler is not None and engine is not Engine.dask:
        _usage_error("--scheduler needs --engine dask")
    sources = _default_paths(paths)
    encoding = _checked_encoding(encoding)
    workers = _check_jobs(jobs)
    corpus = _CorpusReader(sources, input_format, glob, text_field, id_field, max_chars,
                           encoding)
    from claimx.corpus.batch import EngineError

    try:
        stats = _run_extract(corpus, chosen, output, engine, workers, scheduler, chunk_size,
                             quiet, with_text)
    except EngineError as exc:
        _fail(str(exc), EXIT_FAILED)
    except KeyboardInterrupt as exc:  # the output file is already removed by now
        what = "terminated" if isinstance(exc, _Terminated) else "interrupted"
        _fail(f"{what}; {output} was not written" if output else what,
              EXIT_TERMINATED if isinstance(exc, _Terminated) else EXIT_INTERRUPTED)
    if stats.failed:
        raise typer.Exit(EXIT_FAILED)


def _checked_encoding(encoding: str | None) -> str | None:
    """The text codec --encoding names, by its canonical name; None when not given."""
    return None if encoding is None else _text_encoding(encoding)


def _text_encoding(name: str) -> str:
    """The codec --encoding names, if it decodes bytes to text: ``rot13``, ``base64`` or
    ``zlib`` are codecs too, but not text encodings (issue 12, item 8)."""
    import codecs

    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        _usage_error(f"unknown encoding {name!r} for --encoding")
    try:
        b"a".decode(canonical)  # bytes.decode looks non-text codecs up and refuses them
    except LookupError:
        _usage_error(f"--encoding {name!r} is not a text encoding (bytes to text)")
    except (UnicodeError, ValueError):
        pass  # a text encoding that cannot decode this one byte (e.g. UTF-16)
    return canonical


MAX_JOBS_PER_CPU = 4


def _check_jobs(jobs: int | None) -> int:
    """--jobs, bounded: thousands of forked workers would only exhaust memory."""
    cpus = _default_jobs()
    if jobs is None:
        return cpus
    limit = MAX_JOBS_PER_CPU * cpus
    if jobs > limit:
        _usage_error(f"--jobs {jobs} is more than {limit} ({MAX_JOBS_PER_CPU} per CPU "
                     f"on this machine)")
    return jobs


class _CorpusReader:
    """The input stream, remembering each item's size in order so that results (which
    come back in input order, one per item) can be matched to what was read."""

    def __init__(self, sources: list[str], input_format: InputFormat, glob: str | None,
                 text_field: str, id_field: str, max_chars: int = 0,
                 encoding: str | None = None) -> None:
        self.sources = sources
        self.max_chars = max_chars
        self.encoding = encoding
        self.input_format = input_format
        self.glob = glob
        self.fields = (text_field, id_field)
        self.sizes: deque[int] = deque()

    def __iter__(self) -> Iterator[InputItem]:
        from claimx.io.textio import read_corpus

        text_field, id_field = self.fields
        for item in read_corpus(self.sources, input_format=self.input_format, glob=self.glob,
                                text_field=text_field, id_field=id_field,
                                encoding=self.encoding):
            self.sizes.append(item.nbytes)
            _warn_without_arabic(item)
            yield _within_limit(item, self.max_chars)

    def total_bytes(self) -> int | None:
        from claimx.io.textio import corpus_size

        return corpus_size(self.sources, input_format=self.input_format, glob=self.glob)


def _warn_without_arabic(item: InputItem) -> None:
    """English text or stray markup is processed, but the user is told why it gives
    nothing useful."""
    from claimx.io.textio import InputText, has_arabic_letters, print_note

    if isinstance(item, InputText) and not has_arabic_letters(item.text):
        print_note(f"{item.where}: no Arabic letters; claimx reads Arabic news text")


def _within_limit(item: InputItem, max_chars: int) -> InputItem:
    """A document over the limit becomes a reported error, never a silently cut text."""
    from claimx.io.textio import InputError, InputText

    if max_chars and isinstance(item, InputText) and len(item.text) > max_chars:
        message = (f"{len(item.text):,} characters, more than --max-chars {max_chars:,}; "
                   "skipped")
        return InputError(item.source, message, item.line, item.id, item.nbytes)
    return item


def _run_extract(
    corpus: _CorpusReader,
    fmt: str,
    output: Path | None,
    engine: Engine,
    jobs: int,
    scheduler: str | None,
    chunk_size: int | None,
    quiet: bool,
    with_text: bool = False,
) -> RunStats:
    """Stream results from the engine to the writer, in input order, with progress."""
    from claimx.corpus.progress import ProgressBar, RunStats

    stats = RunStats()
    show_progress = not quiet and _is_terminal(sys.stderr)
    # Results printed on the same terminal must go above the bar, not through it.
    shared_screen = show_progress and output is None and _is_terminal(sys.stdout)
    bar = ProgressBar(stats, corpus.total_bytes, redirect_stdout=shared_screen) \
        if show_progress else None
    with _open_output(output, machine=fmt != "table", inputs=corpus.sources,
                      input_format=corpus.input_format, glob=corpus.glob) as out:
        _write_results(corpus, out, fmt, output, engine, jobs, scheduler, chunk_size, stats,
                       bar, shared_screen, with_text)
    if not quiet and stats.documents > 1 and (stats.failed or (bar is not None and bar.shown)):
        print(f"{PROG}: {stats.summary()}", file=sys.stderr, flush=True)
    return stats


def _write_results(
    corpus: _CorpusReader, out: TextIO, fmt: str, output: Path | None,
    engine: Engine, jobs: int, scheduler: str | None, chunk_size: int | None,
    stats: RunStats, bar: Any, shared_screen: bool, with_text: bool,
) -> None:
    """Pull every result from the engine and write it; a failed document is reported on
    its own line and leaves a failure record in its place, never stopping the others."""
    from claimx.corpus.batch import Rendered
    from claimx.io.render import make_writer, renderer_for
    from claimx.model import Document

    if shared_screen:
        out = _GuardedOutput(_CurrentStdout(), STDOUT)  # type: ignore[arg-type]
    console = _table_console(out, to_file=output is not None) if fmt == "table" else None
    writer = make_writer(
        fmt, out, console=console, flush_each=output is None, with_text=with_text
    )
    render = renderer_for(fmt, with_text)  # workers send text back, not documents
    results = _results(corpus, engine, jobs, scheduler, chunk_size, render)
    try:
        with contextlib.closing(results):
            for result in results:
                nbytes = corpus.sizes.popleft() if corpus.sizes else 0
                if isinstance(result, Rendered):
                    writer.write_rendered(result.text)  # type: ignore[attr-defined]
                    stats.add(nbytes=nbytes, claims=result.claims)
                elif isinstance(result, Document):
                    writer.write(result)
                    stats.add(nbytes=nbytes, claims=len(result.claims))
                else:
                    _error(str(result))
                    writer.write_failure(result)  # in its place, not only on stderr
                    stats.add(nbytes=nbytes, failed=True)
                if bar is not None:
                    bar.update()
            writer.close()
    finally:
        if bar is not None:
            bar.close()


def _results(
    corpus: _CorpusReader, engine: Engine, jobs: int, scheduler: str | None,
    chunk_size: int | None, render: Callable[[Document], str] | None,
) -> Iterator[Document | Rendered | InputError]:
    if engine is Engine.dask:
        from claimx.corpus.distributed import extract_many_dask

        return extract_many_dask(corpus, scheduler=scheduler, workers=jobs,
                                 chunksize=chunk_size, render=render)
    from claimx.corpus.batch import extract_many

    return extract_many(corpus, jobs=jobs, chunksize=chunk_size, render=render)


def _default_jobs() -> int:
    from claimx.corpus.batch import default_jobs

    return default_jobs()


def _is_terminal(stream: Any) -> bool:
    isatty = getattr(stream, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # closed stream
        return False


class _CurrentStdout:
    """Writes to whatever ``sys.stdout`` is now: while the progress bar is drawn, Rich
    swaps in a proxy that prints above the bar instead of through it."""

    def write(self, text: str) -> int:
        return sys.stdout.write(text)

    def flush(self) -> None:
        sys.stdout.flush()

    def isatty(self) -> bool:
        return sys.stdout.isatty()

    @property
    def encoding(self) -> str:
        return getattr(sys.stdout, "encoding", "utf-8")


DASK_HINT = ("--engine dask needs Dask: install claimx[dask] (in a clone: uv sync --extra dask; "
             "with pip: pip install '.[dask]')")


def _require_dask() -> None:
    """Say in one line how to get Dask, before any work starts, rather than fail mid-run."""
    import importlib.util

    try:
        found = importlib.util.find_spec("distributed") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        _usage_error(DASK_HINT)


FORMAT_BY_SUFFIX = {
    ".json": OutputFormat.json,
    ".jsonl": OutputFormat.jsonl,
    ".ndjson": OutputFormat.jsonl,
    ".csv": OutputFormat.csv,
    ".txt": OutputFormat.table,
}


def _resolve_format(fmt: OutputFormat | None, as_json: bool, output: Path | None = None) -> str:
    """An explicit --format (or --json) wins; else the --output extension decides, so that
    ``-o out.json`` never holds a table; a table is for a terminal or a .txt file."""
    if as_json and fmt not in (None, OutputFormat.json):
        _usage_error(f"--json conflicts with --format {fmt.value}; give only one of them")
    if as_json:
        return "json"
    if fmt is not None:
        return fmt.value
    if output is None:
        return OutputFormat.table.value
    by_suffix = FORMAT_BY_SUFFIX.get(output.suffix.lower())
    if by_suffix is None:
        known = ", ".join(FORMAT_BY_SUFFIX)
        _usage_error(f"--output {output}: cannot tell the format from its name (known: "
                     f"{known}); add --format json, jsonl, csv or table")
    return by_suffix.value


def _default_paths(paths: list[str] | None, command: str = "extract") -> list[str]:
    """No path means standard input, but only when something is piped in."""
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        _usage_error(
            "no input given: name a text file or a folder, or pipe text in "
            f"(see '{PROG} {command} --help')"
        )
    return ["-"]


def _read(paths: list[str]) -> Iterator[InputText | None]:
    """Decoded inputs; unreadable ones are reported here and yielded as ``None``."""
    from claimx.io.textio import InputError, read_inputs

    for item in read_inputs(paths):
        if isinstance(item, InputError):
            _error(str(item))
            yield None
        else:
            yield item


STDOUT = "to standard output"


class OutputFailed(Exception):
    """Writing the output itself failed (a full disk, a closed pipe): the one failure,
    besides usage errors, that stops a run."""

    def __init__(self, where: str, error: OSError) -> None:
        super().__init__(f"cannot write {where}: {_os_reason(error)}")
        self.error = error
        self.to_stdout = where == STDOUT


class _GuardedOutput:
    """The output stream, with its write failures turned into :class:`OutputFailed`, so
    that they are told apart from anything else that may go wrong in a run."""

    def __init__(self, stream: TextIO, where: str) -> None:
        self._stream = stream
        self._where = where

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise OutputFailed(self._where, exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise OutputFailed(self._where, exc) from None

    def isatty(self) -> bool:
        return _is_terminal(self._stream)

    @property
    def encoding(self) -> str:
        return getattr(self._stream, "encoding", None) or "utf-8"


@contextlib.contextmanager
def _open_output(
    output: Path | None, *, machine: bool, inputs: Sequence[str] = (),
    input_format: InputFormat = InputFormat.auto, glob: str | None = None,
) -> Iterator[TextIO]:
    """stdout, or a temporary file next to ``output`` renamed over it at the end, so a
    crash or Ctrl-C never leaves a half-written result behind. Only a regular file that
    is none of the inputs is ever written (issue 12, item 5)."""
    if output is None:
        if machine:
            _utf8_stdout()
        yield _GuardedOutput(sys.stdout, STDOUT)  # type: ignore[misc]
        return
    target = _output_target(output, inputs, input_format, glob)
    where = f"--output {output}"
    try:
        fd, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".tmp"
        )
    except OSError as exc:
        _usage_error(f"--output {output}: cannot write in {target.parent}: {_os_reason(exc)}")
    try:
        try:
            with open(fd, "w", encoding="utf-8", newline="") as handle:
                yield _GuardedOutput(handle, where)  # type: ignore[misc]
            _set_new_file_mode(Path(temp_name), target)
            os.replace(temp_name, target)
        except OSError as exc:
            raise OutputFailed(where, exc) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


def _output_target(
    output: Path, inputs: Sequence[str], input_format: InputFormat, glob: str | None
) -> Path:
    """``output`` if claimx may write it: a new file, or an existing regular file (not a
    symbolic link, a device, a pipe or a socket) that the run does not read."""
    import stat

    from claimx.io.textio import input_reading

    target = output.expanduser()
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        return target
    except OSError as exc:
        _usage_error(f"--output {output}: {_os_reason(exc)}")
    if stat.S_ISDIR(mode):
        _usage_error(f"--output {output}: is a folder, not a file")
    if stat.S_ISLNK(mode):
        _usage_error(f"--output {output}: is a symbolic link; claimx only replaces a "
                     "regular file (name the file it points to)")
    if not stat.S_ISREG(mode):
        _usage_error(f"--output {output}: is not a regular file (a device, a pipe or a "
                     "socket); redirect standard output to write there")
    source = input_reading(inputs, target, input_format=input_format, glob=glob)
    if source is not None:
        _usage_error(f"--output {output}: is also an input ({source}); "
                     "claimx never overwrites its inputs")
    return target


def _set_new_file_mode(temp: Path, target: Path) -> None:
    """Temporary files are private (0600); give the result the usual permissions."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    with contextlib.suppress(OSError):
        os.chmod(temp, mode)


def _utf8_stdout() -> None:
    """Machine formats are always UTF-8, even where the terminal locale is not."""
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if encoding != "utf8" and reconfigure is not None:
        with contextlib.suppress(Exception):
            reconfigure(encoding="utf-8")


def _table_console(out: TextIO, *, to_file: bool) -> Console:
    from rich.console import Console

    if to_file:
        return Console(file=out, width=FILE_TABLE_WIDTH, color_system=None, soft_wrap=False)
    return Console(file=out)


# --- report ---------------------------------------------------------------------


@app.command(
    short_help="Write one self-contained HTML page showing the claims in their articles.",
    help=(
        "Write an HTML report: each article right to left with every claim's speaker, "
        "cue, content and channel highlighted (one color per stance, English labels on "
        "hover), a list of claims beside it (click one to find it in the text), and for "
        "several documents an index with filters by stance, speaker and outlet, a "
        "speaker summary and a stance chart. Takes the same inputs and engines as "
        "'claimx extract', and also claimx's own JSON or JSONL output (so a large run "
        "need not be repeated; the articles are read again from their source files). "
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
    input_format: Annotated[
        InputFormat,
        typer.Option("--input-format", "-i", case_sensitive=False,
                     help="auto, text or jsonl, as for 'claimx extract'."),
    ] = InputFormat.auto,
    text_field: TextFieldOption = DEFAULT_TEXT_FIELD,
    id_field: IdFieldOption = DEFAULT_ID_FIELD,
    glob: GlobOption = None,
    jobs: JobsOption = None,
    engine: EngineOption = Engine.local,
    scheduler: SchedulerOption = None,
    encoding: EncodingOption = None,
    max_chars: Annotated[
        int, typer.Option("--max-chars", min=1, metavar="N",
                          help="Skip (and report) any document longer than N characters."),
    ] = DEFAULT_MAX_CHARS,
    page_size: Annotated[
        int, typer.Option("--page-size", min=1, metavar="N",
                          help="Documents per page of the corpus index."),
    ] = 50,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No summary line.")
    ] = False,
) -> None:
    if scheduler is not None and engine is not Engine.dask:
        _usage_error("--scheduler needs --engine dask")
    if output is None and _is_terminal(sys.stdout):
        _usage_error("name the HTML file with --output FILE (or redirect standard output)")
    sources = _default_paths(paths, "report")
    encoding = _checked_encoding(encoding)
    workers = _check_jobs(jobs)
    from claimx.corpus.batch import EngineError
    from claimx.report import render_report
    from claimx.report.sources import Options, collect

    def read(group: list[str]) -> _CorpusReader:
        return _CorpusReader(group, input_format, glob, text_field, id_field, max_chars,
                             encoding)

    def run(items: Any) -> Iterator[Any]:
        return _results(items, engine, workers, scheduler, None, None)

    options = Options(input_format, text_field, id_field, encoding, on_error=_error,
                      on_note=_note)
    try:
        docs = collect(sources, read, run, options)
    except EngineError as exc:
        _fail(str(exc), EXIT_FAILED)
    page = render_report(docs, title=title, page_size=page_size)
    with _open_output(
        output, machine=True, inputs=sources, input_format=input_format, glob=glob
    ) as out:
        out.write(page)
    if not quiet and output is not None:
        claims = sum(len(d.doc.claims) for d in docs)
        print(f"{PROG}: wrote {output} ({len(docs)} documents, {claims} claims)",
              file=sys.stderr, flush=True)
    if options.failed:
        raise typer.Exit(EXIT_FAILED)


# --- tokens ---------------------------------------------------------------------


@app.command(
    short_help="Show the word tokens of a text with their offsets (for checking).",
    help=(
        "Show how claimx splits a text into words (CAMeL Tools tokens), with the "
        "character offsets of each token and the normalised form used for matching. "
        "Useful to check offsets or to understand why a cue was or was not found."
    ),
)
def tokens(
    path: Annotated[
        str | None,
        typer.Argument(
            help="A text file, a folder of .txt files, or - for standard input.",
            metavar="PATH",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (readable) or json (one object per input with a list of tokens).",
            case_sensitive=False,
        ),
    ] = ReportFormat.table,
) -> None:
    tokenize = _load_tokenizer()
    sources = _default_paths([path] if path else None, "tokens")
    as_array = any(s != "-" and os.path.isdir(s) for s in sources)
    results: list[dict[str, Any]] = []
    failures = 0
    for item in _read(sources):
        if item is None:
            failures += 1
            continue
        entry = {"source": item.source, "tokens": [_token_dict(t) for t in tokenize(item.text)]}
        if fmt is ReportFormat.table:
            _print_tokens_table(entry)
        else:
            results.append(entry)
    if fmt is ReportFormat.json and (results or as_array):
        _utf8_stdout()
        _print_json(results if as_array or len(results) > 1 else results[0])
    if failures:
        raise typer.Exit(EXIT_FAILED)


def _load_tokenizer() -> Callable[[str], Any]:
    try:
        from claimx.extraction.tokenize import tokenize
    except ImportError as exc:
        _error(f"the tokenizer is not available: {_describe(exc)}")
        raise typer.Exit(EXIT_FAILED) from None
    return tokenize


def _token_dict(token: Any) -> dict[str, Any]:
    return {
        "index": token.index,
        "text": token.text,
        "start": token.start,
        "end": token.end,
        "norm": token.norm,
    }


def _print_tokens_table(entry: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from claimx.io.safety import escaped
    from claimx.io.textio import display_source

    table = Table(title=Text(escaped(display_source(entry["source"]))), title_justify="left")
    for name, justify in (("#", "right"), ("token", "left"), ("start", "right"),
                          ("end", "right"), ("normalised", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for t in entry["tokens"]:
        table.add_row(*(Text(str(t[k])) for k in ("index", "text", "start", "end", "norm")))
    Console().print(table)


# --- eval -----------------------------------------------------------------------


@app.command(
    "eval",
    short_help="Score claimx against a hand-annotated gold file.",
    help=(
        "Compare claimx against hand-annotated gold claims and report precision, recall "
        "and F1. GOLD is a JSONL file with one annotated document per line. Exit status "
        "2 when the gold file is missing or malformed, 1 when a --min-... bar is not met."
    ),
)
def eval_command(
    gold: Annotated[
        Path,
        typer.Argument(help="The gold-standard JSONL file.", metavar="GOLD.jsonl"),
    ],
    fmt: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            "-f",
            help="table (readable scores) or json (the full report, for scripts).",
            case_sensitive=False,
        ),
    ] = ReportFormat.table,
    show_errors: Annotated[
        bool,
        typer.Option(
            "--show-errors",
            help="Also list every missed and every spurious claim (table format).",
        ),
    ] = False,
    min_claim_f1: Annotated[
        float | None,
        typer.Option(
            "--min-claim-f1",
            help=(
                "Fail (exit status 1) when the claim F1 score is below this value, "
                "between 0 and 1. Useful in automated checks."
            ),
            min=0.0,
            max=1.0,
            metavar="X",
            show_default=False,
        ),
    ] = None,
    min_cue_f1: Annotated[
        float | None,
        typer.Option("--min-cue-f1", min=0.0, max=1.0, metavar="X", show_default=False,
                     help="Fail (exit status 1) when the cue F1 score is below this value."),
    ] = None,
    min_dropped: Annotated[
        float | None,
        typer.Option("--min-dropped", min=0.0, max=1.0, metavar="X", show_default=False,
                     help="Fail (exit status 1) when the speaker accuracy on dropped and "
                          "reduced speakers (the pro-drop/anaphora slice) is below this value."),
    ] = None,
) -> None:
    if not gold.is_file():
        reason = "is a folder, not a file" if gold.is_dir() else "no such file"
        _fail(f"{gold}: {reason}", EXIT_USAGE)
    evaluate = _load_evaluate()
    try:
        report = evaluate.evaluate_path(gold)
    except evaluate.GoldFormatError as exc:
        detail = _one_line(str(exc))
        where = "" if str(gold) in detail else f"{gold}: "
        _fail(f"{where}malformed gold file: {detail}", EXIT_USAGE)
    except (OSError, UnicodeDecodeError) as exc:
        _fail(f"{gold}: cannot read gold file: {_describe(exc)}", EXIT_USAGE)
    if fmt is ReportFormat.json:
        _utf8_stdout()
        _print_json(report.to_dict())
    else:
        from rich.console import Console

        evaluate.render_eval(report, Console(), show_errors)
    bars = (
        ("claim F1", "claim_f1", "--min-claim-f1", min_claim_f1),
        ("cue F1", "cue_f1", "--min-cue-f1", min_cue_f1),
        ("dropped/reduced speaker accuracy", "slice_speaker_accuracy", "--min-dropped",
         min_dropped),
    )
    failed = False
    for name, metric, option, bar in bars:
        if bar is not None and (value := getattr(report, metric)) < bar:
            _error(f"{name} {value:.3f} is below {option} {bar:.3f}")
            failed = True
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _load_evaluate() -> Any:
    try:
        return importlib.import_module("claimx.evaluate")
    except ImportError as exc:
        _fail(f"the evaluation module is not available: {_describe(exc)}", EXIT_FAILED)


# --- helpers --------------------------------------------------------------------


def _print_json(payload: Any) -> None:
    import json

    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


def _error(message: str) -> None:
    """Every error line goes out here: one line, and no raw control character whatever
    names (paths, ids) it quotes."""
    from claimx.io.safety import escaped

    print(f"{PROG}: error: {escaped(_one_line(message))}", file=sys.stderr, flush=True)


def _note(message: str) -> None:
    print(f"{PROG}: note: {_one_line(message)}", file=sys.stderr, flush=True)


def _fail(message: str, code: int) -> Any:
    """Report and stop; typed ``Any`` so callers can use it in expression position."""
    _error(message)
    raise typer.Exit(code)


def _usage_error(message: str) -> Any:
    _fail(message, EXIT_USAGE)


def _usage_message(exc: typer.TyperException) -> str:
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message = f"{message} (see '{ctx.command_path} --help')"
    return message


def _one_line(message: str) -> str:
    return " ".join(message.split())


def _describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return _os_reason(exc)
    text = _one_line(str(exc))
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _os_reason(exc: OSError) -> str:
    return (exc.strerror or str(exc)).lower()


def main() -> None:
    """Console-script entry point."""
    app(prog_name=PROG)


# The corpus commands (speakers, claims) register themselves on ``app``.
from claimx import cli_corpus  # noqa: E402, F401
