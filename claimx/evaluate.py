"""Score extracted claims against a hand-annotated gold JSONL file.

The metric is the one in ``docs/attribution-guide.md`` section 4: predicted and gold
claims are paired by overlapping cue spans, then speaker, stance and content are
checked on each pair. Rendering (Rich) lives here too so the CLI stays a thin wrapper.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)
from rich.console import Console
from rich.table import Table
from rich.text import Text

from claimx.model import Claim, Document

EVAL_SCHEMA_ID = "claimx-eval/1"
MATCH_THRESHOLD = 0.5
EXCERPT_CHARS = 60
SLICE_NAME = "pro-drop/anaphora"
SLICE_DEFINITION = "gold claims whose source is null or whose resolved_source is set"

ExtractFn = Callable[..., Document]

_TATWEEL = "\u0640"
# Quranic and other combining marks that dediac_ar leaves in place.
_EXTRA_MARKS = frozenset(chr(c) for c in [*range(0x0653, 0x0660), *range(0x06D6, 0x06EE)])


class GoldFormatError(ValueError):
    """A gold file line that cannot be scored; the message names the file and line."""


# --------------------------------------------------------------------------- tokens


ERROR_CLASSES = ("missed cue", "spurious cue", "wrong speaker", "wrong stance", "wrong content")


def normalize_for_scoring(text: str | None) -> list[str]:
    """Tokens compared by the metric, so spelling variants of one word count as equal."""
    if not text:
        return []
    text = normalize_unicode(text)  # NFKC: presentation forms -> base letters
    text = dediac_ar(text)
    text = normalize_alef_ar(text)
    text = normalize_alef_maksura_ar(text)
    text = normalize_teh_marbuta_ar(text)
    return "".join(_scoring_char(ch) for ch in text).casefold().split()


def _scoring_char(ch: str) -> str:
    """Drop marks and tatweel; turn punctuation into a space so it also separates words."""
    if ch == _TATWEEL or ch in _EXTRA_MARKS:
        return ""
    category = unicodedata.category(ch)
    if category == "Cf":  # RLM, ZWNJ, BOM: invisible, never a word boundary
        return ""
    if category.startswith("P"):
        return " "
    return ch


def token_f1(pred: str | None, gold: str | None) -> float:
    """Multiset token-overlap F1, lenient about where a span starts and stops."""
    pred_tokens = normalize_for_scoring(pred)
    gold_tokens = normalize_for_scoring(gold)
    if not pred_tokens and not gold_tokens:
        return 1.0
    if not pred_tokens or not gold_tokens:
        return 0.0
    overlap = sum((Counter(pred_tokens) & Counter(gold_tokens)).values())
    if overlap == 0:
        return 0.0
    precision = overlap / len(pred_tokens)
    recall = overlap / len(gold_tokens)
    return 2 * precision * recall / (precision + recall)


# ----------------------------------------------------------------------------- gold


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim; only the fields the metric and error listing need."""

    cue: str
    cue_start: int
    stance: str
    content: str
    content_start: int | None = None
    source: str | None = None
    source_start: int | None = None
    resolved_source: str | None = None
    resolved_source_start: int | None = None
    direct_quote: bool = False

    @property
    def cue_end(self) -> int:
        return self.cue_start + len(self.cue)

    @property
    def speaker(self) -> str | None:
        """Who the claim is scored against: the resolved source when there is one."""
        return self.resolved_source or self.source

    @property
    def in_slice(self) -> bool:
        """Pro-drop or anaphoric: the speaker is not written in full at the cue."""
        return self.source is None or self.resolved_source is not None


@dataclass(frozen=True, slots=True)
class GoldPassage:
    """One gold line: a passage text and its claims in cue order."""

    id: str
    text: str
    claims: tuple[GoldClaim, ...] = ()


