"""Constructions of issue 8 (text claimx was never tuned on), on sentences written for these
tests: one test per construction family, through ``claimx.extract`` and the CLI."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from extraction_helpers import by_cue, claims_of, text_of


def test_masculine_raa_is_a_cue_and_the_noun_is_not() -> None:
    c = by_cue("ورأى المحلل السياسي أن الانتخابات ستتأجل إلى الخريف.", "رأى")
    assert c.stance == "opinion" and text_of(c.speaker) == "المحلل السياسي"
    assert claims_of("وفي رأي كثيرين فإن المباراة كانت صعبة جدا على الفريقين.") == [] or all(
        c.cue.text != "رأي" for c in claims_of("وهذا رأي كثيرين في المدينة.")
    )


def test_first_person_cue_inside_a_quotation_is_the_speakers_own_voice() -> None:
    claims = claims_of('وقال المدرب في المؤتمر: "أعتقد أن الفريق جاهز للمباراة".')
    assert [c.cue.text for c in claims] == ["قال"]
    assert claims[0].content.text.startswith("أعتقد")


def test_speech_noun_phrases_are_generated_for_every_frame() -> None:
    text = "قال النائب إن الحكومة ستسقط قريبا، على حد تعبيره. والقرار باطل وفق زعمه."
    said = by_cue(text, "على حد تعبيره")
    assert said.stance == "report" and said.source is None
    assert text_of(said.speaker) == "النائب"
    assert by_cue(text, "وفق زعمه").stance == "allege"


def test_impersonal_predicates_with_a_clause_or_a_verbal_noun() -> None:
    waited = by_cue("ومن المنتظر أن يصل الوفد إلى القاهرة مساء الغد.", "من المنتظر")
    assert waited.stance == "predict" and waited.source is None
    assert waited.content.text == "يصل الوفد إلى القاهرة مساء الغد"
    expected = by_cue("ومن المتوقع ارتفاع أسعار الوقود الشهر المقبل.", "من المتوقع")
    assert expected.content.text.startswith("ارتفاع أسعار الوقود")


def test_document_as_source_with_jaa_fi() -> None:
    c = by_cue("وجاء في البيان أن الشركة ستوقف الإنتاج مؤقتا.", "جاء في")
    assert text_of(c.source) == "البيان"
    assert c.content.text == "الشركة ستوقف الإنتاج مؤقتا"


def test_plural_verb_carries_its_subject_so_what_follows_is_the_object() -> None:
    text = "وقال المعارضون إن النظام الجديد خطير، واتهموا الحكومة بتزوير الانتخابات."
    c = by_cue(text, "اتهموا")
    assert c.source is None and text_of(c.speaker) == "المعارضون"
    assert c.content.text.startswith("الحكومة بتزوير الانتخابات")


def test_relative_clause_cue_speaks_for_the_antecedent() -> None:
    text = "ونفى الوزير بشدة الأنباء التي تحدثت عن استقالته من منصبه."
    c = by_cue(text, "تحدثت")
    assert c.source is None and text_of(c.speaker) == "الأنباء"
    assert c.content.text == "استقالته من منصبه"


def test_adverbial_participle_after_the_verb_is_no_speaker() -> None:
    text = 'وسخر النائب من القرار، وقال متهكما "إنه قرار عظيم حقا".'
    c = by_cue(text, "قال")
    assert c.source is None  # «متهكما» describes the speaker, is not one
    assert text_of(c.speaker).startswith("النائب")


def test_pointing_word_and_conditional_are_no_fronted_subject() -> None:
    text = 'انتقد اللاعب إدارة ناديه علنا، وذلك من خلال تغريدة قال فيها: "لن ألعب بعد اليوم".'
    c = by_cue(text, "قال")
    assert text_of(c.speaker) is None or not text_of(c.speaker).startswith("وذلك")


def test_verbal_noun_after_a_name_starts_the_object() -> None:
    c = by_cue("واستبعدت ميركل إجراء انتخابات مبكرة في البلاد.", "استبعدت")
    assert text_of(c.source) == "ميركل" and c.stance == "deny"
    assert c.content.text == "إجراء انتخابات مبكرة في البلاد"


def test_announcement_with_an_object_proposition() -> None:
    c = by_cue("وأعلنت وزارة الصحة ارتفاع عدد الإصابات إلى مئتي حالة.", "أعلنت")
    assert text_of(c.source) == "وزارة الصحة"
    assert c.content.text == "ارتفاع عدد الإصابات إلى مئتي حالة"


def test_verbal_noun_right_after_the_cue_is_its_object() -> None:
    text = "وكانت الحركة قد هددت بالانسحاب، وسبق لها أن أعلنت الاستعداد للحوار مع الحكومة."
    c = by_cue(text, "أعلنت")
    assert c.source is None
    assert c.content.text.startswith("الاستعداد للحوار")


def test_surname_resolves_to_the_full_name_given_elsewhere() -> None:
    text = (
        "وأكد رئيس الحزب كريم منصور أن الانتخابات ستجرى في موعدها. "
        "وقال منصور إن حزبه سيشارك بقوة."
    )
    c = by_cue(text, "قال")
    assert text_of(c.source) == "منصور"
    assert "كريم" in text_of(c.speaker)


def test_constructions_through_the_cli() -> None:
    text = "ورأى المحلل السياسي أن الانتخابات ستتأجل. ومن المنتظر أن يصل الوفد غدا."
    out = subprocess.run(
        [sys.executable, "-m", "claimx", "extract", "-", "--format", "json"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    doc = json.loads(out)
    doc = doc[0] if isinstance(doc, list) else doc
    assert [(c["cue"]["text"], c["stance"]) for c in doc["claims"]] == [
        ("رأى", "opinion"),
        ("من المنتظر", "predict"),
    ]


def test_apposition_after_the_speaker_belongs_to_it() -> None:
    c = by_cue("ويقول علي حسن، الباحث الاقتصادي لبي بي سي، إن الأسعار سترتفع.", "يقول")
    assert text_of(c.source) == "علي حسن، الباحث الاقتصادي"
    assert c.content.text == "الأسعار سترتفع"


def test_parenthetical_clause_after_the_speaker_does_not() -> None:
    c = by_cue("وقال مسؤول، رفض الكشف عن اسمه، إن المفاوضات متعثرة.", "قال")
    assert text_of(c.source) == "مسؤول"


def test_a_name_takes_no_place_or_addressee_phrase() -> None:
    c = by_cue("وقال بارتولي لهيئة الإذاعة البريطانية إن الصفقة انتهت.", "قال")
    assert text_of(c.source) == "بارتولي"
    c = by_cue("وأكد تاتشر في لحظة صدق أن الحرب كانت خطأ.", "أكد")
    assert text_of(c.source) == "تاتشر"


def test_abbreviation_dots_end_no_sentence() -> None:
    c = by_cue("وقال الوزير لقناة بي.بي.سي «الاتفاق قريب جدا».", "قال")
    assert c.content.text == "الاتفاق قريب جدا" and c.direct_quote


def test_names_that_fold_like_function_words() -> None:
    assert text_of(by_cue("وقال علي الأحمد إن الفريق جاهز.", "قال").source) == "علي الأحمد"
    c = by_cue("وأكد فان دايك أن الفريق سيفوز.", "أكد")
    assert text_of(c.source) == "فان دايك" and c.content.text == "الفريق سيفوز"


def test_sound_plural_in_construct_agrees_with_a_plural_verb() -> None:
    text = "ويقول محامو الشركة إن القضية ضعيفة. ويتوقعون أن تسقط التهم قريبا."
    c = by_cue(text, "يتوقعون")
    assert text_of(c.speaker) == "محامو الشركة"


def test_relay_phrase_after_another_claim_is_its_channel() -> None:
    claims = claims_of("وقال الوزير إن الحدود ستفتح غدا، بحسب وكالة الأنباء الرسمية.")
    assert [c.cue.text for c in claims] == ["قال"]
    assert text_of(claims[0].channel) == "وكالة الأنباء الرسمية"


def test_relay_phrase_before_a_claim_is_its_channel() -> None:
    claims = claims_of("وحسب وكالة رويترز، أكدت الوزيرة أن الحكومة لن تستقيل.")
    assert [c.cue.text for c in claims] == ["أكدت"]
    assert text_of(claims[0].channel) == "وكالة رويترز"


def test_a_person_after_bihasab_still_speaks_for_itself() -> None:
    text = "وأكدت الشرطة أن الحادث وقع ليلا، وفق ما صرح به مسؤول في المدينة."
    assert [c.cue.text for c in claims_of(text)] == ["أكدت", "وفق ما صرح به"]


def test_impersonal_claim_takes_its_source_from_bihasab() -> None:
    claims = claims_of("ومن المتوقع أن يفوز الحزب بالمركز الأول بحسب استطلاعات الرأي.")
    assert [c.cue.text for c in claims] == ["من المتوقع"]
    assert text_of(claims[0].source) == "استطلاعات الرأي"


def test_post_posed_phrase_after_a_comma_attributes_the_clause_before() -> None:
    text = "وتم اعتقال ثلاثة أشخاص في المدينة، حسبما ذكر ضابط طلب عدم الكشف عن هويته."
    c = by_cue(text, "حسبما ذكر")
    assert c.content.text == "وتم اعتقال ثلاثة أشخاص في المدينة" or c.content.text.startswith(
        "تم اعتقال"
    )


def test_pointing_object_before_the_subject() -> None:
    text = "وسيعاد فتح المعبر الأسبوع المقبل. أوضح ذلك مدير الإدارة العامة للمعابر."
    c = by_cue(text, "أوضح")
    assert text_of(c.source) == "مدير الإدارة العامة للمعابر"
    assert c.content.text == "وسيعاد فتح المعبر الأسبوع المقبل" or c.content.text.startswith(
        "سيعاد"
    )


def test_negated_cue_before_an_indirect_question_does_not_cut_a_relay() -> None:
    text = "ونقل موقع الصحيفة عن شهود، لم يوضح إذا كانوا جنودا، أن القصف استمر ليلا."
    c = by_cue(text, "نقل")
    assert text_of(c.source) == "شهود" and c.content.text == "القصف استمر ليلا"


def test_noun_after_the_preposition_takes_the_clause() -> None:
    c = by_cue("وشددت الوزيرة على قناعتها بأن الإصلاح ممكن.", "شددت")
    assert c.content.text == "الإصلاح ممكن"


def test_conjoined_cue_ends_an_object_content() -> None:
    c = by_cue("وينفي الوزير ارتكاب أي مخالفة وتشير الاستطلاعات إلى تراجع شعبيته.", "ينفي")
    assert c.content.text == "ارتكاب أي مخالفة"


def test_nested_claim_with_an_apposed_subject_stays_in_the_content() -> None:
    text = "وذكرت وكالات أنباء أن وزير الدفاع، سيرغي شويغو، قال إن الصواريخ جاهزة."
    c = by_cue(text, "ذكرت")
    assert c.content.text == "وزير الدفاع، سيرغي شويغو، قال إن الصواريخ جاهزة"


def test_cue_describing_a_statement_noun_is_no_claim() -> None:
    text = "وأضاف المتحدث في تصريحات نقلتها مواقع إخبارية: إن الوزارة أرسلت فرق إنقاذ."
    claims = claims_of(text)
    assert [c.cue.text for c in claims] == ["أضاف"]
    assert claims[0].content.text == "الوزارة أرسلت فرق إنقاذ"


def test_relative_clause_belongs_to_the_speaker_phrase() -> None:
    text = "وذكرت الدراسة التي أعدها مركز الأبحاث، أن البطالة ارتفعت."
    c = by_cue(text, "ذكرت")
    assert text_of(c.source) == "الدراسة التي أعدها مركز الأبحاث"


def test_subject_of_a_reported_clause_is_a_last_resort_antecedent() -> None:
    text = "وذكر الوزير أن سلمى حداد شكرته على دعمه، وقالت إنها ستعود قريبا."
    c = by_cue(text, "قالت")
    assert text_of(c.speaker) == "سلمى حداد"


def test_rejecting_a_claim_is_a_denial_rejecting_a_request_is_not() -> None:
    c = by_cue("ورفض الوزير الاتهامات بالفساد، وقال إنها كاذبة.", "رفض")
    assert c.stance == "deny" and c.content.text.startswith("الاتهامات")
    c = by_cue("كما أدلى النائب بشهادته، رافضا بشدة الادعاء.", "رافضا")
    assert c.content.text == "الادعاء"
    assert all(c.cue.text != "رفض" for c in claims_of("ورفض الوزير الطلب المقدم من النقابة."))


def test_vowels_mark_a_passive_cue() -> None:
    c = by_cue("وكان المرشح يُوصف بأنه منافس خطير.", "يُوصف")
    assert c.source is None and c.speaker is None
    assert c.content.text == "منافس خطير"


def test_according_to_a_document() -> None:
    text = "وتعرض التلاميذ للاختناق في المدرسة، وفق ما جاء في نص العريضة."
    c = by_cue(text, "وفق ما جاء في")
    assert text_of(c.source) == "نص العريضة"
    c = by_cue("ووفقا لهذا الرأي، فإن المصطلح قديم جدا.", "وفقا")
    assert text_of(c.source) == "هذا الرأي"


def test_evidential_and_adjectival_lookalikes_make_no_claim() -> None:
    for text in (
        "وبالتثبت من الشحنة تبيّن أنها تحتوي على مخدرات.",  # it turned out
        "وأصدر النادي بيانا تضمن نفياً قاطعاً لوجود أي خلاف.",  # a verbal noun
        "وتكاد تكون مؤكدة بأن القضية ستطول.",  # a predicate adjective
        "وستأتي اللعبة مثبتة مسبقا مع النظام الجديد.",  # an adjective
        "وألغت الحكومة العقد مما يشير إلى أن الأزمة عميقة.",  # evidence, no speaker
        "وقال: اعتقال الزعيم الأول للعصابة يؤكد أن المجرمين لا يفلتون.",  # an event
    ):
        cues = [c.cue.text for c in claims_of(text)]
        assert not {"تبيّن", "نفياً", "مؤكدة", "مثبتة", "يشير", "يؤكد"} & set(cues), cues


def test_oblique_plural_after_the_verb_is_its_object() -> None:
    text = "وقال الرئيس إنه بريء. واتهم المعارضين بتسييس القضية."
    c = by_cue(text, "اتهم")
    assert c.source is None and text_of(c.speaker) == "الرئيس"


def test_relative_pronoun_agreeing_with_the_verb_is_its_subject() -> None:
    text = "ورفض البرلمان تصريحات النائب سامي العلي الذي اتهم الحكومة بالفساد."
    c = by_cue(text, "اتهم")
    assert c.source is None
    assert "سامي العلي" in text_of(c.speaker)


def test_participle_speaker_is_the_main_clause_speaker() -> None:
    text = "ونفى المدرب بغضب الشائعات التي تحدثت عن خلافه مع اللاعب، واصفا إياها بأنها أكاذيب."
    c = by_cue(text, "واصفا")
    assert text_of(c.speaker) == "المدرب"


def test_compound_name_with_and_without_its_space() -> None:
    text = (
        "وقال الدكتور حسام عبدالغفار المتحدث باسم الوزارة إن الحادث مؤسف. "
        "وأضاف عبد الغفار أن التحقيق مستمر."
    )
    c = by_cue(text, "أضاف")
    assert "حسام" in text_of(c.speaker)


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


def test_participle_takes_the_named_subject_of_its_sentence() -> None:
    text = "وحاول حمزة تفادي انتقاد الأحزاب مبينا أن حزبه الجديد مفتوح للجميع."
    c = by_cue(text, "مبينا")
    assert text_of(c.speaker) == "حمزة"


def test_noun_after_a_causative_is_the_cues_subject() -> None:
    text = "وهو ما جعل ترامب يحذر من فرض رسوم إضافية. وتابع أن الرسوم ضرورية."
    assert text_of(by_cue(text, "يحذر").source) == "ترامب"
    assert text_of(by_cue(text, "تابع").speaker) == "ترامب"


def test_a_later_name_completes_a_feminine_dropped_subject() -> None:
    text = "لكنها توضح أن المشروع يدعو إلى الحوار. فتؤكد شور أن المسألة ليست في السلاح."
    assert text_of(by_cue(text, "توضح").speaker) == "شور"


def test_organisation_named_by_a_verbal_noun_is_a_speaker() -> None:
    c = by_cue("ويتهم التحالف إيران بتهريب الأسلحة إلى المسلحين.", "يتهم")
    assert text_of(c.source) == "التحالف"
    assert c.content.text.startswith("إيران بتهريب الأسلحة")


def test_unanimous_report_with_ala_anna() -> None:
    c = by_cue("وأجمع سكان الحي على أنهم عانوا من صعوبة في التنفس.", "أجمع")
    assert text_of(c.source) == "سكان الحي" and c.stance == "report"
    assert c.content.text == "عانوا من صعوبة في التنفس"


def test_relative_antecedent_stops_at_a_cue_word() -> None:
    text = "وتم تفكيك الخلية، حسب البيان، الذي أوضح أن التحريات مستمرة."
    c = by_cue(text, "أوضح")
    assert text_of(c.speaker) == "البيان"


def test_nationality_before_a_name_is_part_of_the_speaker() -> None:
    c = by_cue("أكد اليوناني دونيس مدرب الفريق سعادته بالفوز.", "أكد")
    assert text_of(c.source) == "اليوناني دونيس مدرب الفريق"
    assert c.content.text == "سعادته بالفوز"


def test_relay_subject_with_a_relative_clause_ends_at_an() -> None:
    text = "ونقلت الوكالة التي يديرها الجيش عن الضباط قولهم إن الهدنة انتهت."
    c = by_cue(text, "نقلت")
    assert text_of(c.source) == "الضباط"
    assert text_of(c.channel) == "الوكالة التي يديرها الجيش"


def test_ambiguous_participle_after_a_pause() -> None:
    text = "ودافع المدرب عن لاعبيه، مقرا خلال مؤتمر صحفي عقده أمس في المدينة أن الفريق تعب."
    c = by_cue(text, "مقرا")
    assert c.stance == "assert" and c.content.text == "الفريق تعب"


def test_subject_of_a_clause_opening_verb_is_a_last_resort() -> None:
    text = "وفي الربيع خرج المزارعون إلى الشوارع للتعبير عن غضبهم مما وصفوه بسوء الإدارة."
    assert text_of(by_cue(text, "وصفوه").speaker) == "المزارعون"


def test_post_posed_kama_with_a_cue_verb() -> None:
    text = "وقال المحقق إن المجرمين لا يستطيعون الاختباء طويلا كما يعتقدون."
    c = by_cue(text, "يعتقدون")
    assert c.stance == "opinion"
    assert c.content.text.startswith("المجرمين لا يستطيعون الاختباء")


def test_document_speaks_through_jaa_fihi_and_views() -> None:
    text = "ونشر الحساب تغريدة جاء فيها «الهدنة انتهت»."
    c = by_cue(text, "جاء فيها")
    assert c.content.text == "الهدنة انتهت" and c.direct_quote
    text = '"الاقتصاد سيتعافى قريبا".. هذه وجهة نظر وزير المالية.'
    c = by_cue(text, "وجهة نظر")
    assert c.stance == "opinion" and text_of(c.source) == "وزير المالية"


def test_held_the_view_and_informed() -> None:
    c = by_cue("إذ ذهب البعض إلى أن الفتاتين تسببتا في المشكلة.", "ذهب")
    assert c.stance == "opinion" and c.content.text == "الفتاتين تسببتا في المشكلة"
    assert all(c.cue.text != "ذهب" for c in claims_of("وذهب الوزير إلى القاهرة أمس."))
    c = by_cue("أعلمت الجامعة الاتحاد الإفريقي بعدم قدرتها على التنظيم.", "أعلمت")
    assert c.content.text.startswith("بعدم قدرتها")


def test_pronoun_after_jaa_fi_refers_to_the_document() -> None:
    text = (
        "وكان المتحدث ينفي تغريدة نشرت على حساب يحمل اسم زعيم الجماعة جاء فيه «الهدنة "
        "مرفوضة» مضيفا أن «المعركة مستمرة»."
    )
    c = by_cue(text, "جاء فيه")
    assert text_of(c.speaker).startswith("حساب")
    assert text_of(by_cue(text, "مضيفا").speaker).startswith("حساب")


def test_oblique_construct_plural_agrees_with_a_plural_verb() -> None:
    text = "وقال المحقق إن مرتكبي الجرائم لا يفلتون من العقاب كما يعتقدون."
    c = by_cue(text, "يعتقدون")
    assert text_of(c.speaker) == "مرتكبي الجرائم"


def test_dual_mention_refers_to_its_plural_antecedent() -> None:
    text = (
        "وألقي القبض على مدرسين تايلانديين اثنين لبيعهما المخدرات. "
        "واعترف المدرسان بأنهما باعا المخدرات."
    )
    c = by_cue(text, "اعترف")
    assert text_of(c.speaker).startswith("مدرسين تايلانديين")


def test_relay_phrase_before_a_claim_of_its_sentence_is_its_channel() -> None:
    text = 'وبحسب ما نقلت صحيفة "الأنباء"، فإنه لا صحة لما يقال عن إغلاق المصنع.'
    c = by_cue(text, "لا صحة")
    assert c.speaker is None and text_of(c.channel) == 'صحيفة "الأنباء"'


def test_name_after_a_title_belongs_to_the_speaker() -> None:
    c = by_cue("واستبعد وزير الاقتصاد سامي الحداد أي رفع للضرائب.", "استبعد")
    assert text_of(c.source) == "وزير الاقتصاد سامي الحداد"
    assert "رفع للضرائب" in c.content.text


def test_quoted_outlet_told_is_a_channel_and_the_quotation_the_content() -> None:
    c = by_cue('وقال مسؤول عسكري لوكالة "فرانس برس": "القوات انسحبت من المدينة".', "قال")
    assert text_of(c.channel) == 'وكالة "فرانس برس"'
    assert c.content.text == "القوات انسحبت من المدينة" and c.direct_quote


def test_statement_parenthetical_before_the_object() -> None:
    c = by_cue("نفى المدير، في بيان صدر مساء الأحد، وجود أي خلاف داخل الإدارة.", "نفى")
    assert text_of(c.channel) == "بيان"
    assert c.content.text == "وجود أي خلاف داخل الإدارة"


def test_broken_plural_takes_a_feminine_participle() -> None:
    c = by_cue("كذبت الصحف نية اللاعب الرحيل، مؤكدة أنه باق مع فريقه.", "مؤكدة")
    assert text_of(c.speaker) == "الصحف"


def test_labels_are_english_or_transliterated_and_impersonal_cues_read_well() -> None:
    said = by_cue("ويُقال إن الوزير سيستقيل قريبا.", "يُقال")
    assert said.label == "It is said"
    named = by_cue("واستبعد وزير الاقتصاد سامي الحداد أي رفع للضرائب.", "استبعد")
    assert named.label.startswith("Minister of al-") and "Sami" in named.label
    for claim in claims_of("وقال مسؤول إثيوبي إن السد سيكتمل العام المقبل."):
        assert not re.search("[\u0600-\u06ff]", claim.label), claim.label


def test_an_unnamed_source_keeps_where_it_is_before_its_object() -> None:
    """«نفى مصدر في الجيش وقوع إصابات»: «في الجيش» places the source; the object follows."""
    for text, source, content in (
        ("نفى مصدر في الجيش وقوع إصابات.", "مصدر في الجيش", "وقوع إصابات"),
        ("نفت مصادر في قسد وجود أي اتفاق.", "مصادر في قسد", "وجود أي اتفاق"),
        ("نفى مسؤول في وزارة الزراعة الأردنية الشائعات.",
         "مسؤول في وزارة الزراعة الأردنية", "الشائعات"),
    ):
        claim = claims_of(text)[0]
        assert (text_of(claim.source), claim.content.text) == (source, content)
    # a definite speaker's في-phrase is a setting or a channel, not part of who speaks
    assert text_of(by_cue("نفى الجيش في بيان وقوع إصابات.", "نفى").source) == "الجيش"
    assert text_of(by_cue("نفى المتحدث في المؤتمر الصحفي وجود خلافات.", "نفى").source) \
        == "المتحدث"


def test_a_reduced_mention_takes_the_claims_source_not_a_longer_phrase_over_it() -> None:
    text = "نفت مصادر في قسد وجود أي اتفاق مع التنظيم، وأكدت المصادر أن قواتها تتقدم."
    assert text_of(by_cue(text, "أكدت").speaker) == "مصادر في قسد"


def test_an_event_noun_after_a_titled_head_starts_the_object() -> None:
    """«وجود», «وقوع»: the object of a denial, not a name after «وزارة الدفاع»."""
    claim = by_cue("نفت وزارة الدفاع وجود قوات أجنبية في المدينة.", "نفت")
    assert (text_of(claim.source), claim.content.text) == (
        "وزارة الدفاع", "وجود قوات أجنبية في المدينة")
    claim = by_cue("نفى وزير الاقتصاد سامي الحداد وقوع أزمة.", "نفى")
    assert text_of(claim.source) == "وزير الاقتصاد سامي الحداد"


def test_a_definite_name_after_a_title_belongs_to_the_speaker() -> None:
    """«الدكتور العواجي»: the title's name may carry the article; the object follows it."""
    claim = by_cue("نفى الدكتور العواجي وجود مخالفات.", "نفى")
    assert (text_of(claim.source), claim.content.text) == ("الدكتور العواجي", "وجود مخالفات")
    claim = by_cue("نفى الدكتور الاتهامات.", "نفى")
    assert (text_of(claim.source), claim.content.text) == ("الدكتور", "الاتهامات")


def test_an_event_noun_ends_an_unnamed_source() -> None:
    claim = by_cue("نفى مصدر دبلوماسي مسؤول وجود أي خلافات.", "نفى")
    assert (text_of(claim.source), claim.content.text) == (
        "مصدر دبلوماسي مسؤول", "وجود أي خلافات")
