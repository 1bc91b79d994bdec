"""What every construction family of the claim builder reads and writes: the text, its cues,
the drafts so far and the speaker memory; plus the helpers they share."""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

from claimx.extraction.content import Opener, trim_end, trim_start
from claimx.extraction.cues import CueMatch, strip_conjunction
from claimx.extraction.lexicon import CueKind, Lexicon
from claimx.extraction.phrase import is_complementizer
from claimx.extraction.speaker import SpeakerMemory
from claimx.extraction.tokenize import COMMAS, PUNCTUATION, QUOTES, TokenizedText
from claimx.extraction.words import (
    CLAUSE_START_WORDS,
    INDIRECT_QUESTIONS,
    RELATIVE_AGREEMENT,
    RELATIVES,
    WHO_IS,
)
from claimx.model import Range

MAX_CLAUSE_TOKENS = 120  # a clause is sought no further back than this
PLURAL_AGREEMENTS = frozenset({"mp", "fp", "md", "fd"})


class Draft(NamedTuple):
    """A claim in token ranges, before spans and labels are made."""

    cue: CueMatch
    source: Range | None
    speaker: Range | None
    content: Range
    channel: Range | None
    direct_quote: bool
    source_after_lam: bool = False  # «وفقا لإحصاء ...»: the span leaves out the لـ


class VerbFrame(NamedTuple):
    """What stands around a verb cue before a construction is chosen for it."""

    limit: int  # where the next verb cue starts: the content comes before it
    relative: int | None  # a relative pronoun before the cue: «الذي اتهم»
    fronted: Range | None  # a subject before the cue: «الوزير قال»
    adjacent: bool  # ... with no punctuation between it and the cue
    opener: Opener | None  # what introduces the content: «أن»، a quotation, a colon
    after_lam: bool = False  # the fronted subject carries a لـ or بـ left out of its span


class BuilderState:
    """The state of one text's claim building, and what more than one construction family
    does with it; each family is a mixin on it (ClaimBuilder has them all)."""

    tt: TokenizedText
    cues: list[CueMatch]
    lex: Lexicon
    cue_at: dict[int, CueMatch]
    cue_starts: set[int]
    verb_starts: list[int]
    memory: SpeakerMemory
    drafts: list[Draft]
    consumed: set[int]
    channel_for: dict[int, Range]  # a relay phrase's outlet, by the cue it introduces
    content_budget: int  # tokens of content still allowed (see ClaimBuilder)

    def _speaker(self, cue: CueMatch, source: Range | None) -> Range | None:
        if source is not None:
            return self.memory.resolve_reduced(source)
        if cue.is_impersonal:
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

    def _next_verb_start(self, cue: CueMatch) -> int:
        """Where the next verb cue starts: the content opener must come before it. A cue
        inside an aside between commas («وقال الوزير، الذي أعلن استقالته، إن») does not
        count, and the aside's own cue seeks no further than its closing comma."""
        aside = relative_aside(self.tt, cue.first, self.lex)
        if aside is not None and self._waits_for_content(aside[0]):
            return aside[1]
        n = bisect_right(self.verb_starts, cue.first)
        while n < len(self.verb_starts):
            k = self.verb_starts[n]
            inside = relative_aside(self.tt, k, self.lex)
            aside_cue = inside is not None and inside[0] > cue.first
            if not (aside_cue and self._waits_for_content(inside[0]) or self.while_speaking(k)):
                return k
            n += 1
        return len(self.tt.tokens)

    def while_speaking(self, k: int) -> bool:
        """«ويقول أبو محمد وهو يشير إلى الركام إن ...»: a verb cue right after «وهو/وهي»,
        with a verb cue and its subject before, tells how the speaker spoke."""
        return k > 0 and self.tt.tokens[k - 1].norm in WHO_IS and self._waits_for_content(k - 1)

    def _waits_for_content(self, aside: int) -> bool:
        """A verb cue and its subject alone stand before the aside at ``aside`` in its
        sentence («وقال الوزير، الذي ...»): the content comes after the aside."""
        first, _ = self.tt.sentence_bounds(aside)
        n = bisect_right(self.verb_starts, aside - 1) - 1
        if n < 0 or self.verb_starts[n] < first:
            return False
        if self.cue_at[self.verb_starts[n]].kind != CueKind.VERB:
            return False  # «ترجم نظرته ...، التي شرح أنه»: a noun cue waits for nothing
        between = self.tt.tokens[self.verb_starts[n] + 1 : aside - 1]
        return not any(
            t.norm in PUNCTUATION or t.text in QUOTES or is_complementizer(t, self.lex)
            for t in between
        )

    def _claim_free_start(self, cue: CueMatch) -> int:
        """Start of the text before ``cue`` that no earlier claim covers («في بيان، ذكرت ...»)."""
        start = self._clause_start(cue.first)
        if self.drafts:
            start = max(start, self.drafts[-1].cue.last, self.drafts[-1].content[1])
        return min(start, cue.first)

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
        return draft._replace(channel=channel, content=content)

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

    def _preceding_content(self, cue: CueMatch) -> tuple[Range, bool] | None:
        """A post-posed cue («... بحسب ما ذكر X») attributes the proposition just before it."""
        found: Draft | None = None
        for draft in reversed(self.drafts):
            start, end = draft.content
            gap = [t for t in self.tt.tokens[end : cue.first] if t.norm not in PUNCTUATION]
            if start <= cue.first and (not gap or end > cue.first):
                if found is not None and not self._takes_in(draft, found, cue):
                    break
                found = draft
                continue
            if end <= cue.first:
                break
        if found is not None and not self._in_relative_clause(found.cue):
            return found.content, found.direct_quote
        first = self._clause_start(cue.first)
        first = self._after_last_complementizer(first, cue.first)
        while first < cue.first and self.tt.tokens[first].norm in CLAUSE_START_WORDS | PUNCTUATION:
            first += 1
        end = trim_end(self.tt, first, cue.first)
        first = trim_start(self.tt, first, end)
        return ((first, end), False) if end > first else None

    def _takes_in(self, outer: Draft, inner: Draft, cue: CueMatch) -> bool:
        """«وأضاف أن P كما من المنتظر أن Q، وفق قوله»: the claim of the sentence whose
        content ends with the inner claim's, and takes it in, is the one attributed."""
        sentence_of = self.tt.sentence_of
        return (
            not outer.direct_quote  # a cue inside a quotation attributes its own words
            and outer.content[0] <= inner.cue.first
            and outer.content[1] == inner.content[1]
            and sentence_of[outer.cue.first] == sentence_of[cue.first]
        )

    def _in_relative_clause(self, cue: CueMatch) -> bool:
        """«بنسبة الـ10 في المئة التي أشارت إلى احتمال فرضها، بحسب تقارير»: a claim in a
        relative clause is part of the proposition a post-posed cue attributes."""
        if cue.first == 0:
            return False
        norm = self.tt.tokens[cue.first - 1].norm
        return norm in RELATIVES and norm.startswith("ال")

    def _after_last_complementizer(self, first: int, end: int) -> int:
        """«بيّن التحليل أنها تعود للبحار، حسب مصدر»: the clause after «أن» is what the
        post-posed cue attributes, not the evidence that introduced it."""
        tt = self.tt
        k = first
        found = first
        while k < end:
            close = tt.quotes.get(k, -1)
            if close > k:
                k = close + 1
                continue
            if is_complementizer(tt.tokens[k], self.lex):
                found = k + 1
            k += 1
        return found


