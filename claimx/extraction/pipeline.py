"""The extraction pipeline: text → tokens → cues → claim drafts → claims."""

from __future__ import annotations

from claimx.extraction.channel import lam_prefixed
from claimx.extraction.claims import ClaimBuilder, Draft
from claimx.extraction.content import opens_with_conjunction
from claimx.extraction.cues import find_cues, find_speech_acts
from claimx.extraction.identity import Identity, identify_document
from claimx.extraction.label import labels
from claimx.extraction.lexicon import CueKind, Lexicon, load_lexicon
from claimx.extraction.phrase import governed_head
from claimx.extraction.tokenize import EDGE_MARKS, TokenizedText
from claimx.model import Claim, Document, Range, Span


def extract_document(text: str, source: str = "-", doc_id: str | None = None) -> Document:
    """Extract every attributed claim in ``text``."""
    lex = load_lexicon()
    tt = TokenizedText(text)
    cues = find_cues(tt, lex)
    drafts = ClaimBuilder(tt, cues, lex, find_speech_acts(tt, lex)).build()
    speakers = [_speaker_span(tt, d, lex) for d in drafts]
    identities = identify_document([None if s is None else s.text for s in speakers])
    claims = tuple(
        _to_claim(tt, n, draft, speaker, identity, lex)
        for n, (draft, speaker, identity) in enumerate(
            zip(drafts, speakers, identities, strict=True), start=1
        )
    )
    return Document(
        text=text,
        source=source,
        claims=claims,
        n_tokens=len(tt.tokens),
        n_sentences=tt.n_sentences,
        id=doc_id,
    )


def _speaker_span(tt: TokenizedText, draft: Draft, lex: Lexicon) -> Span | None:
    """The speaker's span; a لـ or بـ on an earlier mention's speaker noun is left out
    («خبرا لمصدر مسؤول نفى ...، وأشار المصدر»: the speaker is «مصدر مسؤول»)."""
    if draft.speaker is None:
        return None
    head = tt.tokens[draft.speaker[0]].norm
    resolved = draft.speaker != draft.source and (
        governed_head(head, lex) or head[:1] == "و" and head[1:] in lex.head_words
    )  # «... كيري والرئيس الأمريكي أوباما»: the second of two people, without «و»
    same = draft.source_after_lam and draft.speaker == draft.source
    return _span(tt, draft.speaker, detach=same or resolved)


def _to_claim(
    tt: TokenizedText, n: int, draft: Draft, speaker: Span | None, identity: Identity, lex
) -> Claim:
    """The claim of a draft, with its speaker's identity (worked out over the document)."""
    cue = draft.cue
    label, speaker_name, transliterated = labels(
        tt, draft.speaker, cue.gloss, cue.negated, cue.kind == CueKind.PHRASE, lex,
        impersonal=cue.kind == CueKind.PASSIVE,
    )
    return Claim(
        id=f"c{n}",
        sentence=tt.sentence_of[cue.first],
        source=_span(tt, draft.source, detach=draft.source_after_lam),
        speaker=speaker,
        cue=_exact_span(tt.text, cue.start, cue.end),
        lemma=cue.lemma,
        gloss=cue.gloss,
        stance=cue.stance,
        negated=cue.negated,
        channel=_span(
            tt, draft.channel, detach=bool(draft.channel and lam_prefixed(tt, draft.channel, lex))
        ),
        content=_span(tt, draft.content, detach=opens_with_conjunction(tt, draft.content[0])),
        direct_quote=draft.direct_quote,
        label=label,
        speaker_label=speaker_name,
        label_transliterated=transliterated,
        speaker_key=identity.key,
        speaker_kind=identity.kind,
        speaker_resolution=_resolution(draft),
    )


def _resolution(draft: Draft) -> str:
    """Named by the claim's clause, resolved to an antecedent, impersonal or unresolved."""
    if draft.speaker is not None:
        return "named" if draft.speaker == draft.source else "resolved"
    if draft.source is not None:
        return "named"
    return "impersonal" if draft.cue.is_impersonal else "unresolved"


def _span(tt: TokenizedText, rng: Range | None, detach: bool) -> Span | None:
    """The text of a token range; ``detach`` leaves out a leading letter: a لـ («لرويترز» →
    «رويترز») or a conjunction («وتم نقلهما» → «تم نقلهما»)."""
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
