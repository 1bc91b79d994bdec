"""Reduced and anaphoric mentions resolve to the fullest mention of the same entity, on
sentences written for these tests (invented names and events), through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, speaker_of, text_of

from claimx.extraction.names import _names_someone_with


def test_surname_takes_the_title_set_off_by_a_comma() -> None:
    text = (
        'قال وزير النقل والموانئ السابق، كريم الزواوي "سأعود إلى العمل قريبا". '
        "وأكد الزواوي أن الميناء الجديد سيفتح في الربيع."
    )
    c = by_cue(text, "أكد")
    assert text_of(c.source) == "الزواوي"
    assert text_of(c.speaker) == "وزير النقل والموانئ السابق، كريم الزواوي"


def test_given_name_and_surname_take_the_title_before_them() -> None:
    text = (
        "غاب رئيس جمعية الصيادين بالمدينة، سامر القفصي عن الاجتماع. "
        "وأوضح سامر القفصي أن الموسم كان ضعيفا."
    )
    c = by_cue(text, "أوضح")
    assert text_of(c.speaker) == "رئيس جمعية الصيادين بالمدينة، سامر القفصي"


def test_surname_takes_a_title_written_right_before_the_name() -> None:
    text = (
        "أكد المتحدث باسم بلدية الساحل علي الدرويش أن الطريق مغلق. "
        "وقال الدرويش إن الأشغال ستنتهي الشهر المقبل."
    )
    c = by_cue(text, "قال")
    assert text_of(c.speaker) == "المتحدث باسم بلدية الساحل علي الدرويش"


def test_definite_common_noun_is_not_taken_for_a_surname() -> None:
    text = (
        "وتحتجز حاليا سلطات المدينة الصيادين في ثلاثة مراكز. "
        "والصيادين أعلنوا أنهم سيواصلون الاحتجاج."
    )
    c = by_cue(text, "أعلنوا")
    assert "سلطات" not in (text_of(c.speaker) or "")


def test_name_as_written_takes_the_title_before_it() -> None:
    text = (
        "وتدخل خلال الجلسة نائب رئيس نادي الواحة السيد منير الحامدي الذي أوضح أن "
        "اللاعبين غادروا الملعب مبكرا، مشيرا إلى أن الحكم لم يتدخل."
    )
    c = by_cue(text, "مشيرا")
    assert "نائب رئيس نادي الواحة" in (text_of(c.speaker) or "")


def test_the_same_source_before_its_noun_is_the_source_named_before() -> None:
    text = (
        "أفاد مصدر طبي لوكالة الأنباء أن المصابين نقلوا إلى المستشفى. "
        "وأوضح ذات المصدر أن حالتهم مستقرة. وأضاف نفس المصدر أن التحقيق جار."
    )
    assert text_of(by_cue(text, "أوضح").speaker) == "مصدر طبي"
    assert text_of(by_cue(text, "أضاف").speaker) == "مصدر طبي"


def test_the_same_source_is_the_speaker_of_the_claim_just_before() -> None:
    text = (
        "اندلع حريق في مستودع بالميناء، وفق ما أكده المدير الجهوي للحماية المدنية كمال "
        "الرياحي. وأوضح ذات المصدر أن الحريق لم يخلف إصابات."
    )
    assert "المدير الجهوي للحماية المدنية" in (text_of(by_cue(text, "أوضح").speaker) or "")


def test_the_same_sources_with_none_named_before_stay_as_written() -> None:
    text = (
        "وترجح التوقعات الحالية أن الشركة ستؤجل إطلاق هاتفها الجديد حسب المصادر ذاتها."
    )
    c = by_cue(text, "حسب")
    assert text_of(c.speaker) == "المصادر ذاتها"


def test_surname_with_a_particle_takes_the_full_mention() -> None:
    text = (
        "انتقد رئيس المكتب السياسي لحزب الأمل، نبيل بن سالم قرار الحكومة. "
        "وأوضح بن سالم أن القرار سيضر بالفلاحين."
    )
    c = by_cue(text, "أوضح")
    assert text_of(c.speaker) == "رئيس المكتب السياسي لحزب الأمل، نبيل بن سالم"


def test_the_source_is_one_of_the_sources_named_before() -> None:
    text = (
        "كشفت مصادر رياضية مطلعة أن النادي لم يجدد عقد المهاجم حتى الآن. "
        "وقال المصدر إن المفاوضات ستستأنف الأسبوع المقبل."
    )
    assert text_of(by_cue(text, "قال").speaker) == "مصادر رياضية مطلعة"


def test_the_source_prefers_a_source_of_its_own_number() -> None:
    text = (
        "كشفت مصادر رياضية أن النادي سيغير مدربه. وأكد مصدر إداري أن القرار نهائي. "
        "وقال المصدر إن الإعلان سيكون غدا."
    )
    assert text_of(by_cue(text, "قال").speaker) == "مصدر إداري"


def test_a_name_in_brackets_is_the_other_name_of_the_phrase_before_it() -> None:
    text = (
        "أوردت وكالة الأنباء الوطنية الرسمية (نوفا) أن الحدود أغلقت. "
        "وقالت نوفا إن القرار مؤقت."
    )
    c = by_cue(text, "قالت")
    assert text_of(c.speaker) == "وكالة الأنباء الوطنية الرسمية (نوفا)"


def test_a_title_followed_by_a_name_named_again_has_that_name() -> None:
    text = (
        "عاد الرئيس السابق للاتحاد، ماركو تيلاني إلى الواجهة، وقال: "
        '"لم أغادر الرياضة أبدا". وأضاف تيلاني أن الاتحاد بحاجة إلى إصلاح.'
    )
    c = by_cue(text, "قال")
    assert (text_of(c.speaker) or "").endswith("ماركو تيلاني")


def test_a_given_name_may_start_with_wa_or_fa() -> None:
    text = (
        "قالت رئيسة جمعية الحرفيين، وجدان القصاري إن المعرض سيفتح أبوابه غدا. "
        "وأضافت القصاري أن عدد العارضين تضاعف."
    )
    c = by_cue(text, "أضافت")
    assert text_of(c.speaker) == "رئيسة جمعية الحرفيين، وجدان القصاري"


def test_an_indefinite_noun_names_someone_new() -> None:
    text = (
        "قال مصدر بارز في النقابة إن الإضراب سيستمر. "
        "ونقلت الإذاعة المحلية عن مصدر قوله إن المفاوضات متوقفة."
    )
    c = by_cue(text, "نقلت")
    assert text_of(c.speaker) != "مصدر بارز في النقابة"


def test_the_judge_is_a_speaker_noun() -> None:
    text = (
        "واعتبر القاضي السابق في محكمة الاستئناف الحكم مخففا. "
        "وقال القاضي إن القانون يسمح بالطعن فيه."
    )
    c = by_cue(text, "قال")
    assert text_of(c.speaker) == "القاضي السابق في محكمة الاستئناف"


def test_a_copula_or_a_feminine_adjective_is_no_part_of_a_name() -> None:
    text = (
        "وكان رشاد قد انتقد الحكومة، مبينا أن الأسعار ارتفعت. "
        "وأعلنت كوريا الجنوبية أن جنوب كوريا الجنوبية تعرض لزلزال."
    )
    assert "وكان" not in (text_of(by_cue(text, "مبينا").speaker) or "")
    assert text_of(by_cue(text, "أعلنت").speaker) == "كوريا الجنوبية"


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


def test_surname_resolves_to_the_full_name_given_elsewhere() -> None:
    text = (
        "وأكد رئيس الحزب كريم منصور أن الانتخابات ستجرى في موعدها. "
        "وقال منصور إن حزبه سيشارك بقوة."
    )
    c = by_cue(text, "قال")
    assert text_of(c.source) == "منصور"
    assert "كريم" in text_of(c.speaker)


def test_compound_name_with_and_without_its_space() -> None:
    text = (
        "وقال الدكتور حسام عبدالغفار المتحدث باسم الوزارة إن الحادث مؤسف. "
        "وأضاف عبد الغفار أن التحقيق مستمر."
    )
    c = by_cue(text, "أضاف")
    assert "حسام" in text_of(c.speaker)


def test_dual_mention_refers_to_its_plural_antecedent() -> None:
    text = (
        "وألقي القبض على مدرسين تايلانديين اثنين لبيعهما المخدرات. "
        "واعترف المدرسان بأنهما باعا المخدرات."
    )
    c = by_cue(text, "اعترف")
    assert text_of(c.speaker).startswith("مدرسين تايلانديين")


def test_a_reduced_mention_takes_the_claims_source_not_a_longer_phrase_over_it() -> None:
    text = "نفت مصادر في قسد وجود أي اتفاق مع التنظيم، وأكدت المصادر أن قواتها تتقدم."
    assert text_of(by_cue(text, "أكدت").speaker) == "مصادر في قسد"


def test_a_lone_nisba_epithet_is_the_speaker_just_named() -> None:
    text = (
        "قال مدرب المنتخب الوطني هانز كلوبر إن الفريق جاهز للمباراة. "
        "وأضاف السويسري أن اللاعبين في حالة جيدة."
    )
    added = by_cue(text, "أضاف")
    assert text_of(added.speaker) == "مدرب المنتخب الوطني هانز كلوبر"


def test_a_name_governed_by_a_preposition_is_no_fuller_mention() -> None:
    text = (
        "وقطعت ثلاث دول مجاورة علاقاتها التجارية مع كارونيا الشهر الماضي. "
        "ونفت كارونيا الاتهامات، وقالت إنها تحترم الاتفاقيات."
    )
    assert text_of(by_cue(text, "نفت").speaker) == "كارونيا"
    assert text_of(by_cue(text, "قالت").speaker) == "كارونيا"


def test_a_noun_governed_by_a_preposition_is_no_head() -> None:
    text = (
        "وقال سامي الفرجاني الرئيس التنفيذي للشركة إن المبيعات تراجعت. "
        "في الوقت نفسه، فإن الشركة أكدت توقعاتها للعام كله."
    )
    assert text_of(by_cue(text, "أكدت").speaker) == "الشركة"


def test_the_given_name_ali_is_no_preposition() -> None:
    text = (
        "وقالت المصادر إن قائد الحرس السابق العميد علي الزهراني أبلغ اللجنة بما حدث. "
        "وأضافت أن الزهراني أكد أن الأوامر جاءت متأخرة."
    )
    assert "علي الزهراني" in (text_of(by_cue(text, "أكد").speaker) or "")


def test_the_source_is_the_unnamed_official_who_spoke_just_before() -> None:
    text = (
        "قال مسؤول في وزارة الزراعة لصحيفة محلية إن موسم الحصاد سيتأخر. "
        "وأكد المصدر للصحيفة أن الأمطار أتلفت جزءا من المحصول."
    )
    assert text_of(by_cue(text, "أكد").speaker) == "مسؤول في وزارة الزراعة"


def test_the_source_skips_a_claim_reported_inside_another() -> None:
    text = (
        "وأفاد النقيب سامر الحداد بأن أغلب الموقوفين يعتقدون أن القضية ستحفظ. "
        "وأوضح المصدر الأمني أن التحقيق سيستمر أسبوعا."
    )
    assert text_of(by_cue(text, "أوضح").speaker) == "النقيب سامر الحداد"


def test_the_source_with_no_claim_before_it_stays_as_written() -> None:
    text = "شهدت المدينة أمطارا غزيرة أمس. وقال المصدر إن الطرقات أغلقت."
    assert text_of(by_cue(text, "قال").speaker) == "المصدر"


def test_the_source_after_a_feminine_speaker_stays_as_written() -> None:
    text = (
        "أعلنت الوزارة أن المدارس ستغلق يومين. "
        "وقال المصدر إن القرار جاء بسبب العاصفة."
    )
    assert text_of(by_cue(text, "قال").speaker) == "المصدر"


def test_a_spokesman_for_an_institution_is_not_that_institution() -> None:
    text = (
        "قال المتحدث باسم الشرطة سامي العربي إن الطريق أغلق صباحا. "
        "وأكدت الشرطة أن حركة السير عادت إلى طبيعتها."
    )
    c = by_cue(text, "أكدت")
    assert text_of(c.speaker) == "الشرطة"


def test_an_institution_named_after_its_spokesman_takes_its_own_full_name() -> None:
    text = (
        "أعلنت وزارة الصحة الوطنية أن اللقاح سيصل الأسبوع المقبل. "
        "وقال المتحدث باسم الوزارة كمال الرياحي إن الكميات كافية. "
        "وأضافت الوزارة أن التطعيم يبدأ في المدارس."
    )
    c = by_cue(text, "أضافت")
    assert text_of(c.speaker) == "وزارة الصحة الوطنية"


def test_a_title_takes_no_verbal_noun_for_a_name() -> None:
    text = (
        "ولاحظ الباحثون انخفاض معدلات الإصابة في المدينة، "
        "ويعتقدون أن تراجع معدلات الإصابة يعود إلى اللقاح."
    )
    assert text_of(by_cue(text, "يعتقدون").speaker) == "الباحثون"


def test_where_a_document_was_is_not_part_of_it() -> None:
    text = (
        "أفادت الصحيفة بأنه تم استقبال مذكرة في مراكز شرطة عديدة تحذر من هجمات. "
        "وتشير هذه المذكرة المفصلة إلى أن الخطر قائم."
    )
    assert text_of(by_cue(text, "تشير").speaker) == "هذه المذكرة المفصلة"
    assert text_of(by_cue(text, "تحذر").speaker) == "مذكرة"


def test_a_title_with_a_name_is_not_another_holder_of_the_title() -> None:
    text = (
        "وقال نائب الرئيس مايك بنس إن الاتفاق جيد. وأكد الرئيس ترامب أن الكونغرس "
        "سيوافق عليه."
    )
    assert speaker_of(text, "أكد") == "الرئيس ترامب"


def test_a_definite_plural_after_a_verb_is_no_surname() -> None:
    text = (
        "وكان المهندسون يراقبون الشاشات في غرفة التحكم. "
        "وأشارت الشاشات إلى أن الضغط مرتفع."
    )
    assert speaker_of(text, "أشارت") == "الشاشات"


def test_an_indefinite_plural_after_any_word_is_no_surname() -> None:
    text = (
        "وجاءت الأرباح دون توقعات المستثمرين هذا العام. "
        "وكانت تشير توقعات إلى ارتفاع الأرباح."
    )
    assert speaker_of(text, "تشير") == "توقعات"
    text = "قال الزعيم ياسر عرفات إن السلام قريب. وأكد عرفات أن الدولة قادمة."
    assert speaker_of(text, "أكد") == "الزعيم ياسر عرفات"  # a listed given name before it


def test_a_bodys_name_takes_no_given_names_from_the_words_before_it() -> None:
    text = (
        "ومنع القرار أي أموال لصالح تنظيم داعش في المنطقة. "
        "وأعلن تنظيم داعش مسؤوليته عن الهجوم."
    )
    assert speaker_of(text, "أعلن") == "تنظيم داعش"


def test_a_definite_sound_plural_is_no_surname() -> None:
    """«يرتكب السينمائيون»: a verb and its plural subject, not a given name and a surname
    (the fuller mention of «السينمائيون» was «يرتكب السينمائيون»)."""
    assert not _names_someone_with(["يرتكب"], "السينمائيون")
    assert not _names_someone_with(["دون"], "توقعات")
    assert _names_someone_with(["محمد"], "السينمائيون")  # a listed given name: a surname


def test_the_word_after_a_relative_pronoun_is_a_verb_not_a_given_name() -> None:
    text = (
        "ومن الموارد الماء الذي يعتمد جين على استخراجه. "
        "والماء الذي يصفه جين بأنه «نفط الفضاء» مهم."
    )
    assert speaker_of(text, "يصفه") == "جين"


def test_a_fuller_mention_after_a_preposition_names_the_reduced_one() -> None:
    """The attached لـ or بـ is no part of the speaker («لمصدر» → «مصدر»)."""
    text = (
        "ونشر الموقع خبرا لمصدر عسكري رفيع نفى ما تردد عن انسحاب القوات. "
        "وأشار المصدر إلى أن القوات باقية."
    )
    assert text_of(by_cue(text, "أشار").speaker) == "مصدر عسكري رفيع"


def test_a_noun_inside_a_relative_clause_is_no_fuller_mention_of_it() -> None:
    text = (
        "وقال نحو نصف الآباء الذين شملتهم الدراسة إن أطفالهم يفضلون الألعاب. "
        "وأشارت الدراسة إلى أن الأطفال يحبون الشاشات."
    )
    assert speaker_of(text, "أشارت") == "الدراسة"


def test_a_verbal_noun_before_a_surname_is_no_given_name() -> None:
    """«على حد قول سالمي»: the saying, not a man called «قول سالمي»."""
    text = (
        "وارتفعت أسعار الشقق في الحي بنسبة عشرة في المائة على حد قول سالمي. "
        "وقال سالمي إن الطلب سيبقى قويا."
    )
    assert text_of(by_cue(text, "قال").speaker) == "سالمي"
    assert text_of(by_cue(text, "على حد قول").speaker) == "سالمي"


def test_a_surname_takes_its_own_conjunct_of_two_people() -> None:
    """«X والرئيس الأمريكي Y» names two people; «وقال X» is the first of them alone."""
    text = (
        "وقارن الكاتب بين الرئيس الروسي فلاديمير سوكولوف والرئيس الأميركي جون هارتلي. "
        "وقال سوكولوف إن بلاده لن تتراجع."
    )
    assert text_of(by_cue(text, "قال").speaker) == "الرئيس الروسي فلاديمير سوكولوف"


def test_two_titles_of_one_person_stay_together() -> None:
    """«مؤسس الشركة والمدير التنفيذي» are one person's two titles: no name or nationality
    follows the «و»."""
    text = (
        "قال سامي الفرا مؤسس الشركة والمدير التنفيذي إن الأرباح ارتفعت. "
        "وأضاف الفرا أن الشركة ستتوسع."
    )
    assert text_of(by_cue(text, "أضاف").speaker) == "سامي الفرا مؤسس الشركة والمدير التنفيذي"


def test_the_second_of_two_people_is_given_without_the_conjunction() -> None:
    text = (
        "قال وزير الخارجية الأمريكي جون هارتلي والرئيس الأمريكي سوكولوف إن الاتفاق جيد. "
        "وادعى الرئيس سوكولوف أن إيران ستلتزم."
    )
    assert text_of(by_cue(text, "ادعى").speaker) == "الرئيس الأمريكي سوكولوف"


def test_the_word_after_lam_is_a_verb_not_a_given_name() -> None:
    """«لم تتلق سيندي»: «تتلق» is the verb «لم» negates, not a name before «سيندي تشاو»."""
    text = (
        "ورغم النجاح لم تتلق سيندي تشاو أي تدريب في التصميم. "
        "وقالت تشاو إن الموهبة تكفي."
    )
    assert text_of(by_cue(text, "قالت").speaker) == "سيندي تشاو"


def test_a_sentence_opening_with_wa_and_a_verb_names_no_one() -> None:
    """«. ويبيع الروقي الصدريات»: «و» and a verb open the sentence; «ويبيع» is no given
    name of «الروقي»."""
    text = (
        "تنتشر في المدينة تجارة السلاح. ويبيع الروقي الصدريات العسكرية منذ سنوات. "
        "ويقول الروقي إن الطلب كبير."
    )
    assert text_of(by_cue(text, "يقول").speaker) == "الروقي"


def test_whom_a_name_was_with_is_no_part_of_it() -> None:
    """«الصحافي هول مع عناصر التنظيم»: a name takes no «مع»-phrase; it is who he met."""
    text = (
        "لم يحتك الصحافي البريطاني هارتلي مع عناصر التنظيم أثناء وجوده في العراق. "
        "ويقول إن التنظيم منظم."
    )
    assert text_of(by_cue(text, "يقول").speaker) == "الصحافي البريطاني هارتلي"


def test_a_different_adjective_after_the_head_is_another_entity() -> None:
    text = (
        "وقالت مصادر أمنية مطلعة على التحقيق إن الهجوم فشل. "
        "وتضيف المصادر الطبية أن القتلى ثلاثة."
    )
    assert speaker_of(text, "تضيف") == "المصادر الطبية"
    text = "وقالت مصادر أمنية إن الهجوم فشل. وتضيف المصادر الطبية أن القتلى ثلاثة."
    assert speaker_of(text, "تضيف") == "المصادر الطبية"
    text = (
        "وقالت مصادر أمنية مطلعة على التحقيق إن الهجوم فشل. "
        "وتضيف المصادر الأمنية أن القتلى ثلاثة."
    )
    assert speaker_of(text, "تضيف") == speaker_of(text, "قالت")


def test_a_body_named_in_one_word_is_named_in_full() -> None:
    text = (
        "وقالت الشرطة إن المسؤول عن الخلية هو أحد نشطاء حماس في المدينة. "
        "ونفت حماس أن تكون قد خططت للهجوم."
    )
    assert speaker_of(text, "نفت") == "حماس"


def test_a_counterpart_is_the_object_not_part_of_the_host() -> None:
    """«التقى X نظيره الروسي Y»: «نظيره» opens the object, so Y named again is Y, not X."""
    text = (
        "التقى وزير الخارجية الأمريكي جون كيري نظيره الروسي سيرغي لافروف في جنيف. "
        "وقال كيري إن المحادثات كانت بناءة. من جهته، أكد لافروف أن موسكو مستعدة للتعاون."
    )
    assert speaker_of(text, "قال") == "وزير الخارجية الأمريكي جون كيري"
    assert "كيري" not in speaker_of(text, "أكد")


def test_an_honorific_alone_is_no_surname() -> None:
    """«وقال الملك»: not the last word of «استقبل الملك» (a verb read as a given name)."""
    text = "استقبل الملك سلمان الرئيس الفرنسي في الرياض. وقال الملك إن العلاقات تاريخية."
    assert "استقبل" not in speaker_of(text, "قال")


def test_a_verb_opening_the_sentence_is_no_given_name() -> None:
    """«دفع جيمس تومسون ثمنا ...»: the sentence opens with its verb; «وقال تومسون» is
    «جيمس تومسون», not «دفع جيمس تومسون»."""
    text = "دفع جيمس تومسون ثمنا باهظا لتجربته. وقال تومسون إن التطبيقات غامضة."
    assert speaker_of(text, "قال") == "جيمس تومسون"


def test_a_persons_name_after_a_body_noun_names_the_body_not_the_person() -> None:
    """«إدارة أوباما»، «مكتب نتنياهو»: the name in construct is whose body, not a mention of
    the man himself."""
    text = (
        "وانتقدت إدارة أوباما القرار الإيراني. وحول هذا الموضوع قال أوباما الأربعاء إن "
        "الدبلوماسيين يعملون."
    )
    assert speaker_of(text, "قال") == "أوباما"
    text = "وقال مكتب نتنياهو إن الاجتماع ألغي. وأضاف نتنياهو أن الحكومة مستمرة."
    assert speaker_of(text, "أضاف") == "نتنياهو"


def test_a_noun_after_a_preposition_inside_a_mention_is_no_mention_of_it() -> None:
    """«القائمون على الدراسة» are those who run the study, not the study."""
    text = (
        "وقالت دراسة كندية حديثة إن الأطفال يتأثرون بالتلفزيون. وحذر القائمون على الدراسة من "
        "أن الجلوس أمام الشاشة مضر. وأظهرت الدراسة أن الأطفال يتأثرون."
    )
    assert speaker_of(text, "أظهرت") == "دراسة كندية حديثة"


def test_a_country_named_with_the_article_needs_no_antecedent() -> None:
    text = (
        "وقال الشيخ سالم الحمد، نائب رئيس الإمارات، إن القانون جاهز. "
        "وأكدت الإمارات أمس أن القانون سيطبق."
    )
    assert speaker_of(text, "أكدت") == "الإمارات"
