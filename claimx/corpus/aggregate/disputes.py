"""Disputes: two speakers on opposite sides of one matter — a denial (or a negated cue)
against an assertion, report or allegation about the same thing, in one document or across
the corpus.

"The same matter" is read off the contents' words (function words and the frame words of
denials left out): «نفت المصادر وجود هذا الاتفاق» and «أكدت المصادر أن هذا الاتفاق من عمل
واشنطن» share «اتفاق». A pair's score says how sure the match is:

* coverage: the weight of the shared words over the weight of the shorter content's words,
  each word weighted by its rarity among the corpus's claims (idf), so that a shared rare
  name counts more than a shared common noun;
* focus: 1 when a shared word opens one of the two contents (the thing a denial denies
  comes first: «وجود الاتفاق»), else 0.75;
* stance: 1 against an assertion, report or allegation, 0.8 against an opinion or forecast
  (which commit less to the fact).

Pairs by one speaker (compatible keys) or with an unresolved speaker are left out: a party
does not dispute itself, and an unknown speaker may be either party.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from claimx.corpus.aggregate.groups import ClaimGroup, ClaimGroups, compatible_speakers

DEFAULT_MIN_SCORE = 0.3
FOCUS_WORDS = 3  # a shared word among a content's first words is what it is about
UNFOCUSED = 0.75
WEAK_STANCES = {"opinion": 0.8, "predict": 0.8}
MAX_CANDIDATE_GROUPS = 2_000  # a word in more groups than this proposes no pairs (still scores)


@dataclass(frozen=True, slots=True)
class Dispute:
    """A denial and the claim it contradicts."""

    score: float
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
            "matter": list(self.shared),
            "within_document": self.within_document,
            "documents": list(self.documents),
            "denial": self.denial.to_dict(),
            "claim": self.claim.to_dict(),
        }


def find_disputes(folded: ClaimGroups, min_score: float = DEFAULT_MIN_SCORE) -> list[Dispute]:
    """Every dispute among the claim groups scoring at least ``min_score``, surest first."""
    groups = folded.groups
    weights = _idf(groups)
    positives = [g for g in groups if not g.negative and g.speaker_key is not None]
    index: dict[str, list[ClaimGroup]] = defaultdict(list)
    for group in positives:
        for term in group.terms:
            index[term].append(group)
    disputes = []
    for denial in groups:
        if not denial.negative or denial.speaker_key is None:
            continue
        for claim in _candidates(denial, index):
            score = _score(denial, claim, weights)
            if score >= min_score and score > 0:
                shared = sorted(denial.terms & claim.terms, key=lambda t: (-weights[t], t))
                both = folded.shared_documents(denial, claim)
                disputes.append(Dispute(score, denial, claim, tuple(shared), tuple(both)))
    disputes.sort(key=lambda d: (-d.score, not d.within_document, d.denial.id, d.claim.id))
    return disputes


def _idf(groups: Sequence[ClaimGroup]) -> dict[str, float]:
    frequency: Counter[str] = Counter()
    for group in groups:
        frequency.update(group.terms)
    total = len(groups)
    return {term: math.log((total + 1) / (n + 1)) + 1.0 for term, n in frequency.items()}


def _candidates(denial: ClaimGroup, index: dict[str, list[ClaimGroup]]) -> list[ClaimGroup]:
    found: dict[str, ClaimGroup] = {}
    for term in denial.terms:
        holders = index.get(term, ())
        if len(holders) > MAX_CANDIDATE_GROUPS:
            continue
        for group in holders:
            if not compatible_speakers(group.speaker_key, denial.speaker_key):
                found.setdefault(group.id, group)
    return list(found.values())


def _score(denial: ClaimGroup, claim: ClaimGroup, weights: dict[str, float]) -> float:
    shared = denial.terms & claim.terms
    if not shared:
        return 0.0

    def weight(terms: frozenset[str]) -> float:
        return sum(weights[t] for t in terms)

    coverage = weight(shared) / min(weight(denial.terms), weight(claim.terms))
    opening = set(denial.ordered_terms[:FOCUS_WORDS]) | set(claim.ordered_terms[:FOCUS_WORDS])
    focus = 1.0 if shared & opening else UNFOCUSED
    stance = WEAK_STANCES.get(claim.stance[0], 1.0)
    return round(coverage * focus * stance, 3)
