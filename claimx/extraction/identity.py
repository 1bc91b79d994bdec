"""Speaker identity: one key for every mention of one speaker, and what kind of speaker it is.

A key is the speaker's words folded the way readers fold them: spelling (hamza, ta marbuta,
alef maqsura, diacritics, tatweel, the seat of a hamza «مسؤول»/«مسئول», Persian letters),
quotation marks, a conjunction or preposition and the article on each word, determiners
(«هذه المصادر»), honorifics («الشيخ»), and a role before a name («وزير الخارجية الأمريكي
جون كيري» → «جون كيري», also across a comma). What is not who: a date («مساء الثلاثاء»,
«في 3 مارس»), a relative clause («... الذي يتزعم الحزب») and a place after a name («في
موسكو») never enter a key. Organisations the gazetteer knows by several names take the
first of them («قسد» → «قوات سوريا الديمقراطيه»). Modifiers of an unnamed source are sorted,
so word order does not split it.

The key of a mention depends on its words alone, so that claimx's JSON output, re-read,
gives the same key. Within a document, a shorter mention takes the key of the fuller one the
document gave (:func:`identify_document`): a bare name, a role or a reduced mention («الوزير
السوري», «المصدر») is the person or source named there, so its key is still words of that
document, and a mention alone in another document keeps its own words.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from claimx.extraction import tables
from claimx.extraction.gazetteer import PERSON as GAZETTEER_PERSON
from claimx.extraction.gazetteer import calendar, gazetteer
from claimx.extraction.lexicon import Lexicon, load_lexicon
from claimx.extraction.tokenize import normalize, translation_table
from claimx.extraction.words import (
    ARTICLE_PROCLITICS,
    CONJUNCTIONS,
    JOINED_NAME_STARTS,
    KEEP_WHOLE,
    RELATIVES,
)

PERSON, ORGANISATION, ANONYMOUS, DOCUMENT, UNRESOLVED = (
    "person", "organisation", "anonymous", "document", "unresolved",
)
SPEAKER_KINDS = (PERSON, ORGANISATION, ANONYMOUS, DOCUMENT, UNRESOLVED)

_WORD = re.compile(r"\w+")
_TATWEEL = "\u0640"


class Identity(NamedTuple):
    """Who a claim's speaker is across documents: ``key`` (``None`` when unresolved) and kind."""

    key: str | None
    kind: str
    role: str | None = None  # a named person's role, as a key («وزير نفط ايراني»): not output


UNRESOLVED_IDENTITY = Identity(None, UNRESOLVED)


class _IdentityData(NamedTuple):
    head_kinds: dict[str, str]  # bare head (one or two words) → kind; others are roles
    role_heads: frozenset[str]  # bare heads of persons' roles
    organisations: dict[tuple[str, ...], tuple[str, ...]]  # bare words → canonical bare words
    organisation_sizes: tuple[int, ...]  # longest first
    adjectives: frozenset[str]
    speech_nouns: frozenset[str]  # «القول», «تأكيده»: the cue lexicon's verbal nouns
    honorifics: frozenset[str]
    determiners: frozenset[str]
    references: frozenset[str]
    withheld: frozenset[str]
    withholding: frozenset[str]
    quantifiers: frozenset[str]
    prepositions: frozenset[str]
    place_prepositions: frozenset[str]
    back_references: frozenset[str]  # «المصدر»: the unnamed source named last
    times: frozenset[str]  # days, «أمس», «اليوم»: when a claim was made, not who made it
    weak_times: frozenset[str]  # «مساء», «الماضي»: time only beside a day or a month
    months: frozenset[str]
    relatives: frozenset[str]  # «الذي»: a relative clause describes the speaker, not names
    heads: frozenset[str]  # head_kinds and role_heads together
    people: dict[str, str]  # a known person's spellings (surname alone too) → one spelling


def bare(norm: str) -> str:
    """A normalised word without a conjunction, preposition or article on it: «والمصادر» →
    «مصادر», «لرويترز» stays (a name may start with ل)."""
    if norm in KEEP_WHOLE:
        return norm
    for prefix in ARTICLE_PROCLITICS:
        if norm.startswith(prefix) and len(norm) > len(prefix) + 1:
            return norm[len(prefix):]
    return norm


