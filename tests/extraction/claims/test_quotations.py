"""Direct quotations: after a colon, before their cue («"..."، قال المتحدث»), with dots inside
that end no sentence; a first-person cue inside a quotation («أعتقد») is the speaker's own
voice, not a claim of its own. On sentences written for these tests, through
``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, only, text_of


def test_direct_quote_after_colon() -> None:
    c = only('وقال رئيس الوزراء: "لن نتراجع عن هذا القرار مهما كانت الضغوط".')
    assert c.direct_quote
    assert c.content.text == "لن نتراجع عن هذا القرار مهما كانت الضغوط"
    assert text_of(c.source) == "رئيس الوزراء"


def test_quote_before_its_cue() -> None:
    c = only("«الوضع تحت السيطرة تماما»، قال المتحدث باسم الدفاع المدني.")
    assert c.direct_quote
    assert c.content.text == "الوضع تحت السيطرة تماما"
    assert text_of(c.source) == "المتحدث باسم الدفاع المدني"


def test_double_dot_is_a_pause_not_a_sentence_end() -> None:
    first, second = claims_of("وقال المدير: سنفتتح الفرع الجديد..ونحن متفائلون بالنتائج، "
                              "وعن الخطط المقبلة قال المدير إن التوسع مستمر.")
    assert first.direct_quote
    assert first.content.text == "سنفتتح الفرع الجديد..ونحن متفائلون بالنتائج"
    assert second.content.text == "التوسع مستمر"


def test_abbreviation_dots_end_no_sentence() -> None:
    c = by_cue("وقال الوزير لقناة بي.بي.سي «الاتفاق قريب جدا».", "قال")
    assert c.content.text == "الاتفاق قريب جدا" and c.direct_quote


def test_first_person_cue_inside_a_quotation_is_the_speakers_own_voice() -> None:
    claims = claims_of('وقال المدرب في المؤتمر: "أعتقد أن الفريق جاهز للمباراة".')
    assert [c.cue.text for c in claims] == ["قال"]
    assert claims[0].content.text.startswith("أعتقد")


def test_a_quoted_outlet_name_is_no_quotation() -> None:
    """«"المرصد السوري لحقوق الإنسان"» is a name in quotation marks, not the words said."""
    text = (
        "ففي وقت قال «المرصد السوري لحقوق الإنسان»: «إن انتحاريا فجر نفسه قرب الحاجز»، "
        "قال القيادي الكردي إن الانفجار وقع داخل الحاجز."
    )
    first, second = claims_of(text)
    assert text_of(first.speaker) == "«المرصد السوري لحقوق الإنسان»"
    assert first.content.text == "انتحاريا فجر نفسه قرب الحاجز"
    assert text_of(second.speaker) == "القيادي الكردي"
