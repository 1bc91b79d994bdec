"""Noun phrases read once for two readings, and names looked up again: the shortcuts give
what the plain readings give.

A speaker noun's mention weighs its split-nouns phrase against the same phrase read in
object mode; ``noun_phrase_readings`` walks the words once for both. ``spelled`` keeps
where a word is spelled with the text. Both must answer exactly as before, at every token
of sentences written for these tests.
"""

from __future__ import annotations

import pytest

from claimx.extraction.lexicon import load_lexicon
from claimx.extraction.phrase import clause_verb_end, noun_phrase, noun_phrase_readings, spelled
from claimx.extraction.tokenize import TokenizedText
from claimx.extraction.words import CONJUNCTIONS

SENTENCES = [
    "قدمت الجمعية الخيرية شكوى ضد البلدية أمس.",
    "نفى مصدر في الجيش وقوع إصابات بين الجنود.",
    "نفت مصادر في \"حزب الأمة\" وجود خلافات داخل الحزب.",
    "أكد الرئيس الفرنسي ماكرون دعمه للاتفاق الجديد.",
    "نفت قطر الاتهامات التي وجهتها إليها الدول المجاورة.",
    "نفى مصدر دبلوماسي مسؤول وجود مفاوضات سرية.",
    "قال رئيس البحوث في منظمة الصحة العالمية إن الوباء تراجع.",
    "أعلن المدرب كريم الحلو استقالته، وأضاف الحلو أنه راض.",
    "لم يحدد المصدر عدد الموقوفين في الحادث.",
    "قال الباحث بجامعة القاهرة سامي الحداد إن النتائج مشجعة.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_one_walk_gives_both_readings(sentence: str) -> None:
    tt, lex = TokenizedText(sentence), load_lexicon()
    limit = len(tt.tokens)
    for i in range(limit):
        full = noun_phrase(tt, i, limit, lex, set(), split_nouns=True)
        short = noun_phrase(tt, i, limit, lex, set(), object_mode=True, split_nouns=True)
        assert noun_phrase_readings(tt, i, limit, lex, set()) == (full, short), i


def test_an_object_ends_only_the_object_reading() -> None:
    tt, lex = TokenizedText("قدمت الجمعية الخيرية شكوى ضد البلدية."), load_lexicon()
    full, short = noun_phrase_readings(tt, 1, len(tt.tokens), lex, set())
    assert short == (1, 3)  # «الجمعية الخيرية»: «شكوى» starts the object
    assert full == (1, 6)  # read with split nouns only, the phrase goes on to «البلدية»


def _scanned(tt: TokenizedText, word: str, first: int, last: int) -> list[int]:
    spellings = {word, *(c + word for c in CONJUNCTIONS)}
    return [t.index for t in tt.tokens[first:last] if t.norm in spellings]


def test_spelled_finds_what_a_scan_finds_in_any_window() -> None:
    tt = TokenizedText(
        "قال سامي الحداد إن الحداد لن يترشح. وأضاف الحداد أن فالحداد والحداد اسم واحد."
    )
    n = len(tt.tokens)
    for first, last in [(0, n), (0, 3), (3, n), (5, 9), (n, n + 5), (2, 2)]:
        found = [t.index for t in spelled(tt, "الحداد", first, last)]
        assert found == _scanned(tt, "الحداد", first, last)
    assert [t.index for t in spelled(tt, "مرزوق", 0, n)] == []


def test_clause_verb_ends_a_relay_phrase_after_a_definite_word() -> None:
    lex = load_lexicon()
    tt = TokenizedText("حسب التقارير الأخيرة تسعى الحكومة إلى البناء.")
    assert clause_verb_end(tt, (1, 5), lex) == (1, 3)  # «تسعى» opens the clause
    tt = TokenizedText("حسب المتحدث يوسف العلي فإن الحكومة تبني.")
    assert clause_verb_end(tt, (1, 4), lex) == (1, 4)  # a title's name, not a verb


def test_a_question_word_or_an_exception_ends_a_noun_phrase() -> None:
    """«سأله الشرطي لماذا ...»، «كشفت ميتشيل وزملاؤها كيف ...»: the question opens what is
    asked or told; «إلا» opens what is excepted and is no noun phrase itself."""
    lex = load_lexicon()

    def phrase(text: str, i: int) -> str | None:
        tt = TokenizedText(text)
        found = noun_phrase(tt, i, len(tt.tokens), lex, set())
        return found and " ".join(t.text for t in tt.tokens[found[0] : found[1]])

    assert phrase("سأله الشرطي لماذا يتجول في الشوارع.", 1) == "الشرطي"
    assert phrase("وكشفت ميتشيل وزملاؤها كيف أن المركب فعال.", 1) == "ميتشيل وزملاؤها"
    assert phrase("لن ترى إلا آثارهم.", 2) is None
