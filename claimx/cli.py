"""The ``claimx`` command line: a thin layer over textio, extract, render and evaluate.

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
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO

import typer
from typer.core import TyperGroup

from claimx import __version__

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.model import Document
    from claimx.textio import InputText

PROG = "claimx"
DEBUG_ENV = "CLAIMX_DEBUG"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
FILE_TABLE_WIDTH = 120  # Rich would wrap tables written to a file at 80 columns


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


def _run_guarded(run: Callable[[], Any]) -> int:
    """Run the command and map every outcome to an exit code."""
    try:
        result = run()
    except typer.TyperException as exc:  # usage errors and Typer's own user errors
        _error(_usage_message(exc))
        return exc.exit_code
    except typer.Abort:
        _error("aborted")
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _error(f"internal error: {_describe(exc)} (set {DEBUG_ENV}=1 to see the traceback)")
        return EXIT_FAILED
    return result if isinstance(result, int) else EXIT_OK


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

PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        help=(
            "Text files to analyse, folders (every .txt file inside, including "
            "sub-folders, in name order; hidden files are skipped), or - for standard "
            "input. With no path, claimx reads standard input when text is piped in."
        ),
        metavar="PATH",
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
        "Windows-1256, which is detected automatically (a note says so). Inputs that "
        "cannot be read are reported one per line on stderr; the others are still "
        "processed, and the exit status is then 1."
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
                "Output format: table (readable, the default), json (one object, or an "
                "array when several paths or a folder are given), jsonl (one document per "
                "line) or csv (one claim per row, opens in spreadsheets)."
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
                "Write the result to this file instead of the screen. The file is "
                "replaced only once everything has been processed."
            ),
            metavar="FILE",
            show_default=False,
        ),
    ] = None,
) -> None:
    from claimx.render import make_writer

    chosen = _resolve_format(fmt, as_json)
    sources = _default_paths(paths)
    as_array = len(sources) > 1 or any(s != "-" and os.path.isdir(s) for s in sources)
    failures = 0
    with _open_output(output, machine=chosen != "table") as out:
        console = _table_console(out, to_file=output is not None) if chosen == "table" else None
        writer = make_writer(chosen, out, as_array=as_array, console=console)
        for item in _read(sources):
            doc = _extract_one(item)
            if doc is None:
                failures += 1
            else:
                writer.write(doc)
        writer.close()
    if failures:
        raise typer.Exit(EXIT_FAILED)


def _resolve_format(fmt: OutputFormat | None, as_json: bool) -> str:
    if as_json and fmt not in (None, OutputFormat.json):
        _usage_error(f"--json conflicts with --format {fmt.value}; give only one of them")
    if as_json:
        return "json"
    return (fmt or OutputFormat.table).value


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
    from claimx.textio import InputError, read_inputs

    for item in read_inputs(paths):
        if isinstance(item, InputError):
            _error(str(item))
            yield None
        else:
            yield item


def _extract_one(item: InputText | None) -> Document | None:
    """One document, or ``None`` (already reported) so a failure never stops the run."""
    if item is None:
        return None
    import claimx
    from claimx.textio import display_source

    try:
        return claimx.extract(item.text, source=item.source)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        _error(f"{display_source(item.source)}: extraction failed: {_describe(exc)}")
        return None


@contextlib.contextmanager
def _open_output(output: Path | None, *, machine: bool) -> Iterator[TextIO]:
    """stdout, or a temporary file next to ``output`` renamed over it at the end, so a
    crash or Ctrl-C never leaves a half-written result behind."""
    if output is None:
        if machine:
            _utf8_stdout()
        yield sys.stdout
        return
    target = output.expanduser()
    if target.is_dir():
        _usage_error(f"--output {output}: is a folder, not a file")
    directory = target.parent
    try:
        fd, temp_name = tempfile.mkstemp(dir=directory, prefix=f".{target.name}.", suffix=".tmp")
    except OSError as exc:
        _usage_error(f"--output {output}: cannot write in {directory}: {_os_reason(exc)}")
    try:
        with open(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
        _set_new_file_mode(Path(temp_name), target)
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise


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
        from claimx.tokenize import tokenize
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

    from claimx.textio import display_source

    table = Table(title=Text(display_source(entry["source"])), title_justify="left")
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
        "2 when the gold file is missing or malformed, 1 when --min-claim-f1 is not met."
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
    if min_claim_f1 is not None and report.claim_f1 < min_claim_f1:
        _error(f"claim F1 {report.claim_f1:.3f} is below --min-claim-f1 {min_claim_f1:.3f}")
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
    print(f"{PROG}: error: {_one_line(message)}", file=sys.stderr, flush=True)


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
