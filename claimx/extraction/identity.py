"""Speaker identity: one key for every mention of one speaker, and what kind of speaker it is.

A key is the speaker's words folded the way readers fold them: spelling (hamza, ta marbuta,
alef maqsura, diacritics, tatweel), quotation marks, a conjunction or preposition and the
article on each word, determiners («هذه المصادر»), honorifics («الشيخ»), and a role before a
name («وزير الخارجية الأمريكي جون كيري» → «جون كيري»). Organisations the gazetteer knows by
several names take the first of them («قسد» → «قوات سوريا الديمقراطيه»). Modifiers of an
unnamed source are sorted, so word order does not split it. Within a document, a bare name
that is part of exactly one fuller key («كيري», «جون كيري») takes that key.

The key depends on the words alone, so that claimx's JSON output, re-read, gives the same key.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import NamedTuple

from claimx.extraction.lexicon import Lexicon, load_lexicon, read_data
from claimx.extraction.tokenize import normalize
from claimx.extraction.words import ARTICLE_PROCLITICS, CONJUNCTIONS, JOINED_NAME_STARTS, KEEP_WHOLE

PERSON, ORGANISATION, ANONYMOUS, DOCUMENT, UNRESOLVED = (
    "person", "organisation", "anonymous", "document", "unresolved",
)
SPEAKER_KINDS = (PERSON, ORGANISATION, ANONYMOUS, DOCUMENT, UNRESOLVED)

_WORD = re.compile(r"\w+")
_TATWEEL = "\u0640"


@dataclass(frozen=True, slots=True)
class Identity:
    """Who a claim's speaker is across documents: ``key`` (``None`` when unresolved) and kind."""

    key: str | None
    kind: str
    role: str | None = None  # a named person's role, as a key («وزير نفط ايراني»): not output


UNRESOLVED_IDENTITY = Identity(None, UNRESOLVED)


@dataclass(frozen=True, slots=True)
class _IdentityData:
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
    lex = load_lexicon()
    raw = read_data("identity.toml")
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
        **{name: frozenset(normalize(w) for w in raw["words"][name])
           for name in ("honorifics", "determiners", "references", "withheld", "withholding",
                        "prepositions", "quantifiers")},
    )


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
    return _identify_words(tuple(words_of(speaker)))


@lru_cache(maxsize=50_000)
def _identify_words(words: tuple[str, ...]) -> Identity:
    data = _data()
    withheld = any(w in data.withheld for w in words)
    words = _joined_names(_without_speech_noun(_without_quantifier(words, data), data))
    titled = _after_title(words, data)
    if titled is not None:  # «مدير صحة عدن الدكتور الخضر لصور»: the name follows the title
        role, name = titled
        named = _identify_words(tuple(name))
        if named.kind == PERSON and named.key:
            return Identity(named.key, PERSON, role=" ".join(bare(w) for w in role))
    kept = [w for w in words if w not in data.determiners and w not in data.honorifics]
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


class _Word(NamedTuple):
    """A bare word; whether it was definite, and whether it is part of a known organisation:
    neither starts a name (with one exception, see :func:`_name_after_role`)."""

    text: str
    definite: bool
    organisation: bool = False


def _without_quantifier(words: Sequence[str], data: _IdentityData) -> Sequence[str]:
    """«عدد من المسؤولين», «العديد من السكان»: the people counted are the speaker."""
    if len(words) > 2 and words[0] in data.quantifiers and words[1] == "من":
        return words[2:]
    return words


def _after_title(words: Sequence[str], data: _IdentityData
                 ) -> tuple[Sequence[str], Sequence[str]] | None:
    """A role, an honorific, then a name: (the role, the name); None without that shape."""
    for k in range(1, len(words) - 1):
        if words[k] in data.honorifics:
            return words[:k], words[k + 1:]
    return None


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
            out.append(_Word(bare_words[k], bare_words[k] != words[k]))
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
        head, _ = _head_at(plain[k:], data)
        if head is not None and head in data.role_heads:
            return Identity(" ".join(plain[:k]), PERSON, role=" ".join(plain[k:]))
    return Identity(" ".join(plain), PERSON)


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
    name = _name_after_role(phrase, size, data)
    if name:
        return Identity(" ".join(name), PERSON, role=" ".join(plain[: len(plain) - len(name)]))
    definite = phrase[0].definite or (
        len(phrase) > 1 and phrase[1].definite and phrase[1].text not in data.adjectives
    )
    if definite:
        return Identity(" ".join(plain), PERSON)
    return Identity(_anonymous_key(phrase, size, data), ANONYMOUS)


def _name_after_role(phrase: Sequence[_Word], size: int, data: _IdentityData) -> list[str]:
    """The words of a name after a role and its complements: the first indefinite word that
    is not an adjective or another head starts it, or after a definite head («الرئيس
    الأسد», which cannot take a genitive) the first definite one too; a preposition ends the
    search («مسؤول في الوزارة» names nobody)."""
    apposition = phrase[0].definite  # «الرئيس الأسد»: a definite head takes no genitive
    for k in range(size, len(phrase)):
        word, definite, organisation = phrase[k]
        if word in data.prepositions or _lam_before_head(word, data):
            return []
        complement = organisation or (definite and not apposition)
        nisba = _definite_nisba(phrase[k]) and k + 1 < len(phrase)  # «المدرب البرتغالي ...»
        if complement or nisba or _is_adjective(word, data) or word in data.role_heads \
                or word in data.head_kinds:
            continue
        name = [w.text for w in phrase[k:]]
        for n in range(1, len(name)):  # «ريجيكامب مدرب نادي الهلال»: another role ends it
            if name[n] in data.role_heads or name[n] in data.head_kinds:
                return name[:n]
        return name
    return []


def _lam_before_head(word: str, data: _IdentityData) -> bool:
    """«لهيئة»: a preposition on a head noun, not a name starting with ل («للوزارة» has
    already lost its لل)."""
    rest = word[1:]
    return word.startswith("ل") and (rest in data.head_kinds or rest in data.role_heads)


def identify_document(speakers: Sequence[str | None]) -> list[Identity]:
    """The identities of one document's speakers, in order. The document may already have
    said who a shorter mention is: a bare name that is part of exactly one fuller key («كيري»
    of «جون كيري», «يونهاب» of «وكالة يونهاب») takes that key and its kind, and so does a
    role that one named person of the document holds («الوزير», «وزير النفط» of «وزير النفط
    الإيراني بيجن زنغنه»)."""
    identities = [identify(s) for s in speakers]
    fuller = {i.key: i for i in identities if i.key and " " in i.key}
    named = [i for i in identities if i.role]
    return [_completed(i, fuller, named) for i in identities]


def _completed(
    identity: Identity, fuller: dict[str, Identity], named: list[Identity]
) -> Identity:
    if identity.kind != PERSON or identity.key is None:
        return identity
    if identity.role is None:  # a role alone, perhaps one a named person holds
        holders = {n.key: n for n in named if n.role and _shortened(identity.key, n.role)}
        if len(holders) == 1:
            return next(iter(holders.values()))
    if " " in identity.key:
        return identity
    matches = [f for key, f in fuller.items() if identity.key in key.split()]
    return matches[0] if len(matches) == 1 else identity


def _shortened(mention: str, role: str) -> bool:
    """«وزير» or «وزير نفط» for «وزير نفط ايراني»: the role's first words."""
    return role == mention or role.startswith(mention + " ")
