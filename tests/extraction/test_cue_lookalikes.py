"""Words that only look like cues make no claim: the writer's formulas («يذكر أن»، «يشار إلى
أن»، «من المقرر أن»), evidentials («تبين أن»، «مما يشير إلى»), an event as subject («الهجوم
يؤكد»), «وفقا لـ» a plan or a rule, nouns that fold like verbs («إشارة»), «يبلغ» (reaches), a
cognate object («نفيا قاطعا»), a verb describing a statement noun («تصريحات نقلتها») and
«فحسب» (only) after a word. On sentences written for these tests, through ``claimx.extract``."""

from __future__ import annotations

import pytest
from extraction_helpers import by_cue, claims_of, cues_of, text_of


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


def test_events_are_not_speakers() -> None:
    assert claims_of("الهجوم الأخير يؤكد أن الجماعة ما زالت قوية.") == []


def test_editorial_formula_is_not_a_claim() -> None:
    assert claims_of("يذكر أن اللاعب انتقل إلى النادي قبل عامين.") == []


def test_what_the_writer_may_say_is_no_claim() -> None:
    assert claims_of("ويمكن القول إن الخطة نجحت في عامها الأول.") == []
    assert claims_of("ومن الصعب القول إن الأزمة انتهت.") == []


def test_background_formula_with_a_pronoun_on_its_complementizer() -> None:
    assert cues_of("يذكر أنه تم افتتاح المستشفى قبل عامين.") == []
    assert cues_of("يشار إلى أنها المرة الأولى التي يفوز فيها الفريق.") == []


def test_evidential_and_scheduling_formulas_are_not_claims() -> None:
    assert claims_of("وتبين أن المتهم كان في الخارج.") == []
    assert claims_of("ومن المقرر أن يزور الرئيس باريس.") == []
    assert claims_of("يشار إلى أن الفريق فاز باللقب مرتين.") == []


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


def test_according_to_a_plan_is_not_a_claim() -> None:
    assert claims_of("وفقاً لخطة الحكومة الجديدة، سيتم بناء ألف مدرسة خلال عامين.") == []


def test_according_to_a_rule_or_plan_is_no_relay() -> None:
    assert cues_of("وبدأت الشركات العمل وفقا للقرارات الجديدة التي أصدرتها الوزارة.") == []
    assert cues_of("وتشكلت الحكومة وفق الدستور الجديد في الشهر الماضي.") == []
    assert cues_of("وستحدد الأسعار حسب الخطة المعتمدة للعام القادم.") == []
    said = by_cue("ووفقا لوكالة الأنباء الرسمية، فإن الوفد وصل إلى العاصمة.", "وفقا")
    assert text_of(said.speaker) == "وكالة الأنباء الرسمية"


def test_terms_one_acts_by_inside_a_speakers_claim_are_no_relay() -> None:
    # not in the list of plans and rules, but no speaker either: part of the minister's claim
    assert cues_of("وقال الوزير إن الدعم سيوزع وفقا لاحتياجات كل منطقة.") == ["قال"]
    assert cues_of("وأوضح المدير أن المنح ستمنح حسب أولويات الطلبة المسجلين.") == ["أوضح"]


def test_noun_in_ta_marbuta_is_not_a_verb_with_object() -> None:
    # «إشارة» folds to the same letters as «أشاره» (he pointed it out)
    assert claims_of("أنا رهن إشارة المدرب ولا يهم أن أكون أساسيا.") == []


def test_yablugh_reaches_is_no_cue() -> None:
    assert cues_of("واعتقلت الشرطة شابا يبلغ من العمر عشرين عاما في المدينة.") == []
    assert cues_of("وأعلى نسبة للبطالة تبلغ نحو عشرة بالمائة في الجنوب.") == []


def test_cognate_object_of_a_denial_is_no_second_cue() -> None:
    text = "ونفى سالم الهادي نفيا قاطعا الاتهامات الموجهة إليه بامتلاك شركة نفط."
    denied = by_cue(text, "نفى")
    assert cues_of(text) == ["نفى"]
    assert denied.content.text.startswith("الاتهامات")