def load_gold(path: str | Path) -> list[GoldPassage]:
    """Read a gold JSONL file; any bad line raises GoldFormatError naming file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file: {exc}") from exc
    passages = []
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            passages.append(_parse_passage(line))
        except ValueError as exc:  # json.JSONDecodeError is one too
            raise GoldFormatError(f"{path}, line {lineno}: {_describe(exc)}") from exc
    return passages


def _describe(exc: Exception) -> str:
    """A one-line reason; json's own message repeats the line number we already give."""
    if isinstance(exc, json.JSONDecodeError):
        return f"invalid JSON ({exc.msg} at column {exc.colno})"
    return str(exc)


def _parse_passage(line: str) -> GoldPassage:
    record = json.loads(line)
    if not isinstance(record, dict):
        raise ValueError("a gold line must be a JSON object")
    passage_id = _require(record, "id", str, "passage")
    text = _require(record, "text", str, "passage")
    raw_claims = _require(record, "claims", list, "passage")
    claims = tuple(_parse_claim(raw, text, i) for i, raw in enumerate(raw_claims))
    return GoldPassage(id=passage_id, text=text, claims=claims)


def _parse_claim(raw: Any, text: str, index: int) -> GoldClaim:
    where = f"claim {index}"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be a JSON object")
    claim = GoldClaim(
        cue=_require(raw, "cue", str, where),
        cue_start=_require(raw, "cue_start", int, where),
        stance=_require(raw, "stance", str, where),
        content=_require(raw, "content", str, where),
        content_start=_optional(raw, "content_start", int, where),
        source=_optional(raw, "source", str, where),
        source_start=_optional(raw, "source_start", int, where),
        resolved_source=_optional(raw, "resolved_source", str, where),
        resolved_source_start=_optional(raw, "resolved_source_start", int, where),
        direct_quote=bool(raw.get("direct_quote", False)),
    )
    if not claim.cue:
        raise ValueError(f"{where}: empty cue")
    _check_offset(text, claim.cue, claim.cue_start, f"{where} cue")
    return claim


