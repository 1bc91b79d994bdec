"""Where a content starts and ends: a quotation that closes its own sentence, a quotation
followed by the speaker's next cue, a straight quote spaced on both sides. On sentences
written for these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, content_of


def test_quotation_ending_in_a_full_stop_is_the_content() -> None:
    # the sentence ends inside the quotation: the next word is the next sentence's cue
    text = ('وقالت سلمى الخطيب المتحدثة باسم البلدية "أبلغنا السكان بالموعد. ننتظر الرد." '
            'وقال المحافظ "الأعمال ستنتهي قريبا".')
    c = by_cue(text, "قالت")
    assert c.direct_quote
    assert c.content.text == "أبلغنا السكان بالموعد. ننتظر الرد"  # the last stop left out


def test_quotation_followed_by_a_participle_cue() -> None:
    text = 'وأضاف المدرب «لم يكن الفوز سهلا على الإطلاق» مشيرا إلى أن الفريق تعب كثيرا.'
    first, second = claims_of(text)
    assert first.cue.text == "أضاف" and first.direct_quote
    assert first.content.text == "لم يكن الفوز سهلا على الإطلاق"
    assert second.cue.text == "مشيرا" and second.content.text == "الفريق تعب كثيرا"


def test_straight_quote_spaced_on_both_sides() -> None:
    text = ('وأوضح التقرير " المدارس الريفية تحتاج إلى دعم عاجل ". '
            'وأشار التقرير إلى أن العام المقبل أصعب.')
    c = by_cue(text, "أوضح")
    assert c.direct_quote
    assert c.content.text.strip() == "المدارس الريفية تحتاج إلى دعم عاجل"


def test_quoted_outlet_name_before_a_participle_is_not_the_content() -> None:
    c = by_cue('أكدت صحيفة "ماركا الرياضية" نقلا عن مصادر في النادي أن المدرب باق.', "أكدت")
    assert c.content.text == "المدرب باق"
    assert not c.direct_quote


def test_speech_act_participle_after_a_comma_ends_the_content() -> None:
    text = "وقال الوزير إن الخطة انتهت بعد الانتخابات، داعيا الحكومة إلى التراجع عنها."
    c = by_cue(text, "قال")
    assert c.content.text == "الخطة انتهت بعد الانتخابات"


def test_speech_act_participle_without_a_comma_ends_the_content() -> None:
    text = "وأشار رئيس النادي إلى أن فريقه أرسل ملفا كاملا معربا عن أمله في إنصافه."
    c = by_cue(text, "أشار")
    assert c.content.text == "فريقه أرسل ملفا كاملا"


def test_the_noun_of_a_demand_does_not_end_the_content() -> None:
    text = "وأكد النقابي أن مطالبة العمال بزيادة الأجور مشروعة."
    c = by_cue(text, "أكد")
    assert c.content.text == "مطالبة العمال بزيادة الأجور مشروعة"


def test_question_mark_inside_a_quotation_stays() -> None:
    c = by_cue('قال المدرب: "هل نحن جاهزون؟" وأضاف أنهم سيلعبون.', "قال")
    assert c.content.text == "هل نحن جاهزون؟"


def test_what_the_writer_infers_after_a_comma_ends_the_content() -> None:
    text = "وقال البيان إن صحته تدهورت في الأسبوعين الأخيرين، ما يعني أن وفاته حديثة."
    assert content_of(text, "قال") == "صحته تدهورت في الأسبوعين الأخيرين"


def test_a_circumstance_after_the_quoted_words_ends_the_content() -> None:
    text = "وقال الوزير إن \"فكرة الدولة انتهت\" بعد انتخاب الرئيس الجديد."
    assert content_of(text, "قال") == "فكرة الدولة انتهت"


def test_a_speech_act_after_the_object_ends_the_content() -> None:
    text = "كذبت الزوجة الرواية المفاجئة تساءلت في دعواها أين كان طيلة هذه الفترة."
    assert content_of(text, "كذبت") == "الرواية المفاجئة"
    assert content_of("وقال الوزير إن الحكومة انتقدت القرار.", "قال") == (
        "الحكومة انتقدت القرار"  # after a complementizer the clause goes on
    )
