"""Disputes: two speakers on opposite sides of one matter — a denial against an assertion,
report or allegation of the same thing, in one document or across the corpus.

Which claims take a side:

* the denial is an outright denial («نفى», «أنكر»); a negated one («لم ينف», «لم يستبعد»,
  «لم ينكر») denies nothing, and a negated assertion («لم يؤكد») asserts nothing, so neither
  takes a side; nor does a claim whose content itself negates («تكليف القوات ليس لقتل
  المدنيين» agrees with a denial that they killed civilians more than it opposes it);
* never two claims of one speaker (the same key, or one key's words inside the other's, with
  the words the speaker was named with and a preposition on a word aside: «المتحدث الرسمي
  لوزارة العمل سالم العلي», keyed «سالم العلي», speaks for «وزارة العمل»), nor a
  claim with an unresolved speaker (it may be either party);
* never a claim and a denial reported inside its content («قال الوزير إن الشركة نفت ...»:
  the minister reports the denial, he does not dispute it). A claim reported inside a
  denial's content is what it denies («نفى المدرب الشائعات التي تحدثت عن ...») and may pair.

"The same matter" is read off the contents' words, without function words, the frame words of
denials (matter.toml) and words too common in news to tie two claims together
(news_words.toml, and the extractor's time words) and numbers, compared as crude stems
(«مدنيين» meets «مدنيا»). «نفت المصادر وجود هذا الاتفاق» and «أكدت المصادر أن هذا الاتفاق
من عمل واشنطن» share «اتفاق». Two claims of one document must share two such words, or one
that is the whole of what one of them is about; across documents they must share three:
nothing but their words ties them together.

A pair's evidence is the weight of the words it shares, each weighted by its rarity among the
corpus's claims (idf), plus one rare word's worth when both sides stand in one document (the
article itself sets them against each other). The score, from 0 to 1, ranks the pairs:

* strength: evidence / (evidence + HALF_EVIDENCE), more shared rare words surer;
* coverage: the shared words' weight over the weight of the shorter content's words;
* focus: 1 when a shared word opens one of the two contents (the thing a denial denies comes
  first: «وجود الاتفاق»), else 0.75;
* a denial that names the other party («نفت الوزارة ما ورد في الصحف المحلية حول ...» against
  what «الصحف المحلية» reported) is about its claim whatever else it says: focus 1 and
  coverage at least NAMED_COVERAGE;
* stance: 1 against an assertion, report or allegation, 0.8 against an opinion or forecast
  (which commit less to the fact).

A denial keeps at most MAX_PER_DENIAL disputes, its surest: a denial of a widely reported
claim is listed against its best-matching tellings, not every one. Candidates come from an
inverted index of the claims' matter words (a word in more than MAX_POSTINGS claims proposes
none, though it still counts once proposed), so the search grows with the number of denials,
not with the square of the claims. Of the claims sharing three words with a denial, at most
MAX_CANDIDATES are scored, those whose shared words weigh most (plus every claim beside it in
one document): news never has that many, text built of a few words repeated in every claim
would otherwise score every pair.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from claimx.corpus.aggregate.groups import DENY, ClaimGroup, ClaimGroups
from claimx.corpus.aggregate.matter import matter_terms, says_not, stem
from claimx.extraction.identity import bare, words_of

DEFAULT_MIN_SCORE = 0.3
MAX_PER_DENIAL = 5
MAX_POSTINGS = 1_000
MAX_CANDIDATES = 40  # claims sharing three words one denial is compared with
MIN_SHARED_ACROSS = 3  # matter words two documents' claims must share
MIN_SHARED_WITHIN = 2  # ... and two claims of one document
HALF_EVIDENCE = 2.0  # the evidence at which strength is one half
TOGETHER = 3.0  # the evidence one document holding both sides gives
NAMED_COVERAGE = 0.8  # the least coverage of a denial that names the other party
FOCUS_WORDS = 3  # a shared word among a content's first words is what it is about
UNFOCUSED = 0.75
STANCE_WEIGHTS = {"assert": 1.0, "report": 1.0, "allege": 1.0, "opinion": 0.8, "predict": 0.8}
PREPOSITIONS = ("ل", "ب")  # on a key's word: «لوزاره»
SPEAKER_KEYS = 3  # a group's most frequent keys compared for "the same speaker"


@dataclass(frozen=True, slots=True)
class Dispute:
    """A denial and the claim it contradicts."""

    score: float
    evidence: float
    denial: ClaimGroup
    claim: ClaimGroup
    shared: tuple[str, ...]  # the matter: the content words both share, rarest first
    documents: tuple[str, ...]  # documents holding both sides (empty: across the corpus)

    @property
    def within_document(self) -> bool:
        return bool(self.documents)

    def to_dict(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "evidence": self.evidence,
            "matter": list(self.shared),
            "within_document": self.within_document,
            "documents": list(self.documents),
            "denial": self.denial.to_dict(),
            "claim": self.claim.to_dict(),
        }


@dataclass(frozen=True, slots=True)
class _Side:
    """What a group brings to a dispute, worked out once."""

    group: ClaimGroup
    terms: frozenset[str]
    opening: frozenset[str]
    weight: float
    keys: tuple[frozenset[str], ...]  # its speakers' key words (see _party)
    named: frozenset[str]  # its speaker's words, as its content would name them
    stance_weight: float


@dataclass(frozen=True, slots=True)
class _Match:
    score: float
    evidence: float
    claim: _Side
    shared: tuple[str, ...]


def find_disputes(folded: ClaimGroups, min_score: float = DEFAULT_MIN_SCORE,
                  per_denial: int = MAX_PER_DENIAL) -> list[Dispute]:
    """The disputes among the claim groups scoring at least ``min_score``, at most
    ``per_denial`` for one denial, surest first."""
    groups = folded.groups
    matters = [_stems(matter_terms(g.ordered_terms)) for g in groups]
    weights = _idf(matters)
    denials: list[_Side] = []
    claims: list[_Side] = []
    for group, ordered in zip(groups, matters, strict=True):
        stance, negated = group.stance
        if negated or not ordered or group.speaker_key is None:
            continue
        if stance == DENY:
            denials.append(_side(group, ordered, weights, 1.0))
        elif stance in STANCE_WEIGHTS and not says_not(group.representative.content):
            claims.append(_side(group, ordered, weights, STANCE_WEIGHTS[stance]))
    index = _ClaimIndex(claims, weights)
    disputes = []
    for denial in denials:
        matches = (_match(denial, claims[n], weights, folded)
                   for n in index.candidates(denial, folded))
        kept = heapq.nsmallest(
            per_denial, (m for m in matches if m is not None and m.score >= min_score),
            key=lambda m: (-m.score, m.claim.group.index),
        )
        for match in kept:
            both = folded.shared_documents(denial.group, match.claim.group)
            shown = _as_written(denial.group, match.shared)
            disputes.append(Dispute(match.score, match.evidence, denial.group,
                                    match.claim.group, shown, tuple(both)))
    disputes.sort(key=lambda d: (-d.score, not d.within_document, d.denial.index,
                                 d.claim.index))
    return disputes


def _stems(terms: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(stem(t) for t in terms))


def _as_written(denial: ClaimGroup, stems: tuple[str, ...]) -> tuple[str, ...]:
    """The shared stems as the denial's content words (its first word of each stem)."""
    written: dict[str, str] = {}
    for term in matter_terms(denial.ordered_terms):
        written.setdefault(stem(term), term)
    return tuple(written.get(s, s) for s in stems)


