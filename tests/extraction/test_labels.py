"""English labels of claims ("SDF sources deny", "According to SOHR", "It is said"): glossed
from the gazetteer, transliterated where it has no gloss, never left in Arabic. On sentences
written for these tests, through ``claimx.extract``."""

from __future__ import annotations

import re

from extraction_helpers import by_cue, claims_of, only


def test_english_labels() -> None:
    c = only('لا تزال مصادر "قوات سوريا الديمقراطية" تنفي وجود أي اتفاق.')
    assert c.label == "SDF sources deny"
    c = only("تؤكد مصادر سورية مطلعة أن الاتفاق قائم.")
    assert c.label == "Informed Syrian sources assert"


def test_phrase_cue_labels_keep_the_speakers_capitals() -> None:
    """"According to SOHR", not "According to sOHR"; common nouns stay lower case."""
    c = only("وفقا للمرصد السوري لحقوق الإنسان، فإن الطريق مغلق.")
    assert c.label == "According to SOHR"
    c = only("بحسب الشرطة، فإن الطريق مغلق.")
    assert c.label == "According to police"


def test_labels_are_english_or_transliterated_and_impersonal_cues_read_well() -> None:
    said = by_cue("ويُقال إن الوزير سيستقيل قريبا.", "يُقال")
    assert said.label == "It is said"
    named = by_cue("واستبعد وزير الاقتصاد سامي الحداد أي رفع للضرائب.", "استبعد")
    assert named.label == "Economy Minister Sami al-Haddad rules out"
    for claim in claims_of("وقال مسؤول إثيوبي إن السد سيكتمل العام المقبل."):
        assert not re.search("[\u0600-\u06ff]", claim.label), claim.label


def test_a_month_leaves_a_label_only_as_a_date() -> None:
    said = by_cue("قالت رئيسة الوزراء البريطانية تيريزا ماي إن الاتفاق جيد.", "قالت")
    assert said.label == "British Prime Minister Theresa May says"
    said = by_cue("وقال مسؤول في 3 أيار إن الاتفاق جيد.", "قال")
    assert said.label == "Official says"
    said = by_cue("وأكدت الحكومة العراقية في حزيران الماضي أن الاتفاق جيد.", "أكدت")
    assert said.label == "Iraqi government asserts"


def test_roles_of_the_law_and_research_label_in_every_form() -> None:
    """The feminine and the plurals of a role noun read as English roles, not
    transliterations: «المحامية»، «المحامون»، «القضاة»."""
    said = by_cue("وقالت المحامية إن المحكمة أجلت الجلسة.", "قالت")
    assert said.label == "Lawyer says"
    said = by_cue("وقال المحامون إن الحكم جائر.", "قال")
    assert said.label == "Lawyers say"
    said = by_cue("وقال القضاة إن القانون واضح.", "قال")
    assert said.label == "Judges say"
    said = by_cue("وأكد الباحثون أن النتائج أولية.", "أكد")
    assert said.label == "Researchers assert"


def test_roles_and_bodies_of_sport_label_as_a_sports_desk_writes_them() -> None:
    said = by_cue("وقال لاعبو المنتخب إن المعسكر مفيد.", "قال")
    assert said.label == "National team players say"
    said = by_cue("وقالت اللاعبة إن الفوز مستحق.", "قالت")
    assert said.label == "Player says"
    said = by_cue("ونفت الرابطة تأجيل المباراة.", "نفت")
    assert said.label == "League denies"
    said = by_cue("وقال المدير الفني للفريق إن الإصابات كثيرة.", "قال")
    assert said.label == "Team head coach says"


def test_roles_of_government_and_diplomacy_label_in_every_form() -> None:
    said = by_cue("وقالت السفيرة الأمريكية إن واشنطن قلقة.", "قالت")
    assert said.label == "US ambassador says"
    said = by_cue("وقال النواب إن الموازنة لن تمر.", "قال")
    assert said.label == "MPs say"
    said = by_cue("وقال وزراء الخارجية العرب إن الحل سياسي.", "قال")
    assert said.label == "Arab foreign ministers say"
    said = by_cue("ونفت المفوضية وجود تزوير في الانتخابات.", "نفت")
    assert said.label == "Commission denies"


