"""The metric of ``claimx eval``, as in ``docs/attribution-guide.md`` section 4.

Predicted and gold claims are paired by overlapping cue spans, then speaker, stance and
content are checked on each pair with a token F1 lenient about spelling and span edges.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from claimx.evaluation.gold import GoldClaim, GoldPassage, load_gold
from claimx.evaluation.report import (
    ClaimView,
    EvalReport,
    FieldError,
    KeyConsistency,
    MatchError,
    PassageResult,
)
from claimx.model import Claim, Document

MATCH_THRESHOLD = 0.5

ExtractFn = Callable[..., Document]

_TATWEEL = "\u0640"
# Quranic and other combining marks that dediac_ar leaves in place.
_EXTRA_MARKS = frozenset(chr(c) for c in [*range(0x0653, 0x0660), *range(0x06D6, 0x06EE)])


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
    keys: KeyConsistency = field(default_factory=KeyConsistency)
    passages: list[PassageResult] = field(default_factory=list)


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
