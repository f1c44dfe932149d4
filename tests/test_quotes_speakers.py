"""Speakers, spans and sources of quotes: one test per mechanism of the quote stage, on sentences
written for these tests (entities and times are set by hand, so the quote stage is tested alone)."""

from __future__ import annotations

import datetime

from marsad.doc import Document, Quote
from marsad.extract.quotes.extract import given_name_genders, participle_gender, quote_lexicon, verb_genders
from tests.events_support import analyze, name_of


def quote_with(doc: Document, words: str) -> Quote:
    found = [q for q in doc.quotes if words in q.text]
    assert found, [(q.text, name_of(doc, q.speaker)) for q in doc.quotes]
    return found[0]


def speaker_of(doc: Document, words: str) -> str | None:
    return name_of(doc, quote_with(doc, words).speaker)


def no_quote_with(doc: Document, words: str) -> bool:
    return not any(words in q.text for q in doc.quotes)


# -- gender -------------------------------------------------------------------------------------


def test_verb_genders_come_from_the_lexicon_entry() -> None:
    g = verb_genders("تابع", ["تابع", "تابعت"])
    assert g == {"تابع": "m", "تابعت": "f"}  # a masculine verb that starts with ت
    g = verb_genders("دعا", ["دعا", "دعت", "دعوا", "يدعو", "تدعو"])
    assert g == {"دعا": "m", "دعت": "f", "دعوا": "p", "يدعو": "m", "تدعو": "f"}
    assert participle_gender("مضيفه") == "f" and participle_gender("مضيفا") == "m"
    assert participle_gender("مضيفين") == "p"
    lex = quote_lexicon()
    assert lex.verb_gender["تحدث"] == "m" and lex.verb_gender["تحدثت"] == "f"


def test_given_names_carry_a_gender() -> None:
    g = given_name_genders()
    assert g.get("فاطمه") == "f" and g.get("محمد") == "m"


def test_a_masculine_verb_starting_with_ta_continues_the_man() -> None:
    doc = analyze(
        "قالت الوزيرة سلمى العياري إن الميزانية جاهزة. وقال المحلل كريم الساحلي إن الأرقام متفائلة. "
        'وتابع "الدين العمومي سيرتفع في السنة القادمة".',
        [("سلمى العياري", "PERSON"), ("كريم الساحلي", "PERSON")],
    )
    assert speaker_of(doc, "الدين العمومي") == "كريم الساحلي"


def test_a_relayed_speaker_gets_no_gender_from_the_outlets_verb() -> None:
    doc = analyze(
        "وقال الرئيس منصف المرزوقي إن الحوار ضروري. ونسبت وكالات الأنباء إلى الأمير خالد الفيصل قوله إن "
        'العلاقات متينة. وأضاف: "نحن مستعدون لكل أشكال التعاون".',
        [("منصف المرزوقي", "PERSON"), ("خالد الفيصل", "PERSON")],
    )
    assert speaker_of(doc, "العلاقات متينة") == "خالد الفيصل"
    assert speaker_of(doc, "مستعدون لكل أشكال") == "خالد الفيصل"


def test_a_woman_named_by_her_title_is_found_when_a_feminine_verb_has_no_subject() -> None:
    doc = analyze(
        "التقى وزير الخارجية نبيل عمار بالمبعوثة الأممية حنا تيتيه. وقال عمار إن اللقاء كان مثمرا. "
        "وقالت إنها ستزور الجنوب الأسبوع المقبل.",
        [("نبيل عمار", "PERSON"), ("حنا تيتيه", "PERSON"), ("عمار", "PERSON")],
    )
    assert speaker_of(doc, "ستزور الجنوب") == "حنا تيتيه"


def test_a_plural_verb_without_subject_is_no_single_person() -> None:
    doc = analyze(
        "وقال الوالي منير الحمروني إن الطريق ستفتح. وقال مسؤولون محليون إن الأشغال متأخرة. "
        "وأضافوا أن المقاول لم يحترم الآجال.",
        [("منير الحمروني", "PERSON")],
    )
    assert quote_with(doc, "المقاول لم يحترم").speaker is None


# -- relative clauses, roles, proxies, groups ---------------------------------------------------


