"""Where the speaker phrase after a verb cue (VSO) and before it (SVO) begins and ends, on
sentences written for these tests: one test per construction, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, cues_of, only, speaker_of, text_of


def test_adverbial_fi_phrase_after_the_speaker_is_not_part_of_it() -> None:
    said = by_cue("وأكد الحمادي في سياق آخر، أن المدينة تتجه نحو أزمة.", "أكد")
    assert text_of(said.source) == "الحمادي"
    said = by_cue("وقال الساعدي في هذا السياق إن الطريق مغلق.", "قال")
    assert text_of(said.source) == "الساعدي"
    said = by_cue("وأوضح الاتحاد في أكثر من مناسبة عقب ذلك أن الموعد ثابت.", "أوضح")
    assert text_of(said.source) == "الاتحاد"


def test_a_recent_study_is_not_his_talk() -> None:
    """«حديثة» (recent) and «حديثه» (his talk) are one word once ة is folded: the adjective
    stays in the speaker, the talk after «اختتم» does not."""
    said = by_cue("وقالت دراسة كندية حديثة إن النوم المبكر يحسن الذاكرة.", "قالت")
    assert text_of(said.source) == "دراسة كندية حديثة"
    assert said.label == "Recent Canadian study says"
    ended = by_cue("واختتم الوزير حديثه بقوله إن الحكومة باقية.", "اختتم")
    assert text_of(ended.source) == "الوزير"


def test_first_after_a_rank_is_part_of_the_title() -> None:
    said = by_cue("وقال الفريق أول سامي الخطيب إن الجيش جاهز.", "قال")
    assert text_of(said.source) == "الفريق أول سامي الخطيب"
    assert said.label == "General Sami al-Khatib says"
    said = by_cue("وقال الفريق أول من أمس إن اللاعبين جاهزون.", "قال")
    assert text_of(said.source) == "الفريق"  # the day before yesterday
    said = by_cue("وأكد النائب أول أمس أن القانون سيمر.", "أكد")
    assert text_of(said.source) == "النائب"


def test_a_time_unit_placed_by_its_adjective_ends_the_speaker() -> None:
    said = by_cue("وكشفت الوزارة الأسبوع الماضي أن الخطة جاهزة.", "كشفت")
    assert text_of(said.source) == "الوزارة"
    said = by_cue("وقالت الرابطة الوطنية للمزارعين الشهر الماضي إن المحصول تراجع.", "قالت")
    assert text_of(said.source) == "الرابطة الوطنية للمزارعين"
    said = by_cue("وقال الأمين العام للجامعة إن الاجتماع تأجل.", "قال")
    assert text_of(said.source) == "الأمين العام للجامعة"  # «العام» without a time after it
    announced = by_cue("وأعلنت الوزارة أمس الأول تحرير أسعار الوقود.", "أعلنت")
    assert announced.content.text == "تحرير أسعار الوقود"
    announced = by_cue("وأعلنت الوزارة أول من أمس تحرير أسعار الوقود.", "أعلنت")
    assert announced.content.text == "تحرير أسعار الوقود"


def test_a_surname_that_starts_as_lam_would_when_the_clause_follows() -> None:
    said = by_cue("وأكد وزير الدفاع الفرنسي جان إيف لودريان أن باريس لن تتراجع.", "أكد")
    assert text_of(said.source) == "وزير الدفاع الفرنسي جان إيف لودريان"
    said = by_cue("وقال الباحث كريم لحمر إن الحل قريب.", "قال")
    assert text_of(said.source) == "الباحث كريم لحمر"
    # whom they told, with a pronoun on it or a hamza after the لـ, is no surname
    assert speaker_of("وقال سامي لمراسلنا إن الحل قريب.", "قال") == "سامي"
    assert speaker_of("وقال بيرني ساندرز لأنصاره إن الحل قريب.", "قال") == "بيرني ساندرز"


def test_any_opens_the_object_of_a_denial() -> None:
    """«أي» (any) starts what is denied, after a name too, and stays in the content."""
    denied = by_cue("ونفت حماس أي علاقة لها بالهجوم.", "نفت")
    assert text_of(denied.source) == "حماس"
    assert denied.content.text == "أي علاقة لها بالهجوم"
    said = by_cue("وقالت شركة آي بي إم إن الأرباح تراجعت.", "قالت")
    assert text_of(said.source) == "شركة آي بي إم"  # «آي», the letter I, is a name


def test_a_simple_verbal_noun_after_a_nationality_is_the_object() -> None:
    said = by_cue("وأعلن الاتحاد الأوروبي فرض عقوبات جديدة على الشركة.", "أعلن")
    assert text_of(said.source) == "الاتحاد الأوروبي"
    assert said.content.text == "فرض عقوبات جديدة على الشركة"
    assert speaker_of("وأكد الرئيس الفرنسي دعم بلاده للبنان.", "أكد") == "الرئيس الفرنسي"
    said = by_cue("وقال الوزير الأردني عمر الرزاز إن الخطة جاهزة.", "قال")
    assert text_of(said.source) == "الوزير الأردني عمر الرزاز"  # a given name stays


def test_bi_and_a_verbal_noun_before_the_words_is_the_manner() -> None:
    text = "وعاد المدرب إلى المؤتمر. وقال باستياء إن الفريق ظلم."
    assert speaker_of(text, "قال") == "المدرب"
    said = by_cue("وقال بشار الأسد إن الحرب انتهت.", "قال")
    assert text_of(said.source) == "بشار الأسد"  # a name in بـ stays the speaker


def test_where_the_speaker_works_stays_in_the_phrase() -> None:
    said = by_cue("وقال مسؤول في الإدارة الأمريكية إن الاتفاق قريب.", "قال")
    assert text_of(said.source) == "مسؤول في الإدارة الأمريكية"


def test_an_abbreviated_title_and_the_name_after_its_dot() -> None:
    said = by_cue("وقال د.سامي الحلو إن المرض نادر.", "قال")
    assert text_of(said.source) == "د.سامي الحلو"
    said = by_cue("ويرى الطبيب السوري د. منى العطار أن العلاج متوفر.", "يرى")
    assert text_of(said.source) == "الطبيب السوري د. منى العطار"
    said = by_cue("ويؤكد د. علي لـ«الحياة» أن الجهاز آمن.", "يؤكد")
    assert text_of(said.source) == "د. علي"


def test_a_time_between_commas_is_no_apposition() -> None:
    said = by_cue("وقال وزير الثقافة نادر البحيري، الأربعاء، إن المهرجان سيقام.", "قال")
    assert text_of(said.source) == "وزير الثقافة نادر البحيري"


def test_a_relative_clause_ends_before_a_channel_or_a_time() -> None:
    text = (
        "وأكد حزب الأمل الذي يقوده كمال البناني في بيان صادر عنه اليوم الثلاثاء، "
        "أن الانتخابات ستجرى."
    )
    assert text_of(by_cue(text, "أكد").source) == "حزب الأمل الذي يقوده كمال البناني"
    text = "وأكد رئيس حزب الأمل كمال البناني عقب لقائه الوزير أن الانتخابات ستجرى."
    assert text_of(by_cue(text, "أكد").source) == "رئيس حزب الأمل كمال البناني"


def test_whom_the_speaker_told_is_not_part_of_the_speaker() -> None:
    said = by_cue('وذكر مصدر لراديو "صوت الشرق" أنه تم اعتقال ضباط.', "ذكر")
    assert text_of(said.source) == "مصدر"
    assert text_of(by_cue("وأكد المصدر للصحيفة أن الاتفاق نهائي.", "أكد").source) == "المصدر"
    said = by_cue("وقال معظم الموقوفين للمحققين إنهم أبرياء.", "قال")
    assert text_of(said.source) == "معظم الموقوفين"


def test_an_object_adverbial_ends_the_speaker() -> None:
    said = by_cue('أكدت "الصباح" صحة ما نشرته عن الاستقالات.', "أكدت")
    assert text_of(said.source) == '"الصباح"'
    said = by_cue("وكشف مدير صحة المدينة الدكتور الأحمد أن المستشفى مغلق.", "كشف")
    assert text_of(said.source) == "مدير صحة المدينة الدكتور الأحمد"


def test_a_possessed_verbal_noun_after_the_verb_is_its_object() -> None:
    text = "أدانت الحكومة الهجوم وأكدت وقوفها إلى جانب الجيران."
    said = by_cue(text, "أكدت")
    assert said.source is None and said.content.text.startswith("وقوفها")
    said = by_cue("وأكد أيضا توقعاته للفارق بين السعرين.", "أكد")
    assert said.source is None and said.content.text.startswith("توقعاته")
    assert text_of(by_cue("وأكد محاميه أن موكله بريء.", "أكد").source) == "محاميه"


def test_a_name_after_a_role_and_a_comma_is_the_roles_holder() -> None:
    said = by_cue('وقال وزير النقل السابق، سمير العبدلي "سأعمل على إصلاح الطرق".', "قال")
    assert text_of(said.source) == "وزير النقل السابق، سمير العبدلي"
    said = by_cue('نفى رئيس كتلة "الأمل" بالبرلمان، كريم الهاشمي، ما راج عن استقالته.', "نفى")
    assert text_of(said.source) == 'رئيس كتلة "الأمل" بالبرلمان، كريم الهاشمي'
    text = 'وأكد المتحدث باسم وزارة النقل، فادي الكعبي لـ"الشروق" أنه تم إغلاق الطريق.'
    assert text_of(by_cue(text, "أكد").source) == "المتحدث باسم وزارة النقل، فادي الكعبي"
    text = "وقالت رئيسة الاتحاد، نادية الحمامي في كلمة لها إن الصادرات ارتفعت."
    assert text_of(by_cue(text, "قالت").source) == "رئيسة الاتحاد، نادية الحمامي"
    text = "وتم إيقاف المشتبه بهم، حسب ما أفاد به وكيل الجمهورية، منير الزغلامي."
    assert text_of(by_cue(text, "حسب ما أفاد به").source) == "وكيل الجمهورية، منير الزغلامي"


def test_what_follows_a_comma_after_a_role_that_is_no_name_stays_out() -> None:
    text = "وأكد اللاعب السويدي كريم داود، وهو زميل المهاجم، أن الفريق جاهز."
    assert text_of(by_cue(text, "أكد").source) == "اللاعب السويدي كريم داود"
    said = by_cue("ونفى مسؤول في الشرطة، ملاحقتهم للسياح.", "نفى")
    assert text_of(said.source) == "مسؤول في الشرطة"
    assert text_of(by_cue("وحسب الوزير، الحكومة ستستقيل.", "حسب").source) == "الوزير"


def test_a_passive_participle_keeps_its_preposition() -> None:
    text = "واعترف عدد من المقبوض عليهم في قضية السرقة الكبرى بأنهم دخلوا المنزل."
    said = by_cue(text, "اعترف")
    assert text_of(said.source) == "عدد من المقبوض عليهم في قضية السرقة الكبرى"


def test_a_subject_before_the_cue_stops_at_a_side_phrase() -> None:
    text = (
        "وكان الفريق قد أبعد لاعبين من المعسكر ومن جانبه قال سامي الحربي مدير الفريق "
        "إن البعثة ستغادر."
    )
    assert text_of(by_cue(text, "قال").source) == "سامي الحربي مدير الفريق"


def test_a_possessed_verbal_noun_after_the_subject_starts_the_object() -> None:
    said = by_cue("وأنكر بعضهم ظهوره في الصور.", "أنكر")
    assert text_of(said.source) == "بعضهم"
    said = by_cue("وحذر القائمون على الدراسة من أن النوم مهم.", "حذر")
    assert text_of(said.source) == "القائمون على الدراسة"


def test_a_relative_pronoun_after_a_subject_before_its_object_ends_it() -> None:
    text = "وأكد الخبر كما ذكرت السلطات المحلية التي قالت إنه توفي في المستشفى."
    assert text_of(by_cue(text, "ذكرت").source) == "السلطات المحلية"
    said = by_cue("ونقل الصحفي شهادات عن سكان بقولهم إن الجسر انهار.", "نقل")
    assert "بقولهم" not in (text_of(said.source) or "")


def test_a_claim_noun_after_the_subject_is_the_object() -> None:
    said = by_cue("ونفت الدوحة الاتهامات التي وجهتها لها دول مجاورة.", "نفت")
    assert text_of(said.source) == "الدوحة"
    assert text_of(by_cue("وكذبت الأم الرواية الرسمية للحادث.", "كذبت").source) == "الأم"
    said = by_cue("ونفت وكالة الأنباء الرسمية الخبر.", "نفت")
    assert text_of(said.source) == "وكالة الأنباء الرسمية"


def test_role_and_name_between_commas_before_the_verb_are_the_subject() -> None:
    text = "وذكرت وكالة أنباء محلية أن وزير الداخلية، كريم الساعدي، قال إن الحدود مغلقة."
    assert text_of(by_cue(text, "قال").source) == "وزير الداخلية، كريم الساعدي"
    text = "يذكر أن النائب عن حزب الأمل، سامي الدريدي، كان صرح في وقت سابق بأن النواب استقالوا."
    assert text_of(by_cue(text, "صرح").source) == "النائب عن حزب الأمل، سامي الدريدي"


def test_a_parenthetical_clause_between_commas_is_still_skipped() -> None:
    said = by_cue("وقال إن الوزير، الذي وصل أمس، أكد أن الحدود مغلقة.", "أكد")
    assert said.source is None or "وصل" not in said.source.text


def test_a_title_runs_over_its_complements_to_the_holder_named_again() -> None:
    text = (
        "وقال مدير قسم الطوارئ بمستشفى المدينة الجامعي سامر الحلبي إن عدد الجرحى ارتفع. "
        "وأضاف الحلبي أن الحالات مستقرة."
    )
    full = "مدير قسم الطوارئ بمستشفى المدينة الجامعي سامر الحلبي"
    assert text_of(by_cue(text, "قال").source) == full
    assert text_of(by_cue(text, "أضاف").speaker) == full
    text = (
        "وأصيب سبعة أشخاص، وفق ما أفاد به مدير قسم الطوارئ بمستشفى المدينة سامر الحلبي "
        "في تصريح للإذاعة. وأكد الحلبي أن الحالات مستقرة."
    )
    assert text_of(by_cue(text, "وفق ما أفاد به").source) == (
        "مدير قسم الطوارئ بمستشفى المدينة سامر الحلبي"
    )


def test_a_title_with_a_complement_takes_no_name_the_text_never_repeats() -> None:
    text = "وقال مدير قسم الطوارئ بمستشفى المدينة سامر الحلبي إن عدد الجرحى ارتفع."
    assert text_of(by_cue(text, "قال").source) == "مدير قسم الطوارئ"
    text = "وقال الوزير للصحفيين سامي العبيدي إن الخطة جاهزة. وأكد العبيدي أن الموعد ثابت."
    assert text_of(by_cue(text, "قال").source) == "الوزير"


def test_possessed_noun_ends_a_speaker_phrase() -> None:
    c = only("وأبدى اللاعب سعادته بالفوز، مؤكدا أن الفريق يستحق اللقب.")
    assert text_of(c.speaker) == "اللاعب"


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


def test_names_that_fold_like_function_words() -> None:
    assert text_of(by_cue("وقال علي الأحمد إن الفريق جاهز.", "قال").source) == "علي الأحمد"
    c = by_cue("وأكد فان دايك أن الفريق سيفوز.", "أكد")
    assert text_of(c.source) == "فان دايك" and c.content.text == "الفريق سيفوز"


def test_relative_clause_belongs_to_the_speaker_phrase() -> None:
    text = "وذكرت الدراسة التي أعدها مركز الأبحاث، أن البطالة ارتفعت."
    c = by_cue(text, "ذكرت")
    assert text_of(c.source) == "الدراسة التي أعدها مركز الأبحاث"


def test_nationality_before_a_name_is_part_of_the_speaker() -> None:
    c = by_cue("أكد اليوناني دونيس مدرب الفريق سعادته بالفوز.", "أكد")
    assert text_of(c.source) == "اليوناني دونيس مدرب الفريق"
    assert c.content.text == "سعادته بالفوز"


def test_name_after_a_title_belongs_to_the_speaker() -> None:
    c = by_cue("واستبعد وزير الاقتصاد سامي الحداد أي رفع للضرائب.", "استبعد")
    assert text_of(c.source) == "وزير الاقتصاد سامي الحداد"
    assert "رفع للضرائب" in c.content.text


def test_a_definite_name_after_a_title_belongs_to_the_speaker() -> None:
    """«الدكتور العواجي»: the title's name may carry the article; the object follows it."""
    claim = by_cue("نفى الدكتور العواجي وجود مخالفات.", "نفى")
    assert (text_of(claim.source), claim.content.text) == ("الدكتور العواجي", "وجود مخالفات")
    claim = by_cue("نفى الدكتور الاتهامات.", "نفى")
    assert (text_of(claim.source), claim.content.text) == ("الدكتور", "الاتهامات")


