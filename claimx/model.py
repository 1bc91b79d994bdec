"""The data model shared by every stage: tokens, spans, cues, claims and documents.

All offsets are Python ``str`` indices into the decoded input text (for an HTML page,
its extracted article text), so that ``text[span.start:span.end] == span.text`` always holds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

SCHEMA_ID = "claimx/2"
CLAIM_ID_SEPARATOR = "#"  # a claim id is "<document id>#c<n>", unique across documents
PLAIN_TEXT, HTML = "text/plain", "text/html"
STANCES = ("assert", "deny", "report", "opinion", "allege", "predict")
# How a claim's speaker was found: named by its own clause («قال الوزير»); resolved from a
# dropped subject, a pronoun or a reduced mention to an antecedent («وأضاف»، «الوزير»);
# none by construction («يُعتقد»، «من المتوقع»); none found (no antecedent).
SPEAKER_RESOLUTIONS = ("named", "resolved", "impersonal", "unresolved")


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the input text."""

    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


# A stretch of tokens, first to last exclusive: what the extraction stages pass around before
# a claim's parts become character spans.
Range = tuple[int, int]


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
    speaker_label: str | None = None  # the speaker's English name alone: "SDF sources"
    speaker_key: str | None = None  # one key for every mention of the speaker, across documents
    speaker_kind: str = "unresolved"  # person, organisation, anonymous, document, unresolved
    speaker_resolution: str = "named"  # one of SPEAKER_RESOLUTIONS
    # the label's words spelled from the Arabic letters, not found in the gazetteer or lists
    label_transliterated: tuple[str, ...] = ()

    def to_dict(self, document_id: str | None = None) -> dict[str, Any]:
        """The claim as JSON; with ``document_id`` its id is qualified by it
        ("seeds/a.txt#c3"), so that claims of many documents can be told apart once
        flattened into one table."""
        claim_id = self.id if document_id is None else qualified_id(document_id, self.id)
        return {
            "id": claim_id,
            "sentence": self.sentence,
            "source": _span_or_none(self.source),
            "speaker": _span_or_none(self.speaker),
            "speaker_label": self.speaker_label,
            "speaker_key": self.speaker_key,
            "speaker_kind": self.speaker_kind,
            "speaker_resolution": self.speaker_resolution,
            "cue": {**self.cue.to_dict(), "lemma": self.lemma, "gloss": self.gloss},
            "stance": self.stance,
            "negated": self.negated,
            "channel": _span_or_none(self.channel),
            "content": self.content.to_dict(),
            "direct_quote": self.direct_quote,
            "label": self.label,
            "label_transliterated": list(self.label_transliterated),
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
    line: int | None = None  # the line of a JSONL corpus the text came from
    content_type: str = PLAIN_TEXT  # text/html: offsets index the page's extracted text
    date: str | None = None  # the corpus record's date and outlet, when it has them
    outlet: str | None = None

    @property
    def document_id(self) -> str:
        """The id every output carries: the JSONL id field (or ``PATH:LINE``), else the path."""
        return self.id if self.id is not None else self.source

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

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        """The ``claimx/2`` document: no document field shares a name with a claim field,
        so ``pandas.json_normalize(docs, "claims", meta=[...])`` needs no prefix. With
        ``with_text``, the text the offsets index (an HTML page's article text)."""
        document_id = self.document_id
        out: dict[str, Any] = {
            "schema": SCHEMA_ID,
            "document_id": document_id,
            "path": self.source,
            "line": self.line,
            "content_type": self.content_type,
        }
        if self.outlet is not None:
            out["outlet"] = self.outlet
        if self.date is not None:
            out["date"] = self.date
        if with_text:
            out["text"] = self.text
        out["stats"] = self.stats
        out["claims"] = [c.to_dict(document_id) for c in self.claims]
        return out


def qualified_id(document_id: str, claim_id: str) -> str:
    """``seeds/a.txt`` and ``c3`` → ``seeds/a.txt#c3``."""
    return f"{document_id}{CLAIM_ID_SEPARATOR}{claim_id}"


def failure_record(document_id: str, path: str, line: int | None, error: str) -> dict[str, Any]:
    """What stands in the output for a document that could not be read or processed, so
    that a consumer of JSON, JSONL or CSV sees it in its place, not only stderr. It has an
    empty ``claims`` list, so that filters over claims need no special case."""
    return {
        "schema": SCHEMA_ID,
        "document_id": document_id,
        "path": path,
        "line": line,
        "error": error,
        "claims": [],
    }


def _span_or_none(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else span.to_dict()
