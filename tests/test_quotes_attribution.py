"""Speaker attribution patterns of Arabic news the quote stage must read: clause links before a
second speaker, long title chains before a name, quote-first sources, statements of bodies and
transcripts (sentences written for these tests; entities set by hand)."""

from __future__ import annotations

from marsad.doc import Document
from tests.events_support import analyze
from tests.test_quotes_speakers import quote_with, speaker_of


def test_a_verb_after_a_clause_link_starts_a_new_attribution() -> None:
    doc = analyze(
        "وقال سالم الحداد إن الحوار متوقف منذ أسابيع، فيما أكد كمال العبيدي أن اللقاء القادم سيعقد في الرباط.",
        [("سالم الحداد", "PERSON"), ("كمال العبيدي", "PERSON"), ("الرباط", "GPE")],
    )
    assert speaker_of(doc, "اللقاء القادم") == "كمال العبيدي"
    first = quote_with(doc, "الحوار متوقف")
    assert first.text.endswith("منذ أسابيع") and "فيما" not in first.text


def test_bainama_also_links_a_second_speaker() -> None:
    doc = analyze(
        "وقالت نادية الشامي إن الأسعار سترتفع قريبا، بينما رأى فؤاد الحلبي أن السوق ستستقر قبل الصيف.",
        [("نادية الشامي", "PERSON"), ("فؤاد الحلبي", "PERSON")],
    )
    assert speaker_of(doc, "الأسعار سترتفع") == "نادية الشامي"
    assert speaker_of(doc, "السوق ستستقر") == "فؤاد الحلبي"


def test_a_clause_ending_in_a_short_quotation_is_one_indirect_quote() -> None:
    doc = analyze(
        'وقال حسن البنا الصغير إن القرار "لا يخدم مصلحة أحد" في المنطقة.',
        [("حسن البنا الصغير", "PERSON")],
    )
    q = quote_with(doc, "لا يخدم")
    assert q.kind == "indirect" and q.text.startswith("القرار")


# -- chains of titles before a name ---------------------------------------------------------------


def test_a_title_chain_with_a_preposition_leads_to_the_name() -> None:
    doc = analyze(
        "وقال المبعوث الأممي الخاص إلى السودان، رمطان العمراني، في إحاطة أمس، إن الطرفين وافقا على هدنة إنسانية. "
        "وأضاف أن المساعدات ستدخل خلال أيام.",
        [("السودان", "GPE"), ("رمطان العمراني", "PERSON")],
    )
    assert speaker_of(doc, "الطرفين وافقا") == "رمطان العمراني"
    assert speaker_of(doc, "المساعدات ستدخل") == "رمطان العمراني"


def test_an_ambassador_to_a_capital_is_not_his_country() -> None:
    doc = analyze(
        "وقال سفير الكويت لدى القاهرة ناصر المطيري إن التعاون بين البلدين يتسع.",
        [("الكويت", "GPE"), ("القاهرة", "GPE"), ("ناصر المطيري", "PERSON")],
    )
    assert speaker_of(doc, "التعاون بين البلدين") == "ناصر المطيري"


def test_a_long_chain_of_two_offices_leads_to_the_name() -> None:
    doc = analyze(
        "قال نائب رئيس الوزراء وزير الدولة لشؤون الاستثمار والتخطيط، مازن الخطيب، إن الموازنة الجديدة متوازنة.",
        [("مازن الخطيب", "PERSON")],
    )
    assert speaker_of(doc, "الموازنة الجديدة") == "مازن الخطيب"


def test_a_researcher_at_a_centre_speaks_not_the_centre() -> None:
    doc = analyze(
        "ويقول الباحث في مركز الخليج للدراسات سعيد البلوشي إن المنطقة تدخل مرحلة جديدة.",
        [("مركز الخليج للدراسات", "ORG"), ("سعيد البلوشي", "PERSON")],
    )
    assert speaker_of(doc, "المنطقة تدخل") == "سعيد البلوشي"


