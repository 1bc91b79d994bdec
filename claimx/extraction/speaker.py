"""Speaker resolution: who a dropped subject, a pronoun or a reduced mention refers to.

A dropped subject («وتشير إلى أن») goes to the most recent earlier speaker whose gender and
number agree with the verb; a reduced mention («هذه المصادر»، «الوزير»، a surname) goes, by
its head noun, to the fullest earlier mention of that entity.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from claimx.extraction.cues import CONJUNCTIONS, CueMatch, strip_conjunction
from claimx.extraction.lexicon import Lexicon, conjoined
from claimx.extraction.source import (
    DEMONSTRATIVES,
    PARTITIVES,
    PREPOSITIONS,
    REFLEXIVES,
    Range,
    bare_noun,
    noun_phrase,
    relative_before,
    with_apposition,
)
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, Token, TokenizedText

MAX_REDUCED_TOKENS = 2
MAX_EMBEDDED_SUBJECT = 3
# A fuller mention is sought at most this many tokens away (an article, not a whole archive
# in one line: keeps run-on input linear).
MENTION_REACH = 1500
_POINTING = conjoined(DEMONSTRATIVES | REFLEXIVES)  # words that point back, not content
# «ذات المصدر»، «نفس المصدر»: "the same", before a definite noun (after it: REFLEXIVES).
SAME_BEFORE = frozenset({"ذات", "نفس"})
_DEMONSTRATIVES_PROPER = conjoined(DEMONSTRATIVES - PARTITIVES)
# A reduced mention («الوزير») refers back at most this many paragraphs.
LOOKBACK_PARAGRAPHS = 3
# ... and at most this many mentions back, so that one endless paragraph stays linear.
LOOKBACK_MENTIONS = 64


@dataclass(frozen=True, slots=True)
class Mention:
    """An entity mention that later text may refer back to."""

    position: int  # token index where it was mentioned (or referred to)
    paragraph: int
    source: Range  # the words as written
    speaker: Range | None  # the fullest mention of the same entity; None: not resolved yet
    is_claim: bool
    content: Range | None = None  # a claim's content: claims nested in it are its words
    verb_gender: str = ""  # a claim's cue verb: «وأضاف هميلة» says the name is masculine
    aside: bool = False  # a claim by a prepositional phrase («حسب آخر حصيلة»)


@dataclass
class SpeakerMemory:
    """Mentions seen so far, in text order."""

    tt: TokenizedText
    lex: Lexicon
    # Non-claim mentions (position, words) in text order: read only as far as a look-back
    # needs, so that text after the last claim that looks back is never searched.
    pending: Iterator[tuple[int, Range]] = iter(())
    mentions: list[Mention] = field(default_factory=list)
    _agreements: dict[Range, str] = field(default_factory=dict)
    _word_cache: dict[Range, tuple[str, ...]] = field(default_factory=dict)
    _next_pending: tuple[int, Range] | None = None
    # Subjects inside reported clauses («أن نوران حواس عبرت»): the last resort of a dropped
    # subject, after every claim and speaker mention; found only when first needed.
    find_embedded: Callable[[], list[Range]] = list
    _embedded: list[Range] | None = None
    cue_starts: set[int] = field(default_factory=set)

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
            self._word_cache[key] = tuple(content_words(self.tt, key))
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
        earlier = _without_parentheticals(
            [m for m in self._recent(cue.first) if paragraph - m.paragraph <= 1]
        )
        if cue.conjoined or cue.kind in ("participle", "phrase", "noun") or self._continues(cue):
            claims = [m for m in earlier if m.is_claim]
            if claims:
                last = self._reporting(claims, cue.first)
                if self._claim_agrees(last, agreement):
                    return self._speaker_of(last)
            if cue.kind == "participle":  # «نفى X الشائعات التي تحدثت ...، واصفا»: the
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
        return self._embedded_subject(cue, agreement, paragraph)

    def _governing_subject(self, cue: CueMatch, agreement: str) -> Range | None:
        """«رفض الموظف ذلك وقال»، «أدانت السعودية الحادث وأكدت»: with no claim between, a
        dropped subject is the subject of the verb that opens its sentence or clause, not a
        noun after that verb."""
        if cue.kind not in ("verb", "participle"):
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

    def _reporting(self, claims: list[Mention], before: int) -> Mention:
        """«وأضافت المصادر أن X أكد أن ... . وأشارت إلى»: a cue in a later sentence than a
        claim reported inside another claim's content continues the reporting claim."""
        last = claims[-1]
        sentence = self.tt.sentence_of[before]
        for outer in reversed(claims[:-1]):
            content = outer.content
            if (
                content is not None
                and content[0] <= last.position < content[1] <= before
                and self.tt.sentence_of[last.position] != sentence
            ):
                last = outer
        return last

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

    def _embedded_subject(self, cue: CueMatch, agreement: str, paragraph: int) -> Range | None:
        """The nearest subject of a reported clause before the cue that agrees with it; a
        bare name agrees with a feminine verb too («نوران حواس ... وقالت»): a name's gender
        is not in its form."""
        if self._embedded is None:
            self._embedded = sorted(self.find_embedded())
        end = bisect_left(self._embedded, (cue.first, 0))
        for rng in reversed(self._embedded[max(0, end - LOOKBACK_MENTIONS) : end]):
            if rng[1] > cue.first:
                continue
            if paragraph - self.tt.paragraph_of(rng[0]) > 1:
                break
            if self._phrase_agrees(rng, agreement):
                return self.resolve_reduced(rng)
        return None

    def resolve_reduced(self, source: Range) -> Range:
        """«هذه المصادر» → «مصادر سورية مطلعة»; a surname → the full name; else the source."""
        if source[1] - source[0] > MAX_REDUCED_TOKENS + 2 and not _has_demonstrative(
            self.tt, source
        ):
            return source  # a full mention already: no look-back
        words = content_words(self.tt, source)
        if not words or (
            len(words) > MAX_REDUCED_TOKENS and not _has_demonstrative(self.tt, source)
        ):
            return source
        if self._indefinite_noun(source):
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
        for mention, candidate in fuller:
            if _refers_to(words, candidate, self.tt, source):
                return self._speaker_of(mention)
        if _definite(self.tt, source):
            for mention, candidate in fuller:  # «مصادر أمنية ... وقال المصدر»: one of them
                if self._one_of(words[0], candidate):
                    return self._speaker_of(mention)
        if _says_same(self.tt, source):
            return self._last_claim_speaker(source, recent)
        return source

    def _indefinite_noun(self, source: Range) -> bool:
        """«مصدر»، «مصدر بارز»: a speaker noun with no article, alone or with adjectives
        only (not in construct: «رئيس البلدية»، «مكتب نتنياهو» are definite)."""
        tokens = self.tt.tokens[source[0] : source[1]]
        return (
            tokens[0].norm in self.lex.head_words
            and not _definite(self.tt, source)
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


def content_words(tt: TokenizedText, rng: Range) -> list[str]:
    out = []
    for tok in tt.tokens[rng[0] : rng[1]]:
        if _points(tt, tok) or tok.text in QUOTES:
            continue
        out.append(bare_noun(strip_conjunction(tok.norm)))
    return out


def _points(tt: TokenizedText, tok: Token) -> bool:
    """«هذه»، «ذاته»، and «ذات»/«نفس» before a definite noun: words that point back."""
    return strip_conjunction(tok.norm) in _POINTING or _same_before(tt, tok)


def _same_before(tt: TokenizedText, tok: Token) -> bool:
    following = tok.index + 1
    return (
        strip_conjunction(tok.norm) in SAME_BEFORE
        and following < len(tt.tokens)
        and tt.tokens[following].norm.startswith("ال")
    )


def _says_same(tt: TokenizedText, rng: Range) -> bool:
    """«ذات المصدر»، «نفس المصدر»، «المصدر ذاته»: the same one as just before."""
    return any(
        strip_conjunction(t.norm) in REFLEXIVES or _same_before(tt, t)
        for t in tt.tokens[rng[0] : rng[1]]
    )


def _has_demonstrative(tt: TokenizedText, rng: Range) -> bool:
    return any(_points(tt, t) for t in tt.tokens[rng[0] : rng[1]])


def _refers_to(
    words: list[str], candidate: tuple[str, ...], tt: TokenizedText, source: Range
) -> bool:
    if _definite(tt, source):  # by head noun: «المدرب الهلالي» → «المدرب الروماني ...»
        return words[0] in candidate or _number_stem(words[0]) in map(_number_stem, candidate)
    if all(w in candidate for w in words):
        return True
    return len(words) == 1 and len(words[0]) >= 4 and any(c.startswith(words[0]) for c in candidate)


def _definite(tt: TokenizedText, source: Range) -> bool:
    return tt.tokens[source[0]].norm.startswith(("ال", "وال")) or _has_demonstrative(tt, source)


def _number_stem(word: str) -> str:
    """«مدرسان»، «مدرسين»، «مدرسون» → «مدرس»: one noun in the dual or the sound plural."""
    for suffix in ("ان", "ين", "ون"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def agrees(verb: str, subject: str) -> bool:
    if not verb or not subject:
        return True
    plural = {"mp", "md", "fp", "fd"}
    return verb == subject or (verb in plural and subject in plural)


def agreement_of(tt: TokenizedText, rng: Range, lex: Lexicon) -> str:
    """Gender and number of a phrase, from the gazetteer or the head noun's ending."""
    words = [
        strip_conjunction(t.norm)
        for t in tt.tokens[rng[0] : rng[1]]
        if t.text not in QUOTES and not (t.index == rng[0] and _same_before(tt, t))
    ]  # «ذات المصدر» agrees as «المصدر»
    words = [w for w in words if w not in _DEMONSTRATIVES_PROPER]
    if len(words) > 1 and words[0] in SAME_BEFORE and words[1].startswith("ال"):
        words = words[1:]  # «ذات المصدر»، «نفس المصادر»: the noun after «the same»
    if not words:
        return ""
    for n in (2, 1):
        key = " ".join(words[:n])
        for variant in (key, bare_noun(key), "ال" + key):
            if variant in lex.heads:
                return lex.heads[variant].agreement
    head = bare_noun(words[0])
    if head.endswith("ات"):
        return "f"
    if head.endswith("ه"):
        return "f"
    if head.endswith(("ون", "ين")) and len(head) > 4:
        return "mp"
    if head.endswith("و") and len(head) >= 5 and head[0] == "م":
        return "mp"  # a sound plural in construct: «محامو الدولة»، «مسؤولو الوزارة»
    construct = len(words) > 1 and words[1].startswith("ال")
    if construct and head.endswith("ي") and len(head) >= 5 and head[0] == "م":
        return "mp"  # the same, oblique: «مرتكبي الجرائم»، «ممثلي الأحزاب»
    return "m"



def _name_only(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """One to three words with no article and no title: «هميلة»، «نوران حواس»."""
    words = [t for t in tt.tokens[rng[0] : rng[1]] if t.text not in QUOTES]
    return 0 < len(words) <= 3 and all(
        not strip_conjunction(t.norm).startswith("ال")
        and t.norm not in lex.head_words
        and t.norm not in PUNCTUATION
        for t in words
    )


def bare_name(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """A phrase of one or two indefinite words that no gazetteer entry explains: a name."""
    words = [t for t in tt.tokens[rng[0] : rng[1]] if t.text not in QUOTES]
    return 0 < len(words) <= 2 and all(
        not strip_conjunction(t.norm).startswith("ال")
        and t.norm not in lex.head_words
        and not t.norm.endswith(("ه", "ات"))
        for t in words
    )


def embedded_subjects(tt: TokenizedText, lex: Lexicon, cue_starts: set[int]) -> Iterator[Range]:
    """The subject after a bare complementizer («أن نوران حواس عبرت»): a later dropped
    subject may refer to it. At most a few words, names or definite noun phrases."""
    bare = lex.marker_set("complementizers")
    candidates = {*tt.before_definite(), *tt.indices_of(bare)}
    for tok in map(tt.tokens.__getitem__, sorted(candidates)):
        if tok.norm not in bare and not _opens_verb_clause(tt, tok.index, lex):
            continue
        phrase = noun_phrase(
            tt, tok.index + 1, tt.sentence_bounds(tok.index)[1], lex, cue_starts, object_mode=True
        )
        if phrase and phrase[1] - phrase[0] <= MAX_EMBEDDED_SUBJECT:
            yield phrase


MAX_GOVERNING_DISTANCE = 60  # tokens back to the verb that governs a dropped subject


def clause_subject(
    tt: TokenizedText, first: int, lex: Lexicon, cue_starts: set[int], claims: set[int]
) -> Range | None:
    """The subject of the verb opening the clause that a cue at ``first`` continues:
    «كما اعتقلت الشرطة رجلا ...، وقالت»، «ولم يشر النص إلى ...، لكنه قال». None when a cue
    comes first on the way back (``claims``: their cues): that claim's speaker is the
    antecedent."""
    floor = max(tt.sentence_bounds(first)[0], first - MAX_GOVERNING_DISTANCE)
    if any(floor <= k < first for k in claims):
        return None
    k = first - 1
    while k >= floor:
        partner = tt.quotes.get(k)
        if tt.tokens[k].text in QUOTES and partner is not None and partner < k:
            k = partner - 1  # a quotation's words govern nothing outside it
            continue
        if _opens_clause(tt, k, floor, lex):
            verb = k + 1 if tt.tokens[k].norm in lex.marker_set("negations") else k
            if verb < first - 1 and _verb_before_subject(tt, verb, lex):
                subject = subject_after(tt, verb, lex, cue_starts)
                if subject is not None and subject[1] <= first:
                    return subject
        k -= 1
    return None


def _opens_clause(tt: TokenizedText, k: int, floor: int, lex: Lexicon) -> bool:
    """A sentence's first word, or the first after a comma or «كما»، «لكن»، «حيث»."""
    if k == floor:
        return True
    before = tt.tokens[k - 1].norm
    return (before in PUNCTUATION and tt.tokens[k - 1].text not in QUOTES) or (
        before in lex.conjoined_set("clause_openers")
    )


def _verb_before_subject(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«أدانت السعودية»، «هنأ رئيس الوزراء»، «وكان صخر ...»: a bare word before a definite
    noun or a title is most likely a verb and the noun its subject; after «كان» any noun."""
    if k + 1 >= len(tt.tokens):
        return False
    norm = tt.tokens[k].norm
    forms = {norm, norm[1:]} if norm[:1] in CONJUNCTIONS and len(norm) > 3 else {norm}
    if forms & _KAN:
        return True
    nxt = strip_conjunction(tt.tokens[k + 1].norm)
    if not (nxt.startswith("ال") or nxt in lex.head_words):
        return False
    noun_ending = tt.tokens[k].text.endswith(("ة", "ات"))  # «لجنة»، «تصريحات»: nouns
    return not noun_ending and any(
        norm in lex.speech_acts or _verb_like(norm, lex) for norm in forms
    )


_KAN = frozenset({"كان", "كانت"})


def _verb_like(norm: str, lex: Lexicon) -> bool:
    return (
        norm not in PUNCTUATION
        and not norm.startswith(("ال", "لل", "بال"))
        and 3 <= len(norm) <= 6
        and norm not in lex.clause_stop_words
        and norm not in lex.head_words
        and norm not in lex.marker_set("time_words")
    )


def _opens_verb_clause(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«...، خرج المزارعون الأصفهانيون إلى الشوارع»: a bare word opening a sentence or a
    clause, before a definite noun, is most likely its verb, and the noun its subject."""
    tok = tt.tokens[k]
    if k + 1 >= len(tt.tokens) or not tt.tokens[k + 1].norm.startswith("ال"):
        return False
    norm = tok.norm
    if norm in lex.wa_set("clause_verbs"):
        return True
    if k > 0 and tt.tokens[k - 1].norm not in ("،", ",", ".", "؛"):
        return False
    return (
        norm not in PUNCTUATION
        and not norm.startswith(("ال", "وال", "لل", "بال"))
        and 3 <= len(norm) <= 6
        and norm not in lex.clause_stop_words
        and norm not in lex.head_words
        and norm not in lex.marker_set("time_words")
        and not norm.endswith(("ه", "ات"))
    )


def gazetteer_mentions(tt: TokenizedText, lex: Lexicon, cue_starts: set[int]) -> Iterator[Range]:
    """Noun phrases headed by a known speaker noun («الشرطة المحلية ...»، «المدرب الإسباني»),
    in text order."""
    end = 0  # one past the phrase found last: a head inside it starts no other
    heads = lex.head_words
    for k in [t.index for t in tt.marked(lex.start_words) if t.norm in heads]:
        if k < end:
            continue
        phrase = noun_phrase(tt, k, tt.sentence_bounds(k)[1], lex, cue_starts, split_nouns=True)
        if phrase:
            end = phrase[1]
            yield phrase


def subject_after(tt: TokenizedText, k: int, lex: Lexicon, cue_starts: set[int]) -> Range | None:
    """The subject right after a verb (VSO), used for non-claim speech acts; it ends before
    the verb's preposition («سخر النائب من القرار»)."""
    limit = tt.sentence_bounds(k)[1]
    phrase = noun_phrase(tt, k + 1, limit, lex, cue_starts, object_mode=True)
    if phrase is None:
        return None
    for j in range(phrase[0] + 1, phrase[1]):
        if tt.tokens[j].norm in PREPOSITIONS:
            return (phrase[0], j)
    return with_apposition(tt, phrase, limit, lex, cue_starts)  # «أبدى X، من شركة Y، ...»


def fullest_mention(
    tt: TokenizedText, speaker: Range, mentions: list[Range], lex: Lexicon
) -> Range:
    """The fullest mention of the speaker's entity anywhere in the text, before or after it
    («مرزوق» → «رئيس الحركة، محسن مرزوق»): a later claim may name the speaker in full."""
    if speaker[1] - speaker[0] > MAX_REDUCED_TOKENS + 2:
        return speaker  # a full mention already (quotes and pointing words aside)
    words = content_words(tt, speaker)
    if not words or len(words) > MAX_REDUCED_TOKENS or _has_demonstrative(tt, speaker):
        return speaker
    if any(t.norm in lex.head_words for t in tt.tokens[speaker[0] : speaker[1]]):
        # «خبراء»، «الوزير»: common nouns refer back only (SpeakerMemory); a title named
        # right before a name has that name («الرئيس السابق للاتحاد، جوسيف بلاتر»)
        return _title_with_name(tt, speaker, lex) or speaker
    best, best_size = speaker, len(words)
    lo = bisect_left(mentions, (speaker[0] - MENTION_REACH, 0))
    hi = bisect_left(mentions, (speaker[0] + MENTION_REACH, 0))
    for mention in mentions[lo:hi]:
        if mention[0] < speaker[1] and speaker[0] < mention[1]:
            continue
        candidate = tuple(content_words(tt, mention))
        if len(candidate) > best_size and (
            _refers_to(words, candidate, tt, speaker) or _same_compound(tt, speaker, mention)
        ):
            best, best_size = mention, len(candidate)
    if best[1] - best[0] <= MAX_REDUCED_TOKENS and not any(
        t.norm in lex.head_words or t.text in QUOTES for t in tt.tokens[best[0] : best[1]]
    ):
        return _named_in_full(tt, best, lex) or best
    return best


def _same_compound(tt: TokenizedText, speaker: Range, mention: Range) -> bool:
    """«عبد الغفار» and «عبدالغفار» are one name written with and without its space."""
    words = [strip_conjunction(t.norm) for t in tt.tokens[speaker[0] : speaker[1]]]
    candidate = [strip_conjunction(t.norm) for t in tt.tokens[mention[0] : mention[1]]]
    joined = "".join(words)
    pairs = {a + b for a, b in zip(candidate, candidate[1:], strict=False)}
    return len(words) == 2 and (joined in candidate or joined in pairs)


def _named_in_full(tt: TokenizedText, speaker: Range, lex: Lexicon) -> Range | None:
    """A surname alone («مرزوق»، «بن عمر») or a given name and surname («محسن مرزوق») is
    the person named in full elsewhere, titles included («رئيس الحركة، محسن مرزوق»): the
    longest occurrence of the same name with its given names and the titles around it."""
    names = [strip_conjunction(t.norm) for t in tt.tokens[speaker[0] : speaker[1]]]
    surname = names[-1]
    if len(surname) < 3 or surname in lex.head_words or bare_noun(surname) in lex.head_words:
        return None  # «الطحان» may be a surname; «الوزير» is a title, resolved elsewhere
    if surname.startswith("ال") and surname.endswith("يه"):
        return None  # «كوريا الجنوبية»: a feminine adjective, not a surname
    particle = len(names) == 2 and names[0] in NAME_PARTICLES  # «بن عمر»: one surname
    if len(names) == 2 and not particle and not _given_name(tt.tokens[speaker[0]], lex):
        return None
    best, best_size = None, speaker[1] - speaker[0]
    index = speaker[1] - 1
    for other in _spelled(tt, surname, max(1, index - MENTION_REACH), index + MENTION_REACH):
        if strip_conjunction(other.norm) != surname:
            continue
        first = other.index - 1 if particle else other.index  # where the surname starts
        if particle and tt.tokens[first].norm != names[0]:
            continue
        alias = _alias_of(tt, first, other.index + 1, lex)
        if alias is not None and alias[1] - alias[0] > best_size:
            best, best_size = alias, alias[1] - alias[0]
            continue
        start = speaker[0] if other.index == index else _given_names_before(tt, first, lex)
        given = [strip_conjunction(t.norm) for t in tt.tokens[start:first]]
        if len(names) == 2 and not particle and names[0] not in given:
            continue  # «محسن مرزوق» is not «سليم مرزوق»
        title = _title_before(tt, start, lex)
        if start == first and (title == start or surname.startswith("ال")):
            continue  # «الأسرى» with no given name is a common noun, not a surname
        found = (title, _with_title_after(tt, start, other.index + 1, lex))
        if found[1] - found[0] > best_size:
            best, best_size = found, found[1] - found[0]
    return best


def _spelled(tt: TokenizedText, word: str, first: int, last: int) -> Iterator[Token]:
    """The tokens from ``first`` to ``last`` (excluded) spelled ``word``, alone or after a
    conjunction («مرزوق»، «ومرزوق»), in order: looked up, not read one by one."""
    spellings = {word, *(c + word for c in CONJUNCTIONS)}
    return map(tt.tokens.__getitem__, tt.indices_of(spellings, first, last))


MAX_TITLE_TOKENS = 16
# Words that open a surname of two words: «بن عمر»، «أبو زيد»، «عبد الله».
NAME_PARTICLES = frozenset({"بن", "ابن", "ابو", "بو", "عبد", "ولد"})


MAX_NAME_TOKENS = 3


def _title_with_name(tt: TokenizedText, speaker: Range, lex: Lexicon) -> Range | None:
    """«الرئيس السابق للاتحاد الدولي، جوسيف بلاتر»: the title phrase, then (after a comma)
    given names and a surname that the text names again elsewhere («وشدد بلاتر»)."""
    tokens = tt.tokens
    limit = tt.sentence_bounds(speaker[0])[1]
    phrase = noun_phrase(tt, speaker[0], limit, lex, set())
    end = max(speaker[1], phrase[1]) if phrase else speaker[1]
    if end < limit and tokens[end].norm in ("،", ","):
        end += 1
    last = end
    while last < min(limit, end + MAX_NAME_TOKENS) and _given_name(tokens[last], lex):
        last += 1
    if last - end < 2:
        return None  # a given name and a surname at least
    surname = strip_conjunction(tokens[last - 1].norm)
    nearby = tokens[max(0, last - MENTION_REACH) : last + MENTION_REACH]
    if any(
        strip_conjunction(t.norm) == surname and not end <= t.index < last for t in nearby
    ):
        return (speaker[0], last)
    return None


def _alias_of(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> Range | None:
    """«وكالة أنباء كوريا الجنوبية الرسمية (يونهاب)»: a short name in brackets right after
    a speaker noun phrase is that phrase's other name; the fullest mention holds both."""
    tokens = tt.tokens
    if start < 2 or end >= len(tokens) or tokens[start - 1].norm != "(":
        return None
    if tokens[end].norm != ")":
        return None
    title = _title_before(tt, start - 1, lex)
    return (title, end + 1) if title < start - 1 else None


def _given_names_before(tt: TokenizedText, index: int, lex: Lexicon) -> int:
    """Where «محسن مرزوق» starts, for its surname at ``index``: up to two given names."""
    start = index
    while start > 0 and index - start < 2 and (
        _given_name(tt.tokens[start - 1], lex) or _wa_fa_name(tt.tokens[start - 1], lex)
    ):
        start -= 1
    return start


def _wa_fa_name(tok: Token, lex: Lexicon) -> bool:
    """«فيصل»، «وليد» before a surname: a name whose first letter is also a conjunction,
    when neither it nor its rest is a known word («وقال»، «فالوزير»)."""
    norm = tok.norm
    if norm[:1] not in CONJUNCTIONS or len(norm) < 4 or norm[1:].startswith("ال"):
        return False
    rest = norm[1:]
    return rest not in lex.marker_set("copulas") and all(
        word not in known
        for word in (norm, rest)
        for known in (lex.verbs, lex.speech_acts, lex.head_words, lex.source_stop_words)
    )  # «وكان جمعة»: a copula, not «وداد»


def _title_before(tt: TokenizedText, start: int, lex: Lexicon) -> int:
    """Where the title before a full name starts: «الرئيس السابق منصف المرزوقي», or set off
    by a comma, «وزير الوظيفة العمومية السابق، عبيد البريكي»; ``start`` if none. The title
    is a noun phrase headed by a speaker noun that ends at the name (or covers it)."""
    tokens = tt.tokens
    edge = start - 1 if start > 0 and tokens[start - 1].norm in ("،", ",") else start
    floor = max(tt.sentence_bounds(start)[0], start - MAX_TITLE_TOKENS)
    title = start
    for j in range(edge - 1, floor - 1, -1):
        tok = tokens[j]
        if tok.norm in PUNCTUATION and tok.text not in QUOTES:
            break
        if tok.norm not in lex.head_words:
            continue
        phrase = noun_phrase(tt, j, tt.sentence_bounds(j)[1], lex, set())
        if phrase and (phrase[1] in (edge, start) or phrase[0] < start < phrase[1]):
            title = j
    return title


def _with_title_after(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> int:
    """«هشام جنينة الرئيس السابق للجهاز»: a definite title right after the full name is
    part of its fullest mention."""
    if end >= len(tt.tokens) or not tt.tokens[end].norm.startswith("ال"):
        return end
    phrase = noun_phrase(tt, start, tt.sentence_bounds(start)[1], lex, set())
    return phrase[1] if phrase and phrase[1] > end else end


# «علي» written with ي is the given name; normalised it is also the preposition «على».
GIVEN_NAME_HOMOGRAPHS = frozenset({"علي"})


def _given_name(tok: Token, lex: Lexicon) -> bool:
    norm = tok.norm
    return tok.text in GIVEN_NAME_HOMOGRAPHS or (
        tok.text not in QUOTES
        and norm not in PUNCTUATION
        and not norm.startswith(("ال", "وال", "لل", "بال"))
        and norm not in lex.source_stop_words
        and norm not in lex.verbs
        and norm not in lex.speech_acts
        and norm not in lex.head_words
        and norm[:1] not in CONJUNCTIONS
        and len(norm) >= 3
    )
