"""Noun phrases: where a phrase starts and where it ends.

A phrase runs from its first word to the first word that cannot continue it: a verb, the
object after a definite noun («نفت الشرطة وقوع إصابات»), whom the words were told
(«لوكالة رويترز»), an adverb («بشدة»). Sources, subjects and antecedents are all read with it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from claimx.extraction import tables
from claimx.extraction.cues import one_of, strip_conjunction
from claimx.extraction.gazetteer import (
    OUTLET,
    gazetteer,
    known_body,
    known_person,
    label_words,
)
from claimx.extraction.lexicon import Lexicon
from claimx.extraction.tokenize import (
    CLOSE_QUOTES,
    PUNCTUATION,
    QUOTES,
    Token,
    TokenizedText,
    WordMemo,
    is_name_lookalike,
    is_title_dot,
    normalize,
)
from claimx.extraction.words import (
    CONJUNCTIONS,
    COPULAS,
    DEMONSTRATIVES,
    ISSUED,
    NAME_LINKS,
    NAME_LOOKALIKES,
    OBJECT_SUFFIXES,
    PARTITIVES,
    PATRONYMICS,
    PREPOSITIONS,
    PRONOUN_SUFFIXES,
    REFLEXIVES,
    RELATIVE_AGREEMENT,
    RELATIVE_MA,
    RELATIVES,
    SPEAKER_SUFFIXES,
    WHO_IS,
)
from claimx.model import Range

MAX_SOURCE_TOKENS = 12
MAX_RELATIVE_SOURCE = 16  # a speaker with a relative clause: «المسؤول الذي طلب عدم ذكر اسمه»
# Another mention of a person is sought at most this many tokens away (an article, not a
# whole archive in one line: keeps run-on input linear).
MENTION_REACH = 1500


def is_complementizer(tok: Token, lex: Lexicon) -> bool:
    """True when the token is أن/إن/بأن, bare or with a pronoun (أنه، إنها)."""
    return tok.norm in lex.complementizers


# «بالوزارة»، «للصحيفة»، «وللشركة»: a preposition fused with the article
PREPOSITION_CLITICS = ("بال", "لل", "وبال", "ولل")


def is_preposition_like(norm: str) -> bool:
    """«في»، «عن»، and a fused «بالوزارة»، «للصحيفة»: a word that opens a preposition phrase."""
    return (
        one_of(norm, PREPOSITIONS)
        or norm.startswith(PREPOSITION_CLITICS)
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
    return _read_phrase(tt, i, limit, lex, cue_starts, object_mode, after_lam, split_nouns)[0]


def noun_phrase_readings(
    tt: TokenizedText, i: int, limit: int, lex: Lexicon, cue_starts: set[int]
) -> tuple[Range | None, Range | None]:
    """The ``split_nouns`` phrase at ``i``, and the same read with ``object_mode`` (where an
    object may start: «قدمت الجمعية شكوى»), in one walk: the object-mode reading follows the
    same words and stops at the first word where one of its own ends comes first, and a
    speaker noun's mention weighs the two against each other."""
    return _read_phrase(tt, i, limit, lex, cue_starts, False, False, True, both=True)


