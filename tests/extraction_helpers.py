"""What the construction tests ask of ``claimx.extract``: the claims of a sentence written for
the test (every span checked against the text), its only claim, one claim by its cue, and a
span's words."""

from __future__ import annotations

import claimx
from claimx.model import Claim, Span


def claims_of(text: str) -> list[Claim]:
    doc = claimx.extract(text)
    for claim in doc.claims:
        for span in (claim.source, claim.speaker, claim.cue, claim.channel, claim.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return list(doc.claims)


def only(text: str) -> Claim:
    claims = claims_of(text)
    assert len(claims) == 1, [c.cue.text for c in claims]
    return claims[0]


def cues_of(text: str) -> list[str]:
    return [c.cue.text for c in claims_of(text)]


def by_cue(text: str, cue: str) -> Claim:
    found = [c for c in claims_of(text) if c.cue.text == cue]
    assert len(found) == 1, cues_of(text)
    return found[0]


def text_of(span: Span | None) -> str | None:
    return None if span is None else span.text


def speaker_of(text: str, cue: str) -> str | None:
    return text_of(by_cue(text, cue).speaker)


def content_of(text: str, cue: str) -> str | None:
    return text_of(by_cue(text, cue).content)
