"""Event verb families added for recall on unseen news: opening an inquiry with the subject
between verb and object, thanking and congratulating, recalling one's own ambassador in the
present tense (sentences written for these tests)."""

from __future__ import annotations

from marsad.doc import Document
from marsad.extract.events.context import DocContext
from marsad.extract.events.extract import EventExtractor
from marsad.extract.events.lexicon import trigger_lexicon
from tests.events_support import analyze, name_of


def show(doc: Document) -> list[tuple[str, str | None, str | None, str]]:
    return [(e.code, name_of(doc, e.source), name_of(doc, e.target), e.mode) for e in doc.events]


def found(doc: Document, root: str) -> list[tuple[str | None, str | None]]:
    return [(name_of(doc, e.source), name_of(doc, e.target)) for e in doc.events if e.code.startswith(root)]


def test_opening_an_inquiry_with_the_subject_between() -> None:
    doc = analyze(
        "فتحت النيابة العامة، بطلب من وزير العدل، تحقيقا في شبهات فساد داخل البلدية.",
        [("النيابة العامة", "ORG")],
    )
    assert ("النيابة العامة", None) in found(doc, "09"), show(doc)


def test_opening_a_road_is_no_inquiry() -> None:
    doc = analyze(
        "فتحت الشرطة الطريق أمام السيارات بعد ساعات من الإغلاق.",
        [("الشرطة", "ORG")],
    )
    assert not found(doc, "09"), show(doc)


def test_a_judicial_inquiry_in_the_maghrebi_wording() -> None:
    doc = analyze(
        "فتحت الفرقة الوطنية للشرطة القضائية، تحت إشراف النيابة، بحثا قضائيا في الصفقات.",
        [("الفرقة الوطنية للشرطة القضائية", "ORG")],
    )
    assert ("الفرقة الوطنية للشرطة القضائية", None) in found(doc, "09"), show(doc)


def test_thanking_a_counterpart_is_praise() -> None:
    doc = analyze(
        "وشكر الرئيس كمال عادل نظيره سامي حداد على حسن الاستقبال.",
        [("كمال عادل", "PERSON"), ("سامي حداد", "PERSON")],
    )
    assert ("كمال عادل", "سامي حداد") in found(doc, "051"), show(doc)


def test_congratulating_in_the_feminine_is_praise() -> None:
    doc = analyze(
        "وهنأت الحكومة الرئيس نبيل سالم بفوزه في الانتخابات.",
        [("الحكومة", "ORG"), ("نبيل سالم", "PERSON")],
    )
    assert ("الحكومة", "نبيل سالم") in found(doc, "051"), show(doc)


def test_recalling_ones_own_ambassador_in_the_present() -> None:
    doc = analyze(
        "وقال المتحدث إن الحكومة تستدعي سفيرها لدى السويد فورا للتشاور.",
        [("الحكومة", "ORG"), ("السويد", "GPE")],
    )
    assert ("الحكومة", "السويد") in found(doc, "161"), show(doc)


# -- a verb that cannot go without its object, its subject dropped ------------------------------
def test_accusing_after_a_comma_takes_the_lone_actor_as_the_accused() -> None:
    doc = analyze(
        "وقال الوزير كمال عادل إن الوضع مستقر، واتهم حركة الأمل بالتحريض على العنف.",
        [("كمال عادل", "PERSON"), ("حركة الأمل", "ORG")],
    )
    assert ("كمال عادل", "حركة الأمل") in found(doc, "112"), show(doc)


def test_holding_responsible_after_a_comma_takes_the_lone_actor_as_the_one_blamed() -> None:
    doc = analyze(
        "وقال المبعوث كمال عادل إن الحوار فشل، وحمل البرلمان المسؤولية عن الأزمة.",
        [("كمال عادل", "PERSON"), ("البرلمان", "ORG")],
    )
    assert ("كمال عادل", "البرلمان") in found(doc, "112"), show(doc)


def test_accusing_with_its_subject_and_object_written_keeps_both() -> None:
    doc = analyze(
        "ورفضت الحكومة البيان، واتهمت الخارجية قطر بدعم الإرهاب.",
        [("الحكومة", "ORG"), ("الخارجية", "ORG"), ("قطر", "GPE")],
    )
    assert ("الخارجية", "قطر") in found(doc, "112"), show(doc)