def test_verbal_noun_after_a_name_starts_the_object() -> None:
    c = by_cue("واستبعدت ميركل إجراء انتخابات مبكرة في البلاد.", "استبعدت")
    assert text_of(c.source) == "ميركل" and c.stance == "deny"
    assert c.content.text == "إجراء انتخابات مبكرة في البلاد"


def test_organisation_named_by_a_verbal_noun_is_a_speaker() -> None:
    c = by_cue("ويتهم التحالف إيران بتهريب الأسلحة إلى المسلحين.", "يتهم")
    assert text_of(c.source) == "التحالف"
    assert c.content.text.startswith("إيران بتهريب الأسلحة")


def test_an_event_noun_after_a_titled_head_starts_the_object() -> None:
    """«وجود», «وقوع»: the object of a denial, not a name after «وزارة الدفاع»."""
    claim = by_cue("نفت وزارة الدفاع وجود قوات أجنبية في المدينة.", "نفت")
    assert (text_of(claim.source), claim.content.text) == (
        "وزارة الدفاع", "وجود قوات أجنبية في المدينة")
    claim = by_cue("نفى وزير الاقتصاد سامي الحداد وقوع أزمة.", "نفى")
    assert text_of(claim.source) == "وزير الاقتصاد سامي الحداد"


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