def words_of(text: str) -> list[str]:
    """Normalised words, punctuation and quotation marks dropped, a leading و/ف before the
    article dropped from the first word."""
    folded = normalize(text).replace(_TATWEEL, "")
    words = _WORD.findall(folded)
    if words and words[0][:1] in CONJUNCTIONS and words[0][1:3] == "ال":
        words[0] = words[0][1:]
    return words


@cache
def _data() -> _IdentityData:
    return tables.cached("speaker-keys", _build_data, _IdentityData)


def _build_data() -> _IdentityData:
    lex = load_lexicon()
    raw = tables.parse_data_file("identity.toml")
    kinds = {kind: heads for kind, heads in raw["kinds"].items() if kind != "role"}
    head_kinds = {_bare_phrase(word): kind for kind, heads in kinds.items() for word in heads}
    roles = frozenset(
        _bare_phrase(head) for head in [*lex.heads, *raw["kinds"]["role"]]
        if _bare_phrase(head) not in head_kinds
    )
    return _IdentityData(
        head_kinds=head_kinds,
        role_heads=roles,
        organisations=_organisation_aliases(lex),
        organisation_sizes=tuple(
            sorted({len(k) for k in _organisation_aliases(lex)}, reverse=True)
        ),
        adjectives=frozenset(bare(a) for a in lex.adjectives) | frozenset(lex.adjectives),
        speech_nouns=frozenset(lex.verbal_nouns),
        times=lex.marker_set("time_words") - frozenset(raw["words"]["weak_times"]),
        weak_times=frozenset(normalize(w) for w in raw["words"]["weak_times"]),
        months=frozenset(normalize(name.split()[0]) for name in calendar()[0]),
        relatives=frozenset(w for w in RELATIVES if w.startswith("ال")),
        heads=frozenset(head_kinds) | roles,
        people=_people_spellings(),
        **{name: frozenset(normalize(w) for w in raw["words"][name])
           for name in ("honorifics", "determiners", "references", "withheld", "withholding",
                        "prepositions", "quantifiers", "place_prepositions")},
        back_references=frozenset(bare(normalize(w)) for w in raw["words"]["back_references"]),
    )


def _people_spellings() -> dict[str, str]:
    """«ترمب», «دونالد ترامب» → «دونالد ترامب»: the gazetteer's spellings of one person."""
    return {
        _bare_phrase(spelling): _bare_phrase(entity.first)
        for spelling, entity in gazetteer().items()
        if entity.kind == GAZETTEER_PERSON
    }


def _bare_phrase(phrase: str) -> str:
    return " ".join(bare(w) for w in words_of(phrase))


def _organisation_aliases(lex: Lexicon) -> dict[tuple[str, ...], tuple[str, ...]]:
    """Every gazetteer spelling of an organisation → the first spelling with its English name."""
    canonical: dict[str, tuple[str, ...]] = {}
    aliases: dict[tuple[str, ...], tuple[str, ...]] = {}
    for arabic, english in lex.organisations.items():
        words = tuple(bare(w) for w in arabic.split())
        aliases[words] = canonical.setdefault(english, words)
    return aliases


@lru_cache(maxsize=20_000)
def identify(speaker: str | None) -> Identity:
    """The identity of one speaker mention (the claim's resolved speaker text); a corpus
    names the same speakers again and again, so each wording is worked out once."""
    if speaker is None:
        return UNRESOLVED_IDENTITY
    named = _named_after_comma(speaker)
    found = named if named is not None else _identify_words(tuple(words_of(speaker)))
    key = found.key
    if found.kind == PERSON and key is not None:
        key = _data().people.get(key, key)  # «ترمب» and «دونالد ترامب»: one person
    return Identity(_spelled(key), found.kind, _spelled(found.role))


