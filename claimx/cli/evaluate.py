"""``claimx eval``: claimx scored against a hand-annotated gold file."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated, Any

import typer

from claimx.cli.app import (
    EXIT_FAILED,
    EXIT_USAGE,
    app,
    describe,
    error,
    fail,
    one_line,
    print_json,
)
from claimx.io.formats import ReportChoice


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
        ReportChoice,
        typer.Option(
            "--format",
            "-f",
            help="table (readable scores) or json (the full report, for scripts).",
            case_sensitive=False,
        ),
    ] = ReportChoice.table,
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
        fail(f"{gold}: {reason}", EXIT_USAGE)
    evaluation = _load_evaluation()
    try:
        report = evaluation.evaluate_path(gold)
    except evaluation.GoldFormatError as exc:
        detail = one_line(str(exc))
        where = "" if str(gold) in detail else f"{gold}: "
        fail(f"{where}malformed gold file: {detail}", EXIT_USAGE)
    except (OSError, UnicodeDecodeError) as exc:
        fail(f"{gold}: cannot read gold file: {describe(exc)}", EXIT_USAGE)
    if fmt is ReportChoice.json:
        print_json(report.to_dict())
    else:
        from rich.console import Console

        evaluation.render_eval(report, Console(), show_errors)
    bars = (
        ("claim F1", "claim_f1", "--min-claim-f1", min_claim_f1),
        ("cue F1", "cue_f1", "--min-cue-f1", min_cue_f1),
        ("dropped/reduced speaker accuracy", "slice_speaker_accuracy", "--min-dropped",
         min_dropped),
    )
    failed = False
    for name, metric, option, bar in bars:
        if bar is not None and (value := getattr(report, metric)) < bar:
            error(f"{name} {value:.3f} is below {option} {bar:.3f}")
            failed = True
    if failed:
        raise typer.Exit(EXIT_FAILED)


def _load_evaluation() -> Any:
    try:
        return importlib.import_module("claimx.evaluation")
    except ImportError as exc:
        fail(f"the evaluation module is not available: {describe(exc)}", EXIT_FAILED)