def test_a_relative_that_disagrees_with_its_verb_is_its_object() -> None:
    doc = analyze(
        'ودعا الرئيس قيس سعيد المستثمرين إلى الاستثمار في تونس، التي قال إنها "بلد آمن ومستقر".',
        [("قيس سعيد", "PERSON"), ("تونس", "GPE")],
    )
    assert speaker_of(doc, "بلد آمن") == "قيس سعيد"


def test_a_relative_that_agrees_with_its_verb_is_its_subject() -> None:
    doc = analyze(
        "وعلقت على ذلك الباحثة ليلى الرياحي التي رأت أن الإصلاح تأخر كثيرا.",
        [("ليلى الرياحي", "PERSON")],
    )
    assert speaker_of(doc, "الإصلاح تأخر") == "ليلى الرياحي"


def test_a_role_noun_and_its_synonym_name_the_person_given_that_role() -> None:
    doc = analyze(
        "وقال سامي الزواري، المتحدث باسم الحرس الوطني، إن الدوريات تضاعفت. وقال الرئيس قيس سعيد إن الأمن أولوية. "
        "وأكد الناطق أن الحدود مؤمنة بالكامل.",
        [("سامي الزواري", "PERSON"), ("الحرس الوطني", "ORG"), ("قيس سعيد", "PERSON")],
    )
    assert speaker_of(doc, "الحدود مؤمنة") == "سامي الزواري"


def test_an_unnamed_spokesman_of_a_body_speaks_for_it() -> None:
    doc = analyze(
        'وقال المتحدث باسم وزارة الداخلية "لن نعلق على التحقيق الجاري حاليا".',
        [("وزارة الداخلية", "ORG")],
    )
    assert speaker_of(doc, "لن نعلق") == "وزارة الداخلية"


def test_a_campaign_speaks_for_its_candidate() -> None:
    doc = analyze(
        "أعلنت حملة مرشح الانتخابات الرئاسية الفرنسية فرانسوا فيون أنها تعرضت لهجوم إلكتروني واسع.",
        [("فرانسوا فيون", "PERSON")],
    )
    assert speaker_of(doc, "تعرضت لهجوم") == "فرانسوا فيون"


def test_members_named_with_their_body_speak_for_it() -> None:
    doc = analyze(
        'وطالب نواب في البرلمان الجزائري وزير الاتصال محمد لعقاب بوقف ما سموه "التضييق على الصحافة المستقلة".',
        [("البرلمان الجزائري", "ORG"), ("محمد لعقاب", "PERSON")],
    )
    assert speaker_of(doc, "التضييق على الصحافة") == "البرلمان الجزائري"


def test_a_title_and_body_name_the_person_introduced_with_them() -> None:
    doc = analyze(
        "أكد رئيس الجامعة التونسية للنزل، خالد الفخفاخ، أن الموسم واعد. "
        "وأكد رئيس الجامعة التونسية للنزل أن الحجوزات ارتفعت بنسبة كبيرة.",
        [("الجامعة التونسية للنزل", "ORG"), ("خالد الفخفاخ", "PERSON")],
    )
    assert speaker_of(doc, "الحجوزات ارتفعت") == "خالد الفخفاخ"


def test_a_person_at_the_end_of_a_chain_of_titles_is_the_subject() -> None:
    doc = analyze(
        'أكد عمدة الحي المالي لمدينة لندن، جون سميث، عشية زيارته إلى تونس، "الحرص على تطوير العلاقات المالية بين البلدين".',
        [("لندن", "GPE"), ("جون سميث", "PERSON"), ("تونس", "GPE")],
    )
    assert speaker_of(doc, "الحرص على تطوير") == "جون سميث"


# -- cues inside someone's words ----------------------------------------------------------------


def test_a_reporting_verb_inside_quotation_marks_is_the_speakers_own_word() -> None:
    doc = analyze(
        'وقالت الوزيرة ليلى الشيخاوي: "نعم، أعتقد أن الوضع تحت السيطرة الكاملة". '
        'وأضافت "سنواصل العمل مع كل الأطراف".',
        [("ليلى الشيخاوي", "PERSON")],
    )
    assert speaker_of(doc, "الوضع تحت السيطرة") == "ليلى الشيخاوي"
    assert speaker_of(doc, "سنواصل العمل") == "ليلى الشيخاوي"