# Letters that spell one sound two ways: hamza on waw or on ya («مسؤول», «مسئول»), and the
# Persian letters a name may be written with («ڤلاديمير», «کریم»).
_SPELLING = translation_table(str.maketrans({
    "ؤ": "ئ", "ک": "ك", "ی": "ي", "ڤ": "ف",
    "پ": "ب", "چ": "ج", "ژ": "ز", "ە": "ه",
    "ۀ": "ه",
}))


def _spelled(key: str | None) -> str | None:
    """The key with one spelling of each sound: «مسؤول امني» = «مسئول امني»."""
    return None if key is None else key.translate(_SPELLING)


_COMMA = re.compile(r"[،,]")


def _named_after_comma(speaker: str) -> Identity | None:
    """«وكيل الجمهورية، محمد العلي»: a role, a comma, then a bare name: the person named,
    with that role. None when the text has no such shape."""
    parts = _COMMA.split(speaker)
    if len(parts) < 2:
        return None
    data = _data()
    role_words, name_words = words_of(",".join(parts[:-1])), words_of(parts[-1])
    while role_words and role_words[0] in data.honorifics:
        role_words = role_words[1:]  # «الدكتور سالم العلي، الأكاديمي»: a name, then a role
    if not role_words or not name_words or bare(name_words[0]) in data.heads \
            or bare(role_words[0]) not in data.heads:
        return None  # a name before the comma: «سالم العلي، وزير الزراعة» reads as it is
    name = _identify_words(tuple(name_words))
    if name.kind != PERSON or name.role is not None or name.key is None:
        return None
    return Identity(name.key, PERSON, role=" ".join(bare(w) for w in role_words))


@lru_cache(maxsize=50_000)
def _identify_words(words: tuple[str, ...]) -> Identity:
    data = _data()
    withheld = any(w in data.withheld for w in words)
    words = [_lexicon_spelling(w, data) for w in words]
    words = _before_relative(_without_time(_split_glued(words, data), data), data)
    words = _joined_names(_without_speech_noun(_without_quantifier(words, data), data))
    titled = _after_title(words, data)
    if titled is not None:  # «مدير صحة عدن الدكتور الخضر لصور»: the name follows the title
        role, name = titled
        named = _identify_words(tuple(name))
        if named.kind == PERSON and named.key:
            return Identity(named.key, PERSON, role=" ".join(bare(w) for w in role))
    kept = [w for k, w in enumerate(words) if w not in data.determiners
            and not _is_honorific(words, k, data)]
    if not kept or all(w in data.references for w in kept):
        return UNRESOLVED_IDENTITY
    phrase = _canonical_words(kept, data)
    plain = [w.text for w in phrase]
    head, size = _head_at(plain, data)
    if head is None:
        return _headless(phrase, data, withheld)
    kind = data.head_kinds.get(head)
    if withheld or kind == ANONYMOUS:
        return Identity(_anonymous_key(phrase, size, data), ANONYMOUS)
    if kind is not None:  # an organisation or a document
        return Identity(" ".join(plain), kind)
    return _role(phrase, size, data)


def _lexicon_spelling(word: str, data: _IdentityData) -> str:
    """«مسئول» → «مسؤول»: the hamza seat the word lists use, so the word is still a head or an
    adjective."""
    if "\u0626" not in word and "\u0624" not in word:
        return word
    if _known(word, data):
        return word
    for old, new in (("\u0626", "\u0624"), ("\u0624", "\u0626")):
        other = word.replace(old, new)
        if other != word and _known(other, data):
            return other
    return word


def _known(word: str, data: _IdentityData) -> bool:
    return bare(word) in data.heads or bare(word) in data.adjectives or word in data.adjectives


def _split_glued(words: Sequence[str], data: _IdentityData) -> list[str]:
    """«الوزيرالسوري» → «الوزير» «السوري»: a head noun written without the space before the
    next word's article."""
    out: list[str] = []
    for word in words:
        base = bare(word)
        cut = base.find("ال", 2)
        if cut > 0 and base[:cut] in data.heads and len(base) - cut > 3:
            split = len(word) - len(base) + cut
            out.extend((word[:split], word[split:]))
        else:
            out.append(word)
    return out