def test_a_chain_stops_at_a_meeting_with_another_person() -> None:
    doc = analyze(
        "وقال وزير الخارجية عمر الفاسي إن الزيارة مهمة. وقال الوزير خلال لقائه ماهر الصالح إن العلاقات ممتازة.",
        [("ماهر الصالح", "PERSON"), ("عمر الفاسي", "PERSON")],
    )
    assert speaker_of(doc, "العلاقات ممتازة") == "عمر الفاسي"


def test_a_feminine_verb_does_not_take_a_man_at_the_end_of_the_chain() -> None:
    doc = analyze(
        "وقالت المديرة الإقليمية للمنظمة في شرق أفريقيا سلوى الدسوقي إن المجاعة تتسع.",
        [("سلوى الدسوقي", "PERSON")],
    )
    assert speaker_of(doc, "المجاعة تتسع") == "سلوى الدسوقي"


# -- the quotation before its source ------------------------------------------------------------


def test_hasabama_names_the_source_of_the_sentence_before_it() -> None:
    doc = analyze(
        "يزور رئيس الوزراء العاصمة الأردنية الأسبوع المقبل لبحث ملف المياه، حسبما أعلن المتحدث باسم الحكومة "
        "السفير وليد الرفاعي.",
        [("وليد الرفاعي", "PERSON")],
    )
    assert speaker_of(doc, "يزور رئيس الوزراء") == "وليد الرفاعي"


def test_a_noun_that_looks_like_a_participle_leaves_the_claim_to_the_source() -> None:
    doc = analyze(
        "أصدرت المحكمة الجنائية، أمس، مذكرة توقيف بحق المدير السابق للميناء، وفق بيان لهيئة الرقابة الإدارية.",
        [("هيئة الرقابة الإدارية", "ORG")],
    )
    assert speaker_of(doc, "مذكرة توقيف") == "هيئة الرقابة الإدارية"
    doc = analyze(
        "اقتيد الرهائن إلى مكان مجهول تحت حراسة مشددة، بحسب ما أفادت وكالة الأنباء المحلية.",
        [("وكالة الأنباء المحلية", "ORG", "news_agency")],
    )
    assert speaker_of(doc, "اقتيد الرهائن") == "وكالة الأنباء المحلية"


def test_a_demand_in_the_clause_is_an_act_the_source_reports() -> None:
    doc = analyze(
        "خطف مسلحون رجل أعمال في ضواحي المدينة، وطالبوا عائلته بفدية كبيرة، بحسب ما أفادت وكالة الأنباء الرسمية.",
        [("وكالة الأنباء الرسمية", "ORG", "news_agency")],
    )
    assert speaker_of(doc, "خطف مسلحون") == "وكالة الأنباء الرسمية"


def test_words_already_quoted_stay_with_their_speaker() -> None:
    doc = analyze(
        "وقال خالد المصري إن الصادرات ارتفعت، وفق أرقام المعهد الوطني للإحصاء.",
        [("خالد المصري", "PERSON"), ("المعهد الوطني للإحصاء", "ORG")],
    )
    assert speaker_of(doc, "الصادرات ارتفعت") == "خالد المصري"


def test_a_verb_of_saying_heading_the_clause_keeps_it_from_the_source() -> None:
    doc = analyze(
        "وتعتبر المدينة القديمة من أجمل مدن المنطقة، بحسب تصنيف المنظمة الدولية للسياحة.",
        [("المنظمة الدولية للسياحة", "ORG")],
    )
    assert not doc.quotes or all(q.speaker is None or "المدينة القديمة" not in q.text for q in doc.quotes)


def test_a_resumptive_pronoun_after_the_verb_hides_no_subject() -> None:
    doc = analyze(
        "وبحث الجانبان سبل تعزيز التعاون في مجال الزراعة، حسب ما أفاد به بيان لوزارة الفلاحة.",
        [("وزارة الفلاحة", "ORG")],
    )
    assert speaker_of(doc, "سبل تعزيز") == "وزارة الفلاحة"


