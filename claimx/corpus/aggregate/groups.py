"""One claim, many mentions: claims of a corpus grouped by speaker and near-duplicate content
(``claimx claims``), the quotation-centric view of Quotebank.

Contents are compared as sets of content words (:func:`~claimx.corpus.aggregate.matter.
content_terms`, single-word shingles, so that a reworded sentence still shares most of
them). A mention joins the first group whose words are the same, else the most similar group
above the Jaccard threshold among those MinHash LSH (datasketch) proposes, provided the
speakers agree: the same key, one key inside the other («وزاره» and «وزاره صحه»), or an
unresolved speaker on either side. Groups grow in input order, so every engine gives the
same groups.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, NamedTuple

from claimx.corpus.aggregate.matter import content_terms
from claimx.corpus.aggregate.mentions import Mention
from claimx.model import CLAIM_ID_SEPARATOR, qualified_id

DEFAULT_SIMILARITY = 0.5
NUM_PERM = 64  # MinHash permutations: Jaccard estimates within about ±0.12, then checked exactly


class Place(NamedTuple):
    """Where one mention of a group is: enough to find it again in its document."""

    document_id: str
    claim: str  # the claim's id within its document: "c3"
    outlet: str | None
    date: str | None
    speaker_key: str | None
    stance: str
    negated: bool
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "claim_id": qualified_id(self.document_id, self.claim),
            "outlet": self.outlet,
            "date": self.date,
            "speaker_key": self.speaker_key,
            "stance": self.stance,
            "negated": self.negated,
            "content": {"start": self.start, "end": self.end},
        }


@dataclass
class ClaimGroup:
    """Mentions of one claim: its first mention stands for it."""

    id: str
    representative: Mention
    terms: frozenset[str]
    ordered_terms: tuple[str, ...]
    places: list[Place] = field(default_factory=list)
    keys: Counter[str | None] = field(default_factory=Counter)
    stances: Counter[tuple[str, bool]] = field(default_factory=Counter)

    def add(self, mention: Mention, shared: Callable[[str | None], str | None] = str) -> None:
        """Add a mention; ``shared`` returns one copy of a string many mentions repeat."""
        self.places.append(Place(
            mention.document_id, shared(mention.claim_id.rpartition(CLAIM_ID_SEPARATOR)[2]),
            shared(mention.outlet), shared(mention.date), shared(mention.speaker_key),
            mention.stance, mention.negated, mention.content_start, mention.content_end,
        ))
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
    def negative(self) -> bool:
        """Most mentions deny the content, or report it under negation."""
        negative = sum(n for (stance, negated), n in self.stances.items()
                       if stance == "deny" or negated)
        return negative * 2 > len(self.places)

    @cached_property
    def documents(self) -> frozenset[str]:
        """The documents the claim is in; read once the corpus is folded (it is kept)."""
        return frozenset(p.document_id for p in self.places)

    @property
    def outlets(self) -> list[str]:
        return sorted({p.outlet for p in self.places if p.outlet})

    def to_dict(self, with_mentions: bool = True) -> dict[str, Any]:
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
            "mentions": len(self.places),
            "documents": len(self.documents),
            "outlets": self.outlets,
        }
        if with_mentions:
            out["places"] = [p.to_dict() for p in self.places]
        return out


def compatible_speakers(one: str | None, other: str | None) -> bool:
    """May two mentions be of one speaker? The same key, one key's words inside the other's
    («وزاره» and «وزاره صحه»; «كيري» and «جون كيري»), or no speaker on one side."""
    if one is None or other is None or one == other:
        return True
    a, b = set(one.split()), set(other.split())
    return a <= b or b <= a


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


class ClaimGroups:
    """Folds mentions, in input order, into groups of one claim."""

    def __init__(self, similarity: float = DEFAULT_SIMILARITY) -> None:
        self.similarity = similarity
        self.groups: list[ClaimGroup] = []
        self._exact: dict[frozenset[str], list[int]] = {}
        self._strings: dict[str, str] = {}

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
        for mention in mentions:
            self.add(mention)

    def add(self, mention: Mention) -> ClaimGroup:
        ordered = mention.terms or content_terms(mention.content)
        terms = frozenset(ordered) or frozenset({" ".join(mention.content.split())})
        group = self._same_words(terms, mention) or self._similar(terms, mention)
        if group is None:
            group = self._new_group(mention, terms, ordered)
        group.add(mention, self._shared)
        return group

    def _shared(self, text: str | None) -> str | None:
        """One copy of each repeated string (outlets, dates, keys, "c3"): a corpus's mention
        list is the largest thing aggregation keeps."""
        return text if text is None else self._strings.setdefault(text, text)

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
        group = ClaimGroup(f"g{index + 1}", mention, terms, ordered)
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
        mentions = sum(len(g.places) for g in self.groups)
        shared = [g for g in self.groups if len(g.documents) > 1]
        return {
            "groups": len(self.groups),
            "mentions": mentions,
            "groups_in_several_documents": len(shared),
        }
