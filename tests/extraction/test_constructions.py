"""One test per construction of the attribution guide, on sentences written for these tests."""

from __future__ import annotations

import pytest

import claimx
from claimx.model import Claim


def claims_of(text: str) -> list[Claim]:
    doc = claimx.extract(text)
    for claim in doc.claims:  # every span points at its own text
        for span in (claim.source, claim.speaker, claim.cue, claim.channel, claim.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return list(doc.claims)


def only(text: str) -> Claim:
    claims = claims_of(text)
    assert len(claims) == 1, [c.cue.text for c in claims]
    return claims[0]


def text_of(span) -> str | None:
    return None if span is None else span.text


def test_verb_first_with_channel() -> None:
    c = only("أكد وزير الخارجية المصري، في مؤتمر صحفي، أن المفاوضات ستستأنف الأسبوع المقبل.")
    assert c.cue.text == "أكد" and c.stance == "assert"
    assert text_of(c.source) == "وزير الخارجية المصري"
    assert text_of(c.channel) == "مؤتمر صحفي"
    assert c.content.text == "المفاوضات ستستأنف الأسبوع المقبل"
    assert not c.negated and not c.direct_quote


def test_subject_first_across_auxiliary_is_not_negation() -> None:
    c = only("ما زالت الحكومة العراقية تنفي وجود قوات أجنبية على أراضيها.")
    assert text_of(c.source) == "الحكومة العراقية"
    assert c.stance == "deny" and not c.negated
    assert c.content.text == "وجود قوات أجنبية على أراضيها"


def test_subject_first_plain() -> None:
    c = only("الوزير قال إن الاتفاق نهائي ولا رجعة فيه.")
    assert text_of(c.source) == "الوزير"
    assert c.content.text == "الاتفاق نهائي ولا رجعة فيه"


def test_dropped_subject_resolved_by_agreement() -> None:
    first, second = claims_of(
        "أعلنت وزارة الصحة أن عدد الإصابات ارتفع إلى مئة حالة، وأشارت إلى أن معظمها في العاصمة."
    )
    assert text_of(first.source) == "وزارة الصحة"
    assert first.content.text == "عدد الإصابات ارتفع إلى مئة حالة"
    assert second.source is None
    assert text_of(second.speaker) == "وزارة الصحة"
    assert second.content.text == "معظمها في العاصمة"


def test_dropped_subject_needs_agreeing_antecedent() -> None:
    # «ويضيف» is masculine: it skips the feminine «الشرطة» for the governor.
    claims = claims_of(
        "أكد المحافظ أن الوضع هادئ. وقالت الشرطة إن الطريق أغلق، ويضيف أن الدوريات مستمرة."
    )
    assert [text_of(c.speaker) for c in claims] == ["المحافظ", "الشرطة", "المحافظ"]


def test_demonstrative_anaphor_resolves_to_full_mention() -> None:
    first, second = claims_of(
        "قالت مصادر دبلوماسية غربية إن المحادثات تعثرت. "
        "وأضافت هذه المصادر أن الجولة المقبلة لم تحدد بعد."
    )
    assert text_of(second.source) == "هذه المصادر"
    assert text_of(second.speaker) == "مصادر دبلوماسية غربية"


def test_title_anaphor_resolves_to_named_minister() -> None:
    claims = claims_of(
        "قال وزير الخارجية سيرغي لافروف إن موسكو مستعدة للحوار. "
        "وأوضح الوزير أن الكرة في ملعب واشنطن."
    )
    assert text_of(claims[1].source) == "الوزير"
    assert text_of(claims[1].speaker) == "وزير الخارجية سيرغي لافروف"


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


def test_according_to_a_plan_is_not_a_claim() -> None:
    assert claims_of("وفقاً لخطة الحكومة الجديدة، سيتم بناء ألف مدرسة خلال عامين.") == []


def test_according_to_with_fused_article() -> None:
    c = only("وفقا للمتحدث باسم الجيش، فإن القوات سيطرت على المدينة.")
    assert text_of(c.source) == "للمتحدث باسم الجيش"
    assert c.content.text == "القوات سيطرت على المدينة"


def test_complementizer_with_pronoun() -> None:
    c = only("أكد المدرب أنه راض عن أداء اللاعبين.")
    assert c.content.text == "راض عن أداء اللاعبين"


def test_preposition_before_complementizer() -> None:
    c = only("ولفت التقرير إلى أن البطالة تراجعت للعام الثاني.")
    assert c.cue.text == "لفت" and text_of(c.source) == "التقرير"
    assert c.content.text == "البطالة تراجعت للعام الثاني"


def test_object_content_after_adverbial() -> None:
    c = only("نفى الناطق باسم الشرطة بشكل قاطع وقوع إصابات بين المتظاهرين.")
    assert text_of(c.source) == "الناطق باسم الشرطة"
    assert c.content.text == "وقوع إصابات بين المتظاهرين"


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


def test_passive_impersonal_cue_has_no_speaker() -> None:
    c = only("ويُعتقد أن المهاجمين فروا إلى الجبال القريبة.")
    assert c.source is None and c.speaker is None
    assert c.content.text == "المهاجمين فروا إلى الجبال القريبة"


def test_hearsay_is_allege() -> None:
    c = only("ويقال إن الشركة تستعد لبيع فرعها الأوروبي.")
    assert c.stance == "allege" and c.speaker is None


def test_reports_as_source() -> None:
    c = only("أفادت تقارير إعلامية بأن الرئيس سيزور باريس الشهر المقبل.")
    assert text_of(c.source) == "تقارير إعلامية"
    assert c.content.text == "الرئيس سيزور باريس الشهر المقبل"


def test_negated_cue() -> None:
    c = only("لم ينفِ المتحدث أن الاجتماع قد تأجل.")
    assert c.negated and c.stance == "deny"
    assert c.content.text == "الاجتماع قد تأجل"


def test_not_only_but_is_not_negation() -> None:
    c = claims_of("لا يؤكد الوزير فقط أن الخطة جاهزة، بل يقول إنها ممولة أيضا.")[0]
    assert c.cue.text == "يؤكد" and not c.negated
    assert text_of(c.source) == "الوزير"


def test_clitics_on_cue_and_channel() -> None:
    c = only('وقال مسؤول أمني لـ"الجزيرة" إن الحدود أغلقت.')
    assert c.cue.text == "قال"
    assert text_of(c.source) == "مسؤول أمني"
    assert text_of(c.channel) == '"الجزيرة"'


def test_channel_via_abr() -> None:
    c = only('وتؤكد مصادر محلية، عبر "الشرق"، أن الهدنة صامدة.')
    assert text_of(c.channel) == '"الشرق"'
    assert text_of(c.source) == "مصادر محلية"


def test_spelling_variation_diacritics_tatweel_hamza() -> None:
    text = "نَفَى الوزيـرُ أنْ يكونَ قد استقال. واكد المتحدث ان الحكومة مستمرة."
    first, second = claims_of(text)
    assert first.stance == "deny" and first.content.text == "يكونَ قد استقال"
    assert second.stance == "assert" and text_of(second.source) == "المتحدث"


def test_events_are_not_speakers() -> None:
    assert claims_of("الهجوم الأخير يؤكد أن الجماعة ما زالت قوية.") == []


def test_editorial_formula_is_not_a_claim() -> None:
    assert claims_of("يذكر أن اللاعب انتقل إلى النادي قبل عامين.") == []


def test_relay_verb_names_source_and_channel() -> None:
    c = only("ونقلت الوكالة عن مصدر أمني قوله إن التحقيق مستمر.")
    assert text_of(c.source) == "مصدر أمني"
    assert text_of(c.channel) == "الوكالة"
    assert c.content.text == "التحقيق مستمر"


def test_participle_cue_takes_previous_speaker() -> None:
    first, second = claims_of("أوضح المدير أن المصنع سيفتح قريبا، مشيرا إلى أن العمال عادوا.")
    assert text_of(second.speaker) == "المدير" and second.cue.text == "مشيرا"
    assert first.content.text == "المصنع سيفتح قريبا"


@pytest.mark.parametrize(
    "text",
    [
        "تراجعت المصادر المائية في المنطقة بسبب الجفاف.",
        "قد يزيد الاتفاق من حجم التبادل التجاري بين البلدين.",
        "",
        "   \n\n  ",
    ],
)
def test_negatives_give_no_claim(text: str) -> None:
    assert claims_of(text) == []


def test_english_labels() -> None:
    c = only('لا تزال مصادر "قوات سوريا الديمقراطية" تنفي وجود أي اتفاق.')
    assert c.label == "SDF sources deny"
    c = only("تؤكد مصادر سورية مطلعة أن الاتفاق قائم.")
    assert c.label == "Informed Syrian sources assert"


def test_phrase_cue_labels_keep_the_speakers_capitals() -> None:
    """"According to SOHR", not "According to sOHR"; common nouns stay lower case."""
    c = only("وفقا للمرصد السوري لحقوق الإنسان، فإن الطريق مغلق.")
    assert c.label == "According to SOHR"
    c = only("بحسب الشرطة، فإن الطريق مغلق.")
    assert c.label == "According to police"


def test_double_dot_is_a_pause_not_a_sentence_end() -> None:
    first, second = claims_of("وقال المدير: سنفتتح الفرع الجديد..ونحن متفائلون بالنتائج، "
                              "وعن الخطط المقبلة قال المدير إن التوسع مستمر.")
    assert first.direct_quote
    assert first.content.text == "سنفتتح الفرع الجديد..ونحن متفائلون بالنتائج"
    assert second.content.text == "التوسع مستمر"


def test_noun_in_ta_marbuta_is_not_a_verb_with_object() -> None:
    # «إشارة» folds to the same letters as «أشاره» (he pointed it out)
    assert claims_of("أنا رهن إشارة المدرب ولا يهم أن أكون أساسيا.") == []


def test_ambiguous_form_is_a_cue_only_when_diacritised() -> None:
    assert claims_of("وقعت الاشتباكات بين الجيش والمسلحين أن الوضع صعب.") == []
    c = only("بيّن المتحدث أن الإجراءات مؤقتة.")
    assert c.lemma == "بين" and c.content.text == "الإجراءات مؤقتة"


def test_direct_object_before_content() -> None:
    c = only("وصف الوزير الاتفاق بأنه تاريخي.")
    assert text_of(c.source) == "الوزير"
    assert c.content.text == "تاريخي"


def test_relative_pronoun_subject_resolves_to_antecedent() -> None:
    first, second = claims_of("نفى المدرب صحة الأخبار التي نشرتها وسائل إعلام محلية، "
                              "والتي ذكرت أن اللاعب سيرحل.")
    assert second.source is None
    assert text_of(second.speaker) == "وسائل إعلام محلية"


def test_object_after_bi() -> None:
    c = only("وأقر الوزير بوجود أخطاء في التنفيذ.")
    assert text_of(c.source) == "الوزير" and c.stance == "assert"
    assert c.content.text == "بوجود أخطاء في التنفيذ"


def test_possessed_noun_ends_a_speaker_phrase() -> None:
    c = only("وأبدى اللاعب سعادته بالفوز، مؤكدا أن الفريق يستحق اللقب.")
    assert text_of(c.speaker) == "اللاعب"


def test_anaphoric_object_takes_the_antecedent_proposition() -> None:
    first, second = claims_of("وتحدثت تقارير عن تسريح ألف موظف، وهو ما نفته الشركة بشكل قاطع.")
    assert text_of(second.source) == "الشركة" and second.stance == "deny"
    assert second.content.text == first.content.text == "تسريح ألف موظف"
    c = only("رفع البنك المركزي سعر الفائدة. واستبعد المحللون ذلك في وقت سابق.")
    assert c.content.text == "رفع البنك المركزي سعر الفائدة"


def test_evidential_and_scheduling_formulas_are_not_claims() -> None:
    assert claims_of("وتبين أن المتهم كان في الخارج.") == []
    assert claims_of("ومن المقرر أن يزور الرئيس باريس.") == []
    assert claims_of("يشار إلى أن الفريق فاز باللقب مرتين.") == []


def test_directive_subject_is_a_speaker_for_later_participle() -> None:
    c = only("ودعا الوزير المواطنين إلى الحذر، مؤكدا أن الوضع تحت السيطرة.")
    assert c.cue.text == "مؤكدا" and text_of(c.speaker) == "الوزير"


def test_fronted_subject_across_kana_and_qad() -> None:
    c = only("وكانت وزارة الدفاع الروسية قد أعلنت أن قواتها انسحبت من المنطقة.")
    assert text_of(c.source) == "وزارة الدفاع الروسية"
    assert c.label == "Russian Defence Ministry announces"
