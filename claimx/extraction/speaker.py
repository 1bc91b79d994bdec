"""Speaker resolution: who a dropped subject, a pronoun or a reduced mention refers to.

``SpeakerMemory`` keeps the mentions seen so far. A dropped subject («وتشير إلى أن») goes to
the most recent earlier speaker whose gender and number agree with the verb; a reduced mention
(«هذه المصادر»، «الوزير»، a surname) goes, by its head noun, to the fullest earlier mention of
that entity.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from typing import NamedTuple

from claimx.extraction.cues import CueMatch, strip_conjunction
from claimx.extraction.lexicon import CueKind, Lexicon
from claimx.extraction.mentions import (
    MAX_REDUCED_TOKENS,
    agreement_of,
    agrees,
    back_reference_nouns,
    bare_name,
    clause_subject,
    conjunct_naming,
    content_words,
    governed_by_lam,
    governing_words,
    has_demonstrative,
    has_partitive,
    is_definite_mention,
    is_epithet,
    named_body,
    other_adjective,
    refers_to,
    says_same,
)
from claimx.extraction.phrase import bare_noun, governed_head
from claimx.extraction.source import relative_before, topic_before
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, TokenizedText
from claimx.model import Range

# A reduced mention («الوزير») refers back at most this many paragraphs.
LOOKBACK_PARAGRAPHS = 3
# ... and at most this many mentions back, so that one endless paragraph stays linear.
LOOKBACK_MENTIONS = 64


class Mention(NamedTuple):
    """An entity mention that later text may refer back to."""

    position: int  # token index where it was mentioned (or referred to)
    paragraph: int
    source: Range  # the words as written
    speaker: Range | None  # the fullest mention of the same entity; None: not resolved yet
    is_claim: bool
    content: Range | None = None  # a claim's content: claims nested in it are its words
    verb_gender: str = ""  # a claim's cue verb: «وأضاف هميلة» says the name is masculine
    aside: bool = False  # a claim by a prepositional phrase («حسب آخر حصيلة»)


class SpeakerMemory:
    """Mentions seen so far, in text order."""

    __slots__ = ("tt", "lex", "pending", "mentions", "_agreements", "_word_cache",
                 "_next_pending", "find_embedded", "_embedded", "cue_starts")

    def __init__(
        self,
        tt: TokenizedText,
        lex: Lexicon,
        pending: Iterator[tuple[int, Range]],
        find_embedded: Callable[[], list[Range]],
        cue_starts: set[int],
    ) -> None:
        self.tt = tt
        self.lex = lex
        # Non-claim mentions (position, words) in text order: read only as far as a look-back
        # needs, so that text after the last claim that looks back is never searched.
        self.pending = pending
        self.mentions: list[Mention] = []
        self._agreements: dict[Range, str] = {}
        self._word_cache: dict[Range, tuple[str, ...]] = {}
        self._next_pending: tuple[int, Range] | None = None
        # Subjects inside reported clauses («أن نوران حواس عبرت»): the last resort of a
        # dropped subject, after every claim and speaker mention; found only when first needed.
        self.find_embedded = find_embedded
        self._embedded: list[Range] | None = None
        self.cue_starts = cue_starts

    def _read_until(self, before: int) -> None:
        """Remember the pending mentions that start before token ``before``."""
        nxt = self._next_pending or next(self.pending, None)
        while nxt is not None and nxt[0] < before:
            self.remember(nxt[0], nxt[1], None, is_claim=False)
            nxt = next(self.pending, None)
        self._next_pending = nxt

    def remember(
        self,
        position: int,
        source: Range,
        speaker: Range | None,
        is_claim: bool,
        content: Range | None = None,
        verb_gender: str = "",
        aside: bool = False,
    ) -> None:
        """Record a mention; a ``speaker`` of None is resolved only if the mention is used."""
        paragraph = self.tt.paragraph_of(position)
        mention = Mention(
            position, paragraph, source, speaker, is_claim, content, verb_gender, aside
        )
        insort(self.mentions, mention, key=lambda m: m.position)

    def _agreement_of(self, rng: Range) -> str:
        """Gender and number of a phrase, computed once per phrase."""
        if rng not in self._agreements:
            self._agreements[rng] = agreement_of(self.tt, rng, self.lex)
        return self._agreements[rng]

    def _phrase_agrees(self, rng: Range, agreement: str) -> bool:
        """A phrase agrees with the verb; a bare name agrees with a feminine verb too
        («نوران حواس ... وقالت»): a name's gender is not in its form."""
        return agrees(agreement, self._agreement_of(rng)) or (
            agreement == "f" and bare_name(self.tt, rng, self.lex)
        )

    def _agreement(self, mention: Mention) -> str:
        """Gender and number of the mention as written, computed once and only when asked;
        a name's gender is its verb's («وأضاف هميلة»)."""
        key = mention.source
        found = self._agreement_of(key)
        if found == "f" and mention.verb_gender == "m" and _name_only(self.tt, key, self.lex):
            return "m"  # «هميلة»، «جمعة»: a man's name that looks feminine
        return found

    def _words(self, mention: Mention) -> tuple[str, ...]:
        key = mention.speaker or mention.source
        if key not in self._word_cache:
            words = content_words(self.tt, key)
            if words and governed_head(words[0], self.lex):
                words[0] = words[0][1:]  # «خبرا لمصدر مسؤول نفى»: «المصدر» refers back to it
            self._word_cache[key] = tuple(words)
        return self._word_cache[key]

    def _speaker_of(self, mention: Mention) -> Range:
        return (
            mention.speaker if mention.speaker is not None else self.resolve_reduced(mention.source)
        )

    def _recent(self, before: int) -> list[Mention]:
        """Mentions before token ``before`` in its paragraph and the ones just above it."""
        paragraph = self.tt.paragraph_of(before)
        end = bisect_left(self.mentions, before, key=lambda m: m.position)
        start = end
        floor = max(0, end - LOOKBACK_MENTIONS)
        while (
            start > floor and paragraph - self.mentions[start - 1].paragraph <= LOOKBACK_PARAGRAPHS
        ):
            start -= 1
        return self.mentions[start:end]

    def resolve_dropped(self, cue: CueMatch, agreement: str) -> Range | None:
        """The speaker a dropped subject or an attached pronoun refers to."""
        self._read_until(cue.first)
        paragraph = self.tt.paragraph_of(cue.first)
        governing = self._governing_subject(cue, agreement)
        if governing is not None:
            return governing
        # «وعن المسلسلات الجديدة قالت»: the sentence's topic names no antecedent
        topic = (
            topic_before(self.tt, cue, self.lex, self.cue_starts)
            if cue.kind == CueKind.VERB
            else None
        )
        before = cue.first if topic is None else topic
        earlier = _without_parentheticals(
            [m for m in self._recent(before) if paragraph - m.paragraph <= 1]
        )
        if (
            cue.conjoined
            or cue.kind in (CueKind.PARTICIPLE, CueKind.PHRASE, CueKind.NOUN)
            or self._continues(cue)
        ):
            claims = [m for m in earlier if m.is_claim]
            if claims:
                last = self._reporting(claims, cue.first, cue.kind == CueKind.PARTICIPLE)
                if self._claim_agrees(last, agreement):
                    return self._speaker_of(last)
            if cue.kind == CueKind.PARTICIPLE:  # «نفى X الشائعات التي تحدثت ...، واصفا»: the
                sentence = self.tt.sentence_of[cue.first]  # main clause's speaker
                for mention in reversed(claims):
                    if self.tt.sentence_of[mention.position] != sentence:
                        break
                    if self._claim_agrees(mention, agreement):
                        return self._speaker_of(mention)
                named = self._named_in_sentence(earlier, sentence)
                if named is not None:
                    return named
        reported = [
            m.content
            for m in earlier
            if m.content is not None and not m.content[0] <= cue.first < m.content[1]
        ]
        if relative_before(self.tt, cue, self.lex) is not None:
            reported = []  # «المعلومات التي تداولتها وسائل إعلام ...، والتي نقلت»
        for mention in reversed(earlier):
            if not mention.is_claim and _within(mention.position, reported):
                continue  # «وأوضح X أن فريق الدفاع ... وقال»: not a noun X reported
            if (
                self._claim_agrees(mention, agreement)
                if mention.is_claim
                else agrees(agreement, self._agreement(mention))
            ):
                return self._speaker_of(mention)
        return self._embedded_subject(before, agreement, paragraph)

    def _governing_subject(self, cue: CueMatch, agreement: str) -> Range | None:
        """«رفض الموظف ذلك وقال»، «أدانت السعودية الحادث وأكدت»: with no claim between, a
        dropped subject is the subject of the verb that opens its sentence or clause, not a
        noun after that verb."""
        if cue.kind not in (CueKind.VERB, CueKind.PARTICIPLE):
            return None  # «حسب قوله»: the words of the last claim's speaker
        claims = {m.position for m in self._recent(cue.first) if m.is_claim}
        subject = clause_subject(self.tt, cue.first, self.lex, self.cue_starts, claims)
        if subject is None:
            return None
        return self.resolve_reduced(subject) if self._phrase_agrees(subject, agreement) else None

    def _continues(self, cue: CueMatch) -> bool:
        """«حيث قال»، «لكنه أكد»، «ثم أضاف»: a cue right after a clause opener continues the
        sentence's subject, as a coordinated one does."""
        k = cue.first - 1
        return k >= 0 and self.tt.tokens[k].norm in self.lex.conjoined_set("clause_openers")

    def _reporting(self, claims: list[Mention], before: int, participle: bool) -> Mention:
        """«وأضافت المصادر أن X أكد أن ... . وأشارت إلى»: a cue in a later sentence than a
        claim reported inside another claim's content continues the reporting claim; so does
        a participle after that content in its sentence when the reporting claim's words go
        on after the inner claim's."""
        last = claims[-1]
        sentence = self.tt.sentence_of[before]
        for outer in reversed(claims[:-1]):
            content = outer.content
            if (
                content is not None
                and content[0] <= last.position < content[1] <= before
                and (
                    self.tt.sentence_of[last.position] != sentence
                    or participle and self._goes_on_after(last, content)
                )
            ):
                last = outer
        return last

    def _goes_on_after(self, inner: Mention, content: Range) -> bool:
        """The reporting claim's words go on after those of the claim inside them («ويصفه
        بعض الناس بأنه قانون الضرائب ... هذا خطأ»، مؤكدا), so that inner claim closes
        nothing («قال مكتب الرئيس إن رئيس الحكومة أكد "..."، مؤكدا» goes on with him)."""
        if inner.content is None:
            return False
        return any(
            t.norm not in PUNCTUATION and t.text not in QUOTES
            for t in self.tt.tokens[inner.content[1] : content[1]]
        )

    def _named_in_sentence(self, earlier: list[Mention], sentence: int) -> Range | None:
        """«وحاول جمعة تفادي ...، مبينا أن»: with no claim before it in its sentence, a
        participle's subject is the person named as the sentence's subject, whatever the
        form of the name says of its gender («جمعة»، «حمزة»)."""
        for mention in earlier:
            if self.tt.sentence_of[mention.position] != sentence:
                continue
            words = content_words(self.tt, mention.source)
            if (
                0 < len(words) <= 2
                and all(w not in self.lex.head_words for w in words)
                and not self.tt.tokens[mention.source[0]].norm.startswith("ال")
            ):
                return self._speaker_of(mention)
        return None

    def _claim_agrees(self, mention: Mention, agreement: str) -> bool:
        """«استبعدت موغيريني ... وأضافت»: a name's gender is in its verb, not in the name."""
        return agrees(agreement, self._agreement(mention)) or (
            agreement == "f" and bare_name(self.tt, mention.source, self.lex)
        )

    def resolve_pronoun(self, cue: CueMatch, agreement: str) -> Range | None:
        """A pronoun on a preposition («جاء فيه») refers to the nearest agreeing noun, a
        document more often than the last speaker."""
        self._read_until(cue.first)
        paragraph = self.tt.paragraph_of(cue.first)
        for mention in reversed(self._recent(cue.first)):
            if paragraph - mention.paragraph > 1:
                break
            if not mention.is_claim and agrees(agreement, self._agreement(mention)):
                return self._speaker_of(mention)
        return self.resolve_dropped(cue, agreement)

    def _embedded_subject(self, before: int, agreement: str, paragraph: int) -> Range | None:
        """The nearest subject of a reported clause ending before token ``before`` (the cue,
        or its sentence's topic) that agrees with the cue; a bare name agrees with a feminine
        verb too («نوران حواس ... وقالت»): a name's gender is not in its form."""
        if self._embedded is None:
            self._embedded = sorted(self.find_embedded())
        end = bisect_left(self._embedded, (before, 0))
        for rng in reversed(self._embedded[max(0, end - LOOKBACK_MENTIONS) : end]):
            if rng[1] > before:
                continue
            if paragraph - self.tt.paragraph_of(rng[0]) > 1:
                break
            if self._phrase_agrees(rng, agreement):
                return self.resolve_reduced(rng)
        return None

    def resolve_reduced(self, source: Range) -> Range:
        """«هذه المصادر» → «مصادر سورية مطلعة»; a surname → the full name; else the source."""
        if source[1] - source[0] > MAX_REDUCED_TOKENS + 2 and not has_demonstrative(
            self.tt, source
        ):
            return source  # a full mention already: no look-back
        words = content_words(self.tt, source)
        if not words or (
            len(words) > MAX_REDUCED_TOKENS and not has_demonstrative(self.tt, source)
        ):
            return source
        if self._indefinite_noun(source) or named_body(words):
            return source  # «مصدر»، «مسؤول أمريكي»: an indefinite noun names someone new
        self._read_until(source[0])
        recent = self._recent(source[0])
        claimed = [m.source for m in recent if m.is_claim]
        fuller = [
            (mention, candidate)
            for mention in reversed(recent)
            if mention.is_claim or not _starts_inside(mention.source, claimed)
            # (a claim's own source says where that phrase ends)
            if len(candidate := self._words(mention)) > len(words)
        ]
        for mention, _ in fuller:
            fuller_mention = mention.speaker or mention.source
            if governed_by_lam(self.tt, fuller_mention, words[0], self.lex):
                continue
            governing = governing_words(self.tt, fuller_mention)
            if refers_to(words, governing, self.tt, source, self.lex):
                return conjunct_naming(self.tt, self._speaker_of(mention), words, self.lex)
        if is_definite_mention(self.tt, source):
            for mention, candidate in fuller:  # «مصادر أمنية ... وقال المصدر»: one of them
                if self._one_of(words[0], candidate):
                    return self._speaker_of(mention)
        if says_same(self.tt, source) or is_epithet(self.tt, source):
            return self._last_claim_speaker(source, recent)
        if is_definite_mention(self.tt, source) and words[0] in back_reference_nouns():
            return self._introduced(source, words[0], recent)
        return source

    def _introduced(self, source: Range, head: str, recent: list[Mention]) -> Range:
        """«وقال مصدر للصحيفة ... وذكر المصدر»: the claim whose speaker is the same noun
        without the article; else «قال مسؤول في الوزارة ... وأكد المصدر»: the speaker of the
        claim just before (one, masculine, as «المصدر» is), leaving out claims reported
        inside another's content."""
        paragraph = self.tt.paragraph_of(source[0])
        claims = [m for m in recent if m.is_claim and paragraph - m.paragraph <= 1]
        reduced = content_words(self.tt, source)
        for mention in reversed(claims):
            words = self._words(mention)
            if words and words[0] == head and not other_adjective(reduced, words, self.lex):
                return self._speaker_of(mention)
        if agreement_of(self.tt, source, self.lex) != "m" or has_partitive(self.tt, source):
            return source
        reported = [m.content for m in claims if m.content is not None]
        for mention in reversed(claims):
            if _within(mention.position, reported):
                continue  # «أفاد العفيف بأن الفتيات يعتقدن ...»: not who speaks next
            found = self._agreement(mention)
            named = found == "m" or bare_name(self.tt, mention.source, self.lex)
            return self._speaker_of(mention) if named else source
        return source

    def _indefinite_noun(self, source: Range) -> bool:
        """«مصدر»، «مصدر بارز»: a speaker noun with no article, alone or with adjectives
        only (not in construct: «رئيس البلدية»، «مكتب نتنياهو» are definite)."""
        tokens = self.tt.tokens[source[0] : source[1]]
        return (
            tokens[0].norm in self.lex.head_words
            and not is_definite_mention(self.tt, source)
            and all(bare_noun(t.norm) in self.lex.adjectives for t in tokens[1:])
        )

    def _one_of(self, head: str, candidate: tuple[str, ...]) -> bool:
        """The head is the singular of the candidate's broken plural («مصدر»، «مصادر»)."""
        plural = self.lex.heads.get(candidate[0])
        return plural is not None and plural.singular == head

    def _last_claim_speaker(self, source: Range, recent: list[Mention]) -> Range:
        """«وفق ما أكده المدير الجهوي فلان. وأوضح ذات المصدر»: "the same source" (one,
        masculine) is the speaker of the claim just before, in its paragraph or the one
        above, when that speaker is one too; «المصادر ذاتها» with no «مصادر» before it
        were named outside the text."""
        if agreement_of(self.tt, source, self.lex) != "m":
            return source
        paragraph = self.tt.paragraph_of(source[0])
        for mention in reversed(recent):
            if paragraph - mention.paragraph > 1:
                break
            if mention.is_claim and mention.speaker is not None:
                found = self._agreement(mention)
                return mention.speaker if found == "m" or bare_name(
                    self.tt, mention.source, self.lex
                ) else source
        return source


