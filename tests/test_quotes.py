"""The quote stage on sentences written for these tests: direct and indirect quotes, speakers
(explicit, continued, named by a common noun, relayed), channels, dates and citations."""

from __future__ import annotations

from marsad.doc import Document, Quote
from tests.events_support import analyze, name_of


def quotes_by(doc: Document) -> list[tuple[str | None, str]]:
    return [(name_of(doc, q.speaker), q.kind) for q in doc.quotes]


def quote_with(doc: Document, words: str) -> Quote:
    found = [q for q in doc.quotes if words in q.text]
    assert found, [(q.text, name_of(doc, q.speaker)) for q in doc.quotes]
    return found[0]


def test_direct_quote_after_a_colon() -> None:
    doc = analyze(
        'وقال وزير الخارجية أحمد عطاف: "إن الجزائر لن تتخلى عن دعمها للقضية الفلسطينية".',
        [("أحمد عطاف", "PERSON"), ("الجزائر", "GPE")],
    )
    q = quote_with(doc, "لن تتخلى")
    assert q.kind == "direct"
    assert name_of(doc, q.speaker) == "أحمد عطاف"
    assert doc.text[q.start : q.end] == q.text
    assert not q.text.startswith('"')
    assert q.cue is not None and doc.text[q.cue.start : q.cue.end] == "وقال"


def test_indirect_quote_and_a_speaker_named_by_a_common_noun() -> None:
    doc = analyze(
        "استقبل الرئيس قيس سعيد وزير الخارجية الجزائري أحمد عطاف. "
        "وأكد الوزير الجزائري أن العلاقات بين البلدين تمر بأفضل مراحلها.",
        [("قيس سعيد", "PERSON"), ("أحمد عطاف", "PERSON")],
    )
    q = quote_with(doc, "العلاقات بين البلدين")
    assert q.kind == "indirect"
    assert name_of(doc, q.speaker) == "أحمد عطاف"
    assert q.text.startswith("العلاقات")


def test_wa_adafa_continues_the_last_speaker() -> None:
    doc = analyze(
        "قالت رئيسة الحكومة نجلاء بودن إن الإصلاحات ستتواصل. وأضافت أن الميزانية لن تتأثر. "
        "وأشارت إلى أن الحكومة تعمل على تقليص العجز.",
        [("نجلاء بودن", "PERSON"), ("الحكومة", "ORG")],
    )
    assert [s for s, _ in quotes_by(doc)] == ["نجلاء بودن"] * 3


def test_the_verb_gender_picks_the_previous_speaker() -> None:
    doc = analyze(
        "قال وزير الصحة علي المرابط إن الوضع مستقر. وأكدت الناطقة باسم الوزارة سناء الماجري أن اللقاحات متوفرة. "
        "وأضاف أن المستشفيات جاهزة. وقالت إنها ستعقد ندوة صحفية.",
        [("علي المرابط", "PERSON"), ("سناء الماجري", "PERSON")],
    )
    assert name_of(doc, quote_with(doc, "المستشفيات جاهزة").speaker) == "علي المرابط"
    assert name_of(doc, quote_with(doc, "ندوة صحفية").speaker) == "سناء الماجري"


def test_channel_of_an_interview_and_its_continuation() -> None:
    doc = analyze(
        'وأوضح المحلل سامي العلوي، في تصريح لـ"موزاييك"، أن الانتخابات ستجرى في موعدها. '
        "ورأى العلوي أن نسبة المشاركة ستكون ضعيفة.",
        [("سامي العلوي", "PERSON"), ("موزاييك", "ORG")],
    )
    first = quote_with(doc, "الانتخابات ستجرى")
    assert name_of(doc, first.speaker) == "سامي العلوي"
    assert name_of(doc, first.channel) == "موزاييك"
    second = quote_with(doc, "نسبة المشاركة")
    assert name_of(doc, second.speaker) == "سامي العلوي"
    assert name_of(doc, second.channel) == "موزاييك"