def _read_phrase(
    tt: TokenizedText,
    i: int,
    limit: int,
    lex: Lexicon,
    cue_starts: set[int],
    object_mode: bool,
    after_lam: bool,
    split_nouns: bool,
    both: bool = False,
) -> tuple[Range | None, Range | None]:
    """``noun_phrase``; with ``both`` (and ``split_nouns``), also where the object-mode
    reading ends (None when ``both`` is not asked)."""
    tokens = tt.tokens
    if i >= limit or _stops_source(tokens[i], lex):
        return None, None
    if i in cue_starts:
        return None, None  # «وأشار وفقا لما أوردته صحيفة X إلى أن»: another cue, no subject
    if tokens[i].norm in lex.complementizers and not is_name_lookalike(tokens[i]):
        return None, None
    lam = (
        tokens[i].norm[:1] == "ل"
        and not tokens[i].norm.startswith("لا")
        and not _own_lam_opens_phrase(tokens[i], lex, cue_starts)
        and not _name_in_lam_after_cue(tt, i, lex, cue_starts)
    )
    if tokens[i].norm == "ب":
        return None, None  # «واتهمتها بـ"دعم الإرهاب"»: a بـ written apart opens the charge
    if (is_preposition_like(tokens[i].norm) or lam) and not (
        after_lam or is_name_lookalike(tokens[i])
    ):
        return None, None
    j = i
    relative = -1  # where a restrictive relative clause opened («المسؤول الذي طلب ...»)
    bare_clause = False  # the clause opened with its verb, no relative pronoun
    links, titled = lex.marker_set("np_links"), lex.pairs("titled_prepositions")
    stops = _phrase_stops(lex)
    titled_head = tokens[i].norm in lex.head_words and not is_definite(tokens[i])
    watching = object_mode or both  # the ends of the object-mode reading are checked
    object_end: int | None = None  # where the object-mode reading ended, if before ``j``
    while j < limit and j - i < (MAX_SOURCE_TOKENS if relative < 0 else MAX_RELATIVE_SOURCE):
        tok = tokens[j]
        norm = tok.norm
        if relative >= 0:
            if norm in PUNCTUATION and tok.text not in QUOTES or _ends_relative(tt, j, lex):
                break
            if norm[:1] == "ل" and _after_bare_name(tokens[j - 1], tok, lex):
                break  # «... عند أطراف باماكو لفرانس برس»: whom the words were told
            if bare_clause and tok.text in CLOSE_QUOTES and tt.quotes.get(j, j) < j:
                j += 1
                break  # «جماعة أطلقت على نفسها "..." مسؤوليتها»: the name closes the clause
            j += 1
            continue
        if tok.text in QUOTES:
            if j == i and j + 1 < limit and names_outlet_told(tokens[j + 1], lex):
                return None, None  # «رجح "لصحيفة" أن»: an outlet told, not a speaker
            partner = tt.quotes.get(j)
            if partner is None or partner < j or partner >= limit or partner - j > 8:
                break
            j = partner + 1
            continue
        if j == i or is_title_dot(tokens, j):
            j += 1  # «د. سامي الحلو»، «الناقد د.الحلو»: an abbreviated title and its dot
            continue
        prev = tokens[j - 1]
        if (
            norm in RELATIVE_AGREEMENT
            and not (object_mode or split_nouns)
            and is_definite(prev)
        ):
            relative = j  # the clause belongs to the speaker's phrase (corpus README)
            j += 1
            continue
        if norm in RELATIVE_AGREEMENT:
            break  # «كما ذكرت السلطات التي قالت»: the clause is not read into the subject;
            # «وقال ساركوزي الذي استقبله ...»: a name's relative clause is an aside
        if _ends_after_plural(tt, i, j, lex):
            break  # «أظهر الباحثون خطر المادة»، «أن الباحثين وجدوا»: the object or the verb
        if not split_nouns and _opens_bare_relative(tt, i, j, lex):
            relative, bare_clause = j, True  # «جماعة مجهولة أطلقت على نفسها "..."»
            j += 1
            continue
        initial = norm[:1]
        if (initial in "فلب" or norm == "مع") and _after_bare_name(prev, tok, lex) \
                and not _surname_with_lam_or_ba(tt, j, lex):
            break  # «تاتشر في لحظة»، «حماقي للمتسابق»، «هول مع عناصر»: a name takes no such phrase
        if norm in COPULAS:
            break  # «البروفسور دانيال ويلينغام هو أستاذ»: the pronoun opens what he is
        if _after_patronym(tokens, i, j, lex):
            break  # «وأكد الأمير محمد بن سلمان تميز قدرات القوات»: the father's name ends it
        if norm == "مع" and known_body(strip_conjunction(prev.norm)):
            break  # «خبراء الإرهاب في أوروبا مع هذه التصريحات»: nor does a place
        if norm in ("في", "وفي"):
            if watching and object_end is None:
                object_end = _object_end_at_fi(tt, i, j, limit, lex, titled_head)
                if object_mode:
                    j = object_end
                    break
            if not continues_with_noun(tt, j + 1, lex):
                break
            j += 1
            continue
        if norm == "عن" and bare_noun(prev.norm) in ISSUED or (prev.norm, norm) in titled:
            j += 1  # «تقرير صادر عن البنك»، «المشرف على تطوير السوق»: part of the phrase
            continue
        if norm in lex.marker_set("participle_objects") and _passive_participle(prev):
            j += 1  # «عدد من المقبوض عليهم في قضية»: the participle's preposition
            continue
        if j in cue_starts or norm in stops and _stops_source(tok, lex) and not known_person(
            f"{strip_conjunction(prev.norm)} {norm}"
        ) and not _first_of_rank(tt, j, lex):
            break  # a verb ends the phrase; not «روته» of «مارك روته»
        if _feminine_perfect(tok, lex) and _holds_definite(tokens[i:j]):
            break  # «أن الشرطة في المدينة احتجزت ...»: the clause's verb ends its subject
        if j + 1 < limit and (norm, tokens[j + 1].norm) in lex.pairs("behalf"):
            break  # «قال الوزير نيابة عن الرئيس»: whom he speaks for is not the speaker
        if norm in _object_adverbials(lex) and (
            norm != "صحه" or _complete_before(prev)  # «مدير صحة عدن»: a construct
        ):
            break  # «أكدت "الصباح" صحة ما نشرته»، «نفى الوزير مجددا»: the object or an adverb
        if initial == "ب" and (is_adverb(tok, lex) or _manner_after_definite(prev, tok, lex)):
            break  # «نفى الوزير بشدة الأنباء»، «نفى المدرب بغضب»: the adverb ends the subject
        if is_adverbial_participle(tok) and _participle_shape(norm):
            break  # «وتابع انريكي متحدثا عن ميسي»: how he spoke ends the subject
        if initial == "ل" and (names_outlet_told(tok, lex) or told_audience(tok, lex)):
            break  # «قال لوكالة رويترز»: the outlet told, not part of the speaker
        prev_definite = prev.norm[:2] == "ال" or prev.norm[:3] == "وال"
        if prev_definite and _possessed_after_definite(prev, tok) \
                and not _role_then_name(tt, i, j, limit, lex) \
                and not _foreign_name_at(tt, j, limit, lex):  # «السفير عبدالله»، «المدرب جوزيه»
            break  # «أبدى اللاعب سعادته»: a possessed noun after a definite one is the object
        if (
            j + 1 < len(tokens)
            and tokens[j + 1].norm != "في"  # «زيغريد هونكه في دراساتها»: a name, then where
            and one_of(tokens[j + 1].norm, PREPOSITIONS)
            and name_then_possessed(prev, tok, lex)
            and not is_verbal_noun(prev, lex)  # «نفت الشركة إغلاق مصنعها إثر الحريق»
        ):
            break  # «أعلن تنظيم داعش مسؤوليته عن الهجوم»: a possessed noun and its preposition
        if watching and object_end is None and (
            _name_then_verbal_noun(prev, tok, lex) or name_then_possessed(prev, tok, lex)
        ):
            object_end = j  # «نفى نتنياهو ارتكاب أي مخالفة»، «أكد ماكرون دعمه»: the object starts
            if object_mode:
                break
        if norm in RELATIVE_MA:
            break  # «روت الفنانة هيفاء وهبي ما حصل معها»: «what» opens the object
        if _opens_circumstance(tt, j, limit, lex, cue_starts):
            break  # «وقال المدرب وهو يبتسم إن»: how he spoke, not who
        if norm == "اي" and not tok.text.startswith("آ"):
            break  # «نفت حماس أي علاقة لها»: «any» opens the object («آي بي إم» is a name)
        if j + 1 < limit and adverbial_phrase_at(tt, j, lex):
            break  # «وقال الوزير هذا الأسبوع إن»، «وأكد المدير من جهة أخرى»: an adverbial
        if is_possessed_verbal_noun(tok, lex):
            break  # «أعلن X مدير الاحتراف بالنادي استقالته، موجها»: the object
        if watching and object_end is None and (
            _claim_noun_object(prev, tok, lex) or norm in lex.marker_set("event_nouns")
        ):
            object_end = j  # «نفت قطر الاتهامات»: the claim denied; «نفى مصدر دبلوماسي
            if object_mode:  # مسؤول وجود ...»: an event is the object, not the source
                break
        ends_phrase = split_nouns and is_definite(tok)
        if (
            (ends_phrase or watching and object_end is None)
            and (prev_definite or prev.text in CLOSE_QUOTES)
            and not (titled_head and name_like(tok, lex))  # «وزير الاقتصاد سامي الحداد»
            and not _role_then_name(tt, i, j, limit, lex)  # «المدرب كريم الحلو»
            and not _title_then_name(prev, tok, lex)  # «الدكتور الخضر»
            and _definiteness_break(prev, tok, lex)
            and norm not in links
            and prev.norm not in links
        ):
            if object_mode or ends_phrase:
                break
            object_end = j
        j += 1
    phrase = _phrase_to(tt, i, j, relative, lex)
    if not both:
        return phrase, None
    return phrase, phrase if object_end is None else _phrase_to(tt, i, object_end, -1, lex)


def _after_patronym(tokens: list[Token], i: int, j: int, lex: Lexicon) -> bool:
    """«محمد بن سلمان تميز»: after a given name, «بن» and the father's name an indefinite
    word is no part of the name; another «بن»، «آل» or a known name goes on («متعب بن عبد
    الله بن عبد العزيز»، «محمد بن راشد آل مكتوم»), and so does a role after the name."""
    father = j - 1
    if father - 1 > i and tokens[father - 1].norm == "عبد":
        father -= 1  # «سلمان بن عبد العزيز»: the father's name is two words
    if father - 2 < i or strip_conjunction(tokens[father - 1].norm) not in PATRONYMICS:
        return False  # «ابن تيمية»، «بن عمر»: no given name before it
    tok = tokens[j]
    norm = strip_conjunction(tok.norm)
    return not (
        tokens[j - 1].norm in NAME_LINKS  # «بن أبي طالب»
        or tok.norm[:1] == "و"  # «نصر بن سلطانة وبدرة قعلول»: a second name
        or is_preposition_like(norm)
        or is_definite(tok)
        or tok.text in QUOTES
        or norm in PUNCTUATION
        or norm in NAME_LINKS  # «آل» is «ال» once normalised
        or person_name(norm)
        or norm in lex.head_words
    )


def _object_end_at_fi(
    tt: TokenizedText, i: int, j: int, limit: int, lex: Lexicon, titled_head: bool
) -> int:
    """Where a phrase read in object mode ends at «في» (token ``j``): there, or after the
    body it names when only adjectives stand between an indefinite title and it."""
    if titled_head and j + 1 < limit and _only_adjectives(tt.tokens[i + 1 : j], lex):
        quoted = _quoted_name_end(tt, j + 1, limit)
        if quoted is not None:
            return quoted  # «نفت مصادر في "حزب الله" وجود ...»: the quoted name, then the object
        if _names_institution(tt.tokens[j + 1], lex):
            return _institution_end(tt, j + 1, limit, lex)  # «نفى مصدر في الجيش وقوع ...»
    return j