def test_an_event_noun_ends_an_unnamed_source() -> None:
    claim = by_cue("نفى مصدر دبلوماسي مسؤول وجود أي خلافات.", "نفى")
    assert (text_of(claim.source), claim.content.text) == (
        "مصدر دبلوماسي مسؤول", "وجود أي خلافات")


def test_a_possessed_verbal_noun_before_a_comma_is_the_object_not_the_speaker() -> None:
    text = (
        "أعلن كريم الزرقاء مدير الاحتراف بنادي هجر استقالته من منصبه، "
        "موجها رسائل قاسية إلى رئيس النادي."
    )
    said = by_cue(text, "أعلن")
    assert "استقالته" not in text_of(said.source)
    assert said.content.text.endswith("استقالته من منصبه")


def test_a_quoted_name_after_fi_stays_in_the_phrase_before_an_object() -> None:
    said = by_cue('نفت مصادر في "جبهة الساحل الموحدة" وجود أي اتفاق.', "نفت")
    assert text_of(said.source) == 'مصادر في "جبهة الساحل الموحدة"'
    said = by_cue("نفى مصدر أمني في «حركة الفجر» صحة التقارير.", "نفى")
    assert text_of(said.source) == "مصدر أمني في «حركة الفجر»"


def test_a_day_after_a_name_of_verbal_noun_shape_is_no_genitive() -> None:
    said = by_cue("قال ترابلس الخميس إن الاتفاق انتهى.", "قال")  # «ترابلس»: تفاعل shape
    assert text_of(said.source) == "ترابلس"
    said = by_cue("وقال ترامب الأحد إن المفاوضات مستمرة.", "قال")
    assert text_of(said.source) == "ترامب"


def test_a_possessed_noun_after_a_name_is_the_object() -> None:
    said = by_cue("أكد الرئيس الفنلندي ماتي كارلسون دعمه للاتفاق.", "أكد")
    assert text_of(said.source) == "الرئيس الفنلندي ماتي كارلسون"
    said = by_cue("نفى سالم دعمه للحملة.", "نفى")
    assert text_of(said.source) == "سالم"


