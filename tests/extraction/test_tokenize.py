"""claimx's tokenizer gives CAMeL's ``simple_word_tokenize`` tokens, with their offsets.

claimx walks CAMeL's rule itself (so as to keep the positions), which these tests hold to
CAMeL's own output: text without emoji sequences or characters above U+FFFF is cut in one
stdlib pass, the rest walked with CAMeL's pattern, and both paths are compared here on
random text. The property tests (tests/extraction/test_properties.py) compare them again on
generated text, and the dev corpus is compared when ../shared/corpus is present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize
from camel_tools.utils.dediac import dediac_ar as camel_dediac_ar
from camel_tools.utils.normalize import (
    normalize_alef_ar,
    normalize_alef_maksura_ar,
    normalize_teh_marbuta_ar,
    normalize_unicode,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimx.extraction import tokenize as tokenizer
from claimx.extraction.tokenize import EDGE_MARKS, dediac_ar, normalize, tokenize

DEV = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "dev.jsonl"

TRICKY = {
    "arabic": "قال الوزير: «الطريق مغلق»، وأضاف أنّ الجسر (الجديد) سيُفتح غداً.",
    "digits": "ارتفع السعر 12.5% في 2024، أي 3,000 دينار.",
    "emoji": "قالت الوزيرة 👍🏽 إن الخطة 🇸🇾 ناجحة 👨\u200d👩\u200d👧 #عاجل *مهم*",
    "keycap": "الخيار 1\ufe0f\u20e3 أو 2\u20e3 أو #\ufe0f\u20e3",
    "symbols": "السعر $5 أو ٥€ ©2024 ±3 <b>نص</b> a+b=c",
    "invisible": "قال\u200f الوزير\u200d إن\u2068 الطريق\u2069 مغلق\u0640",
    "python whitespace": "قال\x1cالوزير\x1dإن\x1eالطريق\x1fمغلق\u3000حقا\u2028جدا\xa0",
    "no whitespace": "«قال»،«نفى»؛(أكد)...؟!",
    "tags": "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f علم",
    "astral": "قال 𝐀𝐁 و𝟏𝟐 \U0001d11e الموسيقى \U00020000 هان \U0001f600الوزير",
    "zwj alone": "قال\u200dالوزير \u200d إن\u200d",
    "fe0f alone": "نعم\ufe0f ©\ufe0f ♥\ufe0fحب ،\ufe0f",
    "20e3 alone": "رقم 5\u20e3 و#\u20e3 و\u20e3 x\u20e3",
    "bidi marks": "\u202bقال الوزير\u202c «\u2067نعم\u2069» \u200e(\u200fلا\u200f)",
    "tatweel": "قـــال الـوزير: «نعـم»ـ ـ",
    "mixed scripts": "قال Macron إن «la France» 中文 ру́сский हिन्दी ١٢٣ 4.5% ￥",

    "empty": "",
    "spaces only": " \n\t ",
}


@pytest.mark.parametrize("text", TRICKY.values(), ids=TRICKY.keys())
def test_tokens_are_camel_tokens_at_their_offsets(text: str) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == simple_word_tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.index for t in tokens] == list(range(len(tokens)))


def test_a_word_glued_to_punctuation_is_split_with_exact_offsets() -> None:
    text = "قال:«نعم»."
    assert [(t.text, t.start, t.end) for t in tokenize(text)] == [
        ("قال", 0, 3), (":", 3, 4), ("«", 4, 5), ("نعم", 5, 8), ("»", 8, 9), (".", 9, 10),
    ]


def test_tokens_carry_a_normalised_form_for_matching() -> None:
    [tok] = tokenize("أكّـدَ")
    assert tok.text == "أكّـدَ"
    assert tok.norm == "اكد"


@pytest.mark.skipif(not DEV.exists(), reason="../shared/corpus is not beside the repository")
def test_dev_corpus_tokens_are_camel_tokens() -> None:
    with DEV.open(encoding="utf-8") as f:
        texts = [json.loads(line)["text"] for line in f if line.strip()]
    for text in texts:
        assert [t.text for t in tokenize(text)] == simple_word_tokenize(text)


@pytest.mark.parametrize("links", [1, 2, 3, 4, 5, 9, 10, 11, 12, 20])
def test_runs_of_joined_emoji_are_split_as_camel_splits_them(links: int) -> None:
    """claimx bounds CAMeL's emoji-sequence pattern (a long run cost quadratic time); runs
    around the bound still give CAMeL's tokens."""
    for unit in ("👨\u200d", "👩🏽\u200d", "🏳\ufe0f\u200d", "1\ufe0f\u20e3\u200d"):
        run = unit * links
        for text in (run, run + "👧", "قال" + run + "الوزير", f"«{run}» قال"):
            assert [t.text for t in tokenize(text)] == simple_word_tokenize(text), ascii(text)