def test_cue_describing_a_statement_noun_is_no_claim() -> None:
    text = "وأضاف المتحدث في تصريحات نقلتها مواقع إخبارية: إن الوزارة أرسلت فرق إنقاذ."
    claims = claims_of(text)
    assert [c.cue.text for c in claims] == ["أضاف"]
    assert claims[0].content.text == "الوزارة أرسلت فرق إنقاذ"


def test_passive_tudaa_is_called_is_no_claim() -> None:
    text = 'ورجحت مصادر أمنية أن الموقوفة التي تدعى "سلمى" كانت على علاقة بمدبر الهجوم.'
    assert cues_of(text) == ["رجحت"]
    text = "وأوقفت الشرطة شابا يدعى سامي، ويبدو أن الشاب كان متورطا في السرقة."
    assert claims_of(text) == []


def test_active_imperfect_yaddai_claims_stays_a_cue() -> None:
    c = by_cue("ويدعي المتهم أنه كان خارج المدينة وقت الحادث.", "يدعي")
    assert c.stance == "allege"
    assert by_cue("وتدّعي الشركة أن منتجاتها آمنة.", "تدّعي").content.text == "منتجاتها آمنة"


def test_plural_verb_describing_an_indefinite_subject_is_no_cue() -> None:
    text = "وقال مسؤولون أوروبيون يتابعون المفاوضات إن الجولة المقبلة ستعقد في جنيف."
    assert cues_of(text) == ["قال"]
    said = by_cue(text, "قال")
    assert said.content.text == "الجولة المقبلة ستعقد في جنيف"
    assert said.speaker.text.startswith("مسؤولون أوروبيون")
    text = "وقال صيادون رأوا القارب إنه غرق قرب الشاطئ."
    assert cues_of(text) == ["قال"]


def test_plural_cue_after_a_definite_noun_or_a_pause_stays_a_cue() -> None:
    text = "قال الوزير إن الخبراء يتوقعون أن تنخفض الأسعار."
    assert cues_of(text) == ["قال", "يتوقعون"]
    text = "وأكد مسؤولون، يتوقعون تحسن الوضع، أن المفاوضات مستمرة."
    assert "يتوقعون" in cues_of(text)


def test_a_person_talking_about_a_topic_is_no_claim() -> None:
    assert claims_of("وتحدث المدرب عن المباريات المقبلة للفريق في البطولة.") == []
    text = "وتحدث اللاعب عن ناديه السابق، مؤكدا أن الإدارة ظلمته."
    assert "تحدث" not in [c.cue.text for c in claims_of(text)]


def test_hearsay_talking_of_something_alleges() -> None:
    reports = only_claim("وتحدثت تقارير عن انسحاب القوات من المدينة.")
    assert reports.stance == "allege" and reports.speaker.text == "تقارير"
    media = only_claim("وكانت وسائل إعلام محلية تحدثت عن إغلاق المدارس.")
    assert media.content.text.startswith("إغلاق المدارس")
    said = only_claim("وتحدث الوزير عن أن الحكومة ستخفض الضرائب.")
    assert said.speaker.text == "الوزير"
    assert said.content.text == "الحكومة ستخفض الضرائب"


def only_claim(text: str, cue: str | None = None):
    """The claim cued by ``cue`` (or the only claim) of ``text``."""
    claims = claims_of(text)
    if cue is None:
        assert len(claims) == 1, [c.cue.text for c in claims]
        return claims[0]
    return by_cue(text, cue)


def test_zada_takes_its_quotation_before_any_comma() -> None:
    text = "وزاد من حجم الخلاف ارتفاع الأسعار، وبالتالي «عجز العائلات عن شراء حاجاتها اليومية»."
    assert "زاد" not in cues_of(text)
    added = by_cue("وقال المدير إن العمل مستمر. وزاد المدير: «لن نتراجع عن موقفنا».", "زاد")
    assert text_of(added.content) == "لن نتراجع عن موقفنا"