def test_a_verb_inside_indirect_words_is_no_new_attribution() -> None:
    doc = analyze(
        "وقال الوزير نبيل عمار إن تونس تعتبر الجزائر شريكا استراتيجيا في المنطقة.",
        [("نبيل عمار", "PERSON"), ("تونس", "GPE"), ("الجزائر", "GPE")],
    )
    assert [name_of(doc, q.speaker) for q in doc.quotes] == ["نبيل عمار"]


def test_a_quoted_name_is_not_speech() -> None:
    doc = analyze(
        'وأكد في حوار مع موقع "ميدل إيست آي" أن الحوار الليبي ممكن في الأشهر القادمة.',
        [("ميدل إيست آي", "ORG")],
    )
    assert no_quote_with(doc, "ميدل إيست")
    assert quote_with(doc, "الحوار الليبي").kind == "indirect"


# -- spans --------------------------------------------------------------------------------------


def test_each_quoted_passage_after_one_verb_is_a_quote() -> None:
    doc = analyze(
        'وقال الرئيس عبد المجيد تبون إنه "لا يوجد بلد في مأمن من الإرهاب"، وهو "ما يتطلب تعاونا دوليا واسعا".',
        [("عبد المجيد تبون", "PERSON")],
    )
    assert [q.kind for q in doc.quotes] == ["direct", "direct"]
    assert all(name_of(doc, q.speaker) == "عبد المجيد تبون" for q in doc.quotes)


def test_indirect_words_before_a_long_quotation_are_a_quote_of_their_own() -> None:
    doc = analyze(
        'واعتبر راشد الغنوشي أن الأزمة الليبية هي أزمة تونسية أيضا "فالصعوبات الأمنية مرتبطة بالتنمية '
        'والحدود بيننا طويلة ومفتوحة ولا يمكن أن نبني فيها جدارا".',
        [("راشد الغنوشي", "PERSON")],
    )
    assert quote_with(doc, "الأزمة الليبية").kind == "indirect"
    assert quote_with(doc, "فالصعوبات الأمنية").kind == "direct"
    assert "فالصعوبات" not in quote_with(doc, "الأزمة الليبية").text


def test_a_short_quoted_name_at_the_start_does_not_make_the_words_direct() -> None:
    doc = analyze(
        'وأفاد المدير يوسف بن علي بأن "ليالي الحلفاوين" مؤلف من عشرين حلقة فقط.',
        [("يوسف بن علي", "PERSON")],
    )
    q = quote_with(doc, "مؤلف من عشرين")
    assert q.kind == "indirect"


def test_an_appeal_is_a_quote_only_when_the_text_quotes_it() -> None:
    doc = analyze(
        "ودعا الحزب الجمهوري كل الأطراف إلى ضبط النفس. "
        'ودعا الحزب الجمهوري الحكومة إلى "فتح تحقيق مستقل في الأحداث الأخيرة".',
        [("الحزب الجمهوري", "ORG")],
    )
    assert no_quote_with(doc, "ضبط النفس")
    assert speaker_of(doc, "فتح تحقيق") == "الحزب الجمهوري"


def test_an_open_quotation_ends_at_the_full_stop() -> None:
    doc = analyze(
        'وأضاف الأمير خالد الفيصل: "نحن مستعدون للحوار في كل وقت. كما نقلت الوكالة عن الوزير سعد الحريري قوله '
        'إن "المفاوضات ستتواصل الأسبوع المقبل".',
        [("خالد الفيصل", "PERSON"), ("سعد الحريري", "PERSON")],
    )
    assert "كما نقلت" not in quote_with(doc, "مستعدون للحوار").text
    assert speaker_of(doc, "المفاوضات ستتواصل") == "سعد الحريري"


def test_a_dot_inside_an_abbreviation_ends_no_sentence() -> None:
    doc = analyze(
        'وقالت الوزيرة إيمان الزهواني لإذاعة بي.بي.سي "سنطلق برنامجا جديدا لدعم الصناعات الصغرى".',
        [("إيمان الزهواني", "PERSON"), ("بي.بي.سي", "ORG")],
    )
    assert speaker_of(doc, "برنامجا جديدا") == "إيمان الزهواني"