def test_every_quotation_and_end_mark_is_among_the_symbols() -> None:
    """Quotation pairing and sentence splitting read only the split-off symbols."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from claimx.extraction.tokenize import QUOTES, SENTENCE_END, tokenize_with_symbols

    alphabet = st.sampled_from(list("\"'«»“”‘’.!?؟…,،؛:()-") + [" ", "\n", "قال", "ن", "a", "1"])

    @settings(max_examples=300, deadline=None)
    @given(st.lists(alphabet, max_size=40).map("".join))
    def check(text: str) -> None:
        tokens, marks = tokenize_with_symbols(text)
        marked = set(marks)
        assert all(t.index in marked for t in tokens if t.text in QUOTES | SENTENCE_END)

    check()
    for text in TRICKY.values():
        tokens, marks = tokenize_with_symbols(text)
        assert all(t.index in set(marks) for t in tokens if t.text in QUOTES | SENTENCE_END)


# Characters that exercise both paths: Arabic, Latin, digits, punctuation of many blocks,
# symbols, emoji and their modifiers, joiners, variation selectors, keycaps, tag
# characters, bidi and zero-width marks, tatweel and several kinds of whitespace.
_PIECES = st.sampled_from(
    list("قالوزيرنعمإأآىةـًٌٍَُِّْٰ")
    + list("abcXYZ0123456789٠١٢٣#*")
    + list(".,،؛;:!?؟…«»“”„\"'()[]{}-–—/\\%$€©®™•|~^`@&_+=<>")
    + list(" \n\t\r\xa0\u3000\u2028\x1c")
    + list(sorted(EDGE_MARKS)) + ["\ufe0f", "\u20e3", "\ufdfc", "\ufb50", "\ufe8d"]
    + ["👍", "🏽", "👨", "👩", "🇸", "🇾", "🏳", "\U000e0067", "\U000e007f", "𝐀", "\U00020000"]
)
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=400, deadline=None, database=None)
@given(_TEXT)
@example("👨\u200d👩 قال")
@example("1\ufe0f\u20e3 و#\u20e3")
@example("\u200f«قال»\u200e")
def test_random_text_gives_camel_tokens_on_either_path(text: str) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == simple_word_tokenize(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)
    assert [t.norm for t in tokens] == [normalize(t.text) for t in tokens]
    # The walk with CAMeL's pattern, which text with sequences takes, agrees with the
    # one-pass cut on any text.
    words, starts, marks = tokenizer._split_sequences(text)
    assert (words, starts, marks) == tuple(tokenizer._split(text)[i] for i in (0, 1, 3))


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=30))
def test_any_code_points_give_camel_tokens(text: str) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == simple_word_tokenize(text)
    words, starts, marks = tokenizer._split_sequences(text)
    assert (words, starts, marks) == tuple(tokenizer._split(text)[i] for i in (0, 1, 3))


def _camel_normal_form(word: str) -> str:
    word = normalize_unicode(word).translate(tokenizer._INVISIBLE)
    word = camel_dediac_ar(word)
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(word)))


@settings(max_examples=400, deadline=None, database=None)
@given(_TEXT | st.text(max_size=12))
@example("\ufdfc\ufdfd")
@example("أإآٱىة")
@example("\u0627\u0653")  # alef and a combining madda: NFKC composes «آ», then folded
def test_normal_forms_are_camels_normalisers_composed(word: str) -> None:
    assert normalize(word) == _camel_normal_form(word)
    assert dediac_ar(word) == camel_dediac_ar(word)


_WORDS = st.sampled_from(["قال", "مرزوق", "ومرزوق", "الوزير", "«", "،", "إن"])


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(_WORDS, max_size=60), st.sets(_WORDS, max_size=8),
       st.integers(0, 70), st.none() | st.integers(0, 70))
def test_words_are_found_where_a_reading_token_by_token_finds_them(
        words: list[str], wanted: set[str], first: int, last: int | None) -> None:
    """«مرزوق»، «ومرزوق» between two indices: the indices a token-by-token reading gives,
    in order, whatever the number of words asked for."""
    tt = tokenizer.TokenizedText(" ".join(words))
    normal = {normalize(w) for w in wanted}
    expected = [t.index for t in tt.tokens[first:last] if t.norm in normal]
    assert tt.indices_of(normal, first, last) == expected
    assert tt.indices_of(frozenset(normal), first, last) == expected
    many = normal | {f"word{k}" for k in range(10)}
    assert tt.indices_of(many, first, last) == expected


def test_the_dot_of_an_abbreviated_title_ends_no_sentence() -> None:
    """«د. سامي»، «أ.د. سامي»: the title's dot is not a full stop; a dot after a word is."""
    text = "وقال د. سامي الحلو إن المرض نادر. وأضاف أ.د. منى أن العلاج متوفر."
    tt = tokenizer.TokenizedText(text)
    assert tt.n_sentences == 2
    assert tokenizer.TokenizedText("وصل الوفد. د. سامي الحلو استقبله.").n_sentences == 2


def test_a_decimal_point_before_a_direction_mark_ends_no_sentence() -> None:
    """«3.\u200f7 مليار»: scraped figures carry a right-to-left mark after the point."""
    assert tokenizer.TokenizedText("وقال إن العدد 3.\u200f7 مليار نسمة.").n_sentences == 1
