"""Pointing objects and relative clauses: «وهو ما نفته الشركة»، «استبعد المحللون ذلك» take the
proposition pointed back to as content; a cue in a relative clause («التي ذكرت»، «الذي اتهم»)
speaks for the noun the clause describes. On sentences written for these tests, through
``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, only, text_of


def test_anaphoric_object_takes_the_antecedent_proposition() -> None:
    first, second = claims_of("وتحدثت تقارير عن تسريح ألف موظف، وهو ما نفته الشركة بشكل قاطع.")
    assert text_of(second.source) == "الشركة" and second.stance == "deny"
    assert second.content.text == first.content.text == "تسريح ألف موظف"
    c = only("رفع البنك المركزي سعر الفائدة. واستبعد المحللون ذلك في وقت سابق.")
    assert c.content.text == "رفع البنك المركزي سعر الفائدة"


def test_pointing_object_before_the_subject() -> None:
    text = "وسيعاد فتح المعبر الأسبوع المقبل. أوضح ذلك مدير الإدارة العامة للمعابر."
    c = by_cue(text, "أوضح")
    assert text_of(c.source) == "مدير الإدارة العامة للمعابر"
    assert c.content.text == "وسيعاد فتح المعبر الأسبوع المقبل" or c.content.text.startswith(
        "سيعاد"
    )


def test_relative_pronoun_subject_resolves_to_antecedent() -> None:
    first, second = claims_of("نفى المدرب صحة الأخبار التي نشرتها وسائل إعلام محلية، "
                              "والتي ذكرت أن اللاعب سيرحل.")
    assert second.source is None
    assert text_of(second.speaker) == "وسائل إعلام محلية"


def test_relative_clause_cue_speaks_for_the_antecedent() -> None:
    text = "ونفى الوزير بشدة الأنباء التي تحدثت عن استقالته من منصبه."
    c = by_cue(text, "تحدثت")
    assert c.source is None and text_of(c.speaker) == "الأنباء"
    assert c.content.text == "استقالته من منصبه"


def test_relative_pronoun_agreeing_with_the_verb_is_its_subject() -> None:
    text = "ورفض البرلمان تصريحات النائب سامي العلي الذي اتهم الحكومة بالفساد."
    c = by_cue(text, "اتهم")
    assert c.source is None
    assert "سامي العلي" in text_of(c.speaker)


def test_relative_antecedent_stops_at_a_cue_word() -> None:
    text = "وتم تفكيك الخلية، حسب البيان، الذي أوضح أن التحريات مستمرة."
    c = by_cue(text, "أوضح")
    assert text_of(c.speaker) == "البيان"


def test_a_relative_taken_up_by_the_object_pronoun_is_the_object() -> None:
    text = "ويعني القرار الذي أعلنه رئيس البلدية أن الحافلات ستعمل بالكهرباء."
    assert text_of(by_cue(text, "أعلنه").source) == "رئيس البلدية"
    text = "وتحدثت تقارير عن إغلاق المصنع، وهو الأمر الذي نفاه مصدر في الشركة."
    c = by_cue(text, "نفاه")
    assert text_of(c.source) == "مصدر في الشركة"
    assert c.content.text == "إغلاق المصنع"
    text = "ونفى الوزير الأنباء التي وصفها بالكاذبة."  # no subject after it: dropped
    assert text_of(by_cue(text, "وصفها").speaker) != "الأنباء"


def test_a_bare_relative_on_an_indefinite_noun_has_its_subject_after_the_verb() -> None:
    text = 'وعرض الوزير خطة للنقل؛ وهي مسألة اعتبرها الرئيس "أولوية وطنية".'
    c = by_cue(text, "اعتبرها")
    assert text_of(c.source) == "الرئيس"
    assert c.content.text == "أولوية وطنية"
    text = "وقال إن الجنود عبروا الحدود، وهو اتهام تنفيه الحكومة المجاورة."
    assert text_of(by_cue(text, "تنفيه").source) == "الحكومة المجاورة"
    assert text_of(by_cue("الوزيرة اعتبرتها خطوة مهمة.", "اعتبرتها").source) == "الوزيرة"


def test_a_cue_in_an_aside_between_commas_keeps_the_main_claim() -> None:
    """«وقال الوزير، الذي أعلن استقالته أمس، إن ...»: the content after the aside is the main
    cue's; the aside's cue has its own object."""
    said, announced = claims_of("وقال الوزير، الذي أعلن استقالته أمس، إن الحكومة باقية.")
    assert said.cue.text == "قال" and said.content.text == "الحكومة باقية"
    assert announced.cue.text == "أعلن" and announced.content.text.startswith("استقالته")
    text = "وقال سامي حداد، منظم المهرجان الذي يختتم اليوم، إن الزوار كثر."
    assert [c.cue.text for c in claims_of(text)] == ["قال"]
