"""Stance and negation of a cue: «لم ينفِ» is a negated denial, while «لا ... فقط ... بل» and
«ما زالت» negate nothing; «رفض» denies a claim but not a request. On sentences written for
these tests, through ``claimx.extract``."""

from __future__ import annotations

from extraction_helpers import by_cue, claims_of, only, text_of


def test_negated_cue() -> None:
    c = only("لم ينفِ المتحدث أن الاجتماع قد تأجل.")
    assert c.negated and c.stance == "deny"
    assert c.content.text == "الاجتماع قد تأجل"


def test_not_only_but_is_not_negation() -> None:
    c = claims_of("لا يؤكد الوزير فقط أن الخطة جاهزة، بل يقول إنها ممولة أيضا.")[0]
    assert c.cue.text == "يؤكد" and not c.negated
    assert text_of(c.source) == "الوزير"


def test_subject_first_across_auxiliary_is_not_negation() -> None:
    c = only("ما زالت الحكومة العراقية تنفي وجود قوات أجنبية على أراضيها.")
    assert text_of(c.source) == "الحكومة العراقية"
    assert c.stance == "deny" and not c.negated
    assert c.content.text == "وجود قوات أجنبية على أراضيها"


def test_rejecting_a_claim_is_a_denial_rejecting_a_request_is_not() -> None:
    c = by_cue("ورفض الوزير الاتهامات بالفساد، وقال إنها كاذبة.", "رفض")
    assert c.stance == "deny" and c.content.text.startswith("الاتهامات")
    c = by_cue("كما أدلى النائب بشهادته، رافضا بشدة الادعاء.", "رافضا")
    assert c.content.text == "الادعاء"
    assert all(c.cue.text != "رفض" for c in claims_of("ورفض الوزير الطلب المقدم من النقابة."))