def _phrase_to(tt: TokenizedText, i: int, j: int, relative: int, lex: Lexicon) -> Range | None:
    """The phrase from ``i`` to a walk's end ``j``, less a preposition or conjunction it ends
    on and a relative pronoun with no clause after it."""
    tokens = tt.tokens
    while j > i and (tokens[j - 1].norm in PREPOSITIONS or tokens[j - 1].norm in ("و", "ف")):
        if ali_as_name(tt, j - 1, lex):
            break  # «قالت الطبيبة سارة علي إن»: the name, not «على»
        j -= 1
    if relative >= 0 and j - relative < 2:
        j = relative  # «الدراسة التي»: no clause after the pronoun, or only its first word
    return (i, j) if j > i else None


def _ends_after_plural(tt: TokenizedText, i: int, j: int, lex: Lexicon) -> bool:
    """After a definite sound plural only its adjectives and preposition phrases go on.

    «الباحثون» is nominative and takes no genitive (the first word of a construct drops its
    ن: «باحثو الجامعة»), so in «أظهر الباحثون خطر المادة» the indefinite «خطر» is the object
    and in «أن الباحثين وجدوا» the next word is the verb. A definite word goes on only if it
    can be an adjective: not a feminine noun or a claim («أكد المحامون الرواية»; «الأكراد» may
    be one, it has the shape of a verbal noun). «الباحثين»
    is read so only as the phrase's first word: «نقيب المحامين سامي» names the holder.
    """
    tokens = tt.tokens
    prev, tok = tokens[j - 1], tokens[j]
    if not _definite_sound_plural(prev, lex) or prev.norm.endswith("ين") and j - 1 != i:
        return False
    norm = tok.norm
    if is_definite(tok):
        bare = bare_noun(norm)
        return (
            bare.endswith(("ات", "ه"))
            and not bare.endswith(("يه", "يات"))
            or bare in lex.marker_set("claim_nouns")
            or bare in lex.marker_set("event_nouns")
        )
    return not (
        tok.text in QUOTES
        or norm in PUNCTUATION
        or is_preposition_like(norm)
        or preposition_with_pronoun(norm)  # «المسؤولون فيه»، «الكثيرون ممن»
        or norm[:1] in "بلك" and not norm.startswith("لا")  # «الدبلوماسيون بالاتحاد»
        or norm in NAME_LINKS
        or norm in lex.marker_set("np_links")
        or tok.text.rstrip(_SHORT_VOWELS).endswith("هم")  # «الباحثون أنفسهم»، «جميعهم»
        or strip_conjunction(norm) in label_words().given_names
    )


# «فيه»، «منهم»، «عندها»، and the attached prepositions «به»، «لها»
_WITH_PRONOUN = frozenset(
    prep + suffix for prep in (*PREPOSITIONS, "ب", "ل") for suffix in PRONOUN_SUFFIXES
)


def preposition_with_pronoun(norm: str) -> bool:
    """«فيه»، «منهم»، «لها»، and «ممن»، «مما» (من before a relative): a preposition phrase."""
    bare = strip_conjunction(norm)
    return bare in _WITH_PRONOUN or bare[:1] == "م" and bare[1:] in RELATIVES


def _definite_sound_plural(tok: Token, lex: Lexicon) -> bool:
    """«الباحثون»، «والمحامين»: a definite masculine plural in ـون/ـين, not a noun that only
    ends so («القانون»، «الأمين»، «التلفزيون»)."""
    if not tok.norm.endswith(("ون", "ين")):  # the article goes at the front: the end is the word's
        return False
    bare = bare_noun(strip_conjunction(tok.norm))
    return (
        is_definite(tok)
        and bare.endswith(("ون", "ين"))
        and len(bare) >= 6
        and tok.norm not in lex.organisation_words
        and bare not in lex.marker_set("outlet_heads")
    )