def test_security_forces_and_armed_groups_label_as_english() -> None:
    said = by_cue("وقال مسلحون إنهم سيطروا على المدينة.", "قال")
    assert said.label == "Gunmen say"
    said = by_cue("وقال قادة الجيش إن الهجوم فشل.", "قال")
    assert said.label == "Army commanders say"
    said = by_cue("وقالت قوات الأمن إن المسلحين فروا.", "قالت")
    assert said.label == "Security forces say"
    said = by_cue("وأعلنت الجماعة المسلحة أن المقاتلين عادوا.", "أعلنت")
    assert said.label == "Armed group announces"


def test_a_role_noun_that_is_also_an_adjective_reads_as_one_after_a_noun() -> None:
    """«الحقوقي» alone is a rights activist; after a noun («منظمة حقوقية») it describes it."""
    said = by_cue("وقالت منظمة حقوقية إن المعتقلين تعرضوا للتعذيب.", "قالت")
    assert said.label == "Rights organisation says"
    said = by_cue("وقال الحقوقي سامي العلي إن المعتقلين تعرضوا للتعذيب.", "قال")
    assert said.label == "Rights activist Sami al-Ali says"
    said = by_cue("وقالت مصادر نيابية إن الجلسة تأجلت.", "قالت")
    assert said.label == "Parliamentary sources say"


def test_people_in_the_news_and_clergy_label_as_english_roles() -> None:
    said = by_cue("وقال المتظاهرون إن مطالبهم واضحة.", "قال")
    assert said.label == "Protesters say"
    said = by_cue("وقال المطران إن الكنيسة ترفض العنف.", "قال")
    assert said.label == "Archbishop says"
    said = by_cue("وأكد مستثمرون أن السوق مستقرة.", "أكد")
    assert said.label == "Investors assert"
    said = by_cue("وقالت الطبيبة منى خليل إن الحالة مستقرة.", "قالت")
    assert said.label == "Doctor Mona Khalil says"


def test_institutions_and_the_plurals_of_bodies_label_as_english() -> None:
    said = by_cue("وقالت الشركات إن الأسعار سترتفع.", "قالت")
    assert said.label == "Companies say"
    said = by_cue("وقالت منظمات حقوقية إن المعتقلين تعرضوا للتعذيب.", "قالت")
    assert said.label == "Rights organisations say"
    said = by_cue("وقالت النيابة إن المتهم اعترف.", "قالت")
    assert said.label == "Prosecution says"
    said = by_cue("وقالت المحكمة العليا إن القرار دستوري.", "قالت")
    assert said.label == "Supreme court says"
    said = by_cue("وقالت هيئة الدفاع إن المتهم بريء.", "قالت")
    assert said.label == "Defence team says"
    # a classifier before a known name still gives the name alone
    said = by_cue("وقالت وكالة رويترز إن الاتفاق صامد.", "قالت")
    assert said.label == "Reuters says"


def test_an_outlet_noun_alone_reads_as_english_and_whom_one_told_stays_out() -> None:
    said = by_cue("وذكرت الإذاعة أن الطريق مغلق.", "ذكرت")
    assert said.label == "Radio states"
    said = by_cue("وقال الوزير لمجلة محلية إن الأسعار مستقرة.", "قال")
    assert said.label == "Minister says"


def test_titles_of_several_words_read_as_one_english_title() -> None:
    said = by_cue("وقال المتحدث الرسمي باسم الحكومة إن القرار نهائي.", "قال")
    assert said.label == "Government spokesman says"
    said = by_cue("وقال الرئيس التنفيذي للشركة إن الأرباح ارتفعت.", "قال")
    assert said.label == "Company chief executive says"
    said = by_cue("وقال رئيس مجلس الإدارة إن الأرباح ارتفعت.", "قال")
    assert said.label == "Chairman says"
    said = by_cue("وقال نائب الرئيس الأمريكي مايك بنس إن العقوبات ستشدد.", "قال")
    assert said.label == "US Vice President Mike Pence says"


def test_more_roles_read_as_english_and_whom_one_told_stays_out() -> None:
    said = by_cue("وأكد نقيب الصحفيين أن الحرية مهددة.", "أكد")
    assert said.label == "Journalists union head asserts"
    said = by_cue("وقال قاضي التحقيق إن المتهمين أوقفوا.", "قال")
    assert said.label == "Investigating judge says"
    said = by_cue("وقال وكيل الجمهورية إن الأبحاث متواصلة.", "قال")
    assert said.label == "Public prosecutor says"
    said = by_cue("وقال الوزير للصحفيين في المطار إن الاتفاق قريب.", "قال")
    assert said.label == "Minister says"


