"""``claimx eval``'s scorer: gold files read, claims paired and scored, the report shown.

Data flows gold → scoring → report → render; this package gathers the names callers use.
"""

from claimx.evaluation.gold import GoldClaim, GoldFormatError, GoldPassage, load_gold
from claimx.evaluation.render import render_errors, render_eval
from claimx.evaluation.report import EvalReport, KeyConsistency, PassageResult
from claimx.evaluation.scoring import (
    MATCH_THRESHOLD,
    evaluate,
    evaluate_path,
    match_cues,
    normalize_for_scoring,
    token_f1,
)

__all__ = [
    "MATCH_THRESHOLD",
    "EvalReport",
    "GoldClaim",
    "GoldFormatError",
    "GoldPassage",
    "KeyConsistency",
    "PassageResult",
    "evaluate",
    "evaluate_path",
    "load_gold",
    "match_cues",
    "normalize_for_scoring",
    "render_errors",
    "render_eval",
    "token_f1",
]