def test_conjunctions_and_the_word_now_open_no_speech() -> None:
    doc = analyze(
        "وأكد عدد من التلاميذ رفضهم للإضراب خاصة وأنهم على أبواب امتحان وطني. "
        "ويرى الخبير سامي العلوي، إلى حد الآن على الأقل، أن الأسعار ستستقر.",
        [("سامي العلوي", "PERSON")],
    )
    assert no_quote_with(doc, "على أبواب")
    assert quote_with(doc, "الأسعار ستستقر").text.startswith("الأسعار")


# -- conditional verbs --------------------------------------------------------------------------


def test_abbara_reports_with_a_named_subject_before_an() -> None:
    doc = analyze(
        'فقد عبر الحزب الدستوري الحر عن استغرابه إزاء "غياب موقف رسمي من هذه الحادثة الأليمة".',
        [("الحزب الدستوري الحر", "ORG")],
    )
    assert speaker_of(doc, "غياب موقف رسمي") == "الحزب الدستوري الحر"


def test_bayyana_as_a_verb_and_as_between() -> None:
    doc = analyze(
        'وبين حزب العمال، تضامنه الكامل مع "الشعب الفلسطيني في محنته المتواصلة". '
        "وأكد المراسل سامي بن صالح بعد جولته بين المعاهد أن الدروس متوقفة.",
        [("حزب العمال", "ORG"), ("سامي بن صالح", "PERSON")],
    )
    assert speaker_of(doc, "الشعب الفلسطيني") == "حزب العمال"
    assert speaker_of(doc, "الدروس متوقفة") == "سامي بن صالح"


def test_taba_and_jaa_report_only_in_their_reporting_use() -> None:
    doc = analyze(
        "وتابع الوزير محمد علي البوغديري سير امتحانات الباكالوريا في عدد من المعاهد. "
        'وتابع "الامتحانات تجري في ظروف طيبة". '
        "وقال إن القرار جاء في خضم الاستعدادات الجارية للموسم القادم.",
        [("محمد علي البوغديري", "PERSON")],
    )
    assert no_quote_with(doc, "سير امتحانات")
    assert speaker_of(doc, "تجري في ظروف") == "محمد علي البوغديري"
    assert speaker_of(doc, "القرار جاء") == "محمد علي البوغديري"
    assert no_quote_with(doc, "خضم الاستعدادات") or quote_with(doc, "خضم").text.startswith("القرار")


# -- sources: statements, letters, «وفق ما أفاد به» ---------------------------------------------


def test_the_verb_after_a_statement_reports_the_words() -> None:
    doc = analyze(
        "ذكرت وزارة الخارجية في بلاغ أنها استدعت السفير. "
        'ووفق البلاغ عبر المدير العام للشؤون الأوروبية، منير بن رجيبة، عن "استغراب تونس من هذا القرار المفاجئ". '
        "وأكد المسؤول التونسي أن الإجراء غير مبرر.",
        [("وزارة الخارجية", "ORG"), ("منير بن رجيبة", "PERSON")],
    )
    assert speaker_of(doc, "استغراب تونس") == "منير بن رجيبة"
    assert speaker_of(doc, "الإجراء غير مبرر") == "منير بن رجيبة"


def test_a_letter_named_again_belongs_to_whoever_sent_it() -> None:
    doc = analyze(
        'ووجه رئيس الحكومة أحمد الحشاني رسالة إلى الأمين العام للأمم المتحدة. وجاء في الرسالة "نأمل أن تلعب '
        'المنظمة دورها في حماية المدنيين".',
        [("أحمد الحشاني", "PERSON")],
    )
    assert speaker_of(doc, "نأمل أن تلعب") == "أحمد الحشاني"


def test_according_to_what_someone_said_looks_back_for_the_claim() -> None:
    doc = analyze(
        "قد تضطر إدارة الشركة إلى غلق المصنع نهائيا، وفق ما أفاد به المكلف بالإعلام بالشركة، هشام الماجري، "
        "في تصريح، اليوم الثلاثاء.",
        [("هشام الماجري", "PERSON")],
        [("اليوم الثلاثاء", "2024-05-07")],
    )
    q = quote_with(doc, "غلق المصنع")
    assert name_of(doc, q.speaker) == "هشام الماجري"
    assert q.date == "2024-05-07"
    assert no_quote_with(doc, "في تصريح")
    assert any(name_of(doc, c.source) == "هشام الماجري" and c.date == "2024-05-07" for c in doc.citations)


