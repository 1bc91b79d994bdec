"""The lexicon's cue words: the forms a cue can start on are stored, a form with one more
leading و/ف is recognised at lookup, and a و/ف that belongs to the root («وصف»، «فند») is
never mistaken for a conjunction."""

from __future__ import annotations

from claimx.extraction.lexicon import conjoined, load_lexicon


def test_a_verb_form_with_one_more_conjunction_is_a_cue_word_but_not_stored() -> None:
    lex = load_lexicon()
    assert "ليؤكد" in lex.verbs  # purpose لـ on «يؤكد»
    assert "فليؤكد" not in lex.cue_words  # ف on top of it: no verb form, so not stored
    assert lex.is_cue_word("فليؤكد") and lex.is_cue_word("ليؤكد")
    assert lex.is_cue_word("وفقال") and not lex.is_cue_word("فلقال")


def test_a_root_waw_or_fa_is_kept_with_the_word() -> None:
    lex = load_lexicon()
    for verb in ("وصف", "فند"):  # describe, refute: و and ف are root letters
        assert verb in lex.cue_words and lex.is_cue_word(verb)
        assert not lex.is_cue_word(verb[1:])  # «صف»، «ند» are no cue words
        assert lex.is_cue_word("و" + verb)  # «ووصف»، «وفند»: the conjunction before it
    for word in ("وصل", "فاز"):  # arrived, won: the rest («صل»، «از») is no cue word
        assert not lex.is_cue_word(word)


def test_cue_words_are_the_stored_forms_with_and_without_a_conjunction() -> None:
    lex = load_lexicon()
    starts = set(lex.verbs) | set(lex.phrases_by_pair) | set(lex.formulas)
    every = conjoined(starts) | set(lex.verbal_nouns)
    assert lex.cue_words <= every
    assert all(lex.is_cue_word(word) for word in every)
    others = {c + word for word in every for c in ("و", "ف")} - every
    assert others and not any(lex.is_cue_word(word) for word in others)