def test_a_collective_noun_of_verbal_noun_shape_speaks() -> None:
    said = by_cue("ونفت المعارضة أن تكون قد وافقت على الهدنة.", "نفت")
    assert text_of(said.source) == "المعارضة"
    assert said.content.text.startswith("تكون")
    said = by_cue("وقالت المقاومة الشعبية إن المدينة آمنة.", "قالت")
    assert text_of(said.source) == "المقاومة الشعبية"
    # a verbal noun that names an action still is no speaker
    assert not claims_of("وأكد الانسحاب أن الهدنة انهارت.")


def test_a_name_after_a_definite_role_noun_belongs_to_the_speaker() -> None:
    said = by_cue("ونفى المدرب كريم الحلو الأنباء عن رحيله.", "نفى")
    assert text_of(said.source) == "المدرب كريم الحلو"
    text = "ونفى اللاعب جوزيه مارتينو الشائعات. وأضاف مارتينو أنه باق مع الفريق."
    assert text_of(by_cue(text, "نفى").source) == "اللاعب جوزيه مارتينو"
    text = "وشدد السفير عبدالله الحامد على أن العلاقات متينة."
    assert text_of(by_cue(text, "شدد").source) == "السفير عبدالله الحامد"


def test_a_noun_after_a_definite_role_noun_is_the_object_unless_named() -> None:
    said = by_cue("ونفى الوزير تقارير الصحافة المحلية.", "نفى")
    assert text_of(said.source) == "الوزير"
    text = "وأكدت الوزارة ضرورة تلقي الطفل اللقاح. وقال الطفل إنه بخير."
    assert text_of(by_cue(text, "أكدت").source) == "الوزارة"


def test_a_bare_name_after_a_preposition_is_not_a_fuller_mention() -> None:
    text = (
        "وأعلنت دول عدة قطع علاقاتها الدبلوماسية مع قطر. "
        "ونفت قطر الاتهامات الموجهة إليها، وقالت إنها تواجه حملة."
    )
    assert text_of(by_cue(text, "نفت").speaker) == "قطر"
    assert text_of(by_cue(text, "قالت").speaker) == "قطر"
    # a full name after a preposition still completes a surname
    text = "وصدر حكم على هشام البناني الرئيس السابق للهيئة. وادعى البناني أن الحكم سياسي."
    assert text_of(by_cue(text, "ادعى").speaker).startswith("هشام البناني")


def test_a_role_noun_of_the_label_words_heads_a_speaker_with_its_holder() -> None:
    text = "وأضاف مهاجم من الفريق، جون سميث، أن المباراة صعبة."
    assert text_of(by_cue(text, "أضاف").source) == "مهاجم من الفريق، جون سميث"
    text = "وقال مراسل من الوكالة، سامي الحداد، إن القصف مستمر."
    assert text_of(by_cue(text, "قال").source) == "مراسل من الوكالة، سامي الحداد"


def test_a_preposition_spelled_like_a_role_noun_is_no_apposition() -> None:
    # «أمام» and «إمام» are one word once hamza is folded
    text = "وقالت تشان، أمام المجلس التنفيذي للمنظمة، إن الوباء ينتشر."
    assert text_of(by_cue(text, "قالت").source) == "تشان"


def test_a_clause_with_no_relative_pronoun_belongs_to_an_indefinite_speaker() -> None:
    text = "وأعلنت جماعة مسلحة أطلقت على نفسها «كتائب الفجر» مسؤوليتها عن التفجير."
    said = by_cue(text, "أعلنت")
    assert text_of(said.source) == "جماعة مسلحة أطلقت على نفسها «كتائب الفجر»"
    text = "ووفقا لتحليل استند إلى بيانات البنك المركزي، فإن الإنفاق تراجع."
    assert text_of(by_cue(text, "وفقا").source) == "تحليل استند إلى بيانات البنك المركزي"
    text = "وأفاد سكان يقيمون قرب المطار لوكالة رويترز أنهم سمعوا انفجارا."
    assert text_of(by_cue(text, "أفاد").source) == "سكان يقيمون قرب المطار"


def test_a_name_is_not_read_as_the_verb_of_a_clause() -> None:
    text = "وقال مدرب مانشستر يونايتد جوزيه مورينيو إن الفريق جاهز."
    said = by_cue(text, "قال")
    assert text_of(said.source) == "مدرب مانشستر يونايتد جوزيه مورينيو"


def test_a_political_role_noun_takes_its_holder_after_a_comma() -> None:
    text = "وقال قيادي في الحركة، سامي العلي، إن الهدنة صامدة."
    assert text_of(by_cue(text, "قال").source) == "قيادي في الحركة، سامي العلي"
    text = "وقال المرشح الرئاسي، جون سميث، إن الانتخابات نزيهة."
    assert text_of(by_cue(text, "قال").source) == "المرشح الرئاسي، جون سميث"


def test_a_feminine_role_noun_takes_its_holder_after_a_comma() -> None:
    text = "وقالت الطبيبة المعالجة، منى خليل، إن الحالة مستقرة."
    assert text_of(by_cue(text, "قالت").source) == "الطبيبة المعالجة، منى خليل"


def test_a_broken_plural_of_people_is_the_antecedent_of_a_plural_verb() -> None:
    """«الجنود»، «القضاة» are men whose plural has no ـون: «وأكدوا» goes back to them."""
    text = "قالت الوزيرة إن الأمر انتهى. وقال الجنود إن المعارك استمرت، وأكدوا أن القصف لم يتوقف."
    assert text_of(by_cue(text, "أكدوا").speaker) == "الجنود"
    text = "وقالت الوزيرة إن القضاة التقوا بها، وأكدوا أن استقلال القضاء خط أحمر."
    assert text_of(by_cue(text, "أكدوا").speaker) == "القضاة"


def test_a_mans_title_in_ta_marbuta_is_the_antecedent_of_a_masculine_verb() -> None:
    text = "وقال عمدة المدينة إن الطرق مغلقة، وأضاف أن الثلوج كثيفة."
    assert text_of(by_cue(text, "أضاف").speaker) == "عمدة المدينة"


def test_a_two_word_role_takes_its_holder_after_a_comma() -> None:
    text = "وقال المدعي العام، كريم الهاشمي، إن التحقيق مستمر."
    assert text_of(by_cue(text, "قال").source) == "المدعي العام، كريم الهاشمي"


def test_a_body_named_by_an_ordinary_noun_is_an_organisation() -> None:
    """«النقابة»، «المفوضية»، «الوفد»: bodies, not people, whatever word names them."""
    for text, cue in (
        ("ونفت النقابة أن تكون قد دعت إلى الإضراب.", "نفت"),
        ("وقالت المفوضية إن النتائج ستعلن غدا.", "قالت"),
        ("وقال الوفد الروسي إن المحادثات بناءة.", "قال"),
        ("وقالت الكنيسة إن القداس ألغي.", "قالت"),
    ):
        assert by_cue(text, cue).speaker_kind == "organisation", text


def test_an_unnamed_indefinite_role_is_an_anonymous_source() -> None:
    said = by_cue("وقال قيادي في الحركة إن الهدنة صامدة.", "قال")
    assert said.speaker_kind == "anonymous"
    said = by_cue("وقال المطران إن الكنيسة ترفض العنف.", "قال")
    assert said.speaker_kind == "person"


