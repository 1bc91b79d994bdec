"""Speech verbs of news reporting beyond the common ones: doubting (شكك في), hinting
(ألمح إلى), going on (أكمل، زاد، استدرك), explaining and disclosing (شرح، أفصح عن), spreading
and circulating (روّج، تداول), telling (أخبر). Each is a cue only with a content after it.
On sentences written for these tests, through ``claimx.extract``."""

from __future__ import annotations

import pytest
from extraction_helpers import by_cue, claims_of, cues_of, only, text_of


def test_doubting_is_a_denial_of_what_follows_fi() -> None:
    c = only("وشكك المحامي في صحة الأدلة التي قدمتها النيابة.")
    assert c.stance == "deny"
    assert text_of(c.source) == "المحامي"
    assert c.content.text == "الأدلة التي قدمتها النيابة"


def test_doubting_a_clause() -> None:
    c = only("ويشكك خبراء في أن تنجح الخطة في خفض الأسعار.")
    assert c.content.text == "تنجح الخطة في خفض الأسعار"


def test_statement_between_commas_is_not_the_doubted_object() -> None:
    c = only("شكك رئيس الحزب، في تصريح لإذاعة محلية، في نزاهة الانتخابات.")
    assert c.content.text == "نزاهة الانتخابات"


def test_doubting_statements_keeps_them_as_the_object() -> None:
    c = only("وشكك النائب في تصريحات الوزير عن الميزانية.")
    assert c.content.text == "تصريحات الوزير عن الميزانية"


def test_hinting_is_an_allegation() -> None:
    c = only("وألمح المدرب إلى أن بعض اللاعبين سيغادرون الفريق.")
    assert c.stance == "allege"
    assert c.content.text == "بعض اللاعبين سيغادرون الفريق"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ('وأكمل العداء "لا أريد أن أعتزل قبل الألعاب المقبلة".', "أكمل"),
        ('وزاد البيان: "سيتم الإعلان عن التفاصيل لاحقا".', "زاد"),
        ("واستدرك الوزير أن الحكومة لن تتراجع عن الإصلاحات.", "استدرك"),
        ("وشرح المهندس أن الجسر سيغلق أسبوعا.", "شرح"),
        ("وأفصح المدير عن نية الشركة افتتاح فرع جديد.", "أفصح"),
        ("وأخبر الطبيب الأسرة أن حالة المريض مستقرة.", "أخبر"),
    ],
)
def test_going_on_explaining_disclosing_and_telling_report(text: str, cue: str) -> None:
    c = by_cue(text, cue)
    assert c.stance == "report"
    assert c.content is not None


def test_spreading_and_circulating_allege() -> None:
    text = "وروجت جهات مجهولة أن الامتحانات ستؤجل، وتداول ناشطون أن الوزير سيستقيل."
    first, second = claims_of(text)
    assert (first.cue.text, first.stance) == ("روجت", "allege")
    assert first.content.text == "الامتحانات ستؤجل"
    assert (second.cue.text, second.stance) == ("تداول", "allege")


@pytest.mark.parametrize(
    "text",
    [
        "وأكمل الطالب دراسته في الخارج.",
        "وزاد عدد الزوار هذا العام.",
        "ويروج التجار لمنتجاتهم في المعرض.",
        "وتداول المستثمرون الأسهم بحذر.",
    ],
)
def test_without_content_these_verbs_are_no_cue(text: str) -> None:
    assert cues_of(text) == []


def test_a_later_complementizer_opens_the_content_of_a_bi_verb() -> None:
    # «بعض» starts with ب: it is the subject, «بأن» opens the content
    c = only("وأقر بعض المسؤولين بأن المشروع تأخر.")
    assert c.content.text == "المشروع تأخر"


def test_fronted_relay_resumed_by_faqad_is_the_channel() -> None:
    c = only("وبحسب وكالة الأنباء الرسمية، فقد أكد الوزير أن الوضع مستقر.")
    assert c.cue.text == "أكد"
    assert text_of(c.channel) == "وكالة الأنباء الرسمية"


def test_fronted_relay_before_a_verb_with_no_content_is_a_claim() -> None:
    # «زادت» (increased) attributes nothing: the relay phrase carries the report
    c = only('وبحسب "الفرنسية"، فقد زادت أرباح الشركة هذا العام.')
    assert c.cue.text == "بحسب"


def test_relay_phrase_between_the_verb_and_its_content_is_no_subject() -> None:
    c = only('وأشار وفقاً لما أوردته صحيفة "المدينة"، إلى أن المحاولة لم تكن الأولى.')
    assert c.cue.text == "أشار"
    assert c.source is None
    assert c.content.text == "المحاولة لم تكن الأولى"


