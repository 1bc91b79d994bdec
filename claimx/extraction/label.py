"""English labels such as "SDF sources deny", read as a news desk would write them.

A speaker's words are glossed from the gazetteer (people, organisations, places, outlets by
their usual English names), the label words (titles, roles, ministries) and the speaker
heads and adjectives; time beside the speaker («في حزيران»، «يوم الثلاثاء») is left out.
Arabic puts adjectives and the genitive after the noun and the name after the title;
English reverses them ("Russian Foreign Ministry spokeswoman Maria Zakharova"). A name no
list knows is transliterated (claimx.extraction.transliterate), and the label says which
of its words were.
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from claimx.extraction.cues import strip_conjunction
from claimx.extraction.gazetteer import (
    PERSON,
    PLURAL_NAMES,
    Entity,
    LabelWords,
    english_plural,
    gazetteer,
    known_body,
    label_words,
    name_sizes,
)
from claimx.extraction.lexicon import Lexicon
from claimx.extraction.mentions import agreement_of
from claimx.extraction.phrase import bare_noun
from claimx.extraction.tokenize import COMMAS, PUNCTUATION, QUOTES, TokenizedText
from claimx.extraction.transliterate import transliterate
from claimx.extraction.words import (
    DEMONSTRATIVE_GLOSS,
    IN_THEIR_NAME,
    JOINED_NAME_STARTS,
    PARTITIVES,
    PEOPLE_ALONE,
    PREPOSITION_GLOSS,
    QUANTIFIER_GLOSS,
    REFLEXIVES,
    RELATIVE_AGREEMENT,
    WHO_IS,
)

MAX_ENTITY_WORDS = 6
IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does"}
_MINISTER = {"وزير": "minister", "وزيره": "minister", "الوزير": "minister"}
_MINISTRY = ("وزاره", "الوزاره")


class Gloss(NamedTuple):
    """A speaker's English name, whether it is plural, whether a noun or a known name says
    so (else the verb's agreement decides), and the words transliterated."""

    text: str
    plural: bool = False
    known: bool = False
    transliterated: tuple[str, ...] = ()


class _Part(NamedTuple):
    kind: str  # entity, person, noun, adjective, name, partitive, determiner, honorific
    text: str
    plural: bool = False
    title: bool = False
    definite: bool = False
    transliterated: bool = False


def speaker_gloss(tt: TokenizedText, first: int, last: int, lex: Lexicon) -> Gloss:
    """The English name of the speaker tokens, read on into a known name the span cuts
    short («شبكة سي» before «إن إن»: "CNN")."""
    last = _known_name_end(tt, first, last)
    # «المصدر الذي طلب عدم ذكر اسمه»: "Source"; the clause's verbs would only be transliterated
    for k in range(first + 1, last):
        if strip_conjunction(tt.tokens[k].norm) in RELATIVE_AGREEMENT:
            last = k
            break
    wording = tuple(  # the normalised words and commas alone: one gloss per wording
        (t.norm, t.text) for t in tt.tokens[first:last]
        if t.text not in QUOTES and (t.norm not in PUNCTUATION or t.norm in COMMAS)
    )
    return _gloss_of_apposition(wording, lex)


@lru_cache(maxsize=20_000)
def _gloss_of_apposition(wording: tuple[tuple[str, str], ...], lex: Lexicon) -> Gloss:
    """«اللواء منصور، المتحدث الأمني»: "Maj. Gen. Mansour, security spokesman": a part after
    a comma that describes is glossed on its own; a name after a title runs on («وزير
    الخارجية، جون كيري»: "Foreign Minister John Kerry")."""
    pieces: list[tuple[tuple[str, str], ...]] = [()]
    for k, pair in enumerate(wording):
        if pair[0] in COMMAS or _role_after_name(pieces[-1], pair[0], k + 1 < len(wording), lex):
            pieces.append(())
        elif pair[0] in WHO_IS and pieces[-1]:
            pieces.append(())  # «أحمد الموكلي وهو الباحث في ...»: as a comma
            continue
        if pair[0] not in COMMAS:
            pieces[-1] += (pair,)
    pieces = [piece for piece in pieces if piece]
    if len(pieces) < 2 or any(not _describes(piece, lex) for piece in pieces[1:]):
        return _gloss_of_wording(tuple(pair for piece in pieces for pair in piece), lex)
    glosses = [_gloss_of_wording(piece, lex) for piece in pieces]
    return Gloss(
        ", ".join(g.text for g in glosses), glosses[0].plural, glosses[0].known,
        tuple(word for g in glosses for word in g.transliterated),
    )


def _role_after_name(
    before: tuple[tuple[str, str], ...], norm: str, more: bool, lex: Lexicon
) -> bool:
    """«محمد علي جعفري قائد الحرس الثوري»: a role noun in construct right after a name
    opens its description, as a comma would; not a family name of that shape («الكاتب»،
    «أمين»، the last word «رسالة»)."""
    if not before or not more or norm not in lex.head_words or norm.startswith("ال"):
        return False
    if strip_conjunction(norm) != norm:
        return False  # «ووزير الخارجية»: a second person (the و of «وزير» is the word's own)
    if norm in label_words().given_names:
        return False
    words = [w for w, _ in before]
    parts = _parts(words, [t for _, t in before], lex)
    named = any(p.kind == "person" or p.kind == "name" and not p.transliterated for p in parts)
    return named and parts[-1].kind in ("name", "person")


def _describes(piece: tuple[tuple[str, str], ...], lex: Lexicon) -> bool:
    """A part that opens with a role or a definite noun that is no name («المتحدث»، «مستشار»)."""
    first = piece[0][0]
    word = strip_conjunction(first)  # «وزير» keeps its و, the word's own
    return word == first and word not in label_words().given_names and (
        word in lex.head_words or word.startswith("ال") and _entity_at((word,), 0)[0] is None
    )


def _known_name_end(tt: TokenizedText, first: int, last: int) -> int:
    """One past a gazetteer name that starts inside the span and runs past its end, or a
    person's full name right after it («الرئيس السوري» + «بشار الأسد»: apposition)."""
    norms = tuple(t.norm for t in tt.tokens[first:min(len(tt.tokens), last + MAX_ENTITY_WORDS)])
    end = last
    for k in range(last - first):
        _, size = _entity_at(norms, k)
        end = max(end, first + k + size)
    entity, size = _entity_at(norms, last - first)
    if end == last and entity is not None and entity.kind == PERSON and size > 1:
        end = last + size
    return end


@lru_cache(maxsize=20_000)
def _gloss_of_wording(wording: tuple[tuple[str, str], ...], lex: Lexicon) -> Gloss:
    for k in range(1, len(wording)):  # «جون كيري والرئيس أوباما»: "... and President Obama"
        norm, text = wording[k]
        if norm.startswith("وال") and norm[1:] in lex.head_words:
            first = _gloss_of_wording(wording[:k], lex)
            second = _gloss_of_wording(((norm[1:], text[1:]), *wording[k + 1 :]), lex)
            # two people when each conjunct names one: not «مؤسس الشركة والمدير التنفيذي
            # سامي»، «سامي حداد، الباحث والكاتب» (one person's two titles)
            two = _names_someone(wording[:k]) and _names_someone(wording[k + 1 :])
            return Gloss(
                f"{first.text} and {second.text}", two or first.plural, two or first.known,
                first.transliterated + second.transliterated,
            )
    if len(wording) == 1 and strip_conjunction(wording[0][0]) in PEOPLE_ALONE:
        return Gloss(PEOPLE_ALONE[strip_conjunction(wording[0][0])], True, True)  # «البعض»
    quantifier = QUANTIFIER_GLOSS.get(strip_conjunction(wording[0][0])) if wording else None
    group_words = wording[2:] if wording[1:2] and wording[1][0] == "من" else wording[1:]
    if quantifier and group_words:
        # «عدد من الخبراء»، «بعض المواطنين»: "a number of experts", "some citizens"
        group = _gloss_of_wording(group_words, lex)
        return Gloss(f"{quantifier} {group.text}", True, group.known, group.transliterated)
    words, texts = _without_time(*_split_bi([w for w, _ in wording], [t for _, t in wording]))
    for k in range(1, len(words)):  # «مصدر مسؤول في الوزارة»: "... in ..."
        joint = _postnominal(words, k)
        if words[k] in PREPOSITION_GLOSS or joint:
            outer = _parts_gloss(words[: k - 1 if joint else k], texts, lex)
            inner = _gloss_of_wording(tuple(zip(words[k + 1 :], texts[k + 1 :], strict=True)), lex)
            link = joint or PREPOSITION_GLOSS[words[k]]
            return Gloss(
                f"{outer.text} {link} {inner.text}".strip(), outer.plural, outer.known,
                outer.transliterated + inner.transliterated,
            )
    return _parts_gloss(words, texts, lex)


def _names_someone(wording: tuple[tuple[str, str], ...]) -> bool:
    """A known person's name or a given name among the words."""
    norms = tuple(norm for norm, _ in wording)
    return any(
        strip_conjunction(norm) in label_words().given_names
        or (found := _entity_at(norms, k)[0]) is not None and found.kind == PERSON
        for k, norm in enumerate(norms)
    )


def _split_bi(words: list[str], texts: list[str]) -> tuple[list[str], list[str]]:
    """«بالبرلمان» after the first word as «ب» + «البرلمان»: "in parliament"."""
    out_words, out_texts = words[:1], texts[:1]
    for word, text in zip(words[1:], texts[1:], strict=True):
        if word.startswith("بال") and len(word) > 5:
            out_words += ["ب", word[1:]]
            out_texts += ["ب", text[1:] if text[:1] == "ب" else text]
        else:
            out_words.append(word)
            out_texts.append(text)
    return out_words, out_texts


def _postnominal(words: list[str], k: int) -> str:
    """«مقربة من»: the adjective and its preposition, "close to"."""
    return label_words().postnominal.get((bare_noun(words[k - 1]), words[k]), "")


def _without_time(words: list[str], texts: list[str]) -> tuple[list[str], list[str]]:
    """The words without a time phrase: «في حزيران الماضي»، «يوم الثلاثاء»، «الأحد»."""
    lw = label_words()
    keep = [True] * len(words)
    k = 0
    while k < len(words):
        w = strip_conjunction(words[k])
        opens = w in lw.time_openers and k + 1 < len(words) and _is_time(words[k + 1], lw)
        if opens or k > 0 and _stands_as_time(words, k, w, lw):
            if not opens and words[k - 1].isdigit():  # «في 3 أيار»: from the day's number
                k -= 2 if k > 1 and strip_conjunction(words[k - 2]) in lw.time_openers else 1
            end = k + 1
            while end < len(words) and (_is_time(words[end], lw) or words[end].isdigit()):
                end += 1
            for j in range(k, end):
                keep[j] = False
            k = end
        else:
            k += 1
    kept = [j for j in range(len(words)) if keep[j]]
    return [words[j] for j in kept], [texts[j] for j in kept]


def _stands_as_time(words: list[str], k: int, word: str, lw: LabelWords) -> bool:
    """A day («الأحد»), or a month beside a number or a time word («3 أيار»، «أيار الماضي»):
    alone, a month's name may be someone's («تيريزا ماي»)."""
    if word in lw.days:
        return True
    if word not in lw.months_days:
        return False
    before = words[k - 1] if k > 0 else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return before.isdigit() or after.isdigit() or after in lw.time_words


def _is_time(word: str, lw: LabelWords) -> bool:
    return word in lw.months_days or word in lw.time_words


def _entity_at(words: tuple[str, ...], k: int) -> tuple[Entity | None, int]:
    """The longest gazetteer name at ``k``, its first word with or without a proclitic or
    the article («للأمم المتحدة»، «والكرملين»، «لرويترز»)."""
    if k >= len(words):
        return None, 0
    starts = name_sizes()
    firsts = [(first, starts[first]) for first in _first_word_forms(words[k]) if first in starts]
    if not firsts:
        return None, 0
    names = gazetteer()
    for size in range(min(MAX_ENTITY_WORDS, len(words) - k), 0, -1):
        rest = words[k + 1 : k + size]
        for first, sizes in firsts:
            if size in sizes:
                entity = names.get(" ".join((first, *rest)))
                if entity is not None:
                    return entity, size
    return None, 0


@lru_cache(maxsize=50_000)
def _first_word_forms(word: str) -> tuple[str, ...]:
    forms = [word]
    if len(word) > 3 and word[0] in "وف":
        forms.append(word[1:])
    for form in list(forms):
        if form.startswith("لل") and len(form) > 3:
            forms.append("ال" + form[2:])
        elif form.startswith("بال") and len(form) > 4 or form[:1] in "لب" and len(form) > 3:
            forms.append(form[1:])  # «بالبيت الأبيض»، «لرويترز»
    forms += [f[2:] for f in list(forms) if f.startswith("ال") and len(f) > 4]
    return tuple(forms)


def _noun_at(words: list[str], k: int, lex: Lexicon) -> tuple[_Part | None, int]:
    """A role or body at ``k``: the label words, a minister by portfolio, a speaker head."""
    lw = label_words()
    first = strip_conjunction(words[k])
    definite = first.startswith("ال")
    minister = _portfolio(words, k, lw)
    if minister:
        return minister
    for size in _noun_sizes(lw.noun_sizes):  # the longest of both lists
        if len(words) - k < size:
            continue
        key = " ".join([first, *(strip_conjunction(w) for w in words[k + 1 : k + size])])
        for candidate in _noun_forms(key):
            noun = lw.nouns.get(candidate)
            if noun:
                return _Part("noun", noun.gloss, noun.plural, noun.title, definite), size
            head = lex.heads.get(candidate)
            if head:
                return _Part("noun", head.gloss, head.plural, definite=definite), size
    dual = _dual_gloss(first, lw, lex)
    if dual:
        return _Part("noun", dual, True, definite=definite), 1
    return None, 0


def _dual_gloss(word: str, lw: LabelWords, lex: Lexicon) -> str:
    """«مصدران»، «الوزيران»: "sources", "ministers", the singular's gloss in the plural."""
    bare = bare_noun(word)
    if not bare.endswith("ان") or known_body(bare):
        return ""
    singular = bare[:-2]
    noun = lw.nouns.get(singular) or lex.heads.get(singular)
    return english_plural(noun.gloss) if noun and not noun.plural else ""


@lru_cache(maxsize=4)
def _noun_sizes(label_noun_sizes: tuple[int, ...]) -> tuple[int, ...]:
    """The lengths of the label nouns and of the speaker heads (one or two words)."""
    return tuple(sorted({*label_noun_sizes, 2, 1}, reverse=True))


def _noun_forms(key: str) -> tuple[str, ...]:
    """A noun as written, without its article, with it, with its genitive's article
    («رئيس وزراء» as «رئيس الوزراء»), and (a feminine title, «رئيسة الوزراء»، «الناشطة») as
    the masculine the lists hold."""
    bare = bare_noun(key)
    forms = (key, bare, "ال" + bare)
    first, _, rest = bare.partition(" ")
    if first.endswith("ه") and len(first) > 3:
        masculine = " ".join(filter(None, [first[:-1], rest]))
        forms += (masculine, "ال" + masculine)
    if rest and " " not in rest and not rest.startswith("ال"):  # «رئيس وزراء اليونان»
        heads = (first, first[:-1]) if first.endswith("ه") and len(first) > 3 else (first,)
        forms += tuple(f"{head} ال{rest}" for head in heads)
    if first[:1] == "ل" and len(first) > 3:  # «لكرة القدم»: looked up after «لجنة» itself
        forms += (bare[1:],)
    if first.endswith("ا") and len(first) > 4 and not rest:  # «تقريرا أمميا»: accusative
        forms += (first[:-1],)
    return forms


def _portfolio(words: list[str], k: int, lw: LabelWords) -> tuple[_Part, int] | None:
    """«وزير الاقتصاد» "economy minister", «وزارة الاقتصاد» "Economy Ministry"."""
    first = strip_conjunction(words[k])
    is_minister = first in _MINISTER
    if not is_minister and first not in _MINISTRY:
        return None
    for size in (3, 2, 1):
        key = " ".join(words[k + 1 : k + 1 + size])
        # «وزير داخلية لاتفيا»: the portfolio in construct, without its article
        field = lw.portfolios.get(key) or size == 1 and lw.portfolios.get("ال" + key)
        if field and len(words) > k + size:
            if is_minister:
                return _Part("noun", f"{field} minister", title=True,
                             definite=first.startswith("ال")), size + 1
            named = " ".join(w if w == "and" else w[:1].upper() + w[1:] for w in field.split())
            return _Part("entity", f"{named} Ministry"), size + 1
    return None


def _parts(words: list[str], texts: list[str], lex: Lexicon) -> list[_Part]:
    """The speaker's words as parts of an English noun phrase, in the Arabic order."""
    lw = label_words()
    parts: list[_Part] = []
    k = 0
    if words and _after_preposition(strip_conjunction(words[0]), lex):
        words = [strip_conjunction(words[0])[1:], *words[1:]]  # «لوزارة العدل التي»
    norms = tuple(words)
    while k < len(words):
        norm = strip_conjunction(words[k])
        if norm in PARTITIVES and not parts and k + 1 < len(words):
            parts.append(_Part("partitive", "one of the"))  # «أحد المسؤولين»: one of them
            k += 1
            continue
        if norm in lw.classifiers or " ".join(words[k:k + 2]) in lw.classifiers:
            size = 2 if " ".join(words[k:k + 2]) in lw.classifiers else 1
            entity, esize = _entity_at(norms, k + size)
            if entity is not None:  # «وكالة رويترز»: "Reuters"
                parts.append(_entity_part(entity))
                k += size + esize
                continue
        after_noun = any(p.kind in ("noun", "entity") for p in parts)
        if after_noun and _adjective(norm, lex) and not _genitive_noun(norm, parts, words, k, lex):
            # «الداخلية السعودية»، «مصدر دبلوماسي»: an adjective, not a country or a role
            parts.append(_Part("adjective", _adjective(norm, lex)))
            k += 1
            continue
        entity, size = _entity_at(norms, k)
        if entity is not None:
            parts.append(_entity_part(entity))
            k += size
            continue
        noun, size = _noun_at(words, k, lex)
        if noun is not None and not any(p.kind in ("name", "person") for p in parts):
            parts.append(noun)
            k += size
            continue
        field = _field_after_head(words, k, parts, lw)
        if field is not None:  # «لجنة الانتخابات»: "election committee"
            parts.append(field[0])
            k += field[1]
            continue
        if norm == "اخر" and not parts:
            parts.append(_Part("adjective", "latest"))  # «آخر الإحصائيات»: the latest
            k += 1
            continue
        if norm in IN_THEIR_NAME and parts:
            k += 1  # «متحدث باسمها»: "spokesman"; whose, the text said before
            continue
        pair = f"{norm} {words[k + 1]}" if k + 1 < len(words) else ""
        if pair in lw.given_names:  # «عبد الله»، «عبد العزيز»: one name of two words
            parts.append(_Part("name", lw.given_names[pair]))
            k += 2
            continue
        if norm in JOINED_NAME_STARTS and norm in lw.given_names and pair and (
            words[k + 1].startswith("ال") and len(words[k + 1]) > 4
        ):
            # «عبد اللطيف»، «عبد الباسط»: "Abdullatif", as English-language news joins them
            joined = transliterate(texts[k + 1])[3:].lower()
            parts.append(_Part("name", f"{lw.given_names[norm]}ul{joined}"))
            k += 2
            continue
        surname = (  # after a listed given name: «منصور التركي»، «محمد السعودي»
            bool(parts) and parts[-1].kind == "name" and not parts[-1].transliterated
            and norm.startswith("ال")
        )
        parts.append(_word_part(norm, texts[k], lex, lw, surname))
        k += 1
    return [p for p in parts if p.text or p.kind == "honorific"]


def _after_preposition(norm: str, lex: Lexicon) -> bool:
    """«لوزارة»، «بوزارة»: a speaker noun read out of a preposition phrase."""
    rest = norm[1:]
    return norm[:1] in "لب" and not norm.startswith(("لل", "بال")) and (
        rest in _MINISTRY or rest in lex.head_words or rest in label_words().given_names
    )


def _field_after_head(
    words: list[str], k: int, parts: list[_Part], lw: LabelWords
) -> tuple[_Part, int] | None:
    """A portfolio right after a role or body names its field: «لجنة الانتخابات» "election
    committee", «مدير الأمن» "security director"."""
    if not parts or parts[-1].kind != "noun":
        return None
    for size in (3, 2, 1):
        field = lw.portfolios.get(" ".join(words[k : k + size]))
        after = words[k + size] if k + size < len(words) else ""
        if field and len(words) >= k + size and not after.startswith(("ال", "وال")):
            return _Part("noun", field, definite=True), size  # not «الأمن القومي»
    return None


def _genitive_noun(norm: str, parts: list[_Part], words: list[str], k: int, lex: Lexicon) -> bool:
    """«مدرب المنتخب»: a definite noun after an indefinite one is its genitive (an adjective
    would be indefinite too), when the word is a noun as well."""
    previous = parts[-1]
    if not norm.startswith("ال") or previous.kind != "noun" or previous.definite:
        return False
    return _noun_at(words, k, lex)[0] is not None


def _entity_part(entity: Entity) -> _Part:
    kind = "person" if entity.kind == PERSON else "entity"
    return _Part(kind, entity.english, plural=entity.english in PLURAL_NAMES)


def _word_part(
    norm: str, text: str, lex: Lexicon, lw: LabelWords, surname: bool = False
) -> _Part:
    """One word that is neither a known name nor a noun: a determiner, an honorific, an
    adjective, or a name (from the list of given names, else transliterated); a definite
    word right after a name is its family name («منصور التركي»: al-Turki, not Turkish)."""
    if norm in DEMONSTRATIVE_GLOSS:
        return _Part("determiner", DEMONSTRATIVE_GLOSS[norm])
    if norm in lw.honorifics:
        return _Part("honorific", lw.honorifics[norm])
    adjective = "" if surname else _adjective(norm, lex)
    if adjective:
        return _Part("adjective", adjective)
    if norm in REFLEXIVES or norm in ("ذاته", "ذاتها", "نفسه", "نفسها"):
        return _Part("name", "")
    bare = bare_noun(norm)
    known = lw.given_names.get(norm) or lw.given_names.get(bare)
    if known:
        article = bare != norm and norm.startswith("ال")
        return _Part("name", f"al-{known}" if article else known, definite=article)
    return _Part("name", transliterate(_without_proclitic(norm, text)),
                 definite=norm.startswith("ال"), transliterated=True)


def _without_proclitic(norm: str, text: str) -> str:
    """The written word without و and a preposition on its article: «للشغل» → «الشغل»; an
    unknown word in «فال» is a name («فالح»، «فالستروم»), not ف and the article."""
    if text[:1] == "و" and text[1:3] == "ال":
        text = text[1:]
    if text.startswith("لل") and len(text) > 4:
        return "ال" + text[2:]
    if text[:1] in "بك" and text[1:3] == "ال" and len(text) > 5:
        return text[1:]
    return text


def _adjective(norm: str, lex: Lexicon) -> str:
    bare = bare_noun(norm)
    return (
        lex.adjectives.get(bare) or lex.adjectives.get(norm)
        or label_words().adjectives.get(bare) or label_words().adjectives.get(norm)
        or label_words().nationality_plurals.get(bare, "")
    )


def _parts_gloss(words: list[str], texts: list[str], lex: Lexicon) -> Gloss:
    parts = _parts(words, texts, lex)
    transliterated = tuple(p.text for p in parts if p.transliterated)
    nouns = [p for p in parts if p.kind == "noun"]
    entities = [p for p in parts if p.kind == "entity"]
    head = nouns[0] if nouns else None
    plural = head.plural if head else any(p.plural for p in entities)
    if any(p.kind == "partitive" for p in parts):
        plural = False  # «أحد المسؤولين»: "one of the officials says"
    known = bool(head or entities or any(p.kind == "person" for p in parts))
    return Gloss(_compose(parts), plural, known, transliterated)


def _compose(parts: list[_Part]) -> str:
    """English order: determiners, adjectives, genitives, the head, then the name."""
    lw = label_words()
    determiners = [p.text for p in parts if p.kind in ("partitive", "determiner")]
    adjectives = [p.text for p in parts if p.kind == "adjective"]
    nouns = [p for p in parts if p.kind == "noun"]
    head = nouns[0] if nouns else None
    genitives = [
        p.text for p in parts if p.kind == "entity" or (p.kind == "noun" and p is not head)
    ]
    names = [p for p in parts if p.kind in ("person", "name")]
    honorifics = [p.text for p in parts if p.kind == "honorific" and p.text]
    if head is None:
        named = " ".join(filter(None, [*honorifics, *(p.text for p in names)]))
        return " ".join(filter(None, [*determiners, *reversed(adjectives), *genitives, named]))
    role = head.text
    for adjective in adjectives:
        role = lw.national_titles.get((role, adjective), role)
    name = " ".join(p.text for p in names)
    if names and not head.definite and names[0].definite and names[0].kind == "name":
        # «مدرب الفريق»: an indefinite head takes the definite word after it as a genitive
        phrase = " ".join(filter(None, [*determiners, *reversed(adjectives), role]))
        return f"{phrase} of {name}"
    if role.endswith(" for"):  # «المتحدث باسم الحكومة»: "government spokesman"
        role = role.removesuffix(" for")
    if names and (head.title or role in lw.formal_titles or role.split()[-1] in lw.formal_titles):
        role = _title_case(role)
        genitives = [_title_case(g) for g in genitives]
    if adjectives[-1:] == ["other"] and not head.plural and not determiners:
        adjectives[-1] = "another"  # «مسؤول آخر»: "another official"
    return " ".join(filter(None, [*determiners, *reversed(adjectives), *genitives, role, name]))


def _title_case(phrase: str) -> str:
    """"secretary-general" → "Secretary-General", "secretary of state" → "Secretary of State"."""
    def word(w: str) -> str:
        if w in ("of", "for", "and"):
            return w
        return "-".join(part[:1].upper() + part[1:] for part in w.split("-"))
    return " ".join(word(w) for w in phrase.split())


def verb_phrase(gloss: str, plural: bool, negated: bool, phrase_cue: bool) -> str:
    if phrase_cue:
        return gloss
    verb, _, tail = gloss.partition(" ")
    if negated:
        aux = "do not" if plural else "does not"
        return f"{aux} {gloss}"
    if not plural:
        verb = IRREGULAR_3SG.get(verb) or third_person(verb)
    elif verb == "be":
        verb = "are"
    return f"{verb} {tail}".strip()


def third_person(verb: str) -> str:
    """deny → denies, say → says, stress → stresses."""
    if verb.endswith("y") and verb[-2:-1] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + ("es" if verb.endswith(("s", "sh", "ch", "x")) else "s")


def capitalised(who: str) -> str | None:
    return who[:1].upper() + who[1:] if who else None


IMPERSONAL_LABELS = {  # «يُقال»، «يُعتقد»: who says it is not said
    "say": "It is said", "believe": "It is believed", "suspect": "It is suspected",
    "be rumoured": "It is rumoured", "rumour": "It is rumoured", "expect": "It is expected",
    "describe": "It is described", "view": "It is viewed",
}


class Labels(NamedTuple):
    """A claim's label, its speaker's label, and the label words that were transliterated."""

    label: str
    speaker: str | None
    transliterated: tuple[str, ...] = ()


def labels(
    tt: TokenizedText,
    speaker: tuple[int, int] | None,
    gloss: str,
    negated: bool,
    phrase_cue: bool,
    lex: Lexicon,
    impersonal: bool = False,
) -> Labels:
    """The claim label and the speaker label, from one gloss of the speaker."""
    if speaker is None and impersonal and gloss in IMPERSONAL_LABELS and not negated:
        return Labels(IMPERSONAL_LABELS[gloss], None)
    if speaker is None:
        return Labels(make_label(tt, speaker, gloss, negated, phrase_cue, lex), None)
    glossed = speaker_gloss(tt, speaker[0], speaker[1], lex)
    label = make_label(tt, speaker, gloss, negated, phrase_cue, lex, glossed)
    return Labels(label, capitalised(glossed.text), glossed.transliterated)


def make_label(
    tt: TokenizedText,
    speaker: tuple[int, int] | None,
    gloss: str,
    negated: bool,
    phrase_cue: bool,
    lex: Lexicon,
    glossed: Gloss | None = None,
) -> str:
    """«مصادر "قوات سوريا الديمقراطية" تنفي» → "SDF sources deny"."""
    if speaker is None:
        return f"Unattributed: {verb_phrase(gloss, False, negated, phrase_cue)}"
    glossed = glossed or speaker_gloss(tt, speaker[0], speaker[1], lex)
    who = glossed.text
    if phrase_cue:  # "According to SOHR": the speaker's gloss as it is, acronyms intact
        return f"{gloss[:1].upper()}{gloss[1:]} {who or 'unnamed source'}"
    # a noun or a known name says whether the speaker is plural; a name alone, the verb
    plural = glossed.plural or (not glossed.known and agreement_of(tt, speaker, lex) == "mp")
    who = who[:1].upper() + who[1:] if who else "Unnamed source"
    return f"{who} {verb_phrase(gloss, plural, negated, phrase_cue)}"
