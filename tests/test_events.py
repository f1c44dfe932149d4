"""The event stage on sentences written for these tests: word orders, argument patterns,
place and date, negation and modality, merging, and the CAMEO roots the lexicon covers."""

from __future__ import annotations

import datetime

import pytest

from marsad.doc import Document, Event
from marsad.extract.events import cameo
from marsad.extract.events.lexicon import trigger_lexicon
from tests.events_support import analyze, name_of


def only(doc: Document, root: str | None = None) -> Event:
    evs = [e for e in doc.events if root is None or e.code.startswith(root)]
    assert len(evs) == 1, [(e.code, name_of(doc, e.source), name_of(doc, e.target), e.mode) for e in doc.events]
    return evs[0]


def sides(doc: Document, ev: Event) -> tuple[str | None, str | None]:
    return name_of(doc, ev.source), name_of(doc, ev.target)


# -- word order and argument patterns ------------------------------------------------------------
def test_vso_with_place_and_date() -> None:
    doc = analyze(
        "استقبل الرئيس التونسي قيس سعيد وزير الخارجية الجزائري أحمد عطاف في قصر قرطاج يوم الاثنين.",
        [("قيس سعيد", "PERSON"), ("أحمد عطاف", "PERSON"), ("قصر قرطاج", "FAC")],
        [("يوم الاثنين", "2024-05-06")],
    )
    ev = only(doc)
    assert ev.code == "043"
    assert sides(doc, ev) == ("قيس سعيد", "أحمد عطاف")
    assert name_of(doc, ev.location) == "قصر قرطاج"
    assert ev.date == "2024-05-06"
    assert ev.mode == "asserted"
    assert ev.plover == "CONSULT"
    assert doc.text[ev.evidence.start : ev.evidence.end] == ev.text
    assert "استقبل" in ev.text


def test_svo_subject_before_the_verb() -> None:
    doc = analyze("ميلوني تلتقي ماكرون في روما لبحث ملف الهجرة.", [("ميلوني", "PERSON"), ("ماكرون", "PERSON"),
                                                                 ("روما", "GPE")])
    ev = only(doc)
    assert ev.code.startswith("04")
    assert sides(doc, ev) == ("ميلوني", "ماكرون")
    assert name_of(doc, ev.location) == "روما"


def test_passive_agent_after_min_qibal() -> None:
    doc = analyze(
        "وتم اعتقال الصحفي سامي العلوي من قبل الشرطة في مدينة صفاقس.",
        [("سامي العلوي", "PERSON"), ("الشرطة", "ORG"), ("صفاقس", "GPE")],
    )
    ev = only(doc)
    assert ev.code == "173"
    assert sides(doc, ev) == ("الشرطة", "سامي العلوي")
    assert name_of(doc, ev.location) == "صفاقس"


def test_between_x_and_y() -> None:
    doc = analyze(
        "وجرى أمس توقيع اتفاقية للتعاون في مجال الطاقة بين تونس والجزائر.",
        [("تونس", "GPE"), ("الجزائر", "GPE")],
        [("أمس", "2024-03-10")],
    )
    ev = only(doc)
    assert ev.code == "057"
    assert sides(doc, ev) == ("تونس", "الجزائر")
    assert ev.date == "2024-03-10"


def test_with_and_a_light_verb() -> None:
    doc = analyze(
        "أجرى وزير الخارجية المصري سامح شكري محادثات مع نظيره الأردني أيمن الصفدي في عمان.",
        [("سامح شكري", "PERSON"), ("أيمن الصفدي", "PERSON"), ("عمان", "GPE")],
    )
    ev = only(doc)
    assert ev.code.startswith("04")
    assert sides(doc, ev) == ("سامح شكري", "أيمن الصفدي")
    assert name_of(doc, ev.location) == "عمان"


def test_at_the_head_of_a_delegation() -> None:
    doc = analyze(
        "وصل ميشال بارنييه إلى الرباط على رأس وفد حكومي رفيع، واستقبله العاهل المغربي محمد السادس.",
        [("ميشال بارنييه", "PERSON"), ("الرباط", "GPE"), ("محمد السادس", "PERSON")],
    )
    ev = only(doc)
    assert ev.code in ("042", "043")
    assert {name_of(doc, ev.source), name_of(doc, ev.target)} == {"ميشال بارنييه", "محمد السادس"}
    assert name_of(doc, ev.location) == "الرباط"


