"""Cue detection: find the words and phrases that mark attribution, with their stance.

A cue found here is only a candidate; the claim builder drops it when no content follows.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from claimx.extraction.gazetteer import known_person
from claimx.extraction.lexicon import (
    CueForm,
    CueKind,
    CuePosition,
    Lexicon,
    PhraseCue,
    Takes,
    load_lexicon,
)
from claimx.extraction.tokenize import (
    PUNCTUATION,
    QUOTES,
    TokenizedText,
    WordMemo,
    bare_words,
    is_name_lookalike,
    normalize,
)
from claimx.extraction.words import (
    BEFORE_STATEMENT,
    CONJUNCTIONS,
    GOVERNING,
    JUSSIVE_PARTICLES,
    ONLY_ADVERBS,
    PARTICIPLE_OPENERS,
    PREPOSITIONS,
    PRONOUN_AGREEMENT,
    PRONOUN_SUFFIXES,
    QUESTION_PARTICLES,
    RELATIVES,
)

_DIACRITIC = re.compile("[\u064b-\u0652]")
VERBS_WITH_CONTENT = frozenset({CueKind.VERB, CueKind.PASSIVE})  # a participle adds to these
INTRODUCERS = frozenset({CueKind.PARTICIPLE, CueKind.NOUN})  # may only introduce a verb's content


class CueMatch(NamedTuple):
    """A cue occurrence: tokens ``first``..``last`` (exclusive) and what the lexicon says of it."""

    first: int
    last: int
    start: int  # character offset, after a leading conjunction و/ف
    end: int
    lemma: str
    stance: str
    gloss: str
    takes: frozenset[Takes]
    kind: CueKind
    position: CuePosition  # a phrase's from the lexicon; VERB for verbs, NOUN for verbal nouns
    agreement: str
    conjoined: bool  # carries و/ف or follows a lone و: a subject dropped after a conjunction
    negated: bool
    relay: bool
    pronoun: str = ""  # for own_pronoun phrases: the attached pronoun (ه، ها، هم)
    quoting: bool = False
    ahead: bool = False  # a phrase whose content always follows it («جاء فيه»)
    has_object: bool = False  # «وهو ما نفته الشركة»: the object is a pronoun, not a phrase

    @property
    def is_impersonal(self) -> bool:
        """«يُعتقد أن»، «من المتوقع أن»: no one is the speaker, by construction."""
        return self.kind == CueKind.PASSIVE or self.position == CuePosition.IMPERSONAL


def find_cues(tt: TokenizedText, lex: Lexicon) -> list[CueMatch]:
    """Every cue candidate in text order; phrases take precedence over single verbs."""
    cues: list[CueMatch] = []
    starts = lex.cue_words
    resume = 0  # the first token not yet inside a formula or a cue
    last_verb: CueMatch | None = None  # the last cue verb that can introduce a content
    for i in tt.indices_of(starts):
        if i < resume:
            continue
        skip = _formula_length(tt, i, lex)
        if skip:
            resume = i + skip
            continue
        match = (
            _match_phrase(tt, i, lex) or _match_verb(tt, i, lex) or _match_verbal_noun(tt, i, lex)
        )
        if match is not None and _cognate_object(tt, cues, match):
            continue
        if match is not None and _describes_subject(tt, cues, match, lex):
            continue
        if match is not None and not _introduces_verbs_content(tt, cues, last_verb, match):
            cues.append(match)
            resume = match.last
            if match.kind in VERBS_WITH_CONTENT and Takes.CLAIM_OBJECT not in match.takes:
                last_verb = match
    return cues


COGNATE_REACH = 4  # tokens from a cue verb to its cognate object («نفى الوزير نفيا قاطعا»)


def _cognate_object(tt: TokenizedText, cues: list[CueMatch], cue: CueMatch) -> bool:
    """«نفى الوزير نفيا قاطعا»: the verbal noun of the verb just before, written without
    tanween, folds to the dual verb «نفيا»; it is that verb's cognate object, not a cue."""
    if not cues or cue.kind != CueKind.VERB or cue.conjoined:
        return False
    before = cues[-1]
    return (
        before.kind == CueKind.VERB
        and before.lemma == cue.lemma
        and 0 <= cue.first - before.last < COGNATE_REACH
        and tt.sentence_of[before.first] == tt.sentence_of[cue.first]
        and not tt.tokens[cue.first].norm.startswith(CONJUNCTIONS)
    )