def test_an_assessment_by_a_possessive_source_looks_back() -> None:
    doc = analyze(
        "وقال الوزير كمال المدوري إن المنظمات لم تتحرك، وفق تقديره، مما دفع الحكومة إلى التحرك بمفردها.",
        [("كمال المدوري", "PERSON")],
    )
    assert no_quote_with(doc, "دفع الحكومة") or speaker_of(doc, "دفع الحكومة") == "كمال المدوري"
    assert speaker_of(doc, "المنظمات لم تتحرك") == "كمال المدوري"


def test_a_verb_after_an_indefinite_source_describes_it() -> None:
    doc = analyze(
        "وقال الوزير كمال المدوري إن الإصلاح ضروري. "
        "وبحسب تقارير كانت تحدثت عن المشروع، فإن الفكرة مطروحة منذ سنوات.",
        [("كمال المدوري", "PERSON")],
    )
    assert quote_with(doc, "الفكرة مطروحة").speaker is None


def test_the_same_source_again() -> None:
    doc = analyze(
        "وتعطلت الدروس بالمدرسة، وفق ما ذكره المدير نزار القاسمي. وأوضح المصدر ذاته أن الأولياء احتجوا.",
        [("نزار القاسمي", "PERSON")],
    )
    assert speaker_of(doc, "الأولياء احتجوا") == "نزار القاسمي"


def test_an_apposition_to_the_channel_is_not_the_subject() -> None:
    doc = analyze(
        "وقال الرئيس عبد المجيد تبون إن الانتخابات ستجرى في موعدها. "
        'كما صرح لوكالة الأنباء الفرنسية "فرانس برس"، أن "الجيش سيبقى على الحياد التام".',
        [("عبد المجيد تبون", "PERSON"), ("وكالة الأنباء الفرنسية", "ORG"), ("فرانس برس", "ORG")],
    )
    q = quote_with(doc, "الجيش سيبقى")
    assert name_of(doc, q.speaker) == "عبد المجيد تبون"


def test_a_statement_heading_a_name() -> None:
    doc = analyze(
        "وأضاف بيان موقع ويكيليكس أن الوثائق حقيقية.",
        [("ويكيليكس", "ORG")],
    )
    assert speaker_of(doc, "الوثائق حقيقية") == "ويكيليكس"


def test_a_participle_shares_the_date_of_its_main_verb() -> None:
    doc = analyze(
        "وقال النقابي رضا الحامدي اليوم السبت إن العمال بدأوا إضرابهم يوم أمس، مشددا على أن المؤسسة لن تغلق.",
        [("رضا الحامدي", "PERSON")],
        [("اليوم السبت", "2016-10-08"), ("يوم أمس", "2016-10-07")],
        published=datetime.date(2016, 10, 8),
    )
    assert quote_with(doc, "المؤسسة لن تغلق").date == "2016-10-08"


def test_a_subject_that_names_no_entity_is_not_the_previous_speaker() -> None:
    doc = analyze(
        "وقال مدير الهلال الأحمر كريم كينيك إن فرق الإغاثة جاهزة. "
        "وقالت رئاسة إدارة الطوارئ إن الزلزال وقع عند الساعة الخامسة.",
        [("كريم كينيك", "PERSON")],
    )
    assert quote_with(doc, "الزلزال وقع").speaker is None


def test_a_description_of_the_last_speaker_keeps_them() -> None:
    doc = analyze(
        "وقال رئيس الفيفا السابق جوزيف بلاتر إن التصويت كان نزيها. وأضاف السويسري أنه لم يكن سعيدا بالنتيجة.",
        [("جوزيف بلاتر", "PERSON")],
    )
    assert speaker_of(doc, "لم يكن سعيدا") == "جوزيف بلاتر"


def test_a_title_in_construct_names_the_person_with_that_title() -> None:
    doc = analyze(
        "قال وزير الشؤون الخارجية عثمان الجرندي إن الاتصالات متواصلة. وقال الرئيس قيس سعيد إن الدولة حاضرة. "
        "وذكر وزير الخارجية أن تونس تابعت الملف منذ البداية.",
        [("عثمان الجرندي", "PERSON"), ("قيس سعيد", "PERSON"), ("تونس", "GPE")],
    )
    assert speaker_of(doc, "تابعت الملف") == "عثمان الجرندي"