def test_an_unnamed_group_of_people_is_an_anonymous_source() -> None:
    for text, cue in (
        ("وقال مسلحون إنهم سيطروا على المدينة.", "قال"),
        ("وقال القضاة إن القانون واضح.", "قال"),
        ("وأكد مستثمرون أن السوق مستقرة.", "أكد"),
    ):
        assert by_cue(text, cue).speaker_kind == "anonymous", text


def test_an_adjective_spelled_like_a_role_noun_heads_no_speaker() -> None:
    """«المسلحة» is the adjective of «القوات المسلحة», not «المسلحة» (the armed woman): a
    dropped subject goes back to the forces, not to a phrase that starts at the adjective."""
    text = "وتقدمت القوات المسلحة المصرية نحو المدينة. وأكدت أن الحدود آمنة."
    assert text_of(by_cue(text, "أكدت").speaker).startswith("القوات")


def test_a_definite_sound_plural_takes_no_genitive() -> None:
    text = "في تجربة جديدة، أظهر الباحثون خطر إحدى المواد في الطلاء. وقالوا إن المادة سامة."
    assert speaker_of(text, "قالوا") == "الباحثون"
    text = "ومع أن الباحثين وجدوا أن النتائج متقاربة، فإنهم أكدوا أن العينة صغيرة."
    assert speaker_of(text, "أكدوا") == "الباحثين"


def test_a_sound_plural_keeps_its_adjectives_and_preposition_phrases() -> None:
    assert speaker_of("وقال المهندسون المتطوعون إن الجسر آمن.", "قال") == "المهندسون المتطوعون"
    assert speaker_of("وقال المسؤولون الأكراد إن المعبر مفتوح.", "قال") == "المسؤولون الأكراد"
    said = by_cue("وقال الباحثون في جامعة دمشق إن الدواء فعال.", "قال")
    assert text_of(said.source) == "الباحثون في جامعة دمشق"
    said = by_cue("ويقول المدرسون ذوو الخبرة إن الطلاب تحسنوا.", "يقول")
    assert text_of(said.source) == "المدرسون ذوو الخبرة"
    said = by_cue("وقال نقيب المحامين سامي الرفاعي إن الإضراب مستمر.", "قال")
    assert text_of(said.source) == "نقيب المحامين سامي الرفاعي"


def test_whom_the_speaker_speaks_for_is_not_part_of_the_speaker() -> None:
    text = "وقال الوزير نيابة عن الرئيس إن الحكومة ستدعم المزارعين."
    assert text_of(by_cue(text, "قال").source) == "الوزير"
    text = "وأكد رئيس الوزراء بالنيابة عن الملك أن الانتخابات ستجرى في موعدها."
    assert text_of(by_cue(text, "أكد").source) == "رئيس الوزراء"
    text = "الوزير نيابة عن الرئيس قال إن الحكومة ستدعم المزارعين."
    assert text_of(by_cue(text, "قال").source) == "الوزير"
    text = "وقالت نيابة أمن الدولة إن المتهمين اعترفوا."
    assert text_of(by_cue(text, "قالت").source) == "نيابة أمن الدولة"


def test_a_speaker_before_the_verbs_own_preposition_keeps_its_adjectives_and_titles() -> None:
    said = only("وحذر المدير العام السابق للشركة من أن الأرباح ستتراجع.")
    assert text_of(said.source) == "المدير العام السابق للشركة"
    said = only("وحذر وزير الاقتصاد الشيخ سالم العبدالله من أن الأسعار سترتفع.")
    assert text_of(said.source) == "وزير الاقتصاد الشيخ سالم العبدالله"
    said = only("وحذر المتحدث باسم الجيش السكان من الاقتراب من الحدود.")
    assert text_of(said.source) == "المتحدث باسم الجيش"
    said = only("وحذر الأمين العام للأمم المتحدة من تفاقم الأزمة.")
    assert text_of(said.source) == "الأمين العام للأمم المتحدة"
    said = only("وحذر أمير منطقة مكة المكرمة من الشائعات.")
    assert text_of(said.source) == "أمير منطقة مكة المكرمة"
    said = only('وحذرت "الهيئة العامة" المواطنين من العواصف.')
    assert text_of(said.source) == '"الهيئة العامة"'


def test_a_names_relative_clause_is_an_aside() -> None:
    said = by_cue("وقال مراد بوزيد الذي زار المدينة أمس، إن السوق مغلقة.", "قال")
    assert text_of(said.source) == "مراد بوزيد"
    said = by_cue("وقالت «الفجر» التي تصدر في العاصمة إن العدد نفد.", "قالت")
    assert text_of(said.source) == "«الفجر»"


def test_the_outlet_told_stands_between_the_verb_and_its_subject() -> None:
    said = by_cue("وقال لـ«النهار» مصدر أمني إن الطريق مغلق.", "قال")
    assert text_of(said.source) == "مصدر أمني"
    said = by_cue("وقالت لـ«النهار»، الدكتورة سلمى بوزيد إن الطريق مغلق.", "قالت")
    assert text_of(said.source) == "الدكتورة سلمى بوزيد"


def test_a_clause_with_fiha_describes_the_noun_before_it() -> None:
    said = by_cue("في وقت أعلنت فيه الرئاسة التونسية أن الحدود ستفتح.", "أعلنت")
    assert text_of(said.source) == "الرئاسة التونسية"
    text = "وألقى الوزير سامي بوزيد كلمة في الحفل أكد فيها أن المشروع سينجح."
    assert speaker_of(text, "أكد") == "الوزير سامي بوزيد"


def test_a_manner_adverb_after_a_name_ends_the_speaker() -> None:
    said = by_cue("وقال ماريو بيانكي بصراحة إن الشركة خسرت كثيرا.", "قال")
    assert text_of(said.source) == "ماريو بيانكي"


def test_an_apposed_title_keeps_the_body_it_belongs_to() -> None:
    text = "وقال سمير الحداد، الأمين العام لحزب التجمع، إن الحزب سيشارك في الانتخابات."
    assert text_of(by_cue(text, "قال").source) == "سمير الحداد، الأمين العام لحزب التجمع"
    text = "وقال علي البناني، الباحث الأثري لوكالة الأنباء، إن المقبرة قديمة."
    assert text_of(by_cue(text, "قال").source) == "علي البناني، الباحث الأثري"


def test_the_speakers_own_statement_after_fi_is_not_part_of_the_speaker() -> None:
    said = by_cue("وأضاف المجلس في تقريره الفصلي أن الطلب تراجع.", "أضاف")
    assert text_of(said.source) == "المجلس"
    said = by_cue("وأضاف الحمادي في خطابه الذي ألقاه أمس أن السوق يحدد السعر.", "أضاف")
    assert text_of(said.source) == "الحمادي"
    said = by_cue("وقال مسؤول في سوسيتيه جنرال إن الأسعار ستنخفض.", "قال")
    assert text_of(said.source) == "مسؤول في سوسيتيه جنرال"


