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


# -- phrasings other than the seed's ---------------------------------------------------------------


def test_a_modal_with_a_watch_noun_and_a_copula() -> None:
    doc = analyze(
        "وسيكون من المهم مراقبة رد فعل واشنطن على القرار. ما يجب متابعته في الأسابيع المقبلة هو موقف "
        "النقابة من مشروع القانون، ومدى استعداد الحكومة لتقديم تنازلات.",
        [("واشنطن", "GPE"), ("النقابة", "ORG"), ("الحكومة", "ORG")],
    )
    texts = [i.text for i in doc.indicators]
    assert texts == ["رد فعل واشنطن على القرار", "موقف النقابة من مشروع القانون", "استعداد الحكومة لتقديم تنازلات"]
    assert [name_of(doc, a) for a in doc.indicators[0].actors] == ["واشنطن"]


def test_what_the_future_depends_on_and_where_eyes_turn() -> None:
    doc = analyze(
        "ويتوقف مستقبل الاتفاق على ما إذا كانت طهران ستلتزم بتعهداتها. والأنظار متجهة الآن إلى اجتماع "
        "مجلس الأمن يوم الخميس. ويبقى الرهان على قدرة الحكومة على احتواء الاحتجاجات.",
        [("طهران", "GPE"), ("مجلس الأمن", "ORG"), ("الحكومة", "ORG")],
    )
    texts = [i.text for i in doc.indicators]
    assert texts[0].startswith("طهران ستلتزم")
    assert texts[1].startswith("اجتماع مجلس الأمن")
    assert texts[2].startswith("قدرة الحكومة")


def test_open_questions_listed_after_a_colon_are_things_to_watch() -> None:
    doc = analyze("وتظل عدة أسئلة معلقة: هل ستصمد الهدنة؟ وهل ستقبل الفصائل بنزع السلاح؟", [])
    assert [i.text for i in doc.indicators] == ["ستصمد الهدنة", "ستقبل الفصائل بنزع السلاح"]


def test_the_first_scenario_and_the_second() -> None:
    doc = analyze(
        "السيناريو الأول أن تنجح الوساطة الجزائرية في جمع الطرفين، أما الثاني فهو انهيار الهدنة وعودة المواجهات.",
        [],
    )
    assert [h.text for h in doc.hypotheses] == ["تنجح الوساطة الجزائرية في جمع الطرفين", "انهيار الهدنة وعودة المواجهات"]


def test_either_or_at_the_head_of_a_clause() -> None:
    doc = analyze(
        "فإما أن تقبل الحركة بالتسوية، أو أن تنسحب من الحكومة. هناك احتمالان: إما تصعيد عسكري واسع، وإما عودة "
        "إلى طاولة المفاوضات.",
        [],
    )
    assert [h.text for h in doc.hypotheses] == [
        "تقبل الحركة بالتسوية", "تنسحب من الحكومة", "تصعيد عسكري واسع", "عودة إلى طاولة المفاوضات",
    ]


def test_as_for_and_either_inside_a_factual_clause_are_no_hypotheses() -> None:
    doc = analyze(
        "وبلغت نسبة المشاركة 99 بالمائة في قفصة، أما أقل نسبة فكانت في بنزرت. ويستطيع النازحون الذهاب إما "
        "إلى المخيمات أو إلى مناطق أخرى.",
        [],
    )
    assert doc.hypotheses == []


def test_a_list_of_options_after_a_colon() -> None:
    doc = analyze(
        "وأمام السلطة ثلاثة خيارات: الأول هو الحوار مع المعارضة، والثاني هو الدعوة إلى انتخابات مبكرة، "
        "والثالث هو فرض حالة الطوارئ.",
        [],
    )
    assert [h.text for h in doc.hypotheses] == ["الحوار مع المعارضة", "الدعوة إلى انتخابات مبكرة", "فرض حالة الطوارئ"]


def test_the_most_likely_scenario() -> None:
    doc = analyze("وقد يكون السيناريو الأرجح هو استمرار الوضع على ما هو عليه.", [])
    assert [h.text for h in doc.hypotheses] == ["استمرار الوضع على ما هو عليه"]
