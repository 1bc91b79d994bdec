"""Which antecedent a dropped subject or a participle takes, on sentences written for these
tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, speaker_of


def test_subject_of_a_governing_verb_that_is_no_cue() -> None:
    text = (
        "قال مسؤول في البلدية إن الطريق مغلق. "
        "كما استنكرت الوزارة الحادث الأليم في ضاحية النخيل، وأكدت أن التحقيق بدأ."
    )
    assert speaker_of(text, "أكدت") == "الوزارة"


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
