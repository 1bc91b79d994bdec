"""What every construction family of the claim builder reads and writes: the text, its cues,
the drafts so far and the speaker memory; plus the helpers they share."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from claimx.extraction.content import Opener
from claimx.extraction.cues import CueMatch
from claimx.extraction.lexicon import Lexicon
from claimx.extraction.speaker import SpeakerMemory
from claimx.extraction.tokenize import TokenizedText
from claimx.model import Range

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


@dataclass(frozen=True, slots=True)
class VerbFrame:
    """What stands around a verb cue before a construction is chosen for it."""

    limit: int  # where the next verb cue starts: the content comes before it
    relative: int | None  # a relative pronoun before the cue: «الذي اتهم»
    fronted: Range | None  # a subject before the cue: «الوزير قال»
    adjacent: bool  # ... with no punctuation between it and the cue
    opener: Opener | None  # what introduces the content: «أن»، a quotation, a colon


class BuilderState:
    """The state of one text's claim building; each construction family is a mixin on it,
    and may call another family's methods through ``self`` (ClaimBuilder has them all)."""

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
        """Where the next verb cue starts: the content opener must come before it."""
        n = bisect_right(self.verb_starts, cue.first)
        return self.verb_starts[n] if n < len(self.verb_starts) else len(self.tt.tokens)

    def _claim_free_start(self, cue: CueMatch) -> int:
        """Start of the text before ``cue`` that no earlier claim covers («في بيان، ذكرت ...»)."""
        start = self._clause_start(cue.first)
        if self.drafts:
            start = max(start, self.drafts[-1].cue.last, self.drafts[-1].content[1])
        return min(start, cue.first)


INDIRECT_QUESTIONS = frozenset({"اذا", "ما", "هل", "كيف", "متي", "لماذا", "اين", "من", "عما"})


def _asks(tt: TokenizedText, cue: CueMatch) -> bool:
    """«لم يوضح إذا كانوا ...»: a negated cue before a question attributes nothing, so it
    does not end the reach of the cue before it («نقل X عن Y، لم يوضح إذا ...، أن»)."""
    k = cue.last
    return cue.negated and k < len(tt.tokens) and tt.tokens[k].norm in INDIRECT_QUESTIONS


def _overlap(a: Range, b: Range) -> bool:
    return a[0] < b[1] and b[0] < a[1]
