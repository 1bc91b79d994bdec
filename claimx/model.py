"""The data model shared by every stage: tokens, spans, cues, claims and documents.

All offsets are Python ``str`` indices into the decoded input text, so that
``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

SCHEMA_ID = "claimx/1"
STANCES = ("assert", "deny", "report", "opinion", "allege", "predict")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


class Token(NamedTuple):
    """One CAMeL token, its offsets, and a normalised form used only for matching.

    Immutable like the other records, but a named tuple: one is built per word on the hot
    path, where a frozen dataclass costs three times as much to construct.
    """

    text: str
    start: int
    end: int
    norm: str
    index: int

    @property
    def span(self) -> Span:
        return Span(self.text, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "norm": self.norm}


@dataclass(frozen=True, slots=True)
class Claim:
    """One attribution: who (source/speaker) says what (content) through which cue."""

    id: str
    sentence: int
    source: Span | None
    speaker: Span | None
    cue: Span
    lemma: str
    gloss: str
    stance: str
    negated: bool
    channel: Span | None
    content: Span
    direct_quote: bool
    label: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sentence": self.sentence,
            "source": _span_or_none(self.source),
            "speaker": _span_or_none(self.speaker),
            "cue": {**self.cue.to_dict(), "lemma": self.lemma, "gloss": self.gloss},
            "stance": self.stance,
            "negated": self.negated,
            "channel": _span_or_none(self.channel),
            "content": self.content.to_dict(),
            "direct_quote": self.direct_quote,
            "label": self.label,
        }


@dataclass(frozen=True, slots=True)
class Document:
    """The result of extraction on one input text."""

    text: str
    source: str = "-"
    claims: tuple[Claim, ...] = ()
    n_tokens: int = 0
    n_sentences: int = 0
    id: str | None = field(default=None)

    @property
    def stats(self) -> dict[str, Any]:
        by_stance = Counter(c.stance for c in self.claims)
        return {
            "characters": len(self.text),
            "tokens": self.n_tokens,
            "sentences": self.n_sentences,
            "claims": len(self.claims),
            "by_stance": {s: by_stance.get(s, 0) for s in STANCES},
        }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": SCHEMA_ID, "source": self.source}
        if self.id is not None:
            out["id"] = self.id
        out["stats"] = self.stats
        out["claims"] = [c.to_dict() for c in self.claims]
        return out


def _span_or_none(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else span.to_dict()
