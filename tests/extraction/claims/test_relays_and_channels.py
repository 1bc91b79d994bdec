"""Relays and channels: «نقلت الوكالة عن مصدر» names the source and the outlet that carried it;
«بحسب وكالة X» beside another speaker's claim is that claim's channel, not a claim of its own;
«لـ"الجزيرة"»، «عبر "الشرق"»، «في بيان» are channels. On sentences written for these tests,
through ``claimx.extract``."""

from __future__ import annotations

import pytest
from extraction_helpers import by_cue, claims_of, cues_of, only, text_of


def test_relay_verb_names_source_and_channel() -> None:
    c = only("ونقلت الوكالة عن مصدر أمني قوله إن التحقيق مستمر.")
    assert text_of(c.source) == "مصدر أمني"
    assert text_of(c.channel) == "الوكالة"
    assert c.content.text == "التحقيق مستمر"


def test_relay_subject_with_a_relative_clause_ends_at_an() -> None:
    text = "ونقلت الوكالة التي يديرها الجيش عن الضباط قولهم إن الهدنة انتهت."
    c = by_cue(text, "نقلت")
    assert text_of(c.source) == "الضباط"
    assert text_of(c.channel) == "الوكالة التي يديرها الجيش"


def test_negated_cue_before_an_indirect_question_does_not_cut_a_relay() -> None:
    text = "ونقل موقع الصحيفة عن شهود، لم يوضح إذا كانوا جنودا، أن القصف استمر ليلا."
    c = by_cue(text, "نقل")
    assert text_of(c.source) == "شهود" and c.content.text == "القصف استمر ليلا"


def test_relay_phrase_after_another_claim_is_its_channel() -> None:
    claims = claims_of("وقال الوزير إن الحدود ستفتح غدا، بحسب وكالة الأنباء الرسمية.")
    assert [c.cue.text for c in claims] == ["قال"]
    assert text_of(claims[0].channel) == "وكالة الأنباء الرسمية"


def test_relay_phrase_before_a_claim_is_its_channel() -> None:
    claims = claims_of("وحسب وكالة رويترز، أكدت الوزيرة أن الحكومة لن تستقيل.")
    assert [c.cue.text for c in claims] == ["أكدت"]
    assert text_of(claims[0].channel) == "وكالة رويترز"


def test_relay_phrase_before_a_claim_of_its_sentence_is_its_channel() -> None:
    text = 'وبحسب ما نقلت صحيفة "الأنباء"، فإنه لا صحة لما يقال عن إغلاق المصنع.'
    c = by_cue(text, "لا صحة")
    assert c.speaker is None and text_of(c.channel) == 'صحيفة "الأنباء"'


def test_relay_between_a_cue_and_its_content_is_its_channel() -> None:
    text = 'وأضافت المصادر، وفقا لما أوردته صحيفة "النهار"، أن المشروع سيكتمل قريبا.'
    added = by_cue(text, "أضافت")
    assert cues_of(text) == ["أضافت"]
    assert text_of(added.channel) == 'صحيفة "النهار"'
    assert added.content.text == "المشروع سيكتمل قريبا"


def test_a_person_after_bihasab_still_speaks_for_itself() -> None:
    text = "وأكدت الشرطة أن الحادث وقع ليلا، وفق ما صرح به مسؤول في المدينة."
    assert [c.cue.text for c in claims_of(text)] == ["أكدت", "وفق ما صرح به"]


@pytest.mark.parametrize(
    "text",
    [
        "وأضاف الطبيب أن الحريق أدى، حسب آخر حصيلة، إلى وفاة رجلين.",
        "وأوضح المحقق أنه وحسب الأبحاث الأولية، فإن المشتبه به فر إلى الخارج.",
        "وقال الضابط إن المهاجم كان رجلا وفق روايات الجيران، مرجحا أنه تنكر.",
    ],
)
def test_toll_or_findings_inside_a_speakers_claim_are_his_sourcing(text: str) -> None:
    assert not [c for c in claims_of(text) if c.cue.text in ("حسب", "وفق")]
    assert claims_of(text)


def test_a_source_inside_a_speakers_claim_still_speaks() -> None:
    text = "وأفادت المصادر الطبية أن الوفاة نجمت -وفقا للتقارير الطبية الأولية- عن تسمم."
    assert cues_of(text) == ["أفادت", "وفقا"]
    assert text_of(by_cue(text, "وفقا").source) == "للتقارير الطبية الأولية"


def test_a_toll_in_a_sentence_without_another_claim_is_a_claim() -> None:
    claims = claims_of("وأسفر الحادث عن وفاة شخصين حسب آخر حصيلة لوزارة الصحة.")
    assert [c.cue.text for c in claims] == ["حسب"]
    assert text_of(claims[0].source) == "آخر حصيلة لوزارة الصحة"


def test_impersonal_claim_takes_its_source_from_bihasab() -> None:
    claims = claims_of("ومن المتوقع أن يفوز الحزب بالمركز الأول بحسب استطلاعات الرأي.")
    assert [c.cue.text for c in claims] == ["من المتوقع"]
    assert text_of(claims[0].source) == "استطلاعات الرأي"


def test_clitics_on_cue_and_channel() -> None:
    c = only('وقال مسؤول أمني لـ"الجزيرة" إن الحدود أغلقت.')
    assert c.cue.text == "قال"
    assert text_of(c.source) == "مسؤول أمني"
    assert text_of(c.channel) == '"الجزيرة"'


def test_channel_via_abr() -> None:
    c = only('وتؤكد مصادر محلية، عبر "الشرق"، أن الهدنة صامدة.')
    assert text_of(c.channel) == '"الشرق"'
    assert text_of(c.source) == "مصادر محلية"


def test_quoted_outlet_told_is_a_channel_and_the_quotation_the_content() -> None:
    c = by_cue('وقال مسؤول عسكري لوكالة "فرانس برس": "القوات انسحبت من المدينة".', "قال")
    assert text_of(c.channel) == 'وكالة "فرانس برس"'
    assert c.content.text == "القوات انسحبت من المدينة" and c.direct_quote


def test_statement_parenthetical_before_the_object() -> None:
    c = by_cue("نفى المدير، في بيان صدر مساء الأحد، وجود أي خلاف داخل الإدارة.", "نفى")
    assert text_of(c.channel) == "بيان"
    assert c.content.text == "وجود أي خلاف داخل الإدارة"


def test_abr_before_a_place_is_no_channel() -> None:
    c = only("وتتهم الشرطة المهربين بإدخال السلاح عبر الأنفاق إلى المدينة.")
    assert c.channel is None
    assert c.content.text == "المهربين بإدخال السلاح عبر الأنفاق إلى المدينة"
    c = only("ونفى الوزير استقالته عبر حسابه على الشبكة.")
    assert text_of(c.channel) == "حسابه"


def test_a_relay_phrase_right_before_a_verb_cue_is_its_channel() -> None:
    text = (
        "وحذرت المستشارة من الانسحاب. "
        "وبحسب تقرير الوكالة أوضح زعيم الحزب أن الانسحاب خطأ."
    )
    assert cues_of(text) == ["حذرت", "أوضح"]
    assert text_of(by_cue(text, "أوضح").channel) == "تقرير الوكالة"