def test_his_office_speaks_for_the_person_named_in_the_claim() -> None:
    doc = analyze(
        "يتوجه الوزير فادي العلي إلى بروكسل غدا لحضور اجتماع المانحين، بحسب ما أعلنه مكتبه الإعلامي في بيان.",
        [("فادي العلي", "PERSON"), ("بروكسل", "GPE")],
    )
    assert speaker_of(doc, "إلى بروكسل") == "فادي العلي"


def test_her_office_is_the_woman_not_the_man_named_after_her() -> None:
    doc = analyze(
        "استقبلت الوزيرة هدى الزين السفير كريم الطاهر أمس لبحث التعاون الثقافي، وفق ما أفاد مكتبها.",
        [("هدى الزين", "PERSON"), ("كريم الطاهر", "PERSON")],
    )
    assert speaker_of(doc, "لبحث التعاون") == "هدى الزين"


def test_a_library_is_no_office() -> None:
    doc = analyze(
        "افتتح المعرض الدولي للكتاب أبوابه أمس بمشاركة 300 ناشر عربي، بحسب ما أعلنته مكتبة الإسكندرية.",
        [("مكتبة الإسكندرية", "ORG")],
    )
    assert speaker_of(doc, "افتتح المعرض") == "مكتبة الإسكندرية"


def test_an_anonymous_official_of_a_ministry_speaks_for_it() -> None:
    doc = analyze(
        "صرح مصدر مسؤول في وزارة الخارجية بأن المملكة تدين الهجوم الذي استهدف السفارة.",
        [("وزارة الخارجية", "ORG")],
    )
    assert speaker_of(doc, "المملكة تدين") == "وزارة الخارجية"


def test_an_anonymous_source_without_a_body_stays_anonymous() -> None:
    doc = analyze(
        "وقال مصدر مطلع إن المفاوضات ستستأنف الأسبوع المقبل في القاهرة.",
        [("القاهرة", "GPE")],
    )
    assert speaker_of(doc, "المفاوضات ستستأنف") is None


def test_a_researcher_named_after_kama_yaqul_is_the_source() -> None:
    doc = analyze(
        "لكن نجاح الاتفاق يبقى مرهونا بالتزام الطرفين، كما يقول الباحث في معهد الدراسات الاستراتيجية بباريس جان دوبون.",
        [("باريس", "GPE"), ("جان دوبون", "PERSON")],
    )
    assert speaker_of(doc, "نجاح الاتفاق") == "جان دوبون"


# -- transcripts ----------------------------------------------------------------------------------


def test_a_line_opening_with_a_name_and_a_colon_is_that_persons_turn() -> None:
    doc = analyze(
        "المذيع: ضيفنا الليلة المحلل الاقتصادي منير الساحلي. هل ترتفع الأسعار؟\n"
        "منير الساحلي: لا أظن ذلك. السوق مستقرة منذ أشهر، والمخزون يكفي حتى الصيف.\n"
        "المذيع: شكرا لك.",
        [("منير الساحلي", "PERSON")],
    )
    q = quote_with(doc, "السوق مستقرة")
    assert q.kind == "direct" and speaker_of(doc, "السوق مستقرة") == "منير الساحلي"
    assert q.text.startswith("لا أظن ذلك") and q.text.endswith("حتى الصيف")
    assert no_turn_for(doc, "شكرا لك")


def test_a_name_and_colon_inside_a_line_is_no_turn() -> None:
    doc = analyze(
        "وصل الوفد صباح اليوم وكان في استقباله منير الساحلي: وزير المالية السابق والمستشار الحالي.",
        [("منير الساحلي", "PERSON")],
    )
    assert not any(q.kind == "direct" and q.text.startswith("وزير المالية") for q in doc.quotes)


def no_turn_for(doc: Document, words: str) -> bool:
    return not any(words in q.text and q.speaker for q in doc.quotes)