SUBJECT_REACH = 4  # tokens from a cue verb to a verb describing its indefinite subject


def _describes_subject(
    tt: TokenizedText, cues: list[CueMatch], cue: CueMatch, lex: Lexicon
) -> bool:
    """«قال مسؤولون أمريكيون يتابعون الملف إن ...»، «وقال فلسطينيون رأوا الحادث إن ...»: a
    plural verb right after the indefinite subject of a cue that has no content yet is a
    relative clause (a صفة) of that subject, not a cue of its own."""
    if not cues or cue.kind != CueKind.VERB or cue.conjoined or cue.negated:
        return False
    before = cues[-1]
    between = tt.tokens[before.last : cue.first]
    return (
        before.kind == CueKind.VERB
        and 0 < len(between) <= SUBJECT_REACH
        and tt.sentence_of[before.first] == tt.sentence_of[cue.first]
        and _plural_verb(tt.tokens[cue.first].text)
        and all(_indefinite_word(t.norm, lex) for t in between)
    )


def _plural_verb(raw: str) -> bool:
    """«يتابعون»، «تعرفون»، «رأوا»: a masculine plural imperfect or perfect."""
    bare = _DIACRITIC.sub("", raw)
    return (bare[:1] in "يت" and bare.endswith("ون")) or bare.endswith("وا")


def _indefinite_word(norm: str, lex: Lexicon) -> bool:
    """A word of an indefinite noun phrase: no article, no punctuation, no complementizer;
    only an indefinite noun takes a relative clause without «الذي»."""
    return (
        norm not in PUNCTUATION
        and norm not in lex.complementizers
        and not strip_conjunction(norm).startswith(("ال", "لل"))
    )


NOUN_WINDOW = 8  # tokens from a verbal noun to the complementizer that makes it a cue
# «نقلت الوكالة عن مصدر ... قوله إن»: a verbal noun this close after a cue verb introduces it
INTRODUCER_REACH = 16


def _match_verbal_noun(tt: TokenizedText, i: int, lex: Lexicon) -> CueMatch | None:
    """«قول السعودية وروسيا إنهما ...»، «تلميحات بأنه ...»: a verbal noun is a cue only
    when a clause follows it within a few words, with no pause or other cue between."""
    tok = tt.tokens[i]
    entry = lex.verbal_nouns.get(tok.norm)
    if entry is None or _complementizer_within(tt, i, lex) is None:
        return None
    if i > 0 and tt.tokens[i - 1].norm in lex.wa_set("hedging_modals"):
        return None  # «ويمكن القول إن»: the writer's hedge, no one's claim
    conj = tok.norm[:1] in CONJUNCTIONS and lex.verbal_nouns.get(tok.norm[1:]) is not None
    start = _after_conjunction(tt, i) if conj else tok.start
    return CueMatch(
        first=i,
        last=i + 1,
        start=start,
        end=tok.end,
        lemma=bare_words(tt.text[start : tok.end]),
        stance=entry.stance,
        gloss=entry.gloss,
        takes=frozenset({Takes.THAT}),
        kind=CueKind.NOUN,
        position=CuePosition.OWN_PRONOUN if entry.pronoun else CuePosition.NOUN,
        agreement=PRONOUN_AGREEMENT.get(entry.pronoun, ""),
        conjoined=False,
        negated=False,
        relay=False,
        pronoun=entry.pronoun,
    )


