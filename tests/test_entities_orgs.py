"""Organizations by rule: parties named by a relational adjective, national teams, a city's club,
and the link of a state's organization (its complement must be the state and nothing else)."""

from __future__ import annotations

import pytest

from marsad.extract.entities.stage import EntityExtractor
from marsad.kb import KnowledgeBase, build_kb
from tests.entities_kb import mention_texts, run

KB_YAML = """\
- {id: spain, type: GPE, subtype: state, name: إسبانيا, adjectives: [إسباني, إسبانية], country: ES, prominence: 60}
- {id: france, type: GPE, subtype: state, name: فرنسا, adjectives: [فرنسي, فرنسية, فرنسيين], country: FR, cameo: FRA,
   prominence: 80}
- {id: united-states, type: GPE, subtype: state, name: الولايات المتحدة, adjectives: [أمريكي, أمريكية],
   country: US, cameo: USA, prominence: 90}
- {id: denmark, type: GPE, subtype: state, name: الدنمارك, adjectives: [دنماركي, دنماركية], country: DK, prominence: 40}
- {id: barcelona, type: GPE, subtype: city, name: برشلونة, country: ES, parent: spain, population: 1600000,
   prominence: 50}
- {id: marseille, type: GPE, subtype: city, name: مرسيليا, country: FR, parent: france, population: 860000,
   prominence: 45}
- {id: us-government, type: ORG, subtype: government, name: الحكومة الأمريكية, aliases: [الإدارة الأمريكية],
   country: US}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    f = tmp_path_factory.mktemp("kb") / "orgs.yaml"
    f.write_text(KB_YAML, encoding="utf-8")
    return build_kb([f], embedded=False, user=False)


@pytest.fixture(scope="module")
def ex(kb: KnowledgeBase) -> EntityExtractor:
    return EntityExtractor(kb, use_model=False)


def test_a_party_named_by_a_relational_adjective(ex: EntityExtractor) -> None:
    doc = run(ex, "قال الحزب الاشتراكي إن الحزب الليبرالي رفض العرض، وأيده حزب الخضر.")
    found = mention_texts(doc)
    assert ("الحزب الاشتراكي", "ORG") in found
    assert ("الحزب الليبرالي", "ORG") in found
    assert ("حزب الخضر", "ORG") in found


def test_a_party_described_by_its_place_or_role_is_not_a_name(ex: EntityExtractor) -> None:
    doc = run(ex, "انتقد الحزب الحاكم الحزب اليميني المتطرف، فيما صمت الحزب الفائز بالأغلبية.")
    assert not doc.entities, mention_texts(doc)


def test_national_teams(ex: EntityExtractor) -> None:
    doc = run(ex, "تعادل المنتخب الوطني مع منتخب الدنمارك، وفاز المنتخب الفرنسي على نظيره الإسباني.")
    found = mention_texts(doc)
    assert ("المنتخب الوطني", "ORG") in found
    assert ("منتخب الدنمارك", "ORG") in found
    assert ("المنتخب الفرنسي", "ORG") in found
    assert not any(t == "GPE" for _m, t in found)  # «الدنمارك» is inside the team's name


def test_a_city_with_a_masculine_nationality_adjective_is_its_club(ex: EntityExtractor) -> None:
    doc = run(ex, "فاز برشلونة الإسباني على مرسيليا الفرنسي، ثم عاد الفريق إلى برشلونة الإسبانية.")
    by_type = [(m.text, e.type) for e in doc.entities for m in e.mentions]
    assert by_type.count(("برشلونة", "ORG")) == 1
    assert ("مرسيليا", "ORG") in by_type
    assert ("برشلونة", "GPE") in by_type  # a city is feminine: «برشلونة الإسبانية»


def test_an_organization_of_a_state_links_only_when_its_complement_is_the_state(ex: EntityExtractor) -> None:
    doc = run(ex, "وتشير بيانات إدارة معلومات الطاقة الأمريكية إلى تراجع الإنتاج، فيما رحبت الإدارة الأمريكية.")
    links = {m.text: e.kb_id for e in doc.entities for m in e.mentions}
    assert links["إدارة معلومات الطاقة الأمريكية"] is None
    assert links["الإدارة الأمريكية"] == "us-government"


# -- nationality adjectives as actors (for the events stage) ------------------------------------------
def test_adjective_countries_give_the_state_the_adjective_names(kb: KnowledgeBase, ex: EntityExtractor) -> None:
    from marsad.extract.entities import adjective_countries

    doc = run(ex, "ندد البيان بالعدوان الأمريكي على المدينة، وقالت الإدارة الأمريكية إن الجنود الفرنسيين انسحبوا.")
    found = adjective_countries(doc, kb)
    assert [(a.text, a.kb_id, a.country) for a in found] == [
        ("الأمريكي", "united-states", "US"),
        ("الأمريكية", "united-states", "US"),
        ("الفرنسيين", "france", "FR"),
    ]
    aggression, administration, soldiers = found
    assert doc.text[aggression.noun[0] : aggression.noun[1]] == "بالعدوان"  # type: ignore[index]
    assert aggression.within is None and aggression.entity is None  # the text never names the state
    gov = next(e for e in doc.entities if e.kb_id == "us-government")
    assert administration.within == gov.id  # inside «الإدارة الأمريكية»
    assert soldiers.cameo == "FRA"
    # adjectives are never GPE mentions
    assert not any(e.type == "GPE" for e in doc.entities)


def test_adjective_countries_point_at_the_states_entity_when_it_is_named(kb: KnowledgeBase, ex: EntityExtractor) -> None:
    from marsad.extract.entities import adjective_countries

    doc = run(ex, "أعلنت فرنسا أن الطائرات الفرنسية قصفت مواقع، ووصفت المعارضة القصف الفرنسي بالتصعيد.")
    france = next(e for e in doc.entities if e.kb_id == "france")
    found = adjective_countries(doc, kb)
    assert [a.text for a in found] == ["الفرنسية", "الفرنسي"]
    assert all(a.entity == france.id for a in found)
    assert all(doc.text[a.start : a.end] == a.text for a in found)


def test_a_known_body_with_a_sport_complement_is_another_body(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "au.yaml"
    f.write_text("- {id: au, type: ORG, subtype: international_org, name: الاتحاد الأفريقي, aliases: [الاتحاد الإفريقي]}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    doc = run(ex, "اختار الاتحاد الإفريقي لكرة السلة مدينة المنستير، ورحب الاتحاد الأفريقي بالقرار.")
    links = {m.text: e.kb_id for e in doc.entities for m in e.mentions}
    assert links["الاتحاد الإفريقي لكرة السلة"] is None
    assert links["الاتحاد الأفريقي"] == "au"


def test_a_feminine_relational_adjective_after_a_definite_noun_is_not_an_organization(ex: EntityExtractor) -> None:
    doc = run(ex, "قال المسؤول إن المناورات البحرية الفرنسية السنوية ستبدأ غدا.")
    assert not [e for e in doc.entities if e.type == "ORG"], mention_texts(doc)


def test_facilities_after_their_nouns(ex: EntityExtractor) -> None:
    doc = run(ex, "بعد انفجار مرفأ مرسيليا زار الوفد كنيسة القيامة وسد النهضة، ثم أحدثت البلدية ملعب صغير.")
    found = mention_texts(doc)
    assert ("مرفأ مرسيليا", "FAC") in found
    assert ("كنيسة القيامة", "FAC") in found and ("سد النهضة", "FAC") in found
    assert not any(m.startswith("ملعب") for m, _t in found)


def test_a_coordinated_portfolio_belongs_to_the_role(ex: EntityExtractor) -> None:
    doc = run(ex, "وقعت وزيرة التخطيط والتعاون الدولي الفرنسية ماري دوبوا في باريس اتفاقية جديدة.")
    (p,) = [e for e in doc.entities if e.type == "PERSON"]
    assert p.mentions[0].text == "ماري دوبوا"
    assert p.roles[0].title == "وزيرة التخطيط والتعاون الدولي الفرنسية"


def test_a_name_after_a_role_ends_before_a_preposition_with_the_article(ex: EntityExtractor) -> None:
    doc = run(ex, "وأشاد السفير الفرنسي جان دوران بالتعاون بين البلدين.")
    assert ("جان دوران", "PERSON") in mention_texts(doc)


def test_a_city_name_agreeing_with_a_feminine_noun_is_an_adjective(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "cairo.yaml"
    f.write_text("- {id: cairo, type: GPE, subtype: capital, name: القاهرة, country: EG, population: 9000000}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    doc = run(ex, "رفعت المؤسسة حالة القوة القاهرة عن الحقول، ثم سافر الوفد إلى العاصمة القاهرة.")
    assert [m.text for e in doc.entities for m in e.mentions] == ["القاهرة"]
    assert doc.entities[0].mentions[0].start > doc.text.index("العاصمة")


def test_nationality_adjectives_tell_the_linker_what_the_article_is_about(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "amman.yaml"
    f.write_text(
        "- {id: jordan, type: GPE, subtype: state, name: الأردن, adjectives: [أردني, أردنية], country: JO, prominence: 60}\n"
        "- {id: oman, type: GPE, subtype: state, name: سلطنة عمان, aliases: [عمان], country: OM, prominence: 60}\n"
        "- {id: amman, type: GPE, subtype: capital, name: عمان, country: JO, parent: jordan, prominence: 40}\n",
        encoding="utf-8",
    )
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    doc = run(ex, "وقع الوزير الأردني في عمان اتفاقية جديدة.")
    assert [e.kb_id for e in doc.entities] == ["amman"]
