"""Source phrases: the noun phrase a cue attributes its content to.

Verb first (VSO) takes the phrase after the cue; subject first (SVO) the phrase before it,
across auxiliaries such as «لا تزال» and parentheticals set off by commas.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from claimx.extraction.cues import CueMatch, one_of, strip_conjunction
from claimx.extraction.lexicon import CueKind, Lexicon
from claimx.extraction.tokenize import (
    CLOSE_QUOTES,
    PUNCTUATION,
    QUOTES,
    Token,
    TokenizedText,
    is_name_lookalike,
)
from claimx.extraction.words import (
    CONDITIONALS,
    DEMONSTRATIVES,
    ISSUED,
    NAME_LINKS,
    NAME_LOOKALIKES,
    PARTITIVES,
    PREPOSITIONS,
    PRONOUN_SUFFIXES,
    REFLEXIVES,
    RELATIVE_AGREEMENT,
    RELATIVES,
)
from claimx.model import Range

MAX_SOURCE_TOKENS = 12
MAX_FRONTED_SUBJECT = 7
MAX_RELATIVE_SOURCE = 16  # a speaker with a relative clause: «المسؤول الذي طلب عدم ذكر اسمه»
# How far back a subject is sought across parentheticals: keeps one huge sentence linear.
MAX_LOOKBACK_TOKENS = 80


def is_complementizer(tok: Token, lex: Lexicon) -> bool:
    """True when the token is أن/إن/بأن, bare or with a pronoun (أنه، إنها)."""
    return tok.norm in lex.complementizers


def is_preposition_like(norm: str) -> bool:
    return (
        one_of(norm, PREPOSITIONS)
        or norm.startswith(("بال", "لل", "وبال", "ولل"))
        and len(norm) > 5
    )


def noun_phrase(
    tt: TokenizedText,
    i: int,
    limit: int,
    lex: Lexicon,
    cue_starts: set[int],
    object_mode: bool = False,
    after_lam: bool = False,
    split_nouns: bool = False,
) -> Range | None:
    """The longest plausible noun phrase starting at token ``i`` and ending before ``limit``.

    ``object_mode``: an object may follow, so a noun that cannot continue the phrase ends it.
    ``split_nouns``: only a definite noun after a definite one ends it («الوزير المواطنين»).
    ``after_lam``: the phrase is governed by لـ («وفقا للتقارير»), so a fused لل is expected.
    """
    tokens = tt.tokens
    if i >= limit or _stops_source(tokens[i], lex):
        return None
    if tokens[i].norm in lex.complementizers and not is_name_lookalike(tokens[i]):
        return None
    lam = tokens[i].norm[:1] == "ل" and not tokens[i].norm.startswith("لا")
    if (is_preposition_like(tokens[i].norm) or lam) and not (
        after_lam or is_name_lookalike(tokens[i])
    ):
        return None
    j = i
    relative = -1  # where a restrictive relative clause opened («المسؤول الذي طلب ...»)
    links, titled = lex.marker_set("np_links"), lex.pairs("titled_prepositions")
    stops = _phrase_stops(lex)
    titled_head = tokens[i].norm in lex.head_words and not _is_definite(tokens[i])
    while j < limit and j - i < (MAX_SOURCE_TOKENS if relative < 0 else MAX_RELATIVE_SOURCE):
        tok = tokens[j]
        norm = tok.norm
        if relative >= 0:
            if norm in PUNCTUATION and tok.text not in QUOTES or _ends_relative(tt, j, lex):
                break
            j += 1
            continue
        if tok.text in QUOTES:
            if j == i and j + 1 < limit and names_outlet_told(tokens[j + 1], lex):
                return None  # «رجح "لصحيفة" أن»: an outlet told, not a speaker
            partner = tt.quotes.get(j)
            if partner is None or partner < j or partner >= limit or partner - j > 8:
                break
            j = partner + 1
            continue
        if j == i:
            j += 1
            continue
        prev = tokens[j - 1]
        if (
            norm in RELATIVE_AGREEMENT
            and not (object_mode or split_nouns)
            and _is_definite(prev)
        ):
            relative = j  # the clause belongs to the speaker's phrase (corpus README)
            j += 1
            continue
        if norm in RELATIVE_AGREEMENT and (object_mode or split_nouns):
            break  # «كما ذكرت السلطات التي قالت»: the clause is not read into the subject
        initial = norm[:1]
        if initial in "فلب" and _after_bare_name(prev, tok, lex):
            break  # «تاتشر في لحظة»، «حماقي للمتسابق»: a name takes no في- or لـ-phrase
        if norm in ("في", "وفي"):
            if object_mode and titled_head and j + 1 < limit \
                    and _only_adjectives(tokens[i + 1 : j], lex) \
                    and _names_institution(tokens[j + 1], lex):
                j = _institution_end(tt, j + 1, limit, lex)
                break  # «نفى مصدر في الجيش وقوع ...»: where the source is, then the object
            if object_mode or not _continues_with_noun(tt, j + 1, lex):
                break
            j += 1
            continue
        if norm == "عن" and bare_noun(prev.norm) in ISSUED or (prev.norm, norm) in titled:
            j += 1  # «تقرير صادر عن البنك»، «المشرف على تطوير السوق»: part of the phrase
            continue
        if norm in lex.marker_set("participle_objects") and _passive_participle(prev):
            j += 1  # «عدد من المقبوض عليهم في قضية»: the participle's preposition
            continue
        if j in cue_starts or norm in stops and _stops_source(tok, lex):
            break
        if norm in _object_adverbials(lex) and (
            norm != "صحه" or _complete_before(prev)  # «مدير صحة عدن»: a construct
        ):
            break  # «أكدت "الصباح" صحة ما نشرته»، «نفى الوزير مجددا»: the object or an adverb
        if initial == "ب" and (_is_adverb(tok, lex) or _manner_after_definite(prev, tok, lex)):
            break  # «نفى الوزير بشدة الأنباء»، «نفى المدرب بغضب»: the adverb ends the subject
        if initial == "ل" and (names_outlet_told(tok, lex) or _told_audience(tok, lex)):
            break  # «قال لوكالة رويترز»: the outlet told, not part of the speaker
        prev_definite = prev.norm[:2] == "ال" or prev.norm[:3] == "وال"
        if prev_definite and _possessed_after_definite(prev, tok):
            break  # «أبدى اللاعب سعادته»: a possessed noun after a definite one is the object
        if object_mode and _name_then_verbal_noun(prev, tok, lex):
            break  # «نفى نتنياهو ارتكاب أي مخالفة»: the verbal noun starts the object
        if object_mode and is_possessed_verbal_noun(tok, lex):
            break  # «أعلن X مدير الاحتراف بالنادي استقالته»: the object
        if object_mode and _claim_noun_object(prev, tok, lex):
            break  # «نفت قطر الاتهامات»، «كذبت الزوجة الرواية»: the claim denied
        if object_mode and norm in lex.marker_set("event_nouns"):
            break  # «نفى مصدر دبلوماسي مسؤول وجود ...»: an event is the object, not the source
        if (
            (object_mode or split_nouns and _is_definite(tok))
            and (prev_definite or prev.text in CLOSE_QUOTES)
            and not (titled_head and _name_like(tok, lex))  # «وزير الاقتصاد سامي الحداد»
            and not _title_then_name(prev, tok, lex)  # «الدكتور الخضر»
            and _definiteness_break(prev, tok, lex)
            and norm not in links
            and prev.norm not in links
        ):
            break
        j += 1
    while j > i and (tokens[j - 1].norm in PREPOSITIONS or tokens[j - 1].norm in ("و", "ف")):
        j -= 1
    if relative >= 0 and j - relative < 2:
        j = relative  # «الدراسة التي»: no clause after the pronoun, or only its first word
    return (i, j) if j > i else None


def _claim_noun_object(previous: Token, tok: Token, lex: Lexicon) -> bool:
    """A definite noun naming a claim («الاتهامات»، «الرواية») after the subject is what the
    cue rejects or confirms; «وكالة الأنباء» keeps it, after an outlet."""
    return (
        _is_definite(tok)
        and bare_noun(tok.norm) in lex.marker_set("claim_nouns")
        and bare_noun(strip_conjunction(previous.norm)) not in lex.marker_set("outlet_heads")
    )


def _passive_participle(tok: Token) -> bool:
    """«المقبوض»، «المشتبه»: a definite participle in م-, which takes a preposition."""
    bare = bare_noun(strip_conjunction(tok.norm))
    return _is_definite(tok) and bare[:1] == "م" and len(bare) >= 5


def _ends_relative(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """A relative clause in a speaker's phrase runs to a comma, a complementizer or a cue."""
    tok = tt.tokens[j]
    return (
        tok.norm in lex.complementizers
        or tok.norm in lex.verbs and tok.norm not in lex.speech_acts
        or _clause_adverbial(tt, j, lex)
    )