def _complementizer_within(tt: TokenizedText, i: int, lex: Lexicon) -> int | None:
    for tok in tt.tokens[i + 1 : i + 1 + NOUN_WINDOW]:
        if tok.norm in lex.complementizers and _temporal_before(tt, tok.index):
            return None  # «مزاعم لا أساس لها قبل أن يستقيل»: «قبل أن» opens no content
        if tok.norm in lex.complementizers or tok.text == ":":
            return tok.index
        if tok.norm in PUNCTUATION and tok.text not in QUOTES:
            return None
        if tok.norm in lex.verbs:
            return None
    return None


def _temporal_before(tt: TokenizedText, k: int) -> bool:
    """«قبل أن»، «بعد أن»، «منذ أن»، «دون أن»: the complementizer belongs to the preposition."""
    if k == 0:
        return False
    norm = tt.tokens[k - 1].norm
    bare = norm[1:] if norm[:1] in CONJUNCTIONS else norm
    return GOVERNING.get(norm) == "-" or GOVERNING.get(bare) == "-"


def _introduces_verbs_content(
    tt: TokenizedText, cues: list[CueMatch], last_verb: CueMatch | None, cue: CueMatch
) -> bool:
    """«أضاف قائلا: "..."»، «اختتم حديثه بقوله:»، «نقلت الوكالة عن مصدر قوله إن»: a
    participle right after a cue verb, or a verbal noun shortly after one, only introduces
    that verb's content; one quotation is one claim (rules v2, 1)."""
    if not cues or cue.kind not in INTRODUCERS:
        return False
    if cue.kind == CueKind.PARTICIPLE:
        before = cues[-1]
        return before.kind in VERBS_WITH_CONTENT and before.last == cue.first
    # «رفض تلميحات بأنه ...»: a rejection and the hint it rejects are two claims
    return last_verb is not None and (
        cue.first - last_verb.last <= INTRODUCER_REACH
        and tt.sentence_of[last_verb.first] == tt.sentence_of[cue.first]
        and not _complementizer_between(tt, last_verb.last, cue.first)
    )


def _complementizer_between(tt: TokenizedText, start: int, end: int) -> bool:
    """«أوضح أن تصريحات الوزير بأنه ...»: a verbal noun inside the verb's content is a
    claim of its own, not the verb's introduction («اختتم حديثه بقوله»)."""
    complementizers = load_lexicon().complementizers
    return any(t.norm in complementizers for t in tt.tokens[start:end])


def find_speech_acts(tt: TokenizedText, lex: Lexicon) -> list[tuple[int, str]]:
    """Non-claim speech verbs (دعا، برر ...): their subjects are speakers text may refer to."""
    acts = lex.speech_acts
    return [(i, acts[tt.tokens[i].norm]) for i in tt.indices_of(acts)]


def _strip_conjunction(norm: str) -> str:
    """«والوزير» → «الوزير»; «وزير» keeps its و: only a conjunction before the article goes."""
    return norm[1:] if norm[1:3] == "ال" and norm[:1] in CONJUNCTIONS and len(norm) > 3 else norm


# «والوزير» → «الوزير» (``_strip_conjunction``), looked up in a memo
strip_conjunction: Callable[[str], str] = WordMemo(_strip_conjunction).__getitem__


def one_of(norm: str, words: frozenset[str] | set[str] | tuple[str, ...]) -> bool:
    """Membership in a closed class of words, with or without a leading و/ف («وفي»، «فإن»)."""
    return norm in words or (len(norm) > 1 and norm[0] in CONJUNCTIONS and norm[1:] in words)


