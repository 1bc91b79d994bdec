"""The gazetteer (data/gazetteer.toml) and the label words (data/label_words.toml), loaded once.

Spellings are normalised as tokens are, so a lookup of a speaker's normalised words finds
them; every spelling of one entry maps to one entity, which is how «قسد» and «قوات سوريا
الديمقراطية» (or «ترامب» and «ترمب») come to share a gloss and a speaker key.
"""

from __future__ import annotations

from functools import cache
from typing import Any, NamedTuple

from claimx.extraction import tables
from claimx.extraction.tokenize import normalize

PERSON, ORGANISATION, PLACE, OUTLET = "person", "organisation", "place", "outlet"
_SECTIONS = {"people": PERSON, "organisations": ORGANISATION, "places": PLACE, "outlets": OUTLET}
_NAME_LINKS = ("بن", "بنت", "ابو", "ابن", "عبد")  # «محمد بن سلمان»: no surname alone
_ROMAN = ("II", "III", "IV")
PLURAL_NAMES = frozenset({"Houthis", "Taliban"})  # "the Taliban say"


class Entity(NamedTuple):
    english: str
    kind: str  # person, organisation, place or outlet
    first: str  # the first (usual) Arabic spelling, normalised: the entity's one key


def _n(words: str) -> str:
    return " ".join(normalize(w) for w in words.split())


@cache
def gazetteer() -> dict[str, Entity]:
    """Every normalised Arabic spelling → its entity (a person's surname alone included)."""
    return tables.cached("gazetteer", build_gazetteer, dict)


def known_person(words: str) -> bool:
    """«ترامب»، «باراك اوباما»، «مارك روته»: a person of the gazetteer, by name or surname
    (normalised words)."""
    entity = gazetteer().get(words)
    return entity is not None and entity.kind == PERSON


def known_body(words: str) -> bool:
    """«حماس»، «إيران»، «باكستان»: an organisation, a place or an outlet of the gazetteer."""
    entity = gazetteer().get(words)
    return entity is not None and entity.kind != PERSON


def build_gazetteer() -> dict[str, Entity]:
    raw = tables.parse_data_file("gazetteer.toml")
    out: dict[str, Entity] = {}
    for section, kind in _SECTIONS.items():
        for english, spellings in raw[section].items():
            entity = Entity(english, kind, _n(spellings[0]))
            for spelling in spellings:
                out.setdefault(_n(spelling), entity)
    for spelling, entity in list(out.items()):
        surname = _surname(spelling, entity)
        if surname:
            out.setdefault(surname[0], Entity(surname[1], PERSON, entity.first))
    return out


@cache
def name_sizes() -> dict[str, tuple[int, ...]]:
    """A gazetteer name's first word → the lengths in words of the names it starts, longest
    first: most words start none, and a lookup needs only the lengths that exist."""
    sizes: dict[str, set[int]] = {}
    for spelling in gazetteer():
        words = spelling.split(" ")
        sizes.setdefault(words[0], set()).add(len(words))
    return {first: tuple(sorted(found, reverse=True)) for first, found in sizes.items()}


def _surname(spelling: str, entity: Entity) -> tuple[str, str] | None:
    """«دونالد ترامب» → («ترامب», "Trump"): a person's last word, said alone later."""
    arabic, english = spelling.split(), entity.english.split()
    if entity.kind != PERSON or len(arabic) < 2 or len(arabic) != len(english):
        return None
    if arabic[-2] in _NAME_LINKS or english[-1] in _ROMAN:
        return None
    return arabic[-1], english[-1].removeprefix("al-").removeprefix("Al ")


def organisation_names() -> dict[str, str]:
    """Organisations, places and outlets, spelling → English: the names speaker detection
    treats as one noun phrase («وزارة الخارجية»، «رويترز»)."""
    return {k: e.english for k, e in gazetteer().items() if e.kind != PERSON}


class Noun(NamedTuple):
    gloss: str
    plural: bool = False
    title: bool = False


