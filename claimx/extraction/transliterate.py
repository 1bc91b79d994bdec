"""A readable Latin spelling of an Arabic name no gazetteer entry or name list glosses.

The scheme (docs/labels.md) follows the simplified spelling of English-language news: no
diacritics or apostrophes, «ال» → "al-", «ة» → "a", long vowels from the letters ا و ي, and
the short vowels Arabic leaves unwritten supplied by a few patterns: a vowel between two
consonants that open a word («سمر» "Samar"), inside three in a row, and before the last
consonant of a short word ending in two («خالد» "Khalid", «يوسف» "Yusuf", «حسن» "Hasan").
"""

from __future__ import annotations

import unicodedata

# consonants as English news spells them; ع and ء are not written but hold a consonant's place
_CONSONANTS = {
    "ب": "b", "ت": "t", "ث": "th", "ج": "j", "ح": "h", "خ": "kh", "د": "d", "ذ": "dh",
    "ر": "r", "ز": "z", "س": "s", "ش": "sh", "ص": "s", "ض": "d", "ط": "t", "ظ": "z",
    "ع": "", "غ": "gh", "ف": "f", "ق": "q", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
    "ء": "", "ؤ": "", "ئ": "", "پ": "p", "چ": "ch", "گ": "g", "ڤ": "v", "ک": "k", "ی": "y",
}
_SHADDA = "\u0651"
_LONG = {"ا": "a", "أ": "a", "إ": "i", "آ": "a", "ى": "a", "ة": "a"}
_GLIDES = {"و": ("w", "u"), "ي": ("y", "i")}  # (as a consonant, as a long vowel)
SHORT_WORD = 4  # letters of an Arabic name of the common patterns («خالد»، «حسن»)
_MARKS = {"\u0640"} | {chr(c) for c in range(0x064B, 0x0653)} - {_SHADDA}


def is_arabic(word: str) -> bool:
    return any("\u0621" <= ch <= "\u064a" for ch in word)


def transliterate(word: str) -> str:
    """«سامي الحداد» word by word: "Sami", "al-Hadad"; a word with no Arabic is kept."""
    if not is_arabic(word):
        return word
    text = "".join(ch for ch in unicodedata.normalize("NFC", word) if ch not in _MARKS)
    article = text.startswith("ال") and len(text) > 3
    body = text[2:] if article else text
    latin = _capital(_spelled(_units(body)))
    return f"al-{latin}" if article else latin


def _units(body: str) -> list[tuple[str, str]]:
    """The word as (kind, letters): C a consonant, V a long vowel."""
    units: list[tuple[str, str]] = []
    for n, ch in enumerate(body):
        if ch == _SHADDA and units and units[-1][0] == "C":
            units.append(units[-1])  # «حدّاد»: the doubled consonant written twice
        elif ch in _LONG:
            if ch in "أإآ" and n and units and units[-1][0] == "C":
                units.append(("C", ""))  # a hamza inside the word holds a consonant's place
            units.append(("V", _LONG[ch]))
        elif ch in _GLIDES:
            units.append(_glide(ch, body, n, units))
        elif ch in _CONSONANTS:
            units.append(("C", _CONSONANTS[ch]))
    return units


def _glide(ch: str, body: str, n: int, units: list[tuple[str, str]]) -> tuple[str, str]:
    """و and ي: a consonant at the start, after a vowel or before one, else a long vowel."""
    consonant, vowel = _GLIDES[ch]
    after_vowel = not units or units[-1][0] == "V"
    before_vowel = n + 1 < len(body) and body[n + 1] in "اأآى"
    return ("C", consonant) if after_vowel or before_vowel else ("V", vowel)


def _spelled(units: list[tuple[str, str]]) -> str:
    """The letters with the short vowels a reader needs between consonants."""
    out: list[str] = []
    for k, (kind, letters) in enumerate(units):
        out.append(letters)
        if kind != "C" or k + 1 >= len(units) or units[k + 1][0] != "C":
            continue
        if k == 0:  # «سمر»، «نبيل»: a word does not open with two consonants
            out.append("a")
        elif k + 2 == len(units) <= SHORT_WORD:  # «خالد»، «يوسف»: nor a short word end with two
            out.append(_closing_vowel(units[k - 1]))
        elif k > 1 and k + 2 < len(units) and units[k + 2][0] == "C" and units[k - 1][0] == "C":
            out.append("a")  # three consonants in a row: «مستشار»
    return "".join(out)


def _closing_vowel(before: tuple[str, str]) -> str:
    """The vowel of a final syllable: «فاعل» "Khalid", «فعول» "Yusuf", else "a"."""
    if before == ("V", "a"):
        return "i"
    if before == ("V", "u"):
        return "u"
    return "a"


def _capital(word: str) -> str:
    return word[:1].upper() + word[1:]