def test_faqad_after_a_fronted_attribution_ends_its_source() -> None:
    text = "وحسب وزارة الداخلية فقد حدد التنظيم لكل خلية دورها."
    assert text_of(by_cue(text, "حسب").source) == "وزارة الداخلية"
    text = "ووفقا للمصادر العسكرية فقد فطن المتطرفون إلى الخطر."
    assert text_of(by_cue(text, "وفقا").source) == "للمصادر العسكرية"


def test_a_last_name_that_starts_like_a_preposition_stays_in_the_speaker() -> None:
    text = "وقالت المدعية العامة لورا لينش إن التحقيق بدأ. وأضافت لينش أن المشتبه به فر."
    assert text_of(by_cue(text, "قالت").source) == "المدعية العامة لورا لينش"
    text = "وقال وزير النقل بدر باسلمه إن المطار سيفتح. وأكد باسلمه أن الرحلات ستبدأ."
    assert text_of(by_cue(text, "قال").source) == "وزير النقل بدر باسلمه"
    text = "وقال ترامب لرويترز إن الاتفاق سيئ. وأضاف لرويترز أنه سينسحب."
    assert text_of(by_cue(text, "قال").source) == "ترامب"


def test_deictic_adverbs_are_no_speakers() -> None:
    said = by_cue("عندها يعتبر المحلل سامر الخطيب أن السوق ستتعافى.", "يعتبر")
    assert text_of(said.source) == "المحلل سامر الخطيب"
    said = by_cue("وزارت المصممة المعرض. وقالت حينها إنها ستعود قريبا.", "قالت")
    assert said.source is None


def test_a_derived_feminine_perfect_ends_a_definite_subject() -> None:
    text = (
        "وأفادت مصادر أمنية بأن الشرطة في المدينة احتجزت عشرة مشتبهين. "
        "كما اعتقلت الشرطة رجلا آخر، وقالت إنها تشتبه في تورطه."
    )
    assert speaker_of(text, "قالت") == "الشرطة في المدينة"
    text = (
        "وأوضحت مصادر أن تقارير المنظمة الدولية أجبرت الحكومة على التراجع. "
        "ووفقا للتقارير الميدانية في الجنوب أرسلت الحكومة قوات إضافية."
    )
    assert text_of(by_cue(text, "وفقا").source) == "للتقارير الميدانية في الجنوب"


def test_a_verb_after_an_indefinite_speaker_still_opens_its_relative_clause() -> None:
    text = "ووصفت امرأة ارتادت المدرسة نفسها الشاب بأنه هادئ."
    assert text_of(by_cue(text, "وصفت").source) != "امرأة"


def test_an_adverb_after_the_verb_or_its_subject_is_not_the_speaker() -> None:
    assert speaker_of("وأكد الوزير لاحقا أن الطريق مغلق.", "أكد") == "الوزير"
    assert speaker_of("وأعلن الاتحاد رسميا أن البطولة ستقام في الصيف.", "أعلن") == "الاتحاد"
    assert speaker_of("وأكد لاحقا وزير النقل أن الطريق مغلق.", "أكد") == "وزير النقل"
    text = "وقال المحافظ إن الطريق مغلق. ثم أكد لاحقا أن العمل مستمر."
    assert speaker_of(text, "أكد") == "المحافظ"


def test_a_purpose_clause_ends_the_speaker() -> None:
    text = "ورأى مخرج الفيلم لكي يوفق بين الأمرين أن التصوير يجب أن يتأخر."
    assert speaker_of(text, "رأى") == "مخرج الفيلم"


def test_the_auxiliary_kana_opening_the_clause_is_not_part_of_the_subject() -> None:
    text = "وكان شاهد عيان ومصدر طبي، أبلغا عن ثلاثة انفجارات، قالا إن الحصيلة كبيرة."
    assert speaker_of(text, "قالا") == "شاهد عيان ومصدر طبي"
    text = "وكان الوزير، الذي بين أن الخطة جاهزة، متفائلا."
    assert speaker_of(text, "بين") == "الوزير"


def test_a_given_name_whose_own_first_letter_is_lam_right_after_the_verb() -> None:
    said = by_cue("وقالت لوريتا لينش إن التحقيق مستمر.", "قالت")
    assert text_of(said.source) == "لوريتا لينش"
    said = by_cue("وقال لصحيفة الحياة إن التحقيق مستمر.", "قال")
    assert said.source is None  # an outlet told
    said = by_cue("وقالت ليلى محمد سهيل مديرة المهرجان إن الإقبال كبير.", "قالت")
    assert text_of(said.source).startswith("ليلى محمد سهيل")  # a listed name after it


def test_a_subject_whose_own_first_letter_is_lam() -> None:
    assert speaker_of("وأعلنت لجنة الانتخابات أن النتائج ستعلن غدا.", "أعلنت") == "لجنة الانتخابات"
    assert speaker_of("وأكد لبنان أن الحدود آمنة.", "أكد") == "لبنان"
    text = "والخطوة لم تكن مدروسة من وجهة نظر لجنة الاحتراف."
    assert speaker_of(text, "من وجهة نظر") == "لجنة الاحتراف"
    said = by_cue("وقال الوزير لوكالة رويترز إن الاتفاق قريب.", "قال")
    assert text_of(said.speaker) == "الوزير" and text_of(said.channel) == "وكالة رويترز"


def test_an_adverbial_opening_the_clause_is_no_fronted_subject() -> None:
    assert speaker_of("وبهذا الخصوص قالت المنسقة سلمى العمري إن الاتفاق مهم.", "قالت") \
        == "المنسقة سلمى العمري"
    text = "وقال المدعي إن المتهم خطط للهجوم. وبذلك تؤكد النيابة العامة ما نشرته الصحف."
    assert speaker_of(text, "تؤكد") == "النيابة العامة"


def test_a_known_surname_shaped_like_a_verbal_noun_stays_in_the_name() -> None:
    """«ترامب» has the shape of «تراجع» but is a surname, not the start of the object."""
    text = "أكد دونالد ترامب دعمه لخطة السلام الجديدة."
    c = by_cue(text, "أكد")
    assert text_of(c.speaker) == "دونالد ترامب"
    assert text_of(c.content) == "دعمه لخطة السلام الجديدة"


def test_what_the_words_answer_is_no_part_of_the_speaker() -> None:
    """«ردا على الأسئلة» says what the speaker answers; the speaker ends before it."""
    said = by_cue("وقال السيد الفرا ردا على الأسئلة: «الوضع صعب جدا».", "قال")
    assert text_of(said.speaker) == "السيد الفرا"
    assert text_of(said.content) == "الوضع صعب جدا"