def test_an_outlet_the_words_were_told_to_is_the_channel() -> None:
    doc = analyze(
        "وأكدت مصادر مقربة من الحكومة لصحيفة الشروق أن التحوير الوزاري قريب.",
        [("الشروق", "ORG", "newspaper")],
    )
    q = quote_with(doc, "التحوير الوزاري")
    assert q.speaker is None and name_of(doc, q.channel) == "الشروق"


def test_letters_of_an_abbreviation_are_no_complementizer() -> None:
    doc = analyze(
        "ذكرت محطة (سي.ان.ان ترك) أن زلزالا بقوة خمس درجات ضرب غرب البلاد.",
        [("سي.ان.ان ترك", "ORG")],
    )
    q = quote_with(doc, "زلزالا بقوة")
    assert q.text.startswith("زلزالا") and name_of(doc, q.speaker) == "سي.ان.ان ترك"


def test_a_definite_subject_that_names_no_one_known_is_unnamed() -> None:
    doc = analyze(
        "وقال الخبير أنيس الرياحي إن الهجوم واسع. ويطالب القراصنة بدفع الفدية في غضون ثلاثة أيام وإلا فإن "
        "المبلغ سيتضاعف.",
        [("أنيس الرياحي", "PERSON")],
    )
    assert no_quote_with(doc, "المبلغ سيتضاعف") or quote_with(doc, "المبلغ سيتضاعف").speaker is None


def test_a_masdar_after_the_verb_is_its_object_not_a_subject() -> None:
    doc = analyze(
        "وقال الرئيس الباجي قائد السبسي إن تونس آمنة. وجدد التأكيد على أنه ليس في تحالف مع أي طرف.",
        [("الباجي قائد السبسي", "PERSON"), ("تونس", "GPE")],
    )
    assert speaker_of(doc, "ليس في تحالف") == "الباجي قائد السبسي"


def test_an_outlet_that_reveals_without_quoting_is_continued() -> None:
    doc = analyze(
        'كشفت صحيفة "الخبر" الجزائرية عن انطلاق عملية عسكرية واسعة. وأضافت أن العملية تشمل أربع دول.',
        [("الخبر", "ORG", "newspaper")],
    )
    assert speaker_of(doc, "العملية تشمل") == "الخبر"


def test_a_body_noun_continues_the_body_that_spoke() -> None:
    doc = analyze(
        "أعلنت وزارة الطاقة أن الشركات ستفتح مكاتب في الجهة. وأضافت الوزارة، في بلاغ، أن الأولوية للتشغيل. "
        "ووفق البلاغ تعهدت الحكومة بتأمين الطرقات.",
        [("وزارة الطاقة", "ORG")],
    )
    assert speaker_of(doc, "الأولوية للتشغيل") == "وزارة الطاقة"
    q = quote_with(doc, "تعهدت الحكومة")
    assert q.text.startswith("تعهدت") and name_of(doc, q.speaker) == "وزارة الطاقة"


def test_a_spelt_out_acronym_in_quotation_marks_is_a_name() -> None:
    doc = analyze(
        'وقال الخبير أنيس الرياحي إن الثغرة كشفت في وثائق لوكالة الأمن القومي "إن إس إيه" تمت قرصنتها.',
        [("أنيس الرياحي", "PERSON")],
    )
    assert [q.kind for q in doc.quotes] == ["indirect"]
    assert quote_with(doc, "الثغرة كشفت").text.endswith("تمت قرصنتها")


def test_an_auxiliary_ends_an_anonymous_source() -> None:
    doc = analyze(
        'وبحسب متخصصين في الشؤون الحضارية كان لطريق "الحرير" تأثير كبير على ازدهار الحضارات القديمة.',
        [],
    )
    q = quote_with(doc, "تأثير كبير")
    assert q.speaker is None and q.text.startswith("كان")


def test_two_quoted_words_beside_a_full_quotation_are_not_a_quote() -> None:
    doc = analyze(
        'ودعا الوزير كمال المدوري إلى "حوار مباشر" بين الأطراف يتطرق إلى "كل الملفات العالقة دون استثناء".',
        [("كمال المدوري", "PERSON")],
    )
    assert not any(q.kind == "direct" and "حوار مباشر" in q.text for q in doc.quotes)
    assert speaker_of(doc, "كل الملفات العالقة") == "كمال المدوري"


