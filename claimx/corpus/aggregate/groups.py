"""One claim, many mentions: claims of a corpus grouped by speaker and near-duplicate content
(``claimx claims``), the quotation-centric view of Quotebank.

Contents are compared as sets of content words (:func:`~claimx.corpus.aggregate.matter.
content_terms`, single-word shingles, so that a reworded sentence still shares most of
them). A mention joins the first group whose words are the same, else the most similar group
above the Jaccard threshold among those MinHash LSH (datasketch) proposes, provided the
speakers agree: the same key, one key inside the other («وزاره» and «وزاره صحه»), or an
unresolved speaker on either side. Groups grow in input order, so every engine gives the
same groups.

While a document's mentions are folded, two relations between its claims are noted for
disputes: one claim reported inside another's content («قال الوزير إن الشركة نفت ...»: the
denial's cue lies in the minister's content), and a denial beside another claim in one
document.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from claimx.corpus.aggregate.matter import content_terms
from claimx.corpus.aggregate.mentions import Mention
from claimx.corpus.aggregate.places import Place, PlaceStore
from claimx.model import CLAIM_ID_SEPARATOR

DEFAULT_SIMILARITY = 0.5
DENY = "deny"  # an outright denial: «نفى», not «لم ينف» (a negated denial denies nothing)
NUM_PERM = 64  # MinHash permutations: Jaccard estimates within about ±0.12, then checked exactly


@dataclass
class ClaimGroup:
    """Mentions of one claim: its first mention stands for it."""

    index: int
    representative: Mention
    terms: frozenset[str]
    ordered_terms: tuple[str, ...]
    mentions: int = 0
    documents: int = 0
    outlet_names: set[str] = field(default_factory=set)
    keys: Counter[str | None] = field(default_factory=Counter)
    stances: Counter[tuple[str, bool]] = field(default_factory=Counter)
    _last_document: str | None = None

    @property
    def id(self) -> str:
        return f"g{self.index + 1}"

    def add(self, mention: Mention) -> None:
        """Count a mention (its place goes to the store). A document's mentions come
        together, so a new document id is a new document."""
        self.mentions += 1
        if mention.document_id != self._last_document:
            self.documents += 1
            self._last_document = mention.document_id
        if mention.outlet:
            self.outlet_names.add(mention.outlet)
        self.keys[mention.speaker_key] += 1
        self.stances[(mention.stance, mention.negated)] += 1

    @property
    def speaker_key(self) -> str | None:
        """The key most mentions give (a resolved one before none; the first seen on a tie)."""
        named = [(n, k) for k, n in self.keys.items() if k is not None]
        if not named:
            return None
        return sorted(named, key=lambda nk: -nk[0])[0][1]

    @property
    def stance(self) -> tuple[str, bool]:
        """The stance (and negation) most mentions give."""
        return sorted(self.stances.items(), key=lambda sn: (-sn[1], sn[0]))[0][0]

    @property
    def outlets(self) -> list[str]:
        return sorted(self.outlet_names)

    def to_dict(self) -> dict[str, Any]:
        """The group without its places (see :meth:`ClaimGroups.places`)."""
        rep = self.representative
        stance, negated = self.stance
        out: dict[str, Any] = {
            "id": self.id,
            "text": rep.content,
            "speaker_key": self.speaker_key,
            "speaker_kind": rep.speaker_kind,
            "speaker": rep.speaker_text,
            "speaker_label": rep.speaker_label,
            "stance": stance,
            "negated": negated,
            "mentions": self.mentions,
            "documents": self.documents,
            "outlets": self.outlets,
        }
        return out


def compatible_speakers(one: str | None, other: str | None) -> bool:
    """May two mentions be of one speaker? The same key, one key's words inside the other's
    («وزاره» and «وزاره صحه»; «كيري» and «جون كيري»), or no speaker on one side."""
    if one is None or other is None or one == other:
        return True
    a, b = set(one.split()), set(other.split())
    return a <= b or b <= a


def _ordered(first: int, second: int) -> int:
    """One key for an ordered pair of group indices."""
    return (first << 32) | second


def _pair(one: int, other: int) -> int:
    """One key for an unordered pair of group indices."""
    return _ordered(one, other) if one > other else _ordered(other, one)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class ClaimGroups:
    """Folds mentions, in input order, into groups of one claim. The groups stay in memory
    (one per distinct claim); their mentions' places go to a :class:`PlaceStore` on disk.
    Close it (or use it in a ``with`` block) to delete that file."""

    def __init__(self, similarity: float = DEFAULT_SIMILARITY,
                 directory: str | None = None) -> None:
        self.similarity = similarity
        self.groups: list[ClaimGroup] = []
        self._exact: dict[frozenset[str], list[int]] = {}
        self._store = PlaceStore(directory)
        self._nested: set[int] = set()  # (outer, inner) keys: a claim inside another's content
        self._beside_denial: set[int] = set()  # pair keys: a denial and a claim in one document

    def __enter__(self) -> ClaimGroups:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._store.close()

    def places(self, group: ClaimGroup) -> Iterator[Place]:
        """Every mention of ``group``, in input order."""
        return self._store.places(group.index)

    def shared_documents(self, one: ClaimGroup, other: ClaimGroup) -> list[str]:
        return self._store.shared_documents(one.index, other.index)

    def nested(self, outer: ClaimGroup, inner: ClaimGroup) -> bool:
        """Is ``inner``'s claim, in some document, reported inside ``outer``'s content?"""
        return _ordered(outer.index, inner.index) in self._nested

    def beside(self, one: ClaimGroup, other: ClaimGroup) -> bool:
        """Do the two groups meet in one document, one of them there as a denial?"""
        return _pair(one.index, other.index) in self._beside_denial

    @cached_property
    def _lsh(self) -> Any:
        """Made on first use: datasketch imports scipy (about a second), and worker processes
        forked before then do not carry it."""
        from datasketch import MinHashLSH

        return MinHashLSH(threshold=self.similarity, num_perm=NUM_PERM)

    @cached_property
    def _template(self) -> Any:
        from datasketch import MinHash

        return MinHash(num_perm=NUM_PERM, seed=1)

    def add_document(self, mentions: Iterable[Mention]) -> None:
        """Fold one document's mentions, and note which of its claims sit inside another's
        content and which stand beside a denial."""
        placed = [(self.add(mention).index, mention) for mention in mentions]
        cues = sorted((m.cue_start, index) for index, m in placed if m.cue_start >= 0)
        starts = [start for start, _ in cues]
        for index, outer in placed:
            low = bisect_left(starts, outer.content_start)
            high = bisect_left(starts, outer.content_end)
            self._nested.update(_ordered(index, inner) for _, inner in cues[low:high]
                                if inner != index)
        denials = {index for index, m in placed if m.stance == DENY and not m.negated}
        for denial in denials:
            self._beside_denial.update(_pair(denial, index) for index, _ in placed
                                       if index != denial)

    def add(self, mention: Mention) -> ClaimGroup:
        ordered = mention.terms or content_terms(mention.content)
        terms = frozenset(ordered) or frozenset({" ".join(mention.content.split())})
        group = self._same_words(terms, mention) or self._similar(terms, mention)
        if group is None:
            group = self._new_group(mention, terms, ordered)
        group.add(mention)
        self._store.add(group.index, Place(
            mention.document_id, mention.claim_id.rpartition(CLAIM_ID_SEPARATOR)[2],
            mention.outlet, mention.date, mention.speaker_key, mention.stance,
            mention.negated, mention.content_start, mention.content_end,
        ))
        return group

    def _same_words(self, terms: frozenset[str], mention: Mention) -> ClaimGroup | None:
        for index in self._exact.get(terms, ()):
            group = self.groups[index]
            if compatible_speakers(group.speaker_key, mention.speaker_key):
                return group
        return None

    def _similar(self, terms: frozenset[str], mention: Mention) -> ClaimGroup | None:
        if len(terms) < 2:
            return None  # one word is not a claim's wording; only the same word groups
        best, best_score = None, 0.0
        for index in sorted(self._lsh.query(self._signature(terms))):
            group = self.groups[index]
            score = jaccard(terms, group.terms)
            if score >= self.similarity and score > best_score \
                    and compatible_speakers(group.speaker_key, mention.speaker_key):
                best, best_score = group, score
        return best

    def _new_group(self, mention: Mention, terms: frozenset[str],
                   ordered: tuple[str, ...]) -> ClaimGroup:
        index = len(self.groups)
        group = ClaimGroup(index, mention, terms, ordered)
        self.groups.append(group)
        self._exact.setdefault(terms, []).append(index)
        if len(terms) >= 2:
            self._lsh.insert(index, self._signature(terms))
        return group

    def _signature(self, terms: frozenset[str]) -> Any:
        template = self._template
        signature = type(template)(num_perm=NUM_PERM, seed=1,
                                   permutations=template.permutations, scheme=template.scheme)
        signature.update_batch([t.encode("utf-8") for t in sorted(terms)])
        return signature

    def __iter__(self) -> Iterator[ClaimGroup]:
        return iter(self.groups)

    def summary(self) -> dict[str, Any]:
        mentions = sum(g.mentions for g in self.groups)
        shared = [g for g in self.groups if g.documents > 1]
        return {
            "groups": len(self.groups),
            "mentions": mentions,
            "groups_in_several_documents": len(shared),
        }
