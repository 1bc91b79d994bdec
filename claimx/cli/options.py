"""The options the commands share, each declared once, and the checks they pass before
any work starts (an input, a text encoding, a number of workers, an engine, a format)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TextIO

import typer

from claimx.cli.app import PROG, usage_error
from claimx.corpus.run import Engine, Reading, Workers, dask_available
from claimx.io.formats import BY_NAME, BY_SUFFIX, JSON, TABLE, FormatChoice, OutputFormat
from claimx.io.inputs import InputFormat

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_MAX_CHARS = 5_000_000  # characters; a longer document is reported and skipped
MAX_JOBS_PER_CPU = 4
FILE_TABLE_WIDTH = 120  # Rich would wrap tables written to a file at 80 columns

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help=(
            "Text files, JSONL files (one article per line, detected by the .jsonl "
            "suffix), JSON files holding an array of articles (.json), folders (every "
            "*.txt file inside, including sub-folders, in name order; hidden files are "
            "skipped; see --glob), or - for standard input. "
            "With no path, claimx reads standard input when text is piped in."
        ),
        metavar="[PATH]...",  # any number: Typer would print one
        show_default=False,
    ),
]
JsonFlag = Annotated[bool, typer.Option("--json", help="Shortcut for --format json.")]
InputFormatOption = Annotated[
    InputFormat,
    typer.Option(
        "--input-format",
        "-i",
        help=(
            "How to read input files: auto (JSONL for files ending in .jsonl, an array "
            "of articles for .json, text otherwise), text (each file is one article) or "
            "jsonl (one JSON object per line, also for standard input)."
        ),
        case_sensitive=False,
    ),
]
TextFieldOption = Annotated[
    str,
    typer.Option("--text-field", help="JSONL and JSON: the field holding the article text.",
                 metavar="NAME"),
]
IdFieldOption = Annotated[
    str,
    typer.Option(
        "--id-field",
        help=(
            "JSONL and JSON: the field holding the document id, copied to the output; "
            "records without it are named PATH:LINE (a JSON article: its url, else PATH:N)."
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
ChunkOption = Annotated[
    int | None,
    typer.Option("--chunk-size", min=1, hidden=True,
                 help="Documents per task sent to a worker (tuning)."),
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
MaxCharsOption = Annotated[
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
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar and no summary line.")
]


# --- checks -------------------------------------------------------------------------


def input_paths(paths: list[str] | None, command: str) -> list[str]:
    """No path means standard input, but only when something is piped in."""
    if paths:
        return paths
    if sys.stdin is None or sys.stdin.isatty():
        usage_error(
            "no input given: name a text file or a folder, or pipe text in "
            f"(see '{PROG} {command} --help')"
        )
    return ["-"]


def reading(input_format: InputFormat, glob: str | None, text_field: str, id_field: str,
            max_chars: int, encoding: str | None) -> Reading:
    """The reading options, the encoding checked and named by its canonical name."""
    checked = None if encoding is None else text_encoding(encoding)
    return Reading(input_format, glob, text_field, id_field, max_chars, checked)


def text_encoding(name: str) -> str:
    """The codec --encoding names, if it decodes bytes to text: ``rot13``, ``base64`` or
    ``zlib`` are codecs too, but not text encodings."""
    import codecs

    try:
        canonical = codecs.lookup(name).name
    except LookupError:
        usage_error(f"unknown encoding {name!r} for --encoding")
    try:
        b"a".decode(canonical)  # bytes.decode looks non-text codecs up and refuses them
    except LookupError:
        usage_error(f"--encoding {name!r} is not a text encoding (bytes to text)")
    except (UnicodeError, ValueError):
        pass  # a text encoding that cannot decode this one byte (e.g. UTF-16)
    return canonical


DASK_HINT = ("--engine dask needs Dask: install claimx[dask] (in a clone: uv sync --extra dask; "
             "with pip: pip install '.[dask]')")


def engine_check(engine: Engine, scheduler: str | None) -> None:
    """Say in one line how to get Dask, before any work starts, rather than fail mid-run;
    a scheduler is only for Dask."""
    if engine is Engine.dask and not dask_available():
        usage_error(DASK_HINT)
    if scheduler is not None and engine is not Engine.dask:
        usage_error("--scheduler needs --engine dask")


def workers(engine: Engine, jobs: int | None, scheduler: str | None,
            chunk_size: int | None = None) -> Workers:
    """The engine settings, checked; --jobs bounded, since thousands of forked workers
    would only exhaust memory."""
    from claimx.corpus.batch import default_jobs

    cpus = default_jobs()
    limit = MAX_JOBS_PER_CPU * cpus
    if jobs is not None and jobs > limit:
        usage_error(f"--jobs {jobs} is more than {limit} ({MAX_JOBS_PER_CPU} per CPU "
                    f"on this machine)")
    return Workers(engine, cpus if jobs is None else jobs, scheduler, chunk_size)


def output_format(fmt: FormatChoice | None, as_json: bool, output: Path | None) -> OutputFormat:
    """An explicit --format (or --json) wins; else the --output extension decides, so that
    ``-o out.json`` never holds a table; a table is for a terminal or a .txt file."""
    if as_json and fmt not in (None, JSON.name):
        usage_error(f"--json conflicts with --format {fmt.value}; give only one of them")
    if as_json:
        return JSON
    if fmt is not None:
        return BY_NAME[fmt.value]
    if output is None:
        return TABLE
    by_suffix = BY_SUFFIX.get(output.suffix.lower())
    if by_suffix is None:
        *others, last = BY_NAME
        usage_error(f"--output {output}: cannot tell the format from its name (known: "
                    f"{', '.join(BY_SUFFIX)}); add --format {', '.join(others)} or {last}")
    return by_suffix


PAGE_SUFFIXES = (".html", ".htm")


def page_output(output: Path | None) -> None:
    """``report -o`` names an HTML page: ``x.pdf`` would hold HTML under a name that
    promises something else, so it is refused as ``extract`` refuses a name it cannot
    tell the format from."""
    if output is not None and output.suffix.lower() not in PAGE_SUFFIXES:
        usage_error(f"--output {output}: claimx report writes an HTML page; name the file "
                    f"{' or '.join(PAGE_SUFFIXES)}")


def table_console(out: TextIO, *, to_file: bool) -> Console:
    from rich.console import Console

    if to_file:
        return Console(file=out, width=FILE_TABLE_WIDTH, color_system=None, soft_wrap=False)
    return Console(file=out)