# -- the owner of a rejected thing ------------------------------------------------------------------
def test_rejecting_a_proposal_in_construct_targets_its_owner() -> None:
    doc = analyze(
        "رفضت الحكومة مقترح الرئيس سامي حداد بتأجيل الانتخابات.",
        [("الحكومة", "ORG"), ("سامي حداد", "PERSON")],
    )
    assert ("الحكومة", "سامي حداد") in found(doc, "12"), show(doc)


def test_rejecting_an_initiative_a_state_announced_targets_the_state() -> None:
    doc = analyze(
        "رفضت الحركة مبادرة أعلنتها مصر لإنهاء القتال.",
        [("الحركة", "ORG"), ("مصر", "GPE")],
    )
    assert ("الحركة", "مصر") in found(doc, "12"), show(doc)


def test_rejecting_the_displacement_of_a_town_has_no_owner() -> None:
    # «تهجير» is an event noun, not a thing someone owns: the town is no target
    doc = analyze(
        "رفضت الحكومة تهجير سكان رفح.",
        [("الحكومة", "ORG"), ("رفح", "GPE")],
    )
    assert ("الحكومة", "رفح") not in found(doc, "12"), show(doc)


# -- a phrase whose first word reads as a noun or a past verb, with its subject in between ---------
def test_a_masculine_phrase_verb_with_its_subject_in_between() -> None:
    doc = analyze(
        "أطلق جيش الشمال سراح الصحفي سامي حداد بعد شهرين من احتجازه.",
        [("جيش الشمال", "ORG", "military"), ("سامي حداد", "PERSON")],
    )
    assert ("جيش الشمال", "سامي حداد") in found(doc, "084"), show(doc)


def test_expressing_concern_with_the_subject_in_between() -> None:
    doc = analyze(
        "أعرب الوزير كمال عادل عن قلقه من التصعيد ضد حركة الأمل.",
        [("كمال عادل", "PERSON"), ("حركة الأمل", "ORG")],
    )
    # (an expression of concern with no one it is addressed to is no event: the mention is)
    assert "012" in mention_codes(doc), show(doc)


def mention_codes(doc: Document) -> set[str]:
    return {m.code for m in EventExtractor().find_mentions(DocContext.of(doc))}


def test_not_commenting_is_declining_to_comment() -> None:
    doc = analyze(
        "ولم تعلق وزارة الخارجية على التقرير حتى الآن.",
        [("وزارة الخارجية", "ORG")],
    )
    assert ("وزارة الخارجية", None) in found(doc, "011"), show(doc)


def test_commenting_is_not_declining() -> None:
    doc = analyze(
        "وعلقت وزارة الخارجية على التقرير في بيان مقتضب.",
        [("وزارة الخارجية", "ORG")],
    )
    assert not found(doc, "011"), show(doc)


# -- the subject of the verb that opens the sentence ------------------------------------------------
def test_a_participle_after_an_announcement_is_the_announcers() -> None:
    doc = analyze(
        "أعلن الرئيس كمال عادل، في كلمة متلفزة مساء السبت، استقالته من منصبه، متهما حركة الأمل بعرقلة عمله.",
        [("كمال عادل", "PERSON"), ("حركة الأمل", "ORG")],
        [("السبت", "2024-04-27")],
    )
    assert ("كمال عادل", "حركة الأمل") in found(doc, "112"), show(doc)


def test_blaming_after_an_announcement_is_the_announcers() -> None:
    doc = analyze(
        "وأعلن المبعوث كمال عادل استقالته من منصبه، وحمل البرلمان المسؤولية عن الفشل.",
        [("كمال عادل", "PERSON"), ("البرلمان", "ORG")],
    )
    assert ("كمال عادل", "البرلمان") in found(doc, "112"), show(doc)


# -- a second side written in quotes after «و» ------------------------------------------------------
def test_a_quoted_second_side_after_waw_is_coordinated() -> None:
    doc = analyze(
        'ووقعت حكومة الإنقاذ و"جبهة التحرير" اتفاقا لوقف القتال في الشمال.',
        [("حكومة الإنقاذ", "ORG"), ("جبهة التحرير", "ORG")],
    )
    got = found(doc, "057")
    assert ("حكومة الإنقاذ", "جبهة التحرير") in got or ("جبهة التحرير", "حكومة الإنقاذ") in got, show(doc)