# -- statements and verbs -------------------------------------------------------------------------


def test_a_statement_heading_its_clause_is_the_subject_of_the_verb() -> None:
    doc = analyze(
        "أصدر مكتب المرجع الديني حسن الموسوي بيانا أكد فيه أن الحوار ضروري. البيان أشار أيضا إلى أن اللقاء دام ساعة.",
        [("حسن الموسوي", "PERSON")],
    )
    assert speaker_of(doc, "اللقاء دام ساعة") == "حسن الموسوي"


def test_a_verb_in_a_relative_clause_of_a_channel_still_reports_nothing() -> None:
    doc = analyze(
        "وفي حوار صحفي نشر أمس، تحدث رامي الحسن عن الأزمة. وقال رامي الحسن إن الحل قريب جدا.",
        [("رامي الحسن", "PERSON")],
    )
    assert speaker_of(doc, "الحل قريب") == "رامي الحسن"


def test_a_threat_with_bianna_is_a_quote() -> None:
    doc = analyze(
        "وتوعد القيادي في الجماعة ناصر الحمادي بأن الرد سيكون قاسيا.",
        [("ناصر الحمادي", "PERSON")],
    )
    assert speaker_of(doc, "الرد سيكون") == "ناصر الحمادي"


def test_iktafa_bil_qawl_reports_for_the_person_at_the_end_of_the_titles() -> None:
    doc = analyze(
        "ورفض المتحدث باسم وزارة الدفاع سامر النجار التعليق على التقارير، واكتفى بالقول إن التحقيق مستمر.",
        [("وزارة الدفاع", "ORG"), ("سامر النجار", "PERSON")],
    )
    assert speaker_of(doc, "التحقيق مستمر") == "سامر النجار"


def test_a_second_clause_with_wa_anna_is_a_quote_of_its_own() -> None:
    doc = analyze(
        'ويرى الباحث عادل القاسمي أن "الحكومة ربحت الجولة الأولى"، وأن المعارضة "لن تتراجع" رغم الضغوط.',
        [("عادل القاسمي", "PERSON")],
    )
    assert speaker_of(doc, "الحكومة ربحت") == "عادل القاسمي"
    second = quote_with(doc, "المعارضة")
    assert second.text.startswith("المعارضة") and second.speaker == quote_with(doc, "الحكومة ربحت").speaker


def test_wa_anna_inside_quotation_marks_does_not_split() -> None:
    doc = analyze(
        'وقال عادل القاسمي: "نعلم أن الطريق طويل، وأن النتائج لن تظهر سريعا".',
        [("عادل القاسمي", "PERSON")],
    )
    q = quote_with(doc, "الطريق طويل")
    assert "النتائج لن تظهر" in q.text


def test_wa_radda_with_bianna_is_a_reply_not_was_mentioned() -> None:
    doc = analyze(
        'ورد رئيس الحكومة المحلية كمال الدباغ بأن "القرار لن يلغى مهما كانت الضغوط".',
        [("كمال الدباغ", "PERSON")],
    )
    assert speaker_of(doc, "القرار لن يلغى") == "كمال الدباغ"


def test_warada_fi_is_still_a_report_of_a_document() -> None:
    doc = analyze(
        "أصدرت وزارة الصحة تقريرها السنوي. وورد في التقرير أن عدد المستشفيات ارتفع إلى مئة.",
        [("وزارة الصحة", "ORG")],
    )
    assert quote_with(doc, "عدد المستشفيات").kind == "indirect"


def test_a_verb_of_describing_with_its_object_pronoun_reports() -> None:
    doc = analyze(
        'ورفضت الحكومة التقرير، ووصفته وزارة الإعلام بأنه "منحاز ويفتقر إلى الدقة".',
        [("وزارة الإعلام", "ORG")],
    )
    q = quote_with(doc, "منحاز")
    assert q.kind == "direct" and speaker_of(doc, "منحاز") == "وزارة الإعلام"