def test_statement_issued_by_a_body() -> None:
    doc = analyze(
        'أفاد بيان صادر عن وزارة الداخلية بأن الوحدات الأمنية أوقفت ثلاثة أشخاص، وجاء في البيان أن "التحقيقات '
        'متواصلة".',
        [("وزارة الداخلية", "ORG")],
    )
    q = quote_with(doc, "الوحدات الأمنية")
    assert name_of(doc, q.speaker) == "وزارة الداخلية"
    assert any(c.kind == "statement" and name_of(doc, c.source) == "وزارة الداخلية" for c in doc.citations)


def test_according_to_a_report_with_its_date() -> None:
    doc = analyze(
        "بحسب تقرير نشرته صحيفة لوموند الفرنسية في 3 مارس، فإن المفاوضات بين الطرفين وصلت إلى طريق مسدود.",
        [("لوموند", "ORG")],
        [("3 مارس", "2024-03-03")],
    )
    q = quote_with(doc, "المفاوضات بين الطرفين")
    assert name_of(doc, q.speaker) == "لوموند"
    assert name_of(doc, q.channel) == "لوموند"
    assert q.date == "2024-03-03"
    cites = [c for c in doc.citations if name_of(doc, c.source) == "لوموند"]
    assert cites and cites[0].date == "2024-03-03" and cites[0].kind in ("report", "article")
    assert doc.text[cites[0].evidence.start : cites[0].evidence.end] == cites[0].text


def test_an_agency_named_again_by_a_common_noun() -> None:
    doc = analyze(
        'ونقلت وكالة الأنباء الألمانية "د ب أ" تفاصيل الاتفاق. وأشارت الوكالة في تقريرها الصادر في 4 أفريل إلى '
        "أن الاتفاق يشمل تبادل الأسرى.",
        [("د ب أ", "ORG")],
        [("4 أفريل", "2024-04-04")],
    )
    q = quote_with(doc, "تبادل الأسرى")
    assert name_of(doc, q.speaker) == "د ب أ"
    assert name_of(doc, q.channel) == "د ب أ"
    assert q.date == "2024-04-04"


def test_relayed_words_belong_to_the_person_relayed() -> None:
    doc = analyze(
        "ونقلت وكالة رويترز عن وزير النفط العراقي حيان عبد الغني قوله إن الإنتاج سيرتفع.",
        [("رويترز", "ORG"), ("حيان عبد الغني", "PERSON")],
    )
    q = quote_with(doc, "الإنتاج سيرتفع")
    assert name_of(doc, q.speaker) == "حيان عبد الغني"
    assert name_of(doc, q.channel) == "رويترز"


def test_relative_clause_speaker_and_participle() -> None:
    doc = analyze(
        "وعلق على ذلك الخبير الاقتصادي عز الدين سعيدان الذي رأى أن التضخم سيتراجع، مضيفا أن البنك المركزي "
        "سيرفع نسبة الفائدة.",
        [("عز الدين سعيدان", "PERSON"), ("البنك المركزي", "ORG")],
    )
    assert name_of(doc, quote_with(doc, "التضخم سيتراجع").speaker) == "عز الدين سعيدان"
    assert name_of(doc, quote_with(doc, "نسبة الفائدة").speaker) == "عز الدين سعيدان"


def test_anonymous_sources_have_no_speaker() -> None:
    doc = analyze(
        "وقال الوزير نبيل عمار إن الزيارة ناجحة. وذكرت مصادر مطلعة أن الوزير سيستقيل.",
        [("نبيل عمار", "PERSON")],
    )
    assert quote_with(doc, "سيستقيل").speaker is None


def test_scare_quotes_are_not_quotes() -> None:
    doc = analyze(
        'ويرى مراقبون أن ما جرى يمثل "بروفة" لما سيأتي، في حين تتحدث الحكومة عن "تعاون".',
        [("الحكومة", "ORG")],
    )
    assert not any(q.text in ("بروفة", "تعاون") for q in doc.quotes)


def test_quote_spans_index_the_original_text_with_diacritics() -> None:
    text = "وقالَ الرئيسُ عبدُ المجيد تبون إنّ الجزائرَ ستُشارك في القمّة."
    doc = analyze(text, [("عبدُ المجيد تبون", "PERSON")])
    q = quote_with(doc, "ستُشارك")
    assert text[q.start : q.end] == q.text
    assert name_of(doc, q.speaker) == "عبدُ المجيد تبون"
