"""The evaluation report on a terminal: a metrics table and the error listing.

Kept apart from the scores so the CLI command stays thin and scoring needs no Rich.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.evaluation.report import SLICE_NAME, ClaimView, EvalReport, excerpt, ratio
from claimx.evaluation.scoring import MATCH_THRESHOLD


def render_eval(report: EvalReport, console: Console, show_errors: bool = False) -> None:
    """Print the metrics table and, when asked, the per-passage error listing."""
    console.print(_metrics_table(report))
    if show_errors:
        render_errors(report, console)


def _pct(value: float) -> str:
    return f"{value:.3f}"


def _metrics_table(report: EvalReport) -> Table:
    table = Table(title="claimx evaluation", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("detail")
    m, p, g = report.n_matched, report.n_pred, report.n_gold
    c = report.n_correct
    rows = [
        ("passages", str(report.n_passages), report.gold_path or ""),
        ("gold claims", str(g), ""),
        ("predicted claims", str(p), ""),
        ("cue precision", _pct(report.cue_precision), f"{m}/{p} predicted cues matched"),
        ("cue recall", _pct(report.cue_recall), f"{m}/{g} gold cues matched"),
        ("cue F1", _pct(report.cue_f1), ""),
        ("claim precision", _pct(report.claim_precision), f"{c}/{p} predicted claims correct"),
        ("claim recall", _pct(report.claim_recall), f"{c}/{g} gold claims found correctly"),
        ("claim F1", _pct(report.claim_f1), "speaker, stance and content all correct"),
        (
            "speaker accuracy",
            _pct(report.speaker_accuracy),
            f"{report.n_speaker_ok}/{m} matched cues",
        ),
        ("stance accuracy", _pct(report.stance_accuracy), f"{report.n_stance_ok}/{m} matched cues"),
        (
            "content accuracy",
            _pct(report.content_accuracy),
            f"{report.n_content_ok}/{m} matched cues, token F1 >= {MATCH_THRESHOLD}",
        ),
        ("mean content token F1", _pct(report.mean_content_f1), f"over {m} matched cues"),
        (
            f"{SLICE_NAME} speaker accuracy",
            _pct(report.slice_speaker_accuracy),
            f"{report.slice_speaker_ok}/{report.slice_size} (n={report.slice_size}); "
            "unmatched slice claims count as wrong",
        ),
    ]
    keys = report.keys
    rows.append((
        "speaker keys: one per entity",
        _pct(ratio(keys.same_keyed, keys.same_pairs)),
        f"{keys.same_keyed}/{keys.same_pairs} pairs of claims by one gold speaker share a key "
        f"({keys.same_keyed_right}/{keys.same_pairs_right} where both speakers are right)",
    ))
    rows.append((
        "speaker keys: apart",
        _pct(ratio(keys.different_apart, keys.different_pairs)),
        f"{keys.different_apart}/{keys.different_pairs} pairs by different gold speakers "
        "have different keys",
    ))
    breakdown = ", ".join(f"{name} {n}" for name, n in report.breakdown.items())
    rows.append(("misses by class", str(sum(report.breakdown.values())), breakdown))
    for row in rows:
        table.add_row(*row)
    return table


def render_errors(report: EvalReport, console: Console) -> None:
    """List missed, spurious and wrong claims passage by passage."""
    errors = report.errors
    if not errors:
        console.print("No errors.")
        return
    for result in errors:
        console.rule(
            Text(
                f"{result.id}  gold {result.n_gold}, predicted {result.n_pred}, "
                f"matched {result.n_matched}, correct {result.n_correct}"
            )
        )
        for view in result.missed:
            console.print(_claim_line("missed", "red", view))
        for view in result.spurious:
            console.print(_claim_line("spurious", "yellow", view))
        for error in result.wrong:
            console.print(_claim_line("wrong", "magenta", error.gold))
            for fe in error.fields:
                score = "" if fe.score is None else f" (F1 {fe.score:.2f})"
                console.print(
                    Text(
                        f"    {fe.field}{score}: predicted {_q(fe.predicted)} | gold {_q(fe.gold)}"
                    )
                )


def _q(text: str | None) -> str:
    return "-" if text is None else f"«{excerpt(text)}»"


def _claim_line(kind: str, style: str, view: ClaimView) -> Text:
    line = Text(f"  {kind:<8} ", style=style)
    line.append(
        f"cue {_q(view.cue)} @{view.cue_start} [{view.stance}] "
        f"speaker {_q(view.speaker)} content {_q(view.content)}"
    )
    return line