def test_two_quoted_words_after_the_verbs_preposition_open_its_words() -> None:
    doc = analyze(
        'وكان الرئيس فرانسوا هولاند تحدث في فيفري الماضي عن "هجمات متكررة" على موقع حملته مصدرها الخارج.',
        [("فرانسوا هولاند", "PERSON")],
    )
    assert speaker_of(doc, "هجمات متكررة") == "فرانسوا هولاند"


def test_a_quotation_left_open_does_not_swallow_the_next_sentences() -> None:
    doc = analyze(
        'وأكد حزب العمال في بيانه "حق الشعب في تقرير مصيره، معتبرا أن "الحل لا يمكن أن يكون إلا سياسيا". '
        'أما الحزب الاشتراكي فقد أكد في بيانه "وقوفه إلى جانب الشعب في محنته الطويلة".',
        [("حزب العمال", "ORG"), ("الحزب الاشتراكي", "ORG")],
    )
    assert speaker_of(doc, "وقوفه إلى جانب") == "الحزب الاشتراكي"


def test_a_group_around_someone_is_not_that_person() -> None:
    doc = analyze(
        "غير أن الإشكالية، وفق خصوم الرئيس عبد الحميد الدبيبة في شرق البلاد، تكمن في غياب التوافق. "
        "وقال أنصار الدبيبة إن الحكومة شرعية.",
        [("عبد الحميد الدبيبة", "PERSON"), ("الدبيبة", "PERSON")],
    )
    assert quote_with(doc, "تكمن في غياب").speaker is None
    assert quote_with(doc, "الحكومة شرعية").speaker is None


def test_the_articles_own_question_is_no_quote() -> None:
    doc = analyze(
        "ومن هذه الزاوية يبرز سؤال مركزي: كيف ستتعامل الحكومة مع هذا التقارب؟ "
        "ويتحول الأمر إلى تساؤل سياسي ثقيل: هل نحن أمام تعاون محدود أم تحالف كامل؟",
        [("الحكومة", "ORG")],
    )
    assert doc.quotes == []


def test_a_question_asked_by_someone_is_a_quote() -> None:
    doc = analyze(
        "وتساءل النائب منجي الرحوي: كيف ستمول الحكومة هذه الزيادات؟",
        [("منجي الرحوي", "PERSON")],
    )
    assert speaker_of(doc, "كيف ستمول") == "منجي الرحوي"


def test_citation_kinds_follow_the_source() -> None:
    doc = analyze(
        'ونقلت صحيفة "لوموند" الفرنسية أن المفاوضات متعثرة. ووفق الصحيفة فإن الطرفين تبادلا الاتهامات. '
        "وبحسب الخبير ماهر الحمداني فإن الحل بعيد. وقال الحمداني إن الوضع معقد، وفق تقديره.",
        [("لوموند", "ORG", "newspaper"), ("ماهر الحمداني", "PERSON"), ("الحمداني", "PERSON")],
    )
    kinds = {(name_of(doc, c.source), c.kind) for c in doc.citations}
    assert ("لوموند", "article") in kinds
    assert ("ماهر الحمداني", "statement") in kinds
    assert not any("تقديره" in c.text for c in doc.citations)


def test_every_outlet_of_a_source_phrase_is_cited() -> None:
    doc = analyze(
        'وقال الرئيس إن التعاون سيتعزز، وفقا لما نقلته وكالة "إرنا" ووكالة "تسنيم".',
        [("إرنا", "ORG", "news_agency"), ("تسنيم", "ORG", "news_agency")],
    )
    assert {name_of(doc, c.source) for c in doc.citations} >= {"إرنا", "تسنيم"}


# -- dates of statements ------------------------------------------------------------------------


