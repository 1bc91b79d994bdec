"""Tokenization (CAMeL Tools) aligned to character offsets, plus sentence segmentation.

The normalised form of a token is used only for matching against the lexicons;
every offset claimx reports points into the original text.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Container, Hashable, Iterable
from functools import cache, partial
from itertools import accumulate, chain, compress
from operator import add, methodcaller, sub
from typing import TYPE_CHECKING, Any, TypeVar

from claimx.extraction import camel_symbols
from claimx.extraction.words import TITLE_ABBREVIATIONS
from claimx.model import Token

if TYPE_CHECKING:
    import regex

# Zero-width and bidi marks: scraped text carries them at word edges; spans leave them out.
EDGE_MARKS = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    "\u2066\u2067\u2068\u2069\ufeff\u00ad"
)
# ... and, with tatweel, what matching ignores inside words.
_INVISIBLE = dict.fromkeys(map(ord, "\u0640" + "".join(sorted(EDGE_MARKS))), None)


# The code points of Arabic news: Basic Latin, Latin-1, Arabic, and general punctuation («“»).
_COMMON_BLOCKS = ((0x0000, 0x06FF), (0x2000, 0x206F))
_COMMON = tuple(chain.from_iterable(range(first, last + 1) for first, last in _COMMON_BLOCKS))


def translation_table(mapping: dict[int, str | None]) -> dict[int, int | str | None]:
    """``mapping`` for ``str.translate``, with every common character it leaves mapped to
    itself: translating a character the table lacks raises and catches a KeyError, which
    each of «و» and «ز» of «الوزير» would cost (a rare one is still left as it is)."""
    return {**{code: code for code in _COMMON}, **mapping}


SENTENCE_END = frozenset({".", "؟", "?", "!", "…"})
COMMAS = frozenset({"،", ","})
CLAUSE_MARKS = COMMAS | frozenset({"؛", ";", ":", "-", "–", "—"})
OPEN_QUOTES = frozenset({"«", "“", "„"})
CLOSE_QUOTES = frozenset({"»", "”"})
STRAIGHT_QUOTES = frozenset({'"', "＂"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES | {"'"}
PUNCTUATION = SENTENCE_END | CLAUSE_MARKS | QUOTES | frozenset("()[]{}/\\…*•|")

# CAMeL's own pattern and symbol set, so that the tokens are simple_word_tokenize's by
# construction (tests/test_tokenize.py compares the two on random and real text); read
# from claimx's cache, since computing them is most of a short run's start-up.
_CAMEL = camel_symbols.installed()
# ``dediac_ar``: CAMeL's Arabic diacritics, removed.
ARABIC_DIACRITICS = _CAMEL.diacritics
_DIACRITICS = dict.fromkeys(map(ord, ARABIC_DIACRITICS), None)
_DIACRITICS_TABLE = translation_table(_DIACRITICS)


def dediac_ar(text: str) -> str:
    """camel_tools' ``dediac_ar`` (which would import its code-point tables)."""
    return text.translate(_DIACRITICS_TABLE)


# CAMeL's ``normalize_unicode`` spells out two ligatures, then applies NFKC.
_LIGATURES = {0xFDFC: "ريال", 0xFDFD: "بسم الله الرحمن الرحيم"}
# Then, as one table (each is a change of single characters into characters none of the
# others changes): invisible marks and tatweel out; diacritics out (``dediac_ar``); alef
# with hamza or madda to bare alef (``normalize_alef_ar``); alef maqsura to ya and ta
# marbuta to ha (``normalize_alef_maksura_ar``, ``normalize_teh_marbuta_ar``).
_FOLD = {
    **_INVISIBLE,
    **_DIACRITICS,
    **dict.fromkeys(map(ord, "\u0625\u0623\u0671\u0622"), "\u0627"),
    0x0649: "\u064a",
    0x0629: "\u0647",
}
_FOLD_TABLE = translation_table(_FOLD)


