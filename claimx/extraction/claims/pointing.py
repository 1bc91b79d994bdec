"""Objects that point back or carry the judged thing: «نفى ذلك»، «أوضح ذلك اللواء»،
«ما اعتبره "خطرا"»."""

from __future__ import annotations

from claimx.extraction.channel import find_channel
from claimx.extraction.claims.state import (
    PLURAL_AGREEMENTS,
    BuilderState,
    Draft,
    VerbFrame,
    before_quoted_predicate,
)
from claimx.extraction.content import (
    Opener,
    object_content,
    quoted,
    skip_adverbials,
    trim_end,
    trim_start,
)
from claimx.extraction.cues import CueMatch
from claimx.extraction.lexicon import CueKind, Takes
from claimx.extraction.phrase import noun_phrase
from claimx.extraction.source import is_non_speaker
from claimx.extraction.tokenize import PUNCTUATION
from claimx.extraction.words import DEMONSTRATIVE_OBJECTS, PROPOSITION_POINTERS
from claimx.model import Range


class PointingObjects(BuilderState):
    """Objects that point back or carry the judged thing."""

    def _judges_object_pronoun(self, cue: CueMatch, frame: VerbFrame) -> bool:
        """«وهو ما اعتبره "خطرا"»: a verb with an object pronoun that takes a predicate."""
        return cue.has_object and Takes.PREDICATE in cue.takes

    def _object_pronoun_and_predicate(self, cue: CueMatch, frame: VerbFrame) -> Draft | None:
        """«وهو ما اعتبره "خطرا حقيقيا"»، «ما وصفوه بسوء إدارة المياه»: the object pronoun
        is what is judged, the predicate after it is the content."""
        tt, fronted, limit = self.tt, frame.fronted, frame.limit
        source, after = fronted, cue.last
        if fronted is None and cue.agreement not in PLURAL_AGREEMENTS:
            start = skip_adverbials(tt, cue.last, self.lex)
            phrase = noun_phrase(tt, start, limit, self.lex, self.cue_starts, object_mode=True)
            if phrase:
                phrase = before_quoted_predicate(tt, phrase)
            if phrase is not None and phrase[1] < limit and (
                tt.tokens[phrase[1]].norm not in PUNCTUATION
                or tt.quotes.get(phrase[1], -1) > phrase[1]
            ):  # «ما اعتبره الوزير "خطرا"»: the predicate follows the subject
                source, after = phrase, phrase[1]
        if after < len(tt.tokens) and tt.quotes.get(after, -1) > after:
            rng, direct = quoted(tt, after)
        else:
            found = object_content(tt, after, self.cue_at, cue, self.lex)
            if found is None:
                return None
            rng, direct = found, False
        return Draft(cue, source, self._speaker(cue, source), rng, None, direct)

    def _points_back_first(self, cue: CueMatch, frame: VerbFrame) -> bool:
        """«أوضح ذلك اللواء ...»: a pointing object before the subject, no content after."""
        k = cue.last
        tokens = self.tt.tokens
        return (
            frame.fronted is None
            and not cue.has_object
            and cue.kind == CueKind.VERB
            and k + 1 < len(tokens)
            and tokens[k].norm in PROPOSITION_POINTERS
            and tokens[k + 1].norm not in PUNCTUATION
        )

    def _pointing_object_then_subject(self, cue: CueMatch, frame: VerbFrame) -> Draft | None:
        tt = self.tt
        _, sentence_end = tt.sentence_bounds(cue.first)
        source = noun_phrase(tt, cue.last + 1, sentence_end, self.lex, self.cue_starts)
        if source is None or is_non_speaker(tt, source, self.lex):
            return None
        content = self._antecedent_proposition(cue)
        if content is None:
            return None
        channel = find_channel(tt, source[1], sentence_end, self.lex)
        speaker = self._speaker(cue, source)
        return Draft(cue, source, speaker, content[0], channel, content[1])

    def _anaphoric_object(self, cue: CueMatch, opener: Opener | None, after: int) -> bool:
        """«نفى الوزير ذلك»، «وهو ما نفته الشركة»: the object points back at a proposition."""
        if opener is not None or Takes.OBJECT not in cue.takes:
            return False
        if cue.has_object:
            return True
        k = skip_adverbials(self.tt, after, self.lex)
        if k >= len(self.tt.tokens) or self.tt.tokens[k].norm not in DEMONSTRATIVE_OBJECTS:
            return False
        nxt = self.tt.tokens[k + 1].norm if k + 1 < len(self.tt.tokens) else ""
        return not nxt.startswith("ال")  # «نفت هذه الأنباء»: the noun phrase names the claim

    def _antecedent_proposition(self, cue: CueMatch) -> tuple[Range, bool] | None:
        """The proposition an anaphoric object refers to: the last claim's, else the clause
        or sentence just before the cue."""
        sentence = self.tt.sentence_of[cue.first]
        if self.drafts and sentence - self.tt.sentence_of[self.drafts[-1].cue.first] <= 1:
            return self.drafts[-1].content, self.drafts[-1].direct_quote
        first, _ = self.tt.sentence_bounds(cue.first)
        end = cue.first
        while end > first and self.tt.tokens[end - 1].norm not in ("،", ",", "؛"):
            end -= 1
        if end <= first and first > 0:  # the cue opens its sentence: the previous one
            first, end = self.tt.sentence_bounds(first - 1)
        end = trim_end(self.tt, first, end)
        first = trim_start(self.tt, first, end)
        return ((first, end), False) if end > first else None
