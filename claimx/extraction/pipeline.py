"""The extraction pipeline: text → tokens → cues → claim drafts → claims."""

from __future__ import annotations

from dataclasses import replace

from claimx.extraction.channel import lam_prefixed
from claimx.extraction.claims import ClaimBuilder, Draft
from claimx.extraction.cues import find_cues, find_speech_acts
from claimx.extraction.identity import identify_document
from claimx.extraction.label import labels
from claimx.extraction.lexicon import load_lexicon
from claimx.extraction.source import Range
from claimx.extraction.tokenize import EDGE_MARKS, TokenizedText
from claimx.model import Claim, Document, Span


def extract_document(text: str, source: str = "-", doc_id: str | None = None) -> Document:
    """Extract every attributed claim in ``text``."""
    lex = load_lexicon()
    tt = TokenizedText(text)
    cues = find_cues(tt, lex)
    drafts = ClaimBuilder(tt, cues, lex, find_speech_acts(tt, lex)).build()
    claims = _with_identities([_to_claim(tt, n, d, lex) for n, d in enumerate(drafts, start=1)])
    return Document(
        text=text,
        source=source,
        claims=claims,
        n_tokens=len(tt.tokens),
        n_sentences=tt.n_sentences,
        id=doc_id,
    )


def _to_claim(tt: TokenizedText, n: int, draft: Draft, lex) -> Claim:
    cue = draft.cue
    label, speaker_name = labels(
        tt, draft.speaker, cue.gloss, cue.negated, cue.kind == "phrase", lex,
        impersonal=cue.kind == "passive",
    )
    return Claim(
        id=f"c{n}",
        sentence=tt.sentence_of[cue.first],
        source=_span(tt, draft.source, detach=draft.source_after_lam),
        speaker=_span(
            tt, draft.speaker, detach=draft.source_after_lam and draft.speaker == draft.source
        ),
        cue=_exact_span(tt.text, cue.start, cue.end),
        lemma=cue.lemma,
        gloss=cue.gloss,
        stance=cue.stance,
        negated=cue.negated,
        channel=_span(
            tt, draft.channel, detach=bool(draft.channel and lam_prefixed(tt, draft.channel))
        ),
        content=_span(tt, draft.content, detach=False),
        direct_quote=draft.direct_quote,
        label=label,
        speaker_label=speaker_name,
    )


def _with_identities(claims: list[Claim]) -> tuple[Claim, ...]:
    """Each claim with its speaker's key and kind, worked out over the whole document."""
    speakers = [c.speaker.text if c.speaker is not None else None for c in claims]
    return tuple(
        replace(claim, speaker_key=identity.key, speaker_kind=identity.kind)
        for claim, identity in zip(claims, identify_document(speakers), strict=True)
    )


def _span(tt: TokenizedText, rng: Range | None, detach: bool) -> Span | None:
    """The text of a token range; ``detach`` leaves out a leading لـ («لرويترز» → «رويترز»)."""
    if rng is None or rng[1] <= rng[0]:
        return None
    first, last = tt.tokens[rng[0]], tt.tokens[rng[1] - 1]
    start = first.start
    if detach:
        rest = first.text[1:].lstrip("\u0640\u064e\u0650")
        start = first.end - len(rest) if rest else tt.tokens[min(rng[0] + 1, rng[1] - 1)].start
    return _exact_span(tt.text, start, last.end)


def _exact_span(text: str, start: int, end: int) -> Span:
    """The span without the invisible marks at its edges (a bidi isolate before «تنفي»),
    unless nothing else is left."""
    first, last = start, end
    while first < last and text[first] in EDGE_MARKS:
        first += 1
    while last > first and text[last - 1] in EDGE_MARKS:
        last -= 1
    if first == last:
        first, last = start, end
    return Span(text[first:last], first, last)
