"""Where the content of a claim starts and ends, on sentences written for these tests: one
test per construction, through ``claimx.extract``."""

from __future__ import annotations

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


def content_of(text: str, cue: str) -> str | None:
    c = by_cue(text, cue)
    return None if c.content is None else c.content.text


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