def test_nadharan_because_of_is_no_cue() -> None:
    text = "وقال الباحثون إنه نظرا للتطور الكبير في الأجهزة فإن التجربة ستنجح."
    assert cues_of(text) == ["قال"]


def test_a_verb_after_the_question_particle_asks() -> None:
    text = "وسأل المذيع ضيفه: هل تتوقع أن تنخفض الأسعار؟ وقال الوزير إن الأسعار ستنخفض."
    assert cues_of(text) == ["قال"]
    assert claims_of("وهل يرى الخبراء أن السوق ستتعافى قريبا؟") == []
    text = "* كيف ترى مستقبل الصناعة في البلاد؟ - أعتقد أن الطريق طويل."
    assert claims_of(text) == []
    assert claims_of("أم ماذا تتوقع أن يحدث بعد الانتخابات؟") == []
    text = "ومن هنا نفهم لماذا أشار التقرير إلى أن الأسعار سترتفع."
    assert cues_of(text) == ["أشار"]


def test_fahasb_after_a_word_means_only() -> None:
    assert cues_of("لا تحسن القهوة المزاج فحسب بل تنشط الذاكرة أيضا.") == []
    assert cues_of("وليس هذا فحسب، بل إن الطريق مغلق.") == []
    text = "الطريق مغلق منذ أمس، فحسب البيان الذي تلاه المتحدث فإن الثلوج كثيفة."
    assert text_of(by_cue(text, "حسب").source) == "البيان الذي تلاه المتحدث"


def test_bayna_after_a_noun_is_the_preposition() -> None:
    assert cues_of("والفارق الأبرز بين التجربتين أن الأولى أقدم.") == []
    assert cues_of("وكنت قد قررت بيني وبين نفسي أن أبتعد عن المدينة.") == []
    assert cues_of("وينص الاتفاق المبرم بين البلدين على أن تصل الطائرات في الصيف.") == []
    assert text_of(by_cue("وبين حسن أن الإصلاحات ضرورية.", "بين").source) == "حسن"
    text = "وتحدث الدكتور توفيق الذي بين أن الكتب وزعت."
    assert text_of(by_cue(text, "بين").speaker) == "الدكتور توفيق"


def test_a_verb_form_after_a_comparative_says_in_what() -> None:
    text = "وتعلم اللاعب أن يكون أكثر حذرا من خلال مشاركته في البطولة."
    assert "حذرا" not in cues_of(text)


def test_according_to_a_measure_or_an_order_is_no_attribution() -> None:
    assert cues_of("ويتغير لون الشاشة حسب تركيز السكر في الدم.") == []
    assert cues_of("وتقلع الطائرة في الخامسة حسب التوقيت المحلي للمدينة.") == []
    assert cues_of("وبحسب الأرقام الرسمية، فقد ارتفع عدد الزوار.") == ["بحسب"]


def test_gathering_and_recurring_are_no_claims() -> None:
    text = "وأشار إلى أن جميع أعضاء المجموعة تجمعهم صلة قرابة، وفضلوا أن يؤسسوا جمعية."
    assert cues_of(text) == ["أشار"]
    assert cues_of("وهي الإجابة عن أسئلة تتردد بين الحين والآخر عن مستقبل الحكم.") == []
    assert cues_of("ويتردد أن الوزير سيستقيل.") == ["يتردد"]


def test_in_accordance_with_their_agendas_is_no_relay() -> None:
    """«وفق أجنداتهم ومصالحهم»: terms one acts by, whoever's they are, speak for no one."""
    assert cues_of("ويعمل هؤلاء وفق أجنداتهم ومصالحهم الضيقة دون النظر إلى المصلحة العامة.") == []
    assert cues_of("وتعمل الشرطة وفق مصالحها الخاصة.") == []
    said = by_cue("وقالت الشرطة إن الطريق مغلق.", "قالت")  # «الشرطة»: ة, not «شرط» + ه
    assert text_of(said.speaker) == "الشرطة"