def test_the_date_of_a_speech_before_the_verb_dates_its_words_and_their_continuation() -> None:
    doc = analyze(
        "وفي كلمة له الأربعاء أمام البرلمان، قال الرئيس إيمانويل ماكرون إن أوروبا بحاجة إلى الوحدة. "
        'وأضاف "سندافع عن قيمنا المشتركة". '
        "وقال ماكرون في حوار مع قناة فرانس 24 إن الانتخابات ستجرى في موعدها.",
        [("إيمانويل ماكرون", "PERSON"), ("ماكرون", "PERSON"), ("فرانس 24", "ORG", "tv")],
        [("الأربعاء", "2017-02-08")],
    )
    assert quote_with(doc, "بحاجة إلى الوحدة").date == "2017-02-08"
    assert quote_with(doc, "سندافع عن قيمنا").date == "2017-02-08"
    assert quote_with(doc, "الانتخابات ستجرى").date is None  # another interview


def test_dates_that_are_not_when_it_was_said() -> None:
    doc = analyze(
        "وأكد المصمم جون ديفيد منذ 1998 أنها من المجوهرات الراقية. "
        "وقال الوزير إلياس الفخفاخ، عشية الزيارة التي سيؤديها إلى الجزائر (10 و11 أفريل)، إن التعاون مثمر.",
        [("جون ديفيد", "PERSON"), ("إلياس الفخفاخ", "PERSON")],
        [("1998", "1998"), ("10 و11 أفريل", "2017-04-10")],
    )
    assert quote_with(doc, "المجوهرات الراقية").date is None
    assert quote_with(doc, "التعاون مثمر").date is None


def test_an_opening_mark_written_against_the_word_before_it() -> None:
    doc = analyze(
        'قال الناشط عصام الورغي إن القضية ملفقة. وتابع الورغي" الرسالة وصلت ولن نتراجع عن مواقفنا ".',
        [("عصام الورغي", "PERSON"), ("الورغي", "PERSON")],
    )
    q = quote_with(doc, "الرسالة وصلت")
    assert q.kind == "direct" and name_of(doc, q.speaker) in ("عصام الورغي", "الورغي")


def test_a_participle_after_an_unnamed_subject_is_unnamed_too() -> None:
    doc = analyze(
        "وقالت الوزيرة سميرة مرعي إن الاستهلاك مرتفع. وأكد النواب ضرورة تشديد العقوبة باعتبار أن الترويج جريمة "
        "منظمة عابرة للقارات، مشيرين إلى أن ما جد أمس يقف وراءه المروجون.",
        [("سميرة مرعي", "PERSON"), ("منظمة عابرة للقارات", "ORG")],
    )
    assert quote_with(doc, "يقف وراءه المروجون").speaker is None
    assert no_quote_with(doc, "الترويج جريمة")


def test_an_appeal_with_one_quoted_word_is_not_quoted() -> None:
    doc = analyze(
        'ودعا المهندس طارق الغربي المحامين إلى توضيح أن شراء أسهم "الشياع" ليس شراء أرض.',
        [("طارق الغربي", "PERSON")],
    )
    assert no_quote_with(doc, "الشياع")


def test_a_person_a_few_words_after_a_title_chain() -> None:
    doc = analyze(
        'وأوضح مدير المستشفى الجهوي بالشابة وملولش أحمد بنور أن الحملة "تؤكد مدى تضامن المجتمع المدني".',
        [("المستشفى الجهوي", "ORG"), ("أحمد بنور", "PERSON")],
    )
    assert speaker_of(doc, "تؤكد مدى تضامن") == "أحمد بنور"


def test_an_appeal_whose_whole_object_is_quoted_is_a_direct_quote_without_the_preposition() -> None:
    doc = analyze(
        'وطالبت النقابة في بيانها الحكومة بالتحرك، ودعت رئيسها سلمى بنعيسى إلى "فتح باب الحوار مع كل الأطراف دون شروط".',
        [("سلمى بنعيسى", "PERSON")],
    )
    q = next(q for q in doc.quotes if "فتح باب الحوار" in q.text)
    assert q.kind == "direct"
    assert q.text == "فتح باب الحوار مع كل الأطراف دون شروط"  # not «إلى "…"»


def test_a_quotation_closing_indirect_words_keeps_both_marks() -> None:
    doc = analyze(
        'وقال المتحدث نبيل الورفلي إن الاجتماع ناقش "سبل دعم المسار الانتخابي في البلاد".',
        [("نبيل الورفلي", "PERSON")],
    )
    q = next(q for q in doc.quotes if "سبل دعم" in q.text)
    assert q.text.count('"') in (0, 2), q.text
