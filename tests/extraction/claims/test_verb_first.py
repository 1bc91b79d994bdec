"""Verb-first cues (VSO, «أكد الوزير أن ...»): the noun phrase after the verb is the source and
what follows it, a clause or an object such as «ارتفاع عدد الإصابات», is the content; a verb
that carries its subject («اتهموا») takes the next noun as its object. On sentences written for
these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, content_of, cues_of, only, text_of

from claimx.extraction.claims.verb_first import _opens_coordinate
from claimx.extraction.tokenize import TokenizedText


def test_verb_first_with_channel() -> None:
    c = only("أكد وزير الخارجية المصري، في مؤتمر صحفي، أن المفاوضات ستستأنف الأسبوع المقبل.")
    assert c.cue.text == "أكد" and c.stance == "assert"
    assert text_of(c.source) == "وزير الخارجية المصري"
    assert text_of(c.channel) == "مؤتمر صحفي"
    assert c.content.text == "المفاوضات ستستأنف الأسبوع المقبل"
    assert not c.negated and not c.direct_quote


def test_reports_as_source() -> None:
    c = only("أفادت تقارير إعلامية بأن الرئيس سيزور باريس الشهر المقبل.")
    assert text_of(c.source) == "تقارير إعلامية"
    assert c.content.text == "الرئيس سيزور باريس الشهر المقبل"


def test_direct_object_before_content() -> None:
    c = only("وصف الوزير الاتفاق بأنه تاريخي.")
    assert text_of(c.source) == "الوزير"
    assert c.content.text == "تاريخي"


def test_announcement_with_an_object_proposition() -> None:
    c = by_cue("وأعلنت وزارة الصحة ارتفاع عدد الإصابات إلى مئتي حالة.", "أعلنت")
    assert text_of(c.source) == "وزارة الصحة"
    assert c.content.text == "ارتفاع عدد الإصابات إلى مئتي حالة"


def test_verbal_noun_right_after_the_cue_is_its_object() -> None:
    text = "وكانت الحركة قد هددت بالانسحاب، وسبق لها أن أعلنت الاستعداد للحوار مع الحكومة."
    c = by_cue(text, "أعلنت")
    assert c.source is None
    assert c.content.text.startswith("الاستعداد للحوار")


def test_plural_verb_carries_its_subject_so_what_follows_is_the_object() -> None:
    text = "وقال المعارضون إن النظام الجديد خطير، واتهموا الحكومة بتزوير الانتخابات."
    c = by_cue(text, "اتهموا")
    assert c.source is None and text_of(c.speaker) == "المعارضون"
    assert c.content.text.startswith("الحكومة بتزوير الانتخابات")


def test_oblique_plural_after_the_verb_is_its_object() -> None:
    text = "وقال الرئيس إنه بريء. واتهم المعارضين بتسييس القضية."
    c = by_cue(text, "اتهم")
    assert c.source is None and text_of(c.speaker) == "الرئيس"


def test_adverbial_participle_after_the_verb_is_no_speaker() -> None:
    text = 'وسخر النائب من القرار، وقال متهكما "إنه قرار عظيم حقا".'
    c = by_cue(text, "قال")
    assert c.source is None  # «متهكما» describes the speaker, is not one
    assert text_of(c.speaker).startswith("النائب")


def test_unanimous_report_with_ala_anna() -> None:
    c = by_cue("وأجمع سكان الحي على أنهم عانوا من صعوبة في التنفس.", "أجمع")
    assert text_of(c.source) == "سكان الحي" and c.stance == "report"
    assert c.content.text == "عانوا من صعوبة في التنفس"


def test_a_person_object_ends_the_subject_of_a_verb_of_warning_or_telling() -> None:
    c = only("وحذر صندوق النقد الدولي الحكومات من رفع الدعم بسرعة.")
    assert text_of(c.source) == "صندوق النقد الدولي"
    assert c.content.text.startswith("رفع الدعم")
    c = only("وأبلغ رئيس النادي اللاعبين بأن المدرب سيرحل.")
    assert text_of(c.source) == "رئيس النادي"
    assert c.content.text == "المدرب سيرحل"
    c = only("وحذر الاتحاد الأوروبي الحكومة اليونانية من أن المهلة تنتهي.")
    assert text_of(c.source) == "الاتحاد الأوروبي"


def test_whom_one_accuses_is_the_start_of_the_content_not_part_of_the_speaker() -> None:
    c = only("اتهم الوزير المعارضة بعرقلة الإصلاحات.")
    assert text_of(c.source) == "الوزير"
    assert c.content.text.startswith("المعارضة بعرقلة")
    c = only("واتهمت روسيا تركيا بدعم المسلحين.")
    assert text_of(c.source) == "روسيا"
    assert c.content.text.startswith("تركيا بدعم")


def test_an_outlet_told_right_after_a_verb_of_telling_is_no_subject() -> None:
    text = 'وقال شاهد إنه رأى الحادث، وأبلغ وكالة "رويترز" للأنباء، أن الشرطة أطلقت النار.'
    c = by_cue(text, "أبلغ")
    assert c.source is None and text_of(c.speaker) == "شاهد"
    assert c.content.text == "الشرطة أطلقت النار"


def test_what_one_is_accused_of_follows_a_bi_written_apart() -> None:
    text = 'وقطعت سبع دول علاقاتها مع الدوحة، واتهمتها بـ"دعم الإرهاب"، في أسوأ أزمة.'
    c = by_cue(text, "اتهمتها")
    assert c.source is None
    assert c.content.text.strip('"') == "دعم الإرهاب"


def test_a_verb_of_holding_takes_a_definite_object_and_what_it_is_held_to_be() -> None:
    c = only("واعتبرت النقابة القرار الجديد خطوة إلى الوراء.")
    assert c.cue.text == "اعتبرت"
    assert text_of(c.source) == "النقابة" and c.stance == "opinion"
    assert c.content.text == "القرار الجديد خطوة إلى الوراء"


def test_a_verb_of_holding_with_a_predicate_alone_is_the_passive() -> None:
    assert cues_of("وقال المهندس إن المباني القديمة اعتبرت غير آمنة.") == ["قال"]
    assert cues_of("وتعتبر المدينة من أجمل مدن الساحل.") == []


def test_the_holder_ends_where_a_definite_object_starts() -> None:
    c = only("واعتبر القاضي السابق في محكمة الاستئناف النظر في هذه الدعوى من شأن العلماء.")
    assert text_of(c.source) == "القاضي السابق في محكمة الاستئناف"
    assert c.content.text == "النظر في هذه الدعوى من شأن العلماء"


def test_what_is_held_follows_an_object() -> None:
    assert cues_of("وتحدث عن المطربين، واعتبر الآخرين من الأصوات الجميلة أيضا.") == []


def test_a_cue_right_after_an_indefinite_speaker_noun_describes_it() -> None:
    text = "وقالت المجلة إن خبرها يستند إلى مصدر مطلع أكد لها أن المدرب سيرحل."
    assert text_of(by_cue(text, "أكد").source) == "مصدر مطلع"
    c = by_cue("وأعلنت الشرطة تلقيها لمعلومات تفيد بوجود عصابة في الحي.", "تفيد")
    assert text_of(c.source) == "معلومات"
    text = "ونشر الموقع خبرا لمصدر عسكري نفى ما تردد عن انسحاب القوات."
    assert text_of(by_cue(text, "نفى").source) == "مصدر عسكري"
    text = "وفي بيان صحفي أكدت الوزارة أن المعبر مفتوح."  # the subject follows the verb
    assert text_of(by_cue(text, "أكدت").source) == "الوزارة"


def test_illa_anna_after_a_comma_is_the_writers_turn_not_the_object() -> None:
    text = "وتتهم المعارضة الحكومة بتزوير الانتخابات، إلا أن الحكومة تنفي ذلك بشكل قاطع."
    assert content_of(text, "تتهم").endswith("بتزوير الانتخابات")
    text = "ويصف المدرب المباراة بمثابة اختبار صعب، إلا أن اللاعبين واثقون من الفوز."
    assert "اللاعبين" not in content_of(text, "يصف")


def test_wa_after_the_comma_that_follows_a_verb_opens_a_clause_not_a_subject() -> None:
    """«... لم يكن يتوقعه، وخيمت على عينيه»: the word after the comma is the next clause's
    verb; «وكتب، وليد داود، من الشركة» names the writer (a given name in و)."""
    tokens = TokenizedText("وخيمت وليد فقال سامي").tokens
    assert _opens_coordinate(tokens[0]) and _opens_coordinate(tokens[2])
    assert not _opens_coordinate(tokens[1]) and not _opens_coordinate(tokens[3])