def _formula_length(tt: TokenizedText, i: int, lex: Lexicon) -> int:
    first = tt.tokens[i].norm
    candidates = lex.formulas.get(first, ())
    if len(first) > 2 and first[0] in CONJUNCTIONS:
        candidates = candidates + lex.formulas.get(first[1:], ())
    for formula in candidates:
        words = tuple(t.norm for t in tt.tokens[i + 1 : i + len(formula)])
        if len(words) == len(formula) - 1 and all(
            _formula_word(w, f, lex) for w, f in zip(words, formula[1:], strict=True)
        ):
            return len(formula)
    return 0


def _formula_word(word: str, wanted: str, lex: Lexicon) -> bool:
    """«يذكر أنه ...» is the formula «يذكر أن»: a complementizer may carry a pronoun."""
    return word == wanted or (
        wanted in lex.complementizers and word in lex.complementizers and word.startswith(wanted)
    )


def _match_verb(tt: TokenizedText, i: int, lex: Lexicon) -> CueMatch | None:
    tok = tt.tokens[i]
    form = lex.verbs.get(tok.norm)
    if form is None:
        return None
    verb, participle = form.kind == CueKind.VERB, form.kind == CueKind.PARTICIPLE
    if not participle and _nominal_context(tt, i, lex):
        return None
    if form.ambiguous and not (
        _DIACRITIC.search(tok.text)
        or _spelled_as_verb(tok.text, form)
        or _plain_form(tok.norm, form)
        and (participle or _verb_opens_clause(tt, i, form, lex))
        and _complementizer_follows(tt, i, lex, form)
    ):
        return None
    if form.jussive and not _after_lam(tt, i):
        return None  # «وتر» (string), «لتر» (litre): «تر» is a cue only in «لم تر»
    if verb and _after_question(tt, i):
        return None  # «هل تتوقع أن ...؟» asks the reader or the interviewee; nobody claims
    if i > 0 and known_person(f"{strip_conjunction(tt.tokens[i - 1].norm)} {tok.norm}"):
        return None  # «مارك روته» (Rutte), not «روته» (she told it)
    if verb and _first_person(tok.text, form):
        return None  # «أعتقد» (I believe) inside a quotation is the speaker's own voice
    if verb and TANWEEN_FATH in tok.text:
        return None  # «نفياً قاطعاً»: a noun with tanween, not the dual verb «نفيا»
    if participle and _predicate_adjective(tt, i, lex):
        return None  # «تكاد تكون مؤكدة»، «ستأتي مثبتة مسبقا»: describes, attributes nothing
    if form.has_object and _after_statement_noun(tt, i, lex):
        return None  # «في تصريحات نقلتها مواقع»: describes the statement, claims nothing
    if not participle and _DIACRITIC.sub("", tok.text).endswith("ة"):
        return None  # no verb ends in ة: «إشارة» only folds to «أشاره» (verb + object ه)
    if verb and _spelled_as_noun(tok.text, form):
        return None  # «رغم نفي الاستقالة»: the verbal noun, not the verb «نفى»
    if verb and _spelled_as_passive(tok.text, form):
        return None  # «رجل يُدعى سامي» (is called), not «يدّعي» (claims)
    has_conj = tok.norm[0] in CONJUNCTIONS and lex.verbs.get(tok.norm[1:]) == form
    if verb and (
        _marked_passive(tok.text, has_conj, form.lemma)
        or form.impersonal and _complementizer_next(tt, i, lex)
    ):
        form = form._replace(kind=CueKind.PASSIVE)  # «يُوصف بأنه»: the damma marks the passive
    start = _after_conjunction(tt, i) if has_conj else tok.start
    return _make(tt, i, i + 1, start, form, has_conj or _lone_conjunction_before(tt, i), lex)


def _after_lam(tt: TokenizedText, i: int) -> bool:
    """«لم ينفِ»، «ولم ترَ»: the particle that takes the jussive stands before the verb."""
    return (
        i > 0
        and tt.tokens[i].norm[:1] not in "ولفس"
        and one_of(tt.tokens[i - 1].norm, JUSSIVE_PARTICLES)
    )


