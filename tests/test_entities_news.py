"""Names in the conventions of news writing: datelines, unknown people after titles,
organizations and facilities named by their head nouns (sentences written for these tests)."""

from __future__ import annotations

import pytest

from marsad.doc import Entity
from marsad.extract.entities.stage import EntityExtractor
from marsad.kb import KnowledgeBase, build_kb
from tests.entities_kb import mention_texts, run

KB_YAML = """\
- {id: lebanon, type: GPE, subtype: state, name: لبنان, adjectives: [لبناني, لبنانية], country: LB, prominence: 60}
- {id: beirut, type: GPE, subtype: capital, name: بيروت, country: LB, parent: lebanon, prominence: 60}
- {id: sanaa, type: GPE, subtype: capital, name: صنعاء, country: YE, prominence: 50}
- {id: doha, type: GPE, subtype: capital, name: الدوحة, country: QA, prominence: 50}
- {id: gulf, type: LOC, subtype: sea, name: الخليج العربي, aliases: [الخليج], prominence: 50}
- {id: saba, type: ORG, subtype: news_agency, name: وكالة سبأ, weak_aliases: [سبأ], country: YE}
- {id: qna, type: ORG, subtype: news_agency, name: وكالة الأنباء القطرية, weak_aliases: [قنا], country: QA}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    f = tmp_path_factory.mktemp("kb") / "news.yaml"
    f.write_text(KB_YAML, encoding="utf-8")
    return build_kb([f], embedded=False, user=False)


@pytest.fixture(scope="module")
def ex(kb: KnowledgeBase) -> EntityExtractor:
    return EntityExtractor(kb, use_model=False)


def _linked(ex: EntityExtractor, text: str) -> dict[str, str | None]:
    doc = run(ex, text)
    return {m.text: e.kb_id for e in doc.entities for m in e.mentions}


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ('بيروت - "المستقبل"\nأعلنت الحكومة خطة جديدة للكهرباء.', "المستقبل"),  # quoted
        ('بيروت - "الخليج"\nتراجعت أسعار الوقود هذا الأسبوع.', "الخليج"),  # a place's name is the outlet here
        ('بيروت - "اللبنانية"\nتراجعت أسعار الوقود هذا الأسبوع.', "اللبنانية"),  # a quoted adjective
        ("صنعاء - ن ت م\nوصل وفد حكومي إلى المدينة.", "ن ت م"),  # letters of an abbreviation
    ],
)
def test_the_outlet_of_a_dateline_is_an_organization(ex: EntityExtractor, text: str, outlet: str) -> None:
    assert (outlet, "ORG") in mention_texts(run(ex, text))


def test_a_weak_outlet_name_links_in_a_dateline(ex: EntityExtractor) -> None:
    assert _linked(ex, "صنعاء - سبأ\nوصل وفد حكومي إلى المدينة أمس.")["سبأ"] == "saba"
    assert _linked(ex, "الدوحة في 3 مايو /قنا/ التقى الوزير نظيره أمس.")["قنا"] == "qna"


@pytest.mark.parametrize(
    "text",
    [
        "بيروت - أعلنت الحكومة خطة جديدة للكهرباء.",  # no outlet: the story starts
        "وصل الوفد إلى بيروت - \"الخليج\" كما ذكرنا.",  # not at the start of a line
        "تحدث عن مياه الخليج الدافئة.",
    ],
)
def test_no_dateline_no_outlet(ex: EntityExtractor, text: str) -> None:
    assert all(t != "ORG" for _m, t in mention_texts(run(ex, text)))


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وأعلنت المديرة التنفيذية للصندوق ميسون الحربي أن المنحة تأخرت.", "ميسون الحربي"),
        ("قال رئيس البعثة الأممية جاريد سولومون إن المحادثات ستستأنف.", "جاريد سولومون"),
        ("والتقى الوزير نظيره حمدان السويدي في العاصمة.", "حمدان السويدي"),
    ],
)
def test_a_given_name_opens_an_unknown_person_after_a_title(ex: EntityExtractor, text: str, person: str) -> None:
    assert (person, "PERSON") in mention_texts(run(ex, text))


def test_a_name_that_is_a_common_word_needs_more_than_a_definite_word_after_it(ex: EntityExtractor) -> None:
    # «أمين» (a name and "secretary") before a definite noun: «أمين الصندوق» is a role
    assert all(t != "PERSON" for _m, t in mention_texts(run(ex, "وحضر الاجتماع أمين الصندوق والأعضاء.")))


@pytest.mark.parametrize(
    ("text", "org"),
    [
        ("وأحالت النيابة العامة المتهمين إلى محكمة الجنايات.", "النيابة العامة"),
        ("وقضى المجلس الدستوري ببطلان القانون الانتخابي.", "المجلس الدستوري"),
        ("وصدر بيان عن الديوان الملكي مساء الخميس.", "الديوان الملكي"),
        ("وقال المتحدث باسم مجلس الوزراء إن الاجتماع تأجل.", "مجلس الوزراء"),
        ("ونفذت القوات الجوية غارات على مواقع المسلحين.", "القوات الجوية"),
    ],
)
def test_a_states_unique_body_is_named_by_its_head_and_adjective(ex: EntityExtractor, text: str, org: str) -> None:
    assert (org, "ORG") in mention_texts(run(ex, text))


def test_a_descriptive_adjective_after_forces_is_not_a_name(ex: EntityExtractor) -> None:
    assert all(t != "ORG" for _m, t in mention_texts(run(ex, "وانتشرت القوات الأمنية في الشوارع.")))


@pytest.mark.parametrize(
    ("text", "fac"),
    [
        ("وتجمع المحتجون أمام القصر الجمهوري مطالبين بالإصلاح.", "القصر الجمهوري"),  # the state's one palace
        ("وعبرت الشاحنات جسر الملك حمد بعد ظهر أمس.", "جسر الملك حمد"),  # named after a ranked person
        ("ونقل المصابون إلى مستشفى بيروت الحكومي لتلقي العلاج.", "مستشفى بيروت الحكومي"),  # a hospital is a facility
        ("واختتمت الندوة في قصر الثقافة بالعاصمة مساء أمس.", "قصر الثقافة"),  # the seat's city is not in the name
    ],
)
def test_facilities_named_by_their_noun(ex: EntityExtractor, text: str, fac: str) -> None:
    assert (fac, "FAC") in mention_texts(run(ex, text))


def test_a_place_noun_before_another_is_not_named_by_it(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "وعمل طبيبا في مستشفى مدينة صغيرة بالشمال."))
    assert all(t != "FAC" for _m, t in found)


def test_governorates_of_arab_states_are_in_the_knowledge_base() -> None:
    from marsad.kb import alias_key, load_kb

    kb = load_kb()
    for name, country in (("شبوة", "YE"), ("ذي قار", "IQ"), ("شمال دارفور", "SD"), ("الدقهلية", "EG"), ("عكار", "LB")):
        ids = kb.alias_index.get(alias_key(name), ())
        assert ids, name
        entry = kb.entries[ids[0]]
        assert (entry.type, entry.subtype, entry.country) == ("GPE", "province", country)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("وقدم استقالته إلى رئيس المجلس الأعلى الطيب بوعزة، بعد أسابيع من الاحتجاج.", "الطيب بوعزة"),
        ("والتقى الوزير بنظيره المالي علي الساحلي، اليوم الأربعاء.", "علي الساحلي"),
    ],
)
def test_a_common_given_name_after_a_title_with_a_clear_end_is_a_person(
    ex: EntityExtractor, text: str, person: str
) -> None:
    assert (person, "PERSON") in mention_texts(run(ex, text))


def test_a_given_name_is_not_a_foreign_town_before_a_family_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "town.yaml"
    f.write_text(KB_YAML + "- {id: imus, type: GPE, subtype: city, name: آموس, country: PH, population: 480000}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    found = mention_texts(run(ex, "واستقبل الرئيس المبعوث الأمريكي آموس كارتر، وبحثا الوضع."))
    assert ("آموس كارتر", "PERSON") in found


@pytest.mark.parametrize(
    "text",
    [
        "ونفى المتحدث أن تكون قوات لبنانية قد عبرت الحدود.",  # an indefinite head and its nationality
        "وقضت محكمة لبنانية بسجن المتهم عامين.",
        "وأعلنت الشركة بناء مجمع للبتروكيماويات قرب الميناء.",  # an indefinite head and its purpose
    ],
)
def test_an_indefinite_head_with_a_description_is_not_an_organization(ex: EntityExtractor, text: str) -> None:
    assert all(t != "ORG" for _m, t in mention_texts(run(ex, text)))


def test_an_indefinite_head_and_adjective_continued_by_a_name_is_one(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "وسيطرت قوات لبنانية الديمقراطية على البلدة."))
    assert any(m.startswith("قوات لبنانية") and t == "ORG" for m, t in found)


@pytest.mark.parametrize(
    "text",
    [
        "وأكد الملك رفض بلاده أي محاولة للتهجير.",  # a verbal noun after a rank is not a name
        "وأعلنت الحكومة حالة الطوارئ في العاصمة لمدة أسبوعين.",  # a time word after «العاصمة»
    ],
)
def test_narrative_words_are_not_names(ex: EntityExtractor, text: str) -> None:
    found = mention_texts(run(ex, text))
    assert all(t not in ("PERSON", "GPE") for _m, t in found)


def test_an_outlets_own_short_name_in_parentheses_keeps_the_full_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "agency.yaml"
    f.write_text("- {id: ina, type: ORG, subtype: news_agency, name: وكالة الأنباء العراقية, weak_aliases: [واع]}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    found = mention_texts(run(ex, "وقال في تصريح لوكالة الأنباء العراقية (واع) إن الاجتماع انتهى."))
    assert ("وكالة الأنباء العراقية", "ORG") in found


@pytest.mark.parametrize(
    ("text", "fac"),
    [
        ("وأعيد فتح منفذ القائم الحدودي أمام الشاحنات.", "منفذ القائم الحدودي"),
        ("وعبرت القافلة منفذ طريبيل البري صباح اليوم.", "منفذ طريبيل البري"),
    ],
)
def test_a_border_crossing_is_confirmed_by_its_adjective(ex: EntityExtractor, text: str, fac: str) -> None:
    assert (fac, "FAC") in mention_texts(run(ex, text))


def test_the_perpetrator_is_not_a_crossing(ex: EntityExtractor) -> None:
    assert all(t != "FAC" for _m, t in mention_texts(run(ex, "وفر منفذ الهجوم إلى جهة مجهولة.")))


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("وقتل رجل أمام منزله في حي زيونة شرقي المدينة.", "زيونة"),  # a feminine word after a masculine noun
        ("وانهار مبنى سكني في حي الجمرك مساء أمس.", "الجمرك"),  # a named quarter is a populated place
    ],
)
def test_a_named_quarter_after_its_noun_is_a_gpe(ex: EntityExtractor, text: str, place: str) -> None:
    assert (place, "GPE") in mention_texts(run(ex, text))


def test_a_persons_one_word_name_after_a_place_noun_is_the_place(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "person.yaml"
    f.write_text("- {id: someone, type: PERSON, name: سامي الخطيب, aliases: [الخطيب], prominence: 30}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    assert ("الخطيب", "GPE") in mention_texts(run(ex, "واندلعت اشتباكات في منطقة الخطيب أمس."))


def test_a_suffixed_word_after_a_facility_noun_is_not_its_name(ex: EntityExtractor) -> None:
    assert all(t != "FAC" for _m, t in mention_texts(run(ex, "وقضى مدة في سجن لمحاولته الفرار.")))


def test_a_quoted_name_after_a_facility_noun_is_the_facility(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, 'وتطبق الإجراءات نفسها المعمول بها في مطار "سخيبول" بهولندا.'))
    assert ("سخيبول", "FAC") in found


def test_a_name_after_an_organization_closed_by_its_nationality_is_another_name(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "واقتحمت الشرطة اللبنانية بيروت فجر اليوم."))
    assert ("الشرطة اللبنانية", "ORG") in found and ("بيروت", "GPE") in found


def test_the_datelines_outlet_quoted_again_is_the_outlet(ex: EntityExtractor) -> None:
    text = 'بيروت - "الخليج"\nقالت مصادر مطلعة لـ"الخليج" إن المفاوضات تعثرت، فيما هدأت مياه الخليج.'
    found = mention_texts(run(ex, text))
    assert found.count(("الخليج", "ORG")) == 2


def test_a_given_name_alone_is_the_one_person_named_by_it_before(ex: EntityExtractor) -> None:
    text = "معنا من بيروت المحلل السياسي جوني الحداد. أستاذ جوني، هل تتوقع تشكيل الحكومة قريبا؟"
    doc = run(ex, text)
    people = [e for e in doc.entities if e.type == "PERSON"]
    assert len(people) == 1 and [m.text for m in people[0].mentions] == ["جوني الحداد", "جوني"]


def test_a_given_name_alone_in_the_text_joins_its_bearer(ex: EntityExtractor) -> None:
    text = "التقى الوزير ميسون الحربي أمس. وقال الوزير لـميسون إن الملف مطروح، ثم ودع ميسون، وغادر."
    people = [e for e in run(ex, text).entities if e.type == "PERSON"]
    assert len(people) == 1 and [m.text for m in people[0].mentions][-1] == "ميسون"


def test_a_given_name_two_people_share_stays_alone(ex: EntityExtractor) -> None:
    text = "والتقى جوني الحداد وجوني سلامة أمس. وقال جوني، إن اللقاء كان مثمرا."
    doc = run(ex, text)
    assert all(len(e.mentions) == 1 for e in doc.entities)  # the lone «جوني» joins neither


def test_a_family_name_before_a_coordinated_one_is_the_person(ex: EntityExtractor) -> None:
    text = "اختطف الصحفيان سفيان الهمامي ونذير الكعبي منذ سنتين. وأكد أن ملف الهمامي والكعبي مطروح."
    found = [m.text for e in doc_entities(ex, text) for m in e.mentions]
    assert found.count("الهمامي") == 1 and found.count("الكعبي") == 1


def test_a_feminine_participle_after_a_name_describes_the_person(ex: EntityExtractor) -> None:
    assert ("ميسون الحربي", "PERSON") in mention_texts(run(ex, "أفرج عن الصحفية ميسون الحربي المختطفة منذ عام."))


def doc_entities(ex: EntityExtractor, text: str) -> list[Entity]:
    return run(ex, text).entities


def test_managing_a_place_is_not_an_agency(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "ونص الاتفاق على تسلم الحكومة إدارة بيروت بالكامل."))
    assert ("بيروت", "GPE") in found and all(t != "ORG" for _m, t in found)


def test_an_organizations_seat_after_a_place_noun_belongs_to_it(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "وأعلن المجلس المحلي لمدينة بيروت خطة جديدة للنقل."))
    assert ("المجلس المحلي لمدينة بيروت", "ORG") in found


def test_a_quoted_word_after_an_organization_is_its_short_name(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "ecowas.yaml"
    f.write_text("- {id: ecowas, type: ORG, subtype: igo, name: المجموعة الاقتصادية لدول غرب إفريقيا}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    doc = run(ex, 'وشارك في اجتماع المجموعة الاقتصادية لدول غرب إفريقيا "الإيكوواس" عدد من القادة.')
    orgs = [e for e in doc.entities if e.type == "ORG"]
    assert len(orgs) == 1 and [m.text for m in orgs[0].mentions][-1] == "الإيكوواس"


def test_quoted_words_after_an_organization_are_what_it_said(ex: EntityExtractor) -> None:
    doc = run(ex, 'واستنكرت الجامعة العربية "العمل الجبان" في بيان.')
    assert all(m.text != "العمل الجبان" for e in doc.entities for m in e.mentions)


def test_gulfs_and_the_green_zone_in_the_knowledge_base() -> None:
    from marsad.kb import alias_key, load_kb

    kb = load_kb()
    suez = kb.entries[kb.alias_index[alias_key("خليج السويس")][0]]
    zone = kb.entries[kb.alias_index[alias_key("المنطقة الخضراء")][0]]
    assert suez.type == "LOC" and zone.type == "GPE"  # a city's district, like a named quarter


def test_an_institution_named_by_its_palace_is_the_building_where_one_meets(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    f = tmp_path_factory.mktemp("kb") / "palace.yaml"
    f.write_text("- {id: presidency-x, type: ORG, subtype: presidency, name: رئاسة الجمهورية, aliases: [قصر الورد]}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    assert ("قصر الورد", "FAC") in mention_texts(run(ex, "وعقد اجتماع طارئ بقصر الورد مساء أمس."))
    assert ("قصر الورد", "ORG") in mention_texts(run(ex, "وأعلن قصر الورد في بيان أن الاجتماع تأجل."))


def test_a_government_named_by_the_person_who_leads_it(tmp_path_factory: pytest.TempPathFactory) -> None:
    f = tmp_path_factory.mktemp("kb") / "pm.yaml"
    f.write_text("- {id: pm-x, type: PERSON, name: سليم الخوري, aliases: [الخوري], prominence: 40}\n", encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    found = mention_texts(run(ex, "واحتج المتظاهرون على قرار حكومة سليم الخوري رفع الأسعار."))
    assert ("حكومة سليم الخوري", "ORG") in found


def test_a_name_after_a_title_ends_before_a_conjoined_clause(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "واستدعت الوزارة السفير اللبناني علي رضا كوراني وسلمته مذكرة احتجاج."))
    assert ("علي رضا كوراني", "PERSON") in found


@pytest.mark.parametrize(
    "text",
    ["وأعلنت حملة مرشح انتخابات الرئاسة اللبنانية أنها تعرضت لاختراق.", "ويلاحق القضاء المرشح للرئاسة اللبنانية منذ أشهر."],
)
def test_the_presidency_after_an_election_word_is_the_office(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    f = tmp_path_factory.mktemp("kb") / "presidency.yaml"
    f.write_text("- {id: baabda, type: ORG, subtype: presidency, name: قصر بعبدا, aliases: [الرئاسة اللبنانية]}\n",
                 encoding="utf-8")
    ex = EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)
    assert mention_texts(run(ex, text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "ووقع الزلزال في منطقة تغطيها الثلوج طوال العام.",  # a verb with a pronoun after the noun
        "وغرق رجل حاول عبور حقل غمرته المياه.",
    ],
)
def test_a_clause_after_a_place_noun_is_not_its_name(ex: EntityExtractor, text: str) -> None:
    assert mention_texts(run(ex, text)) == []


def test_a_body_named_alone_is_not_continued_by_a_title(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "وقال نائب رئيس الدولة رئيس مجلس الوزراء حاكم بيروت إن الخطة جاهزة."))
    assert ("مجلس الوزراء", "ORG") in found


def test_a_definite_hospital_with_its_seat_is_the_institution(ex: EntityExtractor) -> None:
    found = mention_texts(run(ex, "ونقل المصاب إلى المستشفى الجامعي ببيروت، حيث تلقى العلاج."))
    assert ("المستشفى الجامعي ببيروت", "ORG") in found


def test_a_quoted_phrase_after_a_noun_that_also_means_rule_is_not_a_base(ex: EntityExtractor) -> None:
    assert mention_texts(run(ex, 'ويطبق القاضي ما يسمى قاعدة "القانون الأرفق" في هذه الحالات.')) == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("وأمرت نيابة أمن الدولة العليا بحبس المتهمين.", [("نيابة أمن الدولة العليا", "ORG")]),
        ("وألقى الوزير كلمة نيابة عن الرئيس أمس.", []),  # «نيابة عن»: on behalf of
    ],
)
def test_a_prosecution_office_named_by_its_complement(
    ex: EntityExtractor, text: str, found: list[tuple[str, str]]
) -> None:
    assert mention_texts(run(ex, text)) == found


def test_city_districts_in_the_knowledge_base() -> None:
    from marsad.kb import alias_key, load_kb

    kb = load_kb()
    for name, etype in (("الضاحية الجنوبية", "GPE"), ("الكرادة", "GPE"), ("الغوطة الشرقية", "LOC")):
        assert kb.entries[kb.alias_index[alias_key(name)][0]].type == etype, name
