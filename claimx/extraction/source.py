"""Source phrases: the noun phrase a cue attributes its content to.

Verb first (VSO) takes the phrase after the cue; subject first (SVO) the phrase before it,
across auxiliaries such as «لا تزال» and parentheticals set off by commas. A source runs on
over an apposition («علي أبودشيش، الباحث الأثري») or a title's holder («وزير النقل، سمير العبدلي»).
"""

from __future__ import annotations

from claimx.extraction.cues import CueMatch, one_of, strip_conjunction
from claimx.extraction.gazetteer import known_body
from claimx.extraction.lexicon import CueKind, Lexicon
from claimx.extraction.phrase import (
    adverbial_phrase_at,
    bare_noun,
    continues_with_noun,
    head_norm,
    is_adverb,
    is_complementizer,
    is_definite,
    is_possessed_verbal_noun,
    is_preposition_like,
    is_verbal_noun,
    name_like,
    named_again,
    names_outlet_told,
    noun_phrase,
    person_name,
    quantifier_words,
    starts_sequence,
    told_audience,
)
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, Token, TokenizedText
from claimx.extraction.words import (
    CONDITIONALS,
    DEMONSTRATIVES,
    KAN,
    NAME_LINKS,
    PRONOUN_SUFFIXES,
    RELATIVE_AGREEMENT,
    RELATIVE_MA,
    RELATIVE_MAN,
    RELATIVES,
)
from claimx.model import Range

MAX_FRONTED_SUBJECT = 7
# How far back a subject is sought across parentheticals: keeps one huge sentence linear.
MAX_LOOKBACK_TOKENS = 80
# How long a topic phrase opening the cue's sentence may be («وعن ... قالت»).
MAX_TOPIC_TOKENS = 30


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
    topic = _amma_subject(tt, cue, lex, cue_starts)
    if topic is not None:
        return topic
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
    if cue.has_object and j >= 0 and one_of(tt.tokens[j].norm, RELATIVE_MA):
        return None  # «تبعا لما ذكرته الصحيفة»، «الدليل على ما قاله الوزير»: the subject follows
    if j >= 0 and tt.tokens[j].norm in lex.conjoined_set("adverbs_before_verb"):
        return None  # «وهنا يقول الكاتب»، «ولذا قال الخبير»: the subject follows the verb
    if topic_before(tt, cue, lex, cue_starts) is not None:
        return None  # «وعما إذا كانت تحضر لمسلسل أجابت»: the clause before the verb is its topic
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


def _amma_subject(
    tt: TokenizedText, cue: CueMatch, lex: Lexicon, cue_starts: set[int]
) -> Range | None:
    """«أما وزير الخارجية البريطاني فيليب هاموند فقال إن»: the noun after «أما» is the
    subject of the verb that «فـ» joins to it (not «أما عن الشعر فقال»: a topic)."""
    tokens = tt.tokens
    if cue.kind != CueKind.VERB or tokens[cue.first].norm[:1] != "ف":
        return None
    amma = tt.sentence_bounds(cue.first)[0]
    if not one_of(tokens[amma].norm, {"اما"}):
        amma += 1  # «... . ثم أما»: rare; the sentence opens with «أما» or «وأما»
        if amma >= cue.first or strip_conjunction(tokens[amma].norm) != "اما":
            return None
    first = amma + 1
    if first >= cue.first or starts_sequence(tt, first, "topic_openers", lex):
        return None
    if any(k in cue_starts for k in range(first, cue.first)):
        return None
    phrase = noun_phrase(tt, first, cue.first, lex, cue_starts)
    if phrase is None:
        return None
    phrase = with_apposition(tt, phrase, cue.first, lex, cue_starts)
    end = phrase[1]
    if end < cue.first and tokens[end].norm in ("،", ","):
        end += 1
    return phrase if end == cue.first else None