# -- the masculine dual of a past verb -----------------------------------------------------------------
def test_a_dual_past_verb_is_a_trigger() -> None:
    doc = analyze(
        "واجتمع الوزير كمال عادل ونظيره سامي حداد في العاصمة، ووقعا اتفاقية للتعاون التجاري.",
        [("كمال عادل", "PERSON"), ("سامي حداد", "PERSON")],
    )
    assert "057" in mention_codes(doc), show(doc)


def test_an_accusative_noun_spelled_like_a_dual_stays_a_noun() -> None:
    # «حكما» (a verdict), «قصفا» (shelling): the words or phrases of other triggers keep them
    words = trigger_lexicon().words
    assert all(f.pos == "noun" for f in words.get("قصفا", ())), words.get("قصفا")
    assert "حكما" not in words or all(f.pos == "noun" for f in words["حكما"])
    assert any(f.pos == "verb" and f.plural for f in words.get("اتفقا", ())), words.get("اتفقا")


def test_agreeing_to_meet_is_an_intent_to_meet() -> None:
    doc = analyze(
        "بحث الوزير كمال عادل ونظيره سامي حداد الأوضاع الإقليمية، واتفقا على عقد لقاء قريب.",
        [("كمال عادل", "PERSON"), ("سامي حداد", "PERSON")],
    )
    assert ("كمال عادل", "سامي حداد") in found(doc, "036"), show(doc)


def test_agreeing_on_a_ceasefire_is_the_ceasefire() -> None:
    doc = analyze(
        "وقال المبعوث إن الحكومة وحركة الأمل اتفقتا في جنيف على وقف إطلاق النار في الشمال.",
        [("الحكومة", "ORG"), ("حركة الأمل", "ORG"), ("جنيف", "GPE")],
    )
    assert ("الحكومة", "حركة الأمل") in found(doc, "0871"), show(doc)


def test_a_threat_with_its_named_subject_before_the_threatened_act() -> None:
    doc = analyze(
        "وهدد الرئيس الأمريكي سامي حداد بفرض عقوبات على إيران.",
        [("سامي حداد", "PERSON"), ("إيران", "GPE")],
    )
    assert ("سامي حداد", "إيران") in found(doc, "131"), show(doc)


def test_exchanging_messages_is_consulting() -> None:
    doc = analyze(
        "وكشفت مصادر أن مصر وإثيوبيا تبادلتا رسائل عبر وسطاء خلال الأسابيع الماضية.",
        [("مصر", "GPE"), ("إثيوبيا", "GPE")],
    )
    got = found(doc, "04")
    assert ("مصر", "إثيوبيا") in got or ("إثيوبيا", "مصر") in got, show(doc)


# -- giving money or aid -----------------------------------------------------------------------------
def test_giving_money_to_a_state_is_aid() -> None:
    doc = analyze(
        "وأضافت أن الكويت قدمت منذ عام 2015 أكثر من مليار دولار إلى السودان.",
        [("الكويت", "GPE"), ("السودان", "GPE")],
    )
    assert ("الكويت", "السودان") in found(doc, "07"), show(doc)


def test_handing_in_a_resignation_is_no_aid() -> None:
    doc = analyze(
        "وقدم الوزير كمال عادل استقالته إلى الرئيس بعد أزمة المساعدات والديون.",
        [("كمال عادل", "PERSON")],
    )
    assert not found(doc, "07"), show(doc)


def test_the_football_federation_is_no_giving() -> None:
    # «القدم» (the foot) is not the verb «قدم» with the article
    doc = analyze(
        "طلب الاتحاد الوطني لكرة القدم من الاتحاد القاري عدم إقامة المباراة في موعدها.",
        [("الاتحاد الوطني لكرة القدم", "ORG"), ("الاتحاد القاري", "ORG")],
    )
    assert ("الاتحاد الوطني لكرة القدم", "الاتحاد القاري") in found(doc, "10"), show(doc)
