"""One claim, many mentions: claims of a corpus grouped by speaker and near-duplicate content
(``claimx claims``), the quotation-centric view of Quotebank.

Contents are compared as sets of content words (:func:`~claimx.corpus.aggregate.matter.
content_terms`, single-word shingles, so that a reworded sentence still shares most of
them). A mention joins the first group whose words are the same, else the most similar group
above the Jaccard threshold among those MinHash LSH (datasketch) proposes, provided the
speakers agree: the same key, one key inside the other («وزاره» and «وزاره صحه»), or an
unresolved speaker on either side. Groups grow in input order, so every engine gives the
same groups.

The work stays close to linear in mentions however the corpus is made. Groups of one wording
(the same set of words) are indexed by their speakers' key words, so a sentence said by
thousands of speakers finds its speaker's group by lookup, not by checking every other
speaker; LSH holds each wording once, not each group. And an LSH bucket holds at most
MAX_BUCKET wordings: a wording that LSH finds close to MAX_BUCKET earlier ones is not offered
to later mentions (its own words still group them). On news this never happens; on contents
made to nearly collide (thousands of claims all just under the threshold of each other) it
keeps each mention's candidates to a few hundred, the earliest wordings first.

While a document's mentions are folded, two relations between its claims are noted for
disputes: one claim reported inside another's content («قال الوزير إن الشركة نفت ...»: the
denial's cue lies in the minister's content), and a denial beside another claim in one
document.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations
from typing import Any

from claimx.corpus.aggregate.matter import content_terms
from claimx.corpus.aggregate.mentions import Mention
from claimx.corpus.aggregate.places import Place, PlaceStore
from claimx.model import CLAIM_ID_SEPARATOR

DEFAULT_SIMILARITY = 0.5
DENY = "deny"  # an outright denial: «نفى», not «لم ينف» (a negated denial denies nothing)
NUM_PERM = 64  # MinHash permutations: Jaccard estimates within about ±0.12, then checked exactly
MAX_BUCKET = 50  # wordings one LSH bucket takes (see the module's docstring)
SUBSET_WORDS = 8  # a key of up to this many words finds the keys inside it by lookup


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
    # a key's speaker as first written: «المتحدث الرسمي لوزارة العمل» beside the key «... مفرج»
    key_texts: dict[str, str] = field(default_factory=dict)
    stances: Counter[tuple[str, bool]] = field(default_factory=Counter)
    _last_document: str | None = None
    _key: str | None = None
    _key_rank: dict[str, int] = field(default_factory=dict)

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
        key = mention.speaker_key
        self.keys[key] += 1
        self.stances[(mention.stance, mention.negated)] += 1
        if key is not None:
            if mention.speaker_text:
                self.key_texts.setdefault(key, mention.speaker_text)
            rank = self._key_rank.setdefault(key, len(self._key_rank))
            best = self._key
            if best is None or self.keys[key] > self.keys[best] or (
                    self.keys[key] == self.keys[best] and rank < self._key_rank[best]):
                self._key = key

    @property
    def speaker_key(self) -> str | None:
        """The key most mentions give (a resolved one before none; the first seen on a tie),
        kept as mentions come: a group of thousands of speakers is not sorted again for
        each."""
        return self._key

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


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _key_words(key: str | None) -> frozenset[str] | None:
    """A speaker key as the set of its words (None: unresolved, or no words)."""
    words = frozenset(key.split()) if key is not None else frozenset()
    return words or None


class _Wording:
    """The groups of one wording (set of content words), indexed by their speakers' key
    words, so that a mention finds the first group its speaker agrees with
    (:func:`compatible_speakers`) without checking every group."""

    def __init__(self, number: int, terms: frozenset[str]) -> None:
        self.number = number
        self.terms = terms
        self._first: int | None = None  # the earliest group of any speaker
        self._by_words: dict[frozenset[str] | None, list[int]] = {}
        self._by_word: dict[str, set[frozenset[str]]] = {}

    def add(self, index: int, key: str | None) -> None:
        if self._first is None:
            self._first = index
        words = _key_words(key)
        insort(self._by_words.setdefault(words, []), index)
        for word in words or ():
            self._by_word.setdefault(word, set()).add(words or frozenset())

    def rekey(self, index: int, old: str | None, new: str | None) -> None:
        """A group's speaker key changed (another key now has most of its mentions)."""
        before, after = _key_words(old), _key_words(new)
        if before == after:
            return
        held = self._by_words[before]
        held.remove(index)
        if not held:
            del self._by_words[before]
            for word in before or ():
                self._by_word[word].discard(before or frozenset())
        self.add(index, new)

    def first_compatible(self, key: str | None) -> int | None:
        """The earliest group whose speaker key agrees with ``key``: an unresolved speaker
        on either side, or one key's words inside the other's."""
        words = _key_words(key)
        if words is None:
            return self._first
        found = [held[0] for held in (self._by_words.get(k) for k in (
            None, *self._inside(words), *self._around(words))) if held]
        return min(found, default=None)

    def _inside(self, words: frozenset[str]) -> list[frozenset[str]]:
        """The keys held whose words are all among ``words``."""
        if len(words) <= SUBSET_WORDS:
            return [frozenset(part) for size in range(1, len(words) + 1)
                    for part in combinations(sorted(words), size)]
        held = {k for word in words for k in self._by_word.get(word, ())}
        return [k for k in held if k <= words]

    def _around(self, words: frozenset[str]) -> list[frozenset[str]]:
        """The keys held that hold all of ``words``: among those of its rarest word."""
        rarest = min(words, key=lambda word: len(self._by_word.get(word, ())))
        return [k for k in self._by_word.get(rarest, ()) if k >= words]


