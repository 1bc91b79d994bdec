"""Assemble each cue with its source, content and channel into a claim draft.

Cues are visited in text order so that a dropped subject can be resolved against the claims
before it; each construction family lives in its own module, mixed in here. Which family
builds a cue's claim is decided here, in FAMILIES and VERB_WITHOUT_OPENER: a new
construction goes into one of these tables.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterator

from claimx.extraction.claims.phrases import PhraseCues
from claimx.extraction.claims.pointing import PointingObjects
from claimx.extraction.claims.quotations import QuotationsBefore
from claimx.extraction.claims.relays import Relays
from claimx.extraction.claims.state import (
    Draft,
    VerbFrame,
    _asks,
)
from claimx.extraction.claims.verb_first import VerbCues
from claimx.extraction.claims.verbal_nouns import VerbalNouns
from claimx.extraction.cues import CueMatch, strip_conjunction, surely_passive
from claimx.extraction.lexicon import CueKind, CuePosition, Lexicon, Takes
from claimx.extraction.mentions import (
    agreement_of,
    agrees,
    bare_name,
    embedded_subjects,
    gazetteer_mentions,
    subject_after,
)
from claimx.extraction.names import fullest_mention
from claimx.extraction.source import is_non_speaker
from claimx.extraction.speaker import SpeakerMemory
from claimx.extraction.tokenize import TokenizedText
from claimx.model import Range

NAMED_LATER_REACH = 16  # claims ahead in which a dropped subject's name is sought
SHORT_SPEAKER = 4  # tokens: a longer speaker is named in full already
CONTENT_BUDGET_FACTOR = 4  # all contents of a text together: at most 4 tokens per token ...
CONTENT_BUDGET_SLACK = 2_000  # ... plus this many, so short texts are never clipped
MIN_BUDGETED_CONTENT = 30  # a clipped content keeps at least this many tokens

# Cues that do not end the reach of the verb cue before them (BuilderState._next_verb_start).
NOT_VERBS = frozenset({CueKind.PHRASE, CueKind.NOUN})

Fits = Callable[["ClaimBuilder", CueMatch, VerbFrame], bool]
Build = Callable[["ClaimBuilder", CueMatch, VerbFrame], Draft | None]

# A verb cue with no opener after it: the first of these constructions that fits builds its
# claim; with none, the verb-first or subject-first reading does (VerbCues._verb).
VERB_WITHOUT_OPENER: tuple[tuple[Fits, Build], ...] = (
    # «أوضح ذلك اللواء ...»: a pointing object, then the subject
    (PointingObjects._points_back_first, PointingObjects._pointing_object_then_subject),
    # «"..."، قال المتحدث»: a quotation before the cue
    (QuotationsBefore._follows_quotation, QuotationsBefore._after_quotation),
    # «وهو ما اعتبره "خطرا"»: an object pronoun and the predicate judging it
    (PointingObjects._judges_object_pronoun, PointingObjects._object_pronoun_and_predicate),
    # «... كما يعتقدون»: the proposition before «كما»
    (VerbCues._as_says, VerbCues._post_posed_verb),
)


def _verb_cue(builder: ClaimBuilder, cue: CueMatch, nxt: CueMatch | None) -> Draft | None:
    """A verb, participle or passive cue: a construction of VERB_WITHOUT_OPENER, else the
    verb-first or subject-first reading."""
    frame = builder._verb_frame(cue)
    if frame is None:
        return None
    if frame.opener is None:
        for fits, build in VERB_WITHOUT_OPENER:
            if fits(builder, cue, frame):
                return build(builder, cue, frame)
    return builder._verb(cue, frame)


# The construction family that builds the claim of each kind of cue, given the cue after it.
FAMILIES: dict[CueKind, Callable[[ClaimBuilder, CueMatch, CueMatch | None], Draft | None]] = {
    CueKind.VERB: _verb_cue,
    CueKind.PARTICIPLE: _verb_cue,
    CueKind.PASSIVE: _verb_cue,
    CueKind.PHRASE: PhraseCues._phrase,  # «بحسب X»، «على حد قوله»، «من المتوقع أن»
    CueKind.NOUN: VerbalNouns._verbal_noun,  # «قول السعودية إن»
}


class ClaimBuilder(VerbCues, PointingObjects, QuotationsBefore, PhraseCues, Relays, VerbalNouns):
    """Builds drafts for the cues of one text, remembering speakers as it goes."""

    def __init__(
        self,
        tt: TokenizedText,
        cues: list[CueMatch],
        lex: Lexicon,
        speech_acts: list[tuple[int, str]],
    ) -> None:
        self.tt, self.cues, self.lex = tt, cues, lex
        self.cue_at = {c.first: c for c in cues}
        self.cue_starts = set(self.cue_at)
        self.verb_starts = [
            c.first
            for c in cues
            if c.kind not in NOT_VERBS
            and not _asks(tt, c)
            and Takes.CLAIM_OBJECT not in c.takes
        ]
        self.memory = SpeakerMemory(
            tt,
            lex,
            pending=self._non_claim_mentions(speech_acts),
            find_embedded=lambda: list(embedded_subjects(tt, lex, self.cue_starts)),
            cue_starts=self.cue_starts,
        )
        self.drafts: list[Draft] = []
        self.consumed: set[int] = set()
        self.channel_for: dict[int, Range] = {}  # a relay phrase's outlet, by the next cue
        # Contents may overlap (a nested claim), so their sum is bounded by the text's length:
        # deeply nested quoted speech would otherwise give output quadratic in its input.
        self.content_budget = CONTENT_BUDGET_FACTOR * len(tt.tokens) + CONTENT_BUDGET_SLACK

    def _non_claim_mentions(
        self, speech_acts: list[tuple[int, str]]
    ) -> Iterator[tuple[int, Range]]:
        """Speakers that are not claim sources, in text order: known speaker nouns, and the
        subjects of «دعا، برر» (at the verb)."""
        tt, lex = self.tt, self.lex
        known = ((rng[0], rng) for rng in gazetteer_mentions(tt, lex, self.cue_starts))
        subjects = (
            (index, subject)
            for index, _agreement in speech_acts
            if (subject := subject_after(tt, index, lex, self.cue_starts))
        )
        return heapq.merge(known, subjects, key=lambda mention: mention[0])

    def build(self) -> list[Draft]:
        for n, cue in enumerate(self.cues):
            if cue.first in self.consumed:
                continue
            nxt = self.cues[n + 1] if n + 1 < len(self.cues) else None
            draft = FAMILIES[cue.kind](self, cue, nxt)
            if draft is not None and not self._topic_talk(draft):
                self._accept(self._without_passive_subject(draft))
        return self._with_fullest_speakers()

    def _topic_talk(self, draft: Draft) -> bool:
        """«وتحدث اللاعب عن الفرق المفضلة لديه»: a person talking about a topic claims
        nothing; «تحدثت تقارير عن ...»، «وتحدثت الشائعات عن ...» allege."""
        cue, tt = draft.cue, self.tt
        if cue.lemma not in self.lex.marker_set("hearsay_cues") or cue.last >= len(tt.tokens):
            return False
        if any(t.norm in self.lex.complementizers for t in tt.tokens[cue.last : cue.last + 3]):
            return False
        speaker = draft.speaker or draft.source
        if speaker is None:
            return True
        head = strip_conjunction(tt.tokens[speaker[0]].norm)
        head = head[2:] if head.startswith("ال") else head
        return head not in self.lex.marker_set("hearsay_heads") and head not in (
            self.lex.marker_set("claim_nouns")
        )

    def _without_passive_subject(self, draft: Draft) -> Draft:
        """«اتُّهم الوزير بالفساد»، «كُشف النقاب عن أن ...»: the grammatical subject of a
        passive is what is talked about, never who speaks; the claim is impersonal."""
        if draft.source is None and draft.speaker is None or not surely_passive(
            self.tt, draft.cue
        ):
            return draft
        return draft._replace(source=None, speaker=None)

    def _with_fullest_speakers(self) -> list[Draft]:
        """Each speaker as named most fully anywhere in the text, later claims included."""
        named = [rng for d in self.drafts for rng in (d.source, d.speaker) if rng is not None]
        mentions = sorted(set(named))
        drafts = [
            self._named_later(n, d) if d.speaker is None else d for n, d in enumerate(self.drafts)
        ]
        out = []
        for draft in drafts:
            speaker = draft.speaker
            if speaker is not None and speaker[1] - speaker[0] <= SHORT_SPEAKER:
                fullest = fullest_mention(self.tt, speaker, mentions, self.lex)
                if fullest != draft.speaker:
                    draft = draft._replace(speaker=fullest)
            out.append(draft)
        return out

    def _named_later(self, n: int, draft: Draft) -> Draft:
        """A dropped subject with nothing before it («وذكر أنه ...» opening a text) is the
        speaker the next claims of its paragraph name («وتابع الضابط ...»)."""
        cue = draft.cue
        if draft.speaker or draft.source or cue.is_impersonal:
            return draft
        paragraph = self.tt.paragraph_of(cue.first)
        for later in self.drafts[n + 1 : n + 1 + NAMED_LATER_REACH]:
            if self.tt.paragraph_of(later.cue.first) != paragraph:
                break
            if later.source is None:
                continue
            found = agreement_of(self.tt, later.source, self.lex)
            named = agrees(cue.agreement, found) or cue.agreement == "f" and bare_name(
                self.tt, later.source, self.lex
            )  # «لكنها توضح ... فتؤكد شور»: a name's gender is in its verb
            if named and not is_non_speaker(self.tt, later.source, self.lex):
                return draft._replace(speaker=later.speaker or later.source)
            break
        return draft

    def _accept(self, draft: Draft) -> None:
        draft = self._disjoint(draft)
        if draft is None or draft.content[1] <= draft.content[0]:
            return  # «قال: «»»: an empty quotation attributes nothing
        draft = self._within_budget(draft)
        self.content_budget -= draft.content[1] - draft.content[0]
        self.drafts.append(draft)
        if draft.speaker is not None:
            self.memory.remember(
                draft.cue.first,
                draft.source or draft.speaker,
                draft.speaker,
                is_claim=True,
                content=draft.content,
                verb_gender=draft.cue.agreement if draft.cue.kind == CueKind.VERB else "",
                aside=draft.cue.kind == CueKind.PHRASE
                and draft.cue.position == CuePosition.SOURCE_AFTER,
            )

    def _within_budget(self, draft: Draft) -> Draft:
        """Past the budget, a content stops before the first claim nested in it: that claim
        carries the rest. Text of news density never gets near it."""
        start, end = draft.content
        if end - start <= self.content_budget:
            return draft
        nested = next((k for k in range(start + 1, end) if k in self.cue_at), end)
        end = min(nested, start + max(self.content_budget, MIN_BUDGETED_CONTENT))
        return draft._replace(content=(start, max(end, start + 1)))