def _without_time(words: Sequence[str], data: _IdentityData) -> Sequence[str]:
    """«المصادر الأمنية مساء الثلاثاء», «الوزير في 12 مايو الماضي»: a date is when it was
    said, so the key ends before it (and before the preposition, number or «مساء» that
    leads to it); a date before the speaker is left out."""
    at = next((k for k in range(len(words)) if _is_time(words, k, data)), None)
    if at is None:
        return words
    if at == 0:
        rest = list(words)
        while rest and (_is_time(rest, 0, data) or _time_filler(rest[0], data)):
            rest.pop(0)
        return rest
    kept = list(words[:at])
    while len(kept) > 1 and _time_filler(kept[-1], data):
        kept.pop()
    return kept


def _is_time(words: Sequence[str], k: int, data: _IdentityData) -> bool:
    word = _unjoined(words[k])
    if word in data.times:
        return True
    if word not in data.months:
        return False
    before = words[k - 1] if k else ""
    after = words[k + 1] if k + 1 < len(words) else ""
    return before.isdigit() or after.isdigit() or after in data.weak_times


def _time_filler(word: str, data: _IdentityData) -> bool:
    """What leads to a date: «في», «يوم», «مساء», a number."""
    return word.isdigit() or word in data.prepositions or _unjoined(word) in data.weak_times


def _unjoined(word: str) -> str:
    """«والثلاثاء» → «الثلاثاء»."""
    return word[1:] if word[:1] in CONJUNCTIONS and len(word) > 3 else word


def _before_relative(words: Sequence[str], data: _IdentityData) -> Sequence[str]:
    """«بينيت الذي يتزعم الحزب»: a relative clause says more about the speaker; the key
    ends before it."""
    for k in range(1, len(words)):
        if _unjoined(words[k]) in data.relatives:
            return words[:k]
    return words


_GOVERNED = ("لل", "بال", "وبال", "ولل")


class _Word(NamedTuple):
    """A bare word; whether it was definite, and whether it is part of a known organisation:
    neither starts a name (with one exception, see :func:`_name_after_role`)."""

    text: str
    definite: bool
    organisation: bool = False
    governed: bool = False  # «للهجرة», «بالوزارة»: a preposition on it, so not a name


def _without_quantifier(words: Sequence[str], data: _IdentityData) -> Sequence[str]:
    """«عدد من المسؤولين», «العديد من السكان»: the people counted are the speaker."""
    quantifier = words and (words[0] in data.quantifiers or bare(words[0]) in data.quantifiers)
    if len(words) > 2 and quantifier and words[1] == "من":  # «الكثير من» too
        return words[2:]
    return words


def _after_title(words: Sequence[str], data: _IdentityData
                 ) -> tuple[Sequence[str], Sequence[str]] | None:
    """A role, an honorific, then a name: (the role, the name); None without that shape."""
    for k in range(1, len(words) - 1):
        if words[k] in data.honorifics:
            return words[:k], words[k + 1:]
    return None


def _is_honorific(words: Sequence[str], k: int, data: _IdentityData) -> bool:
    """«السيد» before a name; last after a name it is a family name («محمد السيد»)."""
    return words[k] in data.honorifics and (k == 0 or k + 1 < len(words))


def _without_speech_noun(words: Sequence[str], data: _IdentityData) -> Sequence[str]:
    """«صحيفة جينهوا القول» (after «نقلت ... عن»): the verbal noun of speech that ends the
    phrase is what was said, not who said it."""
    if len(words) > 1 and words[-1] in data.speech_nouns:
        return words[:-1]
    return words


def _joined_names(words: Sequence[str]) -> list[str]:
    """«عبد الله» and «عبدالله» are one spelling of a name."""
    out: list[str] = []
    for word in words:
        if out and out[-1] in JOINED_NAME_STARTS:
            out[-1] += word
        else:
            out.append(word)
    return out


