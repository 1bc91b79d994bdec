"""Speaker keys and kinds: the spellings, titles and aliases of one speaker share a key, and a
speaker is a person, an organisation, a document, anonymous or unresolved. On phrases and
sentences written for these tests."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

import claimx
from claimx.cli import app
from claimx.extraction.identity import identify, identify_document


def key(text: str | None) -> str | None:
    return identify(text).key


def kind(text: str | None) -> str:
    return identify(text).kind


@pytest.mark.parametrize(
    "variants",
    [
        # spelling: hamza, ta marbuta, alef maqsura, diacritics, tatweel, quotation marks
        ("وزارة الصحة", "وزاره الصحه", "وزارةُ الصِّحَّة", "وزارة الصـحة", "«وزارة الصحة»"),
        ("مصطفى الأحمد", "مصطفي الاحمد", "مصطفى الأحمـد"),
        # clitics and the article
        ("والحكومة المصرية", "الحكومة المصرية", "حكومة مصرية"),
        # honorifics and titles before a name
        ("الشيخ حمد العلي", "حمد العلي", "الدكتور حمد العلي", "السيد حمد العلي"),
        ("وزير الزراعة الأردني نبيل الخطيب", "نبيل الخطيب"),
        ("عبد الكريم ناصر", "عبدالكريم ناصر"),
        # gazetteer aliases of one organisation
        ("قسد", "قوات سوريا الديمقراطية", '"قوات سوريا الديمقراطية"'),
        ("مصادر في قسد", "مصادر في قوات سوريا الديمقراطية"),
        # the gazetteer's spellings of a known person, and the surname alone, in any document
        ("الرئيس الأمريكي دونالد ترامب", "دونالد ترمب", "ترمب", "ترامب"),
        # an unnamed source's adjectives in either order, and with a determiner
        ("مصادر عراقية مطلعة", "مصادر مطلعة عراقية"),
        ("هذه المصادر", "المصادر", "مصادر"),
    ],
)
def test_variants_of_one_speaker_share_a_key(variants: tuple[str, ...]) -> None:
    keys = {key(v) for v in variants}
    assert len(keys) == 1 and None not in keys, keys


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("نبيل الخطيب", "سامر الخطيب"),  # one surname, two people
        ("وزير الزراعة نبيل الخطيب", "وزير الزراعة سامر الخطيب"),
        ("وزارة الصحة", "وزارة الداخلية"),
        ("مصادر عراقية", "مصادر سورية"),
        ("الولايات المتحدة", "روسيا"),
    ],
)
def test_different_speakers_keep_different_keys(one: str, other: str) -> None:
    assert key(one) != key(other)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("مصادر مطلعة", "anonymous"),
        ("مصدر أمني", "anonymous"),
        ("مسؤول رفض الكشف عن اسمه", "anonymous"),
        ("مسؤول كبير طلب عدم الكشف عن هويته", "anonymous"),
        ("أوساط سياسية", "anonymous"),
        ("مسؤولون أمريكيون", "anonymous"),
        ("نبيل الخطيب", "person"),
        ("وزير الزراعة نبيل الخطيب", "person"),
        ("وزير الخارجية", "person"),  # a definite role names one person
        ("الرئيس الأسد", "person"),
        ("وزارة الصحة", "organisation"),
        ("حزب الله", "organisation"),
        ("الأمم المتحدة", "organisation"),
        ("بيان وزارة الخارجية", "document"),
        ("تقرير", "document"),
        ("استطلاع للرأي", "document"),
        ("دراسة حديثة", "document"),
        ("معاليه", "unresolved"),
        (None, "unresolved"),
    ],
)
def test_kinds(mention: str | None, expected: str) -> None:
    assert kind(mention) == expected


def test_anonymous_key_leaves_out_the_clause_that_withholds_the_name() -> None:
    assert key("مسؤول رفض الكشف عن اسمه") == key("مسؤول")


def test_a_reduced_mention_takes_the_key_the_document_gave_it() -> None:
    ids = identify_document(
        ["وزير الزراعة الأردني نبيل الخطيب", "الخطيب", "الوزير", "وكالة الأنباء الأردنية", None]
    )
    assert ids[0].key == ids[1].key == ids[2].key == "نبيل خطيب"
    assert ids[4].kind == "unresolved" and ids[4].key is None


def test_a_noun_and_nationality_take_the_key_of_the_one_person_named_with_it() -> None:
    ids = identify_document(["البرازيلي ماركو دياس نجم الكرة", "المهاجم البرازيلي"])
    assert ids[1].key == ids[0].key
    ids = identify_document(["البرازيلي ماركو دياس", "الأرجنتيني خوان بيريز", "المهاجم البرازيلي"])
    assert ids[2].key == ids[0].key
    ids = identify_document(["البرازيلي ماركو دياس", "البرازيلي جواو سيلفا", "المهاجم البرازيلي"])
    assert ids[2].key not in (ids[0].key, ids[1].key)  # two Brazilians: no telling which


def test_a_surname_two_people_share_stays_apart() -> None:
    ids = identify_document(["نبيل الخطيب", "سامر الخطيب", "الخطيب"])
    assert ids[2].key not in (ids[0].key, ids[1].key)


def test_extracted_claims_carry_key_and_kind_from_their_resolved_speaker() -> None:
    text = (
        "نفت مصادر قسد وجود أي اتفاق مع التنظيم. وأكدت أن قواتها تتقدم في المدينة. "
        "وقال وزير الزراعة الأردني نبيل الخطيب إن الموسم جيد. وأضاف الخطيب أن الأسعار ستنخفض."
    )
    claims = claimx.extract(text).claims
    by_cue = {c.cue.text: c for c in claims}
    assert by_cue["نفت"].speaker_key == by_cue["أكدت"].speaker_key
    assert by_cue["نفت"].speaker_kind == "anonymous"
    assert by_cue["قال"].speaker_key == by_cue["أضاف"].speaker_key == "نبيل خطيب"
    assert by_cue["قال"].speaker_kind == "person"


def test_cli_json_and_csv_carry_speaker_key_and_kind(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("وقالت وزارة الصحة إن الوباء انحسر.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(article), "--json"])
    assert result.exit_code == 0, result.output
    claim = json.loads(result.stdout)[0]["claims"][0]
    assert (claim["speaker_key"], claim["speaker_kind"]) == ("وزاره صحه", "organisation")
    result = runner.invoke(app, ["extract", str(article), "--format", "csv"])
    header, row = result.stdout.splitlines()[:2]
    assert "speaker_key,speaker_kind" in header
    assert "وزاره صحه,organisation" in row


def test_a_speech_noun_after_the_speaker_is_not_part_of_it() -> None:
    # «نقلت الوكالة عن صحيفة "الفجر" القول إن ...»: «القول» is what was said
    assert identify('صحيفة "الفجر" القول') == identify('صحيفة "الفجر"')
    assert kind('صحيفة "الفجر"') == "organisation"


@pytest.mark.parametrize(
    ("mention", "expected_key", "expected_kind"),
    [
        # a title between a role and a name: the name follows it
        ("مدير مستشفى البلدة الدكتور سليم الأحمر", "سليم احمر", "person"),
        # a name, then another role: the role is not part of the name
        ("المدرب البرتغالي جوزيه فيرا مدرب نادي الشروق", "جوزيه فيرا", "person"),
        ("الإيطالي ماريو روسي مدرب الفريق", "ماريو روسي", "person"),
        # people counted by a quantifier are those people
        ("عدد من السكان", "سكان", "anonymous"),
        ("العديد من الخبراء", "خبراء", "anonymous"),
        # an indefinite role with a nisba the gazetteer does not list is still unnamed
        ("ضابط نيبالي", "ضابط نيبالي", "anonymous"),
        ("مسؤولا حكوميا", "مسئولا حكوميا", "anonymous"),  # one hamza seat: «مسئول»
        ("ضابط شرطة طلب عدم الكشف", "ضابط شرطه", "anonymous"),
        # figures, polls and leaks speak as documents; states and institutions as organisations
        ("استطلاعات الرأي", "استطلاعات راي", "document"),
        ("أرقام رسمية", "ارقام رسميه", "document"),
        ("الجمهورية الفرنسية", "جمهوريه فرنسيه", "organisation"),
        ("مجموعة الفجر للاستثمار", "مجموعه فجر استثمار", "organisation"),
    ],
)
def test_titles_quantifiers_and_classes(mention: str, expected_key: str,
                                        expected_kind: str) -> None:
    assert (key(mention), kind(mention)) == (expected_key, expected_kind)


def test_a_role_two_named_people_hold_stays_unresolved_to_either() -> None:
    ids = identify_document(["الوزير نبيل الخطيب", "الوزير سامر العلي", "الوزير"])
    assert ids[2].key not in (ids[0].key, ids[1].key)


@pytest.mark.parametrize(
    ("longer", "shorter"),
    [
        # a date is when it was said: days, «أمس», months beside a number
        ("المصادر الأمنية مساء الثلاثاء", "المصادر الأمنية"),
        ("وزير الصحة يوم الأحد", "وزير الصحة"),
        ("الوزير في 3 مارس الماضي", "الوزير"),
        ("أمس وزير الصحة", "وزير الصحة"),
        # people counted are those people, with the article too
        ("الكثير من الخبراء", "خبراء"),
        # a relative clause says more about the speaker
        ("سالم الهاشمي الذي يرأس الحزب", "سالم الهاشمي"),
        # a place after a name is where, not who
        ("جون كيري في موسكو", "جون كيري"),
        ("الرئيس الأسد في دمشق", "الرئيس الأسد"),
        # a head noun glued to the next word's article
        ("الوزيرالمصري", "الوزير المصري"),
        # a role, a comma, a name; a name, a comma, a role
        ("مدير الشرطة، خالد المنصوري", "خالد المنصوري"),
        ('رئيس كتلة "الأمل" بالبرلمان، سالم بن علي', "سالم بن علي"),
        ("خالد المنصوري، مدير الشرطة", "خالد المنصوري"),
        # the role's complement, then the name
        ("الأمين العام للحزب الاشتراكي سالم الكيلاني", "سالم الكيلاني"),
        ("المتحدث الرسمي لوزارة النقل ماجد العنزي", "ماجد العنزي"),
        # one sound, two spellings: the hamza's seat, Persian letters in a name
        ("مسئول أمني", "مسؤول أمني"),
        ("ڤلاديمير بوتين", "فلاديمير بوتين"),
    ],
)
def test_words_beside_the_speaker_leave_the_key(longer: str, shorter: str) -> None:
    assert (key(longer), kind(longer)) == (key(shorter), kind(shorter))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("شركة نيسان", "شركة"),  # a month's name without a date is a name
        ("محمد السيد", "محمد"),  # «السيد» last is a family name
        ("صاحب المطعم", "المطعم"),  # «صاحب» is not a title
        ("حامد العلي", "حمد العلي"),  # short names differ by their long vowels
        # a word with a preposition on it is the role's complement, never a name
        ("المدير العام للمنظمة الدولية للهجرة", "هجرة"),
        # «في» and more than a place after it: the name may follow, so nothing is cut
        ("سفير البلاد السابق في واشنطن عبد الله الحسن", "سفير البلاد السابق"),
    ],
)
def test_words_that_look_like_dates_or_titles_stay(one: str, other: str) -> None:
    assert key(one) != key(other)


def test_a_definite_role_word_last_is_a_family_name() -> None:
    assert key("وزير الخارجية السوري وليد المعلم") == key("وليد المعلم") == "وليد معلم"


def test_a_role_chained_to_a_definite_noun_is_one_person() -> None:
    assert kind("رئيس لجنة التحكيم") == "person"
    assert kind("رئيس لجنة") == "anonymous"


@pytest.mark.parametrize(
    "mentions",
    [
        # a mention that begins exactly one longer mention of the document
        ["محافظ كركوك المقال سعد الدليمي", "محافظ كركوك"],
        # the role of a named person, its complement ending with an adjective
        ["الأمين العام للحزب الاشتراكي سالم الكيلاني", "الأمين العام للحزب الاشتراكي"],
        # part of a named person's role, with its head
        ["وزير الخارجية السوري وليد المعلم", "الوزير السوري"],
        # a name the document gave with its institution
        ['وكالة "فيتش ريتنغز"', '"فيتش ريتنغز"'],
        # a foreign name spelled with and without its long vowels
        ["الرئيس الأمريكي دونالد ترامب", "دونالد ترمب"],
        # «المصدر», «المسؤول» after an unnamed source, one and one
        ["مسؤول في وزارة الدفاع", "المصدر"],
        ["مسؤول أمريكي", "المسؤول"],
        ["باحثون بريطانيون", "العلماء"],
        # a nationality alone: the person the document gave it
        ["المدرب البرتغالي جوزيه فيرا", "البرتغالي"],
    ],
)
def test_a_reduced_mention_folds_to_the_named_speaker(mentions: list[str]) -> None:
    ids = identify_document(mentions)
    assert len({i.key for i in ids}) == 1 and ids[0].key is not None, ids


@pytest.mark.parametrize(
    "mentions",
    [
        ["محافظ الأنبار سعد الدليمي", "محافظ الأنبار السابق فهد الراوي", "محافظ الأنبار"],
        ["مصادر أمنية", "المصدر"],  # several, then one
        ["وسائل إعلام رسمية", "السلطات"],  # an institution refers back to no source
        ["مصادر مطلعة", "المحللون"],  # another group of people
        ["وزير الخارجية السوري وليد المعلم", "وزير الخارجية الأمريكي"],
        ["المدرب البرتغالي جوزيه فيرا", "المدافع البرتغالي نونو سيلفا", "البرتغالي"],
    ],
)
def test_a_reduced_mention_two_speakers_fit_stays_apart(mentions: list[str]) -> None:
    ids = identify_document(mentions)
    assert ids[-1].key not in {i.key for i in ids[:-1]}, ids


def test_cli_gives_a_reduced_mention_the_named_speakers_key(tmp_path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "قال وزير الخارجية السوري وليد المعلم إن المحادثات مستمرة. "
        "وأضاف الوزيرالسوري أن الوفد سيعود الأسبوع المقبل.\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["extract", str(article), "--json"])
    assert result.exit_code == 0, result.output
    claims = json.loads(result.stdout)[0]["claims"]
    assert [c["speaker_key"] for c in claims] == ["وليد معلم", "وليد معلم"]