def test_relay_in_a_sentence_with_no_other_claim_is_a_claim_of_its_own() -> None:
    text = "وسجلت عشرات الإصابات منذ ديسمبر، بحسب ما نقلته رويترز عن المتحدث باسم المنظمة."
    c = only(text)
    assert c.cue.text == "بحسب ما نقلته"
    assert text_of(c.source) == "المتحدث باسم المنظمة"
    assert text_of(c.channel) == "رويترز"


def test_relay_attached_to_a_claim_is_its_channel() -> None:
    c = only("وقال الوزير إن الوضع مستقر، بحسب ما نقلته رويترز.")
    assert c.cue.text == "قال" and text_of(c.channel) == "رويترز"


@pytest.mark.parametrize(
    ("text", "cue", "source"),
    [
        ("وأغلقت المدارس، وفق لما أعلنته الوزارة.", "وفق لما أعلنته", "الوزارة"),
        ("وارتفعت الأسعار، استنادا إلى بيانات هيئة الإحصاء.", "استنادا إلى", "بيانات هيئة الإحصاء"),
        ("وأغلقت المدارس، استنادا إلى ما أعلنته الوزارة.", "استنادا إلى ما أعلنته", "الوزارة"),
    ],
)
def test_relay_phrase_spellings(text: str, cue: str, source: str) -> None:
    c = only(text)
    assert c.cue.text == cue
    assert text_of(c.source) == source


def test_basing_on_a_law_cites_nobody() -> None:
    assert cues_of("وتم فصل الموظف استنادا إلى القانون.") == []


def test_verbal_noun_inside_a_verbs_content_is_a_claim_of_its_own() -> None:
    text = "وأوضح النائب أن تصريحات رئيس الحكومة بأنه يمارس صلاحياته تتعارض مع الدستور."
    assert cues_of(text) == ["أوضح", "تصريحات"]
    assert by_cue(text, "تصريحات").content.text.startswith("يمارس صلاحياته")


def test_verbal_noun_introducing_the_verbs_own_content_is_no_second_claim() -> None:
    assert cues_of("واختتم المدرب حديثه بقوله إن الفريق جاهز.") == ["اختتم"]


def test_a_cue_after_a_conditional_is_a_supposed_saying() -> None:
    text = "وأكد المسؤول حق الموظفين في التظلم إذا رأوا أنهم تعرضوا للظلم."
    assert cues_of(text) == ["أكد"]


def test_relative_clause_on_a_non_speaker_is_the_writers_inference() -> None:
    text = "وظلت الطفلة خالية من المرض بعد عامين، الأمر الذي يشير إلى أنها أول حالة شفاء."
    assert cues_of(text) == []


def test_relative_clause_on_reports_keeps_them_as_speakers() -> None:
    text = "ونفت الوزارة هذه الأنباء، التي توقعت أيضا أن الأسعار سترتفع."
    assert cues_of(text) == ["نفت", "توقعت"]


def test_verbal_noun_after_muqabil_is_a_noun() -> None:
    assert cues_of("وسجل الاقتصاد نموا متواضعا مقابل توقع نمو معتدل للاقتصاد العالمي.") == []


def test_qabla_an_opens_no_content_for_a_verbal_noun() -> None:
    text = 'وتحدث النائب عن "مزاعم لا أساس لها من الصحة" قبل أن يغادر القاعة.'
    assert "مزاعم" not in cues_of(text)


def test_learning_from_sources_is_their_report_through_the_outlet() -> None:
    c = only('وعلمت "الرياض" من مصادر مطلعة، أن الوزارة ستعلن القرار غدا.')
    assert c.cue.text == "علمت" and c.stance == "report"
    assert text_of(c.source) == "مصادر مطلعة"
    assert text_of(c.channel) == '"الرياض"'
    assert c.content.text == "الوزارة ستعلن القرار غدا"


@pytest.mark.parametrize(
    "text", ["وعلمت الأم أن ابنها نجح.", "علما بأن الاجتماع تأجل.", "لا أحد يعلم أن الاجتماع تأجل."]
)
def test_knowing_relays_no_one(text: str) -> None:
    assert cues_of(text) == []


def test_reporting_with_bi_an_event() -> None:
    c = only("أفاد مصدر طبي أمس السبت بمقتل عشرة مدنيين في القصف.")
    assert c.cue.text == "أفاد" and text_of(c.source) == "مصدر طبي"
    assert c.content.text == "بمقتل عشرة مدنيين في القصف"


def test_a_bi_word_past_the_subject_that_names_no_event_opens_no_content() -> None:
    c = only("وأفاد مسؤول في باماكو لفرانس برس أن الهجوم فشل.")
    assert c.content.text == "الهجوم فشل"


def test_a_bi_word_right_after_the_verb_is_its_content() -> None:
    c = only("واعترف بالقيادة تحت تأثير الكحول.")
    assert c.content.text == "بالقيادة تحت تأثير الكحول"
