"""A quotation before its cue: «"..."، قال المتحدث»."""

from __future__ import annotations

from claimx.extraction.channel import find_channel
from claimx.extraction.claims.state import (
    BuilderState,
    Draft,
    VerbFrame,
)
from claimx.extraction.content import (
    is_speech_length,
    quoted,
    skip_adverbials,
)
from claimx.extraction.cues import CueMatch
from claimx.extraction.lexicon import CueKind, Takes
from claimx.extraction.phrase import noun_phrase


class QuotationsBefore(BuilderState):
    """A quotation before its cue."""

    def _follows_quotation(self, cue: CueMatch, frame: VerbFrame) -> bool:
        """A verb that takes a quotation, right after one. «"..."، مؤكدا»: a participle adds to
        its verb; «مصادر "قوات سوريا الديمقراطية" تنفي»: a quoted name is the subject."""
        return (
            Takes.QUOTE in cue.takes
            and cue.kind != CueKind.PARTICIPLE
            and not frame.adjacent
            and self._quote_before(cue) is not None
        )

    def _quote_before(self, cue: CueMatch) -> int | None:
        """«"..."، قال المتحدث»: the opening quote of a quotation standing just before the cue."""
        k = cue.first - 1
        while k >= 0 and self.tt.tokens[k].norm in ("،", ",", "و"):
            k -= 1
        partner = self.tt.quotes.get(k, -1) if k >= 0 else -1
        if (
            0 <= partner < k
            and k - partner > 2
            and is_speech_length(self.tt, partner)
            and self.tt.sentence_of[partner] == self.tt.sentence_of[cue.first]
        ):
            return partner
        return None

    def _after_quotation(self, cue: CueMatch, frame: VerbFrame) -> Draft | None:
        open_quote = self._quote_before(cue)
        if open_quote is None:
            return None
        _, sentence_end = self.tt.sentence_bounds(cue.first)
        source = noun_phrase(
            self.tt,
            skip_adverbials(self.tt, cue.last, self.lex),
            sentence_end,
            self.lex,
            self.cue_starts,
        )
        content, direct = quoted(self.tt, open_quote)
        channel = find_channel(self.tt, source[1] if source else cue.last, sentence_end, self.lex)
        return Draft(cue, source, self._speaker(cue, source), content, channel, direct)