def test_a_guest_received_by_the_speaker_is_not_the_speaker() -> None:
    doc = analyze(
        "وأكد وزير الخارجية سامي العلوي أن الزيارة مهمة. وأكد الوزير لدى استقباله السفير كريم دوران أن البلدين يتعاونان.",
        [("سامي العلوي", "PERSON"), ("كريم دوران", "PERSON")],
    )
    assert speaker_of(doc, "البلدين يتعاونان") == "سامي العلوي"


def test_a_counterpart_addressed_is_not_the_speaker() -> None:
    doc = analyze(
        "وقال وزير الخارجية لنظيره الإيطالي ماركو بيانكي إن التعاون مستمر.",
        [("ماركو بيانكي", "PERSON")],
    )
    assert speaker_of(doc, "التعاون مستمر") != "ماركو بيانكي"


def test_a_title_with_a_pronoun_still_leads_to_the_name() -> None:
    doc = analyze(
        "ورفضت الجماعة المبادرة، وقال كبير مفاوضيها صالح الأحمدي إن المبادرة لا تتضمن جديدا.",
        [("صالح الأحمدي", "PERSON")],
    )
    assert speaker_of(doc, "لا تتضمن جديدا") == "صالح الأحمدي"


# -- a quotation before a bare verb; statements named in the accusative -------------------------


def test_a_quotation_opening_the_sentence_belongs_to_the_bare_verb_after_it() -> None:
    doc = analyze(
        '"نحن مستعدون للحوار مع الجميع"، قال سمير الخطيب للصحفيين.',
        [("سمير الخطيب", "PERSON")],
    )
    q = quote_with(doc, "نحن مستعدون")
    assert q.kind == "direct" and speaker_of(doc, "نحن مستعدون") == "سمير الخطيب"
    doc = analyze('"لن نسمح بتكرار ما حدث"، يقول سمير الخطيب.', [("سمير الخطيب", "PERSON")])
    assert speaker_of(doc, "لن نسمح") == "سمير الخطيب"


def test_a_quotation_before_a_verb_with_no_subject_is_not_taken() -> None:
    doc = analyze('"المدينة القديمة" قالت الصحف إنها ستغلق أمام الزوار.', [])
    assert no_turn_for(doc, "المدينة القديمة")


def test_a_statement_issued_in_the_accusative_is_owned_by_its_issuer() -> None:
    doc = analyze(
        "أصدرت وزارة الداخلية بيانا مساء أمس. وأشار البيان إلى أن التحقيق مستمر.",
        [("وزارة الداخلية", "ORG")],
    )
    assert speaker_of(doc, "التحقيق مستمر") == "وزارة الداخلية"


def test_a_verb_with_fihi_after_a_statement_reports_what_it_says() -> None:
    doc = analyze(
        "وأصدر مكتب المرجع حسن الموسوي بيانا أكد فيه أن المرجع دعا إلى التهدئة.",
        [("حسن الموسوي", "PERSON")],
    )
    assert speaker_of(doc, "المرجع دعا") == "حسن الموسوي"


def test_a_correspondent_is_a_person_not_the_channel() -> None:
    doc = analyze(
        "وقال مراسل الجزيرة في غزة وائل الدحدوح إن القصف مستمر.",
        [("الجزيرة", "ORG", "tv"), ("غزة", "GPE"), ("وائل الدحدوح", "PERSON")],
    )
    assert speaker_of(doc, "القصف مستمر") == "وائل الدحدوح"


def test_a_clause_closed_by_a_bare_qala_and_its_subject_is_his() -> None:
    doc = analyze(
        "الوضع في المدينة تحت السيطرة، قال قائد الشرطة العميد فيصل الزبيدي.",
        [("فيصل الزبيدي", "PERSON")],
    )
    q = quote_with(doc, "الوضع في المدينة")
    assert q.kind == "indirect" and speaker_of(doc, "الوضع في المدينة") == "فيصل الزبيدي"


