"""A name's fullest mention, before or after it: «مرزوق» → «رئيس الحركة، محسن مرزوق».

A surname or a given name and surname is completed by its given names, the title before or
after it («الرئيس السابق منصف المرزوقي») and an alias in brackets («... (يونهاب)»).
"""

from __future__ import annotations

from bisect import bisect_left

from claimx.extraction.cues import strip_conjunction
from claimx.extraction.gazetteer import known_body, label_words
from claimx.extraction.lexicon import Lexicon
from claimx.extraction.mentions import (
    MAX_REDUCED_TOKENS,
    content_words,
    genitive_person,
    governed_by_lam,
    governing_words,
    has_demonstrative,
    is_preposition,
    named_body,
    refers_to,
)
from claimx.extraction.phrase import (
    MENTION_REACH,
    bare_noun,
    is_verbal_noun,
    is_verbal_noun_form,
    named_again,
    noun_phrase,
    person_name,
    possessed_object_after_name,
    spelled,
)
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, Token, TokenizedText
from claimx.extraction.words import (
    CONJUNCTIONS,
    GIVEN_NAME_HOMOGRAPHS,
    NAME_PARTICLES,
    RELATIVES,
)
from claimx.model import Range

MAX_TITLE_TOKENS = 16
MAX_NAME_TOKENS = 3


def fullest_mention(
    tt: TokenizedText, speaker: Range, mentions: list[Range], lex: Lexicon
) -> Range:
    """The fullest mention of the speaker's entity anywhere in the text, before or after it
    («مرزوق» → «رئيس الحركة، محسن مرزوق»): a later claim may name the speaker in full."""
    if speaker[1] - speaker[0] > MAX_REDUCED_TOKENS + 2:
        return speaker  # a full mention already (quotes and pointing words aside)
    words = content_words(tt, speaker)
    if not words or len(words) > MAX_REDUCED_TOKENS or has_demonstrative(tt, speaker):
        return speaker
    if named_body(words):
        return speaker  # «حماس»، «إيران»: a body or a place named in full
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
        if governed_by_lam(tt, mention, words[0], lex):
            continue  # «أرقام لوزارة التجارة» are the ministry's figures, not the ministry
        candidate = tuple(content_words(tt, mention))
        if len(candidate) > best_size and (
            refers_to(words, governing_words(tt, mention), tt, speaker, lex)
            or _same_compound(tt, speaker, mention)
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
    if surname in label_words().honorifics:
        return None  # «وقال الملك»: an honorific alone names no one by a surname
    if surname.startswith("ال") and surname.endswith("يه"):
        return None  # «كوريا الجنوبية»: a feminine adjective, not a surname
    particle = len(names) == 2 and names[0] in NAME_PARTICLES  # «بن عمر»: one surname
    if len(names) == 2 and not particle and not _given_name(tt.tokens[speaker[0]], lex):
        return None
    best, best_size = None, speaker[1] - speaker[0]
    index = speaker[1] - 1
    for other in spelled(tt, surname, max(1, index - MENTION_REACH), index + MENTION_REACH):
        if strip_conjunction(other.norm) != surname:
            continue
        first = other.index - 1 if particle else other.index  # where the surname starts
        if first > 0 and is_preposition(tt.tokens[first - 1]):
            continue  # «قطعت علاقاتها مع قطر»: the name of what a preposition governs
        if first > 0 and genitive_person(tt.tokens[first - 1], other):
            continue  # «إدارة أوباما»: the name of whose administration, not the man
        if particle and tt.tokens[first].norm != names[0]:
            continue
        alias = _alias_of(tt, first, other.index + 1, lex)
        if alias is not None and alias[1] - alias[0] > best_size:
            best, best_size = alias, alias[1] - alias[0]
            continue
        if known_body(surname):
            continue  # «تنظيم داعش»: a body's name has no given names («لصالح تنظيم داعش»)
        start = speaker[0] if other.index == index else _given_names_before(tt, first, lex)
        given = [strip_conjunction(t.norm) for t in tt.tokens[start:first]]
        if len(names) == 2 and not particle and names[0] not in given:
            continue  # «محسن مرزوق» is not «سليم مرزوق»
        title = _title_before(tt, start, lex)
        if start == first and (title == start or surname.startswith("ال")):
            continue  # «الأسرى» with no given name is a common noun, not a surname
        if (surname.startswith("ال") or surname.endswith("ات")) and not _names_someone_with(
            given, surname
        ):
            continue  # «يراقبون الشاشات»، «جاءت دون توقعات»: not a given name and surname
        found = (title, _with_title_after(tt, start, other.index + 1, lex))
        if found[1] - found[0] > best_size:
            best, best_size = found, found[1] - found[0]
    return best


def _names_someone_with(given: list[str], surname: str) -> bool:
    """«يراقبون الشاشات»، «دون توقعات»، «يرتكب السينمائيون»: an ordinary plural in ـات, or a
    definite one in ـون/ـين, is a surname only after a listed given name («محمد البركات»،
    «ياسر عرفات»), not after the verb whose object or subject it is."""
    plural = surname.endswith("ات") or surname.startswith("ال") and surname.endswith(("ون", "ين"))
    return not plural or any(word in label_words().given_names for word in given)


def _title_with_name(tt: TokenizedText, speaker: Range, lex: Lexicon) -> Range | None:
    """«الرئيس السابق للاتحاد الدولي، جوسيف بلاتر»: the title phrase, then (after a comma)
    given names and a surname that the text names again elsewhere («وشدد بلاتر»)."""
    tokens = tt.tokens
    limit = tt.sentence_bounds(speaker[0])[1]
    phrase = noun_phrase(tt, speaker[0], limit, lex, set())
    end = max(speaker[1], phrase[1]) if phrase else speaker[1]
    if end < limit and tokens[end].norm in ("،", ","):
        end += 1
    elif end < limit and is_verbal_noun(tokens[end], lex):
        return None  # «لاحظ الباحثون انخفاض معدلات ...»: the title's phrase ended at its object
    last = end
    while last < min(limit, end + MAX_NAME_TOKENS) and _given_name(tokens[last], lex):
        last += 1
    if last - end < 2:
        return None  # a given name and a surname at least
    surname = strip_conjunction(tokens[last - 1].norm)
    return (speaker[0], last) if named_again(tt, surname, end, last) else None


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
        _given_name(tt.tokens[start - 1], lex) or _wa_fa_name_inside(tt, start - 1, lex)
    ):
        if start > 1 and tt.tokens[start - 2].norm in lex.wa_set("verb_negations"):
            break  # «لم تتلق سيندي تشاو»: the word after «لم» is a verb
        if start > 1 and tt.tokens[start - 2].norm in RELATIVES:
            break  # «الماء الذي يعتمد جين عليه»: the word after a relative pronoun is a verb
        if index - start == 1 and _opens_sentence(tt, start - 1) and not person_name(
            tt.tokens[start - 1].norm
        ):
            break  # «دفع جيمس تومسون ...»: a sentence opens with its verb more than a name
        start -= 1
    return start


