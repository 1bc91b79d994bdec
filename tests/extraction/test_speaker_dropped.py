"""Which antecedent a dropped subject, a participle or a pronoun takes: the nearest earlier
speaker whose gender and number agree with the verb, a noun of a reported clause only as a
last resort. On sentences written for these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, only, speaker_of, text_of

from claimx.extraction.lexicon import load_lexicon
from claimx.extraction.mentions import agreement_of
from claimx.extraction.tokenize import TokenizedText


def test_subject_of_a_governing_verb_that_is_no_cue() -> None:
    text = (
        "قال مسؤول في البلدية إن الطريق مغلق. "
        "كما استنكرت الوزارة الحادث الأليم في ضاحية النخيل، وأكدت أن التحقيق بدأ."
    )
    assert speaker_of(text, "أكدت") == "الوزارة"


def test_subject_before_a_governing_verb_that_is_no_cue() -> None:
    text = "أكد الرئيس أن الحكومة مستمرة. لكن رئيس الوزراء رفض الاستقالة وأوضح أنه باق."
    assert speaker_of(text, "أوضح") == "رئيس الوزراء"
    text = "منظمة العفو الدولية أعربت في تقرير لها عن قلقها من الأوضاع، قائلة إن السجون مكتظة."
    assert speaker_of(text, "قائلة") == "منظمة العفو الدولية"


def test_a_topic_with_a_relative_clause_set_off_by_commas_names_no_antecedent() -> None:
    text = (
        "أكدت الممثلة نادين نجيم أن العمل ممتع. وعن رأيها في أرقام الإحصاءات التي تتناول "
        "نسبة المشاهدة، والتي تصنف الأعمال على أساسها، قالت إنها لم تعد تهتم بها."
    )
    assert speaker_of(text, "قالت") == "الممثلة نادين نجيم"


def test_object_after_the_verb_is_no_antecedent() -> None:
    text = "استقبل رئيس المجلس البلدي الوزير الجديد، مشيرا إلى أن المشروع سينطلق قريبا."
    assert speaker_of(text, "مشيرا") == "رئيس المجلس البلدي"


def test_negated_governing_verb() -> None:
    text = (
        "وذكرت مصادر محلية أن الاجتماع انتهى. "
        "ولم يحدد البيان موعد الجلسة القادمة، لكنه قال إن الحوار سيستمر."
    )
    assert speaker_of(text, "قال") == "البيان"


def test_subject_after_kana() -> None:
    text = (
        "وقالت الشرطة إن البحث مستمر. "
        "وكان سامر الوادي ظهر في برنامج تلفزيوني، وصرح بأنه سيعود إلى بلده."
    )
    assert speaker_of(text, "صرح") == "سامر الوادي"


def test_a_claim_in_between_keeps_its_speaker() -> None:
    text = "أكدت المديرة أن المدرسة ستفتح أبوابها، وأضافت أن الدروس ستبدأ الأحد."
    assert speaker_of(text, "أضافت") == "المديرة"


def test_a_later_sentence_continues_the_reporting_claim() -> None:
    text = (
        "وأضافت المصادر المطلعة أن الوزارة أكدت أن الجسر سليم. "
        "وأشارت إلى أن الأشغال ستتواصل حتى الصيف."
    )
    assert speaker_of(text, "أشارت") == "المصادر المطلعة"


def test_the_same_source_is_masculine() -> None:
    text = (
        "وأفاد مصدر أمني أن الحادث وقع ليلا. "
        "وأوضح ذات المصدر أن فريق الإنقاذ وصل بسرعة. وقال إن المصابين نقلوا إلى المستشفى."
    )
    said, explained = by_cue(text, "قال"), by_cue(text, "أوضح")
    assert said.speaker is not None and explained.speaker is not None
    assert said.speaker.text == explained.speaker.text


def test_a_masculine_verb_says_a_name_in_ta_marbuta_is_a_man() -> None:
    text = (
        "وقال النائب السابق سالم عبيدة إن المجلس لم يجتمع. "
        "وأضاف عبيدة أن اللجنة المالية ستنعقد غدا، حسب قوله."
    )
    assert "عبيدة" in (speaker_of(text, "حسب قوله") or "")


def test_a_noun_inside_reported_speech_is_no_antecedent() -> None:
    text = (
        "أعلن المدرب سامي الهادي أن اللاعبين جاهزون للمباراة. "
        "كما ذكرت الإدارة أن المدير الفني الجديد سيصل غدا. "
        "وأضاف أن التدريبات ستتواصل."
    )
    assert speaker_of(text, "أضاف") == "المدرب سامي الهادي"


def test_a_relative_cue_takes_a_noun_inside_reported_speech() -> None:
    text = (
        "نفت وزارة النقل، صحة المعلومات التي تداولتها وسائل إعلام أجنبية بشأن التقرير "
        "النهائي للوزير، والتي نقلت أن العقد ألغي."
    )
    assert speaker_of(text, "نقلت") == "وسائل إعلام أجنبية"


def test_a_cue_after_haythu_continues_the_claim_before() -> None:
    text = (
        "قال المهاجم سليم الزين إنه سعيد بالعقد. "
        "وتعود القصة إلى خلاف مع رئيس النادي، حيث أكد أن الإدارة لم تدفع راتبه."
    )
    assert speaker_of(text, "أكد") == "المهاجم سليم الزين"


def test_a_relay_between_cue_and_content_is_no_antecedent() -> None:
    text = (
        "وأضافت مصادر في البلدية، وفقاً لما أوردته صحيفة «المساء»، أن الجسر سيغلق، "
        "مفيدةً أن الأشغال تبدأ غدا."
    )
    assert speaker_of(text, "مفيدةً") == "مصادر في البلدية"


def test_a_name_earlier_in_the_passage_takes_a_feminine_verb() -> None:
    text = (
        "قالت سلمى داود إن المعرض ناجح. وذكر المدير أن عدد الزوار كبير. "
        "قبل أن تضيف أن التذاكر نفدت."
    )
    assert speaker_of(text, "تضيف") == "سلمى داود"


def test_an_aside_on_reported_words_is_no_antecedent() -> None:
    text = (
        "وقال مدير المستشفى سامي العربي إن الحادث أدى، حسب آخر حصيلة، إلى وفاة رجل، "
        "مؤكدا أن الجرحى في حالة مستقرة."
    )
    assert speaker_of(text, "مؤكدا") == "مدير المستشفى سامي العربي"


def test_according_to_his_statement_is_a_dropped_subject() -> None:
    text = "وأوضح الوزير سامي العربي أنه سيستقيل بعد المشاورات، حسب تصريحه."
    c = by_cue(text, "حسب تصريحه")
    assert c.source is None and c.speaker is not None
    assert c.speaker.text == "الوزير سامي العربي"


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


def test_sound_plural_in_construct_agrees_with_a_plural_verb() -> None:
    text = "ويقول محامو الشركة إن القضية ضعيفة. ويتوقعون أن تسقط التهم قريبا."
    c = by_cue(text, "يتوقعون")
    assert text_of(c.speaker) == "محامو الشركة"


def test_oblique_construct_plural_agrees_with_a_plural_verb() -> None:
    text = "وقال المحقق إن مرتكبي الجرائم لا يفلتون من العقاب كما يعتقدون."
    c = by_cue(text, "يعتقدون")
    assert text_of(c.speaker) == "مرتكبي الجرائم"


def test_broken_plural_takes_a_feminine_participle() -> None:
    c = by_cue("كذبت الصحف نية اللاعب الرحيل، مؤكدة أنه باق مع فريقه.", "مؤكدة")
    assert text_of(c.speaker) == "الصحف"


def test_a_later_name_completes_a_feminine_dropped_subject() -> None:
    text = "لكنها توضح أن المشروع يدعو إلى الحوار. فتؤكد شور أن المسألة ليست في السلاح."
    assert text_of(by_cue(text, "توضح").speaker) == "شور"


def test_participle_cue_takes_previous_speaker() -> None:
    first, second = claims_of("أوضح المدير أن المصنع سيفتح قريبا، مشيرا إلى أن العمال عادوا.")
    assert text_of(second.speaker) == "المدير" and second.cue.text == "مشيرا"
    assert first.content.text == "المصنع سيفتح قريبا"


def test_participle_speaker_is_the_main_clause_speaker() -> None:
    text = "ونفى المدرب بغضب الشائعات التي تحدثت عن خلافه مع اللاعب، واصفا إياها بأنها أكاذيب."
    c = by_cue(text, "واصفا")
    assert text_of(c.speaker) == "المدرب"


def test_participle_takes_the_named_subject_of_its_sentence() -> None:
    text = "وحاول حمزة تفادي انتقاد الأحزاب مبينا أن حزبه الجديد مفتوح للجميع."
    c = by_cue(text, "مبينا")
    assert text_of(c.speaker) == "حمزة"


def test_directive_subject_is_a_speaker_for_later_participle() -> None:
    c = only("ودعا الوزير المواطنين إلى الحذر، مؤكدا أن الوضع تحت السيطرة.")
    assert c.cue.text == "مؤكدا" and text_of(c.speaker) == "الوزير"


def test_subject_of_a_reported_clause_is_a_last_resort_antecedent() -> None:
    text = "وذكر الوزير أن سلمى حداد شكرته على دعمه، وقالت إنها ستعود قريبا."
    c = by_cue(text, "قالت")
    assert text_of(c.speaker) == "سلمى حداد"


def test_subject_of_a_clause_opening_verb_is_a_last_resort() -> None:
    text = "وفي الربيع خرج المزارعون إلى الشوارع للتعبير عن غضبهم مما وصفوه بسوء الإدارة."
    assert text_of(by_cue(text, "وصفوه").speaker) == "المزارعون"


def test_pronoun_after_jaa_fi_refers_to_the_document() -> None:
    text = (
        "وكان المتحدث ينفي تغريدة نشرت على حساب يحمل اسم زعيم الجماعة جاء فيه «الهدنة "
        "مرفوضة» مضيفا أن «المعركة مستمرة»."
    )
    c = by_cue(text, "جاء فيه")
    assert text_of(c.speaker).startswith("حساب")
    assert text_of(by_cue(text, "مضيفا").speaker).startswith("حساب")


def test_speaker_noun_before_an_indefinite_object_ends_there() -> None:
    text = "قدمت الجمعية شكوى ضد الاتحاد الدولي للسباحة. وقالت إن القرار ظالم."
    assert speaker_of(text, "قالت") == "الجمعية"


def test_speaker_noun_before_a_construct_object_ends_there() -> None:
    text = "لم يحدد المصدر عدد الموقوفين في الحادث. وأكد أن التحقيق مستمر."
    assert speaker_of(text, "أكد") == "المصدر"


def test_a_title_keeps_the_name_after_it() -> None:
    text = "وصل السفير الروسي فيتالي تشوركين إلى المدينة أمس. وقال إن المحادثات مثمرة."
    assert speaker_of(text, "قال") == "السفير الروسي فيتالي تشوركين"


def test_a_speaker_noun_keeps_its_complements() -> None:
    text = "وصل رئيس البحوث في منظمة الصحة العالمية إلى المدينة أمس. وقال إن المرض ينحسر."
    assert speaker_of(text, "قال") == "رئيس البحوث في منظمة الصحة العالمية"
    text = "وصل الاتحاد البرازيلي لكرة القدم إلى قرار نهائي أمس. وأكد أن المدرب باق."
    assert speaker_of(text, "أكد") == "الاتحاد البرازيلي لكرة القدم"


def test_an_unnamed_source_takes_no_name_after_it() -> None:
    text = (
        "وقال مصدر أمني إن عددا من الموقوفين اعترفوا بالتهم. "
        "وفيما لم يحدد المصدر عدد الموقوفين، كشف أن التحقيق مستمر."
    )
    assert speaker_of(text, "كشف") == "مصدر أمني"


def test_a_title_inside_a_body_keeps_a_gazetteer_name() -> None:
    text = "نجحت إدارة الرئيس ترامب في إبرام الاتفاق مع كندا. وتؤكد أن الاتفاق تاريخي."
    assert speaker_of(text, "تؤكد") == "إدارة الرئيس ترامب"


def test_a_title_keeps_a_given_name_and_surname_in_ya() -> None:
    text = "وشارك الفنان سامي الحلبي في مسلسل جديد هذا العام. ويقول إن الدور صعب."
    assert speaker_of(text, "يقول") == "الفنان سامي الحلبي"


def test_a_title_takes_no_object_for_a_name() -> None:
    text = "وقدم السفير شكوى رسمية للوزارة، وقال إن الاعتداء مرفوض."
    assert speaker_of(text, "قال") == "السفير"
    text = "وزار الوزير مستشفى المدينة، وقال إن الخدمات تحسنت."
    assert speaker_of(text, "قال") == "الوزير"
    text = "وجدد الرئيس دعم بلاده للاتفاق، وقال إن الحل قريب."
    assert speaker_of(text, "قال") == "الرئيس"


def test_a_title_keeps_the_institution_it_is_held_at() -> None:
    text = "ويتابع الباحث بجامعة القاهرة هذه الأحداث، ويقول إن الأزمة ستطول."
    assert speaker_of(text, "يقول") == "الباحث بجامعة القاهرة"


def test_an_institution_keeps_its_chain_of_genitives() -> None:
    text = "وأعد مركز دراسات عدم الانحياز تقريرا جديدا، وأكد أن التوتر يتصاعد."
    assert speaker_of(text, "أكد") == "مركز دراسات عدم الانحياز"
    text = "وقالت شركة ناشئة لامعة تحقيق أرباح أمر صعب، وأوضحت أن السوق ضيقة."
    assert speaker_of(text, "أوضحت") == "شركة ناشئة لامعة"


def test_the_subject_of_a_governing_verb_keeps_the_name_after_its_title() -> None:
    text = "وجه الوزير مروان الحلبي رسالة إلى المزارعين، مشيرا إلى أن الدعم سيصل قريبا."
    assert speaker_of(text, "مشيرا") == "الوزير مروان الحلبي"


def test_the_subject_of_a_governing_verb_keeps_its_lam_phrase() -> None:
    text = "زار المدير الفني لنادي الشروق المعسكر التدريبي، مؤكدا أن الفريق جاهز للموسم."
    assert speaker_of(text, "مؤكدا") == "المدير الفني لنادي الشروق"


def test_an_accusative_object_is_no_speaker_to_refer_back_to() -> None:
    text = (
        "وقال نبيل الحداد إن المعرض ناجح. "
        "وكان المجلس قد أصدر قرارًا بتكريم نبيل الحداد في الحفل. "
        "وأضاف الحداد أن الزوار كثر."
    )
    assert speaker_of(text, "أضاف") == "نبيل الحداد"


def test_a_quoted_name_after_a_governing_verb_is_its_subject() -> None:
    text = "وقال مسؤول إن الطريق مفتوح. ويرد «بوزيد» قائلا إن المشكلة في التمويل."
    assert speaker_of(text, "قائلا") == "«بوزيد»"


def test_a_quantified_plural_agrees_as_the_noun_it_counts() -> None:
    text = "وقالت النقابة إن عددا من العمال اعتصموا أمام المصنع، وأكدوا أنهم لن يعودوا."
    assert speaker_of(text, "أكدوا") == "عددا من العمال"


def test_a_group_named_by_its_noun_stays_singular() -> None:
    text = "ونفت مجموعة الأمل الخبر، وأكدت أنها ستلجأ إلى القضاء."
    assert speaker_of(text, "أكدت").startswith("مجموعة الأمل")


def test_a_topic_opening_the_sentence_names_no_antecedent() -> None:
    text = (
        "وقالت الممثلة سلمى العمري إنها سعيدة بدورها الجديد. "
        "وعن المسلسلات اللبنانية المشاركة في الموسم أجابت: «هي أعمال جيدة»."
    )
    assert speaker_of(text, "أجابت") == "الممثلة سلمى العمري"


def test_a_topic_with_a_clause_of_its_own_is_no_fronted_subject() -> None:
    text = (
        "وقال المدرب سامي الكردي إن الفريق جاهز. "
        "وعما إذا كان يخطط لضم لاعبين جدد أجاب: «ليس الآن»."
    )
    assert speaker_of(text, "أجاب") == "المدرب سامي الكردي"


def test_a_topic_after_a_comma_and_after_amma() -> None:
    text = (
        "وقالت المديرة إن المدرسة ستفتح أبوابها. "
        "وحول الدروس المسائية، أوضحت أنها ستبدأ الأحد. "
        "أما عن الحافلات الجديدة فأكدت أنها وصلت."
    )
    assert speaker_of(text, "أوضحت") == "المديرة"
    assert speaker_of(text, "أكدت") == "المديرة"


def test_a_preposition_opening_a_clause_is_no_verb_before_its_subject() -> None:
    text = (
        "وقال الوزير إن الطريق مغلق. "
        "وعلى الطريق الساحلي توقفت الحافلات، وأضاف أن الثلوج كثيفة."
    )
    assert speaker_of(text, "أضاف") == "الوزير"


def test_a_relative_after_a_body_in_lam_refers_to_the_whole_construct() -> None:
    text = "وتراجعت المبيعات بحسب أرقام لوزارة التجارة التي أعلنت أن السوق تباطأت."
    assert speaker_of(text, "أعلنت") == "وزارة التجارة"


def test_a_relative_that_disagrees_with_the_body_in_lam_refers_to_the_noun_it_qualifies() -> None:
    text = "وتراجعت المبيعات بحسب المؤشر العقاري لوزارة العدل، الذي يشير إلى أن السوق تباطأت."
    assert speaker_of(text, "يشير") == "المؤشر العقاري لوزارة العدل"


def test_a_feminine_noun_after_a_masculine_verb_is_its_object() -> None:
    text = (
        "قال المطرب سامر حداد إن الجولة نجحت. "
        "ووصف الممثلة ليلى بأنها النجمة الأولى في البلاد."
    )
    assert speaker_of(text, "وصف") == "المطرب سامر حداد"


def test_a_known_person_after_a_verb_that_is_no_cue_governs_a_dropped_subject() -> None:
    text = (
        "وقال الرئيس الإيراني حسن روحاني إن الاتفاق جيد. "
        "وقال وزير الخارجية الأمريكي إن العقوبات سترفع. "
        "وأشاد روحاني بالاتفاق ووصفه بأنه نصر."
    )
    assert speaker_of(text, "وصفه") == "الرئيس الإيراني حسن روحاني"


def test_a_verb_whose_hamza_folds_like_the_article_governs_a_dropped_subject() -> None:
    text = (
        "وقال مجلس الوزراء إن الميزانية جاهزة. "
        "وبعد شهر، ألقى الملك خطابا، حيث أكد أن المواطن محل اهتمامه."
    )
    assert speaker_of(text, "أكد") == "الملك"


def test_while_she_spoke_is_no_subject() -> None:
    """«وقالت وهي تتذكر ...:»: «وهي» opens how she spoke; the subject is dropped."""
    text = "ووقفت الممثلة أمام الجمهور. وقالت وهي تتذكر الأيام الأولى: «كنت خائفة»."
    assert speaker_of(text, "قالت") == "الممثلة"


def test_while_he_spoke_after_a_named_speaker() -> None:
    """«ويقول أبو محمد وهو يشير إلى الركام إن ...»: the clause after «وهو» is how he spoke;
    «يقول» keeps the content and «يشير» is no claim of its own."""
    text = "ويقول أبو محمد وهو يشير إلى الركام إن الحي دمر بالكامل."
    (said,) = claims_of(text)
    assert said.cue.text == "يقول" and text_of(said.speaker) == "أبو محمد"
    assert said.content.text == "الحي دمر بالكامل"
    assert speaker_of("وقال سامي حداد وهو مستشار أمني إن الخطر قائم.", "قال") == (
        "سامي حداد وهو مستشار أمني"  # with a noun, «وهو» describes him
    )


def test_a_broken_plural_of_people_is_the_subject_of_a_plural_verb() -> None:
    text = "وأوضح العلماء أن الجهاز آمن، مؤكدين أن الابتكار مفيد."
    assert speaker_of(text, "مؤكدين") == "العلماء"
    text = "وأصيب أصدقاء الضحية بصدمة مما حدث، وقالوا إنه كان هادئا."
    assert speaker_of(text, "قالوا") == "أصدقاء الضحية"


def test_broken_plurals_agree_as_their_verbs_do() -> None:
    """People take a masculine plural verb («العلماء ... مؤكدين»), groups and things a
    feminine singular one («وقالت الفصائل»)."""
    lex = load_lexicon()
    for text, agreement in [
        ("العلماء", "mp"), ("أعضاء البرلمان", "mp"), ("الفصائل المسلحة", "f"),
        ("الأحزاب", "f"),
    ]:
        tt = TokenizedText(text)
        assert agreement_of(tt, (0, len(tt.tokens)), lex) == agreement, text


def test_some_alone_is_people_and_takes_a_plural_verb() -> None:
    text = "ويرى البعض أن الخطة فاشلة، مشيرين إلى أن التنفيذ بطيء."
    said = by_cue(text, "مشيرين")
    assert text_of(said.speaker) == "البعض"
    assert said.speaker_label == "Some"


def test_a_dual_speaker_takes_a_dual_verb() -> None:
    text = "وقال مصدران أمنيان إن الهجوم فشل، وأضافا أن الجيش يلاحق المهاجمين."
    said = by_cue(text, "أضافا")
    assert text_of(said.speaker) == "مصدران أمنيان"
    assert said.speaker_label == "Security sources"
    text = "وقالت حركة طالبان إن الهجوم فشل. وأضافت أن الجيش انسحب."
    assert speaker_of(text, "أضافت") == "حركة طالبان"  # a name in ـان, no dual


def test_a_rank_or_a_royal_title_opens_an_antecedent() -> None:
    """«اللواء»، «الأمير» before a name make it a mention a later dropped subject takes."""
    text = "وتفقد اللواء فارس الحمدان مواقع الحرس على الحدود. وقال إن الوضع مستقر."
    assert speaker_of(text, "قال") == "اللواء فارس الحمدان"
    text = "وتحدث الأمير سعود بن فهد عن الخدمات الصحية. وقال إن المستشفيات جاهزة."
    assert speaker_of(text, "قال") == "الأمير سعود بن فهد"


def test_a_participle_after_a_report_that_goes_on_past_a_claim_inside_it() -> None:
    """The participle continues the reporting claim when its words go on after the claim
    reported inside them; it continues the inner claim when that claim closes them."""
    text = (
        "وقال الوزير: «ارتبط القانون بأفكار معينة ويصفه بعض الناس بأنه قانون الضرائب "
        "ويتحدثون عن الغلاء. هذا أمر خاطئ»، مؤكدا أن القانون سيحمي الجميع."
    )
    assert speaker_of(text, "مؤكدا") == "الوزير"
    text = (
        "وقال مكتب الرئيس إن رئيس الحكومة أكد في رسالة «نحن شركاء حقيقيون»، "
        "مؤكدا «سنعمل معا من أجل السلام»."
    )
    assert speaker_of(text, "مؤكدا") == "رئيس الحكومة"


def test_a_trade_of_the_arts_or_media_opens_an_antecedent() -> None:
    text = "وتحدثت المخرجة عن فيلمها الجديد. وقالت إن التصوير انتهى."
    said = by_cue(text, "قالت")
    assert text_of(said.speaker) == "المخرجة"
    assert said.speaker_label == "Director"


def test_a_womans_name_before_a_masculine_role_agrees_with_a_feminine_verb() -> None:
    text = (
        "وقالت هند سالم، مدير برنامج التغذية المدرسية في المنظمة الدولية: «التقينا الأطفال»، "
        "متابعة أن البرنامج يأمل في توسيع عمله في المحافظات."
    )
    assert speaker_of(text, "متابعة") == (
        "هند سالم، مدير برنامج التغذية المدرسية في المنظمة الدولية"
    )