def _canonical_words(words: Sequence[str], data: _IdentityData) -> list[_Word]:
    """Bare words, with each organisation the gazetteer knows replaced by its first name."""
    bare_words = [bare(w) for w in words]
    out: list[_Word] = []
    k = 0
    while k < len(bare_words):
        for size in data.organisation_sizes:
            alias = data.organisations.get(tuple(bare_words[k:k + size]))
            if alias is not None:
                out.extend(_Word(w, True, True) for w in alias)
                k += size
                break
        else:
            governed = words[k].startswith(_GOVERNED)
            out.append(_Word(bare_words[k], bare_words[k] != words[k], False, governed))
            k += 1
    return out


def _head_at(phrase: Sequence[str], data: _IdentityData) -> tuple[str | None, int]:
    for size in (2, 1):
        head = " ".join(phrase[:size])
        if len(phrase) >= size and (head in data.head_kinds or head in data.role_heads):
            return head, size
    if phrase and _accusative_base(phrase[0]) in data.role_heads:  # «مسؤولا حكوميا»
        return _accusative_base(phrase[0]), 1
    return None, 0


def _accusative_base(word: str) -> str:
    """«مسؤولا» → «مسؤول»: the accusative's written alef."""
    return word[:-1] if word.endswith("ا") and len(word) > 3 else word


def _is_adjective(word: str, data: _IdentityData) -> bool:
    return word in data.adjectives or _accusative_base(word) in data.adjectives


def _headless(phrase: Sequence[_Word], data: _IdentityData, withheld: bool) -> Identity:
    """No head noun first: a gazetteer organisation, else a name, perhaps with its role after
    it («عبد الرحيم مصطفى المتحدث الإعلامي للهيئة»)."""
    plain = [w.text for w in phrase]
    if withheld:
        return Identity(" ".join(plain), ANONYMOUS)
    if any(tuple(plain[:size]) in data.organisations for size in data.organisation_sizes):
        return Identity(" ".join(plain), ORGANISATION)
    while len(plain) > 1 and (plain[0] in data.adjectives or _definite_nisba(phrase[0])):
        phrase, plain = phrase[1:], plain[1:]  # «اليوناني دونيس»: a nisba before the name
    for k in range(1, len(plain)):
        head, size = _head_at(plain[k:], data)
        last = k + size == len(plain)  # «وليد المعلم»: a definite role word last is a name
        if head is not None and head in data.role_heads and not (last and phrase[k].definite):
            return Identity(" ".join(plain[:k]), PERSON, role=" ".join(plain[k:]))
        if _place_at(plain, k, data):  # «جون كيري في موسكو»: a place, not the name
            return Identity(" ".join(plain[:k]), PERSON)
    return Identity(" ".join(plain), PERSON)


def _place_at(words: Sequence[str], k: int, data: _IdentityData) -> bool:
    """«جون كيري في موسكو»: «في» and a place of one or two words end a name; with more
    after it («سفير لبنان في واشنطن عبد الله ...») the name may come later."""
    return words[k] in data.place_prepositions and len(words) - k <= 3


def _definite_nisba(word: _Word) -> bool:
    """«اليوناني», «الروماني»: a definite relative adjective, which a name does not start with
    when more words follow."""
    return word.definite and not word.organisation and word.text.endswith(("ي", "يه"))


def _anonymous_key(phrase: Sequence[_Word], size: int, data: _IdentityData) -> str:
    """The head and its complements, then its adjectives in a fixed order: «مصادر مطلعة
    سورية» = «مصادر سورية مطلعة». A clause withholding the name is not part of it."""
    rest = list(phrase[size:])
    for k, word in enumerate(rest):
        if word.text in data.withholding:
            rest = rest[:k]
            break

    def is_adjective(word: _Word) -> bool:
        return not word.organisation and word.text in data.adjectives

    adjectives = sorted(w.text for w in rest if is_adjective(w))
    complements = [w.text for w in rest if not is_adjective(w)]
    return " ".join([*(w.text for w in phrase[:size]), *complements, *adjectives])


