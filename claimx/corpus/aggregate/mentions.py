"""One claim as aggregation needs it: small, picklable, with nothing of the article but the
content it quotes."""

from __future__ import annotations

from dataclasses import dataclass

from claimx.corpus.aggregate.matter import content_terms
from claimx.model import Document, qualified_id


@dataclass(frozen=True, slots=True)
class Mention:
    """One claim of one document."""

    document_id: str
    claim_id: str  # qualified: "<document id>#c3"
    outlet: str | None
    date: str | None
    speaker_key: str | None
    speaker_kind: str
    speaker_text: str | None  # the speaker's Arabic words (the resolved speaker)
    speaker_label: str | None  # ... and their English label
    stance: str
    negated: bool
    cue: str
    channel: str | None
    content: str
    content_start: int
    content_end: int
    terms: tuple[str, ...] = ()  # the content's words (matter.content_terms), found in the worker
    cue_start: int = -1  # where the cue is in the document (-1: not known)


def mentions_of(doc: Document) -> tuple[Mention, ...]:
    """The document's claims as mentions (run where the document was extracted: a worker
    sends these back, not the article)."""
    document_id = doc.document_id
    return tuple(
        Mention(
            document_id=document_id,
            claim_id=qualified_id(document_id, claim.id),
            outlet=doc.outlet,
            date=doc.date,
            speaker_key=claim.speaker_key,
            speaker_kind=claim.speaker_kind,
            speaker_text=None if claim.speaker is None else claim.speaker.text,
            speaker_label=claim.speaker_label,
            stance=claim.stance,
            negated=claim.negated,
            cue=claim.cue.text,
            channel=None if claim.channel is None else claim.channel.text,
            content=claim.content.text,
            content_start=claim.content.start,
            content_end=claim.content.end,
            terms=content_terms(claim.content.text),
            cue_start=claim.cue.start,
        )
        for claim in doc.claims
    )
