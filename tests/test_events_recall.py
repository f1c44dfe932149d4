"""Event recall on patterns of Arabic news outside the development set's style, on sentences
written for these tests: capitals named as the ones acted upon, event nouns that read like past
verbs after an announcement, objects after a long subject, coordinated sides, new verb families."""

from __future__ import annotations

from marsad.doc import Document, Event
from tests.events_support import analyze, name_of


def found(doc: Document, root: str) -> list[tuple[str | None, str | None]]:
    return [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events if e.code.startswith(root)]


def show(doc: Document) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.code, name_of(doc, e.source), name_of(doc, e.target), e.mode) for e in doc.events]


def codes(doc: Document) -> set[str]:
    return {e.code for e in doc.events}


def first(doc: Document, root: str) -> Event:
    evs = [e for e in doc.events if e.code.startswith(root)]
    assert evs, show(doc)
    return evs[0]


# -- capitals standing for their governments ------------------------------------------------------
def test_a_capital_as_the_object_is_the_target() -> None:
    doc = analyze(
        "واتهمت واشنطن طهران بتزويد الجماعات المسلحة بالصواريخ.",
        [("واشنطن", "GPE", "capital"), ("طهران", "GPE", "capital")],
    )
    assert ("واشنطن", "طهران") in found(doc, "11"), show(doc)


def test_a_town_after_a_preposition_is_still_where() -> None:
    # a town named where the deed happens is no target of a demand
    doc = analyze(
        "وطالب المحافظ أحمد السالم الحكومة بإعادة فتح الطريق في مدينة حمص.",
        [("أحمد السالم", "PERSON"), ("حمص", "GPE", "city")],
    )
    assert all(t != "حمص" for _, t in found(doc, "10")), show(doc)


# -- a verbal noun spelled like a past verb, after a light verb and its subject ---------------------
def test_announced_breaking_of_relations_is_the_announcers() -> None:
    doc = analyze(
        "أعلن وزير الخارجية البوليفي خوان رامز، مساء الأحد، قطع العلاقات مع إسرائيل.",
        [("خوان رامز", "PERSON"), ("إسرائيل", "GPE")],
        [("مساء الأحد", "2023-10-29")],
    )
    assert ("خوان رامز", "إسرائيل") in found(doc, "16"), show(doc)


def test_a_past_verb_with_its_conjunction_keeps_its_own_subject() -> None:
    # «وقطع» opens a clause of its own: no masdar reading, its subject is the name after it
    doc = analyze(
        "أعلن الرئيس كمال داود الحداد، ثم قطع رئيس الوزراء سمير النجار العلاقات مع كوبا.",
        [("كمال داود الحداد", "PERSON"), ("سمير النجار", "PERSON"), ("كوبا", "GPE")],
    )
    assert ("كمال داود الحداد", "كوبا") not in found(doc, "16"), show(doc)


# -- light verbs of decisions, orders and crimes -------------------------------------------------
def test_the_subject_of_ordered_is_the_agent_of_the_investigation() -> None:
    doc = analyze(
        "أمر النائب العام المستشار حسن العبيدي بفتح تحقيق في انهيار جسر المدينة.",
        [("حسن العبيدي", "PERSON")],
    )
    assert ("حسن العبيدي", None) in found(doc, "09"), show(doc)


def test_the_subject_of_committed_is_the_agent_of_the_massacre() -> None:
    doc = analyze(
        "قالت المنظمة إن ميليشيا الجنجويد ارتكبت مجزرة بحق سكان قرية أبو زريقة.",
        [("ميليشيا الجنجويد", "ORG", "militia")],
    )
    assert found(doc, "20") and found(doc, "20")[0][0] == "ميليشيا الجنجويد", show(doc)


# -- the object after a long subject, a date and a place -------------------------------------------
def test_the_guest_after_the_date_and_the_palace_is_the_target() -> None:
    doc = analyze(
        "استقبل الرئيس التونسي قيس سعيد، صباح الخميس الثاني من مايو، بقصر قرطاج في العاصمة، رئيس الوزراء المالطي روبرت أبيلا.",
        [("قيس سعيد", "PERSON"), ("قصر قرطاج", "FAC"), ("روبرت أبيلا", "PERSON")],
        [("صباح الخميس الثاني من مايو", "2024-05-02")],
    )
    assert ("قيس سعيد", "روبرت أبيلا") in found(doc, "04"), show(doc)


def test_a_name_far_after_other_words_is_not_the_object() -> None:
    doc = analyze(
        "استقبل الرئيس قيس سعيد وفدا من رجال الأعمال المهتمين بالاستثمار في قطاع الطاقات المتجددة الذين تحدثوا عن روبرت أبيلا.",
        [("قيس سعيد", "PERSON"), ("روبرت أبيلا", "PERSON")],
    )
    assert ("قيس سعيد", "روبرت أبيلا") not in found(doc, "04"), show(doc)


# -- sides joined by «و» -----------------------------------------------------------------------------
def test_each_coordinated_subject_makes_its_own_event() -> None:
    doc = analyze(
        "أدانت الكويت والأردن وسلطنة عمان إسرائيل بسبب اقتحام المسجد الأقصى.",
        [("الكويت", "GPE"), ("الأردن", "GPE"), ("سلطنة عمان", "GPE"), ("إسرائيل", "GPE")],
    )
    got = found(doc, "11")
    for state in ("الكويت", "الأردن", "سلطنة عمان"):
        assert (state, "إسرائيل") in got, show(doc)


def test_each_coordinated_object_makes_its_own_event() -> None:
    doc = analyze(
        "ودعا المبعوث الأممي هانس غروندبرغ الحكومة اليمنية وجماعة الحوثي إلى وقف التصعيد.",
        [("هانس غروندبرغ", "PERSON"), ("الحكومة اليمنية", "ORG"), ("جماعة الحوثي", "ORG")],
    )
    got = found(doc, "02")
    assert ("هانس غروندبرغ", "الحكومة اليمنية") in got and ("هانس غروندبرغ", "جماعة الحوثي") in got, show(doc)


def test_two_signers_joined_by_and_are_both_sides() -> None:
    doc = analyze(
        "وقعت تونس والاتحاد الأوروبي، اليوم الأحد، مذكرة تفاهم حول الهجرة.",
        [("تونس", "GPE"), ("الاتحاد الأوروبي", "ORG")],
    )
    got = found(doc, "05")
    assert ("تونس", "الاتحاد الأوروبي") in got or ("الاتحاد الأوروبي", "تونس") in got, show(doc)


def test_a_companion_of_another_kind_is_no_second_side() -> None:
    # a person joined to a state by «و» is not a second party of the state's act
    doc = analyze(
        "أدانت فرنسا وزيرة خارجيتها كاترين كولونا هجوم الحوثيين.",
        [("فرنسا", "GPE"), ("كاترين كولونا", "PERSON"), ("الحوثيين", "ORG")],
    )
    assert all(s != "كاترين كولونا" for s, _ in found(doc, "11")), show(doc)


def test_a_word_inside_a_name_does_not_close_the_clause() -> None:
    # «بان» in «بان كي مون» reads as «بأن» (a complementizer): inside a name it is not one
    doc = analyze(
        "واستقبل الأمين العام بان كي مون وزير الخارجية الياباني تارو كونو في نيويورك.",
        [("بان كي مون", "PERSON"), ("تارو كونو", "PERSON"), ("نيويورك", "GPE")],
    )
    assert ("بان كي مون", "تارو كونو") in found(doc, "04"), show(doc)
