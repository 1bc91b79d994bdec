"""Cue words: verbs and participles found as cues in any spelling (diacritics, tatweel, hamza),
told apart from the forms they share letters with by their vowels or what follows them
(«بيّن»/«بين»، «رأى»/«رأي»، «ذهب إلى أن»/«ذهب إلى القاهرة»). On sentences written for these
tests, through ``claimx.extract`` and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

from extraction_helpers import by_cue, claims_of, cues_of, only, text_of


def test_hint_and_refute_verbs() -> None:
    hinted = by_cue("لمحت الحكومة أمس إلى تورط جهات خارجية في الهجوم.", "لمحت")
    assert hinted.stance == "allege" and text_of(hinted.speaker) == "الحكومة"
    refuted = by_cue("وفند المتحدث باسم البلدية هذه الرواية جملة وتفصيلا.", "فند")
    assert refuted.stance == "deny"


def test_findings_shown_by_a_study_or_figures() -> None:
    shown = by_cue("وأظهرت دراسة جامعية حديثة أن النوم المبكر يحسن الذاكرة.", "أظهرت")
    assert shown.stance == "report" and text_of(shown.speaker) == "دراسة جامعية حديثة"
    assert shown.content.text == "النوم المبكر يحسن الذاكرة"
    # the imperfect is mostly «يظهر» (appear, show on screen), the writer's own words
    assert cues_of("ويظهر أن الحكومة لن تتراجع عن قرارها.") == []
    assert cues_of("وانتشر شريط يظهر أن الجنود أحرقوا المنزل.") == []
    # with no complementizer after it, it shows a thing, not a proposition
    assert cues_of("وأظهرت اللقطات جثثا في الشارع.") == []
    # footage and test results are evidence, not speakers
    assert cues_of("وأظهرت الاختبارات أن المادة آمنة على الأطفال.") == []
    assert cues_of("وأظهرت اللقطات المصورة أن الجسر انهار بالكامل.") == []


def test_a_study_concludes_that() -> None:
    concluded = by_cue("وخلصت الدراسة إلى أن النوم المبكر يحسن الذاكرة.", "خلصت")
    assert concluded.stance == "report" and concluded.content.text == "النوم المبكر يحسن الذاكرة"
    assert cues_of("وخلص الاجتماع إلى تشكيل لجنة للمتابعة.") == []  # no proposition
    assert cues_of("وتخلص الجسم من السموم بالماء.") == []  # «تخلّص»: got rid of


def test_continuing_participle_before_a_complementizer() -> None:
    text = "وقال رئيس الحزب إن الانتخابات ستجرى في موعدها، متابعا أن الحزب جاهز لها."
    went_on = by_cue(text, "متابعا")
    assert went_on.content.text == "الحزب جاهز لها"
    assert cues_of("وقال المدرب إن متابعا للفريق أصيب في المدرجات.") == ["قال"]


def test_feminine_perfect_of_bayyana_before_a_complementizer() -> None:
    shown = by_cue("وبينت الوزيرة أن الصادرات ارتفعت هذا العام.", "بينت")
    assert shown.stance == "report" and text_of(shown.speaker) == "الوزيرة"


def test_spelling_variation_diacritics_tatweel_hamza() -> None:
    text = "نَفَى الوزيـرُ أنْ يكونَ قد استقال. واكد المتحدث ان الحكومة مستمرة."
    first, second = claims_of(text)
    assert first.stance == "deny" and first.content.text == "يكونَ قد استقال"
    assert second.stance == "assert" and text_of(second.source) == "المتحدث"


def test_ambiguous_form_is_a_cue_only_when_diacritised() -> None:
    assert claims_of("وقعت الاشتباكات بين الجيش والمسلحين أن الوضع صعب.") == []
    c = only("بيّن المتحدث أن الإجراءات مؤقتة.")
    assert c.lemma == "بين" and c.content.text == "الإجراءات مؤقتة"


def test_masculine_raa_is_a_cue_and_the_noun_is_not() -> None:
    c = by_cue("ورأى المحلل السياسي أن الانتخابات ستتأجل إلى الخريف.", "رأى")
    assert c.stance == "opinion" and text_of(c.speaker) == "المحلل السياسي"
    assert claims_of("وفي رأي كثيرين فإن المباراة كانت صعبة جدا على الفريقين.") == [] or all(
        c.cue.text != "رأي" for c in claims_of("وهذا رأي كثيرين في المدينة.")
    )


def test_ambiguous_participle_after_a_pause() -> None:
    text = "ودافع المدرب عن لاعبيه، مقرا خلال مؤتمر صحفي عقده أمس في المدينة أن الفريق تعب."
    c = by_cue(text, "مقرا")
    assert c.stance == "assert" and c.content.text == "الفريق تعب"


def test_held_the_view_and_informed() -> None:
    c = by_cue("إذ ذهب البعض إلى أن الفتاتين تسببتا في المشكلة.", "ذهب")
    assert c.stance == "opinion" and c.content.text == "الفتاتين تسببتا في المشكلة"
    assert all(c.cue.text != "ذهب" for c in claims_of("وذهب الوزير إلى القاهرة أمس."))
    c = by_cue("أعلمت الجامعة الاتحاد الإفريقي بعدم قدرتها على التنظيم.", "أعلمت")
    assert c.content.text.startswith("بعدم قدرتها")


def test_constructions_through_the_cli() -> None:
    text = "ورأى المحلل السياسي أن الانتخابات ستتأجل. ومن المنتظر أن يصل الوفد غدا."
    out = subprocess.run(
        [sys.executable, "-m", "claimx", "extract", "-", "--format", "json"],
        input=text,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    doc = json.loads(out)
    doc = doc[0] if isinstance(doc, list) else doc
    assert [(c["cue"]["text"], c["stance"]) for c in doc["claims"]] == [
        ("رأى", "opinion"),
        ("من المنتظر", "predict"),
    ]


def test_short_form_of_a_defective_verb_is_a_cue_only_after_lam() -> None:
    denied = only("ولم ينف المتحدث أن الاجتماع تأجل.")
    assert denied.cue.text == "ينف" and denied.negated
    assert cues_of("ويحق لكل أسرة عشرة كيلوغرامات من الأرز ولتر من الزيت.") == []
    assert cues_of("وعزفت الفرقة على وتر الحنين إلى الماضي.") == []


def test_a_participle_in_ta_marbuta_takes_its_content_after_the_statement() -> None:
    text = "وقالت الوزيرة إن الطريق مغلق مؤكدة في نص البيان أنه سيفتح غدا."
    assert "مؤكدة" in cues_of(text)