def _idf(matters: Sequence[tuple[str, ...]]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for terms in matters:
        frequency.update(terms)
    total = len(matters)
    return {term: math.log((total + 1) / (n + 1)) + 1.0 for term, n in frequency.items()}


def _side(group: ClaimGroup, ordered: tuple[str, ...], weights: dict[str, float],
          stance_weight: float) -> _Side:
    keys = tuple(_party(k) | _party(_as_key_words(group.key_texts.get(k)))
                 for k, _ in group.keys.most_common() if k is not None)
    keys = keys[:SPEAKER_KEYS]
    named = keys[0] if keys else frozenset()
    return _Side(group, frozenset(ordered), frozenset(ordered[:FOCUS_WORDS]),
                 sum(weights[t] for t in set(ordered)), keys, named, stance_weight)


class _ClaimIndex:
    """The claims' matter words, inverted: which claims hold a word (a word in more than
    MAX_POSTINGS claims is left out), as numpy arrays, so that counting a denial's shared
    words is one pass in C rather than a Python loop over thousands of claims."""

    def __init__(self, claims: Sequence[_Side], weights: dict[str, float]) -> None:
        holders: dict[str, list[int]] = {}
        for n, claim in enumerate(claims):
            for term in claim.terms:
                holders.setdefault(term, []).append(n)
        self._postings = {term: np.array(held, dtype=np.int64)
                          for term, held in holders.items() if len(held) <= MAX_POSTINGS}
        self._weights = weights
        self._numbered = {claim.group.index: n for n, claim in enumerate(claims)}

    def candidates(self, denial: _Side, folded: ClaimGroups) -> list[int]:
        """Claims sharing three of the denial's indexed words, or one beside it in a
        document; of the former at most MAX_CANDIDATES, those whose shared words weigh
        most (the earliest on a tie)."""
        terms = [t for t in denial.terms if t in self._postings]
        if not terms:
            return []
        arrays = [self._postings[t] for t in terms]
        ids, inverse, counts = np.unique(np.concatenate(arrays), return_inverse=True,
                                         return_counts=True)
        weight = np.concatenate([np.full(len(a), self._weights[t]) for t, a in
                                 zip(terms, arrays, strict=True)])
        many = counts >= MIN_SHARED_ACROSS
        chosen = ids[many]
        if len(chosen) > MAX_CANDIDATES:
            evidence = np.bincount(inverse.ravel(), weights=weight)[many]
            chosen = chosen[np.lexsort((chosen, -evidence))[:MAX_CANDIDATES]]
        found = set(chosen.tolist())
        near = [n for n in map(self._numbered.get, folded.beside_of(denial.group))
                if n is not None]
        if near:
            at = np.searchsorted(ids, near)
            found.update(n for n, i in zip(near, at.tolist(), strict=True)
                         if i < len(ids) and ids[i] == n)
        return sorted(found)


def _match(denial: _Side, claim: _Side, weights: dict[str, float],
           folded: ClaimGroups) -> _Match | None:
    if _same_speaker(denial.keys, claim.keys) or folded.nested(claim.group, denial.group):
        return None
    shared = denial.terms & claim.terms
    together = folded.beside(denial.group, claim.group)
    if together:
        enough = len(shared) >= MIN_SHARED_WITHIN or (
            bool(shared) and (shared == denial.terms or shared == claim.terms))
    else:
        enough = len(shared) >= MIN_SHARED_ACROSS
    if not enough:
        return None
    evidence = sum(weights[t] for t in shared)
    coverage = evidence / min(denial.weight, claim.weight)
    if together:
        evidence += TOGETHER
    strength = evidence / (evidence + HALF_EVIDENCE)
    focus = 1.0 if shared & (denial.opening | claim.opening) else UNFOCUSED
    if claim.named and claim.named <= denial.terms:  # «نفت الوزارة ما ورد في الصحف ...»
        coverage, focus = max(coverage, NAMED_COVERAGE), 1.0
    score = round(strength * coverage * focus * claim.stance_weight, 3)
    ranked = tuple(sorted(shared, key=lambda t: (-weights[t], t)))
    return _Match(score, round(evidence, 3), claim, ranked)


def _party(key: str) -> frozenset[str]:
    """A speaker key's words, a preposition on a word dropped («لوزاره» → «وزاره»), as
    stems."""
    return frozenset(stem(w[1:] if w[:1] in PREPOSITIONS and len(w) > 3 else w)
                     for w in key.split())


def _as_key_words(speaker: str | None) -> str:
    """The speaker's words spelled as keys are («لوزارة العمل» → «لوزاره عمل»): a key may leave
    out the role a speaker was named with, and the role may name the other party."""
    return "" if speaker is None else " ".join(bare(w) for w in words_of(speaker))


def _same_speaker(one: tuple[frozenset[str], ...], other: tuple[frozenset[str], ...]) -> bool:
    return any(a <= b or b <= a for a in one for b in other)