def _opens_sentence(tt: TokenizedText, k: int) -> bool:
    return k == tt.sentence_bounds(k)[0]


def _wa_fa_name_inside(tt: TokenizedText, k: int, lex: Lexicon) -> bool:
    """``_wa_fa_name`` not opening a sentence: «. وشبّه جين الصعود» opens with «و» and a
    verb, not with a man called «وشبّه»."""
    return _wa_fa_name(tt.tokens[k], lex) and k > 0 and tt.tokens[k - 1].norm not in PUNCTUATION


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
        if j > floor and possessed_object_after_name(tokens[j - 1], tok, lex):
            break  # «التقى جون كيري نظيره الروسي سيرغي لافروف»: «نظيره» opens the object
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
        and norm not in lex.verbal_nouns  # «على حد قول غوميز»: the saying, not a name
        and norm[:1] not in CONJUNCTIONS
        and len(norm) >= 3
        and not _governed_verbal_noun(tok, lex)
    )


def _governed_verbal_noun(tok: Token, lex: Lexicon) -> bool:
    """«قرار بتكريم نبيل الحداد»: a verbal noun after «بـ» or «لـ» governs the name that
    follows; it is no given name of it."""
    norm = tok.norm
    return norm[:1] in ("ب", "ل") and is_verbal_noun_form(norm[1:], lex)
