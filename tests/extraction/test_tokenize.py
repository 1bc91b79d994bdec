"""claimx's tokenizer gives CAMeL's ``simple_word_tokenize`` tokens, with their offsets.

claimx walks CAMeL's rule itself (so as to keep the positions), which these tests hold to
CAMeL's own output. The property tests (tests/extraction/test_properties.py) compare them again on
generated text, and the dev corpus is compared when ../shared/corpus is present.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from camel_tools.tokenizers.word import simple_word_tokenize

from claimx.extraction.tokenize import tokenize

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
