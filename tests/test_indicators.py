"""The indicator and hypothesis stage on sentences written for these tests."""

from __future__ import annotations

from tests.events_support import analyze, name_of


def test_a_list_of_things_to_watch() -> None:
    doc = analyze(
        "وختم المحلل حديثه بالقول إن ما ينبغي مراقبته هو ما إذا كانت حركة النهضة ستشارك في الانتخابات البلدية، "
        "وما إذا كان الاتحاد العام التونسي للشغل سيعلن الإضراب العام في صفاقس.",
        [("حركة النهضة", "ORG"), ("الاتحاد العام التونسي للشغل", "ORG"), ("صفاقس", "GPE")],
    )
    assert len(doc.indicators) == 2
    first, second = doc.indicators
    assert first.text.startswith("حركة النهضة")
    assert [name_of(doc, a) for a in first.actors] == ["حركة النهضة"]
    assert second.text.startswith("الاتحاد العام")
    assert [name_of(doc, a) for a in second.actors] == ["الاتحاد العام التونسي للشغل"]
    assert second.event_code == "143"
    assert name_of(doc, second.location) == "صفاقس"
    for ind in doc.indicators:
        assert doc.text[ind.evidence.start : ind.evidence.end] == ind.text


def test_follow_whether_and_watch_the_possibility() -> None:
    doc = analyze(
        "ويبقى من المهم متابعة ما إذا كانت الجزائر ستستدعي سفيرها من مدريد، فضلا عن مراقبة احتمال "
        "تعليق اتفاقية الصداقة بين البلدين.",
        [("الجزائر", "GPE"), ("مدريد", "GPE")],
    )
    texts = [i.text for i in doc.indicators]
    assert len(texts) == 2
    assert texts[0].startswith("الجزائر ستستدعي")
    assert texts[1].startswith("تعليق اتفاقية")


def test_no_indicator_without_a_watch_phrase() -> None:
    doc = analyze("وأكد الوزير أن الحكومة ستراقب الأسعار عن كثب.", [("الحكومة", "ORG")])
    assert doc.indicators == []


def test_a_question_weighing_two_possibilities() -> None:
    doc = analyze(
        "فهل نحن أمام أزمة دبلوماسية عابرة؟ أم بداية قطيعة طويلة بين الرباط ومدريد؟",
        [("الرباط", "GPE"), ("مدريد", "GPE")],
    )
    assert [h.text for h in doc.hypotheses] == ["أزمة دبلوماسية عابرة", "بداية قطيعة طويلة بين الرباط ومدريد"]
    for h in doc.hypotheses:
        assert doc.text[h.evidence.start : h.evidence.end] == h.text


def test_a_question_without_alternatives_is_no_hypothesis() -> None:
    doc = analyze("فهل تنجح الحكومة في إقناع الشركاء الاجتماعيين؟", [("الحكومة", "ORG")])
    assert doc.hypotheses == []


def test_a_possibility_the_text_weighs() -> None:
    doc = analyze("ومن غير المستبعد أن تلجأ الحكومة إلى تعديل وزاري قبل نهاية السنة.", [("الحكومة", "ORG")])
    assert [h.text for h in doc.hypotheses] == ["تلجأ الحكومة إلى تعديل وزاري قبل نهاية السنة"]
