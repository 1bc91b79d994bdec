"""Relay phrases (rules v2, 7): «بحسب وكالة X» qualifying another speaker's claim is its channel."""

from __future__ import annotations

from claimx.extraction.claims.state import (
    BuilderState,
    Draft,
)
from claimx.extraction.claims.verb_first import OBJECT_TAKES
from claimx.extraction.content import find_opener
from claimx.extraction.cues import CueMatch, strip_conjunction
from claimx.extraction.lexicon import CueKind, CuePosition
from claimx.extraction.phrase import bare_noun, head_norm, noun_phrase
from claimx.extraction.tokenize import (
    PUNCTUATION,
    QUOTES,
)
from claimx.model import Range

# Particles that resume the main clause after a fronted relay phrase: «وبحسب X، فقد توقع».
RESUMPTIVES = frozenset({"فقد", "قد", "لقد"})


class Relays(BuilderState):
    """Relay phrases (rules v2, 7)."""

    def _relays_for_another(self, cue: CueMatch, source: Range, nxt: CueMatch | None) -> bool:
        """«بحسب X» qualifying another speaker's claim in its sentence makes X that claim's
        channel, not a claim (rules v2, 7); with an impersonal claim («من المتوقع ... بحسب
        استطلاعات») X is its source."""
        n = self._qualified_draft(cue)
        if n is not None:
            draft = self.drafts[n]
            if draft.source is None and draft.cue.position == CuePosition.IMPERSONAL:
                self._revise(n, draft._replace(source=source, speaker=self._speaker(cue, source)))
                return True
            if self._same_speaker(draft, source):
                return False  # «أشار البيان إلى أن P، حسب البيان»: the same speaker twice
            if not self._is_medium(source):
                return self._sourcing_within(draft, cue, source)
            if draft.channel is None:
                self._revise(n, draft._replace(channel=source))
            return True
        source = self._without_resumptive(source)
        if (
            nxt is not None
            and nxt.kind != CueKind.PHRASE
            and self._is_medium(source)
            and self._introduces(source, nxt)
        ):
            self.channel_for[nxt.first] = source  # «وحسب وكالة X، أكدت الوزيرة أن ...»
            return True
        return False

    def _sourcing_within(self, draft: Draft, cue: CueMatch, source: Range) -> bool:
        """«وأضاف الطبيب أن الحريق أدى، حسب آخر حصيلة، إلى وفاة رجلين»: a bare relay phrase
        whose object is no medium is the speaker's own sourcing, part of his claim (rules v2,
        7), not a claim. «وفق ما صرح به مسؤول» names a person's act of saying, and a cue
        inside a quotation is annotated (rules v3, 7): those stay claims of their own."""
        return (
            cue.last - cue.first == 1
            and not draft.direct_quote
            and not self._names_speaker(source)
        )

    def _names_speaker(self, source: Range) -> bool:
        """«حسب مصادر أمنية»، «وفقا للتقارير الطبية»: a known speaker or a document that
        speaks (rules v2, 6), unlike a toll, files or findings («حسب آخر حصيلة»، «وفقا
        للأبحاث») or the terms one acts by («وفقا لاحتياجات كل دولة»)."""
        tok = next(
            (t for t in self.tt.tokens[source[0] : source[1]] if t.text not in QUOTES), None
        )
        if tok is None:
            return True
        norm = strip_conjunction(tok.norm)
        forms = {norm, norm[1:]} if norm[:1] in "لب" else {norm}
        lex = self.lex
        return any(f in lex.head_words or f in lex.organisation_words for f in forms)

    def _without_resumptive(self, source: Range) -> Range:
        """«وبحسب وكالة X، فقد أكد»: the comma and «فقد» close the relay's phrase."""
        start, end = source
        while end - start > 1 and self.tt.tokens[end - 1].norm in RESUMPTIVES | {"،", ","}:
            end -= 1
        return start, end

    def _revise(self, n: int, draft: Draft) -> None:
        """Give claim ``n`` a new part, keeping its parts disjoint (the relay phrase may sit
        inside its content); a revision that would empty the content is dropped."""
        revised = self._disjoint(draft)
        if revised is not None and revised.content[1] > revised.content[0]:
            self.drafts[n] = revised

    def _same_speaker(self, draft: Draft, source: Range) -> bool:
        speaker = draft.speaker or draft.source
        return speaker is not None and head_norm(self.tt, speaker) == head_norm(self.tt, source)

    def _is_medium(self, rng: Range) -> bool:
        """An outlet, agency or kind of statement (rules v2, 8): what can be a channel."""
        tt, lex = self.tt, self.lex
        first = tt.tokens[rng[0]]
        if first.text in QUOTES:
            return True  # «"الوطن"»: a quoted title
        head = head_norm(tt, rng)
        head = head[1:] if head[:1] == "ل" and not head.startswith("لل") else bare_noun(head)
        return head in lex.marker_set("outlet_heads") or head in lex.marker_set("channel_kinds")

    def _introduces(self, source: Range, nxt: CueMatch) -> bool:
        """«وحسب وكالة X، أكدت الوزيرة»، «وبحسب "X"، فقد توقع محللون»: a comma, then the
        cue, perhaps after «فقد»; or a verb cue right after the phrase («وبحسب تقرير الوكالة
        أوضح الوزير أن»)."""
        between = self.tt.tokens[source[1] : nxt.first]
        while len(between) > 1 and between[-1].norm in RESUMPTIVES:
            between = between[:-1]
        comma = len(between) == 1 and between[0].norm in ("،", ",")
        return (
            self.tt.sentence_of[nxt.first] == self.tt.sentence_of[source[0]]
            and (comma or not between and nxt.kind == CueKind.VERB)
            and not nxt.conjoined
            and self._takes_content(nxt)
        )

    def _takes_content(self, nxt: CueMatch) -> bool:
        """«وبحسب "X"، فقد زادت الأرباح»: «زادت» (increased) opens no content, so it is no
        claim and the relay phrase is a claim of its own."""
        opener = find_opener(self.tt, nxt, self._next_verb_start(nxt), self.lex)
        return opener is not None or bool(nxt.takes & OBJECT_TAKES)

    def _qualified_draft(self, cue: CueMatch) -> int | None:
        """The claim whose proposition a post-posed cue stands in or right after."""
        sentence = self.tt.sentence_of[cue.first]
        for n in range(len(self.drafts) - 1, -1, -1):
            draft = self.drafts[n]
            if self.tt.sentence_of[draft.cue.first] != sentence:
                return None
            start, end = draft.content
            gap = [t for t in self.tt.tokens[end : cue.first] if t.norm not in PUNCTUATION]
            if start <= cue.first and (not gap or end > cue.first):
                return n
            if self._between_cue_and_content(draft, cue):
                return n
            if end <= cue.first:
                return None
        return None

    def _between_cue_and_content(self, draft: Draft, cue: CueMatch) -> bool:
        """«وأشار الوزير، وفقا لما أوردته صحيفة X، إلى أن P»: the phrase stands between the
        claim's cue (and its subject) and the content it qualifies."""
        speaker_end = draft.source[1] if draft.source is not None else draft.cue.last
        return max(draft.cue.last, speaker_end) <= cue.first and draft.content[0] >= cue.last

    def _attach_channel(self, cue: CueMatch, outlet: Range | None, nxt: CueMatch | None) -> bool:
        """«وفقا لما نقلته وكالة X»: X is the channel of the claim it qualifies, the one
        before it in its sentence, else the next one («وبحسب ما نقلت صحيفة X، فإنه لا صحة»);
        False when its sentence holds no other claim."""
        if outlet is None:
            return True
        sentence = self.tt.sentence_of[cue.first]
        for n in range(len(self.drafts) - 1, -1, -1):
            draft = self.drafts[n]
            if self.tt.sentence_of[draft.cue.first] != sentence:
                break
            if draft.channel is None:
                self._revise(n, draft._replace(channel=outlet))
            return True
        if nxt is not None and self.tt.sentence_of[nxt.first] == sentence:
            self.channel_for[nxt.first] = outlet
            return True
        return False

    def _relayed_source(self, outlet: Range, sentence_end: int) -> tuple[Range, Range | None]:
        """«... بحسب ما نقلته رويترز عن المتحدث»: in a sentence with no other claim the
        relay is a claim of its own (rules v2, 7), by the عن-object through the outlet."""
        k = outlet[1]
        if k < sentence_end and self.tt.tokens[k].norm == "عن":
            source = noun_phrase(self.tt, k + 1, sentence_end, self.lex, self.cue_starts)
            if source is not None:
                return source, outlet
        return outlet, None