def _imperfect_clause(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> bool:
    """«يتكلم عن الطعام»، «يمكن حصر الأسبوع»: a word in يـ (an imperfect verb, no name
    nor noun the lists know) before a preposition or a definite word opens a clause."""
    first = tt.tokens[start].norm
    if first[:2] in ("وي", "في"):
        first = first[1:]
    if first[:1] != "ي" or not 4 <= len(first) <= 6 or end - start < 2:
        return False
    if person_name(first) or known_body(first) or first in lex.head_words:
        return False
    after = tt.tokens[start + 1]
    return is_definite(after) or is_preposition_like(after.norm)


def _manner_phrase(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> bool:
    """«وبصوت هادئ»، «وبلهجة حادة»: بـ on an indefinite noun that names no one, then an
    indefinite word, is a manner, not a fronted subject («بوتين»، «بريطانيا» are names)."""
    first = tt.tokens[start].norm
    if first[:2] in ("وب", "فب"):
        first = first[1:]  # «وبصوت»
    if first[:1] != "ب" or first.startswith("بال") or end - start < 2:
        return False
    if person_name(first) or known_body(first):
        return False
    if first in lex.head_words and first[1:] not in lex.head_words:
        return False  # «باحث»، «بنك»: a noun whose own first letter is ب
    if first in quantifier_words() or len(first) < 4:
        return False  # «بعض النقاد»: a quantifier; «بدر»: too short to tell
    return not is_definite(tt.tokens[start + 1])


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
            if start < j and one_of(tt.tokens[start].norm, KAN):
                start += 1  # «وكانت كريغ، وزيرة ...، قد حذرت»: the auxiliary opens the clause
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
    if one_of(first, RELATIVE_MAN):
        return None  # «ولمن يبحث عن شقة تنصح الخبيرة»: what the verb is about; its subject follows
    if one_of(first, DEMONSTRATIVES) and (
        end - start == 1 or is_preposition_like(tt.tokens[start + 1].norm)
    ):
        return None  # «وذلك من خلال تغريدة قال فيها»: a pointing word, not a speaker
    if _manner_phrase(tt, start, end, lex):
        return None  # «وبصوت هادئ قال الوزير»: how he spoke; the subject follows the verb
    if _imperfect_clause(tt, start, end, lex):
        return None  # «يتكلم عن الطعام تظن أنه»: a clause with its own verb, no subject
    if (
        is_preposition_like(first)
        or one_of(first, lex.marker_set("time_words"))
        or one_of(first, lex.marker_set("source_stoppers"))
        or one_of(first, lex.marker_set("clause_adverbials"))
    ):
        return None
    for k in range(start + 1, end):  # «الوزارة في بيان أكدت»: the channel is not the speaker
        norm = tt.tokens[k].norm
        if k + 1 < end and (norm, tt.tokens[k + 1].norm) in lex.pairs("behalf"):
            end = k  # «الوزير نيابة عن الرئيس قال»: whom he speaks for
            break
        kinds = lex.marker_set("channel_kinds")
        if one_of(norm, ("في", "خلال", "عبر")) and k + 1 < end and (
            norm.endswith("عبر") or bare_noun(tt.tokens[k + 1].norm) in kinds
        ):
            end = k
            break
    while end > start and tt.tokens[end - 1].norm in ("قد", "وقد"):
        end -= 1
    return (start, end) if end > start else None


def is_non_speaker(tt: TokenizedText, rng: Range, lex: Lexicon) -> bool:
    """Events, plans and evidence «confirm» things but are not speakers, whoever's they are
    («وفق مصالحهم»)."""
    head = head_norm(tt, rng)
    if head in lex.non_speakers or head[:1] in "لب" and bare_noun(head[1:]) in lex.non_speakers:
        return True
    written = _head_text(tt, rng, head)  # «مصالحهم»; «الشرطة» ends in ة, not the pronoun ه
    return any(
        written.endswith(suffix) and head[: -len(suffix)] in lex.non_speakers
        for suffix in PRONOUN_SUFFIXES
    )


def _head_text(tt: TokenizedText, rng: Range, head: str) -> str:
    """The head word (``head``, as ``head_norm`` gives it) of a source as written, for what
    folding loses (ة or ه)."""
    for tok in tt.tokens[rng[0] : rng[1]]:
        if head and bare_noun(strip_conjunction(tok.norm)) == head:
            return tok.text
    return ""


def relative_before(tt: TokenizedText, cue: CueMatch, lex: Lexicon) -> int | None:
    """The relative pronoun a cue's clause opens with («التي تحدثت»، «الذي لم ينف»)."""
    j = cue.first - 1
    skippable = lex.marker_set("negations") | {"قد"}
    while j >= 0 and tt.tokens[j].norm in skippable:
        j -= 1
    if j >= 0 and strip_conjunction(tt.tokens[j].norm) in RELATIVE_AGREEMENT:
        return j
    return None


def topic_before(
    tt: TokenizedText, cue: CueMatch, lex: Lexicon, cue_starts: set[int]
) -> int | None:
    """Where the topic phrase starts that the cue's sentence opens with («وعن المسلسلات
    الجديدة قالت»، «وحول هذا الأمر، أجاب»، «أما عن الشعر فقال»): its nouns are what the
    speaker talks about, never the speaker. None when the sentence opens otherwise, when
    another cue or a clause boundary comes between, or when «و» joins the cue to what went
    before («حول الوزير الملف، وقال»: «حوّل» was a verb)."""
    tokens = tt.tokens
    if cue.conjoined and tokens[cue.first].norm[:1] == "و":
        return None
    opening = tt.sentence_bounds(cue.first)[0]
    if one_of(tokens[opening].norm, {"اما"}):
        opening += 1  # «أما عن ...»
    if not (
        opening < cue.first <= opening + MAX_TOPIC_TOKENS
        and starts_sequence(tt, opening, "topic_openers", lex)
    ):
        return None
    between = range(opening + 1, cue.first - 1)  # a comma may stand right before the cue
    if any(k in cue_starts for k in between) or any(
        tokens[k].norm in PUNCTUATION
        and tokens[k].text not in QUOTES
        and not _opens_relative(tt, k + 1)
        for k in between
    ):
        return None
    return opening


def _opens_relative(tt: TokenizedText, k: int) -> bool:
    """«وعن رأيها في الإحصاءات التي ...، والتي تصنف ...، قالت»: a relative clause set off by
    a comma still describes the topic."""
    return k < len(tt.tokens) and strip_conjunction(tt.tokens[k].norm) in RELATIVE_AGREEMENT


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
            or lex.is_cue_word(tok.norm)  # «حسب البيان، الذي أوضح»
            or is_preposition_like(tok.norm)
            or one_of(tok.norm, KAN)  # «وكان الوزير، الذي ...»
        ):
            break
        if tok.norm[:1] == "ل" and tok.norm[1:] in lex.heads and start < end:
            start -= 1  # «لوزارة العدل التي»: a body in لـ heads the construct
            if _agrees_with_relative(tt, rel, lex.heads[tok.norm[1:]].agreement):
                break
            continue  # «المؤشر العقاري لوزارة العدل، الذي»: the noun the body qualifies
        if tok.norm[:1] in "بلك" and not is_definite(tok):
            break  # «نفى الوزير بشدة الأنباء التي»: an adverb, not part of the phrase
        if not (is_definite(tok) or tok.norm in DEMONSTRATIVES) and start < end:
            # an indefinite noun heads a construct («مرض الكوليرا»), then the phrase ends
            start -= 1
            break
        start -= 1
    return (start, end) if end > start else None


def _agrees_with_relative(tt: TokenizedText, rel: int, agreement: str) -> bool:
    """«التي» with «وزارة»، «الذي» with «المؤشر»: gender only (a non-human plural is «التي»)."""
    pronoun = RELATIVE_AGREEMENT.get(strip_conjunction(tt.tokens[rel].norm), "")
    return not pronoun or not agreement or pronoun[:1] == agreement[:1]


MAX_APPOSITION = 10  # words, a quoted name counting as one


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
    if first.norm in lex.marker_set("time_words") or adverbial_phrase_at(tt, comma + 1, lex):
        return phrase  # «بينيت، الأربعاء، إن»، «سعد، من ناحية أخرى، إن»: not an apposition
    nominal = (
        is_definite(first) and first.norm not in RELATIVE_AGREEMENT
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
        return continues_with_noun(tt, k + 1, lex)
    if norm[:1] not in "بل" or norm.startswith("لا") or len(norm) < 4:
        return False
    return not (
        is_adverb(tok, lex)
        or names_outlet_told(tok, lex)
        or told_audience(tok, lex)
        or tok.text.endswith(PRONOUN_SUFFIXES)
    )


def _holder_name_end(
    tt: TokenizedText, start: int, limit: int, lex: Lexicon, cue_starts: set[int]
) -> int | None:
    """One past «سامر الحلبي» at ``start``: two to four name words, the first indefinite,
    whose last word the text uses again elsewhere; None if there is no such name."""
    tokens = tt.tokens
    if start >= limit or not _holder_name_word(tokens[start], lex) or is_definite(tokens[start]):
        return None
    end = start + 1
    while end < min(limit, start + MAX_HOLDER_NAME) and end not in cue_starts and (
        _holder_name_word(tokens[end], lex)
    ):
        end += 1
    if end - start < 2 or end < limit and not _closes_name(tt, end, lex, cue_starts):
        return None
    surname = strip_conjunction(tokens[end - 1].norm)
    return end if named_again(tt, surname, start, end) else None


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
    head = strip_conjunction(tokens[phrase[0]].norm)
    if head not in lex.head_words and not (
        head in lex.marker_set("titles") and _opens_complement(tt, phrase[0] + 1, lex)
    ):
        return None  # a title with its complement has a holder too: «العقيد في الشرطة، سامي»
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
        or norm[:1] == "ل" and not is_definite(tok)
        or norm in lex.conjoined_set("clause_openers")  # «، وهو زميله»
        or bare_noun(norm) in lex.marker_set("audience_nouns")  # «، مراسل الإذاعة»
        or tok.text.endswith(("هم", "ها", "هما"))  # «، مطاردتهم»: a possessed noun
        or is_possessed_verbal_noun(tok, lex)
    ):
        return False
    if name_like(tok, lex):
        return True
    if first and norm.endswith("ه") and not tok.text.endswith(PRONOUN_SUFFIXES[:3]):
        return not (  # «نادية»: a woman's name in ـة
            is_definite(tok)
            or norm in lex.head_words
            or norm in lex.source_stop_words
            or is_verbal_noun(tok, lex)
            or norm in PUNCTUATION
        )
    return (
        not first
        and is_definite(tok)
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
        or norm[:1] == "ل" and (names_outlet_told(tok, lex) or told_audience(tok, lex))
        or norm in ("في", "خلال", "عبر") and not continues_with_noun(tt, k + 1, lex)
    )


def _trim_told(tt: TokenizedText, start: int, end: int, lex: Lexicon) -> int:
    """«الباحث الأثري لبي بي سي»، «العميد سامر حداد لـ«الشرق الأوسط»»: whom the words were
    told to ends the apposition; the organisation of a title does not («الأمين العام لحزب
    التجمع»)."""
    for k in range(start + 1, end):
        tok = tt.tokens[k]
        told = tok.norm[:1] == "ل" and not tok.norm.startswith(("لل", "لا"))
        if not told or _titles_organisation(tok, lex):
            continue
        if is_definite(tt.tokens[k - 1]) or names_outlet_told(tok, lex):
            return k  # «الفريق رائد جودت لـ«الشرق الأوسط»»: after a name too
    return end


def _titles_organisation(tok: Token, lex: Lexicon) -> bool:
    """«لحزب»، «لشركة»، «لهيئة»: the body a title belongs to, not an outlet or an audience
    told («لوكالة»، «للصحفيين»)."""
    return (
        tok.norm[1:] in lex.heads
        and not names_outlet_told(tok, lex)
        and not told_audience(tok, lex)
    )


def is_oblique_plural(tok: Token, lex: Lexicon) -> bool:
    """«الديمقراطيين»: a definite sound plural in ـين is accusative or genitive, so it is
    never the subject right after a verb (that would be «الديمقراطيون»)."""
    bare = bare_noun(tok.norm)
    return (
        is_definite(tok)
        and bare.endswith("ين")
        and len(bare) >= 6
        and tok.norm not in lex.head_words
        and tok.norm not in lex.organisation_words
    )


def past_outlet_told(tt: TokenizedText, k: int, limit: int, lex: Lexicon) -> int:
    """«وقال لـ«الشرق الأوسط» مصدر أمني إن»، «وقالت لرويترز المتحدثة ...»، «وقال للصحيفة
    مصدر»: the outlet or audience told stands between a cue verb and its subject; the subject
    starts after it (and a comma)."""
    if k >= limit:
        return k
    tok, end = tt.tokens[k], k + 1
    if tok.norm.startswith("لل") and told_audience(tok, lex):  # «للصحيفة»، «للصحافيين»
        if end < limit and is_definite(tt.tokens[end]):
            return k  # «للصحيفة البريطانية»: where the phrase ends is not known
    elif not names_outlet_told(tok, lex):
        return k
    elif end < limit and tt.tokens[end].text in QUOTES:
        close = tt.quotes.get(end, -1)
        if close <= end or close >= limit:
            return k
        end = close + 1
    elif tok.norm[1:] not in lex.organisations:
        return k  # «لوكالة الأنباء الألمانية»: where its name ends is not known
    if end < limit and tt.tokens[end].norm in ("،", ","):
        end += 1
    if end >= limit or tt.tokens[end].norm in PUNCTUATION or opens_content(tt.tokens[end], lex):
        return k  # «وقال لـ«الشرق الأوسط»: ...»، «... إن»: no subject after it
    return end


def opens_content(tok: Token, lex: Lexicon) -> bool:
    """«إن»، «بأن»، «من»، «بعرقلة»: what opens a content (of a verb of telling, warning or
    accusing too) rather than a subject; «باسم» in «المتحدث باسم الجيش» does not."""
    norm = strip_conjunction(tok.norm)
    return norm in lex.complementizers or norm in ("من", "ان") or (
        norm[:1] == "ب" and norm not in lex.marker_set("np_links")
    )