def _require(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if key not in record:
        raise ValueError(f"{where}: missing field {key!r}")
    value = record[key]
    if not isinstance(value, kind) or (kind is int and isinstance(value, bool)):
        raise ValueError(f"{where}: field {key!r} must be {kind.__name__}, got {value!r}")
    return value


def _optional(record: dict[str, Any], key: str, kind: type, where: str) -> Any:
    if record.get(key) is None:
        return None
    return _require(record, key, kind, where)


def _check_offset(text: str, value: str, start: int, what: str) -> None:
    """Cue matching relies on offsets, so a cue that is not at its offset is a format error."""
    if start < 0 or text[start : start + len(value)] != value:
        raise ValueError(f"{what} {value!r} is not at offset {start} of the passage text")


# ------------------------------------------------------------------------- matching


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match_cues(
    pred: Sequence[tuple[int, int]], gold: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Pair (pred index, gold index) one-to-one by overlapping cue spans.

    Greedy in text order: each gold cue, earliest first, takes the earliest
    still-unpaired predicted cue that overlaps it.
    """
    pred_order = sorted(range(len(pred)), key=lambda i: (pred[i], i))
    gold_order = sorted(range(len(gold)), key=lambda j: (gold[j], j))
    used: set[int] = set()
    pairs = []
    for j in gold_order:
        for i in pred_order:
            if i not in used and _overlaps(pred[i], gold[j]):
                used.add(i)
                pairs.append((i, j))
                break
    return pairs


# --------------------------------------------------------------------------- errors


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
            "content": _excerpt(self.content),
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
            "predicted": _excerpt(self.predicted),
            "gold": _excerpt(self.gold),
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


def _excerpt(text: str | None, limit: int = EXCERPT_CHARS) -> str | None:
    if text is None or len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"


def _pred_speaker(claim: Claim) -> str | None:
    """The predicted speaker, falling back to the source as written."""
    for span in (claim.speaker, claim.source):
        if span is not None and span.text.strip():
            return span.text
    return None


def _view_pred(claim: Claim) -> ClaimView:
    return ClaimView(
        claim.cue.text, claim.cue.start, claim.stance, _pred_speaker(claim), claim.content.text
    )


def _view_gold(claim: GoldClaim) -> ClaimView:
    return ClaimView(claim.cue, claim.cue_start, claim.stance, claim.speaker, claim.content)


# -------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class _PairScore:
    speaker_f1: float
    content_f1: float
    stance_ok: bool

    @property
    def speaker_ok(self) -> bool:
        return self.speaker_f1 >= MATCH_THRESHOLD

    @property
    def content_ok(self) -> bool:
        return self.content_f1 >= MATCH_THRESHOLD

    @property
    def all_ok(self) -> bool:
        return self.speaker_ok and self.stance_ok and self.content_ok


def _score_pair(pred: Claim, gold: GoldClaim) -> _PairScore:
    return _PairScore(
        speaker_f1=token_f1(_pred_speaker(pred), gold.speaker),
        content_f1=token_f1(pred.content.text, gold.content),
        stance_ok=pred.stance == gold.stance,
    )


def _field_errors(pred: Claim, gold: GoldClaim, score: _PairScore) -> tuple[FieldError, ...]:
    errors = []
    if not score.speaker_ok:
        errors.append(FieldError("speaker", _pred_speaker(pred), gold.speaker, score.speaker_f1))
    if not score.stance_ok:
        errors.append(FieldError("stance", pred.stance, gold.stance))
    if not score.content_ok:
        errors.append(FieldError("content", pred.content.text, gold.content, score.content_f1))
    return tuple(errors)


@dataclass
class _Tally:
    """Running sums over passages; EvalReport is built from it once at the end."""

    n_passages: int = 0
    n_gold: int = 0
    n_pred: int = 0
    n_matched: int = 0
    n_correct: int = 0
    n_speaker_ok: int = 0
    n_stance_ok: int = 0
    n_content_ok: int = 0
    content_f1_sum: float = 0.0
    slice_size: int = 0
    slice_speaker_ok: int = 0
    keys: KeyConsistency = field(default_factory=lambda: KeyConsistency())
    passages: list[PassageResult] = field(default_factory=list)


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
            "same_entity_one_key_share": _ratio(self.same_keyed, self.same_pairs),
            "same_entity_pairs_speakers_right": self.same_pairs_right,
            "same_entity_one_key_speakers_right": self.same_keyed_right,
            "same_entity_one_key_share_speakers_right": _ratio(
                self.same_keyed_right, self.same_pairs_right
            ),
            "different_entity_pairs": self.different_pairs,
            "different_entity_different_keys": self.different_apart,
            "different_entity_different_keys_share": _ratio(
                self.different_apart, self.different_pairs
            ),
        }


def _score_passage(passage: GoldPassage, predicted: Sequence[Claim], tally: _Tally) -> None:
    pairs = match_cues(
        [(c.cue.start, c.cue.end) for c in predicted],
        [(g.cue_start, g.cue_end) for g in passage.claims],
    )
    matched_pred = {i for i, _ in pairs}
    matched_gold = {j for _, j in pairs}
    wrong = []
    n_correct = 0
    speakers = []  # (gold speaker, predicted key, predicted speaker right) for the key metric
    for i, j in sorted(pairs, key=lambda p: p[1]):
        pred, gold = predicted[i], passage.claims[j]
        score = _score_pair(pred, gold)
        speakers.append((gold.speaker, pred.speaker_key, score.speaker_ok))
        tally.n_speaker_ok += score.speaker_ok
        tally.n_stance_ok += score.stance_ok
        tally.n_content_ok += score.content_ok
        tally.content_f1_sum += score.content_f1
        tally.slice_speaker_ok += gold.in_slice and score.speaker_ok
        if score.all_ok:
            n_correct += 1
        else:
            wrong.append(
                MatchError(_view_pred(pred), _view_gold(gold), _field_errors(pred, gold, score))
            )
    tally.keys.add_passage(speakers)
    tally.n_passages += 1
    tally.n_gold += len(passage.claims)
    tally.n_pred += len(predicted)
    tally.n_matched += len(pairs)
    tally.n_correct += n_correct
    tally.slice_size += sum(g.in_slice for g in passage.claims)
    tally.passages.append(
        PassageResult(
            id=passage.id,
            n_gold=len(passage.claims),
            n_pred=len(predicted),
            n_matched=len(pairs),
            n_correct=n_correct,
            missed=tuple(
                _view_gold(g) for j, g in enumerate(passage.claims) if j not in matched_gold
            ),
            spurious=tuple(
                _view_pred(c)
                for i, c in sorted(enumerate(predicted), key=lambda ic: ic[1].cue.start)
                if i not in matched_pred
            ),
            wrong=tuple(wrong),
        )
    )


# --------------------------------------------------------------------------- report


def _ratio(num: float, den: int) -> float:
    """A share that is 0.0 over an empty set, so every number stays a float in [0, 1]."""
    return num / den if den else 0.0


def _prf(matched: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall, F1; nothing predicted for nothing annotated is perfect."""
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    precision, recall = _ratio(matched, n_pred), _ratio(matched, n_gold)
    total = precision + recall
    f1 = 2 * precision * recall / total if total else 0.0
    return precision, recall, f1


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
        return _ratio(self.n_speaker_ok, self.n_matched)

    @property
    def stance_accuracy(self) -> float:
        return _ratio(self.n_stance_ok, self.n_matched)

    @property
    def content_accuracy(self) -> float:
        return _ratio(self.n_content_ok, self.n_matched)

    @property
    def mean_content_f1(self) -> float:
        return _ratio(self.content_f1_sum, self.n_matched)

    @property
    def slice_speaker_accuracy(self) -> float:
        """Over the whole slice: a slice claim with no matching cue counts as wrong."""
        return _ratio(self.slice_speaker_ok, self.slice_size)

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


def evaluate(
    passages: Iterable[GoldPassage],
    extract_fn: ExtractFn | None = None,
    gold_path: str | None = None,
) -> EvalReport:
    """Run ``extract_fn`` (default ``claimx.extract``) on every passage and score it."""
    if extract_fn is None:
        from claimx import extract as extract_fn  # looked up late: follows the live extractor
    tally = _Tally()
    for passage in passages:
        try:
            document = extract_fn(passage.text, source=passage.id)
        except Exception as exc:
            raise RuntimeError(f"extractor failed on passage {passage.id!r}: {exc}") from exc
        _score_passage(passage, tuple(document.claims), tally)
    return EvalReport(
        n_passages=tally.n_passages,
        n_gold=tally.n_gold,
        n_pred=tally.n_pred,
        n_matched=tally.n_matched,
        n_correct=tally.n_correct,
        n_speaker_ok=tally.n_speaker_ok,
        n_stance_ok=tally.n_stance_ok,
        n_content_ok=tally.n_content_ok,
        content_f1_sum=tally.content_f1_sum,
        slice_size=tally.slice_size,
        slice_speaker_ok=tally.slice_speaker_ok,
        passages=tuple(tally.passages),
        gold_path=gold_path,
        keys=tally.keys,
    )


def evaluate_path(path: str | Path, extract_fn: ExtractFn | None = None) -> EvalReport:
    """Load a gold JSONL file and score the extractor on it."""
    return evaluate(load_gold(path), extract_fn=extract_fn, gold_path=str(path))


# ------------------------------------------------------------------------ rendering


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
        _pct(_ratio(keys.same_keyed, keys.same_pairs)),
        f"{keys.same_keyed}/{keys.same_pairs} pairs of claims by one gold speaker share a key "
        f"({keys.same_keyed_right}/{keys.same_pairs_right} where both speakers are right)",
    ))
    rows.append((
        "speaker keys: apart",
        _pct(_ratio(keys.different_apart, keys.different_pairs)),
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
    return "-" if text is None else f"«{_excerpt(text)}»"


def _claim_line(kind: str, style: str, view: ClaimView) -> Text:
    line = Text(f"  {kind:<8} ", style=style)
    line.append(
        f"cue {_q(view.cue)} @{view.cue_start} [{view.stance}] "
        f"speaker {_q(view.speaker)} content {_q(view.content)}"
    )
    return line