def test_the_prime_ministers_office_is_not_a_presidency_of_ministers() -> None:
    said = by_cue("وقالت مصادر في رئاسة الوزراء التركية إن الاجتماع تأجل.", "قالت")
    assert said.label == "Sources in Turkish prime minister's office say"


def test_security_services_and_rescuers_label_as_english() -> None:
    said = by_cue("وقالت الحماية المدنية إن الحريق أخمد.", "قالت")
    assert said.label == "Civil protection says"
    said = by_cue("وأكد رجال الأمن أن الوضع تحت السيطرة.", "أكد")
    assert said.label == "Security personnel assert"
    said = by_cue("وقال المسعفون إن الجرحى نقلوا إلى المستشفى.", "قال")
    assert said.label == "Paramedics say"


def test_two_people_joined_by_wa_are_two_in_the_label() -> None:
    text = "وقال وزير الخارجية الأمريكي جون كيري والرئيس أوباما إن الاتفاق تاريخي."
    assert by_cue(text, "قال").label == "US Secretary of State John Kerry and President Obama say"


def test_one_persons_two_titles_stay_one_speaker_in_the_label() -> None:
    text = "وقال مؤسس الشركة والمدير التنفيذي سامي حداد إن الأرباح زادت."
    assert by_cue(text, "قال").label.endswith(" and Executive Director Sami Haddad says")


def test_a_description_after_a_comma_is_glossed_after_the_name() -> None:
    text = "وقال اللواء منصور الحداد، المتحدث الأمني في وزارة الداخلية، إن الخلية فككت."
    label = by_cue(text, "قال").label
    assert label.startswith("Maj. Gen. Mansour al-")
    assert ", security spokesman in " in label
    text = "وقال وزير الخارجية، سامي حداد، إن الاتفاق تاريخي."
    assert by_cue(text, "قال").label == "Foreign Minister Sami Haddad says"


def test_a_nisba_after_a_given_name_is_a_family_name() -> None:
    text = "وقال اللواء منصور التركي إن الخلية فككت."
    assert "Turkish" not in by_cue(text, "قال").label


def test_a_role_in_construct_right_after_a_name_is_its_description() -> None:
    text = "وقال محمد علي جعفري قائد الحرس الثوري الإيراني إن الهجوم فشل."
    assert by_cue(text, "قال").label == "Mohammed Ali Jafri, Revolutionary Guards commander says"


def test_abd_names_and_professors_read_as_english() -> None:
    text = "وقال البروفسور عبد اللطيف حداد إن الدواء فعال. وأضاف حداد أن التجارب نجحت."
    assert by_cue(text, "قال").label == "Prof. Abdullatif Haddad says"
    assert by_cue(text, "قال").speaker_key == by_cue(text, "أضاف").speaker_key
    # a listed name of two words, as English-language news spells it
    assert only("وقال السفير عبد الله حداد إن الطريق مغلق.").label == (
        "Ambassador Abdullah Haddad says"
    )


def test_a_relative_clause_on_the_speaker_is_left_out_of_the_label() -> None:
    text = "وقال المصدر الذي طلب عدم ذكر اسمه إن الطريق مغلق."
    assert only(text).label == "Source says"


def test_who_is_reads_as_a_comma_and_every_in_is_glossed() -> None:
    text = "وقال سامي حداد وهو مستشار أمني إن الخطر قائم."
    assert by_cue(text, "قال").label == "Sami Haddad, security adviser says"
    text = "وقال مسؤول في الشركة في دبي إن الأرباح زادت."
    assert " Fi " not in by_cue(text, "قال").label + " "


def test_the_custodian_of_the_two_holy_mosques_reads_as_english() -> None:
    text = "وقال خادم الحرمين الشريفين إن المملكة ماضية في الإصلاح."
    assert by_cue(text, "قال").label == "Custodian of the Two Holy Mosques says"


def test_quantifiers_others_and_portfolios_read_as_english() -> None:
    assert only("وقال عدد من الخبراء إن الطريق مغلق.").label == "A number of experts say"
    assert only("وقال بعض المواطنين إن الطريق مغلق.").label == "Some citizens say"
    assert only("ويقول كثيرون إن الطريق مغلق.").label == "Many say"
    assert only("وقال مسؤول آخر إن الطريق مغلق.").label == "Another official says"
    assert only("وقالت مصادر أخرى إن الطريق مغلق.").label == "Other sources say"
    assert only("وقالت آخر الإحصائيات إن البطالة ارتفعت.").label == "Latest statistics say"
    text = "وقال سامي حداد وزير حقوق الإنسان إن الطريق مغلق."
    assert only(text).label == "Sami Haddad, human rights minister says"
    text = "وقالت وزارة الشؤون البلدية والقروية إن الطريق مغلق."
    assert only(text).label == "Municipal and Rural Affairs Ministry says"


