"""Prepositional and phrase cues («بحسب ما ذكرت»، «وفقا لـ»، «من وجهة نظر»، «جاء في»، «على حد
تعبيره»، «كما يعتقدون»): the phrase names the source, or points back to the speaker, and the
clause it qualifies is the content. On sentences written for these tests, through
``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, only, text_of


def test_post_posed_prepositional_cue() -> None:
    c = only("ارتفعت أسعار النفط بنسبة خمسة في المئة، بحسب ما ذكرت وكالة بلومبرغ.")
    assert c.stance == "report"
    assert text_of(c.source) == "وكالة بلومبرغ"
    assert c.content.text == "ارتفعت أسعار النفط بنسبة خمسة في المئة"


def test_pre_posed_opinion_cue() -> None:
    c = only("من وجهة نظر المحللين، فإن الأزمة الاقتصادية ستطول.")
    assert c.stance == "opinion"
    assert text_of(c.source) == "المحللين"
    assert c.content.text == "الأزمة الاقتصادية ستطول"


def test_according_to_with_fused_article() -> None:
    c = only("وفقا للمتحدث باسم الجيش، فإن القوات سيطرت على المدينة.")
    assert text_of(c.source) == "للمتحدث باسم الجيش"
    assert c.content.text == "القوات سيطرت على المدينة"


def test_post_posed_phrase_after_a_comma_attributes_the_clause_before() -> None:
    text = "وتم اعتقال ثلاثة أشخاص في المدينة، حسبما ذكر ضابط طلب عدم الكشف عن هويته."
    c = by_cue(text, "حسبما ذكر")
    assert c.content.text == "وتم اعتقال ثلاثة أشخاص في المدينة" or c.content.text.startswith(
        "تم اعتقال"
    )


def test_according_to_a_document() -> None:
    text = "وتعرض التلاميذ للاختناق في المدرسة، وفق ما جاء في نص العريضة."
    c = by_cue(text, "وفق ما جاء في")
    assert text_of(c.source) == "نص العريضة"
    c = by_cue("ووفقا لهذا الرأي، فإن المصطلح قديم جدا.", "وفقا")
    assert text_of(c.source) == "هذا الرأي"


def test_document_as_source_with_jaa_fi() -> None:
    c = by_cue("وجاء في البيان أن الشركة ستوقف الإنتاج مؤقتا.", "جاء في")
    assert text_of(c.source) == "البيان"
    assert c.content.text == "الشركة ستوقف الإنتاج مؤقتا"


def test_document_speaks_through_jaa_fihi_and_views() -> None:
    text = "ونشر الحساب تغريدة جاء فيها «الهدنة انتهت»."
    c = by_cue(text, "جاء فيها")
    assert c.content.text == "الهدنة انتهت" and c.direct_quote
    text = '"الاقتصاد سيتعافى قريبا".. هذه وجهة نظر وزير المالية.'
    c = by_cue(text, "وجهة نظر")
    assert c.stance == "opinion" and text_of(c.source) == "وزير المالية"


def test_speech_noun_phrases_are_generated_for_every_frame() -> None:
    text = "قال النائب إن الحكومة ستسقط قريبا، على حد تعبيره. والقرار باطل وفق زعمه."
    said = by_cue(text, "على حد تعبيره")
    assert said.stance == "report" and said.source is None
    assert text_of(said.speaker) == "النائب"
    assert by_cue(text, "وفق زعمه").stance == "allege"


def test_speech_noun_phrases_of_statement_and_assertion() -> None:
    text = "وأوضح المدير أن الحادث خلف ثلاثة جرحى، حسب تصريحه. وأضاف أن الطريق أغلق، وفق تأكيده."
    stated = by_cue(text, "حسب تصريحه")
    assert stated.stance == "report" and text_of(stated.speaker) == "المدير"
    assert by_cue(text, "وفق تأكيده").stance == "assert"


def test_post_posed_kama_with_a_cue_verb() -> None:
    text = "وقال المحقق إن المجرمين لا يستطيعون الاختباء طويلا كما يعتقدون."
    c = by_cue(text, "يعتقدون")
    assert c.stance == "opinion"
    assert c.content.text.startswith("المجرمين لا يستطيعون الاختباء")


def test_post_posed_kama_is_left_out_of_the_content() -> None:
    text = "وقال المسؤول إن المصنع لم يغلق في الربيع كما ذكرت الصحف المحلية."
    c = by_cue(text, "ذكرت")
    assert text_of(c.speaker) == "الصحف المحلية"
    assert c.content.text == "المصنع لم يغلق في الربيع"
    assert by_cue(text, "قال").content.text.endswith("كما ذكرت الصحف المحلية")


def test_post_posed_phrase_attributes_the_claim_that_takes_in_a_nested_one() -> None:
    text = (
        "وأضاف المدير أن الشركة تنتظر معدات جديدة من المنتظر أن تصل قريبا لتحسين الإنتاج وفق قوله."
    )
    c = by_cue(text, "وفق قوله")
    assert c.content.text.startswith("الشركة تنتظر معدات جديدة")
    assert c.content.text.endswith("لتحسين الإنتاج")


def test_post_posed_phrase_after_a_relative_clause_claim_attributes_the_clause() -> None:
    text = (
        "ترفع الحكومة الضريبة بنسبة عشرين في المئة، متجاوزة النسبة التي أعلنت من قبل "
        "عن احتمال فرضها، بحسب ما أفادت به تقارير."
    )
    c = by_cue(text, "بحسب ما أفادت به")
    assert c.content.text.startswith("ترفع الحكومة الضريبة")


def test_relay_phrase_ends_where_the_clause_verb_starts() -> None:
    text = "وحسب التقارير الأخيرة تسعى الحكومة إلى بناء مصنع جديد في الميناء."
    c = only(text)
    assert text_of(c.source) == "التقارير الأخيرة"
    assert c.content.text.startswith("تسعى الحكومة")


def test_relay_phrase_ends_before_there_is() -> None:
    c = only("وبحسب دراستها هناك نقص كبير في أدوية الأطفال.")
    assert text_of(c.source) == "دراستها"
    assert c.content.text.startswith("هناك نقص")


def test_relay_phrase_keeps_a_quoted_name_and_a_relative_clause() -> None:
    c = by_cue("ارتفعت الأسعار هذا الشهر، وفقا لصحيفة «يوم الرياضة» البريطانية.", "وفقا")
    assert text_of(c.source) == "صحيفة «يوم الرياضة» البريطانية"
    c = by_cue("ارتفعت الأسعار هذا الشهر، بحسب الأرقام التي تنشرها الوزارة.", "بحسب")
    assert text_of(c.source) == "الأرقام التي تنشرها الوزارة"