def _without_parentheticals(mentions: list[Mention]) -> list[Mention]:
    """«وأضافت المصادر، وفقا لما أوردته صحيفة X، أن ...»: a claim between another claim's cue
    and its content only relays it; «وأضاف X أن الحادث أدى، حسب آخر حصيلة، إلى ...»: a
    prepositional claim on words another claim reports is an aside of it. Neither is who
    speaks next."""
    claims = [m for m in mentions if m.is_claim and m.content is not None]
    spans = [(m.position, m.content[0]) for m in claims if m.position < m.content[0]]
    return [m for m in mentions if not (m.is_claim and _relays(m, spans, claims))]


def _relays(mention: Mention, spans: list[Range], claims: list[Mention]) -> bool:
    if any(cue < mention.position < start for cue, start in spans):
        return True
    content = mention.content
    return (
        mention.aside
        and content is not None
        and any(
            other.position < mention.position
            and other.content is not None
            and (
                _within(mention.position, [other.content])
                or other.content[0] < content[1] and content[0] < other.content[1]
            )
            for other in claims
        )
    )


def _within(position: int, ranges: list[Range]) -> bool:
    return any(start <= position < end for start, end in ranges)


def _starts_inside(rng: Range, sources: list[Range]) -> bool:
    return any(start <= rng[0] < end for start, end in sources)


def _name_only(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """One to three words with no article and no title: «هميلة»، «نوران حواس»."""
    words = [t for t in tt.tokens[rng[0] : rng[1]] if t.text not in QUOTES]
    return 0 < len(words) <= 3 and all(
        not strip_conjunction(t.norm).startswith("ال")
        and t.norm not in lex.head_words
        and t.norm not in PUNCTUATION
        for t in words
    )