def normalize(word: str) -> str:
    """Fold spelling variants (hamza on alef, ta marbuta, alef maqsura, diacritics): CAMeL's
    ``normalize_unicode``, ``dediac_ar`` and Arabic normalisers, in one pass."""
    if "\ufdfc" in word or "\ufdfd" in word:  # «﷼»: the ligatures, seldom met
        word = word.translate(_LIGATURES)
    return unicodedata.normalize("NFKC", word).translate(_FOLD_TABLE)


def _bounded(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """CAMeL's pattern with its run of zero-width-joined emoji bounded. A run longer than
    any symbol CAMeL lists is never split off, bounded or not; unbounded, every position of
    a long run matched the rest of it, which made a run of joined emoji quadratic (in
    CAMeL's own tokenizer too: 20,000 of them took 52 s)."""
    import regex

    loop = "))*)|"  # the end of ``(?:\u200D(?:...))*``, once in CAMeL's pattern
    if pattern.pattern.count(loop) != 1:
        raise RuntimeError("unexpected camel_tools tokenizer pattern; claimx needs updating")
    longest = max(map(len, _CAMEL.symbols))
    bounded = pattern.pattern.replace(loop, f")){{0,{longest}}})|")
    return regex.compile(bounded, pattern.flags)


_SYMBOLS_RE: regex.Pattern[str] | None = None  # compiled (with ``regex``) when first needed


def _symbols_re() -> regex.Pattern[str]:
    global _SYMBOLS_RE
    if _SYMBOLS_RE is None:
        import regex

        _SYMBOLS_RE = _bounded(regex.compile(_CAMEL.pattern, _CAMEL.flags))
    return _SYMBOLS_RE


# stdlib ``\S`` is exactly ``not str.isspace()``, the rule of the ``str.split`` CAMeL uses.
_WORD = re.compile(r"\S+")

# Text with none of these has no symbol longer than one character (see camel_symbols), and
# CAMeL's rule there is: whitespace separates, and each character of ``_CAMEL.lone`` stands
# alone. One stdlib pass cuts such text into tokens, each with the whitespace before it.
_SEQUENCES = re.compile(f"[{camel_symbols.SEQUENCE_MARKS}\U00010000-\U0010ffff]")
_LONE = _CAMEL.lone


def _pieces_pattern(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    """Whitespace, then one lone symbol of ``ranges`` or a run of other characters."""
    lone = "".join(
        re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
        for a, b in ranges
    )
    return re.compile(rf"\s*(?:[{lone}]|[^\s{lone}]+)")


# Compiling the class of all the lone symbols (thousands, most of them signs and pictographs)
# is a sizeable part of a short run's start-up; text within the common code points (all but a
# few articles of news) can only hold the two hundred or so among them, whose class compiles
# in a fraction of the time.
_OUTSIDE_COMMON = re.compile(
    "[^" + "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" for a, b in _COMMON_BLOCKS) + "]"
)
_COMMON_PIECES = _pieces_pattern([
    (max(a, lo), min(b, hi)) for lo, hi in _COMMON_BLOCKS
    for a, b in _CAMEL.lone_ranges if a <= hi and b >= lo
])


@cache
def _all_pieces() -> re.Pattern[str]:
    """The cut for text beyond the common code points («ﺍ», a presentation form; «€»)."""
    return _pieces_pattern(_CAMEL.lone_ranges)


def bare_words(text: str) -> str:
    """The words as spelled, without diacritics, tatweel, invisible marks or extra spaces:
    «بحسبِ» → «بحسب», «وفقـاً» → «وفقا» (a phrase cue's citation form)."""
    return " ".join(dediac_ar(text.translate(_INVISIBLE)).split())


def tokenize(text: str) -> list[Token]:
    """CAMeL's simple_word_tokenize, with offsets: split on whitespace, then split off every
    symbol, punctuation mark and emoji that CAMeL's pattern matches and its set lists.

    simple_word_tokenize returns bare strings; finding them again in the text cost more
    than tokenizing, so this walks the same rule once and keeps the positions.
    """
    return tokenize_with_symbols(text)[0]


def tokenize_with_symbols(text: str) -> tuple[list[Token], list[int]]:
    """The tokens, and the indices of those split off as symbols: every punctuation mark and
    quotation mark is one, so the passes that look for them need not read every word."""
    words, starts, ends, marks = _split(text)
    return _build(words, starts, ends)[0], marks


def _split(text: str) -> tuple[list[str], list[int], list[int], list[int]]:
    """The token strings, their start and end offsets, and the indices of the symbols among
    them."""
    if _SEQUENCES.search(text) is not None:
        words, starts, marks = _split_sequences(text)
        return words, starts, list(map(add, starts, map(len, words))), marks
    pieces_of = _COMMON_PIECES if _OUTSIDE_COMMON.search(text) is None else _all_pieces()
    pieces = pieces_of.findall(text)  # contiguous from the start: each ends where a token does
    words = list(map(str.lstrip, pieces))  # ``str.lstrip`` strips what ``\s`` matches
    ends = list(accumulate(map(len, pieces)))
    starts = list(map(sub, ends, map(len, words)))
    marks = list(compress(range(len(words)), map(_LONE.__contains__, words)))
    return words, starts, ends, marks


def _build(words: list[str], starts: list[int], ends: list[int]) -> tuple[list[Token], list[str]]:
    """The tokens and their normal forms, built from parallel lists with no Python code run
    per token (but ``normalize`` for a word not seen yet)."""
    norms = list(map(_NORMALIZED.__getitem__, words))
    fields = zip(words, starts, ends, norms, range(len(words)), strict=True)
    return list(map(_new_token, fields)), norms


def _split_sequences(text: str) -> tuple[list[str], list[int], list[int]]:
    """CAMeL's rule walked word by word, for text with emoji sequences (joined, with a
    variation selector or keycap) or characters above U+FFFF, where a symbol may be longer
    than a character."""
    words: list[str] = []
    starts: list[int] = []
    marks: list[int] = []
    symbols = _symbol_spans(text)
    symbols.append((len(text), len(text)))  # a sentinel: no symbol starts inside a word
    s = 0  # the next symbol
    for word in _WORD.finditer(text):
        start, end = word.span()
        while symbols[s][0] < end:
            first, last = symbols[s]
            if first != start:
                words.append(text[start:first])
                starts.append(start)
            marks.append(len(words))
            words.append(text[first:last])
            starts.append(first)
            start = last
            s += 1
        if start < end:
            words.append(text[start:end])
            starts.append(start)
    return words, starts, marks


def _symbol_spans(text: str) -> list[tuple[int, int]]:
    """Where CAMeL splits a symbol off a word. CAMeL tries its pattern at every position of
    every word and keeps a match only if its set lists it, else moves on one character;
    searching the whole text does the same, since no match can span whitespace."""
    spans: list[tuple[int, int]] = []
    search = _symbols_re().search
    symbols = _CAMEL.symbols
    pos = 0
    while (match := search(text, pos)) is not None:
        if match[0] in symbols:
            spans.append(match.span())
            pos = match.end()
        else:
            pos = match.start() + 1
    return spans


_starts_with_article = methodcaller("startswith", "ال")

# ``Token(...)`` runs a Python-level ``__new__``; this builds the same named tuple in C.
_new_token = partial(tuple.__new__, Token)


_MEMO_SIZE = 200_000
_T = TypeVar("_T")


class WordMemo(dict[str, _T]):
    """A memo of a function of one word, read as ``memo[word]``: the words of news come
    again and again, and a dict's own lookup runs no Python code (where an ``lru_cache``
    hit first packs its argument into a tuple)."""

    __slots__ = ("_function",)

    def __init__(self, function: Callable[[str], _T]) -> None:
        super().__init__()
        self._function = function

    def __missing__(self, word: str) -> _T:
        if len(self) >= _MEMO_SIZE:
            self.clear()
        value = self[word] = self._function(word)
        return value


_NORMALIZED = WordMemo(normalize)  # news repeats its words: a dict lookup is the cheapest


def is_name_lookalike(token: Token) -> bool:
    """«علي» (Ali) folds to the preposition «على»; «فان» (van) to «فإن»: the spelling tells."""
    raw = token.text.rstrip("\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652")
    return raw in ("علي", "فان")


def quote_pairs(text: str, tokens: list[Token], breaks: list[int] | None = None,
                marks: list[int] | None = None) -> dict[int, int]:
    """Pair opening and closing quotation tokens (index → partner index), paragraph by paragraph.

    Straight quotes are read as opening or closing from the spacing around them, so a
    stray quote does not swallow the rest of a paragraph. ``breaks`` are the indices of
    tokens that start a new line (computed when not given).
    """
    if breaks is None:
        breaks = line_breaks(text, tokens)
    candidates = range(len(tokens)) if marks is None else marks  # symbols hold every quote
    pairs: dict[int, int] = {}
    stack: list[int] = []
    previous = -1
    for index in [k for k in candidates if tokens[k].text in QUOTES]:
        if stack and bisect_right(breaks, index) != bisect_right(breaks, previous):
            stack.clear()  # a quotation never runs across a paragraph break
        previous = index
        role = _quote_role(text, tokens[index])
        if role is None and tokens[index].text in STRAIGHT_QUOTES:
            # «وأوضح البيان " النساء ... "»: a quote spaced on both sides closes an open
            # straight quote, else opens one
            open_straight = stack and tokens[stack[-1]].text in STRAIGHT_QUOTES
            role = "close" if open_straight else "open"
        if role == "open":
            stack.append(index)
        elif role == "close" and stack:
            opener = stack.pop()
            pairs[opener] = index
            pairs[index] = opener
    return pairs


def line_breaks(text: str, tokens: list[Token], starts: list[int] | None = None) -> list[int]:
    """Indices of the tokens that follow a newline (a paragraph or line break); ``starts``,
    the tokens' start offsets, when the caller has them."""
    found: list[int] = []
    position = text.find("\n")
    while position >= 0:
        if starts is None:
            index = bisect_left(tokens, position, key=_start)
        else:
            index = bisect_left(starts, position)
        if 0 < index < len(tokens) and (not found or found[-1] != index):
            found.append(index)
        position = text.find("\n", position + 1)
    return found


def _start(token: Token) -> int:
    return token.start


def _quote_role(text: str, tok: Token) -> str | None:
    if tok.text in OPEN_QUOTES:
        return "open"
    if tok.text in CLOSE_QUOTES:
        return "close"
    if tok.text not in STRAIGHT_QUOTES:
        return None
    before = text[tok.start - 1] if tok.start > 0 else " "
    after = text[tok.end] if tok.end < len(text) else " "
    space_before = before.isspace() or before in "([«“"
    space_after = after.isspace() or after in ".,،؛;:!?؟)]»”-"
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    if before in "لبوف" or before == "\u0640":  # لـ"الجزيرة", و"قوات"
        return "open"
    return "close" if not space_after or not space_before else None


def sentence_starts(
    text: str, tokens: list[Token], quotes: dict[int, int], breaks: list[int],
    marks: list[int] | None = None,
) -> list[int]:
    """Indices of the tokens that open a sentence: after end punctuation outside quotes, and
    after newlines. «..» does not end a sentence (see ``is_ellipsis_dot``)."""
    n = len(tokens)
    candidates = range(n) if marks is None else marks  # symbols hold every end mark
    events = sorted(
        {k for k in candidates if tokens[k].text in SENTENCE_END} | quotes.keys() | set(breaks)
    )
    break_set = set(breaks)
    starts = [0]
    inside_until = -1  # index of the closing quote we are inside, if any
    for k in events:
        if k in break_set:
            inside_until = -1
            if starts[-1] != k:
                starts.append(k)
        if k < inside_until:
            continue
        partner = quotes.get(k)
        if partner is not None and partner > k:
            inside_until = partner
            continue
        tok = tokens[k]
        if (
            tok.text in SENTENCE_END
            and not _is_decimal_point(text, tok)
            and not is_ellipsis_dot(text, tok)
            and not is_title_dot(tokens, k)
        ):
            nxt = k + 1
            while nxt < n and tokens[nxt].text in SENTENCE_END:  # "?!" stays with its sentence
                nxt += 1
            if nxt < n and starts[-1] < nxt:
                starts.append(nxt)
    return starts


def spread(starts: list[int], n: int) -> list[int]:
    """[0, 3] with n=5 → [0, 0, 0, 1, 1]: the number of the span each index falls in."""
    ids: list[int] = []
    bounds = [*starts, n]
    for number, (first, last) in enumerate(zip(bounds, bounds[1:], strict=False)):
        ids.extend([number] * (last - first))
    return ids


def is_ellipsis_dot(text: str, tok: Token) -> bool:
    """A dot of «..» or «...»: in Arabic news a pause inside a sentence, not its end."""
    if tok.text != ".":
        return False
    return text[tok.end : tok.end + 1] == "." or text[tok.start - 1 : tok.start] == "."


def is_title_dot(tokens: list[Token], k: int) -> bool:
    """The dot of an abbreviated title, «د. سامي الحلو»، «د.الحلو»: it ends no sentence."""
    return (
        tokens[k].text == "."
        and k > 0
        and tokens[k - 1].norm in TITLE_ABBREVIATIONS
        and tokens[k - 1].end == tokens[k].start
    )


def _is_decimal_point(text: str, tok: Token) -> bool:
    """«2.5» and «بي.بي.سي»: a dot between two letters or digits ends no sentence, also
    with an invisible mark after it («3.\u200f7 مليار»)."""
    before = text[tok.start - 1] if tok.start > 0 else ""
    end = tok.end
    while end < len(text) and text[end] in EDGE_MARKS:
        end += 1
    after = text[end] if end < len(text) else ""
    return tok.text == "." and before.isalnum() and after.isalnum()


class TokenizedText:
    """A text with its tokens, quotation pairs and sentence numbers: the input of cue detection."""

    __slots__ = ("text", "tokens", "quotes", "sentence_of", "_sentence_starts", "_paragraph_of",
                 "_norms", "_before_definite", "_places", "memo")

    def __init__(self, text: str) -> None:
        self.text = text
        words, offsets, ends, marks = _split(text)
        self.tokens, self._norms = _build(words, offsets, ends)
        n = len(self.tokens)
        breaks = line_breaks(text, self.tokens, offsets)
        self.quotes = quote_pairs(text, self.tokens, breaks, marks)
        starts = sentence_starts(text, self.tokens, self.quotes, breaks, marks) if n else []
        self._sentence_starts = starts
        self.sentence_of = spread(starts, n) if n else []
        self._paragraph_of = spread([0, *breaks], n) if n else []
        self._before_definite: list[int] | None = None
        self._places: dict[str, list[int]] | None = None
        # What functions of the text alone computed (a mention's content words), kept
        # with it: the text never changes, and a long article asks again and again.
        self.memo: dict[Hashable, Any] = {}

    def indices_of(self, words: Container[str], first: int = 0,
                   last: int | None = None) -> list[int]:
        """The indices, from ``first`` to ``last`` (excluded), of the tokens whose normalised
        form is in ``words``, in order: one pass that runs no Python code per token."""
        norms = self._norms[first:last]
        return list(compress(range(first, first + len(norms)), map(words.__contains__, norms)))

    def places(self, words: Iterable[str]) -> list[int]:
        """The indices of the tokens whose normalised form is one of ``words``, in order,
        from an index of the text's words made when first asked: names are sought again and
        again («الحلبي»، «والحلبي»), and reading the whole text each time made long texts slow."""
        index = self._places
        if index is None:
            index = self._places = {}
            for i, norm in enumerate(self._norms):
                index.setdefault(norm, []).append(i)
        return sorted(chain.from_iterable(index.get(word, ()) for word in words))

    def before_definite(self) -> list[int]:
        """The indices of the tokens followed by a word that starts with the article «ال»:
        the places where a verb opening a clause stands before its subject."""
        if self._before_definite is None:
            definite = map(_starts_with_article, self._norms[1:])
            self._before_definite = list(compress(range(len(self._norms) - 1), definite))
        return self._before_definite

    @property
    def n_sentences(self) -> int:
        return len(self._sentence_starts)

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """First and one-past-last token index of the sentence holding token ``index``."""
        number = self.sentence_of[index]
        starts = self._sentence_starts
        last = starts[number + 1] if number + 1 < len(starts) else len(self.tokens)
        return starts[number], last

    def paragraph_of(self, index: int) -> int:
        return self._paragraph_of[index] if index < len(self._paragraph_of) else -1