class ClaimGroups:
    """Folds mentions, in input order, into groups of one claim. The groups stay in memory
    (one per distinct claim); their mentions' places go to a :class:`PlaceStore` on disk.
    Close it (or use it in a ``with`` block) to delete that file."""

    def __init__(self, similarity: float = DEFAULT_SIMILARITY,
                 directory: str | None = None) -> None:
        self.similarity = similarity
        self.groups: list[ClaimGroup] = []
        self._wordings: dict[frozenset[str], _Wording] = {}
        self._numbered: list[_Wording] = []  # by number, the key LSH holds
        self._store = PlaceStore(directory)
        self._nested: set[int] = set()  # (outer, inner) keys: a claim inside another's content
        # group -> the groups it met in one document, one of the two there a denial
        self._beside: dict[int, set[int]] = {}

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
        return other.index in self._beside.get(one.index, ())

    def beside_of(self, group: ClaimGroup) -> set[int]:
        """The indices of the groups :meth:`beside` ``group``: looked up, so that a search
        for a denial's claims need not ask of every candidate."""
        return self._beside.get(group.index, set())

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
        indices = {index for index, _ in placed}
        for denial in denials:
            near = indices - {denial}
            self._beside.setdefault(denial, set()).update(near)
            for index in near:
                self._beside.setdefault(index, set()).add(denial)

    def add(self, mention: Mention) -> ClaimGroup:
        ordered = mention.terms or content_terms(mention.content)
        terms = frozenset(ordered) or frozenset({" ".join(mention.content.split())})
        wording = self._wordings.get(terms)
        found = None if wording is None else wording.first_compatible(mention.speaker_key)
        group = (self.groups[found] if found is not None
                 else self._similar(terms, ordered, mention, wording))
        old_key = group.speaker_key
        group.add(mention)
        if group.speaker_key != old_key:
            self._wordings[group.terms].rekey(group.index, old_key, group.speaker_key)
        self._store.add(group.index, Place(
            mention.document_id, mention.claim_id.rpartition(CLAIM_ID_SEPARATOR)[2],
            mention.outlet, mention.date, mention.speaker_key, mention.stance,
            mention.negated, mention.content_start, mention.content_end,
        ))
        return group

    def _similar(self, terms: frozenset[str], ordered: tuple[str, ...], mention: Mention,
                 wording: _Wording | None) -> ClaimGroup:
        """The group of the most similar wording LSH proposes whose speakers agree (the
        earliest on a tie), else a new group."""
        candidates: set[int] = set()
        signature = None
        if len(terms) >= 2:  # one word is not a claim's wording; only the same word groups
            signature = self._signature(terms)
            candidates = self._lsh.query(signature)
        best, best_score = None, 0.0
        for number in candidates:
            other = self._numbered[number]
            if other is wording:
                continue  # no speaker of this very wording agrees
            score = jaccard(terms, other.terms)
            if score < self.similarity or score < best_score:
                continue
            index = other.first_compatible(mention.speaker_key)
            if index is not None and (score > best_score or best is None or index < best):
                best, best_score = index, score
        if best is not None:
            return self.groups[best]
        return self._new_group(mention, terms, ordered, wording, signature,
                               crowded=len(candidates) >= MAX_BUCKET)

    def _new_group(self, mention: Mention, terms: frozenset[str], ordered: tuple[str, ...],
                   wording: _Wording | None, signature: Any, crowded: bool) -> ClaimGroup:
        index = len(self.groups)
        group = ClaimGroup(index, mention, terms, ordered)
        self.groups.append(group)
        if wording is None:
            wording = _Wording(len(self._numbered), terms)
            self._wordings[terms] = wording
            self._numbered.append(wording)
            if signature is not None and not crowded:
                self._lsh.insert(wording.number, signature)
        wording.add(index, None)
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