def test_delegation_headed_by() -> None:
    doc = analyze(
        "وصل إلى طرابلس وفد برئاسة رئيس الحكومة عبد الحميد الدبيبة، والتقى بأعضاء المجلس الرئاسي.",
        [("طرابلس", "GPE"), ("عبد الحميد الدبيبة", "PERSON"), ("المجلس الرئاسي", "ORG")],
    )
    ev = only(doc, "04")
    assert name_of(doc, ev.source) == "عبد الحميد الدبيبة"


def test_a_head_stands_for_the_body_it_heads() -> None:
    doc = analyze(
        "استقبل رئيس البرلمان الليبي وفدا من الاتحاد الأوروبي في بنغازي.",
        [("البرلمان الليبي", "ORG"), ("الاتحاد الأوروبي", "ORG"), ("بنغازي", "GPE")],
    )
    ev = only(doc)
    assert ev.code == "043"
    assert sides(doc, ev) == ("البرلمان الليبي", "الاتحاد الأوروبي")


def test_a_named_head_in_apposition_is_the_actor() -> None:
    doc = analyze(
        "التقى قائد الجيش الجزائري، الفريق أول سعيد شنقريحة، بوزير الدفاع التركي في أنقرة.",
        [("الجيش الجزائري", "ORG"), ("سعيد شنقريحة", "PERSON"), ("التركي", "GPE"), ("أنقرة", "GPE")],
    )
    ev = only(doc)
    assert name_of(doc, ev.source) == "سعيد شنقريحة"
    assert name_of(doc, ev.location) == "أنقرة"


def test_location_after_ila_and_fi() -> None:
    doc = analyze(
        "زار وزير الداخلية الفرنسي جيرالد دارمانان الجزائر، وبحث في العاصمة مع نظيره ملف الهجرة.",
        [("جيرالد دارمانان", "PERSON"), ("الجزائر", "GPE")],
    )
    ev = only(doc, "04")
    assert name_of(doc, ev.source) == "جيرالد دارمانان"
    assert name_of(doc, ev.location) == "الجزائر"


# -- negation and modality: not happened events ---------------------------------------------------
@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("لم يلتق الرئيس قيس سعيد برئيسة الوزراء جورجيا ميلوني خلال القمة.", "negated"),
        ("من المقرر أن يزور الرئيس قيس سعيد العاصمة الإيطالية روما للقاء جورجيا ميلوني.", "planned"),
        ("ونفى الرئيس قيس سعيد أن يكون وقّع أي اتفاق مع جورجيا ميلوني بشأن الهجرة.", "denied"),
        ("وسيلتقي الرئيس قيس سعيد الأسبوع المقبل بجورجيا ميلوني في روما.", "planned"),
        ("لن يستقبل الرئيس قيس سعيد جورجيا ميلوني قبل الانتخابات.", "negated"),
    ],
)
def test_negated_planned_and_denied_events_are_not_happened(text: str, mode: str) -> None:
    ents = [e for e in (("قيس سعيد", "PERSON"), ("جورجيا ميلوني", "PERSON"), ("روما", "GPE")) if e[0] in text]
    doc = analyze(text, ents)
    # the denial itself (CAMEO 016) happened; what is denied, negated or planned did not
    happened = [e for e in doc.events if e.mode == "asserted" and e.code != "016"]
    assert not happened, [(e.code, e.mode) for e in happened]
    recorded = [e for e in doc.events if e.code != "016"]
    assert recorded, "the event is recorded, with its mode"
    assert {e.mode for e in recorded} == {mode}
    assert all(name_of(doc, e.source) == "قيس سعيد" for e in recorded)


def test_a_possibility_is_not_an_event() -> None:
    doc = analyze(
        "ويبقى السؤال ما إذا كانت الحكومة التونسية ستوقع الاتفاق مع صندوق النقد الدولي.",
        [("الحكومة التونسية", "ORG"), ("صندوق النقد الدولي", "ORG")],
    )
    assert doc.events == []


