"""Where the content of a claim starts and ends, on sentences written for these tests: one
test per construction, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, content_of, only, text_of


def test_haythu_after_a_comma_goes_on_with_the_claim() -> None:
    text = "وأوضح المدير أن الجسر أغلق أمام السيارات، حيث ظهرت فيه شقوق كبيرة بعد الأمطار."
    assert content_of(text, "أوضح") == (
        "الجسر أغلق أمام السيارات، حيث ظهرت فيه شقوق كبيرة بعد الأمطار"
    )


def test_participle_cue_without_comma_ends_the_content() -> None:
    text = "وقالت الوزارة إن الطريق سيغلق ثلاثة أيام مشيرة إلى أن الأشغال ستبدأ في الربيع."
    assert content_of(text, "قالت") == "الطريق سيغلق ثلاثة أيام"


def test_turn_opener_before_a_later_cue_ends_the_content() -> None:
    text = "وقال المتحدث إن السفينة غرقت قرب الميناء لكن صيادين قالوا إنها ما زالت طافية."
    assert content_of(text, "قال") == "السفينة غرقت قرب الميناء"
    text = "وأكد المدرب أن الفريق جاهز للمباراة ومن جانبه قال الحارس إن التحضير كان صعبا."
    assert content_of(text, "أكد") == "الفريق جاهز للمباراة"


def test_short_aside_between_commas_stays_inside_the_object() -> None:
    text = "وكشفت البلدية عن تسلمها، مؤخرا، لشكاوى تتعلق بانقطاع الماء في الحي الشرقي."
    assert content_of(text, "كشفت") == "تسلمها، مؤخرا، لشكاوى تتعلق بانقطاع الماء في الحي الشرقي"


def test_attribution_aside_inside_the_clause_keeps_the_rest() -> None:
    text = "وأضاف الناطق أن الفيضان أدى، حسب آخر الأرقام، إلى غرق عشرين منزلا في القرية."
    assert content_of(text, "أضاف") == (
        "الفيضان أدى، حسب آخر الأرقام، إلى غرق عشرين منزلا في القرية"
    )


def test_reason_phrase_stays_inside_the_object() -> None:
    text = "ونفت الشركة إغلاق مصنعها إثر الحريق الذي اندلع في المخزن الأسبوع الماضي."
    assert content_of(text, "نفت") == (
        "إغلاق مصنعها إثر الحريق الذي اندلع في المخزن الأسبوع الماضي"
    )


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


def test_object_after_bi() -> None:
    c = only("وأقر الوزير بوجود أخطاء في التنفيذ.")
    assert text_of(c.source) == "الوزير" and c.stance == "assert"
    assert c.content.text == "بوجود أخطاء في التنفيذ"


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


def test_the_name_ali_is_no_preposition_before_the_content() -> None:
    text = "وقالت الطبيبة سارة علي إن المريض تعافى."
    said = by_cue(text, "قالت")
    assert text_of(said.content) == "المريض تعافى"
    assert text_of(said.source) == "الطبيبة سارة علي"
    text = 'وأكد المتحدث باسم المجلس المحلي في مدينة تعز علي الحكيمي لـ"الوطن" أن القوات تقدمت.'
    said = by_cue(text, "أكد")
    assert text_of(said.content) == "القوات تقدمت"
    assert text_of(said.source).endswith("تعز علي الحكيمي")


def test_ali_spelling_the_preposition_still_opens_the_object() -> None:
    assert content_of("وأكد الوزير علي ضرورة الإسراع في المشروع.", "أكد") == (
        "ضرورة الإسراع في المشروع"
    )
    said = by_cue("وأكد ترامب علي أهمية الحوار.", "أكد")
    assert text_of(said.source) == "ترامب" and text_of(said.content) == "أهمية الحوار"
    assert content_of("وأكد المدير علي أن العمل سيبدأ غدا.", "أكد") == "العمل سيبدأ غدا"


def test_the_writers_reason_after_khassatan_anna_ends_the_content() -> None:
    text = "وأكد رئيس النادي رفضه بيع الحارس هذا الصيف خاصة وأنه باع مدافعه الأول الشهر الماضي."
    assert content_of(text, "أكد") == "رفضه بيع الحارس هذا الصيف"
    text = "ويتوقع الخبير أن ترتفع أسعار القمح، خاصة أن المحصول تراجع في عدة دول."
    assert content_of(text, "يتوقع") == "ترتفع أسعار القمح"


def test_khassatan_before_a_noun_stays_inside_the_content() -> None:
    text = "وقالت الوكالة إن الطلب ارتفع خاصة في المدن الساحلية خلال الصيف."
    assert content_of(text, "قالت") == "الطلب ارتفع خاصة في المدن الساحلية خلال الصيف"


def test_a_preposition_after_a_comma_completes_the_object() -> None:
    text = "وكشفت البلدية عن تسلمها شكاوى كثيرة من السكان، في الحي الشرقي من المدينة."
    assert content_of(text, "كشفت") == "تسلمها شكاوى كثيرة من السكان، في الحي الشرقي من المدينة"


def test_a_prefixed_adverbial_after_a_comma_still_ends_the_object() -> None:
    text = "وكشفت البلدية عن تسلمها شكاوى كثيرة من السكان، بسبب انقطاع الماء عن الحي."
    assert content_of(text, "كشفت") == "تسلمها شكاوى كثيرة من السكان"


def test_a_quoted_name_before_a_comma_and_that_is_the_subject() -> None:
    said = by_cue("وأكد «مرصد حقوق العمال في الجنوب»، أن الإضراب مستمر.", "أكد")
    assert text_of(said.source) == "«مرصد حقوق العمال في الجنوب»"
    assert text_of(said.content) == "الإضراب مستمر"
    said = by_cue("وقال سامي النجار، رئيس جمعية «أصدقاء البحر»، إن الشاطئ نظيف.", "قال")
    assert text_of(said.source) == "سامي النجار، رئيس جمعية «أصدقاء البحر»"
    assert text_of(said.content) == "الشاطئ نظيف"


def test_a_quoted_name_after_fi_is_where_the_speaker_works() -> None:
    said = by_cue("وقال سامي بوزيد، مدير المبيعات في «نجمة الشرق»: «الطلب يرتفع كل شهر».", "قال")
    assert text_of(said.source) == "سامي بوزيد، مدير المبيعات في «نجمة الشرق»"
    assert text_of(said.content) == "الطلب يرتفع كل شهر"


def test_a_quoted_name_after_an_institution_or_a_preposition_is_no_quotation() -> None:
    text = "وقال كريم الحلو، مدير منظمة «أصدقاء البيئة»: «سنواصل حملتنا»."
    said = by_cue(text, "قال")
    assert said.content.text == "سنواصل حملتنا"
    assert text_of(said.source) == "كريم الحلو، مدير منظمة «أصدقاء البيئة»"
    text = "وقالت صحيفة «أخبار المدينة»، نقلا عن شهود، إن الجسر انهار."
    assert content_of(text, "قالت") == "الجسر انهار"
    text = "وقال سامي النجار، المحلل في «بيت الاستثمار»: «الأسعار ستنخفض»."
    assert content_of(text, "قال") == "الأسعار ستنخفض"
    assert content_of('وقال المسؤول "لن نسمح بذلك".', "قال") == "لن نسمح بذلك"


def test_faqad_answering_a_fronted_attribution_opens_no_content_word() -> None:
    assert content_of("وبحسب الشرطة، فقد أغلق المسلحون الطريق.", "بحسب") == "أغلق المسلحون الطريق"


def test_abr_before_a_way_or_a_place_stays_inside_the_object() -> None:
    text = "ونفى الموظف تورطه عبر مساعدة العصابة في نقل المسروقات."
    assert content_of(text, "نفى") == "تورطه عبر مساعدة العصابة في نقل المسروقات"
    text = "وكشفت الجمارك عن تزايد تهريب السجائر عبر الحدود الجنوبية."
    assert content_of(text, "كشفت") == "تزايد تهريب السجائر عبر الحدود الجنوبية"


def test_complementizer_after_kama_or_ghayr_opens_no_content() -> None:
    text = "أكد الوزير أمس استقالته من الحكومة، كما أن الحزب سيعقد اجتماعا."
    assert content_of(text, "أكد") == "استقالته من الحكومة"
    text = "وأعلنت الشركة إغلاق المصنع، من غير أن تحدد موعدا لإعادة فتحه."
    assert content_of(text, "أعلنت").startswith("إغلاق المصنع")


def test_a_quoted_name_with_a_relative_clause_is_no_speech() -> None:
    text = (
        'وقال الوزير في مؤتمر صحفي على هامش "المنتدى الدولي للطاقة"، الذي عقد في عمان: '
        'إن "الاتفاق يشكل خطوة مهمة".'
    )
    assert content_of(text, "قال") == "الاتفاق يشكل خطوة مهمة"


def test_a_content_opening_its_sentence_leaves_out_the_conjunction() -> None:
    text = "أغلقت البلدية السوق القديم. وسيتم نقل التجار إلى ساحة جديدة، حسب ما أفاد به مصدر محلي."
    assert content_of(text, "حسب ما أفاد به") == "سيتم نقل التجار إلى ساحة جديدة"


def test_a_word_that_begins_with_waw_keeps_it_at_a_sentence_start() -> None:
    text = "انقطع الماء عن الحي. وزارة المياه أصلحت الأنبوب، حسب ما أفاد به مصدر محلي."
    assert content_of(text, "حسب ما أفاد به").startswith("وزارة المياه")


def test_a_quotation_opening_with_a_bare_complementizer_leaves_it_out() -> None:
    text = 'وأضاف الوزير "إن العلاقة بين البلدين متينة وستبقى كذلك".'
    assert content_of(text, "أضاف") == "العلاقة بين البلدين متينة وستبقى كذلك"
    text = 'وقال المدير «إنه يدرس العرض الجديد بجدية».'
    assert content_of(text, "قال") == "إنه يدرس العرض الجديد بجدية"
    text = 'وقال المدرب: "إن لم نفز غدا فسنخرج من البطولة".'
    assert content_of(text, "قال") == "إن لم نفز غدا فسنخرج من البطولة"
