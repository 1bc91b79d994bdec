"""Cue detection on sentences written for these tests: words that only look like cues, cue
verbs and phrases the lexicon lacked, and impersonal passives. One test per construction,
through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, cues_of, text_of


def test_according_to_a_rule_or_plan_is_no_relay() -> None:
    assert cues_of("وبدأت الشركات العمل وفقا للقرارات الجديدة التي أصدرتها الوزارة.") == []
    assert cues_of("وتشكلت الحكومة وفق الدستور الجديد في الشهر الماضي.") == []
    assert cues_of("وستحدد الأسعار حسب الخطة المعتمدة للعام القادم.") == []
    said = by_cue("ووفقا لوكالة الأنباء الرسمية، فإن الوفد وصل إلى العاصمة.", "وفقا")
    assert text_of(said.speaker) == "وكالة الأنباء الرسمية"


def test_hint_and_refute_verbs() -> None:
    hinted = by_cue("لمحت الحكومة أمس إلى تورط جهات خارجية في الهجوم.", "لمحت")
    assert hinted.stance == "allege" and text_of(hinted.speaker) == "الحكومة"
    refuted = by_cue("وفند المتحدث باسم البلدية هذه الرواية جملة وتفصيلا.", "فند")
    assert refuted.stance == "deny"


def test_continuing_participle_before_a_complementizer() -> None:
    text = "وقال رئيس الحزب إن الانتخابات ستجرى في موعدها، متابعا أن الحزب جاهز لها."
    went_on = by_cue(text, "متابعا")
    assert went_on.content.text == "الحزب جاهز لها"
    assert cues_of("وقال المدرب إن متابعا للفريق أصيب في المدرجات.") == ["قال"]


def test_feminine_perfect_of_bayyana_before_a_complementizer() -> None:
    shown = by_cue("وبينت الوزيرة أن الصادرات ارتفعت هذا العام.", "بينت")
    assert shown.stance == "report" and text_of(shown.speaker) == "الوزيرة"


def test_yablugh_reaches_is_no_cue() -> None:
    assert cues_of("واعتقلت الشرطة شابا يبلغ من العمر عشرين عاما في المدينة.") == []
    assert cues_of("وأعلى نسبة للبطالة تبلغ نحو عشرة بالمائة في الجنوب.") == []


def test_cognate_object_of_a_denial_is_no_second_cue() -> None:
    text = "ونفى سالم الهادي نفيا قاطعا الاتهامات الموجهة إليه بامتلاك شركة نفط."
    denied = by_cue(text, "نفى")
    assert cues_of(text) == ["نفى"]
    assert denied.content.text.startswith("الاتهامات")


def test_relay_between_a_cue_and_its_content_is_its_channel() -> None:
    text = 'وأضافت المصادر، وفقا لما أوردته صحيفة "النهار"، أن المشروع سيكتمل قريبا.'
    added = by_cue(text, "أضافت")
    assert cues_of(text) == ["أضافت"]
    assert text_of(added.channel) == 'صحيفة "النهار"'
    assert added.content.text == "المشروع سيكتمل قريبا"


def test_speech_noun_phrases_of_statement_and_assertion() -> None:
    text = "وأوضح المدير أن الحادث خلف ثلاثة جرحى، حسب تصريحه. وأضاف أن الطريق أغلق، وفق تأكيده."
    stated = by_cue(text, "حسب تصريحه")
    assert stated.stance == "report" and text_of(stated.speaker) == "المدير"
    assert by_cue(text, "وفق تأكيده").stance == "assert"


def test_impersonal_imperfect_of_expect_before_its_complementizer() -> None:
    likely = by_cue("وقال الوزير إن الإنتاج ارتفع. ويرجح أن يعلن المجلس قراره غدا.", "يرجح")
    assert likely.stance == "predict" and likely.source is None and likely.speaker is None
    expected = by_cue("ويتوقع الخبراء أن ترتفع الأسعار في الصيف.", "يتوقع")
    assert text_of(expected.speaker) == "الخبراء"


def test_verbal_noun_of_denial_after_a_preposition() -> None:
    text = "ورغم نفي الاستقالة، تؤكد المصادر أن الوزير سيغادر منصبه قريبا."
    assert "نفي" not in cues_of(text)
    assert cues_of("وجاء القرار إثر تشدد الحكومة في منع التهريب.") == []


def test_background_formula_with_a_pronoun_on_its_complementizer() -> None:
    assert cues_of("يذكر أنه تم افتتاح المستشفى قبل عامين.") == []
    assert cues_of("يشار إلى أنها المرة الأولى التي يفوز فيها الفريق.") == []
