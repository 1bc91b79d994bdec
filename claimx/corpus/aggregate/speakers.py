"""Who speaks across a corpus: one row per speaker key (``claimx speakers``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from claimx.corpus.aggregate.mentions import Mention
from claimx.extraction.identity import ANONYMOUS, UNRESOLVED
from claimx.io.dates import date_key
from claimx.model import STANCES

TOP_FORMS = 3
TOP_CHANNELS = 3
UNRESOLVED_ROW = "(unresolved)"  # the row of claims with no speaker
SORT_KEYS = ("claims", "documents", "key", "kind", "first", "last")


@dataclass
class SpeakerRow:
    """Everything said by one speaker key."""

    key: str | None
    kinds: Counter[str] = field(default_factory=Counter)
    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    stances: Counter[str] = field(default_factory=Counter)
    channels: Counter[str] = field(default_factory=Counter)
    claims: int = 0
    negated: int = 0
    documents: int = 0
    first: str | None = None
    last: str | None = None

    @property
    def kind(self) -> str:
        return self.kinds.most_common(1)[0][0] if self.kinds else UNRESOLVED

    @property
    def arabic(self) -> str:
        return _most_common(self.forms) or UNRESOLVED_ROW

    @property
    def english(self) -> str:
        if self.key is None:  # claims with no speaker, or only a pronoun
            return "(no speaker)"
        return _most_common(self.labels)

    def add(self, mention: Mention) -> None:
        self.claims += 1
        self.kinds[mention.speaker_kind] += 1
        if mention.speaker_text:
            self.forms[" ".join(mention.speaker_text.split())] += 1
        if mention.speaker_label:
            self.labels[mention.speaker_label] += 1
        self.stances[mention.stance] += 1
        self.negated += mention.negated
        if mention.channel:
            self.channels[" ".join(mention.channel.split())] += 1
        if mention.date:  # kept as written, ordered by what it means
            self.first = min(self.first or mention.date, mention.date, key=date_key)
            self.last = max(self.last or mention.date, mention.date, key=date_key)

    def to_dict(self) -> dict[str, Any]:
        return {
            "speaker_key": self.key,
            "speaker_kind": self.kind,
            "arabic": self.arabic if self.key is not None else None,
            "english": self.english or None,
            "forms": [{"text": t, "claims": n} for t, n in _top(self.forms, TOP_FORMS)],
            "documents": self.documents,
            "claims": self.claims,
            "by_stance": {s: self.stances.get(s, 0) for s in STANCES},
            "negated": self.negated,
            "channels": [{"text": t, "claims": n} for t, n in _top(self.channels, TOP_CHANNELS)],
            "first_date": self.first,
            "last_date": self.last,
        }


def _when(date: str | None) -> tuple[int, str]:
    """Dates read first, in time order; then dates as text; then none."""
    return date_key(date) if date else (2, "")


def _latest_first(row: SpeakerRow) -> tuple[int, str]:
    """The key of ``--sort last``, reversed: the latest read date first, dates claimx cannot
    read after them, rows without a date last."""
    unread, text = _when(row.last)
    return -unread, text


def _top(counts: Counter[str], n: int) -> list[tuple[str, int]]:
    """The n most frequent, ties in alphabetical order: the same input gives the same rows."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]


def _most_common(counts: Counter[str]) -> str:
    top = _top(counts, 1)
    return top[0][0] if top else ""


class SpeakerTable:
    """Folds mentions, one document at a time, into a row per speaker key."""

    def __init__(self) -> None:
        self.rows: dict[str | None, SpeakerRow] = {}
        self.documents = 0
        self.claims = 0

    def add_document(self, mentions: Iterable[Mention]) -> None:
        self.documents += 1
        seen: set[str | None] = set()
        for mention in mentions:
            row = self.rows.get(mention.speaker_key)
            if row is None:
                row = self.rows[mention.speaker_key] = SpeakerRow(mention.speaker_key)
            row.add(mention)
            self.claims += 1
            if mention.speaker_key not in seen:
                seen.add(mention.speaker_key)
                row.documents += 1

    def sorted_rows(self, by: str = "claims") -> list[SpeakerRow]:
        """Rows by ``by`` (see :data:`SORT_KEYS`): counts and dates from the largest or
        latest, key and kind alphabetically; ties by key, so the order is stable."""
        def name(row: SpeakerRow) -> str:
            return row.key or ""

        if by == "last":  # latest first, rows without a date last; ties by key (stable sort)
            by_key = sorted(self.rows.values(), key=name)
            return sorted(by_key, key=_latest_first, reverse=True)
        orders: dict[str, Any] = {
            "claims": lambda r: (-r.claims, name(r)),
            "documents": lambda r: (-r.documents, -r.claims, name(r)),
            "key": lambda r: (r.key is None, name(r)),
            "kind": lambda r: (r.kind, -r.claims, name(r)),
            "first": lambda r: (r.first is None, _when(r.first), name(r)),
        }
        return sorted(self.rows.values(), key=orders[by])

    def summary(self) -> dict[str, Any]:
        anonymous = sum(r.claims for r in self.rows.values() if r.kind == ANONYMOUS)
        unresolved = self.rows[None].claims if None in self.rows else 0
        attributed = self.claims - unresolved
        return {
            "documents": self.documents,
            "claims": self.claims,
            "speakers": len(self.rows) - (None in self.rows),
            "anonymous_claims": anonymous,
            "anonymous_share": anonymous / self.claims if self.claims else 0.0,
            "anonymous_share_of_attributed": anonymous / attributed if attributed else 0.0,
            "unresolved_claims": unresolved,
        }

    def summary_line(self) -> str:
        s = self.summary()
        return (
            f"{_count(s['speakers'], 'speaker')}, {_count(s['claims'], 'claim')} in "
            f"{_count(s['documents'], 'document')}; {s['anonymous_share']:.1%} of claims "
            f"({s['anonymous_claims']:,}) from "
            f"anonymous sources ({s['anonymous_share_of_attributed']:.1%} of attributed claims)"
            f"; {s['unresolved_claims']:,} with no speaker"
        )


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