def test_a_field_after_a_role_or_body_reads_before_it() -> None:
    assert only("وقالت لجنة الانتخابات إن الطريق مغلق.").label == "Election committee says"
    assert only("وقال محافظ البنك المركزي إن الطريق مغلق.").label == "Central bank governor says"
    assert only("وقال مستشار الأمن القومي إن الطريق مغلق.").label == (
        "National security adviser says"
    )
    assert only("وقال الخبير العقاري سامي حداد إن السوق هادئ.").label == (
        "Real estate expert Sami Haddad says"
    )
    assert only("وقال اللورد هول إن السوق هادئ.").label == "Lord Hul says"
    text = "وأشارت البيانات الشهرية لوزارة العدل التي أفصحت عن تراجع الصفقات إلى أن السوق هادئ."
    assert by_cue(text, "أفصحت").label == "Justice Ministry discloses"
    text = "وأشاد برئيس الوزراء الإيطالي ماتيو رينزي، قائلا إن الشركة ستنمو."
    assert by_cue(text, "قائلا").label.startswith("Italian Prime Minister")  # not "Baris"


def test_a_chairman_and_a_report_in_the_accusative_read_as_english() -> None:
    assert only("وقال رئيس مجلس إدارة الشركة إن الأرباح زادت.").label == "Company chairman says"
    text = "وذكر الوزير أن تقريرا أمميا أشار إلى أن الأرباح زادت."
    assert by_cue(text, "أشار").label == "UN report points out"


def test_a_spokesman_for_a_pronoun_is_a_spokesman() -> None:
    text = "وأعلنت الشرطة العثور على جثة. وقال متحدث باسمها إن التحقيق جار."
    assert by_cue(text, "قال").label == "Spokesman says"


def test_a_portfolio_in_construct_without_its_article() -> None:
    assert only("وقال وزير خارجية فرنسا إن النقاش صعب.").label == "France foreign minister says"


def test_names_in_al_din_and_the_abbreviated_doctor() -> None:
    assert only("وقال عز الدين حداد إن الطريق مغلق.").label == "Izz al-Din Haddad says"
    assert only("وقال د. أحمد حداد إن الطريق مغلق.").label == "Dr. Ahmed Haddad says"


def test_more_countries_are_named_in_english() -> None:
    text = "وقال وزير خارجية النمسا سامي حداد إن الطريق مغلق."
    assert only(text).label == "Austria Foreign Minister Sami Haddad says"
    assert only("وقالت مصادر في نيجيريا إن الطريق مغلق.").label == "Sources in Nigeria say"


def test_news_reports_and_a_veteran() -> None:
    assert only("وذكرت تقارير إخبارية أن الطريق مغلق.").label == "News reports state"
    assert only("وقال الحزب الديمقراطي الكردستاني إن الطريق مغلق.").label == (
        "Kurdistan Democratic party says"
    )


def test_a_masculine_plural_in_construct_is_glossed() -> None:
    """«محللو»، «لاعبو»: the sound plural loses its ن before a genitive."""
    assert only("وقال محللو البنك إن الطريق مغلق.").speaker_label == "Bank analysts"


def test_a_title_whose_genitive_has_no_article_before_a_country() -> None:
    """«رئيس وزراء بريطانيا»: «رئيس الوزراء» in construct with the country."""
    assert only("وقال رئيس وزراء بريطانيا إن الطريق مغلق.").speaker_label == (
        "British prime minister"
    )
    assert only("وقالت رئيسة وزراء بريطانيا إن الطريق مغلق.").speaker_label == (
        "British prime minister"
    )
    assert only("وقال نائب رئيس الوزراء التركي إن الطريق مغلق.").speaker_label == (
        "Turkish deputy prime minister"
    )


def test_one_of_a_group_comes_first_and_takes_a_singular_verb() -> None:
    assert only("وقال أحد المسؤولين إن الطريق مغلق.").label == "One of the officials says"
    assert only("وقالت إحدى الصحف إن الطريق مغلق.").label == "One of the newspapers says"


def test_an_unknown_name_in_fal_keeps_its_first_letter() -> None:
    assert only("وقال فالح العيساوي إن الطريق مغلق.").speaker_label == "Falih al-Isawi"