def _asks(tt: TokenizedText, cue: CueMatch) -> bool:
    """«لم يوضح إذا كانوا ...»: a negated cue before a question attributes nothing, so it
    does not end the reach of the cue before it («نقل X عن Y، لم يوضح إذا ...، أن»)."""
    k = cue.last
    return cue.negated and k < len(tt.tokens) and tt.tokens[k].norm in INDIRECT_QUESTIONS


def before_quoted_predicate(tt: TokenizedText, phrase: Range) -> Range:
    """«اعتبرها الرئيس "صراع جيلنا"»: after a verb that takes a predicate, a quotation that
    follows the subject is the predicate, not part of the subject's name."""
    for k in range(phrase[0] + 1, phrase[1]):
        if tt.tokens[k].text in QUOTES and tt.quotes.get(k, -1) > k:
            return phrase[0], k
    return phrase


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]


MAX_ASIDE_TOKENS = 15  # «، الذي أعلن استقالته أمس،»


def relative_aside(tt: TokenizedText, k: int, lex: Lexicon) -> Range | None:
    """The aside between commas, holding a relative clause, that token ``k`` stands in
    («، الذي ... ،»): from after the opening comma to the closing one; None when ``k`` is in
    none. Kept with the text: every cue before it asks again."""
    key = (relative_aside, k)
    if key not in tt.memo:
        tt.memo[key] = _relative_aside(tt, k, lex)
    return tt.memo[key]


def _relative_aside(tt: TokenizedText, k: int, lex: Lexicon) -> Range | None:
    tokens = tt.tokens
    first, last = tt.sentence_bounds(k)
    j = k - 1
    while j > first and k - j <= MAX_ASIDE_TOKENS and tokens[j].norm not in COMMAS:
        j -= 1
    if j <= first or tokens[j].norm not in COMMAS or j + 1 >= k:
        return None
    if not any(strip_conjunction(t.norm) in RELATIVE_AGREEMENT for t in tokens[j + 1 : k]):
        return None  # «، الذي أعلن»، «، منظم المهرجان الذي يختتم»
    end = k + 1
    while end < last and end - j <= MAX_ASIDE_TOKENS and tokens[end].norm not in COMMAS:
        if tokens[end].norm in PUNCTUATION or is_complementizer(tokens[end], lex):
            return None  # «، التي شرح أنه استقاها ...،»: the cue has its content inside
        end += 1
    if end >= last or tokens[end].norm not in COMMAS:
        return None
    return j + 1, end