def _after_question(tt: TokenizedText, i: int) -> bool:
    """«هل تعتقد أن الحكام بحاجة ...؟»، «وهل يرى الوزير أن ...»، «كيف ترى ...؟»: the question
    word is before the verb."""
    return i > 0 and one_of(tt.tokens[i - 1].norm, QUESTION_PARTICLES)


def _complementizer_next(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    """«ويتوقع أن تصل النسبة»: no subject between the verb and its complementizer."""
    return i + 1 < len(tt.tokens) and tt.tokens[i + 1].norm in lex.complementizers


def _marked_passive(raw: str, has_conj: bool, lemma: str) -> bool:
    """An imperfect written with a damma on its prefix and a fatha before its last letter
    (يُوصَف، يُعتبَر) or a perfect with damma then kasra (وُصِف، اُعتبِر) is passive; so is
    a perfect with a damma on its first letter (زُعم، كُشف) or on the letter after a
    hamzat wasl (اتُّهم، استُبعد): an active perfect never starts with a damma."""
    body = raw[1:] if has_conj else raw
    if len(body) < 3:
        return False
    if body[0] in "يت" and body[1] == DAMMA:
        return FATHA in body[-3:] or KASRA not in body and not _damma_in_active(lemma)
    return _passive_perfect(body)


def _damma_in_active(lemma: str) -> bool:
    """«وتُضيف المصادر»، «تُفيد»، «يُلاحظ»: the active imperfect of a fourth form (أضاف،
    أفاد) or a third form (لاحظ، تابع) has a damma on its prefix too; only a fatha before
    the last letter makes it passive."""
    return lemma.startswith("أ") or len(lemma) == 4 and lemma[1] == "ا"


def surely_passive(tt: TokenizedText, cue: CueMatch) -> bool:
    """A passive whose vowels leave no doubt: «اتُّهم»، «زُعم»، «يُرجَّح»، «تُتهم». An imperfect
    with a damma on its prefix alone (يُؤكد) may be an active of the second or fourth form;
    the active of a verb with a hamzat wasl (اتهم، اعتبر، استبعد) has a fatha there."""
    if cue.kind != CueKind.PASSIVE:
        return False
    raw = tt.tokens[cue.first].text
    body = raw[1:] if cue.start > tt.tokens[cue.first].start else raw
    if len(body) < 3:
        return False
    if body[0] in "يت" and body[1] == DAMMA:
        return FATHA in body[-3:] or cue.lemma.startswith("ا")
    return _passive_perfect(body)


def _passive_perfect(body: str) -> bool:
    """«وُصِف»، «زُعم»، «اُتهم»، «اتُّهم»: no active perfect starts with a damma."""
    if body[1] == DAMMA and KASRA in body[2:]:
        return True
    if body[0] not in "يتنأإآ" and body[1] == DAMMA:
        return True  # «زُعم»، «اُتهم»: أ and ن could start a first person (أُؤكد، نُعلن)
    return body[0] == "ا" and _damma_after_wasl(body[1:])


def _damma_after_wasl(rest: str) -> bool:
    """«اتُّهم»، «اُتُّهم»، «استُبعد»: a damma on one of the two letters after the alef of an
    eighth or tenth form (the active has a fatha there: اتَّهم، استَبعد)."""
    letters = 0
    for ch in rest:
        if ch == DAMMA and letters:
            return True
        if ch == FATHA:
            return False
        if not _DIACRITIC.match(ch):
            letters += 1
            if letters > 2:
                return False
    return False


AMBIGUITY_WINDOW = 6  # tokens from an ambiguous form to the complementizer that settles it
PARTICIPLE_WINDOW = 12


def _plain_form(norm: str, form: CueForm) -> bool:
    """The citation form or a participle («بين»، «مقرا»), not «تبين» (it turned out) or
    «بينها» (among them)."""
    bare = norm[1:] if norm[:1] in CONJUNCTIONS else norm
    return form.kind == CueKind.PARTICIPLE or bare == normalize(form.lemma)


def _verb_opens_clause(tt: TokenizedText, i: int, form: CueForm, lex: Lexicon) -> bool:
    """«. وبين حسن أن»، «، كما بين أن»، «الذي بين أنه»: a verb spelled like a preposition
    («بيّن» without its shadda) opens its clause; after a noun or a verb it is the
    preposition: «الفرق بين الفريقين أن»، «بيني وبين نفسي أن»."""
    if normalize(form.lemma) not in PREPOSITIONS:
        return True
    k = i - 1
    if k >= 0 and tt.tokens[k].norm in CONJUNCTIONS:
        k -= 1  # «و بين حسن أن»: the conjunction written apart
    if k < 0 or _opens_clause_at(tt, k + 1):
        return True
    before = tt.tokens[k].norm
    return (
        before in lex.conjoined_set("clause_openers")
        or one_of(before, RELATIVES)
        or before in ("قد", "وقد", "لقد")
    )


def _complementizer_follows(tt: TokenizedText, i: int, lex: Lexicon, form: CueForm) -> bool:
    """«وبين حسن أن»، «، مقرا خلال مؤتمر صحفي أن»: a complementizer soon after, with no
    punctuation between, makes «بين» (between) or «مقرا» (headquarters) the cue verb; an
    accusative participle after a pause may be followed by a longer channel phrase."""
    window = AMBIGUITY_WINDOW
    if form.kind == CueKind.PARTICIPLE and i > 0 and tt.tokens[i - 1].norm in ("،", ","):
        window = PARTICIPLE_WINDOW
    for tok in tt.tokens[i + 1 : i + 1 + window]:
        if tok.norm in lex.complementizers:
            return True
        if tok.norm in PUNCTUATION or strip_conjunction(tok.norm) != tok.norm:
            return False  # «بين الجيش والمسلحين»: between X and Y
    return False


def _after_statement_noun(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    if i == 0:
        return False
    norm = tt.tokens[i - 1].norm
    bare = norm[2:] if norm.startswith("ال") else norm
    return bare in lex.marker_set("channel_kinds")


TANWEEN_FATH = "\u064b"
FATHA, DAMMA, KASRA = "\u064e", "\u064f", "\u0650"


def _predicate_adjective(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    """A participle after a copula, or one in ـة/ـين that neither follows a pause nor
    opens a content, is an adjective: the adverbial «مؤكدة أن» stands after a comma or a
    conjunction, or takes its content at once."""
    if i == 0:
        return False
    previous = tt.tokens[i - 1]
    if previous.norm in lex.conjoined_set("copulas"):
        return True
    if tt.tokens[i].norm.endswith("ا"):  # «مؤكدا»: accusative, adverbial
        return False
    after_pause = previous.norm in PUNCTUATION or previous.norm in CONJUNCTIONS
    nxt = tt.tokens[i + 1].norm if i + 1 < len(tt.tokens) else ""
    opens = nxt in lex.complementizers or nxt in PARTICIPLE_OPENERS or nxt in PUNCTUATION
    return not (after_pause or opens or _channel_then_that(tt, i, lex))


CHANNEL_THAT_REACH = 5  # «مؤكدة في نص الدعوى أنه»: words from a participle to its «أن»


def _channel_then_that(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    """«مؤكدة في نص الدعوى أنه»، «مؤكدة خلال المؤتمر أن»: a participle that opens its content
    after the statement it was made in."""
    if i + 1 >= len(tt.tokens) or not one_of(tt.tokens[i + 1].norm, BEFORE_STATEMENT):
        return False
    for tok in tt.tokens[i + 2 : i + 2 + CHANNEL_THAT_REACH]:
        if tok.norm in lex.complementizers:
            return True
        if tok.norm in PUNCTUATION:
            return False
    return False


def _spelled_as_verb(raw: str, form: CueForm) -> bool:
    """«رأى» (he saw) folds to «راي» like the noun «رأي» (opinion); its alef maqsura tells."""
    return form.lemma.endswith("ى") and _DIACRITIC.sub("", raw).endswith("ى")


def _spelled_as_noun(raw: str, form: CueForm) -> bool:
    """«نفي» (denial) folds to «نفى» (he denied): the perfect of a verb in ى ends in ى,
    the verbal noun in ي."""
    bare = _DIACRITIC.sub("", raw)
    if bare[:1] in CONJUNCTIONS and len(bare) > 3:
        bare = bare[1:]
    return form.lemma.endswith("ى") and bare == form.lemma[:-1] + "ي"


def _spelled_as_passive(raw: str, form: CueForm) -> bool:
    """«فتاة تُدعى "أسماء"» (is called) folds to «تدّعي» (she claims). The active imperfect
    of a derived verb in ى (ادّعى: افتعل, and انفعل, استفعل) ends in ي; written with ى it
    is the passive, which names someone and attributes nothing."""
    bare = _DIACRITIC.sub("", raw)
    if bare[:1] in CONJUNCTIONS and len(bare) > 4:
        bare = bare[1:]
    return (
        form.lemma.startswith("ا")
        and form.lemma.endswith("ى")
        and bare[:1] in ("ي", "ت")
        and bare.endswith("ى")
    )


def _first_person(raw: str, form: CueForm) -> bool:
    """«أعتقد»، «أستبعد» fold to the perfect «اعتقد»: a verb whose perfect starts with a
    plain alef (اعتقد، استبعد، اعترف) written with a hamza is first person."""
    bare = _DIACRITIC.sub("", raw)
    if bare[:1] in CONJUNCTIONS and len(bare) > 3:
        bare = bare[1:]
    return form.lemma.startswith("ا") and bare.startswith("أ")


def _make(
    tt: TokenizedText,
    first: int,
    last: int,
    start: int,
    form: CueForm,
    conjoined: bool,
    lex: Lexicon,
) -> CueMatch:
    return CueMatch(
        first=first,
        last=last,
        start=start,
        end=tt.tokens[last - 1].end,
        lemma=form.lemma,
        stance=form.stance,
        gloss=form.gloss,
        takes=form.takes,
        kind=form.kind,
        position=CuePosition.VERB,
        agreement=form.agreement,
        conjoined=conjoined,
        negated=_is_negated(tt, first, lex),
        relay=form.relay,
        has_object=form.has_object,
    )


def _match_phrase(tt: TokenizedText, i: int, lex: Lexicon) -> CueMatch | None:
    tok = tt.tokens[i]
    keys = [(tok.norm, False)]
    if len(tok.norm) > 2 and tok.norm[0] in CONJUNCTIONS and not (
        tok.norm in ONLY_ADVERBS and not _opens_clause_at(tt, i)
    ):
        keys.append((tok.norm[1:], True))
    second = tt.tokens[i + 1].norm if i + 1 < len(tt.tokens) else ""
    for key, conj in keys:
        by_second = lex.phrases_by_pair.get(key)
        if by_second is None:
            continue
        for phrase in by_second.get(second) or by_second[""]:
            length = _phrase_length(tt, i, phrase)
            if length and not (length == 1 and _in_accordance_with(tt, i + 1, lex)):
                return _make_phrase(tt, i, i + length, phrase, conj, lex)
    return None


def _opens_clause_at(tt: TokenizedText, i: int) -> bool:
    """Token ``i`` opens its sentence or follows a punctuation mark."""
    before = tt.tokens[i - 1] if i > 0 else None
    return before is None or tt.sentence_of[i] != tt.sentence_of[i - 1] or (
        before.norm in PUNCTUATION and before.text not in QUOTES
    )


def _in_accordance_with(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    """«وفقا للقرارات الجديدة»، «وفق الدستور»، «حسب الخطة»: a rule, plan or term (a noun
    that never speaks) after a one-word relay means "in accordance with"; nobody is cited."""
    if i >= len(tt.tokens):
        return False
    norm = tt.tokens[i].norm
    for prefix in ("لل", "ال", "ل", "بال", "ب", ""):
        noun = norm[len(prefix) :]
        if norm.startswith(prefix) and len(noun) > 3 and (
            noun in lex.non_speakers or noun in lex.marker_set("regulation_nouns")
        ):
            return True
    return False


def _phrase_length(tt: TokenizedText, i: int, phrase: PhraseCue) -> int:
    tokens = tt.tokens
    if i + len(phrase.words) > len(tokens):
        return 0
    for k, word in enumerate(phrase.words[1:], start=1):
        tok = tokens[i + k]
        if word == "*":
            if tok.norm in PUNCTUATION:
                return 0
        elif tok.norm != word:
            return 0
    return len(phrase.words)


def _make_phrase(
    tt: TokenizedText, first: int, last: int, phrase: PhraseCue, conj: bool, lex: Lexicon
) -> CueMatch:
    verb = next(
        (
            lex.verbs[tt.tokens[k].norm]
            for k in range(first, last)
            if phrase.words[k - first] == "*" and tt.tokens[k].norm in lex.verbs
        ),
        None,
    )
    own = phrase.position == CuePosition.OWN_PRONOUN
    pronoun = _attached_pronoun(phrase.words[-1]) if own else ""
    start = _after_conjunction(tt, first) if conj else tt.tokens[first].start
    end = tt.tokens[last - 1].end
    return CueMatch(
        first=first,
        last=last,
        start=start,
        end=end,
        lemma=bare_words(tt.text[start:end]),
        stance=verb.stance if verb and phrase.stance == "report" else phrase.stance,
        gloss=phrase.gloss,
        takes=frozenset({Takes.CLAUSE}),
        kind=CueKind.PHRASE,
        position=phrase.position,
        agreement=PRONOUN_AGREEMENT.get(pronoun, ""),
        conjoined=False,
        negated=False,
        relay=bool(verb and verb.relay),
        pronoun=pronoun,
        quoting=phrase.quoting,
        ahead=phrase.ahead,
    )


def _attached_pronoun(word: str) -> str:
    for suffix in PRONOUN_SUFFIXES:
        if word.endswith(suffix):
            return suffix
    return ""


def _after_conjunction(tt: TokenizedText, i: int) -> int:
    """Offset just after a proclitic و/ف and any diacritic on it."""
    tok = tt.tokens[i]
    pos = tok.start + 1
    while pos < tok.end and ("\u064b" <= tt.text[pos] <= "\u0652" or tt.text[pos] == "\u0640"):
        pos += 1
    return pos


def _nominal_context(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    """«عن نقل»، «يمكن وصفه»: after a preposition or a modal the word is a verbal noun;
    «وأشار» with its conjunction is a verb whatever stands before it."""
    norm = tt.tokens[i].norm
    if i == 0 or norm[:1] in CONJUNCTIONS and norm[1:] in lex.verbs:
        return False
    previous = tt.tokens[i - 1]
    return one_of(previous.norm, lex.marker_set("nominal_before")) and not is_name_lookalike(
        previous
    )


def _lone_conjunction_before(tt: TokenizedText, i: int) -> bool:
    return i > 0 and tt.tokens[i - 1].norm in CONJUNCTIONS


def _is_negated(tt: TokenizedText, i: int, lex: Lexicon) -> bool:
    """«لم ينفِ» is negated; «لا يؤكد فقط ... بل» (not only ... but) is not."""
    if i == 0 or tt.tokens[i - 1].norm not in lex.marker_set("negations"):
        return False
    window = [t.norm for t in tt.tokens[i + 1 : i + 8]]
    return not any(w in lex.marker_set("not_only") for w in window)
