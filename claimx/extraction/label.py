"""English labels such as "SDF sources deny", built from the gazetteer's glosses.

Arabic puts adjectives after the noun and names the organisation in a genitive after it;
English reverses both. Words without a gloss are transliterated, so labels stay English.
"""

from __future__ import annotations

from functools import lru_cache

from claimx.extraction.cues import strip_conjunction
from claimx.extraction.lexicon import Lexicon
from claimx.extraction.mentions import agreement_of
from claimx.extraction.phrase import bare_noun
from claimx.extraction.tokenize import PUNCTUATION, QUOTES, TokenizedText
from claimx.extraction.words import DEMONSTRATIVE_GLOSS, PREPOSITION_GLOSS

MAX_ORGANISATION_WORDS = 4
IRREGULAR_3SG = {"be": "is", "have": "has", "do": "does"}


def speaker_gloss(tt: TokenizedText, first: int, last: int, lex: Lexicon) -> tuple[str, bool]:
    """An English noun phrase for the speaker tokens, and whether it is plural."""
    wording = tuple(  # the normalised words alone: one gloss per wording
        t.norm for t in tt.tokens[first:last] if t.text not in QUOTES and t.norm not in PUNCTUATION
    )
    return _gloss_of_wording(wording, lex)


@lru_cache(maxsize=20_000)
def _gloss_of_wording(words: tuple[str, ...], lex: Lexicon) -> tuple[str, bool]:
    for k, word in enumerate(words[1:], start=1):  # «مصدر مسؤول في الوزارة»: "... in ..."
        if word in PREPOSITION_GLOSS:
            inner, _ = _words_gloss(words[k + 1 :], lex)
            outer, plural = _words_gloss(words[:k], lex)
            return f"{outer} {PREPOSITION_GLOSS[word]} {inner}".strip(), plural
    return _words_gloss(words, lex)


def _words_gloss(words: tuple[str, ...], lex: Lexicon) -> tuple[str, bool]:
    head, plural, adjectives, genitives, rest, determiners = "", False, [], [], [], []
    k = 0
    while k < len(words):
        org, size = _organisation(words, k, lex)
        norm = strip_conjunction(words[k])
        if org:
            genitives.append(org)
            k += size
            continue
        head_entry, size = _head(words, k, lex)
        if head_entry and not head:
            head, plural = head_entry.gloss, head_entry.plural
            k += size
            continue
        if norm in DEMONSTRATIVE_GLOSS and not head:
            determiners.append(DEMONSTRATIVE_GLOSS[norm])
        elif bare_noun(norm) in lex.adjectives or norm in lex.adjectives:
            adjectives.append(lex.adjectives.get(bare_noun(norm), lex.adjectives.get(norm, "")))
        elif norm not in ("ذاته", "ذاتها", "نفسه", "نفسها"):
            rest.append(transliterate(words[k]))
        k += 1
    return _compose(determiners, adjectives, genitives, head, rest), plural


# Letters as an English reader says them; short vowels are not written in Arabic, so a name
# comes out as its consonants and long vowels («سامي الحداد» → "Sami al-Hdad").
_LATIN = {
    "ا": "a", "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d",
    "ذ": "dh", "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "z", "ع": "'", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n",
    "ه": "h", "و": "w", "ي": "y", "ء": "'", "ئ": "'", "ؤ": "'", "ى": "a",
}
_VOWEL_AFTER = {"و": "u", "ي": "i"}  # after a consonant: a long vowel


def transliterate(norm: str) -> str:
    """A readable Latin spelling of a word no gazetteer entry glosses: labels stay English."""
    if not any("\u0621" <= ch <= "\u064a" for ch in norm):
        return norm  # «AFP»، «#ساما» keeps what is not Arabic
    article = norm.startswith("ال") and len(norm) > 3
    body = norm[2:] if article else norm
    out: list[str] = []
    for n, ch in enumerate(body):
        if n and ch in _VOWEL_AFTER and body[n - 1] not in "اوي":
            out.append(_VOWEL_AFTER[ch])
        elif ch == "ه" and n == len(body) - 1 and n:
            out.append("a")  # ta marbuta, folded to ه on matching
        else:
            out.append(_LATIN.get(ch, ch if ch.isascii() else ""))
    word = "".join(out)
    word = word[:1].upper() + word[1:]
    return f"al-{word}" if article else word


