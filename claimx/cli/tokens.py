"""``claimx tokens``: how claimx splits a text into words, with offsets (for checking)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimx.cli.app import EXIT_FAILED, app, describe, error, print_json
from claimx.cli.options import input_paths
from claimx.io.formats import ReportChoice

if TYPE_CHECKING:
    from claimx.io.items import InputText


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
        ReportChoice,
        typer.Option(
            "--format",
            "-f",
            help="table (readable) or json (one object per input with a list of tokens).",
            case_sensitive=False,
        ),
    ] = ReportChoice.table,
) -> None:
    tokenize = _load_tokenizer()
    sources = input_paths([path] if path else None, "tokens")
    as_array = any(s != "-" and os.path.isdir(s) for s in sources)
    results: list[dict[str, Any]] = []
    failures = 0
    for item in _read(sources):
        if item is None:
            failures += 1
            continue
        entry = _entry(item, tokenize)
        if fmt is ReportChoice.table:
            _print_tokens_table(entry)
        else:
            results.append(entry)
    if fmt is ReportChoice.json and (results or as_array):
        print_json(results if as_array or len(results) > 1 else results[0])
    if failures:
        raise typer.Exit(EXIT_FAILED)


def _load_tokenizer() -> Callable[[str], Any]:
    try:
        from claimx.extraction.tokenize import tokenize
    except ImportError as exc:
        error(f"the tokenizer is not available: {describe(exc)}")
        raise typer.Exit(EXIT_FAILED) from None
    return tokenize


def _entry(item: InputText, tokenize: Callable[[str], Any]) -> dict[str, Any]:
    """One input's tokens, named as ``extract`` names its document (``document_id`` is a
    JSONL record's id, else the path), so the two outputs join on it."""
    return {
        "document_id": item.doc_id,
        "path": item.source,
        "line": item.line,
        "tokens": [_token_dict(t) for t in tokenize(item.text)],
    }


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

    from claimx.io.items import display_source
    from claimx.io.safety import escaped

    table = Table(title=Text(escaped(display_source(entry["document_id"]))),
                  title_justify="left")
    for name, justify in (("#", "right"), ("token", "left"), ("start", "right"),
                          ("end", "right"), ("normalised", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for t in entry["tokens"]:
        table.add_row(*(Text(str(t[k])) for k in ("index", "text", "start", "end", "norm")))
    Console().print(table)


def _read(paths: list[str]) -> Iterator[InputText | None]:
    """Decoded inputs; unreadable ones are reported here and yielded as ``None``."""
    from claimx.io.items import InputError
    from claimx.io.textio import read_inputs

    for item in read_inputs(paths):
        if isinstance(item, InputError):
            error(str(item))
            yield None
        else:
            yield item