def test_qad_before_a_past_verb_is_an_assertion() -> None:
    doc = analyze(
        "وكانت فرنسا قد رحبت بتشكيل الحكومة الليبية الجديدة.",
        [("فرنسا", "GPE"), ("الحكومة الليبية", "ORG")],
    )
    ev = only(doc)
    assert ev.code == "051" and ev.mode == "asserted"
    assert sides(doc, ev) == ("فرنسا", "الحكومة الليبية")


def test_a_date_after_the_publication_is_a_plan() -> None:
    doc = analyze(
        "يلتقي قيس سعيد بجورجيا ميلوني يوم 20 جوان في روما.",
        [("قيس سعيد", "PERSON"), ("جورجيا ميلوني", "PERSON"), ("روما", "GPE")],
        [("يوم 20 جوان", "2024-06-20")],
        published=datetime.date(2024, 6, 1),
    )
    assert only(doc).mode == "planned"


# -- merging mentions of one event ----------------------------------------------------------------
def test_mentions_of_one_visit_are_merged() -> None:
    doc = analyze(
        "وصل وزير الخارجية الجزائري أحمد عطاف إلى تونس يوم الأحد. واستقبله الرئيس قيس سعيد في قصر قرطاج. "
        "وتناولت زيارة أحمد عطاف ملفات الطاقة والحدود.",
        [("أحمد عطاف", "PERSON"), ("تونس", "GPE"), ("قيس سعيد", "PERSON"), ("قصر قرطاج", "FAC")],
        [("يوم الأحد", "2024-05-05")],
    )
    ev = only(doc)
    assert ev.code in ("042", "043")
    assert {name_of(doc, ev.source), name_of(doc, ev.target)} == {"أحمد عطاف", "قيس سعيد"}
    assert ev.date == "2024-05-05"
    assert ev.confidence > 0.8


def test_three_meetings_with_different_people_stay_three() -> None:
    doc = analyze(
        "وعقد وزير الخارجية أحمد عطاف سلسلة لقاءات، شملت اجتماعا مع جوزيب بوريل، ولقاء مع أنطونيو غوتيريش، "
        "إضافة إلى لقاء مع أنالينا بيربوك.",
        [("أحمد عطاف", "PERSON"), ("جوزيب بوريل", "PERSON"), ("أنطونيو غوتيريش", "PERSON"), ("أنالينا بيربوك", "PERSON")],
    )
    pairs = {sides(doc, e) for e in doc.events}
    assert pairs == {
        ("أحمد عطاف", "جوزيب بوريل"),
        ("أحمد عطاف", "أنطونيو غوتيريش"),
        ("أحمد عطاف", "أنالينا بيربوك"),
    }


def test_a_pronoun_object_is_resolved_to_the_actor_before() -> None:
    doc = analyze(
        "حل الوزير الإيطالي أنطونيو تاياني بطرابلس صباح الأحد. وبعد ساعات، استقبله عبد الحميد الدبيبة.",
        [("أنطونيو تاياني", "PERSON"), ("طرابلس", "GPE"), ("عبد الحميد الدبيبة", "PERSON")],
    )
    ev = only(doc)
    assert ev.code == "043"
    assert sides(doc, ev) == ("عبد الحميد الدبيبة", "أنطونيو تاياني")
    assert name_of(doc, ev.location) == "طرابلس"


def test_an_actorless_event_noun_is_not_an_event() -> None:
    doc = analyze("وأثارت الزيارة جدلا واسعا في الأوساط السياسية.", [("الأوساط", "ORG")])
    assert doc.events == []
    doc = analyze("وأسفر انفجار عن سقوط قتلى في مدينة القصرين.", [("القصرين", "GPE")])
    assert doc.events == [], "an event needs a named actor, a place alone is not enough"


