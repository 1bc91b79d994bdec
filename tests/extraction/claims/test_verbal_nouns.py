"""Verbal nouns as cues: «قول السعودية إنهما ...»، «تلميحات بأنه ...» are cues because a clause
follows them; «اتهامات بالفساد», «بقوله» after its own verb and «نفي» after a preposition are
not. On sentences written for these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, cues_of, text_of


def test_verbal_noun_with_a_clause_is_a_cue() -> None:
    text = "وارتفعت الأسعار بعد قول السعودية وروسيا إنهما ستزيدان الإنتاج."
    c = by_cue(text, "قول")
    assert text_of(c.source) == "السعودية وروسيا" and c.stance == "report"
    assert c.content.text == "ستزيدان الإنتاج"
    c = by_cue("ورفض الأمير تلميحات بأنه انتقد الحكومة.", "تلميحات")
    assert c.stance == "allege" and c.content.text == "انتقد الحكومة"


def test_verbal_noun_without_a_clause_or_after_its_verb_is_no_cue() -> None:
    assert all(c.cue.text != "اتهامات" for c in claims_of("وواجه الوزير اتهامات بالفساد."))
    text = "واختتم المدرب حديثه بقوله: الفريق جاهز للمباراة."
    assert [c.cue.text for c in claims_of(text)] == ["اختتم"]


def test_verbal_noun_of_denial_after_a_preposition() -> None:
    text = "ورغم نفي الاستقالة، تؤكد المصادر أن الوزير سيغادر منصبه قريبا."
    assert "نفي" not in cues_of(text)
    assert cues_of("وجاء القرار إثر تشدد الحكومة في منع التهريب.") == []


def test_by_saying_is_said_by_the_subject_of_the_verb_it_completes() -> None:
    c = by_cue("وعلق المدرب على الهزيمة بالقول إن الفريق سيعود أقوى.", "بالقول")
    assert text_of(c.speaker) == "المدرب"
    assert c.content.text == "الفريق سيعود أقوى"