def _organisation(words: tuple[str, ...], k: int, lex: Lexicon) -> tuple[str, int]:
    if words[k] not in lex.organisation_words:
        return "", 0
    for size in range(MAX_ORGANISATION_WORDS, 0, -1):
        key = " ".join(
            bare_noun(w) if i == 0 else w for i, w in enumerate(words[k : k + size])
        )
        full = " ".join(words[k : k + size])
        for candidate in (full, key, "ال" + key):
            if len(words[k : k + size]) == size and candidate in lex.organisations:
                return lex.organisations[candidate], size
    return "", 0


def _head(words: tuple[str, ...], k: int, lex: Lexicon):
    for size in (2, 1):
        chunk = words[k : k + size]
        if len(chunk) < size:
            continue
        key = " ".join(strip_conjunction(w) for w in chunk)
        for candidate in (key, bare_noun(key), "ال" + bare_noun(key)):
            if candidate in lex.heads:
                return lex.heads[candidate], size
    return None, 0


def _compose(
    determiners: list[str], adjectives: list[str], genitives: list[str], head: str, rest: list[str]
) -> str:
    if not head:
        return " ".join(
            filter(None, [*determiners, " ".join(reversed(adjectives)), *genitives, " ".join(rest)])
        ).strip()
    if head.endswith(" for"):
        core = f"{head} {' '.join(genitives)}".strip()
    else:
        core = " ".join([*genitives, head])
    phrase = " ".join(filter(None, [*determiners, " ".join(reversed(adjectives)), core]))
    if rest and rest[0].startswith(("al-", "ال", "وال")) and not phrase.endswith(" for"):
        # a genitive: «مدرب الفريق» → coach of الفريق
        return f"{phrase} of {' '.join(rest)}"
    return f"{phrase} {' '.join(rest)}".strip() if rest else phrase


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


def labels(
    tt: TokenizedText,
    speaker: tuple[int, int] | None,
    gloss: str,
    negated: bool,
    phrase_cue: bool,
    lex: Lexicon,
    impersonal: bool = False,
) -> tuple[str, str | None]:
    """The claim label and the speaker label, from one gloss of the speaker."""
    if speaker is None and impersonal and gloss in IMPERSONAL_LABELS and not negated:
        return IMPERSONAL_LABELS[gloss], None
    if speaker is None:
        return make_label(tt, speaker, gloss, negated, phrase_cue, lex), None
    glossed = speaker_gloss(tt, speaker[0], speaker[1], lex)
    label = make_label(tt, speaker, gloss, negated, phrase_cue, lex, glossed)
    return label, capitalised(glossed[0])


def make_label(
    tt: TokenizedText,
    speaker: tuple[int, int] | None,
    gloss: str,
    negated: bool,
    phrase_cue: bool,
    lex: Lexicon,
    glossed: tuple[str, bool] | None = None,
) -> str:
    """«مصادر "قوات سوريا الديمقراطية" تنفي» → "SDF sources deny"."""
    if speaker is None:
        return f"Unattributed: {verb_phrase(gloss, False, negated, phrase_cue)}"
    who, plural = glossed or speaker_gloss(tt, speaker[0], speaker[1], lex)
    if phrase_cue:  # "According to SOHR": the speaker's gloss as it is, acronyms intact
        return f"{gloss[:1].upper()}{gloss[1:]} {who or 'unnamed source'}"
    plural = plural or agreement_of(tt, speaker, lex) == "mp"
    who = who[:1].upper() + who[1:] if who else "Unnamed source"
    return f"{who} {verb_phrase(gloss, plural, negated, phrase_cue)}"