# -- CAMEO roots ----------------------------------------------------------------------------------
ROOT_SENTENCES = [
    ("أدانت وزارة الخارجية التونسية الهجوم على سفارة قطر.", [("وزارة الخارجية التونسية", "ORG"), ("قطر", "GPE")],
     "11"),
    ("رحبت الجامعة العربية بقرار مجلس الأمن.", [("الجامعة العربية", "ORG"), ("مجلس الأمن", "ORG")], "05"),
    ("طالبت نقابة الصحفيين الحكومة بالإفراج عن المدونين.", [("نقابة الصحفيين", "ORG"), ("الحكومة", "ORG")], "10"),
    ("هددت إيران إسرائيل برد قاس.", [("إيران", "GPE"), ("إسرائيل", "GPE")], "13"),
    ("اتهمت الجزائر المغرب بدعم الانفصاليين.", [("الجزائر", "GPE"), ("المغرب", "GPE")], "11"),
    ("فرضت الولايات المتحدة عقوبات على روسيا.", [("الولايات المتحدة", "GPE"), ("روسيا", "GPE")], "16"),
    ("أفرجت السلطات الإيرانية عن الصحفي علي رضا.", [("السلطات الإيرانية", "ORG"), ("علي رضا", "PERSON")], "08"),
    ("قصف الجيش الإسرائيلي مدينة رفح.", [("الجيش الإسرائيلي", "ORG"), ("رفح", "GPE")], "19"),
    ("اعتقلت الشرطة التركية الناشط أحمد يلماز.", [("الشرطة التركية", "ORG"), ("أحمد يلماز", "PERSON")], "17"),
    ("تظاهر أنصار الحزب الدستوري الحر في شارع الحبيب بورقيبة.",
     [("الحزب الدستوري الحر", "ORG"), ("شارع الحبيب بورقيبة", "FAC")], "14"),
    ("اغتال مسلحون مجهولون القيادي محمد براهمي.", [("محمد براهمي", "PERSON")], "18"),
    ("دعت فرنسا الأطراف الليبية إلى الحوار.", [("فرنسا", "GPE"), ("الأطراف الليبية", "ORG")], "02"),
    ("رفضت حركة حماس المقترح الإسرائيلي.", [("حركة حماس", "ORG"), ("الإسرائيلي", "GPE")], "12"),
    ("قدمت اليابان مساعدات إنسانية إلى السودان.", [("اليابان", "GPE"), ("السودان", "GPE")], "07"),
    ("تعهدت ألمانيا بدعم إعادة إعمار أوكرانيا.", [("ألمانيا", "GPE"), ("أوكرانيا", "GPE")], "03"),
]


@pytest.mark.parametrize(("text", "entities", "root"), ROOT_SENTENCES)
def test_codes_by_root(text: str, entities: list[tuple[str, str]], root: str) -> None:
    doc = analyze(text, entities)
    roots = {e.code[:2] for e in doc.events}
    assert root in roots, [(e.code, sides(doc, e)) for e in doc.events]


def test_the_lexicon_covers_every_cameo_root() -> None:
    lex = trigger_lexicon()
    roots = {f.entry.root for forms in lex.words.values() for f in forms}
    roots |= {f.entry.root for v in lex.phrases.values() for _, f in v}
    assert {f"{n:02d}" for n in range(1, 21)} <= roots


def test_every_code_has_a_label_and_plover_categories_come_from_the_table() -> None:
    table = cameo.table()
    assert table["042"].label == "Make a visit" and table["042"].plover == "CONSULT"
    assert table["057"].plover == "SUPPORT"
    assert table["010"].plover is None
    assert table["020"].plover == "REQUEST"
    lex = trigger_lexicon()
    for forms in lex.words.values():
        for f in forms:
            assert f.entry.code in table


def test_conjugated_forms_and_pronouns_are_found() -> None:
    doc = analyze(
        "وصل الوزير أحمد الحشاني إلى الكاف. واستقبلته الوالية ليلى جفال. "
        "وأعلنت وزارة الداخلية أن نادية عكاشة ستزور الجهة.",
        [("أحمد الحشاني", "PERSON"), ("الكاف", "GPE"), ("ليلى جفال", "PERSON"), ("وزارة الداخلية", "ORG"),
         ("نادية عكاشة", "PERSON")],
    )
    # «استقبلته»: past, feminine, with an object pronoun; «وزارة» is not و + زار + ه
    visits = [e for e in doc.events if e.code.startswith("04") and e.mode == "asserted"]
    assert len(visits) == 1
    assert {name_of(doc, visits[0].source), name_of(doc, visits[0].target)} == {"أحمد الحشاني", "ليلى جفال"}
    assert all(name_of(doc, e.source) != "وزارة الداخلية" for e in doc.events if e.code.startswith("04"))
    planned = [e for e in doc.events if e.mode == "planned"]
    assert [name_of(doc, e.source) for e in planned] == ["نادية عكاشة"]