def test_a_clause_with_its_own_verb_before_qala_is_not_taken() -> None:
    doc = analyze(
        "وصل الوفد إلى العاصمة صباح اليوم، قال فيصل الزبيدي في تصريح مقتضب لاحقا إنه متفائل.",
        [("فيصل الزبيدي", "PERSON")],
    )
    assert no_turn_for(doc, "وصل الوفد")


# -- channels and participles ---------------------------------------------------------------------


def test_an_outlet_after_a_detached_lam_is_the_channel() -> None:
    doc = analyze(
        'وقالت رئيسة الجمعية منى عبد الرحيم لـ"اليوم السابع" إن المرضى يقطعون مسافات طويلة.',
        [("منى عبد الرحيم", "PERSON"), ("اليوم السابع", "ORG", "newspaper")],
    )
    q = quote_with(doc, "المرضى يقطعون")
    assert speaker_of(doc, "المرضى يقطعون") == "منى عبد الرحيم"
    assert q.channel is not None and doc.entity(q.channel).name == "اليوم السابع"  # type: ignore[union-attr]


def test_an_agency_named_by_its_acronym_after_its_description_is_the_channel() -> None:
    doc = analyze(
        "وقال الوزير محمد المبارك، في تصريح لوكالة الأنباء الوطنية (ونا)، إن اللقاء تناول الاستعدادات للدورة.",
        [("محمد المبارك", "PERSON"), ("ونا", "ORG", "news_agency")],
    )
    q = quote_with(doc, "اللقاء تناول")
    assert q.channel is not None and doc.entity(q.channel).name == "ونا"  # type: ignore[union-attr]


def test_a_verbal_noun_after_a_preposition_does_not_end_the_quote() -> None:
    doc = analyze(
        "وقال الوزير محمد المبارك إن الجولة كانت بناءة، وإن الطرفين اتفقا على مواصلة النقاش الأسبوع المقبل.",
        [("محمد المبارك", "PERSON")],
    )
    assert quote_with(doc, "الطرفين اتفقا").text.endswith("الأسبوع المقبل")


def test_a_name_that_reads_like_bianna_opens_no_quote() -> None:
    doc = analyze(
        "ودعا الأمين العام للأمم المتحدة بان كي مون الطرفين إلى ضبط النفس.",
        [("بان كي مون", "PERSON")],
    )
    assert not any(q.text.startswith("كي مون") for q in doc.quotes)


def test_the_network_names_the_channel_introduced_before() -> None:
    doc = analyze(
        "أفرج عن الصحفي سامي كمال، مراسل قناة الشروق، مساء أمس بعد عامين من الحبس، بحسب ما أعلنته الشبكة في بيان.",
        [("سامي كمال", "PERSON"), ("الشروق", "ORG", "tv")],
    )
    assert speaker_of(doc, "أفرج عن الصحفي") == "الشروق"


def test_an_outlet_after_a_detached_lam_is_no_subject() -> None:
    doc = analyze(
        'والتقت الوزيرة ليلى بنعلي بالمستثمرين. وصرحت لـ"هسبريس" بأن المشاريع ستنطلق قريبا.',
        [("ليلى بنعلي", "PERSON"), ("هسبريس", "ORG", "website")],
    )
    q = quote_with(doc, "المشاريع ستنطلق")
    assert speaker_of(doc, "المشاريع ستنطلق") == "ليلى بنعلي"
    assert q.channel is not None and doc.entity(q.channel).name == "هسبريس"  # type: ignore[union-attr]


def test_a_quotation_followed_by_a_narrators_fima_clause_ends_there() -> None:
    doc = analyze(
        'ووصف الحزب القرارات بأنها "انقلاب على الدستور"، فيما اعتصم أنصاره أمام مقر البرلمان.',
        [("الحزب", "ORG")],
    )
    q = quote_with(doc, "انقلاب على الدستور")
    assert q.kind == "direct" and "اعتصم" not in q.text
