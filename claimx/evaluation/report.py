"""The evaluation report: corpus scores derived from counts, and every error by passage.

Plain dataclasses with a stable ``to_dict``, so ``claimx eval --format json`` and the
table read the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

EVAL_SCHEMA_ID = "claimx-eval/1"
EXCERPT_CHARS = 60
SLICE_NAME = "pro-drop/anaphora"
SLICE_DEFINITION = "gold claims whose source is null or whose resolved_source is set"
ERROR_CLASSES = ("missed cue", "spurious cue", "wrong speaker", "wrong stance", "wrong content")


def excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str | None:
    """A content short enough for one line of the error listing."""
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def ratio(num: float, den: int) -> float:
    """A share that is 0.0 over an empty set, so every number stays a float in [0, 1]."""
    return num / den if den else 0.0


def _prf(matched: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing predicted for nothing annotated is perfect."""
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    precision, recall = ratio(matched, n_pred), ratio(matched, n_gold)
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return precision, recall, f1


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim as shown in the error listing, whether predicted or gold."""

    cue: str
    cue_start: int
    stance: str
    speaker: str | None
    content: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": self.cue,
            "cue_start": self.cue_start,
            "stance": self.stance,
            "speaker": self.speaker,
            "content": excerpt(self.content),
        }


@dataclass(frozen=True, slots=True)
class FieldError:
    """One wrong field of a matched claim: predicted vs gold, with its token F1."""

    field: str
    predicted: str | None
    gold: str | None
    score: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "field": self.field,
            "predicted": excerpt(self.predicted),
            "gold": excerpt(self.gold),
            "score": self.score,
        }


@dataclass(frozen=True, slots=True)
class MatchError:
    """A matched cue whose speaker, stance or content is wrong."""

    predicted: ClaimView
    gold: ClaimView
    fields: tuple[FieldError, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "predicted": self.predicted.to_dict(),
            "gold": self.gold.to_dict(),
            "fields": [f.to_dict() for f in self.fields],
        }


@dataclass(frozen=True, slots=True)
class PassageResult:
    """Counts and errors for one gold passage."""

    id: str
    n_gold: int
    n_pred: int
    n_matched: int
    n_correct: int
    missed: tuple[ClaimView, ...] = ()
    spurious: tuple[ClaimView, ...] = ()
    wrong: tuple[MatchError, ...] = ()

    @property
    def has_errors(self) -> bool:
        return bool(self.missed or self.spurious or self.wrong)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "gold": self.n_gold,
            "predicted": self.n_pred,
            "matched": self.n_matched,
            "correct": self.n_correct,
            "missed": [c.to_dict() for c in self.missed],
            "spurious": [c.to_dict() for c in self.spurious],
            "wrong": [e.to_dict() for e in self.wrong],
        }


@dataclass
class KeyConsistency:
    """Do the speaker keys follow the gold entities? Counted over pairs of matched claims of
    one passage whose gold speaker is named: the same entity (the same resolved source) should
    have one key, different entities different keys. ``*_right`` counts only pairs whose two
    predicted speakers are right, which measures the keys apart from speaker errors."""

    same_pairs: int = 0
    same_keyed: int = 0
    same_pairs_right: int = 0
    same_keyed_right: int = 0
    different_pairs: int = 0
    different_apart: int = 0

    def add_passage(self, claims: Sequence[tuple[str | None, str | None, bool]]) -> None:
        named = [c for c in claims if c[0] is not None]
        for k, (entity, key, right) in enumerate(named):
            for other_entity, other_key, other_right in named[k + 1:]:
                keyed = key is not None and key == other_key
                if entity == other_entity:
                    self.same_pairs += 1
                    self.same_keyed += keyed
                    if right and other_right:
                        self.same_pairs_right += 1
                        self.same_keyed_right += keyed
                else:
                    self.different_pairs += 1
                    self.different_apart += not keyed

    def to_dict(self) -> dict[str, Any]:
        return {
            "same_entity_pairs": self.same_pairs,
            "same_entity_one_key": self.same_keyed,
            "same_entity_one_key_share": ratio(self.same_keyed, self.same_pairs),
            "same_entity_pairs_speakers_right": self.same_pairs_right,
            "same_entity_one_key_speakers_right": self.same_keyed_right,
            "same_entity_one_key_share_speakers_right": ratio(
                self.same_keyed_right, self.same_pairs_right
            ),
            "different_entity_pairs": self.different_pairs,
            "different_entity_different_keys": self.different_apart,
            "different_entity_different_keys_share": ratio(
                self.different_apart, self.different_pairs
            ),
        }


@dataclass(frozen=True)
class EvalReport:
    """Corpus-level scores plus per-passage errors; metrics are derived from the counts."""

    n_passages: int
    n_gold: int
    n_pred: int
    n_matched: int
    n_correct: int
    n_speaker_ok: int
    n_stance_ok: int
    n_content_ok: int
    content_f1_sum: float
    slice_size: int
    slice_speaker_ok: int
    passages: tuple[PassageResult, ...] = ()
    gold_path: str | None = None
    keys: KeyConsistency = field(default_factory=KeyConsistency)

    @property
    def cue_prf(self) -> tuple[float, float, float]:
        return _prf(self.n_matched, self.n_pred, self.n_gold)

    @property
    def claim_prf(self) -> tuple[float, float, float]:
        return _prf(self.n_correct, self.n_pred, self.n_gold)

    @property
    def cue_precision(self) -> float:
        return self.cue_prf[0]

    @property
    def cue_recall(self) -> float:
        return self.cue_prf[1]

    @property
    def cue_f1(self) -> float:
        return self.cue_prf[2]

    @property
    def claim_precision(self) -> float:
        return self.claim_prf[0]

    @property
    def claim_recall(self) -> float:
        return self.claim_prf[1]

    @property
    def claim_f1(self) -> float:
        return self.claim_prf[2]

    @property
    def speaker_accuracy(self) -> float:
        return ratio(self.n_speaker_ok, self.n_matched)

    @property
    def stance_accuracy(self) -> float:
        return ratio(self.n_stance_ok, self.n_matched)

    @property
    def content_accuracy(self) -> float:
        return ratio(self.n_content_ok, self.n_matched)

    @property
    def mean_content_f1(self) -> float:
        return ratio(self.content_f1_sum, self.n_matched)

    @property
    def slice_speaker_accuracy(self) -> float:
        """Over the whole slice: a slice claim with no matching cue counts as wrong."""
        return ratio(self.slice_speaker_ok, self.slice_size)

    @property
    def errors(self) -> tuple[PassageResult, ...]:
        """Passages with at least one missed, spurious or wrong claim."""
        return tuple(p for p in self.passages if p.has_errors)

    @property
    def breakdown(self) -> dict[str, int]:
        """Misses by class: where the next fix should go. A wrong claim counts once per
        wrong field."""
        counts = dict.fromkeys(ERROR_CLASSES, 0)
        for passage in self.passages:
            counts["missed cue"] += len(passage.missed)
            counts["spurious cue"] += len(passage.spurious)
            for wrong in passage.wrong:
                for field_error in wrong.fields:
                    counts[f"wrong {field_error.field}"] += 1
        return counts

    def to_dict(self, include_errors: bool = True) -> dict[str, Any]:
        """Stable, JSON-able form: fixed keys in a fixed order."""
        out: dict[str, Any] = {
            "schema": EVAL_SCHEMA_ID,
            "gold": self.gold_path,
            "counts": {
                "passages": self.n_passages,
                "gold_claims": self.n_gold,
                "predicted_claims": self.n_pred,
                "matched_cues": self.n_matched,
                "correct_claims": self.n_correct,
            },
            "cue": dict(zip(("precision", "recall", "f1"), self.cue_prf, strict=True)),
            "claim": dict(zip(("precision", "recall", "f1"), self.claim_prf, strict=True)),
            "matched": {
                "speaker_accuracy": self.speaker_accuracy,
                "stance_accuracy": self.stance_accuracy,
                "content_accuracy": self.content_accuracy,
                "mean_content_f1": self.mean_content_f1,
            },
            "slice": {
                "name": SLICE_NAME,
                "definition": SLICE_DEFINITION,
                "size": self.slice_size,
                "speaker_correct": self.slice_speaker_ok,
                "speaker_accuracy": self.slice_speaker_accuracy,
                "unmatched_count_as_wrong": True,
            },
        }
        out["speaker_keys"] = self.keys.to_dict()
        out["breakdown"] = self.breakdown
        if include_errors:
            out["errors"] = [p.to_dict() for p in self.errors]
        return out
