"""Tokenization (CAMeL Tools) aligned to character offsets, plus sentence segmentation.

The normalised form of a token is used only for matching against the lexicons;
every offset claimx reports points into the original text.
"""

from __future__ import annotations

from functools import lru_cache

from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)

from claimx.model import Token

# Invisible marks scraped news carries inside words: tatweel, zero-width and bidi controls.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u0640\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069\ufeff\u00ad",
    ),
    None,
)

SENTENCE_END = frozenset({".", "؟", "?", "!", "…"})
CLAUSE_MARKS = frozenset({"،", ",", "؛", ";", ":", "-", "–", "—"})
OPEN_QUOTES = frozenset({"«", "“", "„"})
CLOSE_QUOTES = frozenset({"»", "”"})
STRAIGHT_QUOTES = frozenset({'"', "＂"})
QUOTES = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES | {"'"}
PUNCTUATION = SENTENCE_END | CLAUSE_MARKS | QUOTES | frozenset("()[]{}/\\…*•|")


@lru_cache(maxsize=200_000)
def normalize(word: str) -> str:
    """Fold spelling variants (hamza on alef, ta marbuta, alef maqsura, diacritics)."""
    word = normalize_unicode(word).translate(_INVISIBLE)
    word = dediac_ar(word)
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(word)))


def tokenize(text: str) -> list[Token]:
    """CAMeL's simple_word_tokenize, with each token located in ``text`` by a moving cursor."""
    tokens: list[Token] = []
    append = tokens.append
    find = text.find
    cursor = 0
    for piece in simple_word_tokenize(text):
        start = find(piece, cursor)
        if start < 0:  # not a substring (should not happen); skip rather than misreport
            continue
        cursor = start + len(piece)
        append(Token(piece, start, cursor, normalize(piece), len(tokens)))
    return tokens


def is_punct(token: Token) -> bool:
    return token.norm in PUNCTUATION or (not token.norm.strip() and bool(token.text))


def quote_pairs(text: str, tokens: list[Token]) -> dict[int, int]:
    """Pair opening and closing quotation tokens (index → partner index), paragraph by paragraph.

    Straight quotes are read as opening or closing from the spacing around them, so a
    stray quote does not swallow the rest of a paragraph.
    """
    pairs: dict[int, int] = {}
    stack: list[int] = []
    previous_end = 0
    for tok in tokens:
        if tok.text not in QUOTES:
            continue
        if stack and "\n" in text[previous_end : tok.start]:
            stack.clear()
        previous_end = tok.end
        role = _quote_role(text, tok)
        if role == "open":
            stack.append(tok.index)
        elif role == "close" and stack:
            opener = stack.pop()
            pairs[opener] = tok.index
            pairs[tok.index] = opener
    return pairs


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


def sentence_ids(text: str, tokens: list[Token], quotes: dict[int, int]) -> list[int]:
    """Sentence number of each token: breaks at end punctuation outside quotes and at newlines.

    «..» does not end a sentence (see ``is_ellipsis_dot``); content reads it as a clause break.
    """
    ids: list[int] = []
    current = 0
    inside_until = -1  # index of the closing quote we are inside, if any
    ended = False  # the previous token closed a sentence
    previous_end = 0
    for tok in tokens:
        is_end = (
            tok.text in SENTENCE_END
            and not _is_decimal_point(text, tok)
            and not is_ellipsis_dot(text, tok)
        )
        if ended and is_end:  # ".." and "?!" stay with the sentence they close
            ids.append(current - 1)
            previous_end = tok.end
            continue
        if ids and not ended and "\n" in text[previous_end : tok.start]:
            current += 1
            inside_until = -1
        ended = False
        ids.append(current)
        previous_end = tok.end
        if tok.index < inside_until:
            continue
        partner = quotes.get(tok.index)
        if partner is not None and partner > tok.index:
            inside_until = partner
        elif is_end:
            current += 1
            ended = True
    return ids


def is_ellipsis_dot(text: str, tok: Token) -> bool:
    """A dot of «..» or «...»: in Arabic news a pause inside a sentence, not its end."""
    if tok.text != ".":
        return False
    return text[tok.end : tok.end + 1] == "." or text[tok.start - 1 : tok.start] == "."


def _is_decimal_point(text: str, tok: Token) -> bool:
    before = text[tok.start - 1] if tok.start > 0 else ""
    after = text[tok.end] if tok.end < len(text) else ""
    return tok.text == "." and before.isdigit() and after.isdigit()


class TokenizedText:
    """A text with its tokens, quotation pairs and sentence numbers: the input of cue detection."""

    __slots__ = ("text", "tokens", "quotes", "sentence_of", "_sentence_bounds", "_paragraph_of")

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = tokenize(text)
        self.quotes = quote_pairs(text, self.tokens)
        self.sentence_of = sentence_ids(text, self.tokens, self.quotes)
        bounds: dict[int, list[int]] = {}
        for tok, sent in zip(self.tokens, self.sentence_of, strict=True):
            bounds.setdefault(sent, [tok.index, tok.index + 1])[1] = tok.index + 1
        self._sentence_bounds = bounds
        self._paragraph_of = _paragraph_ids(text, self.tokens)

    @property
    def n_sentences(self) -> int:
        return len(self._sentence_bounds)

    def sentence_bounds(self, index: int) -> tuple[int, int]:
        """First and one-past-last token index of the sentence holding token ``index``."""
        first, last = self._sentence_bounds[self.sentence_of[index]]
        return first, last

    def paragraph_of(self, index: int) -> int:
        return self._paragraph_of[index] if index < len(self._paragraph_of) else -1


def _paragraph_ids(text: str, tokens: list[Token]) -> list[int]:
    ids: list[int] = []
    current = 0
    previous_end = 0
    for tok in tokens:
        if "\n" in text[previous_end : tok.start]:
            current += 1
        ids.append(current)
        previous_end = tok.end
    return ids