def _role(phrase: Sequence[_Word], size: int, data: _IdentityData) -> Identity:
    """A person's role: the name after it when there is one («وزير الاقتصاد سامي الحداد»);
    unnamed, a definite role is a person («وزير الخارجية»), an indefinite one an anonymous
    source («مسؤول أمريكي»)."""
    plain = [w.text for w in phrase]
    rest = phrase[size:]
    if not phrase[0].definite and len(rest) <= 2 and not any(w.definite for w in phrase[1:]):
        return Identity(_anonymous_key(phrase, size, data), ANONYMOUS)  # «ضابط تايلاندي»
    start, name = _name_after_role(phrase, size, data)
    if name:
        return Identity(" ".join(name), PERSON, role=" ".join(plain[:start]))
    if phrase[0].definite or _definite_genitive(phrase[1:], data):
        return Identity(" ".join(plain), PERSON)
    if len(phrase) > 2 and phrase[1].text in data.heads and _definite_genitive(phrase[2:], data):
        return Identity(" ".join(plain), PERSON)  # «رئيس لجنة التعيينات»: a chain to «ال»
    return Identity(_anonymous_key(phrase, size, data), ANONYMOUS)


def _definite_genitive(rest: Sequence[_Word], data: _IdentityData) -> bool:
    """«وزير الخارجية»: a definite noun after the role makes it definite (an adjective,
    «مسؤول الأمني», does not)."""
    return bool(rest) and rest[0].definite and rest[0].text not in data.adjectives


def _name_after_role(phrase: Sequence[_Word], size: int, data: _IdentityData
                     ) -> tuple[int, list[str]]:
    """The words of a name after a role and its complements: the first indefinite word that
    is not an adjective or another head starts it, or after a definite head («الرئيس
    الأسد», which cannot take a genitive) the first definite one too; a preposition ends the
    search («مسؤول في الوزارة» names nobody), but «لوزارة العمل» is the role's complement
    («المتحدث الرسمي لوزارة العمل سالم العلي»)."""
    apposition = phrase[0].definite  # «الرئيس الأسد»: a definite head takes no genitive
    for k in range(size, len(phrase)):
        word, definite, organisation, governed = phrase[k]
        if word in data.prepositions:
            return 0, []
        if _lam_before_head(word, data):
            if k + 1 < len(phrase) and phrase[k + 1].definite:
                continue
            return 0, []
        complement = organisation or governed or (definite and not apposition) \
            or (definite and _after_complement(phrase, k, size, data))
        nisba = _definite_nisba(phrase[k]) and k + 1 < len(phrase)  # «المدرب البرتغالي ...»
        if complement or nisba or _is_adjective(word, data) or word in data.heads:
            continue
        return k, _name_until_role(phrase[k:], data)
    return 0, []


def _after_complement(phrase: Sequence[_Word], k: int, size: int, data: _IdentityData) -> bool:
    """«الأمين العام للحزب الاشتراكي»: a definite word after a definite head noun of the
    complement agrees with that noun; it does not start a name."""
    before = phrase[k - 1]
    noun = before.definite and before.text in data.heads or _lam_before_head(before.text, data)
    return k - 1 >= size and noun


def _name_until_role(name: Sequence[_Word], data: _IdentityData) -> list[str]:
    """A name ends where another role starts («ريجيكامب مدرب نادي الهلال»), a definite one
    only when words follow it («وليد المعلم» is a name), or at a preposition («جون كيري في
    موسكو»: a place)."""
    words = [w.text for w in name]
    for n in range(1, len(words)):
        role = words[n] in data.heads and (not name[n].definite or n + 1 < len(words))
        if role or _place_at(words, n, data):
            return words[:n]
    return words


def _lam_before_head(word: str, data: _IdentityData) -> bool:
    """«لهيئة»: a preposition on a head noun, not a name starting with ل («للوزارة» has
    already lost its لل)."""
    rest = word[1:]
    return word.startswith("ل") and (rest in data.head_kinds or rest in data.role_heads)


