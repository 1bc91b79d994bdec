"""Subject-first cues (SVO, «الوزير قال إن ...»): the noun phrase before the verb is its source,
across «كان ... قد» and after a causative («جعل ترامب يحذر»), but never a pointing word
(«وذلك»). On sentences written for these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, only, text_of


def test_subject_first_plain() -> None:
    c = only("الوزير قال إن الاتفاق نهائي ولا رجعة فيه.")
    assert text_of(c.source) == "الوزير"
    assert c.content.text == "الاتفاق نهائي ولا رجعة فيه"


def test_fronted_subject_across_kana_and_qad() -> None:
    c = only("وكانت وزارة الدفاع الروسية قد أعلنت أن قواتها انسحبت من المنطقة.")
    assert text_of(c.source) == "وزارة الدفاع الروسية"
    assert c.label == "Russian Defence Ministry announces"


def test_madaa_went_on_to_say_is_no_speaker() -> None:
    text = "وقالت الوزيرة إن الميناء سيفتح. ومضت تقول إن العمال سيعودون الشهر المقبل."
    assert text_of(by_cue(text, "تقول").speaker) == "الوزيرة"
    text = "ومضى سامر الوادي ليقول إن العمال سيعودون."
    assert text_of(by_cue(text, "ليقول").source) == "سامر الوادي"


def test_huna_and_lidha_before_the_verb_are_no_fronted_subject() -> None:
    text = "وعرض الكتاب أرقام التهريب. وهنا يقول الباحث سامر الوادي إن الحدود مفتوحة."
    assert text_of(by_cue(text, "يقول").source) == "الباحث سامر الوادي"
    text = "ارتفعت الأسعار كثيرا، ولذلك يرى خبراء أن الطلب سيتراجع."
    assert text_of(by_cue(text, "يرى").source) == "خبراء"
    text = "وهنأ الوزير الفريق بالفوز، وقال إن الإنجاز كبير."  # «هنأ» (congratulated)
    assert text_of(by_cue(text, "قال").speaker) == "الوزير"


def test_pointing_word_and_conditional_are_no_fronted_subject() -> None:
    text = 'انتقد اللاعب إدارة ناديه علنا، وذلك من خلال تغريدة قال فيها: "لن ألعب بعد اليوم".'
    c = by_cue(text, "قال")
    assert text_of(c.speaker) is None or not text_of(c.speaker).startswith("وذلك")


def test_noun_after_a_causative_is_the_cues_subject() -> None:
    text = "وهو ما جعل ترامب يحذر من فرض رسوم إضافية. وتابع أن الرسوم ضرورية."
    assert text_of(by_cue(text, "يحذر").source) == "ترامب"
    assert text_of(by_cue(text, "تابع").speaker) == "ترامب"


def test_words_before_the_relative_ma_are_no_fronted_subject() -> None:
    text = "وتوقف المراقبون عند ما أكده الوزير بأن الخطة ستنفذ قريبا."
    assert text_of(by_cue(text, "أكده").source) == "الوزير"
    assert text_of(only("ومما قاله الوزير إن الخطة ستنفذ قريبا.").source) == "الوزير"
    text = "وتحدث المقال عن الأزمة، وهذا تحديدا ما أكدته الخبيرة منى الصالح."
    assert text_of(by_cue(text, "أكدته").source) == "الخبيرة منى الصالح"


def test_a_conjunction_ending_in_ma_opens_the_clause() -> None:
    said = only("لطالما حذر خبراء الاقتصاد من خطورة الديون.")
    assert text_of(said.source) == "خبراء الاقتصاد"
    said = only("ومثلما أوضح الباحث، فإن الطاقة ستتضاعف.")
    assert text_of(said.source) == "الباحث"


def test_the_subject_of_a_reason_is_the_pronoun_on_lianna() -> None:
    c = by_cue("وقال الوزير إن الصبر ضروري في التفاوض، لأنه يوضح للطرف الآخر أنك جاد.", "يوضح")
    assert c.source is None and text_of(c.speaker) == "الوزير"
