"""Passive and impersonal cues («يُعتقد أن»، «يقال إن»، «من المنتظر أن»، «يرجح أن») make a claim
with no source and no speaker; the vowels of «يُوصف» mark a passive that the bare letters do
not. On sentences written for these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, only, text_of


def test_passive_impersonal_cue_has_no_speaker() -> None:
    c = only("ويُعتقد أن المهاجمين فروا إلى الجبال القريبة.")
    assert c.source is None and c.speaker is None
    assert c.content.text == "المهاجمين فروا إلى الجبال القريبة"


def test_vowels_mark_a_passive_cue() -> None:
    c = by_cue("وكان المرشح يُوصف بأنه منافس خطير.", "يُوصف")
    assert c.source is None and c.speaker is None
    assert c.content.text == "منافس خطير"


def test_hearsay_is_allege() -> None:
    c = only("ويقال إن الشركة تستعد لبيع فرعها الأوروبي.")
    assert c.stance == "allege" and c.speaker is None


def test_impersonal_predicates_with_a_clause_or_a_verbal_noun() -> None:
    waited = by_cue("ومن المنتظر أن يصل الوفد إلى القاهرة مساء الغد.", "من المنتظر")
    assert waited.stance == "predict" and waited.source is None
    assert waited.content.text == "يصل الوفد إلى القاهرة مساء الغد"
    expected = by_cue("ومن المتوقع ارتفاع أسعار الوقود الشهر المقبل.", "من المتوقع")
    assert expected.content.text.startswith("ارتفاع أسعار الوقود")


def test_impersonal_imperfect_of_expect_before_its_complementizer() -> None:
    likely = by_cue("وقال الوزير إن الإنتاج ارتفع. ويرجح أن يعلن المجلس قراره غدا.", "يرجح")
    assert likely.stance == "predict" and likely.source is None and likely.speaker is None
    expected = by_cue("ويتوقع الخبراء أن ترتفع الأسعار في الصيف.", "يتوقع")
    assert text_of(expected.speaker) == "الخبراء"


def test_passive_perfect_marked_by_a_damma_has_no_speaker() -> None:
    accused = only("اتُّهم الوزير السابق بتلقي رشاوى من شركة إنشاءات.")
    assert accused.stance == "allege"
    assert accused.source is None and accused.speaker is None
    assert accused.speaker_resolution == "impersonal"
    for text, cue in (
        ("اُتهم اللاعب بتناول منشطات قبل المباراة.", "اُتهم"),
        ("وكُشف النقاب عن أن الوزارة ستغلق المصنع.", "كُشف"),
        ("وأكد المدرب أن الفريق جاهز، وزُعم أن الحارس مصاب.", "زُعم"),
        ("واستُبعد أن يتأخر افتتاح الملعب الجديد.", "استُبعد"),
    ):
        c = by_cue(text, cue)
        assert c.source is None and c.speaker is None, text


def test_passive_imperfect_of_a_wasl_verb_has_no_speaker() -> None:
    c = only("وتُتهم الشركة بأنها رفعت الأسعار دون إذن.")
    assert c.source is None and c.speaker is None
    assert c.content.text == "رفعت الأسعار دون إذن"


def test_active_verbs_with_vowels_keep_their_speaker() -> None:
    c = only("اتَّهم الوزير خصومه بنشر الشائعات.")
    assert c.speaker is not None and c.speaker.text.startswith("الوزير")
    c = only("كَشف الوزير عن أن الخطة ستنفذ العام المقبل.")
    assert c.speaker is not None and c.speaker.text == "الوزير"


def test_damma_on_the_prefix_of_a_fourth_or_third_form_is_active() -> None:
    c = only("وتُضيف المصادر الطبية أن الوباء ينتشر بسرعة.")
    assert c.speaker is not None and c.speaker.text == "المصادر الطبية"
    assert c.speaker_resolution == "named"
    text = "وقالت الوزارة إن الوباء ينتشر، وتُفيد بأن عدد المصابين ارتفع."
    informs = by_cue(text, "تُفيد")
    assert informs.speaker is not None and informs.speaker.text == "الوزارة"
    c = only("ويُلاحظ الأطباء أن الإصابات تراجعت.")
    assert c.speaker is not None and c.speaker.text == "الأطباء"