def test_what_opens_the_object_after_the_subject() -> None:
    """«روت الفنانة X ما حصل معها»: «ما» (what) opens the object, never the speaker's phrase."""
    text = (
        "قالت سلمى الحداد إن المسلسل نجح. "
        "وفي الحديث عن السرقة روت الفنانة سلمى الحداد ما حصل معها وبأن هناك من قام بسرقة "
        "ملابسها اعتقادا منهم بأنها لن تقوم بمتابعة التصوير."
    )
    assert text_of(by_cue(text, "روت").speaker) == "الفنانة سلمى الحداد"
    assert text_of(by_cue(text, "قالت").speaker) == "الفنانة سلمى الحداد"


def test_what_the_denial_answers_is_its_content() -> None:
    said = by_cue("ونفى مسؤول ما تردد عن إيقاف التصدير.", "نفى")
    assert text_of(said.speaker) == "مسؤول"
    assert text_of(said.content) == "ما تردد عن إيقاف التصدير"


def test_a_fronted_phrase_with_the_relative_man_is_no_subject() -> None:
    text = "ولمن يبحث عن شقة رخيصة تشير الخبيرة إلى الأحياء الشرقية."
    assert text_of(by_cue(text, "تشير").source) == "الخبيرة"
    text = "وعمن يتحمل المسؤولية يقول المحامي إن القضاء سيحسم الأمر."
    assert text_of(by_cue(text, "يقول").source) == "المحامي"


def test_the_audience_told_before_the_subject_is_not_part_of_it() -> None:
    said = by_cue("وقال للصحيفة مصدر دبلوماسي إن المحادثات توقفت.", "قال")
    assert text_of(said.source) == "مصدر دبلوماسي"
    said = by_cue("وقال للصحافيين مسؤول في الشركة إن المصنع أغلق.", "قال")
    assert text_of(said.source) == "مسؤول في الشركة"


def test_a_pronoun_told_or_spoken_of_stands_before_the_subject() -> None:
    """«لي»، «لها»، «عنه» between the verb and its subject: to or about whom, not who."""
    said = by_cue("وقال لي مسؤول في الوزارة إن الطريق مغلق.", "قال")
    assert text_of(said.source) == "مسؤول في الوزارة"
    said = by_cue("وقالت عنه الصحيفة إنه لاعب كبير.", "قالت")
    assert text_of(said.source) == "الصحيفة"
    said = by_cue("وأكد لها أن الطريق مغلق.", "أكد")
    assert said.source is None  # the subject dropped, the pronoun is whom he told
    said = by_cue("ونقلت عنه وكالة الأنباء قوله إن الطريق مغلق.", "نقلت")
    assert said.source is None or "وكالة" not in text_of(said.source)  # the one quoted


def test_a_possessed_noun_and_its_preposition_after_a_name_is_the_object() -> None:
    said = by_cue("وأعلن تنظيم داعش مسؤوليته عن الهجوم على المسجد.", "أعلن")
    assert text_of(said.source) == "تنظيم داعش"
    said = by_cue("وقالت الكاتبة زيغريد هونكه في كتابها إن العرب علموا أوروبا.", "قالت")
    assert text_of(said.source).startswith("الكاتبة زيغريد هونكه")  # a name in ـه, then «في»


def test_for_the_first_time_and_the_saying_are_no_part_of_the_speaker() -> None:
    said = by_cue("وقال الوزير لأول مرة إن الحكومة ستستقيل.", "قال")
    assert text_of(said.source) == "الوزير"
    said = by_cue("وقال لأول مرة الوزير إن الحكومة ستستقيل.", "قال")
    assert text_of(said.source) == "الوزير"
    said = by_cue("ونقلت الوكالة عن صحيفة الأنباء القول إن الشركة أفلست.", "نقلت")
    assert text_of(said.source) == "صحيفة الأنباء"


def test_the_other_side_of_the_story_is_no_part_of_the_speaker() -> None:
    said = by_cue("وقال اللواء سامي حداد، من ناحية أخرى، إن الطريق آمن.", "قال")
    assert text_of(said.source) == "اللواء سامي حداد"
    said = by_cue("وأكد الوزير من جهة أخرى أن الطريق آمن.", "أكد")
    assert text_of(said.source) == "الوزير"
    said = by_cue("وقال في المقابل المدير إن الطريق آمن.", "قال")
    assert text_of(said.source) == "المدير"
    said = by_cue("وقالت الوحدات الكردية من جانبها إن الطريق آمن.", "قالت")
    assert text_of(said.source) == "الوحدات الكردية"
    said = by_cue("وقال من جهته الوزير إن الطريق آمن.", "قال")
    assert text_of(said.source) == "الوزير"


def test_what_is_stressed_right_after_the_verb_is_its_object() -> None:
    said = by_cue("وأكد ضرورة أن تنجح الخطة.", "أكد")
    assert said.source is None  # the subject dropped
    said = by_cue("وأكد حرص المملكة على التعاون مع الجيران.", "أكد")
    assert said.source is None
    said = by_cue("وقالت الممثلة سلمى حداد إنها لا تستبعد إمكانية مشاركتها في الفيلم.", "تستبعد")
    assert text_of(said.content) == "إمكانية مشاركتها في الفيلم"


def test_the_noun_after_amma_is_the_subject_of_the_verb_fa_joins() -> None:
    text = (
        "وقالت الوزيرة إن الخطة جاهزة. "
        "أما المدير العام، سامي حداد، فأكد أن التنفيذ بطيء."
    )
    assert text_of(by_cue(text, "أكد").source) == "المدير العام، سامي حداد"
    text = "وأعلنت الوزيرة أن الخطة جاهزة. أما عن التنفيذ فقالت إنه بطيء."
    assert by_cue(text, "قالت").source is None  # «أما عن»: a topic


def test_an_answer_or_until_is_no_part_of_the_speaker() -> None:
    said = by_cue("وقال جيم هانكنسون جوابا عن سؤال: «الفلسفة مهمة».", "قال")
    assert text_of(said.source) == "جيم هانكنسون"
    said = by_cue("وقال الوزير سوف نرى إن الطريق آمن.", "قال")
    assert text_of(said.source) == "الوزير"  # «سوف» (will) starts no speaker
    said = by_cue("وحتى الدبلوماسيون الأوروبيون قالوا إن التدريب لم يغير شيئا.", "قالوا")
    assert text_of(said.speaker) == "الدبلوماسيون الأوروبيون"  # «حتى» (even) is no speaker


def test_figures_are_a_source_and_the_speakers_own_figures_are_no_part_of_it() -> None:
    said = by_cue("وكانت الأرقام الأخيرة قد أشارت إلى أن البطالة تراجعت.", "أشارت")
    assert text_of(said.source) == "الأرقام الأخيرة"
    assert said.speaker_label.startswith("Figures")
    said = by_cue("وقالت المنظمة في أرقامها إن البطالة تراجعت.", "قالت")
    assert text_of(said.source) == "المنظمة"


