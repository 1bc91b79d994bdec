"""Prepositional and phrase cues: «بحسب X»، «على حد قوله»، «من المتوقع أن»."""

from __future__ import annotations

from claimx.extraction.channel import lam_prefixed
from claimx.extraction.claims.state import (
    BuilderState,
    Draft,
)
from claimx.extraction.content import (
    content_from,
    is_speech_length,
    object_content,
    quoted,
)
from claimx.extraction.cues import CueMatch, strip_conjunction
from claimx.extraction.lexicon import CueKind, CuePosition
from claimx.extraction.phrase import (
    bare_noun,
    clause_verb_end,
    is_complementizer,
    is_verbal_noun,
    is_verbal_noun_phrase,
    noun_phrase,
)
from claimx.extraction.source import is_non_speaker, past_outlet_told, with_name_apposition
from claimx.extraction.tokenize import (
    CLAUSE_MARKS,
    SENTENCE_END,
)
from claimx.extraction.words import CLAUSE_START_WORDS
from claimx.model import Range


class PhraseCues(BuilderState):
    """Prepositional and phrase cues."""

    def _phrase(self, cue: CueMatch, nxt: CueMatch | None) -> Draft | None:
        tt, lex = self.tt, self.lex
        _, sentence_end = tt.sentence_bounds(cue.first)
        source = None
        if cue.position == CuePosition.SOURCE_AFTER:
            start = cue.last
            if tt.tokens[start - 1].norm in lex.verbs:  # «كما يقول لـ«الحياة» الخبير»
                start = past_outlet_told(tt, start, sentence_end, lex)
            source = noun_phrase(tt, start, sentence_end, lex, self.cue_starts, after_lam=True)
            if source is None or is_non_speaker(tt, source, lex):
                return None
            if self._measure(source):
                return None  # «حسب تركيز السكر في الدم»: an action or a measure, no speaker
            source = with_name_apposition(tt, source, sentence_end, lex, self.cue_starts)
            source = clause_verb_end(tt, source, lex)  # «بحسب التقارير تسعى الحكومة ...»
        relayed = None
        if cue.relay:
            if source is None or self._attach_channel(cue, source, nxt):
                return None
            source, relayed = self._relayed_source(source, sentence_end)
        if source is not None and not cue.quoting and self._relays_for_another(cue, source, nxt):
            return None
        if (
            cue.position == CuePosition.IMPERSONAL
            and nxt
            and nxt.kind == CueKind.PHRASE
            and nxt.first == cue.last
            and nxt.position == CuePosition.SOURCE_AFTER
        ):
            source = noun_phrase(tt, nxt.last, sentence_end, lex, self.cue_starts, after_lam=True)
            self.consumed.add(nxt.first)
        content = self._phrase_content(cue, source[1] if source else cue.last, sentence_end)
        if content is None:
            return None
        if cue.position == CuePosition.OWN_PRONOUN and cue.ahead:
            speaker = self.memory.resolve_pronoun(cue, cue.agreement)  # «حساب ... جاء فيه»
        elif cue.position == CuePosition.OWN_PRONOUN:
            speaker = self.memory.resolve_dropped(cue, cue.agreement)
        elif cue.position == CuePosition.DROPPED and cue.first in self.channel_for:
            speaker = None  # «بحسب ما نقلت صحيفة X، فإنه لا صحة ...»: X relays, no one is named
        elif cue.position == CuePosition.DROPPED:
            speaker = self.memory.resolve_dropped(cue, "")
        else:
            speaker = self._speaker(cue, source)
        channel = relayed or self._quoting_channel(cue) or self.channel_for.get(cue.first)
        after_lam = source is not None and lam_prefixed(tt, source, lex)
        return Draft(cue, source, speaker, content[0], channel, content[1], after_lam)

    def _measure(self, source: Range) -> bool:
        """«تركيز السكر»، «الترتيب التنازلي»، «التوقيت المحلي»: a verbal noun by which things
        vary; not of the shape أفعال, the plural of «الأرقام» and of «الإعلام»."""
        word = bare_noun(strip_conjunction(self.tt.tokens[source[0]].norm))
        return is_verbal_noun_phrase(self.tt, source[0], self.lex) and not (
            len(word) == 5 and word[0] == "ا" and word[3] == "ا"
        )

    def _phrase_content(
        self, cue: CueMatch, after: int, sentence_end: int
    ) -> tuple[Range, bool] | None:
        tt = self.tt
        k = after
        while k < sentence_end and tt.tokens[k].norm in ("،", ","):
            k += 1
        at_end = k >= sentence_end or tt.tokens[k].norm in SENTENCE_END
        if at_end or not (
            self._at_clause_start(cue)
            or cue.quoting
            or cue.ahead
            or cue.position == CuePosition.IMPERSONAL
        ):
            return self._preceding_content(cue)
        if cue.ahead and tt.tokens[k].text == ":":
            k += 1
        if cue.ahead and tt.quotes.get(k, -1) > k and is_speech_length(tt, k):
            return quoted(tt, k)  # «جاء فيها «الهدنة انتهت»»
        if k + 1 < sentence_end and tt.tokens[k].norm in self.lex.marker_set("answering_particles"):
            return content_from(tt, k + 1, self.cue_at, cue, self.lex)  # «حسب X، فقد P»
        for j in range(k, min(sentence_end, k + 12, self._next_verb_start(cue))):
            if is_complementizer(tt.tokens[j], self.lex):
                return content_from(tt, j + 1, self.cue_at, cue, self.lex)
        if cue.position == CuePosition.IMPERSONAL and tt.tokens[k].norm == "عن":
            rng = object_content(tt, k + 1, self.cue_at, cue, self.lex)  # «جرى الحديث عن»
            return (rng, False) if rng else None
        if cue.position == CuePosition.SOURCE_AFTER and self._after_comma(cue):
            return self._preceding_content(cue)  # «...، حسبما ذكر ضابط طلب عدم ...»
        if cue.position == CuePosition.IMPERSONAL and is_verbal_noun(tt.tokens[k], self.lex):
            rng = object_content(tt, k, self.cue_at, cue, self.lex)  # «من المتوقع انخفاض ...»
            return (rng, False) if rng else None
        if cue.position == CuePosition.IMPERSONAL or cue.quoting:
            return None
        if k in self.cue_at:  # what follows is another attribution, not this one's proposition
            return self._preceding_content(cue)
        return content_from(tt, k, self.cue_at, cue, self.lex)

    def _after_comma(self, cue: CueMatch) -> bool:
        """A comma before the phrase and words before the comma: it is post-posed."""
        first, _ = self.tt.sentence_bounds(cue.first)
        return cue.first - first >= 3 and self.tt.tokens[cue.first - 1].norm in ("،", ",")

    def _at_clause_start(self, cue: CueMatch) -> bool:
        first, _ = self.tt.sentence_bounds(cue.first)
        if cue.first == first:
            return True
        prev = self.tt.tokens[cue.first - 1]
        return (
            prev.norm in CLAUSE_MARKS
            or prev.norm in CLAUSE_START_WORDS
            or prev.norm in self.lex.marker_set("clause_openers")
            or is_complementizer(prev, self.lex)  # «وأضاف أنه بحسب الشرطة فإن ...»
        )

    def _quoting_channel(self, cue: CueMatch) -> Range | None:
        """«ذكرت المنظمة، نقلا عن X، أن»: the speaker of the surrounding claim relays X."""
        if not cue.quoting or not self.drafts:
            return None
        previous = self.drafts[-1]
        same_sentence = self.tt.sentence_of[previous.cue.first] == self.tt.sentence_of[cue.first]
        return previous.source if same_sentence else None
