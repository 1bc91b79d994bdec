"""Assemble each cue with its source, content and channel into a claim draft.

Cues are visited in text order so that a dropped subject can be resolved against the claims
before it; nothing here looks ahead at later claims.
"""

from __future__ import annotations

import heapq
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from claimx.extraction.channel import find_channel, lam_prefixed, statement_end
from claimx.extraction.content import (
    Opener,
    content_from,
    find_opener,
    is_speech_length,
    object_content,
    quoted,
    skip_adverbials,
    trim_end,
    trim_start,
)
from claimx.extraction.cues import CueMatch, strip_conjunction
from claimx.extraction.lexicon import Lexicon
from claimx.extraction.source import (
    RELATIVE_AGREEMENT,
    Range,
    bare_noun,
    fronted_subject,
    head_norm,
    is_complementizer,
    is_non_speaker,
    is_verbal_noun,
    noun_phrase,
    relative_antecedent,
    relative_before,
    with_apposition,
)
from claimx.extraction.speaker import (
    SpeakerMemory,
    agreement_of,
    agrees,
    embedded_subjects,
    fullest_mention,
    gazetteer_mentions,
    subject_after,
)
from claimx.extraction.tokenize import (
    CLAUSE_MARKS,
    PUNCTUATION,
    QUOTES,
    SENTENCE_END,
    TokenizedText,
)

