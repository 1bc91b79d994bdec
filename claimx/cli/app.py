"""The ``claimx`` application: the Typer app, its one-line errors and its exit codes.

Every failure a user can cause is reported as one line on stderr
(``claimx: error: ...``) with no traceback; set ``CLAIMX_DEBUG=1`` to see the
traceback of an unexpected internal error. Exit codes: 0 success, 1 some
input failed (or a quality threshold was not met), 2 usage or gold-file error.
Each command is a module of :mod:`claimx.cli` that registers itself on :data:`app`;
heavy modules (Rich, CAMeL Tools, the extractor) are imported inside commands so
that ``--help`` and ``--version`` stay fast.
"""

from __future__ import annotations

import contextlib
import copy
import gc
import os
import re
import signal
import sys
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

import claimx
from claimx.corpus.tempfiles import TemporaryFailed
from claimx.io.output import STDOUT, OutputFailed, OutputRefused, os_reason

PROG = "claimx"
DEBUG_ENV = "CLAIMX_DEBUG"
EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERRUPTED, EXIT_TERMINATED = 130, 143


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

    def make_context(self, *args: Any, **kwargs: Any) -> Any:
        with _stops():
            return super().make_context(*args, **kwargs)

    def invoke(self, ctx: typer.Context) -> Any:
        with _stops():
            return super().invoke(ctx)


@contextlib.contextmanager
def _stops() -> Iterator[None]:
    """Ctrl-C or SIGTERM that no command reported leaves as :class:`Stopped`: Typer would
    turn it into a silent exit 130, whichever signal it was."""
    try:
        yield
    except KeyboardInterrupt as exc:
        raise Stopped(terminated=isinstance(exc, Terminated)) from None


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that the same clean-up runs (workers stopped,
    temporary output removed)."""


class Stopped(Exception):
    """A signal stopped a command: an ordinary exception, so that it reaches
    :func:`_outcome` past Typer, which reports no interrupt."""

    def __init__(self, *, terminated: bool) -> None:
        super().__init__("terminated" if terminated else "interrupted")
        self.exit_code = EXIT_TERMINATED if terminated else EXIT_INTERRUPTED


def _on_sigterm(signum: int, frame: Any) -> None:
    raise Terminated


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
        error(_usage_message(exc))
        return exc.exit_code
    except typer.Abort:
        error("aborted")
        return EXIT_FAILED
    except OutputFailed as exc:
        return _output_failed(exc)
    except OutputRefused as exc:  # --output names what claimx will not write
        error(str(exc))
        return EXIT_USAGE
    except TemporaryFailed as exc:  # a full or unwritable temporary folder
        error(str(exc))
        return EXIT_FAILED
    except Stopped as exc:
        error(str(exc))
        return exc.exit_code
    except KeyboardInterrupt as exc:  # between the command and this function
        stop = Stopped(terminated=isinstance(exc, Terminated))
        error(str(stop))
        return stop.exit_code
    except Exception as exc:
        if isinstance(exc, OSError) and _is_write_failure(exc):
            return _output_failed(OutputFailed(STDOUT, exc))
        if os.environ.get(DEBUG_ENV):
            raise
        error(f"internal error: {describe(exc)} (set {DEBUG_ENV}=1 to see the traceback)")
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
        error(str(exc))
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
        typer.echo(f"{PROG} {claimx.__version__}")
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
    """No command is a usage error, like any other missing argument: the overview goes to
    stderr and the exit status is 2, so a script that forgot its command fails."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help(), err=True)
        raise typer.Exit(EXIT_USAGE)


# --- messages -------------------------------------------------------------------


def error(message: str) -> None:
    """Every error line goes out here: one line, and no raw control character whatever
    names (paths, ids) it quotes."""
    from claimx.io.safety import escaped

    print(f"{PROG}: error: {escaped(one_line(message))}", file=sys.stderr, flush=True)


def note(message: str) -> None:
    print(f"{PROG}: note: {one_line(message)}", file=sys.stderr, flush=True)


class FailureLines:
    """Failed inputs on stderr, one line each, except that an error repeated record after
    record (a JSONL dump whose text sits in another field) is told in full a few times
    and then counted: «… and 3,998 more records with the same error (...)» at the end."""

    SHOWN = 3
    KINDS = 10_000  # distinct errors counted; past that each is only told
    # "PATH, line 12: reason" and "PATH: article 12: reason": the same error but for its place
    _PLACE = re.compile(r"^(?P<source>.*?)(?:, line |: article )\d+: (?P<reason>.*)$")

    def __init__(self, report: Callable[[str], None] = error) -> None:
        self._report = report
        self._counts: Counter[tuple[str, str]] = Counter()

    def __call__(self, message: str) -> None:
        match = self._PLACE.match(message)
        if match is None:
            self._report(message)
            return
        key = (match["source"], match["reason"])
        if key in self._counts or len(self._counts) < self.KINDS:
            self._counts[key] += 1
        if self._counts[key] <= self.SHOWN:
            self._report(message)

    def close(self) -> None:
        """The count of every error told only in part."""
        for (source, reason), count in self._counts.items():
            if count > self.SHOWN:
                self._report(f"{source}: … and {count - self.SHOWN:,} more records with the "
                             f"same error ({reason})")
        self._counts.clear()


def fail(message: str, code: int) -> NoReturn:
    """Report and stop."""
    error(message)
    raise typer.Exit(code)


def usage_error(message: str) -> NoReturn:
    fail(message, EXIT_USAGE)


def stopped(exc: KeyboardInterrupt, output: Path | None = None) -> NoReturn:
    """Ctrl-C or SIGTERM during a run, after its workers stopped and its temporary output
    was removed: say which, and that ``output`` was not written."""
    terminated = isinstance(exc, Terminated)
    what = "terminated" if terminated else "interrupted"
    fail(f"{what}; {output} was not written" if output else what,
         EXIT_TERMINATED if terminated else EXIT_INTERRUPTED)


def _usage_message(exc: typer.TyperException) -> str:
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    if ctx is not None:
        message = f"{message} (see '{ctx.command_path} --help')"
    return message


def one_line(message: str) -> str:
    return " ".join(message.split())


def describe(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return os_reason(exc)
    text = one_line(str(exc))
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def print_json(payload: Any) -> None:
    """One JSON value on standard output, always UTF-8."""
    import json

    from claimx.io.output import utf8_stdout

    utf8_stdout()
    sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    sys.stdout.flush()


# The cyclic garbage collector's first generation is collected after this many new
# objects, not Python's 700: a run makes a tuple per token and a record per claim, nearly
# none of them in a cycle, and the default had the collector walk the young objects
# thousands of times per archive (about 7 % of an extract run's time).
GC_THRESHOLD = (20_000, 20, 20)


def main() -> None:
    """Console-script entry point."""
    gc.set_threshold(*GC_THRESHOLD)
    for_command(sys.argv[1:])(prog_name=PROG)


def for_command(args: Sequence[str]) -> typer.Typer:
    """The app with only the command ``args`` name (``claimx extract ...``): Typer reads the
    signature of every command it builds, which for six commands is a noticeable part of
    a short run. With no command, an option first (``--help``, ``--version``) or a name
    that is none of them, the whole app, so that the overview and suggestions list all."""
    named = [info for info in app.registered_commands
             if args and _command_name(info) == args[0]]
    if not named:
        return app
    lean = copy.copy(app)
    lean.registered_commands = named
    return lean


def _command_name(info: Any) -> str:
    return info.name or typer.main.get_command_name(info.callback.__name__)
