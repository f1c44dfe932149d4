"""Names the knowledge base does not know, roles, linking and coreference."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.doc import Document
from marsad.extract.entities import entities_in, entity_at
from marsad.extract.entities.stage import SOURCES_ENV, EntityExtractor
from tests.entities_kb import make_kb, mention_texts, names, run


@pytest.fixture(scope="module")
def ex(tmp_path_factory: pytest.TempPathFactory) -> EntityExtractor:
    return EntityExtractor(make_kb(tmp_path_factory.mktemp("kb")), use_model=False)


def _person(doc: Document, text: str):  # type: ignore[no-untyped-def]
    e = names(doc).get(text)
    assert e is not None, f"no entity first mentioned as {text!r}: {mention_texts(doc)}"
    assert e.type == "PERSON"
    return e


# -- titles and roles ---------------------------------------------------------------------------
def test_role_with_complement_then_rank_then_an_unknown_name(ex: EntityExtractor) -> None:
    doc = run(ex, "وصل قائد الجيش الباكستاني، الجنرال زاهد كريمي، إلى بنغازي.")
    p = _person(doc, "زاهد كريمي")
    assert p.kb_id is None
    assert [r.title for r in p.roles] == ["قائد الجيش الباكستاني", "الجنرال"]
    r = p.roles[0]
    assert doc.text[r.start : r.end] == "قائد الجيش الباكستاني"
    assert p.country == "PK" and p.cameo == "PAKMIL"  # from the role's organization
    assert names(doc)["الجيش الباكستاني"].kb_id == "pakistan-army"


def test_role_with_nationality_adjective_and_given_name(ex: EntityExtractor) -> None:
    doc = run(ex, "وقال وزير الخارجية الفرنسي جان ماروني إن الحل سياسي.")
    p = _person(doc, "جان ماروني")
    assert [r.title for r in p.roles] == ["وزير الخارجية الفرنسي"]
    assert p.country == "FR" and p.cameo == "FRAGOV"


def test_a_role_alone_is_not_a_person(ex: EntityExtractor) -> None:
    doc = run(ex, "وقال وزير الخارجية إن الوضع مستقر، وأكد الرئيس الفرنسي ذلك.")
    assert all(e.type != "PERSON" for e in doc.entities)


def test_role_said_after_the_name(ex: EntityExtractor) -> None:
    doc = run(ex, "ووقع الاتفاقية صدام حفتر بصفته نائب القائد العام، وذلك وفق بيان.")
    p = names(doc)["صدام حفتر"]
    assert p.kb_id == "saddam-haftar"
    assert [r.title for r in p.roles] == ["نائب القائد العام"]


def test_role_in_apposition_after_commas(ex: EntityExtractor) -> None:
    doc = run(ex, "والتقى الوفد كريم بوزيان، رئيس بلدية بنغازي، صباح اليوم.")
    p = _person(doc, "كريم بوزيان")
    assert [r.title for r in p.roles] == ["رئيس بلدية بنغازي"]


def test_journalist_title_with_a_long_description_then_the_name(ex: EntityExtractor) -> None:
    doc = run(ex, "أجاب عن ذلك الصحفي الليبي المتخصص في الشؤون الدولية، عماد الدين سلامي الذي رأى أن الزيارة مهمة.")
    p = _person(doc, "عماد الدين سلامي")
    assert p.roles[0].title.startswith("الصحفي الليبي المتخصص")
    assert p.country == "LY"


# -- organizations and outlets --------------------------------------------------------------------
def test_organization_head_with_complement(ex: EntityExtractor) -> None:
    doc = run(ex, "أعلنت وزارة الصحة أن حزب العمال الديمقراطي رفض القرار، فيما تحدثت حركة المرور عن ازدحام.")
    found = mention_texts(doc)
    assert ("وزارة الصحة", "ORG") in found
    assert ("حزب العمال الديمقراطي", "ORG") in found
    assert not any("المرور" in t for t, _ in found)  # a generic complement is not a name


def test_a_definite_head_needs_a_name(ex: EntityExtractor) -> None:
    doc = run(ex, "تحدث عن المؤسسة العسكرية ثم عن الحكومة الليبية.")
    found = mention_texts(doc)
    assert ("الحكومة الليبية", "ORG") in found
    assert not any("المؤسسة" in t for t, _ in found)
    assert names(doc)["الحكومة الليبية"].cameo == "LBYGOV"


def test_outlet_names_in_quotes_and_after_an_interview(ex: EntityExtractor) -> None:
    doc = run(ex, 'بحسب تقرير نشره موقع “الوسط نيوز” المحلي، وقال الباحث في تصريح لـ"الصباح" إن الأمر خطير.')
    found = mention_texts(doc)
    assert ("الوسط نيوز", "ORG") in found  # the name, not the head «موقع»
    assert ("الصباح", "ORG") in found
    assert names(doc)["الوسط نيوز"].subtype == "website"


def test_a_description_before_a_quoted_name_is_not_the_outlet(ex: EntityExtractor) -> None:
    doc = run(ex, "وتناولت وكالة الأنباء الليبية الخاصة “ليبيا برس” الزيارة.")
    found = mention_texts(doc)
    assert found == [("ليبيا برس", "ORG")]
    assert names(doc)["ليبيا برس"].country == "LY"


def test_latin_script_names_in_arabic_text(ex: EntityExtractor) -> None:
    doc = run(ex, "وقد نشرت صحيفة The Daily Star الباكستانية تفاصيل، كما أكدت منظمة HRW ذلك.")
    found = mention_texts(doc)
    assert ("The Daily Star", "ORG") in found
    assert ("HRW", "ORG") in found
    assert names(doc)["The Daily Star"].country == "PK"


def test_agency_reference_resolves_to_the_outlet_named_before(ex: EntityExtractor) -> None:
    doc = run(ex, "نقلت وكالة “نوفا” الإيطالية الخبر. غير أن الوكالة أشارت إلى تحفظات.")
    nova = names(doc)["نوفا"]
    assert [m.text for m in nova.mentions] == ["نوفا", "الوكالة"]
    assert nova.mentions[1].method == "coref"


def test_a_longer_name_is_another_organization(ex: EntityExtractor) -> None:
    doc = run(ex, "أعلن حزب العمال رفضه، فيما أنهى حزب العمال الكردستاني الهدنة.")
    found = [(m.text, e.kb_id) for e in doc.entities for m in e.mentions]
    assert found == [("حزب العمال", "workers-party"), ("حزب العمال الكردستاني", None)]


def test_names_after_a_conjunction_and_after_a_rank(ex: EntityExtractor) -> None:
    doc = run(ex, "يقودها وعبد العزيز الهاشمي، وأقنعنا الشيخ الصلابي بالمبادرة.")
    found = mention_texts(doc)
    assert ("عبد العزيز الهاشمي", "PERSON") in found  # «و» stays outside
    assert ("الصلابي", "PERSON") in found


# -- places -------------------------------------------------------------------------------------
def test_places_after_place_nouns(ex: EntityExtractor) -> None:
    doc = run(ex, "وقعت الحادثة بمعتمدية سيدي علي بن عون من ولاية القصرين قرب مدينة تالة.")
    found = mention_texts(doc)
    assert ("سيدي علي بن عون", "GPE") in found
    assert ("القصرين", "GPE") in found
    assert ("تالة", "GPE") in found


def test_place_noun_with_an_adjective_is_not_a_name(ex: EntityExtractor) -> None:
    doc = run(ex, "أقيمت منطقة عسكرية مغلقة قرب معبر حدودي.")
    assert not doc.entities


def test_regions_from_a_direction_and_a_state(ex: EntityExtractor) -> None:
    doc = run(ex, "يرى خصوم حفتر في غرب ليبيا أن الشرق الليبي يتجه إلى التصعيد.")
    west = names(doc)["غرب ليبيا"]
    assert west.type == "LOC" and west.country == "LY" and west.name_en == "Western Libya"
    assert names(doc)["الشرق الليبي"].name == "شرق ليبيا"


# -- coreference and linking ------------------------------------------------------------------------
def test_family_name_joins_the_full_name_and_the_best_known_bearer(ex: EntityExtractor) -> None:
    doc = run(ex, "التقى صدام حفتر الوفد، ثم استقبله خليفة حفتر. وقال حفتر إن الاتفاق مهم.")
    khalifa = next(e for e in doc.entities if e.kb_id == "khalifa-haftar")
    assert [m.text for m in khalifa.mentions] == ["خليفة حفتر", "حفتر"]
    saddam = next(e for e in doc.entities if e.kb_id == "saddam-haftar")
    assert [m.text for m in saddam.mentions] == ["صدام حفتر"]


def test_family_name_of_an_unknown_person_met_again(ex: EntityExtractor) -> None:
    doc = run(ex, "قال الصحفي الليبي عماد سلامي إن الزيارة مهمة. وأوضح سلامي أن الوضع معقد، ثم شدد سلامي على الحذر.")
    p = _person(doc, "عماد سلامي")
    assert [m.text for m in p.mentions] == ["عماد سلامي", "سلامي", "سلامي"]
    assert {m.method for m in p.mentions[1:]} == {"coref"}
    assert len([e for e in doc.entities if e.type == "PERSON"]) == 1


def test_a_rank_alone_refers_to_the_person_given_that_rank(ex: EntityExtractor) -> None:
    doc = run(ex, "وصل الجنرال زاهد كريمي إلى بنغازي. وقال الجنرال إن التعاون سيتوسع.")
    p = _person(doc, "زاهد كريمي")
    assert [m.text for m in p.mentions] == ["زاهد كريمي", "الجنرال"]
    assert p.mentions[1].method == "coref"
    # two generals before it: the text does not say which one
    doc = run(ex, "التقى الجنرال زاهد كريمي الجنرال سامي وردة. وقال الجنرال إن التعاون سيتوسع.")
    assert all(m.method != "coref" for e in doc.entities for m in e.mentions)


def test_son_of_refers_to_the_other_family_member(ex: EntityExtractor) -> None:
    doc = run(ex, "زار صدام حفتر إسلام آباد، وهناك عقد نجل حفتر لقاءات. ويبقى خليفة حفتر في بنغازي.")
    saddam = next(e for e in doc.entities if e.kb_id == "saddam-haftar")
    assert "نجل حفتر" in [m.text for m in saddam.mentions]


def test_a_title_and_the_date_decide_between_two_bearers(ex: EntityExtractor) -> None:
    text = "وقال وزير الخارجية العلوي إن تونس ترفض التدخل."
    assert run(ex, text, "2016-05-01").entities[0].kb_id == "ahmed-alaoui"
    assert run(ex, text, "2020-05-01").entities[0].kb_id == "sami-alaoui"
    # without a publication date, the latest year the text mentions decides
    assert run(ex, "في عام 2021 قال وزير الخارجية العلوي إن تونس ترفض التدخل.").entities[0].kb_id == "sami-alaoui"


def test_a_metonym_links_to_the_government_of_the_time(ex: EntityExtractor) -> None:
    text = "وقالت حكومة طرابلس إن الوضع مستقر."
    assert run(ex, text, "2017-03-01").entities[0].kb_id == "gna"
    assert run(ex, text, "2023-03-01").entities[0].kb_id == "gnu"


def test_ids_follow_the_order_of_first_mention(ex: EntityExtractor) -> None:
    doc = run(ex, "استقبل خليفة حفتر في بنغازي وفدا من باكستان، ثم عاد حفتر إلى بنغازي.")
    assert [e.id for e in doc.entities] == [f"E{i}" for i in range(1, len(doc.entities) + 1)]
    firsts = [e.mentions[0].start for e in doc.entities]
    assert firsts == sorted(firsts)
    assert [e.kb_id for e in doc.entities] == ["khalifa-haftar", "benghazi", "pakistan"]


# -- the API other stages use -----------------------------------------------------------------------
def test_entity_at_and_entities_in(ex: EntityExtractor) -> None:
    text = "استقبل خليفة حفتر في بنغازي قائد الجيش الباكستاني."
    doc = run(ex, text)
    s = text.index("حفتر")
    e = entity_at(doc, s, s + 4)
    assert e is not None and e.kb_id == "khalifa-haftar"
    assert entity_at(doc, text.index("استقبل")) is None
    inside = entities_in(doc, 0, len(text))
    assert [x.kb_id for x in inside] == ["khalifa-haftar", "benghazi", "pakistan-army"]


def test_sources_can_be_restricted_for_measurement(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    kb = make_kb(tmp_path)
    text = "قال وزير الخارجية الفرنسي جان ماروني في بنغازي إن الحل سياسي."
    monkeypatch.setenv(SOURCES_ENV, "kb")
    kb_only = run(EntityExtractor(kb, use_model=False), text)
    assert {m.method for e in kb_only.entities for m in e.mentions} == {"kb"}
    monkeypatch.setenv(SOURCES_ENV, "rule")
    rules_only = run(EntityExtractor(kb, use_model=False), text)
    assert {m.method for e in rules_only.entities for m in e.mentions} == {"rule"}
    monkeypatch.setenv(SOURCES_ENV, "kb,magic")
    from marsad.errors import ConfigError

    with pytest.raises(ConfigError, match="magic"):
        EntityExtractor(kb, use_model=False)