MAX_CLAUSE_TOKENS = 120  # a clause is sought no further back than this
DEMONSTRATIVE_OBJECTS = frozenset({"ذلك", "هذا", "ذاك", "هذه", "تلك"})
PROPOSITION_POINTERS = frozenset({"ذلك", "هذا"})  # what was just said: masculine only
PLURAL_AGREEMENTS = frozenset({"mp", "fp", "md", "fd"})
CLAUSE_START_WORDS = frozenset({"و", "ف", "لكن", "ولكن", "كما", "اما", "بينما", "فيما"})


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim in token ranges, before spans and labels are made."""

    cue: CueMatch
    source: Range | None
    speaker: Range | None
    content: Range
    channel: Range | None
    direct_quote: bool
    source_after_lam: bool = False  # «وفقا لإحصاء ...»: the span leaves out the لـ


class ClaimBuilder:
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
        self.verb_starts = [c.first for c in cues if c.kind != "phrase" and not _asks(tt, c)]
        self.memory = SpeakerMemory(
            tt,
            lex,
            pending=self._non_claim_mentions(speech_acts),
            embedded=list(embedded_subjects(tt, lex, self.cue_starts)),
        )
        self.drafts: list[Draft] = []
        self.consumed: set[int] = set()
        self.channel_for: dict[int, Range] = {}  # a relay phrase's outlet, by the next cue

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
            draft = self._phrase(cue, nxt) if cue.kind == "phrase" else self._verb(cue, nxt)
            if draft is not None:
                self._accept(draft)
        return self._with_fullest_speakers()

    def _with_fullest_speakers(self) -> list[Draft]:
        """Each speaker as named most fully anywhere in the text, later claims included."""
        mentions = [d.source for d in self.drafts if d.source] + [
            d.speaker for d in self.drafts if d.speaker
        ]
        drafts = [self._named_later(n, d) for n, d in enumerate(self.drafts)]
        return [
            replace(d, speaker=fullest_mention(self.tt, d.speaker, mentions, self.lex))
            if d.speaker
            else d
            for d in drafts
        ]

    def _named_later(self, n: int, draft: Draft) -> Draft:
        """A dropped subject with nothing before it («وذكر أنه ...» opening a text) is the
        speaker the next claims of its paragraph name («وتابع الضابط ...»)."""
        cue = draft.cue
        if draft.speaker or draft.source or cue.kind == "passive" or cue.position == "impersonal":
            return draft
        paragraph = self.tt.paragraph_of(cue.first)
        for later in self.drafts[n + 1 :]:
            if self.tt.paragraph_of(later.cue.first) != paragraph:
                break
            if later.source is None:
                continue
            found = agreement_of(self.tt, later.source, self.lex)
            if agrees(cue.agreement, found) and not is_non_speaker(self.tt, later.source, self.lex):
                return replace(draft, speaker=later.speaker or later.source)
            break
        return draft

    def _accept(self, draft: Draft) -> None:
        draft = self._disjoint(draft)
        if draft is None or draft.content[1] <= draft.content[0]:
            return  # «قال: «»»: an empty quotation attributes nothing
        self.drafts.append(draft)
        if draft.speaker is not None:
            self.memory.remember(
                draft.cue.first, draft.source or draft.speaker, draft.speaker, is_claim=True
            )

    # --- verb cues ---------------------------------------------------------------------

    def _verb(self, cue: CueMatch, nxt: CueMatch | None) -> Draft | None:
        tt, lex = self.tt, self.lex
        limit = self._next_verb_start(cue)
        relative = relative_before(tt, cue, lex)
        if relative is None:
            fronted, adjacent = fronted_subject(tt, cue, lex, self.cue_starts)
        else:
            fronted, adjacent = None, False
        opener = find_opener(tt, cue, limit, lex)
        if opener is None and fronted is None and self._points_back_first(cue):
            return self._pointing_object_then_subject(cue)
        if (
            opener is None
            and "quote" in cue.takes
            and cue.kind != "participle"  # «"..."، مؤكدا»: a participle adds to its verb
            and fronted is None  # «مصادر "قوات سوريا الديمقراطية" تنفي»: a quoted name
            and self._quote_before(cue) is not None
        ):
            return self._after_quotation(cue, self._quote_before(cue))
        if opener is None and cue.has_object and "predicate" in cue.takes:
            return self._object_pronoun_and_predicate(cue, fronted, limit)
        if opener is None and "object" not in cue.takes:
            return None
        region_end = opener.index if opener else limit
        if fronted and is_non_speaker(tt, fronted, lex):
            return None
        if fronted and not adjacent and self._subject_follows(cue, region_end, opener is None):
            fronted = None
        source, after_source = self._source_after_verb(cue, fronted, region_end, opener is None)
        if source and is_non_speaker(tt, source, lex):
            return None
        channel = find_channel(tt, cue.last, region_end, lex)
        if cue.relay and source is not None:
            source, channel = self._relay(cue, source, region_end) or (source, channel)
        if self._anaphoric_object(cue, opener, after_source):
            content = self._antecedent_proposition(cue)
        else:
            content = self._verb_content(cue, opener, after_source)
        if content is None:
            return None
        if channel is None and cue.kind != "participle" and not cue.conjoined:
            channel = self.channel_for.get(cue.first) or self._channel_before(cue, source)
        if source is None and relative is not None:
            speaker = self._relative_speaker(cue, relative)
        else:
            speaker = self._speaker(cue, source)
        return Draft(cue, source, speaker, content[0], channel, content[1])

    def _relative_speaker(self, cue: CueMatch, relative: int) -> Range | None:
        """«الشائعات التي تحدثت عن»: the relative pronoun's antecedent speaks when it agrees
        with the verb; otherwise the subject is dropped («صحتها التي أكد أنها»)."""
        if cue.kind == "passive":
            return None
        pronoun = strip_conjunction(self.tt.tokens[relative].norm)
        antecedent = relative_antecedent(self.tt, relative, self.lex)
        if (
            antecedent
            and agrees(cue.agreement, RELATIVE_AGREEMENT[pronoun])
            and not is_non_speaker(self.tt, antecedent, self.lex)
        ):
            return self.memory.resolve_reduced(antecedent)
        return self._speaker(cue, None)

    def _channel_before(self, cue: CueMatch, source: Range | None) -> Range | None:
        """A channel before the cue («في بيان، ذكرت ...»), outside a fronted source: between
        the source and the cue, else before the source."""
        start = self._claim_free_start(cue)
        if source is None or source[0] >= cue.first:
            return find_channel(self.tt, start, cue.first, self.lex)
        return find_channel(self.tt, max(start, source[1]), cue.first, self.lex) or (
            find_channel(self.tt, start, source[0], self.lex)
        )

    def _object_pronoun_and_predicate(
        self, cue: CueMatch, fronted: Range | None, limit: int
    ) -> Draft | None:
        """«وهو ما اعتبره "خطرا حقيقيا"»، «ما وصفوه بسوء إدارة المياه»: the object pronoun
        is what is judged, the predicate after it is the content."""
        tt = self.tt
        source, after = fronted, cue.last
        if fronted is None and cue.agreement not in PLURAL_AGREEMENTS:
            start = skip_adverbials(tt, cue.last, self.lex)
            phrase = noun_phrase(tt, start, limit, self.lex, self.cue_starts, object_mode=True)
            if phrase and phrase[1] < limit and tt.tokens[phrase[1]].norm not in PUNCTUATION:
                source, after = phrase, phrase[1]
        if after < len(tt.tokens) and tt.quotes.get(after, -1) > after:
            rng, direct = quoted(tt, after)
        else:
            found = object_content(tt, after, self.cue_at, cue, self.lex)
            if found is None:
                return None
            rng, direct = found, False
        return Draft(cue, source, self._speaker(cue, source), rng, None, direct)

    def _points_back_first(self, cue: CueMatch) -> bool:
        """«أوضح ذلك اللواء ...»: a pointing object before the subject, no content after."""
        k = cue.last
        tokens = self.tt.tokens
        return (
            not cue.has_object
            and cue.kind == "verb"
            and k + 1 < len(tokens)
            and tokens[k].norm in PROPOSITION_POINTERS
            and tokens[k + 1].norm not in PUNCTUATION
        )

    def _pointing_object_then_subject(self, cue: CueMatch) -> Draft | None:
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
        if opener is not None or "object" not in cue.takes:
            return False
        if cue.has_object:
            return True
        k = skip_adverbials(self.tt, after, self.lex)
        return k < len(self.tt.tokens) and self.tt.tokens[k].norm in DEMONSTRATIVE_OBJECTS

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

    def _after_quotation(self, cue: CueMatch, open_quote: int) -> Draft | None:
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

    def _claim_free_start(self, cue: CueMatch) -> int:
        """Start of the text before ``cue`` that no earlier claim covers («في بيان، ذكرت ...»)."""
        start = self._clause_start(cue.first)
        if self.drafts:
            start = max(start, self.drafts[-1].cue.last, self.drafts[-1].content[1])
        return min(start, cue.first)

    def _next_verb_start(self, cue: CueMatch) -> int:
        """Where the next verb cue starts: the content opener must come before it."""
        n = bisect_right(self.verb_starts, cue.first)
        return self.verb_starts[n] if n < len(self.verb_starts) else len(self.tt.tokens)

    def _subject_follows(self, cue: CueMatch, region_end: int, object_mode: bool) -> bool:
        start = skip_adverbials(self.tt, cue.last, self.lex)
        return (
            noun_phrase(self.tt, start, region_end, self.lex, self.cue_starts, object_mode)
            is not None
        )

    def _source_after_verb(
        self, cue: CueMatch, fronted: Range | None, region_end: int, object_mode: bool
    ) -> tuple[Range | None, int]:
        if fronted or cue.kind == "participle":
            return fronted, cue.last
        if cue.kind == "verb" and cue.agreement in PLURAL_AGREEMENTS:
            return None, cue.last  # «اتهموا أردوغان»: a plural verb's subject is in the verb
        start = skip_adverbials(self.tt, cue.last, self.lex)
        if cue.has_object:  # «وهو ما نفته الشركة»: what follows is the subject
            phrase = noun_phrase(self.tt, start, region_end, self.lex, self.cue_starts)
            return (phrase, phrase[1]) if phrase else (None, cue.last)
        if object_mode or "double" in cue.takes:
            return self._subject_and_object(start, region_end, cue)
        phrase = noun_phrase(self.tt, start, region_end, self.lex, self.cue_starts)
        if phrase:
            phrase = with_apposition(self.tt, phrase, region_end, self.lex, self.cue_starts)
        return (phrase, phrase[1]) if phrase else (None, cue.last)

    def _subject_and_object(
        self, start: int, limit: int, cue: CueMatch
    ) -> tuple[Range | None, int]:
        """VSO with an object: a comma after the subject («نفى X، صحة ...»), else definiteness."""
        tt = self.tt
        if start < limit and is_verbal_noun(tt.tokens[start], self.lex):
            return None, cue.last  # «أعلنت الاستعداد لـ»: a verbal noun is the object
        full = noun_phrase(tt, start, limit, self.lex, self.cue_starts)
        if full:
            full = with_apposition(tt, full, limit, self.lex, self.cue_starts)
        if full and full[1] < len(tt.tokens) and self._skip_interjections(full[1]) > full[1]:
            after = self._skip_interjections(full[1])
            if after < tt.sentence_bounds(start)[1] and (
                tt.tokens[after].norm not in PUNCTUATION or tt.quotes.get(after, -1) > after
            ):
                return full, after  # «أعلن الحزب الخميس "التعليق المؤقت ..."»
        phrase = noun_phrase(tt, start, limit, self.lex, self.cue_starts, object_mode=True)
        if phrase is None or not self._object_follows(phrase[1]):
            return None, cue.last  # the only phrase is the object: «نفت احتجازه»
        return phrase, phrase[1]

    def _skip_interjections(self, k: int) -> int:
        """Skip commas, times, statements and relay phrases between a subject and its object."""
        tt = self.tt
        starts = self.cue_at
        while k < len(tt.tokens):
            k = skip_adverbials(tt, k, self.lex)
            statement = statement_end(tt, k, self.lex)
            if k < len(tt.tokens) and tt.tokens[k].norm in ("،", ","):
                k += 1
            elif statement:
                k = statement
            elif k in starts and starts[k].kind == "phrase" and starts[k].relay:
                k = starts[k].last
                while k < len(tt.tokens) and tt.tokens[k].norm not in ("،", ",", "."):
                    k += 1
            else:
                return k
        return k

    def _object_follows(self, k: int) -> bool:
        k = self._skip_interjections(k)
        return k < len(self.tt.tokens) and self.tt.tokens[k].norm not in PUNCTUATION

    def _relay(self, cue: CueMatch, subject: Range, region_end: int) -> tuple[Range, Range] | None:
        """«نقلت الوكالة عن مصدر ... قوله إن»: the عن-object speaks, the subject relays."""
        for k in range(subject[1], region_end):
            if self.tt.tokens[k].norm == "عن":
                source = noun_phrase(self.tt, k + 1, region_end, self.lex, self.cue_starts)
                if source:
                    return source, subject
        return None

    def _verb_content(
        self, cue: CueMatch, opener: Opener | None, after_source: int
    ) -> tuple[Range, bool] | None:
        tt = self.tt
        if opener is None:
            rng = object_content(
                tt, self._skip_interjections(after_source), self.cue_at, cue, self.lex
            )
            return (rng, False) if rng else None
        if opener.kind == "that":
            return content_from(tt, opener.index + 1, self.cue_at, cue, self.lex)
        if opener.kind == "quote":
            return quoted(tt, opener.index)
        if opener.kind == "colon":
            start = opener.index + 1
            if (
                start < len(tt.tokens)
                and tt.quotes.get(start, -1) > start
                and is_speech_length(tt, start)
            ):
                return quoted(tt, start)
            found = content_from(tt, start, self.cue_at, cue, self.lex)
            return (found[0], True) if found else None
        start = opener.index if opener.kind == "bi" else opener.index + 1
        rng = object_content(tt, start, self.cue_at, cue, self.lex)
        return (rng, False) if rng else None

    def _speaker(self, cue: CueMatch, source: Range | None) -> Range | None:
        if source is not None:
            return self.memory.resolve_reduced(source)
        if cue.kind == "passive" or cue.position == "impersonal":
            return None
        return self.memory.resolve_dropped(cue, cue.agreement)

    def _clause_start(self, index: int) -> int:
        first, _ = self.tt.sentence_bounds(index)
        first = max(first, index - MAX_CLAUSE_TOKENS)
        k = index - 1
        while k > first and self.tt.tokens[k].norm not in (".", "؟", "!"):
            if self.tt.tokens[k].norm in CLAUSE_START_WORDS:
                return k
            k -= 1
        return first

    # --- phrase cues ---------------------------------------------------------------------

    def _phrase(self, cue: CueMatch, nxt: CueMatch | None) -> Draft | None:
        tt, lex = self.tt, self.lex
        _, sentence_end = tt.sentence_bounds(cue.first)
        source = None
        if cue.position == "source_after":
            source = noun_phrase(tt, cue.last, sentence_end, lex, self.cue_starts, after_lam=True)
            if source is None or is_non_speaker(tt, source, lex):
                return None
        if cue.relay:
            self._attach_channel(cue, source)
            return None
        if source is not None and not cue.quoting and self._relays_for_another(cue, source, nxt):
            return None
        if (
            cue.position == "impersonal"
            and nxt
            and nxt.kind == "phrase"
            and nxt.first == cue.last
            and nxt.position == "source_after"
        ):
            source = noun_phrase(tt, nxt.last, sentence_end, lex, self.cue_starts, after_lam=True)
            self.consumed.add(nxt.first)
        content = self._phrase_content(cue, source[1] if source else cue.last, sentence_end)
        if content is None:
            return None
        if cue.position == "own_pronoun":
            speaker = self.memory.resolve_dropped(cue, cue.agreement)
        elif cue.position == "dropped":
            speaker = self.memory.resolve_dropped(cue, "")
        else:
            speaker = self._speaker(cue, source)
        channel = self._quoting_channel(cue)
        after_lam = source is not None and lam_prefixed(tt, source)
        return Draft(cue, source, speaker, content[0], channel, content[1], after_lam)

    def _disjoint(self, draft: Draft) -> Draft | None:
        """Cue, source, channel and content are different words. A proposition that takes
        in its own attribution («قال «بحسب الشرطة الطريق مغلق»», «اعترف بحسب مصادر أن»)
        keeps the words outside it; a channel that overlaps the source is dropped."""
        cue = (draft.cue.first, draft.cue.last)
        channel = draft.channel
        if channel and (_overlap(channel, cue) or draft.source and _overlap(channel, draft.source)):
            channel = None
        content: Range | None = draft.content
        for part in (cue, draft.source, channel):
            if content is not None and part is not None and _overlap(content, part):
                content = self._outside(content, part)
        if content is None:
            return None
        if content == draft.content and channel == draft.channel:
            return draft
        return replace(draft, channel=channel, content=content)

    def _outside(self, content: Range, part: Range) -> Range | None:
        """The longer of the stretches of ``content`` before and after ``part``."""
        tt = self.tt
        (start, end), (first, last) = content, part
        after = max(start, last)
        while after < end and is_complementizer(tt.tokens[after], self.lex):
            after += 1  # «اعترف بحسب مصادر أن الطريق مغلق»
        before = (start, trim_end(tt, start, max(start, min(end, first))))
        rest = (trim_start(tt, after, end), end)
        longest = max(before, rest, key=lambda rng: rng[1] - rng[0])
        return longest if longest[1] > longest[0] else None

    def _quoting_channel(self, cue: CueMatch) -> Range | None:
        """«ذكرت المنظمة، نقلا عن X، أن»: the speaker of the surrounding claim relays X."""
        if not cue.quoting or not self.drafts:
            return None
        previous = self.drafts[-1]
        same_sentence = self.tt.sentence_of[previous.cue.first] == self.tt.sentence_of[cue.first]
        return previous.source if same_sentence else None

    def _phrase_content(
        self, cue: CueMatch, after: int, sentence_end: int
    ) -> tuple[Range, bool] | None:
        tt = self.tt
        k = after
        while k < sentence_end and tt.tokens[k].norm in ("،", ","):
            k += 1
        at_end = k >= sentence_end or tt.tokens[k].norm in SENTENCE_END
        if at_end or not (
            self._at_clause_start(cue) or cue.quoting or cue.position == "impersonal"
        ):
            return self._preceding_content(cue)
        for j in range(k, min(sentence_end, k + 12, self._next_verb_start(cue))):
            if is_complementizer(tt.tokens[j], self.lex):
                return content_from(tt, j + 1, self.cue_at, cue, self.lex)
        if cue.position == "impersonal" and tt.tokens[k].norm == "عن":
            rng = object_content(tt, k + 1, self.cue_at, cue, self.lex)  # «جرى الحديث عن»
            return (rng, False) if rng else None
        if cue.position == "source_after" and self._after_comma(cue):
            return self._preceding_content(cue)  # «...، حسبما ذكر ضابط طلب عدم ...»
        if cue.position == "impersonal" and is_verbal_noun(tt.tokens[k], self.lex):
            rng = object_content(tt, k, self.cue_at, cue, self.lex)  # «من المتوقع انخفاض ...»
            return (rng, False) if rng else None
        if cue.position == "impersonal" or cue.quoting:
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

    def _relays_for_another(self, cue: CueMatch, source: Range, nxt: CueMatch | None) -> bool:
        """«بحسب X» qualifying another speaker's claim in its sentence makes X that claim's
        channel, not a claim (rules v2, 7); with an impersonal claim («من المتوقع ... بحسب
        استطلاعات») X is its source."""
        n = self._qualified_draft(cue)
        if n is not None:
            draft = self.drafts[n]
            if draft.source is None and draft.cue.position == "impersonal":
                self.drafts[n] = replace(draft, source=source, speaker=self._speaker(cue, source))
                return True
            if not self._is_medium(source) or self._same_speaker(draft, source):
                return False  # «وفق ما صرح به مسؤول»: a person or a report speaks for itself;
                # «أشار البيان إلى أن P، حسب البيان»: the same speaker twice is two claims
            if draft.channel is None:
                self.drafts[n] = replace(draft, channel=source)
            return True
        if (
            nxt is not None
            and nxt.kind != "phrase"
            and self._is_medium(source)
            and self._introduces(source, nxt)
        ):
            self.channel_for[nxt.first] = source  # «وحسب وكالة X، أكدت الوزيرة أن ...»
            return True
        return False

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
        between = self.tt.tokens[source[1] : nxt.first]
        return (
            self.tt.sentence_of[nxt.first] == self.tt.sentence_of[source[0]]
            and len(between) == 1
            and between[0].norm in ("،", ",")
            and not nxt.conjoined
        )

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
            if end <= cue.first:
                return None
        return None

    def _preceding_content(self, cue: CueMatch) -> tuple[Range, bool] | None:
        """A post-posed cue («... بحسب ما ذكر X») attributes the proposition just before it."""
        for draft in reversed(self.drafts):
            start, end = draft.content
            gap = [t for t in self.tt.tokens[end : cue.first] if t.norm not in PUNCTUATION]
            if start <= cue.first and (not gap or end > cue.first):
                return draft.content, draft.direct_quote
            if end <= cue.first:
                break
        first = self._clause_start(cue.first)
        while first < cue.first and self.tt.tokens[first].norm in CLAUSE_START_WORDS | PUNCTUATION:
            first += 1
        end = trim_end(self.tt, first, cue.first)
        first = trim_start(self.tt, first, end)
        return ((first, end), False) if end > first else None

    def _attach_channel(self, cue: CueMatch, outlet: Range | None) -> None:
        """«وفقا لما نقلته وكالة X»: X is the channel of the claim it qualifies."""
        if outlet is None:
            return
        sentence = self.tt.sentence_of[cue.first]
        for n in range(len(self.drafts) - 1, -1, -1):
            draft = self.drafts[n]
            if self.tt.sentence_of[draft.cue.first] != sentence:
                break
            if draft.channel is None:
                self.drafts[n] = replace(draft, channel=outlet)
            return


INDIRECT_QUESTIONS = frozenset({"اذا", "ما", "هل", "كيف", "متي", "لماذا", "اين", "من", "عما"})


def _asks(tt: TokenizedText, cue: CueMatch) -> bool:
    """«لم يوضح إذا كانوا ...»: a negated cue before a question attributes nothing, so it
    does not end the reach of the cue before it («نقل X عن Y، لم يوضح إذا ...، أن»)."""
    k = cue.last
    return cue.negated and k < len(tt.tokens) and tt.tokens[k].norm in INDIRECT_QUESTIONS


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]