def test_an_imperfect_verb_opening_the_run_before_the_cue_is_no_subject() -> None:
    text = "مؤسس الموقع سامي حداد شاب لبناني، وعندما يتكلم عن الطعام تظن أنه طاه متمرس."
    assert text_of(by_cue(text, "تظن").source) != "يتكلم عن الطعام"


def test_how_the_speaker_spoke_opening_the_sentence_is_no_subject() -> None:
    said = by_cue("وبصوت هادئ قال الوزير إن الطريق آمن.", "قال")
    assert text_of(said.source) == "الوزير"
    said = by_cue("باحث سعودي قال إن الطريق آمن.", "قال")
    assert text_of(said.source) == "باحث سعودي"  # a noun whose own first letter is ب


def test_a_relay_phrase_skips_the_outlet_told_before_its_speaker() -> None:
    text = "وهذا التمويل، كما يقول لـ«الأنباء» الخبير سامر حداد، لن يكفي."
    assert text_of(by_cue(text, "كما يقول").source) == "الخبير سامر حداد"
    text = "وتراجعت الصادرات، وفق ما كشف للصحيفة مصدر حكومي."
    assert text_of(by_cue(text, "وفق ما كشف").source) == "مصدر حكومي"


def test_a_time_pointed_at_is_no_subject_and_ends_one() -> None:
    said = by_cue("وقال الوزير هذا الأسبوع إن الميناء سيفتح.", "قال")
    assert text_of(said.source) == "الوزير"
    text = "ودعا النائب سامر حداد إلى الحوار، وصرح ذلك اليوم بأن الأزمة انتهت."
    assert speaker_of(text, "صرح") == "النائب سامر حداد"


def test_the_predicate_in_bi_after_an_object_pronoun_is_no_subject() -> None:
    text = (
        "قال المطرب سامر حداد إن الجولة نجحت. "
        "أما ليلى فوصفها بصاحبة موهبة نادرة، وأن الغناء يسكنها لا سيما أنها ابنة عائلة فنية."
    )
    assert speaker_of(text, "وصفها") == "المطرب سامر حداد"


def test_how_the_speaker_spoke_ends_the_subject() -> None:
    text = "وتابع المدرب سامي حداد متحدثا عن اللاعب: «إنه يحتاج إلى الراحة»."
    assert text_of(by_cue(text, "تابع").source) == "المدرب سامي حداد"
    said = by_cue("ونفت الحركة فورا الاتهامات.", "نفت")
    assert text_of(said.source) == "الحركة"


def test_a_name_ending_like_a_participle_stays_in_the_speaker() -> None:
    said = by_cue("وقالت الناطقة باسم المبعوث ميليسا مونتورا إن المحادثات مستمرة.", "قالت")
    assert text_of(said.source) == "الناطقة باسم المبعوث ميليسا مونتورا"


def test_a_time_word_with_dhaka_is_no_subject() -> None:
    text = "ويومذاك اتهم التجار رجلا غريبا بالسرقة."
    assert text_of(by_cue(text, "اتهم").source) == "التجار"


def test_a_place_or_body_after_the_subject_opens_the_object() -> None:
    said = by_cue("واتهمت حماس إسرائيل بخرق الهدنة.", "اتهمت")
    assert text_of(said.source) == "حماس"
    assert text_of(said.content) == "إسرائيل بخرق الهدنة"


def test_a_title_with_its_complement_takes_the_holder_named_after_a_comma() -> None:
    text = "وقال العقيد في شرطة المرور، سامر حداد، إن الطريق مغلق."
    assert text_of(by_cue(text, "قال").source) == "العقيد في شرطة المرور، سامر حداد"


def test_a_foreign_given_name_in_ih_stays_in_the_speaker() -> None:
    said = by_cue("وقال المدرب البرتغالي جوزيه ماريو إن الفريق جاهز.", "قال")
    assert text_of(said.source) == "المدرب البرتغالي جوزيه ماريو"
    said = by_cue("وأبدى اللاعب رأيه في المباراة، وقال إن الفريق جاهز.", "قال")
    assert text_of(said.speaker) == "اللاعب"


def test_a_known_persons_name_shaped_like_a_verb_is_no_cue() -> None:
    text = "وقال رئيس وزراء هولندا مارك روته إن الحكومة تسعى للتأييد."
    assert cues_of(text) == ["قال"]
    assert text_of(by_cue(text, "قال").source) == "رئيس وزراء هولندا مارك روته"


def test_the_fathers_name_after_bin_ends_the_name() -> None:
    said = by_cue("وأكد الوزير خالد بن سلمان تميز أداء الفرق الطبية.", "أكد")
    assert text_of(said.source) == "الوزير خالد بن سلمان"
    assert text_of(said.content) == "تميز أداء الفرق الطبية"
    said = by_cue("وأكد الوزير خالد بن عبد الله رفضه للقرار.", "أكد")
    assert text_of(said.source) == "الوزير خالد بن عبد الله"
    text = "وقال الوزير سعيد بن عبد الله بن حمد آل ثاني إن الطريق مفتوح."
    assert text_of(by_cue(text, "قال").source) == "الوزير سعيد بن عبد الله بن حمد آل ثاني"


def test_a_pronoun_after_a_name_is_the_copula() -> None:
    text = "وقالت الباحثة سلمى داود هي أستاذة الكيمياء في الجامعة إن التجربة نجحت."
    assert text_of(by_cue(text, "قالت").source) == "الباحثة سلمى داود"


def test_an_aside_after_a_comma_is_no_object() -> None:
    said = by_cue("وأعلنت الأمم المتحدة حالة الطوارئ في الإقليم، وهو أعلى مستوى.", "أعلنت")
    assert text_of(said.source) == "الأمم المتحدة"
    assert text_of(said.content) == "حالة الطوارئ في الإقليم"


def test_the_outlet_told_after_an_apposed_holder_is_the_channel() -> None:
    text = "وقال قائد الشرطة، العميد سامر حداد لـ«الشرق الأوسط» إن الخلية فككت."
    said = by_cue(text, "قال")
    assert text_of(said.source) == "قائد الشرطة، العميد سامر حداد"
    assert text_of(said.channel) == "«الشرق الأوسط»"


def test_an_apposition_of_up_to_ten_words_belongs_to_the_speaker() -> None:
    text = (
        "ونفت النائبة سلمى الكعبي، أحد أعضاء لجنة المالية عن حركة الوفاق الوطني، "
        "وجود شبهة فساد في البرنامج."
    )
    said = by_cue(text, "نفت")
    assert text_of(said.source) == (
        "النائبة سلمى الكعبي، أحد أعضاء لجنة المالية عن حركة الوفاق الوطني"
    )
    assert text_of(said.content).startswith("وجود شبهة فساد")


def test_a_reason_clause_opens_its_own_subject() -> None:
    text = "والسبب أن الجواب محسوم لأن المعلومات الواردة من فيينا تؤكد أن الطرفين يتقدمان."
    assert text_of(by_cue(text, "تؤكد").source) == "المعلومات الواردة من فيينا"