def identify_document(speakers: Sequence[str | None]) -> list[Identity]:
    """The identities of one document's speakers, in order. The document may already have
    said who a shorter mention is: a mention whose words begin exactly one longer mention
    («محافظ البلدة» of «محافظ البلدة سالم العلي») takes its identity; a bare name that is part
    of exactly one fuller key («كيري» of «جون كيري», «يونهاب» of «وكالة يونهاب») takes that
    key and its kind, and so does a role that one named person of the document holds
    («الوزير», «وزير النفط» of «وزير النفط الإيراني بيجن زنغنه»); a name spelled with
    or without its long vowels («ترامب», «ترمب») takes the first spelling; and «المصدر»,
    «المسؤول» take the unnamed source the document introduced last."""
    identities = _by_longer_mention(speakers, [identify(s) for s in speakers])
    fuller = {i.key: i for i in identities if i.key and " " in i.key}
    named = [i for i in identities if i.role]
    identities = [_completed(i, fuller, named) for i in identities]
    return _anaphoric_sources(speakers, _one_spelling(identities))


def _mention_words(speaker: str | None) -> tuple[str, ...]:
    return () if speaker is None else tuple(words_of(speaker))


def _by_longer_mention(
    speakers: Sequence[str | None], identities: list[Identity]
) -> list[Identity]:
    """«المتحدث باسم البلدية» of «المتحدث باسم البلدية سالم العلي»: the longer mention says
    who the shorter one is, when exactly one longer mention of the document starts with it."""
    words = [_mention_words(s) for s in speakers]
    out = list(identities)
    for k, (mention, identity) in enumerate(zip(words, identities, strict=True)):
        if not mention or identity.kind not in (PERSON, ORGANISATION, ANONYMOUS):
            continue
        longer = {
            identities[j].key: identities[j] for j, other in enumerate(words)
            if len(other) > len(mention) and other[: len(mention)] == mention
            and _names(identities[j], identity)
        }
        if len(longer) == 1:
            out[k] = next(iter(longer.values()))
    return out


def _names(longer: Identity, shorter: Identity) -> bool:
    """Whether a longer mention can say who a shorter one is: a person or an organisation
    can; an unnamed source («محافظ كركوك») only by a name («محافظ كركوك سعد الدليمي»)."""
    if shorter.kind == ANONYMOUS:
        return longer.kind == PERSON and longer.role is not None
    return longer.kind in (PERSON, ORGANISATION)


def _completed(
    identity: Identity, fuller: dict[str, Identity], named: list[Identity]
) -> Identity:
    if identity.kind != PERSON or identity.key is None:
        return identity
    if identity.role is None:  # a role alone, perhaps one a named person holds
        holders = {n.key: n for n in named if n.role and _shortened(identity.key, n.role)}
        if len(holders) == 1:
            return next(iter(holders.values()))
    words = identity.key.split()
    if len(words) > 1 and identity.role is not None:  # «رئيس كتلة النواب»: not a bare name
        return identity
    matches = [f for key, f in fuller.items() if key != identity.key and f.kind != ANONYMOUS
               and _contains(key.split(), words)]
    return matches[0] if len(matches) == 1 else identity


def _contains(longer: Sequence[str], words: Sequence[str]) -> bool:
    """«كيري» in «جون كيري»; several words only at the end («ستاندرد اند بورز» of «وكاله
    ستاندرد اند بورز»): «قادة عسكريين» is not «قادة عسكريين في عمليات المنطقة»."""
    if len(words) > 1:
        return len(longer) > len(words) and list(longer[-len(words):]) == list(words)
    return words[0] in longer


def _shortened(mention: str, role: str) -> bool:
    """«وزير» or «وزير نفط» for «وزير نفط ايراني»: the role's first words; or the role's head
    with some of its other words («وزير سوري» for «وزير خارجيه سوري»)."""
    if role == mention or role.startswith(mention + " "):
        return True
    said, held = mention.split(), role.split()
    return said[0] == held[0] and set(said) <= set(held)


_VOWEL_LETTERS = translation_table(str.maketrans("", "", "اوي"))


