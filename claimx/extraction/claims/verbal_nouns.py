"""Verbal nouns with a proposition after them (rules v2, 2): «قول السعودية وروسيا إنهما»،
«تلميحات بأنه انتقد»، «بزعمه أن»."""

from __future__ import annotations

from claimx.extraction.claims.state import BuilderState, Draft
from claimx.extraction.content import content_from, is_speech_length, quoted
from claimx.extraction.cues import NOUN_WINDOW, CueMatch
from claimx.extraction.mentions import clause_subject
from claimx.extraction.phrase import noun_phrase
from claimx.extraction.source import is_non_speaker
from claimx.model import Range


class VerbalNouns(BuilderState):
    """Verbal nouns: the speaker is the noun's genitive or pronoun, the content its clause."""

    def _verbal_noun(self, cue: CueMatch, nxt: CueMatch | None) -> Draft | None:
        tt = self.tt
        opener = self._noun_opener(cue)
        if opener is None:
            return None
        source = None
        if not cue.pronoun and not tt.tokens[cue.first].norm.startswith(("ال", "وال", "بال")):
            source = noun_phrase(tt, cue.last, opener, self.lex, self.cue_starts)
            if source and is_non_speaker(tt, source, self.lex):
                source = None
        if cue.pronoun:
            speaker = self.memory.resolve_dropped(cue, cue.agreement)
        elif source is None and self._by_saying(cue):
            speaker = self._sayer(cue)
        else:
            speaker = self._speaker(cue, source) if source else None
        start = opener + 1
        if tt.tokens[opener].text == ":" and tt.quotes.get(start, -1) > start:
            if not is_speech_length(tt, start):
                return None
            content = quoted(tt, start)
        else:
            found = content_from(tt, start, self.cue_at, cue, self.lex)
            if found is None:
                return None
            content = found
        return Draft(cue, source, speaker, content[0], None, content[1])

    def _by_saying(self, cue: CueMatch) -> bool:
        """«ورد الوزير بالقول إن»، «مكتفيا بالقول»: the noun with «بـ» tells how the act of
        the verb before it was done, by saying."""
        return self.tt.tokens[cue.first].norm.startswith(("بال", "وبال"))

    def _sayer(self, cue: CueMatch) -> Range | None:
        """Who says «بالقول»: the subject of the verb whose clause it ends («ورد الوزير
        بالقول» → «الوزير»), else the speaker a dropped subject would refer to
        («، مكتفيا بالقول»)."""
        claims = {m for m in self.cue_at if m < cue.first}
        subject = clause_subject(self.tt, cue.first, self.lex, self.cue_starts, claims)
        if subject is not None:
            return self.memory.resolve_reduced(subject)
        return self.memory.resolve_dropped(cue, "")

    def _noun_opener(self, cue: CueMatch) -> int | None:
        for tok in self.tt.tokens[cue.last : cue.last + NOUN_WINDOW]:
            if tok.norm in self.lex.complementizers or tok.text == ":":
                return tok.index
        return None
