"""What a claim is about: its content words, folded the way speaker keys are folded, and the
words too common in news to say that two claims are about one matter."""

from __future__ import annotations

from functools import cache

from claimx.extraction.identity import bare, words_of
from claimx.extraction.lexicon import load_lexicon
from claimx.extraction.tables import read_toml
from claimx.extraction.tokenize import normalize

MIN_WORD_LETTERS = 2


@cache
def _ignored() -> frozenset[str]:
    data = read_toml("claimx.corpus.aggregate.data", "matter.toml")
    words = [*data["function_words"], *data["frame_words"]]
    return frozenset(normalize(w) for w in words) | frozenset(bare(normalize(w)) for w in words)


def content_terms(content: str) -> tuple[str, ...]:
    """The content's words in order of first appearance, each once: «نفت وجود هذا الاتفاق» →
    («اتفاق»,). Function words and the frame words of denials and reports are left out."""
    ignored = _ignored()
    seen: dict[str, None] = {}
    for word in words_of(content):
        if word in ignored:
            continue
        term = bare(word)
        if term not in ignored and len(term) >= MIN_WORD_LETTERS:
            seen.setdefault(term, None)
    return tuple(seen)


@cache
def common_news_words() -> frozenset[str]:
    """News words (data/news_words.toml) and the extractor's time words, folded and as stems
    («أعلنت» is «أعلن»): shared, they do not make two claims one matter («الحكومة», «العام
    الماضي»)."""
    data = read_toml("claimx.corpus.aggregate.data", "news_words.toml")
    words = [*data["news_words"], *load_lexicon().marker_set("time_words")]
    folded = {bare(normalize(w)) for w in words}
    return frozenset(folded | {stem(w) for w in folded})


def matter_terms(terms: tuple[str, ...]) -> tuple[str, ...]:
    """Content terms (:func:`content_terms`) without the common news words and numbers
    («20 مدنيا» and «20 مايو» are not one matter), in order."""
    common = common_news_words()
    return tuple(t for t in terms if t not in common and stem(t) not in common
                 and not any(c.isdigit() for c in t))


@cache
def _negations() -> tuple[frozenset[str], frozenset[str]]:
    data = read_toml("claimx.corpus.aggregate.data", "news_words.toml")
    words = [*data["content_negations"], *load_lexicon().marker_set("negations")]
    return frozenset(normalize(w) for w in words), frozenset(normalize(w) for w in data["still"])


def says_not(content: str) -> bool:
    """Does the content itself negate («ليس لقتل المدنيين», «لم يرفض»; not «لا تزال»)?"""
    negations, still = _negations()
    words = words_of(content)
    return any(word in negations and (n + 1 == len(words) or words[n + 1] not in still)
               for n, word in enumerate(words))


STEM_PREFIXES = ("ب", "ل")  # a preposition the article did not come with: «بقتل»
STEM_SUFFIXES = ("ين", "ون", "ات", "ها", "هم", "ه", "ي", "ا", "ت")  # number, gender, pronoun
MIN_STEM_LETTERS = 3


def stem(term: str) -> str:
    """A content term without the endings that vary between two tellings of one matter, so
    that «مدنيين», «مدنيا» and «المدنيين» meet, and «بقتل» meets «قتلت». Crude on purpose: it
    only ever compares words, it never shows them."""
    if term[:1] in STEM_PREFIXES and len(term) > MIN_STEM_LETTERS:
        term = term[1:]
    changed = True
    while changed:
        changed = False
        for suffix in STEM_SUFFIXES:
            if term.endswith(suffix) and len(term) - len(suffix) >= MIN_STEM_LETTERS:
                term = term[: -len(suffix)]
                changed = True
                break
    return term
