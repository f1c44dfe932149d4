"""Event precision on real, unannotated news: words that look like a trigger but carry another
sense in common Arabic news usage («أكد قاطعا», «المكاسب التي حققتها», «تظاهرة ثقافية»,
«إيقاف الرحلات»). Each sentence is written for these tests; each has a control that keeps the
event, so that the test cannot pass by dropping the trigger altogether."""

from __future__ import annotations

from marsad.doc import Document
from tests.events_support import analyze, name_of


def show(doc: Document) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.code, name_of(doc, e.source), name_of(doc, e.target), e.mode) for e in doc.events]


def codes(doc: Document) -> set[str]:
    return {e.code for e in doc.events}


# -- «قاطعا»: categorically, not a boycott ----------------------------------------------------------
def test_categorically_is_no_boycott() -> None:
    doc = analyze(
        "وأكد حزب الأمل قاطعا أنه لم يصدر أي بيان في الموضوع.",
        [("حزب الأمل", "ORG")],
    )
    assert not any(c.startswith("143") for c in codes(doc)), show(doc)


def test_a_categorical_refusal_is_a_refusal_only() -> None:
    doc = analyze("ورفض حزب الأمل قاطعا أي حوار مع الحكومة.", [("حزب الأمل", "ORG"), ("الحكومة", "ORG")])
    assert codes(doc) == {"120"}, show(doc)


def test_a_boycott_is_still_a_boycott() -> None:
    doc = analyze(
        "وقاطع حزب الأمل جلسة البرلمان احتجاجا على القانون الجديد.",
        [("حزب الأمل", "ORG")],
    )
    assert any(c.startswith("143") for c in codes(doc)), show(doc)


# -- «حقق»: achieve, not investigate -----------------------------------------------------------------
def test_achieved_gains_are_no_investigation() -> None:
    doc = analyze(
        "وتحدث سامي الهمامي عن المكاسب التي حققتها الرابطة التونسية للدفاع عن حقوق الإنسان.",
        [("سامي الهمامي", "PER"), ("الرابطة التونسية للدفاع عن حقوق الإنسان", "ORG")],
    )
    assert "090" not in codes(doc), show(doc)


def test_results_achieved_are_no_investigation() -> None:
    doc = analyze(
        "وأشاد سامي الهمامي بالنتائج التي حققها المنتخب الوطني.",
        [("سامي الهمامي", "PER"), ("المنتخب الوطني", "ORG")],
    )
    assert "090" not in codes(doc), show(doc)


def test_investigating_with_someone_is_still_an_inquiry() -> None:
    doc = analyze(
        "وحققت النيابة العمومية مع رجل الأعمال سليم الحامدي في شبهات فساد.",
        [("النيابة العمومية", "ORG"), ("سليم الحامدي", "PER")],
    )
    assert "090" in codes(doc), show(doc)


# -- «تظاهرة»: a cultural or scientific event in Maghreb usage -------------------------------------
def test_a_cultural_festival_is_no_demonstration() -> None:
    doc = analyze(
        "وتنظم دار الثقافة بالمنستير يوم السبت تظاهرة ثقافية لفائدة الأطفال.",
        [("دار الثقافة بالمنستير", "ORG")],
    )
    assert not any(c.startswith("14") for c in codes(doc)), show(doc)


def test_a_protest_demonstration_is_still_a_protest() -> None:
    doc = analyze(
        "ونظم الاتحاد الجهوي للشغل بالقصرين تظاهرة أمام مقر الولاية للمطالبة بالتشغيل.",
        [("الاتحاد الجهوي للشغل بالقصرين", "ORG")],
    )
    assert any(c.startswith("14") for c in codes(doc)), show(doc)


# -- «إيقاف» of flights or services is no arrest ------------------------------------------------
def test_suspending_flights_is_no_arrest() -> None:
    doc = analyze(
        "وقررت شركة الطيران الوطنية إيقاف جميع رحلاتها بسبب الإضراب.",
        [("شركة الطيران الوطنية", "ORG")],
    )
    assert "173" not in codes(doc), show(doc)


def test_arresting_a_suspect_is_still_an_arrest() -> None:
    doc = analyze(
        "وأوقفت وحدات الحرس الوطني رجل الأعمال كريم الصغير في مطار قرطاج.",
        [("الحرس الوطني", "ORG"), ("كريم الصغير", "PER")],
    )
    assert "173" in codes(doc), show(doc)


# -- «هجوم سوسة الإرهابي»: the place of an attack is not who attacked -----------------------------
def test_the_town_of_an_attack_is_not_its_author() -> None:
    for text in (
        "وتعهد القطب القضائي بالبحث في عملية قبلي الإرهابية التي جدت أمس.",
        "هجوم سوسة الإرهابي : نقل جثامين الضحايا إلى المستشفى.",
    ):
        doc = analyze(text, [("قبلي", "GPE"), ("سوسة", "GPE")], require=False)
        assert all(name_of(doc, e.source) not in ("قبلي", "سوسة") for e in doc.events), show(doc)
    # the attack is kept, the town being where it happened and what was hit
    doc = analyze("هجوم سوسة الإرهابي : نقل جثامين الضحايا إلى المستشفى.", [("سوسة", "GPE")])
    assert [(e.code, name_of(doc, e.target), name_of(doc, e.location)) for e in doc.events] == [
        ("180", "سوسة", "سوسة")
    ], show(doc)


def test_a_verb_phrase_keeps_its_subject_in_between() -> None:
    doc = analyze(
        "وشن الجيش الليبي هجوما على مواقع تنظيم داعش قرب سرت.",
        [("الجيش الليبي", "ORG"), ("تنظيم داعش", "ORG"), ("سرت", "GPE")],
    )
    assert any(name_of(doc, e.source) == "الجيش الليبي" for e in doc.events), show(doc)


# -- habits: «عادة ما», «كثيرا ما» tell what is done as a rule, no dated event ---------------------
def test_a_habit_is_no_event() -> None:
    doc = analyze(
        "وعادة ما تنظم النقابة العامة للتعليم وقفة احتجاجية أمام الوزارة في بداية كل سنة.",
        [("النقابة العامة للتعليم", "ORG")],
    )
    assert not doc.events, show(doc)


def test_the_same_protest_told_once_is_an_event() -> None:
    doc = analyze(
        "ونظمت النقابة العامة للتعليم أمس وقفة احتجاجية أمام الوزارة.",
        [("النقابة العامة للتعليم", "ORG")],
    )
    assert any(e.code.startswith("14") for e in doc.events), show(doc)


# -- a town arrests nobody: read as the subject of an arrest, it is where it happened -------------
def test_a_town_is_not_who_arrests() -> None:
    doc = analyze("وأوقفت بن قردان 3 مهربين.", [("بن قردان", "GPE", "city")])
    assert [(e.code, name_of(doc, e.source), name_of(doc, e.location)) for e in doc.events] == [
        ("173", None, "بن قردان")
    ], show(doc)


def test_a_state_still_arrests() -> None:
    doc = analyze("واعتقلت تركيا ثلاثة صحفيين من وكالة الأناضول.", [("تركيا", "GPE", "state"), ("وكالة الأناضول", "ORG")])
    assert [(e.code, name_of(doc, e.source)) for e in doc.events] == [("173", "تركيا")], show(doc)