def ali_as_name(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """«قالت الطبيبة سارة علي إن»، «في محافظة عدن علي الأحمدي لـ"عكاظ" أن»: «علي» spelled
    so is the given name where a name stands, after a name or a title and before a name or
    what follows a speaker; some texts spell the preposition so («أكد ترامب علي أهمية»)."""
    tokens = tt.tokens
    if not 0 < k < len(tokens) - 1 or not is_name_lookalike(tokens[k]):
        return False
    if tokens[k].norm != "علي":
        return False  # «فان»: another look-alike
    if is_title_dot(tokens, k - 1):
        return True  # «ويؤكد د. علي لـ"الصحيفة"»: after an abbreviated title, the name
    prev, nxt = tokens[k - 1], tokens[k + 1]
    if _name_before(prev, lex):
        return _name_after(nxt, lex) or _speaker_complement(nxt, lex)
    title = strip_conjunction(prev.norm)
    return (title in lex.marker_set("titles") or title in lex.head_words) and _name_after(nxt, lex)


def _name_before(prev: Token, lex: Lexicon) -> bool:
    """«سارة»، «عدن»: a given name or a bare name before «علي»."""
    norm = strip_conjunction(prev.norm)
    return norm in label_words().given_names or (
        name_like(prev, lex)
        and norm not in lex.verbs
        and norm not in lex.speech_acts
        and not is_preposition_like(norm)
    )


def _name_after(tok: Token, lex: Lexicon) -> bool:
    """After «علي» another word of a name: «حسن»، «بن»، «الأحمدي»، «خامنئي» (not «أهمية»)."""
    norm = strip_conjunction(tok.norm)
    bare = bare_noun(norm)
    return (
        norm in label_words().given_names
        or norm in NAME_LINKS
        or bare.endswith("ي") and len(bare) >= 4 and bare not in lex.adjectives
        and not is_verbal_noun(tok, lex)
    )


def _speaker_complement(tok: Token, lex: Lexicon) -> bool:
    """What follows a speaker's name: «إن»، a comma, a quotation, whom the words were told,
    a time."""
    norm = tok.norm
    return (
        norm in lex.complementizers
        or norm in PUNCTUATION
        or tok.text in QUOTES
        or names_outlet_told(tok, lex)
        or told_audience(tok, lex)
        or norm in lex.marker_set("time_words")
    )


def _claim_noun_object(previous: Token, tok: Token, lex: Lexicon) -> bool:
    """A definite noun naming a claim («الاتهامات»، «الرواية») after the subject is what the
    cue rejects or confirms; «وكالة الأنباء» keeps it, after an outlet."""
    return (
        is_definite(tok)
        and bare_noun(tok.norm) in lex.marker_set("claim_nouns")
        and bare_noun(strip_conjunction(previous.norm)) not in lex.marker_set("outlet_heads")
    )


# A verb in the perfect of the eighth form («استند»، «اعتبر»), over the bare word.
_FORM_VIII_PERFECT = re.compile(r"^ا.ت..$")


def _opens_bare_relative(tt: TokenizedText, i: int, j: int, lex: Lexicon) -> bool:
    """«تحليل استند إلى بيانات ...»، «أشخاص يقيمون في ...»: after an indefinite noun a verb
    opens a relative clause with no pronoun, which belongs to the speaker's phrase."""
    tokens = tt.tokens
    tok = tokens[j]
    if any(is_definite(t) or t.text in QUOTES for t in tokens[i:j]):
        return False
    if j in tt.quotes or is_definite(tok) or tok.norm in lex.head_words:
        return False
    return _verb_shaped(tok, lex)


def _verb_shaped(tok: Token, lex: Lexicon) -> bool:
    """A word that can only be a verb here: a listed non-speech verb («أطلقت»), the plural
    imperfect («يقيمون»), the perfect of the eighth form («استند»)."""
    norm = tok.norm
    if norm in lex.wa_set("clause_verbs"):
        return True
    if norm[:1] in "وف" or len(norm) < 5 or norm in lex.speech_acts:
        return False
    return norm[:1] == "ي" and norm.endswith("ون") or bool(_FORM_VIII_PERFECT.match(norm))


def _passive_participle(tok: Token) -> bool:
    """«المقبوض»، «المشتبه»: a definite participle in م-, which takes a preposition."""
    bare = bare_noun(strip_conjunction(tok.norm))
    return is_definite(tok) and bare[:1] == "م" and len(bare) >= 5


def _ends_relative(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """A relative clause in a speaker's phrase runs to a comma, a complementizer or a cue."""
    tok = tt.tokens[j]
    return (
        tok.norm in lex.complementizers
        or tok.norm in lex.verbs and tok.norm not in lex.speech_acts
        or _clause_adverbial(tt, j, lex)
        or names_outlet_told(tok, lex)  # «أشخاص يقيمون قرب الموقع لفرانس برس»
    )


def _clause_adverbial(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """«الحزب الذي يقوده X في بيان صادر عنه اليوم»، «... خلال المؤتمر»: a channel or a time
    after the relative clause belongs to the cue, not to the clause."""
    norm = tt.tokens[j].norm
    if norm in lex.marker_set("time_words") or norm in ("خلال", "عقب", "اثناء"):
        return True
    return norm in ("في", "وفي") and not continues_with_noun(tt, j + 1, lex)


# Verbal-noun (masdar) patterns of the derived forms, over the bare word: افتعال، انفعال،
# استفعال، إفعال، تفعيل، مفاعلة، تفاعل. «.» is one letter. (فعول, «وجود», is left out: too many
# names share it, «باول»، «داود»).
_MASDAR = re.compile(r"^(ا.ت.ا.|ان..ا.|است..ا.|ا..ا.|ت..ي.|م.ا..ه|ت.ا..)$")


_SHORT_VOWELS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652"


def _indefinite_after_name(previous: Token, current: Token, lex: Lexicon) -> bool:
    """An indefinite word after a name («نتنياهو»، «موغيريني»): not after a head noun, a
    name link or a quotation mark."""
    return not (
        is_definite(previous) or is_definite(current) or previous.text in QUOTES
        or previous.norm in NAME_LINKS or previous.norm in lex.head_words
    )


def _name_then_verbal_noun(previous: Token, current: Token, lex: Lexicon) -> bool:
    """After a name an indefinite verbal noun is the object: names do not take one as a
    second part."""
    if not _indefinite_after_name(previous, current, lex):
        return False
    return (
        bool(_MASDAR.match(current.norm))
        and current.norm not in lex.head_words
        and not known_person(current.norm)  # «دونالد ترامب»
    )


def name_then_possessed(previous: Token, current: Token, lex: Lexicon) -> bool:
    """«أكد ماكرون دعمه للاتفاق»: after a name, a noun carrying a possessive pronoun is the
    verb's object; a stem of three letters or more, so «طه» stays a name."""
    if not _indefinite_after_name(previous, current, lex):
        return False
    text = current.text.rstrip(_SHORT_VOWELS)
    suffix = next((s for s in PRONOUN_SUFFIXES if text.endswith(s)), None)
    return (
        suffix is not None
        and len(text) - len(suffix) >= 3
        and current.norm not in lex.head_words
        and current.norm not in lex.organisation_words
    )


def possessed_object_after_name(previous: Token, current: Token, lex: Lexicon) -> bool:
    """«التقى جون كيري نظيره الروسي»: a noun with a possessive pronoun right after a name
    opens the object; not a foreign given name in ـيه («كزافييه») nor «إليه»."""
    return (
        name_then_possessed(previous, current, lex)
        and not foreign_in_ih(current)
        and not preposition_with_pronoun(current.norm)
    )


def is_verbal_noun_phrase(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """A verbal noun heading a phrase: definite itself («الاستعداد») or before a definite
    noun («اعتقال الشخصية»); «توفيق عسيري» and «إيمان محمد» are names of that shape, and so
    is «ترامب» before a day («قال ترامب الخميس إن»): a time word is no genitive."""
    tok = tt.tokens[k]
    if not is_verbal_noun(tok, lex):
        return False
    nxt = tt.tokens[k + 1] if k + 1 < len(tt.tokens) else None
    if is_definite(tok):
        return True
    return nxt is not None and is_definite(nxt) and nxt.norm not in lex.marker_set("time_words")


def is_verbal_noun(tok: Token, lex: Lexicon) -> bool:
    """A derived-form verbal noun («الاستعداد»، «ارتكاب») that names no known speaker."""
    return is_verbal_noun_form(tok.norm, lex)


def is_verbal_noun_form(norm: str, lex: Lexicon) -> bool:
    """``is_verbal_noun`` of a normalised word: «تكريم» of «بتكريم» once «بـ» is off it; a
    known person's name of that shape («ترامب») is none."""
    bare = bare_noun(strip_conjunction(norm))
    return (
        bool(_MASDAR.match(bare))
        and norm not in lex.head_words
        and norm not in lex.organisation_words
        and bare not in lex.head_words
        and not known_person(bare)
    )


def _after_bare_name(previous: Token, tok: Token, lex: Lexicon) -> bool:
    """A preposition phrase after a name (an indefinite word no gazetteer entry explains) is
    where the speaker was or whom they addressed, not part of the speaker."""
    possessed_bi = tok.norm[:1] == "ب" and tok.text.endswith(("ه", "ها", "هم"))
    if not (
        tok.norm in ("في", "وفي", "مع")
        or tok.norm[:1] == "ل" and (
            not tok.norm.startswith("لا") or tok.text.startswith(("لأ", "لإ"))  # «لأنصاره»
        )
        or possessed_bi  # «أدلى كافانو بشهادته»
        # «وأشاد روحاني بالاتفاق»
        or tok.norm.startswith("بال") and person_name(strip_conjunction(previous.norm))
    ):
        return False
    prev = previous.norm
    return (
        not is_definite(previous)
        and previous.text not in QUOTES
        and prev not in lex.head_words
        and prev not in lex.organisation_words
        and prev not in NAME_LINKS
        and prev not in lex.marker_set("np_links")
        and prev not in lex.marker_set("participle_objects")  # «المقبوض عليهم في قضية»
        and not prev.endswith(("ه", "ات", "ون", "ين"))
        and bare_noun(prev) not in lex.adjectives
    )


def person_name(word: str) -> bool:
    """«ترامب»، «روحاني»، «يوسف»: a gazetteer person's name or surname, or a given name."""
    return known_person(word) or word in label_words().given_names


def _surname_with_lam_or_ba(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """«لوريتا لينش»، «بدر باسلمة»: a last name that starts as لـ or بـ would, which the text
    uses again as a speaker («وقالت لينش») or after the same first name; an outlet or an
    audience told is no name."""
    tok = tt.tokens[j]
    norm = tok.norm
    if norm[:1] not in "لب" or len(norm) < 4 or norm.startswith(("لل", "بال", "لا")):
        return False
    if is_preposition_like(tt.tokens[j - 1].norm):
        return False  # «في لندن»: a place after «في», not a last name
    if names_outlet_told(tok, lex) or told_audience(tok, lex):
        return False
    first = strip_conjunction(tt.tokens[j - 1].norm)
    tokens = tt.tokens
    if (
        _closes_subject(tt, j + 1, lex)
        and norm not in lex.source_stop_words
        and not tok.text.endswith((*OBJECT_SUFFIXES, *SPEAKER_SUFFIXES))
    ):
        return True  # «قال الباحث كريم لحمر إن»، «جان إيف لودريان أن»: the clause goes
        # on; «قال ساندرز لأنصاره إن»، «لمراسلنا»: whom he told, a pronoun on the noun
    return any(
        other.index != j
        and other.index > 0
        and (  # «وقالت لينش»، «لوريتا لينش» again: the word names the speaker elsewhere
            tokens[other.index - 1].norm in lex.verbs
            or strip_conjunction(tokens[other.index - 1].norm) == first
        )
        for other in spelled(tt, norm, max(0, j - MENTION_REACH), j + MENTION_REACH)
    )


def _closes_subject(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """A complementizer, a comma or a colon at ``k``: what follows a verb's subject."""
    if k >= len(tt.tokens):
        return False
    norm = tt.tokens[k].norm
    return norm in lex.complementizers or norm in ("،", ",", ":")


def _feminine_perfect(tok: Token, lex: Lexicon) -> bool:
    """«احتجزت»، «أرسلت»، «استقبلت»: a word of five letters or more in ا...ت (not ـات, not
    the article) is a derived verb's feminine perfect; not «إنترنت» (a perfect never opens
    with إ) nor a name such as «ايرنست»."""
    norm = strip_conjunction(tok.norm)
    if len(norm) < 5 or norm[0] != "ا" or norm[1] == "ي":
        return False
    raw = tok.text[1:] if norm != tok.norm else tok.text  # without و/ف
    return (
        norm.endswith("ت")
        and not norm.endswith("ات")
        and not norm.startswith("ال")
        and not raw.startswith("إ")
        and norm not in lex.head_words
        and not is_name_lookalike(tok)
    )


def clause_verb_end(tt: TokenizedText, rng: Range, lex: Lexicon) -> Range:
    """A relay's phrase less the clause it attributes, when that clause follows with no
    comma: «بحسب التقارير تسعى الحكومة إلى ...»، «وفقا لـ"رويترز" سجلت الأسعار ...». After
    a definite word or a quoted name a verb opens the clause (a relative clause or a
    title's name keeps it: «الأرقام التي تم نشرها»، «المتحدث يوسف»)."""
    tokens = tt.tokens
    i, j = rng
    k = i + 1
    while k < j:
        partner = tt.quotes.get(k - 1, -1)
        if tokens[k - 1].text in QUOTES and partner >= k:
            k = partner + 1  # «وفقا لصحيفة «ديلي تلغراف»»: a quoted name is read whole
            continue
        prev = tokens[k - 1]
        opener = prev.norm in lex.marker_set("noun_clause_openers")
        if opener or strip_conjunction(prev.norm) in RELATIVE_AGREEMENT:
            return rng  # «السطور ما يشكل»، «أحد الزملاء وهو يقرأ»: the clause is the phrase's
        if tokens[k].norm in lex.marker_set("existentials"):
            return i, k  # «وحسب تقريره هناك نقص في ...»: «there is» opens the clause
        if (
            _holds_definite(tokens[i:k])
            and prev.norm not in lex.head_words
            and prev.norm not in NAME_LINKS
            and not one_of(prev.norm, PREPOSITIONS)  # «من تجار»: a noun after a preposition
            and _clause_verb(tokens[k], lex)
        ):
            return i, k
        k += 1
    return rng


_IMPERFECT = re.compile(r"^[تي][^ا][^ ]{2,4}$")


def _clause_verb(tok: Token, lex: Lexicon) -> bool:
    """A finite verb: a cue verb («أوضح»), a derived perfect («احتجزت»، «استند»), an
    imperfect in ت- or يـ («تسعى»، «يستهدف») that is no verbal noun («تقرير») or known noun."""
    norm = tok.norm
    if is_definite(tok) or norm[:1] == "و":
        return False  # «الوسطاء والتجار»، «تجار ووسطاء»: a joined word goes on the phrase
    if norm in lex.verbs or _verb_shaped(tok, lex) or _feminine_perfect(tok, lex):
        return True
    return (
        bool(_IMPERFECT.match(norm))
        and not norm.endswith(("ات", "ه"))
        and not is_verbal_noun(tok, lex)
        and norm not in lex.head_words
        and norm not in lex.organisation_words
        and not is_name_lookalike(tok)
    )


def _holds_definite(tokens: list[Token]) -> bool:
    """A phrase with a definite word or a quoted name: a verb after it opens no relative
    clause of its own («امرأة ارتادت المدرسة» does, «الشرطة احتجزت» does not)."""
    return any(is_definite(t) or t.text in QUOTES for t in tokens)


def _manner_after_definite(previous: Token, tok: Token, lex: Lexicon) -> bool:
    """«المدرب بغضب»: an indefinite بـ-noun after a definite one tells how, not who."""
    norm = tok.norm
    return (
        is_definite(previous)
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


def is_adverbial_participle(tok: Token) -> bool:
    """«قال متهكما»، «وتابع انريكي متحدثا»: an indefinite accusative participle describes the
    speaker, is not one."""
    norm = tok.norm
    return len(norm) >= 5 and norm[0] == "م" and norm.endswith("ا") and not norm.startswith("ال")


def _participle_shape(norm: str) -> bool:
    """«متحدثا»، «مبتسما»: a consonant after the prefix م; «ميستورا»، «مونيكا»، «مودينا» are
    names, «مرشدنا»، «مصنعها» nouns with a pronoun."""
    return norm[1:2] not in ("ا", "و", "ي") and not norm.endswith(("نا", "ها"))


def is_adverb(tok: Token, lex: Lexicon) -> bool:
    """«بشدة»، «بدوره»: a one-word adverb with بـ."""
    return tok.norm in _one_word_adverbs(lex)


@cache
def _one_word_adverbs(lex: Lexicon) -> frozenset[str]:
    return frozenset(
        seq[0] for seq in lex.markers["adverbials"] if len(seq) == 1 and seq[0][:1] == "ب"
    )


def adverbial_phrase_at(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """An adverbial of two or three words at ``j`` («هذا الأسبوع»، «العام الماضي»، «أول من
    أمس»، «في وقت سابق»، «من ناحية أخرى»): the adverbial sequences, matched word for word."""
    phrases = _adverbial_sequences(lex)
    first = tt.tokens[j].norm
    if first not in phrases:
        return False  # most words open none
    norms = tuple(t.norm for t in tt.tokens[j : j + 3])
    return any(seq == norms[: len(seq)] for seq in phrases[first])


@cache
def _adverbial_sequences(lex: Lexicon) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The adverbial sequences of two or three words, with no word left open, by first word."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for seq in map(tuple, lex.markers["adverbials"]):
        if len(seq) > 1 and "*" not in seq:
            found.setdefault(seq[0], []).append(seq)
    return {first: tuple(seqs) for first, seqs in found.items()}


@cache
def _object_adverbials(lex: Lexicon) -> frozenset[str]:
    """One-word adverbials between a cue and its object («صحة»، «مجددا»، «أيضا»): never inside
    a speaker's phrase."""
    return frozenset(
        seq[0] for seq in lex.markers["adverbials"] if len(seq) == 1 and seq[0] != "اي"
    )


def _complete_before(tok: Token) -> bool:
    """A complete noun phrase before: definite, or a quoted name closing."""
    return is_definite(tok) or tok.text in QUOTES


# Verbal-noun shapes of the simple verb that take a possessive pronoun as objects do: فعول
# («وقوفها»), تفعّل and its plural («تمسكه»، «توقعاته»).
_SIMPLE_MASDAR = re.compile(r"^(..و.|ت...|ت...ات)$")


def is_possessed_verbal_noun(tok: Token, lex: Lexicon) -> bool:
    """«وأكدت وقوفها إلى جانب»، «وأكد توقعاته»، «أعلن استقالته»: a verbal noun with a
    possessive pronoun right after the verb is its object; the subject is dropped."""
    text = tok.text.rstrip(_SHORT_VOWELS)
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


def is_definite(tok: Token) -> bool:
    """«الوزير»، «والشرطة»، «للصحيفة»: a word with the article (not «إلهام»)."""
    return tok.norm.startswith(("ال", "وال", "لل")) and not hamza_initial(tok)


def opens_held_object(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """A definite object after a verb of holding, before what it is held to be: «اعتبر الوزير
    الخطة خطوة»، «اعتبرت هذه المشاركات دافعا»، «اعتبرت ما صدر تدخلا»، «اعتبر نفسه خارج
    المنافسة»، «يعتبرون خسارة البيانات الخطر الأكبر» (a noun before a definite one). A
    predicate alone («اعتبرت غير قانونية»، «يعتبرون خبراء في») is the passive."""
    tokens = tt.tokens
    tok = tokens[k]
    if tok.norm.startswith("ال") and is_definite(tok):
        return True
    if tok.norm in DEMONSTRATIVES or tok.norm in REFLEXIVES or tok.norm == "ما":
        return True
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return (
        nxt is not None
        and tok.norm not in _phrase_stops(lex)
        and not is_preposition_like(tok.norm)
        and not one_of(tok.norm, lex.complementizers)
        and nxt.norm.startswith("ال")
        and is_definite(nxt)
        and nxt.norm not in lex.marker_set("time_words")
    )


def hamza_initial(tok: Token) -> bool:
    """«أليستر»، «إلهام» fold to «ال...» but carry no article: the hamza tells."""
    raw = tok.text.lstrip("وف") if tok.norm[:1] in "وف" and tok.norm[1:3] == "ال" else tok.text
    return raw[:1] in "أإآ"


def _possessed_after_definite(previous: Token, current: Token) -> bool:
    if not previous.norm.startswith(("ال", "وال")) or current.norm.startswith(("ال", "لل", "بال")):
        return False
    raw = current.text.rstrip(_SHORT_VOWELS)
    return raw.endswith(("ه", "ها", "هم", "هما")) and current.norm not in REFLEXIVES


def starts_sequence(tt: TokenizedText, k: int, name: str, lex: Lexicon) -> bool:
    """A word sequence of marker ``name`` starts at token ``k`` (its first word with or
    without و/ف): «فيما يتعلق»، «في وقت لاحق»."""
    if k >= len(tt.tokens):
        return False
    for seq in lex.sequences_from(name, tt.tokens[k].norm):
        words = tuple(t.norm for t in tt.tokens[k + 1 : k + len(seq)])
        if words == seq[1:]:
            return True
    return False


def lam_of_its_own(tok: Token, lex: Lexicon) -> bool:
    """«لجنة» (committee), «لبنان»: a speaker noun or a name whose own first letter is ل, not
    the preposition لـ on a noun («لوكالة»، «لرويترز»: what follows ل is the known word)."""
    norm = tok.norm
    rest = norm[1:]
    return (
        norm[:1] == "ل"
        and (norm in lex.head_words or norm in lex.organisation_words)
        and not (rest in lex.head_words or rest in lex.organisation_words)
    )


def _own_lam_opens_phrase(tok: Token, lex: Lexicon, cue_starts: set[int]) -> bool:
    """«وقالت لجنة الانتخابات»، «وأكد لبنان»: right after a cue verb, a speaker noun or a name
    whose own first letter is ل is its subject (elsewhere «ليبيا» or «لندن» is mostly a place,
    and a لـ-phrase is read as one)."""
    return tok.index - 1 in cue_starts and lam_of_its_own(tok, lex)


def _name_in_lam_after_cue(tt: TokenizedText, i: int, lex: Lexicon, cue_starts: set[int]) -> bool:
    """«وقالت لوريتا لينش إن»، «وقال لوران فابيوس:»، «وقالت ليلى محمد سهيل»: right after a
    cue verb, a given name whose own first letter is ل, then a surname and the words, or a
    listed name; no word after لـ that the lists know («لسامي حداد» is whom he told,
    «لصحيفة» an outlet)."""
    tok = tt.tokens[i]
    rest = tok.norm[1:]
    if i - 1 not in cue_starts or len(rest) < 3 or i + 2 >= len(tt.tokens):
        return False
    if (
        rest in lex.head_words
        or rest in lex.organisation_words
        or names_outlet_told(tok, lex)
        or told_audience(tok, lex)
        or person_name(rest)
        or tok.text.endswith((*OBJECT_SUFFIXES, *SPEAKER_SUFFIXES))
    ):
        return False
    surname = tt.tokens[i + 1]
    if person_name(strip_conjunction(surname.norm)):
        return True  # «وقالت ليلى محمد سهيل»: a listed name after it, a father's or a second
    return not is_definite(surname) and name_like(surname, lex) and _closes_subject(tt, i + 2, lex)


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


def told_audience(tok: Token, lex: Lexicon) -> bool:
    """«المصدر للصحيفة»، «للصحافيين»، «لمراسل»، «لراديو»: whom the speaker told, after the
    speaker's phrase."""
    norm = tok.norm
    rest = norm[2:] if norm.startswith("لل") else norm[1:]
    return rest in lex.marker_set("audience_nouns") or norm.startswith("لل") and (
        rest in lex.marker_set("outlet_heads")
    )


def _opens_circumstance(
    tt: TokenizedText, j: int, limit: int, lex: Lexicon, cue_starts: set[int]
) -> bool:
    """«وهو يبتسم»، «وهي تتدثر بعباءة»: «وهو/وهي» and an imperfect verb open a clause on
    how the speaker spoke; with a noun («وهو مستشار أمني») they describe the speaker."""
    if tt.tokens[j].norm not in WHO_IS or j + 1 >= limit:
        return False
    nxt = tt.tokens[j + 1]
    return j + 1 in cue_starts or (
        nxt.norm[:1] in "يت"
        and len(nxt.norm) >= 4
        and nxt.norm not in lex.head_words
        and not is_verbal_noun(nxt, lex)
    )


def _first_of_rank(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """«قال الفريق أول صدقي صبحي»، «الملازم أول في وحدة الجرائم»: «أول» after a rank is
    part of the title; «أول من أمس»، «أول أمس» stay a time."""
    tokens = tt.tokens
    return (
        tokens[j].norm == "اول"
        and j > 0
        and bare_noun(strip_conjunction(tokens[j - 1].norm)) in lex.marker_set("first_ranks")
        and (j + 1 >= len(tokens) or tokens[j + 1].norm not in ("من", "امس"))
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
    return is_definite(tok) or tok.norm in lex.organisation_words


MAX_ORGANISATION_WORDS = 5


def _quoted_name_end(tt: TokenizedText, k: int, limit: int) -> int | None:
    """One past the closing mark of a short quotation opening at ``k`` («"قوات سوريا
    الديمقراطية"»): a name the text quotes; None when no such quotation opens there."""
    if tt.tokens[k].text not in QUOTES:
        return None
    close = tt.quotes.get(k)
    if close is None or close <= k + 1 or close >= limit or close - k > MAX_ORGANISATION_WORDS + 1:
        return None
    return close + 1


def _institution_end(tt: TokenizedText, k: int, limit: int, lex: Lexicon) -> int:
    """One past «الجيش السوري», «الخارجية الأمريكية», «قسد»: the word and its adjectives (an
    object after it starts with another noun: «... وقوع إصابات», «... التقارير»)."""
    norms = [t.norm for t in tt.tokens[k:min(limit, k + MAX_ORGANISATION_WORDS)]]
    size = next((n for n in range(len(norms), 1, -1)
                 if " ".join(norms[:n]) in lex.organisations), 1)
    end = k + size
    if size == 1 and end < limit and not is_definite(tt.tokens[k]) \
            and is_definite(tt.tokens[end]):
        end += 1  # «وزارة الزراعة»: a noun and its genitive
    while end < limit and bare_noun(tt.tokens[end].norm) in lex.adjectives:
        end += 1
    return end


def continues_with_noun(tt: TokenizedText, j: int, lex: Lexicon) -> bool:
    """«مصدر في الجيش»: after a preposition, at ``j`` a noun the phrase runs on to, not a channel
    («في بيان»), a time («في وقت») or an adverbial («في هذا السياق»)."""
    if j >= len(tt.tokens):
        return False
    nxt = tt.tokens[j]
    bare = nxt.norm[2:] if nxt.norm.startswith("ال") else nxt.norm
    return not (
        _stops_source(nxt, lex)
        or bare in lex.marker_set("channel_kinds")
        or nxt.norm in lex.marker_set("channel_kinds")
        or _own_statement(nxt, lex)
        or nxt.norm in ("وقت", "حين")
        or _opens_adverbial(nxt, lex)
    )


def _own_statement(tok: Token, lex: Lexicon) -> bool:
    """«في خطابه»، «في تقريرها»، «في كلمته»، «في أرقامها»: the speaker's own statement,
    figures or occasion after the speaker (a noun with a pronoun pointing back at it), not
    where the speaker belongs."""
    text = tok.text.rstrip(_SHORT_VOWELS)
    for suffix in PRONOUN_SUFFIXES:
        stem = tok.norm[: -len(suffix)]
        if not text.endswith(suffix) or len(stem) < 3:
            continue
        if stem.endswith("ت") and stem[:-1] + "ه" in lex.marker_set("channel_kinds"):
            return True  # «كلمته»: the ة of «كلمة» written ت before the pronoun
        if stem in lex.marker_set("channel_kinds") or stem in lex.head_words:
            return True
    return False


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


MAX_HOLDER_WORDS = 3


def _role_then_name(tt: TokenizedText, i: int, j: int, limit: int, lex: Lexicon) -> bool:
    """«نفى المدرب كريم الحلو الأنباء»: after a role noun and a definite word the name of its holder
    continues the speaker; it is a name when its first word is a given name or the text
    uses its last word again («وأضاف الحلو»), else the indefinite word starts the object."""
    tokens = tt.tokens
    head, tok = tokens[i], tokens[j]
    if not (
        strip_conjunction(head.norm) in lex.head_words
        and is_definite(tokens[j - 1])
        and not is_definite(tok)
        and tok.text not in QUOTES
    ):
        return False
    if strip_conjunction(tok.norm) in label_words().given_names:
        return True  # «محمد»، «عبدالله»
    if not (name_like(tok, lex) or _name_in_h(tok, lex)):
        return False
    end = j + 1
    while end < min(limit, j + MAX_HOLDER_WORDS) and _surname_word(tokens[end], lex):
        end += 1
    if end - j < 2:
        return False
    surname = strip_conjunction(tokens[end - 1].norm)
    return len(surname) >= 3 and named_again(tt, surname, j, end)


def _name_in_h(tok: Token, lex: Lexicon) -> bool:
    """«جوزيه»، «نادية»: a name ending in يه (not a pronoun, an adjective or a listed noun)."""
    bare = bare_noun(tok.norm)
    return (
        tok.norm.endswith("يه")
        and bare not in lex.adjectives
        and not tok.text.endswith(("ها", "هم", "هما"))
        and tok.norm not in lex.head_words
        and not is_verbal_noun(tok, lex)
        and bare not in lex.non_speakers
        and bare not in lex.marker_set("claim_nouns")
        and bare not in lex.marker_set("event_nouns")
    )


def _surname_word(tok: Token, lex: Lexicon) -> bool:
    """«الحلو»، «مورينيو»: a further word of a name, not a listed noun or a verbal noun."""
    norm = tok.norm
    return tok.text not in QUOTES and norm not in PUNCTUATION and (
        name_like(tok, lex)
        or is_definite(tok)
        and bare_noun(norm) not in lex.non_speakers
        and norm not in lex.head_words
        and norm not in lex.source_stop_words
        and not is_verbal_noun(tok, lex)
        and bare_noun(norm) not in lex.marker_set("claim_nouns")
        and bare_noun(norm) not in lex.marker_set("event_nouns")
        and bare_noun(norm) not in lex.adjectives
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
        previous.norm.startswith(("ال", "وال")) and not hamza_initial(previous)
    ) or previous.text in CLOSE_QUOTES
    if not prev_definite or current.text in QUOTES:
        return False
    if not current.norm.startswith(("ال", "وال", "لل")):
        return not _nisba_before_name(previous, current, lex)
    bare = bare_noun(current.norm)
    adjective = bare.endswith(("ي", "يه", "يون", "يين"))
    known = bare in lex.adjectives or f"{previous.norm} {current.norm}" in lex.organisations
    return not (adjective or known)


def name_like(tok: Token, lex: Lexicon) -> bool:
    """An indefinite word that may be a name after a title: not a verbal noun, a known
    noun, a feminine or plural form, or an accusative («أي»، «رفعا»)."""
    norm = tok.norm
    return (
        not is_definite(tok)
        and norm not in PUNCTUATION
        and norm not in lex.head_words
        and norm not in lex.source_stop_words
        and norm not in ("اي", "كل", "بعض")
        and (not norm.endswith(("ه", "ات")) or foreign_in_ih(tok))
        and not tok.text.endswith(("ا", "اً"))
        and not is_verbal_noun(tok, lex)
        and norm not in lex.marker_set("event_nouns")
    )


def _foreign_name_at(tt: TokenizedText, j: int, limit: int, lex: Lexicon) -> bool:
    """«جوزيه مورينيو»: a word in ـيه before a name is a foreign given name, not a noun
    with its pronoun («رأيه في»، «سعيه إلى»)."""
    return foreign_in_ih(tt.tokens[j]) and j + 1 < limit and name_like(tt.tokens[j + 1], lex)


def foreign_in_ih(tok: Token) -> bool:
    """«جوزيه»، «أندريه»: a foreign name written in ـيه with ه (an Arabic nisba ends in ة);
    not a preposition with its pronoun («عليه»، «لديه»)."""
    return (
        len(tok.norm) >= 4
        and tok.text.endswith("يه")
        and not preposition_with_pronoun(tok.norm)
    )


def _nisba_before_name(previous: Token, current: Token, lex: Lexicon) -> bool:
    """«أكد اليوناني دونيس»، «البرتغالي جوزيه مورينيو»: a nationality before a name is
    part of the speaker, not the end of it."""
    bare = bare_noun(previous.norm)
    return (
        bare.endswith("ي")
        and len(bare) >= 5
        and not is_verbal_noun(current, lex)
        # «أكد الرئيس الفرنسي دعم بلاده»: a word of three letters that is no given name is
        # most likely the verbal noun of a simple verb (دعم، فرض، حرص)
        and (len(current.norm) != 3 or person_name(current.norm) or known_person(current.norm))
        and current.norm not in lex.head_words
        and not current.norm.endswith(("ه", "ات"))
        and not current.text.endswith(("ا", "اً"))
    )


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


@cache
def identity_lists() -> dict[str, Any]:
    """data/identity.toml, read once: its kinds of speaker heads and its back-references."""
    return tables.data_file("identity.toml")


@cache
def quantifier_words() -> frozenset[str]:
    """«عدد»، «بعض»، «معظم»: the quantifiers the speaker keys read too (identity.toml)."""
    return frozenset(normalize(w) for w in identity_lists()["words"]["quantifiers"])


@cache
def heads_of(*kinds: str) -> frozenset[str]:
    """The heads of the given speaker kinds (unnamed, document, institution), as bare nouns."""
    listed = identity_lists()["kinds"]
    return frozenset(bare_noun(normalize(w)) for kind in kinds for w in listed[kind])


def _bare_noun(norm: str) -> str:
    """The noun without its article and a proclitic on it: «والمصادر» → «مصادر»."""
    for prefix in ("وال", "بال", "لل", "ال"):
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            return norm[len(prefix) :]
    return norm


# «والمصادر» → «مصادر» (``_bare_noun``), looked up in a memo
bare_noun: Callable[[str], str] = WordMemo(_bare_noun).__getitem__


def governed_head(norm: str, lex: Lexicon) -> bool:
    """«لمصدر»، «بمسؤول»: a speaker noun with a لـ or بـ attached, which a later «المصدر»
    refers back to without it (not a fused «للـ» or «بالـ»)."""
    return norm[:1] in "لب" and not norm.startswith(("لل", "بال")) and norm[1:] in lex.head_words


def named_again(tt: TokenizedText, surname: str, start: int, end: int) -> bool:
    """«... سامر الحلبي ... وأضاف الحلبي»: the text uses ``surname`` again, outside tokens
    ``start``..``end``, within reach."""
    first, last = max(0, start - MENTION_REACH), end + MENTION_REACH
    return any(
        not start <= tok.index < end and strip_conjunction(tok.norm) == surname
        for tok in spelled(tt, surname, first, last)
    )


def spelled(tt: TokenizedText, word: str, first: int, last: int) -> Iterator[Token]:
    """The tokens from ``first`` to ``last`` (excluded) spelled ``word``, alone or after a
    conjunction («مرزوق»، «ومرزوق»), in order."""
    where = tt.places((word, *(c + word for c in CONJUNCTIONS)))
    return map(tt.tokens.__getitem__, where[bisect_left(where, first) : bisect_left(where, last)])


def object_start(tt: TokenizedText, rng: Range, lex: Lexicon) -> int | None:
    """Where the person object starts in a phrase read up to the content of a verb that takes
    one before it: «اتهم الوزير المعارضة بـ» → «المعارضة»، «حذر الصندوق الحكومات من» →
    «الحكومات»، «اتهم القذافي تنظيم القاعدة بـ» → «تنظيم». None when the whole phrase is the
    subject («حذر الأمين العام للأمم المتحدة من»)."""
    tokens = tt.tokens
    first, end = rng
    k = first + 1
    while k < end:
        if tokens[k - 1].text in QUOTES and tt.quotes.get(k - 1, -1) >= k:
            k = tt.quotes[k - 1] + 1  # «"الشرق الأوسط"»: no object inside a quoted name
            continue
        if _complete_subject(tt, k - 1) and _opens_object(tt, first, k, end, lex):
            return k
        k += 1
    return None


def _complete_subject(tt: TokenizedText, j: int) -> bool:
    """A word a subject may end on: definite («الوزير»)، a quoted name closing, or a known
    one-word name («باكستان»)."""
    tok = tt.tokens[j]
    if tok.text in CLOSE_QUOTES or tok.text in QUOTES and tt.quotes.get(j, j) < j:
        return True
    if tok.norm in PUNCTUATION:
        return False
    # «محمد سعيد الكاتب»: a person's name may go on, a place's or an organisation's not
    return is_definite(tok) or known_body(strip_conjunction(tok.norm))


def _opens_object(tt: TokenizedText, first: int, k: int, end: int, lex: Lexicon) -> bool:
    """«المعارضة»، «الحكومات»، «الهند»، «تنظيم القاعدة»: a noun that starts a new phrase after a
    complete subject: a definite noun that is no adjective of it, or an entity noun followed
    by its genitive; not a title before a name («الملك سلمان»)."""
    tokens = tt.tokens
    prev, tok = tokens[k - 1], tokens[k]
    norm = tok.norm
    if tok.text in QUOTES or norm in PUNCTUATION or norm in lex.marker_set("np_links"):
        return False
    named = (f"{prev.norm} {norm}", f"ال{bare_noun(strip_conjunction(prev.norm))} {norm}")
    if prev.norm in lex.marker_set("np_links") or any(n in lex.organisations for n in named):
        return False  # «المتحدث باسم الجيش»، «مكة المكرمة»، «للأمم المتحدة»
    if norm[:1] == "و":
        return False  # «في الداخل والخارج»: a conjunction joins, an object opens no phrase so
    if k + 1 < end and _titles_name(tokens[k], tokens[k + 1], lex):
        return False  # «خادم الحرمين الشريفين الملك سلمان»: an apposed title
    if norm.startswith(("ال", "وال")) and not hamza_initial(tok):
        bare = bare_noun(norm)
        if bare.endswith(("ي", "يه", "يون", "يين")) or _title_then_name(prev, tok, lex):
            return False
        return bare not in lex.adjectives or _disagrees(tokens[first], prev, tok, lex)
    if norm.startswith("لل") or is_preposition_like(norm):
        return False  # «الأمين العام للأمم المتحدة»: a لـ-phrase goes on with the subject
    head = strip_conjunction(norm)
    if known_body(head):
        return True  # «اتهمت حماس إسرائيل بـ»: a place or a body named after the subject
    return (
        (head in lex.head_words or head in lex.organisation_words)
        and head not in label_words().given_names
        and k + 1 < end
        and is_definite(tokens[k + 1])
    )


def _titles_name(tok: Token, nxt: Token, lex: Lexicon) -> bool:
    """«الملك سلمان»، «اللواء منصور»: a title or role noun before a name."""
    bare = bare_noun(strip_conjunction(tok.norm))
    titled = tok.norm in lex.marker_set("titles") or bare in lex.heads or tok.norm in lex.head_words
    return titled and (
        strip_conjunction(nxt.norm) in label_words().given_names or name_like(nxt, lex)
        and not is_preposition_like(nxt.norm)
        and nxt.norm[:1] != "ب"
    )


def _disagrees(head: Token, prev: Token, tok: Token, lex: Lexicon) -> bool:
    """«الوزير المعارضة»، «النظام الإيراني المعارضة»: a feminine speaker noun after a masculine
    one (the word before or the phrase's head) is no adjective of it, though «معارض» can be."""
    before = lex.heads.get(bare_noun(strip_conjunction(prev.norm))) or lex.heads.get(
        bare_noun(strip_conjunction(head.norm))
    )
    after = lex.heads.get(bare_noun(strip_conjunction(tok.norm)))
    return (
        before is not None and after is not None
        and before.agreement == "m" and after.agreement == "f"
    )


def names_outlet(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """«وكالة "رويترز" للأنباء»، «"الشرق الأوسط"»: a phrase that names a news outlet."""
    words = [t.norm for t in tt.tokens[rng[0] : rng[1]] if t.text not in QUOTES]
    if not words:
        return False
    entity = gazetteer().get(" ".join(strip_conjunction(w) for w in words[:1]) + "".join(
        " " + w for w in words[1:]))
    return bare_noun(strip_conjunction(words[0])) in lex.marker_set("outlet_heads") or (
        entity is not None and entity.kind == OUTLET
    )