def _clause_adverbial(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """«الحزب الذي يقوده X في بيان صادر عنه اليوم»، «... خلال المؤتمر»: a channel or a time
    after the relative clause belongs to the cue, not to the clause."""
    norm = tt.tokens[j].norm
    if norm in lex.marker_set("time_words") or norm in ("خلال", "عقب", "اثناء"):
        return True
    return norm in ("في", "وفي") and not _continues_with_noun(tt, j + 1, lex)


# Verbal-noun (masdar) patterns of the derived forms, over the bare word: افتعال، انفعال،
# استفعال، إفعال، تفعيل، مفاعلة، تفاعل. «.» is one letter. (فعول, «وجود», is left out: too many
# names share it, «باول»، «داود»).
_MASDAR = re.compile(r"^(ا.ت.ا.|ان..ا.|است..ا.|ا..ا.|ت..ي.|م.ا..ه|ت.ا..)$")


def _name_then_verbal_noun(previous: Token, current: Token, lex: Lexicon) -> bool:
    """After an indefinite word (a name: «نتنياهو»، «موغيريني») an indefinite verbal noun
    is the object: names do not take one as a second part."""
    if _is_definite(previous) or _is_definite(current) or previous.text in QUOTES:
        return False
    if previous.norm in NAME_LINKS or previous.norm in lex.head_words:
        return False
    return bool(_MASDAR.match(current.norm)) and current.norm not in lex.head_words


def is_verbal_noun_phrase(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """A verbal noun heading a phrase: definite itself («الاستعداد») or before a definite
    noun («اعتقال الشخصية»); «توفيق عسيري» and «إيمان محمد» are names of that shape."""
    tok = tt.tokens[k]
    if not is_verbal_noun(tok, lex):
        return False
    nxt = tt.tokens[k + 1] if k + 1 < len(tt.tokens) else None
    return _is_definite(tok) or nxt is not None and _is_definite(nxt)


def is_verbal_noun(tok: Token, lex: Lexicon) -> bool:
    """A derived-form verbal noun («الاستعداد»، «ارتكاب») that names no known speaker."""
    bare = bare_noun(strip_conjunction(tok.norm))
    return (
        bool(_MASDAR.match(bare))
        and tok.norm not in lex.head_words
        and tok.norm not in lex.organisation_words
        and bare not in lex.head_words
    )


def _after_bare_name(previous: Token, tok: Token, lex: Lexicon) -> bool:
    """A preposition phrase after a name (an indefinite word no gazetteer entry explains) is
    where the speaker was or whom they addressed, not part of the speaker."""
    possessed_bi = tok.norm[:1] == "ب" and tok.text.endswith(("ه", "ها", "هم"))
    if not (
        tok.norm in ("في", "وفي")
        or tok.norm[:1] == "ل" and not tok.norm.startswith("لا")
        or possessed_bi  # «أدلى كافانو بشهادته»
    ):
        return False
    prev = previous.norm
    return (
        not _is_definite(previous)
        and previous.text not in QUOTES
        and prev not in lex.head_words
        and prev not in lex.organisation_words
        and prev not in NAME_LINKS
        and prev not in lex.marker_set("np_links")
        and prev not in lex.marker_set("participle_objects")  # «المقبوض عليهم في قضية»
        and not prev.endswith(("ه", "ات", "ون", "ين"))
        and bare_noun(prev) not in lex.adjectives
    )


def _manner_after_definite(previous: Token, tok: Token, lex: Lexicon) -> bool:
    """«المدرب بغضب»: an indefinite بـ-noun after a definite one tells how, not who."""
    norm = tok.norm
    return (
        _is_definite(previous)
        and norm[:1] == "ب"
        and not norm.startswith(("بال", "بن"))
        and norm not in lex.marker_set("np_links")
        and len(norm) > 3
        and not norm.endswith(("ه", "ها", "هم"))
    )


@cache
def _phrase_stops(lex: Lexicon) -> frozenset[str]:
    """Every word that may end a phrase, for one set look-up before the exact test."""
    # «المتحدث لم يحدد»: a negation before a verb ends the phrase too
    return lex.source_stop_words | lex.wa_set("verb_negations") | PUNCTUATION


def _is_adverb(tok: Token, lex: Lexicon) -> bool:
    """«بشدة»، «بدوره»: a one-word adverb with بـ."""
    return tok.norm in _one_word_adverbs(lex)


@cache
def _one_word_adverbs(lex: Lexicon) -> frozenset[str]:
    return frozenset(
        seq[0] for seq in lex.markers["adverbials"] if len(seq) == 1 and seq[0][:1] == "ب"
    )


@cache
def _object_adverbials(lex: Lexicon) -> frozenset[str]:
    """One-word adverbials between a cue and its object («صحة»، «مجددا»، «أيضا»): never inside
    a speaker's phrase."""
    return frozenset(
        seq[0] for seq in lex.markers["adverbials"] if len(seq) == 1 and seq[0] != "اي"
    )


def _complete_before(tok: Token) -> bool:
    """A complete noun phrase before: definite, or a quoted name closing."""
    return _is_definite(tok) or tok.text in QUOTES


# Verbal-noun shapes of the simple verb that take a possessive pronoun as objects do: فعول
# («وقوفها»), تفعّل and its plural («تمسكه»، «توقعاته»).
_SIMPLE_MASDAR = re.compile(r"^(..و.|ت...|ت...ات)$")


def is_possessed_verbal_noun(tok: Token, lex: Lexicon) -> bool:
    """«وأكدت وقوفها إلى جانب»، «وأكد توقعاته»، «أعلن استقالته»: a verbal noun with a
    possessive pronoun right after the verb is its object; the subject is dropped."""
    text = tok.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    if not text.endswith(PRONOUN_SUFFIXES) or text.endswith("ة"):
        return False
    norm = strip_conjunction(tok.norm)
    suffix = next(s for s in PRONOUN_SUFFIXES if norm.endswith(s))
    stem = norm[: -len(suffix)]
    if stem.endswith("ت") and not stem.endswith("ات") and len(stem) > 4:
        stem = stem[:-1]  # «استقالته»: the feminine ending before the pronoun
    return (
        bool(_MASDAR.match(stem) or _SIMPLE_MASDAR.match(stem))
        or stem in lex.marker_set("event_nouns")
    ) and stem not in lex.head_words and norm not in lex.head_words


def _is_definite(tok: Token) -> bool:
    return tok.norm.startswith(("ال", "وال", "لل")) and not _hamza_initial(tok)


def _hamza_initial(tok: Token) -> bool:
    """«أليستر»، «إلهام» fold to «ال...» but carry no article: the hamza tells."""
    raw = tok.text.lstrip("وف") if tok.norm[:1] in "وف" and tok.norm[1:3] == "ال" else tok.text
    return raw[:1] in "أإآ"


def _possessed_after_definite(previous: Token, current: Token) -> bool:
    if not previous.norm.startswith(("ال", "وال")) or current.norm.startswith(("ال", "لل", "بال")):
        return False
    raw = current.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return raw.endswith(("ه", "ها", "هم", "هما")) and current.norm not in REFLEXIVES


def names_outlet_told(tok: Token, lex: Lexicon) -> bool:
    """«لوكالة»، «لرويترز»، «لـ»: a لـ-phrase naming an outlet, not a name such as «لافروف»."""
    if tok.norm[:1] != "ل" or tok.norm.startswith("لل"):
        return False
    rest = tok.norm[1:]
    return (
        rest == ""
        or rest in lex.organisations
        or bare_noun(rest) in lex.marker_set("outlet_heads")
        or rest in lex.marker_set("outlet_heads")
    )


def _told_audience(tok: Token, lex: Lexicon) -> bool:
    """«المصدر للصحيفة»، «للصحافيين»، «لمراسل»، «لراديو»: whom the speaker told, after the
    speaker's phrase."""
    norm = tok.norm
    rest = norm[2:] if norm.startswith("لل") else norm[1:]
    return rest in lex.marker_set("audience_nouns") or norm.startswith("لل") and (
        rest in lex.marker_set("outlet_heads")
    )


def _stops_source(tok: Token, lex: Lexicon) -> bool:
    norm = tok.norm
    if norm in PUNCTUATION:
        return tok.text not in QUOTES
    if norm in NAME_LOOKALIKES and is_name_lookalike(tok):
        return False
    return norm in _phrase_stops(lex)  # not punctuation: source stop words, verb negations


def _only_adjectives(tokens: list[Token], lex: Lexicon) -> bool:
    """«مصادر مطلعة»: nothing but the head's adjectives before its في-phrase."""
    return all(bare_noun(t.norm) in lex.adjectives for t in tokens)


def _names_institution(tok: Token, lex: Lexicon) -> bool:
    """«الجيش», «قسد»: a definite noun or a known organisation, where an unnamed source is."""
    return _is_definite(tok) or tok.norm in lex.organisation_words


MAX_ORGANISATION_WORDS = 5


def _institution_end(tt: TokenizedText, k: int, limit: int, lex: Lexicon) -> int:
    """One past «الجيش السوري», «الخارجية الأمريكية», «قسد»: the word and its adjectives (an
    object after it starts with another noun: «... وقوع إصابات», «... التقارير»)."""
    norms = [t.norm for t in tt.tokens[k:min(limit, k + MAX_ORGANISATION_WORDS)]]
    size = next((n for n in range(len(norms), 1, -1)
                 if " ".join(norms[:n]) in lex.organisations), 1)
    end = k + size
    if size == 1 and end < limit and not _is_definite(tt.tokens[k]) \
            and _is_definite(tt.tokens[end]):
        end += 1  # «وزارة الزراعة»: a noun and its genitive
    while end < limit and bare_noun(tt.tokens[end].norm) in lex.adjectives:
        end += 1
    return end


def _continues_with_noun(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    if j >= len(tt.tokens):
        return False
    nxt = tt.tokens[j]
    bare = nxt.norm[2:] if nxt.norm.startswith("ال") else nxt.norm
    return not (
        _stops_source(nxt, lex)
        or bare in lex.marker_set("channel_kinds")
        or nxt.norm in lex.marker_set("channel_kinds")
        or nxt.norm in ("وقت", "حين")
        or _opens_adverbial(nxt, lex)
    )


def _opens_adverbial(tok: Token, lex: Lexicon) -> bool:
    """«في سياق آخر»، «في هذا السياق»، «في أكثر من مناسبة»: after «في» an adverbial starts,
    not the place a speaker belongs to («مصدر في الجيش»)."""
    norm = tok.norm
    return (
        norm in lex.marker_set("context_nouns")
        or bare_noun(norm) in lex.marker_set("context_nouns")
        or norm in DEMONSTRATIVES and norm not in PARTITIVES
        or norm in ("ذات", "نفس")
    )


def _title_then_name(previous: Token, current: Token, lex: Lexicon) -> bool:
    """«الدكتور العواجي»: after a title, a definite word that may be a name is one (not
    «الدكتور الاتهامات», a plural, nor a verbal noun or a known noun)."""
    if strip_conjunction(previous.norm) not in lex.marker_set("titles"):
        return False
    bare = bare_noun(current.norm)
    return not (
        bare.endswith(("ات", "ه"))
        or is_verbal_noun(current, lex)
        or bare in lex.non_speakers
        or current.norm in lex.head_words
        or bare in lex.marker_set("event_nouns")
    )


def _definiteness_break(previous: Token, current: Token, lex: Lexicon) -> bool:
    """Where a subject ends and the object starts, after a definite noun.

    «نفت الشرطة وقوع إصابات»: an indefinite noun starts the object (after a nisba it may be
    a name instead: «الإسرائيلي تورط» still reads as one, see _nisba_before_name); «وصف الوزير
    الاتفاق بأنه»: so does a definite one that cannot be an adjective (adjectives are
    nisbas in ـي/ـية, or listed in the gazetteer).
    """
    prev_definite = (
        previous.norm.startswith(("ال", "وال")) and not _hamza_initial(previous)
    ) or previous.text in CLOSE_QUOTES
    if not prev_definite or current.text in QUOTES:
        return False
    if not current.norm.startswith(("ال", "وال", "لل")):
        return not _nisba_before_name(previous, current, lex)
    bare = bare_noun(current.norm)
    adjective = bare.endswith(("ي", "يه", "يون", "يين"))
    known = bare in lex.adjectives or f"{previous.norm} {current.norm}" in lex.organisations
    return not (adjective or known)


def _name_like(tok: Token, lex: Lexicon) -> bool:
    """An indefinite word that may be a name after a title: not a verbal noun, a known
    noun, a feminine or plural form, or an accusative («أي»، «رفعا»)."""
    norm = tok.norm
    return (
        not _is_definite(tok)
        and norm not in PUNCTUATION
        and norm not in lex.head_words
        and norm not in lex.source_stop_words
        and norm not in ("اي", "كل", "بعض")
        and not norm.endswith(("ه", "ات"))
        and not tok.text.endswith(("ا", "اً"))
        and not is_verbal_noun(tok, lex)
        and norm not in lex.marker_set("event_nouns")
    )


def _nisba_before_name(previous: Token, current: Token, lex: Lexicon) -> bool:
    """«أكد اليوناني دونيس»، «البرتغالي جوزيه مورينيو»: a nationality before a name is
    part of the speaker, not the end of it."""
    bare = bare_noun(previous.norm)
    return (
        bare.endswith("ي")
        and len(bare) >= 5
        and not is_verbal_noun(current, lex)
        and current.norm not in lex.head_words
        and not current.norm.endswith(("ه", "ات"))
        and not current.text.endswith(("ا", "اً"))
    )


def fronted_subject(
    tt: TokenizedText, cue: CueMatch, lex: Lexicon, cue_starts: set[int]
) -> tuple[Range | None, bool]:
    """SVO: «لا تزال مصادر X تنفي»، «لكن مسؤولا حكوميا، رفض الكشف عن هويته، قال».

    Also says whether the subject stands right before the verb; one found across commas
    yields to a subject after the verb.
    """
    subject = _fronted(tt, cue, lex, cue_starts)
    return subject, subject is not None and _adjacent(tt, subject, cue)


def _adjacent(tt: TokenizedText, subject: Range, cue: CueMatch) -> bool:
    between = tt.tokens[subject[1] : cue.first]
    return not any(t.norm in PUNCTUATION and t.text not in QUOTES for t in between)


def _fronted(tt: TokenizedText, cue: CueMatch, lex: Lexicon, cue_starts: set[int]) -> Range | None:
    if cue.conjoined or cue.kind != CueKind.VERB:
        return None  # «وكان المرشح يُوصف بأنه»: a passive's topic is no speaker
    first_of_sentence, _ = tt.sentence_bounds(cue.first)
    first_of_sentence = max(first_of_sentence, cue.first - MAX_LOOKBACK_TOKENS)
    j = cue.first - 1
    if cue.negated or (j >= 0 and tt.tokens[j].norm in lex.marker_set("negations")):
        j -= 1
    if j >= 0 and tt.tokens[j].norm in ("قد", "لقد"):  # «كانت الوزارة قد أعلنت»
        j -= 1
    if j > 0 and tt.tokens[j].norm in ("كان", "كانت") and tt.tokens[j - 1].norm in ("،", ","):
        j -= 1  # «النائب، X، كان صرح»: the auxiliary after a parenthetical
    run_end = j + 1
    start, boundary = _walk_back(tt, j, first_of_sentence, lex, cue_starts)
    if start < run_end:
        causative = start > 0 and tt.tokens[start - 1].norm in lex.conjoined_set("causatives")
        if boundary == "verb" and not causative or run_end - start > MAX_FRONTED_SUBJECT:
            return None  # «جعل ترامب يحذر»: after a causative the run is the cue's subject
        return _as_subject(tt, start, run_end, lex)
    if boundary != "comma":
        return None
    return _subject_across_parentheticals(tt, start - 1, first_of_sentence, lex, cue_starts)


def _walk_back(
    tt: TokenizedText,
    j: int,
    floor: int,
    lex: Lexicon,
    cue_starts: set[int],
    across_verbs: bool = False,
) -> tuple[int, str]:
    """Move left from ``j`` over one clause chunk; return its first index and what bounded it.

    ``across_verbs`` reads a parenthetical or relative clause whole («التي كانت قد انسحبت»).
    """
    tokens = tt.tokens
    while j >= floor:
        tok = tokens[j]
        partner = tt.quotes.get(j)
        if tok.text in QUOTES and partner is not None and partner < j:
            j = partner - 1
            continue
        if tok.norm in PUNCTUATION:
            return j + 1, "comma"
        if tok.norm in lex.conjoined_set("clause_openers") or is_complementizer(tok, lex):
            return j + 1, "opener"
        if _side_phrase_ends_at(tt, j, lex):
            return j + 1, "opener"  # «... ومن جانبه قال X»: a new turn opens
        if not across_verbs and _aux_ends_at(tt, j, lex):
            return j + 1, "opener"
        if not across_verbs and (
            j in cue_starts
            or tok.norm in lex.verbs
            or tok.norm in lex.speech_acts
            or tok.norm in lex.wa_set("clause_verbs")
        ):
            return j + 1, "verb"
        j -= 1
    return floor, "start"


def _side_phrase_ends_at(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """«ومن جانبه»، «من جهته» end at token ``j``."""
    return (
        j > 0
        and tt.tokens[j].norm in lex.marker_set("side_nouns")
        and tt.tokens[j - 1].norm in ("من", "ومن", "فمن")
    )


def _aux_ends_at(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    for aux in lex.sequences_ending("auxiliaries", tt.tokens[j].norm):
        n = len(aux)
        if j - n + 1 < 0:
            continue
        words = [t.norm for t in tt.tokens[j - n + 1 : j + 1]]
        if one_of(words[0], {aux[0]}) and tuple(words[1:]) == aux[1:]:
            return True
    return False


def _subject_across_parentheticals(
    tt: TokenizedText, j: int, floor: int, lex: Lexicon, cue_starts: set[int]
) -> Range | None:
    for _ in range(3):
        if j < floor:
            return None
        start, boundary = _walk_back(
            tt,
            j - 1 if tt.tokens[j].norm in PUNCTUATION else j,
            floor,
            lex,
            cue_starts,
            across_verbs=True,
        )
        if (
            boundary == "start"
            or boundary == "opener"
            and not is_complementizer(tt.tokens[start - 1], lex)
        ):
            phrase = noun_phrase(tt, start, j, lex, cue_starts)
            return _as_subject(tt, *phrase, lex) if phrase else None
        if boundary != "comma":
            return None
        holder = _role_before_name(tt, start, j, floor, lex, cue_starts)
        if holder is not None:
            return holder
        j = start - 1
    return None


def _role_before_name(
    tt: TokenizedText, start: int, end: int, floor: int, lex: Lexicon, cue_starts: set[int]
) -> Range | None:
    """«أن وزير الدفاع، سيرغي شويغو، قال»: a name between commas after a role is no
    parenthetical; role and name are the subject, also right after «أن»."""
    tokens = tt.tokens
    if not 0 < end - start <= MAX_NAME_WORDS or not all(
        _name_word(tokens[k], k == start, lex) for k in range(start, end)
    ):
        return None
    comma = start - 1
    role_start, boundary = _walk_back(tt, comma - 1, floor, lex, cue_starts)
    if boundary not in ("start", "opener") or role_start >= comma:
        return None
    role = noun_phrase(tt, role_start, comma, lex, cue_starts)
    if role is None or role[1] != comma or _named_after_role(
        tt, role, start, end + 1, lex, cue_starts
    ) != end:
        return None
    return _as_subject(tt, role_start, end, lex)


def _as_subject(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> Range | None:
    first = tt.tokens[start].norm
    if tt.tokens[start].text in QUOTES and start + 1 < end and names_outlet_told(
        tt.tokens[start + 1], lex
    ):
        return None  # «"لوكالة الأنباء" تنفي»: an outlet told, not a speaker
    if one_of(first, RELATIVES) or one_of(first, CONDITIONALS):
        return None  # «والتي نقلت»: the antecedent is found as for a dropped subject
    if one_of(first, DEMONSTRATIVES) and (
        end - start == 1 or is_preposition_like(tt.tokens[start + 1].norm)
    ):
        return None  # «وذلك من خلال تغريدة قال فيها»: a pointing word, not a speaker
    if (
        is_preposition_like(first)
        or one_of(first, lex.marker_set("time_words"))
        or one_of(first, lex.marker_set("source_stoppers"))
    ):
        return None
    for k in range(start + 1, end):  # «الوزارة في بيان أكدت»: the channel is not the speaker
        norm = tt.tokens[k].norm
        kinds = lex.marker_set("channel_kinds")
        if one_of(norm, ("في", "خلال", "عبر")) and k + 1 < end and (
            norm.endswith("عبر") or bare_noun(tt.tokens[k + 1].norm) in kinds
        ):
            end = k
            break
    while end > start and tt.tokens[end - 1].norm in ("قد", "وقد"):
        end -= 1
    return (start, end) if end > start else None


def head_norm(tt: TokenizedText, rng: Range) -> str:
    """The head noun of a source, without conjunction, article, demonstrative or quotes."""
    for tok in tt.tokens[rng[0] : rng[1]]:
        norm = strip_conjunction(tok.norm)
        if norm[:1] in "لب" and norm[1:] in DEMONSTRATIVES:
            norm = norm[1:]  # «وفقا لهذا الرأي»
        if one_of(norm, DEMONSTRATIVES) or tok.text in QUOTES:
            continue
        return bare_noun(norm)
    return ""


@lru_cache(maxsize=100_000)
def bare_noun(norm: str) -> str:
    """The noun without its article and a proclitic on it: «والمصادر» → «مصادر»."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            return norm[len(prefix) :]
    return norm


def is_non_speaker(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """Events, plans and evidence «confirm» things but are not speakers."""
    head = head_norm(tt, rng)
    return head in lex.non_speakers or (
        head[:1] in "لب" and bare_noun(head[1:]) in lex.non_speakers
    )


def relative_before(tt: TokenizedText, cue: CueMatch, lex: Lexicon) -> int | None:
    """The relative pronoun a cue's clause opens with («التي تحدثت»، «الذي لم ينف»)."""
    j = cue.first - 1
    skippable = lex.marker_set("negations") | {"قد"}
    while j >= 0 and tt.tokens[j].norm in skippable:
        j -= 1
    if j >= 0 and strip_conjunction(tt.tokens[j].norm) in RELATIVE_AGREEMENT:
        return j
    return None


def relative_antecedent(tt: TokenizedText, rel: int, lex: Lexicon) -> Range | None:
    """The noun phrase a relative pronoun refers to: «هذه الأنباء، التي» → «هذه الأنباء»."""
    end = rel
    if end > 0 and tt.tokens[end - 1].norm in ("،", ","):
        end -= 1
    start = end
    while start > 0 and end - start < 4:
        tok = tt.tokens[start - 1]
        if (
            tok.norm in PUNCTUATION
            or tok.norm in lex.source_stop_words
            or tok.norm in lex.cue_words  # «حسب البيان، الذي أوضح»
            or is_preposition_like(tok.norm)
        ):
            break
        if tok.norm[:1] in "بلك" and not _is_definite(tok):
            break  # «نفى الوزير بشدة الأنباء التي»: an adverb, not part of the phrase
        if not (_is_definite(tok) or tok.norm in DEMONSTRATIVES) and start < end:
            # an indefinite noun heads a construct («مرض الكوليرا»), then the phrase ends
            start -= 1
            break
        start -= 1
    return (start, end) if end > start else None


MAX_APPOSITION = 7  # words, a quoted name counting as one


def with_apposition(
    tt: TokenizedText, phrase: Range, limit: int, lex: Lexicon, cue_starts: set[int]
) -> Range:
    """«علي أبودشيش، الباحث الأثري، إن»: an apposition set off by commas belongs to the
    speaker; a parenthetical clause («، فضل عدم الكشف عن هويته،») does not."""
    tokens = tt.tokens
    extended = with_title_complements(tt, phrase, limit, lex, cue_starts)
    if extended != phrase:
        return extended
    comma = phrase[1]
    if comma + 1 >= limit or tokens[comma].norm not in ("،", ","):
        return phrase
    first = tokens[comma + 1]
    if first.norm in lex.marker_set("time_words"):
        return phrase  # «بينيت، الأربعاء، إن»: a time between commas, not an apposition
    nominal = (
        _is_definite(first) and first.norm not in RELATIVE_AGREEMENT
        or first.norm in lex.head_words
        or first.norm in ("من", "احد", "احدي")
    )
    if not nominal:
        named = _named_after_role(tt, phrase, comma + 1, limit, lex, cue_starts)
        return (phrase[0], named) if named else phrase
    end = comma + 1
    words = 0
    while end < limit and words <= MAX_APPOSITION:
        tok = tokens[end]
        if tok.norm in ("،", ",") or end in cue_starts or tok.norm in lex.complementizers:
            break
        close = tt.quotes.get(end, -1)
        if tok.text in QUOTES and close > end:
            end, words = close + 1, words + 1  # «من شركة "أيدج تشيكد"»: a quoted name
            continue
        if tok.text in QUOTES or tok.norm in (":", "."):
            return phrase
        end, words = end + 1, words + 1
    closes = end >= limit or tokens[end].norm in ("،", ",") or tokens[end].norm in (
        lex.complementizers
    )
    if not closes or words > MAX_APPOSITION or end == comma + 1:
        return phrase
    end = _trim_told(tt, comma + 1, end, lex)
    return (phrase[0], end) if end > comma + 1 else phrase


MAX_COMPLEMENT_TOKENS = 10  # a title's prepositional complements before its holder's name
MAX_HOLDER_NAME = 4
# How far away the holder's surname is looked for again (an article, not a whole archive).
NAME_ECHO_REACH = 1500


def with_title_complements(
    tt: TokenizedText, phrase: Range, limit: int, lex: Lexicon, cue_starts: set[int]
) -> Range:
    """«مدير قسم الطوارئ بمستشفى المدينة سامر الحلبي»، «الملازم أول في وحدة الجرائم
    الإلكترونية، حسين العفيف»: a title whose phrase stops at a prepositional complement runs
    on, over its complements, to the name of its holder, when the text names that person
    again by the same last word («وأضاف الحلبي»)."""
    tokens = tt.tokens
    k = phrase[1]
    if k >= limit or strip_conjunction(tokens[phrase[0]].norm) not in lex.head_words:
        return phrase
    if not _opens_complement(tt, k, lex):
        return phrase
    for j in range(k + 1, min(limit, k + MAX_COMPLEMENT_TOKENS)):
        tok = tokens[j]
        if j in cue_starts or tok.norm in lex.complementizers or tok.text in QUOTES:
            return phrase
        comma = tok.norm in ("،", ",")
        if tok.norm in PUNCTUATION and not comma:
            return phrase
        end = _holder_name_end(tt, j + 1 if comma else j, limit, lex, cue_starts)
        if end is not None:
            return (phrase[0], end)
        if comma:
            return phrase
    return phrase


def _opens_complement(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«بمستشفى»، «لهيئة»، «في وحدة»: a prepositional phrase that may qualify a title, not an
    adverb («بشدة»), whom the speaker told («للصحفيين») or where they spoke («في بيان»)."""
    tok = tt.tokens[k]
    norm = tok.norm
    if norm in ("في", "من"):
        return _continues_with_noun(tt, k + 1, lex)
    if norm[:1] not in "بل" or norm.startswith("لا") or len(norm) < 4:
        return False
    return not (
        _is_adverb(tok, lex)
        or names_outlet_told(tok, lex)
        or _told_audience(tok, lex)
        or tok.text.endswith(PRONOUN_SUFFIXES)
    )


def _holder_name_end(
    tt: TokenizedText, start: int, limit: int, lex: Lexicon, cue_starts: set[int]
) -> int | None:
    """One past «سامر الحلبي» at ``start``: two to four name words, the first indefinite,
    whose last word the text uses again elsewhere; None if there is no such name."""
    tokens = tt.tokens
    if start >= limit or not _holder_name_word(tokens[start], lex) or _is_definite(tokens[start]):
        return None
    end = start + 1
    while end < min(limit, start + MAX_HOLDER_NAME) and end not in cue_starts and (
        _holder_name_word(tokens[end], lex)
    ):
        end += 1
    if end - start < 2 or end < limit and not _closes_name(tt, end, lex, cue_starts):
        return None
    surname = strip_conjunction(tokens[end - 1].norm)
    nearby = tokens[max(0, start - NAME_ECHO_REACH) : end + NAME_ECHO_REACH]
    echoed = any(
        strip_conjunction(t.norm) == surname and not start <= t.index < end for t in nearby
    )
    return end if echoed else None


def _holder_name_word(tok: Token, lex: Lexicon) -> bool:
    """A word of a personal name («سامر»، «عطية»، «الحلبي»), not a known word of another kind."""
    norm = strip_conjunction(tok.norm)
    return (
        tok.text not in QUOTES
        and norm not in PUNCTUATION
        and len(norm) >= 3
        and norm not in lex.head_words
        and norm not in lex.source_stop_words
        and norm not in lex.complementizers
        and norm not in lex.verbs
        and norm not in lex.speech_acts
        and bare_noun(norm) not in lex.adjectives
        and not is_preposition_like(norm)
        and not is_verbal_noun(tok, lex)
    )


MAX_NAME_WORDS = 4


def with_name_apposition(
    tt: TokenizedText, phrase: Range, limit: int, lex: Lexicon, cue_starts: set[int]
) -> Range:
    """«حسب ما أفاد به وكيل الجمهورية، منير الزغلامي.»: only a name after a role and a comma
    joins the phrase (content may follow the comma of a phrase cue)."""
    extended = with_title_complements(tt, phrase, limit, lex, cue_starts)
    if extended != phrase:
        return extended
    comma = phrase[1]
    if comma + 1 >= limit or tt.tokens[comma].norm not in ("،", ","):
        return phrase
    named = _named_after_role(tt, phrase, comma + 1, limit, lex, cue_starts)
    return (phrase[0], named) if named else phrase


def _named_after_role(
    tt: TokenizedText, phrase: Range, k: int, limit: int, lex: Lexicon, cue_starts: set[int]
) -> int | None:
    """«قال وزير النقل السابق، سمير العبدلي "..."»، «نفى رئيس الكتلة، كريم الهاشمي، ما»: a
    name after a role and a comma is the role's holder; one past the name, or None."""
    tokens = tt.tokens
    if strip_conjunction(tokens[phrase[0]].norm) not in lex.head_words:
        return None
    end = k
    while end < min(limit, k + MAX_NAME_WORDS) and _name_word(tokens[end], end == k, lex) \
            and end not in cue_starts:
        end += 1
    if end == k or end < limit and not _closes_name(tt, end, lex, cue_starts):
        return None
    return end


def _name_word(tok: Token, first: bool, lex: Lexicon) -> bool:
    """A word of a personal name: «سمير» first, then «العبدلي»، «بن»، «عبد الله»."""
    norm = tok.norm
    if norm in NAME_LINKS:
        return True
    if (
        norm in lex.complementizers
        or norm[:1] == "ل" and not _is_definite(tok)
        or norm in lex.conjoined_set("clause_openers")  # «، وهو زميله»
        or bare_noun(norm) in lex.marker_set("audience_nouns")  # «، مراسل الإذاعة»
        or tok.text.endswith(("هم", "ها", "هما"))  # «، مطاردتهم»: a possessed noun
        or is_possessed_verbal_noun(tok, lex)
    ):
        return False
    if _name_like(tok, lex):
        return True
    if first and norm.endswith("ه") and not tok.text.endswith(PRONOUN_SUFFIXES[:3]):
        return not (  # «نادية»: a woman's name in ـة
            _is_definite(tok)
            or norm in lex.head_words
            or norm in lex.source_stop_words
            or is_verbal_noun(tok, lex)
            or norm in PUNCTUATION
        )
    return (
        not first
        and _is_definite(tok)
        and norm not in lex.source_stop_words
        and norm not in lex.head_words
        and not is_verbal_noun(tok, lex)
    )


def _closes_name(tt: TokenizedText, k: int, lex: Lexicon, cue_starts: set[int]) -> bool:
    """What may follow a speaker's name: punctuation, a quotation, «أن», whom they told, a
    channel, a time."""
    tok = tt.tokens[k]
    norm = tok.norm
    return (
        norm in PUNCTUATION
        or tok.text in QUOTES
        or k in cue_starts
        or norm in lex.complementizers
        or norm in lex.marker_set("time_words")
        or norm[:1] == "ل" and (names_outlet_told(tok, lex) or _told_audience(tok, lex))
        or norm in ("في", "خلال", "عبر") and not _continues_with_noun(tt, k + 1, lex)
    )


def _trim_told(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> int:
    """«الباحث الأثري لبي بي سي»: whom the words were told to ends the apposition."""
    for k in range(start + 1, end):
        norm = tt.tokens[k].norm
        told = norm[:1] == "ل" and not norm.startswith(("لل", "لا"))
        if told and _is_definite(tt.tokens[k - 1]):
            return k
    return end


def is_oblique_plural(tok: Token, lex: Lexicon) -> bool:
    """«الديمقراطيين»: a definite sound plural in ـين is accusative or genitive, so it is
    never the subject right after a verb (that would be «الديمقراطيون»)."""
    bare = bare_noun(tok.norm)
    return (
        _is_definite(tok)
        and bare.endswith("ين")
        and len(bare) >= 6
        and tok.norm not in lex.head_words
        and tok.norm not in lex.organisation_words
    )