class LabelWords(NamedTuple):
    nouns: dict[str, Noun]
    noun_sizes: tuple[int, ...]  # longest first
    formal_titles: frozenset[str]
    honorifics: dict[str, str]
    national_titles: dict[tuple[str, str], str]
    portfolios: dict[str, str]
    classifiers: frozenset[str]
    nationality_plurals: dict[str, str]
    postnominal: dict[tuple[str, str], str]  # (adjective form, preposition) → English
    months_days: frozenset[str]  # one-word and first words of two-word months, days
    days: frozenset[str]
    time_words: frozenset[str]
    time_openers: frozenset[str]
    given_names: dict[str, str]
    adjectives: dict[str, str]  # every generated form → English


@cache
def calendar() -> tuple[dict[str, int], tuple[str, ...]]:
    """Month names as written (every region's) → month number, and the days of the week
    (data/calendar.toml)."""
    raw = tables.parse_data_file("calendar.toml")
    months = {name: int(number) for number, names in raw["months"].items() for name in names}
    return months, tuple(raw["week"]["days"])


@cache
def label_words() -> LabelWords:
    return tables.cached("label-words", build_label_words, LabelWords)


def build_label_words() -> LabelWords:
    raw = tables.parse_data_file("label_words.toml")
    nouns = _nouns(raw["nouns"])
    time = raw["time"]
    return LabelWords(
        nouns=nouns,
        noun_sizes=tuple(sorted({len(k.split()) for k in nouns}, reverse=True)),
        formal_titles=frozenset(raw["titles"]["formal"]),
        honorifics={normalize(k): v for k, v in raw["titles"]["honorifics"].items()},
        national_titles={
            tuple(k.split("|")): v for k, v in raw["national_titles"].items()  # type: ignore[misc]
        },
        portfolios={_n(k): v for k, v in raw["portfolios"].items()},
        classifiers=frozenset(_n(w) for w in raw["classifiers"]["words"]),
        nationality_plurals={normalize(k): v for k, v in raw["nationality_plurals"].items()},
        postnominal=_postnominal(raw["postnominal"]),
        months_days=frozenset(
            w for phrase in [*calendar()[0], *calendar()[1]] for w in _n(phrase).split()
        ),
        days=frozenset(_n(day) for day in calendar()[1]),
        time_words=frozenset(normalize(w) for w in time["words"]),
        time_openers=frozenset(normalize(w) for w in time["prepositions"]),
        given_names={_n(k): v for k, v in raw["given_names"].items()},
        adjectives={
            form: gloss for word, gloss in raw["adjectives"].items()
            for form in adjective_forms(word)
        },
    )


def adjective_forms(word: str) -> list[str]:
    """«وطني» → وطني، وطنيه، وطنيون، وطنيين، وطنيات، وطنيا، وطنيان (as sources.toml's
    adjectives)."""
    w = normalize(word)
    stem = w[:-1] if w.endswith("ه") else w
    return [stem, stem + "ه", stem + "ون", stem + "ين", stem + "ات", stem + "ا", stem + "ان"]


def _nouns(table: dict[str, Any]) -> dict[str, Noun]:
    """Each noun with its feminine and sound plural forms («معلمة»، «معلمون»، «معلمين»،
    «معلمو»)."""
    out: dict[str, Noun] = {}
    for word, value in table.items():
        key = _n(word)
        if isinstance(value, dict):
            out[key] = Noun(value["gloss"], bool(value.get("plural")), bool(value.get("title")))
            continue
        stem = key[:-1] if key.endswith("ه") else key
        out.setdefault(key, Noun(value))
        out.setdefault(stem + "ه", Noun(value))
        plural = Noun(english_plural(value), plural=True)
        for ending in ("ون", "ين", "ات"):
            out.setdefault(stem + ending, plural)
        if stem == key:  # «محللو الأسواق»: a masculine noun's plural in construct
            out.setdefault(stem + "و", plural)
    return out


def english_plural(noun: str) -> str:
    if noun.endswith("man"):
        return noun[:-3] + "men"
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + "s"


def _postnominal(table: dict[str, str]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for phrase, english in table.items():
        adjective, preposition = _n(phrase).split()
        stem = adjective[:-1] if adjective.endswith("ه") else adjective
        for form in (stem, stem + "ه", stem + "ون", stem + "ين", stem + "ات"):
            out[(form, preposition)] = english
    return out