def _skeleton(word: str) -> str:
    """«ترامب», «ترمب» → «ترمب»: a word without its long vowels after the first letter, which
    transcriptions of foreign names write or leave out."""
    return word[:1] + word[1:].translate(_VOWEL_LETTERS)


def _one_spelling(identities: list[Identity]) -> list[Identity]:
    """Persons of one document whose names differ only in long vowels of words long enough
    that the vowels do not tell two names apart («ترامب»/«ترمب», not «حامد»/«حمد») take the
    spelling the document used first."""
    first: dict[tuple[str, ...], Identity] = {}
    out = []
    for identity in identities:
        if identity.kind != PERSON or identity.key is None:
            out.append(identity)
            continue
        words = identity.key.split()
        shape = tuple(w if len(_skeleton(w)) < 4 else _skeleton(w) for w in words)
        out.append(first.setdefault(shape, identity))
    return out


def _anaphoric_sources(
    speakers: Sequence[str | None], identities: list[Identity]
) -> list[Identity]:
    """«وقال مسؤول أمريكي ... وأضاف المصدر»: a definite bare head refers back to the unnamed
    source the document introduced last, when both are one or both are several."""
    out = list(identities)
    for k, (speaker, identity) in enumerate(zip(speakers, identities, strict=True)):
        words = words_of(speaker) if speaker else []
        if _role_and_nisba(words) and identity.kind == PERSON:
            out[k] = _nisba_holder(bare(words[1]), speakers[:k], out[:k]) or identity
            continue  # «وقال العداء الجامايكي»: the one Jamaican named before
        if len(words) != 1 or not words[0].startswith("ال"):
            continue
        if identity.kind == PERSON and _definite_nisba(_Word(identity.key, True)):
            out[k] = _epithet_holder(identity.key, out[:k]) or identity
            continue
        number = _plurals().get(identity.key)
        if number is None or identity.kind in (ORGANISATION, DOCUMENT):
            continue
        for earlier in reversed(out[:k]):
            if earlier.kind == ANONYMOUS and earlier.key != identity.key:
                head = earlier.key.split()[0]
                back = identity.key in _data().back_references or identity.key == head
                if back and _plurals().get(head) == number:
                    out[k] = earlier
                break
    return out


def _role_and_nisba(words: Sequence[str]) -> bool:
    """«العداء الجامايكي»، «المدرب البرتغالي»: a definite noun and a definite nationality."""
    return (
        len(words) == 2
        and all(w.startswith("ال") for w in words)
        and not _definite_nisba(_Word(bare(words[0]), True))
        and _definite_nisba(_Word(bare(words[1]), True))
    )


def _nisba_holder(nisba: str, speakers: Sequence[str | None], before: Sequence[Identity]
                  ) -> Identity | None:
    """The one named person the document gave that nationality before («الجامايكي يوسين
    بولت» for «العداء الجامايكي»)."""
    holders = {
        identity.key: identity
        for speaker, identity in zip(speakers, before, strict=True)
        if speaker and identity.kind == PERSON and len(identity.key.split()) > 1
        and nisba in {bare(w) for w in words_of(speaker)} and nisba not in identity.key.split()
    }
    return next(iter(holders.values())) if len(holders) == 1 else None


def _epithet_holder(nisba: str, before: Sequence[Identity]) -> Identity | None:
    """«وقال البرتغالي»: a nationality alone names the one person the document named before
    it with that nationality in the role («المدرب البرتغالي جوزيه فيرا»)."""
    holders = {i.key: i for i in before
               if i.kind == PERSON and i.role and nisba in i.role.split()}
    return next(iter(holders.values())) if len(holders) == 1 else None


@cache
def _plurals() -> dict[str, bool]:
    """Bare head noun → whether it names several people («مصادر») or one («مصدر»): the
    extraction gazetteer says; the other heads of unnamed sources («خبراء») are plurals."""
    data = _data()
    several = {head: True for head, kind in data.head_kinds.items() if kind == ANONYMOUS}
    number = several | {bare(word): head.plural for word, head in load_lexicon().heads.items()}
    return {_spelled(head): plural for head, plural in number.items()}
