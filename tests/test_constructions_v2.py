"""Constructions of issue 8 (text claimx was never tuned on), on sentences written for these
tests: one test per construction family, through ``claimx.extract`` and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import claimx
from claimx.model import Claim


def claims_of(text: str) -> list[Claim]:
    doc = claimx.extract(text)
    for claim in doc.claims:
        for span in (claim.source, claim.speaker, claim.cue, claim.channel, claim.content):
            if span is not None:
                assert text[span.start : span.end] == span.text
    return list(doc.claims)


def by_cue(text: str, cue: str) -> Claim:
    found = [c for c in claims_of(text) if c.cue.text == cue]
    assert len(found) == 1, [c.cue.text for c in claims_of(text)]
    return found[0]


def text_of(span) -> str | None:
    return None if span is None else span.text


def test_masculine_raa_is_a_cue_and_the_noun_is_not() -> None:
    c = by_cue("ورأى المحلل السياسي أن الانتخابات ستتأجل إلى الخريف.", "رأى")
    assert c.stance == "opinion" and text_of(c.speaker) == "المحلل السياسي"
    assert claims_of("وفي رأي كثيرين فإن المباراة كانت صعبة جدا على الفريقين.") == [] or all(
        c.cue.text != "رأي" for c in claims_of("وهذا رأي كثيرين في المدينة.")
    )


def test_first_person_cue_inside_a_quotation_is_the_speakers_own_voice() -> None:
    claims = claims_of('وقال المدرب في المؤتمر: "أعتقد أن الفريق جاهز للمباراة".')
    assert [c.cue.text for c in claims] == ["قال"]
    assert claims[0].content.text.startswith("أعتقد")


def test_speech_noun_phrases_are_generated_for_every_frame() -> None:
    text = "قال النائب إن الحكومة ستسقط قريبا، على حد تعبيره. والقرار باطل وفق زعمه."
    said = by_cue(text, "على حد تعبيره")
    assert said.stance == "report" and said.source is None
    assert text_of(said.speaker) == "النائب"
    assert by_cue(text, "وفق زعمه").stance == "allege"


def test_impersonal_predicates_with_a_clause_or_a_verbal_noun() -> None:
    waited = by_cue("ومن المنتظر أن يصل الوفد إلى القاهرة مساء الغد.", "من المنتظر")
    assert waited.stance == "predict" and waited.source is None
    assert waited.content.text == "يصل الوفد إلى القاهرة مساء الغد"
    expected = by_cue("ومن المتوقع ارتفاع أسعار الوقود الشهر المقبل.", "من المتوقع")
    assert expected.content.text.startswith("ارتفاع أسعار الوقود")


def test_document_as_source_with_jaa_fi() -> None:
    c = by_cue("وجاء في البيان أن الشركة ستوقف الإنتاج مؤقتا.", "جاء في")
    assert text_of(c.source) == "البيان"
    assert c.content.text == "الشركة ستوقف الإنتاج مؤقتا"


def test_plural_verb_carries_its_subject_so_what_follows_is_the_object() -> None:
    text = "وقال المعارضون إن النظام الجديد خطير، واتهموا الحكومة بتزوير الانتخابات."
    c = by_cue(text, "اتهموا")
    assert c.source is None and text_of(c.speaker) == "المعارضون"
    assert c.content.text.startswith("الحكومة بتزوير الانتخابات")


def test_relative_clause_cue_speaks_for_the_antecedent() -> None:
    text = "ونفى الوزير بشدة الأنباء التي تحدثت عن استقالته من منصبه."
    c = by_cue(text, "تحدثت")
    assert c.source is None and text_of(c.speaker) == "الأنباء"
    assert c.content.text == "استقالته من منصبه"


def test_adverbial_participle_after_the_verb_is_no_speaker() -> None:
    text = 'وسخر النائب من القرار، وقال متهكما "إنه قرار عظيم حقا".'
    c = by_cue(text, "قال")
    assert c.source is None  # «متهكما» describes the speaker, is not one
    assert text_of(c.speaker).startswith("النائب")


def test_pointing_word_and_conditional_are_no_fronted_subject() -> None:
    text = 'انتقد اللاعب إدارة ناديه علنا، وذلك من خلال تغريدة قال فيها: "لن ألعب بعد اليوم".'
    c = by_cue(text, "قال")
    assert text_of(c.speaker) is None or not text_of(c.speaker).startswith("وذلك")


def test_verbal_noun_after_a_name_starts_the_object() -> None:
    c = by_cue("واستبعدت ميركل إجراء انتخابات مبكرة في البلاد.", "استبعدت")
    assert text_of(c.source) == "ميركل" and c.stance == "deny"
    assert c.content.text == "إجراء انتخابات مبكرة في البلاد"


def test_announcement_with_an_object_proposition() -> None:
    c = by_cue("وأعلنت وزارة الصحة ارتفاع عدد الإصابات إلى مئتي حالة.", "أعلنت")
    assert text_of(c.source) == "وزارة الصحة"
    assert c.content.text == "ارتفاع عدد الإصابات إلى مئتي حالة"


def test_verbal_noun_right_after_the_cue_is_its_object() -> None:
    text = "وكانت الحركة قد هددت بالانسحاب، وسبق لها أن أعلنت الاستعداد للحوار مع الحكومة."
    c = by_cue(text, "أعلنت")
    assert c.source is None
    assert c.content.text.startswith("الاستعداد للحوار")


def test_surname_resolves_to_the_full_name_given_elsewhere() -> None:
    text = (
        "وأكد رئيس الحزب كريم منصور أن الانتخابات ستجرى في موعدها. "
        "وقال منصور إن حزبه سيشارك بقوة."
    )
    c = by_cue(text, "قال")
    assert text_of(c.source) == "منصور"
    assert "كريم" in text_of(c.speaker)


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
