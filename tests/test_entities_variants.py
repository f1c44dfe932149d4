"""Spelling variants: Maghrebi and Persian letters, compound given names written as one word or
two, foreign names spelled otherwise, and prominent people named by their given name alone.
The knowledge base is written here; the people are real, their roles as the base records them."""

from __future__ import annotations

import pytest

from marsad.extract.entities.stage import EntityExtractor
from marsad.extract.entities.variants import NameVariants
from marsad.kb import KnowledgeBase, build_kb
from tests.entities_kb import run

KB_YAML = """\
- {id: tunisia, type: GPE, subtype: state, name: تونس, adjectives: [تونسي, تونسية], country: TN, cameo: TUN,
   prominence: 80}
- {id: syria, type: GPE, subtype: state, name: سوريا, adjectives: [سوري, سورية], country: SY, cameo: SYR,
   prominence: 80}
- {id: ukraine, type: GPE, subtype: state, name: أوكرانيا, adjectives: [أوكراني, أوكرانية], country: UA,
   prominence: 70}
- {id: qatar, type: GPE, subtype: state, name: قطر, adjectives: [قطري, قطرية], country: QA, prominence: 70}
- {id: gafsa, type: GPE, subtype: city, name: قفصة, country: TN, parent: tunisia, population: 95000}
- {id: gabes, type: GPE, subtype: city, name: قابس, country: TN, parent: tunisia, population: 130000}
- {id: guterres, type: PERSON, name: أنطونيو غوتيريش, aliases: [غوتيريش], country: PT, prominence: 75}
- {id: putin, type: PERSON, name: فلاديمير بوتين, aliases: [بوتين], country: RU, prominence: 90}
- {id: zelensky, type: PERSON, name: فولوديمير زيلينسكي, aliases: [زيلينسكي], country: UA, prominence: 80}
- {id: netanyahu, type: PERSON, name: بنيامين نتنياهو, aliases: [نتنياهو], country: IL, prominence: 85}
- {id: fallon, type: PERSON, name: مايكل فالون, country: GB, prominence: 30}
- {id: bouteflika, type: PERSON, name: عبد العزيز بوتفليقة, aliases: [بوتفليقة], country: DZ, prominence: 70}
- {id: tebboune, type: PERSON, name: عبدالمجيد تبون, aliases: [تبون], country: DZ, prominence: 70}
- {id: qasem-soleimani, type: PERSON, name: قاسم سليماني, country: IR, prominence: 60}
- id: assad
  type: PERSON
  name: بشار الأسد
  country: SY
  prominence: 85
  roles: [{title: الرئيس السوري, org: syria, from: 2000-07-17, to: 2024-12-08}]
- id: tamim
  type: PERSON
  name: تميم بن حمد آل ثاني
  country: QA
  prominence: 80
  roles: [{title: أمير قطر, org: qatar, from: 2013-06-25}]
# two invented bearers of one given name, equally known: the given name alone names neither
- {id: hadi-a, type: PERSON, name: هادي الزين, country: TN, prominence: 60}
- {id: hadi-b, type: PERSON, name: هادي الفارس, country: TN, prominence: 55}
"""


@pytest.fixture(scope="module")
def kb(tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    f = tmp_path_factory.mktemp("kb") / "variants.yaml"
    f.write_text(KB_YAML, encoding="utf-8")
    return build_kb([f], embedded=False, user=False)


@pytest.fixture(scope="module")
def ex(kb: KnowledgeBase) -> EntityExtractor:
    return EntityExtractor(kb, use_model=False)


def _links(ex: EntityExtractor, text: str, published: str | None = None) -> dict[str, str | None]:
    doc = run(ex, text, published)
    return {m.text: e.kb_id for e in doc.entities for m in e.mentions}


# -- letters for /g/, /v/, /p/ --------------------------------------------------------------------
def test_maghrebi_g_letters_read_as_qaf(ex: EntityExtractor) -> None:
    links = _links(ex, "زار الوزير ولاية ڨفصة ثم توجه إلى ڤابس، وعاد وفد من وڨابس أمس.")
    assert links["ڨفصة"] == "gafsa"
    assert links["ڤابس"] == "gabes"
    assert links["ڨابس"] == "gabes"  # «وڨابس»: the proclitic stays outside


def test_v_and_p_letters_read_as_fa_and_ba(ex: EntityExtractor) -> None:
    links = _links(ex, "قال الرئيس الروسي ڤلاديمير پوتين إن بلاده مستعدة للحوار.")
    assert links["ڤلاديمير پوتين"] == "putin"


def test_offsets_of_respelled_words_index_the_original_text(ex: EntityExtractor) -> None:
    doc = run(ex, "وصل الوفد إلى مدينة ڨفصة.")
    (m,) = [m for e in doc.entities for m in e.mentions]
    assert doc.text[m.start : m.end] == "ڨفصة"


def test_spellings_of_a_key(ex: EntityExtractor) -> None:
    assert ex.lex.spellings("ڨفصه")[0] == "قفصه"
    assert "فلاديمير" in ex.lex.spellings("ڤلاديمير")
    assert ex.lex.spellings("قفصه") == ["قفصه"]


# -- compound given names ---------------------------------------------------------------------------
def test_compound_given_names_joined_or_apart(ex: EntityExtractor) -> None:
    links = _links(ex, "استقبل عبدالعزيز بوتفليقة الوفد، ثم التقى عبد المجيد تبون.")
    assert links["عبدالعزيز بوتفليقة"] == "bouteflika"
    assert links["عبد المجيد تبون"] == "tebboune"


# -- foreign names spelled otherwise ------------------------------------------------------------------
def test_foreign_names_of_two_words_match_by_skeleton(ex: EntityExtractor) -> None:
    links = _links(ex, "أكد أنطونيو جوتيريش أن المنظمة تتابع الوضع، وكرر فولوديمير زيلنسكي طلبه.")
    assert links["أنطونيو جوتيريش"] == "guterres"
    assert links["فولوديمير زيلنسكي"] == "zelensky"


def test_one_word_foreign_name_needs_a_person_context_or_the_document(ex: EntityExtractor) -> None:
    # after a reporting verb
    assert _links(ex, "وقال نتانياهو إن العملية ستستمر.")["نتانياهو"] == "netanyahu"
    # the document is about the person's country
    links = _links(ex, "تواصل الحرب في أوكرانيا، ويطالب زيلنسكي بمزيد من السلاح.")
    assert links["زيلنسكي"] == "zelensky"
    # alone, in a text about something else: not a name
    assert "زيلنسكي" not in _links(ex, "أعلنت تونس عن خطة جديدة، ويبقى زيلنسكي خارج الصورة.")


def test_a_skeleton_does_not_join_two_different_names(ex: EntityExtractor) -> None:
    # «فلين» (Flynn) and «فالون» (Fallon) share a skeleton but differ by two letters
    links = _links(ex, "قال مستشار الأمن القومي مايكل فلين إن الإدارة ستراجع الاتفاق.")
    assert links.get("مايكل فلين") != "fallon"


def test_arabic_names_are_not_matched_by_skeleton(kb: KnowledgeBase, ex: EntityExtractor) -> None:
    nv = NameVariants(kb, ex.lex)
    # «جاسم» and «قاسم» are two Arabic names: Iranian names are indexed, but only in full
    assert nv.multi_word(["جاسم", "سليماني"]) == "qasem-soleimani"  # the foreign surname is exact
    assert nv.single_word("بوتفليقه") is None  # an Algerian: never by skeleton
    assert nv.skeleton("ترامب") == nv.skeleton("ترمب")
    assert nv.skeleton("غوتيريش") == nv.skeleton("جوتيريش") == nv.skeleton("قوتيريش")


# -- given names alone --------------------------------------------------------------------------------
def test_a_given_name_after_a_title_names_its_one_prominent_bearer(ex: EntityExtractor) -> None:
    links = _links(ex, "وقال الرئيس بشار إن الحكومة ستواصل عملها.", "2015-05-01")
    assert links["بشار"] == "assad"
    links = _links(ex, "واستقبل الأمير تميم في الدوحة وفدا رسميا.", "2019-05-01")
    assert links["تميم"] == "tamim"


def test_a_given_name_with_two_known_bearers_stays_unlinked(kb: KnowledgeBase, ex: EntityExtractor) -> None:
    nv = NameVariants(kb, ex.lex)
    assert nv.given_name("هادي") is None
    assert nv.given_name("بشار") == "assad"
    assert nv.given_name("فلاديمير") is None  # foreign leaders are not named by their given name


# -- a known person's family name in another person's name -------------------------------------------
@pytest.fixture(scope="module")
def people(tmp_path_factory: pytest.TempPathFactory) -> EntityExtractor:
    f = tmp_path_factory.mktemp("kb") / "people.yaml"
    f.write_text(
        """\
- {id: libya, type: GPE, subtype: state, name: ليبيا, adjectives: [ليبي, ليبية], country: LY, prominence: 80}
- {id: tunisia, type: GPE, subtype: state, name: تونس, adjectives: [تونسي, تونسية], country: TN, prominence: 80}
- {id: mubarak, type: PERSON, name: حسني مبارك, aliases: [مبارك], country: EG, prominence: 80}
- {id: baccouche, type: PERSON, name: الطيب البكوش, aliases: [البكوش], country: TN, prominence: 40}
- {id: abusahmain, type: PERSON, name: نوري أبو سهمين, aliases: [أبو سهمين], country: LY, prominence: 40}
- {id: jhinaoui, type: PERSON, name: خميس الجهيناوي, aliases: [الجهيناوي], country: TN, prominence: 40}
- {id: tn-finance, type: ORG, name: وزارة المالية التونسية, weak_aliases: [وزارة المالية], country: TN}
- {id: essid, type: PERSON, name: الحبيب الصيد, weak_aliases: [الصيد], country: TN, prominence: 50}
""",
        encoding="utf-8",
    )
    return EntityExtractor(build_kb([f], embedded=False, user=False), use_model=False)


def test_a_family_name_after_another_given_name_is_another_person(people: EntityExtractor) -> None:
    links = _links(people, "قال الرئيس حسني مبارك إن نجله جمال مبارك لن يترشح، وخطف مسلحون الناشط صلاح البكوش.")
    assert links["حسني مبارك"] == "mubarak"
    assert links.get("مبارك") is None  # «جمال مبارك»: not the father
    assert "البكوش" not in links and links.get("صلاح البكوش") is None
    # «باسم» before the name is «in the name of», not a given name
    links = _links(people, "قال حسني مبارك إن الأموال المسجلة باسم مبارك أعيدت.")
    assert list(links.values()).count("mubarak") == 2


def test_a_fuller_name_with_a_middle_name_joins_the_known_person(people: EntityExtractor) -> None:
    doc = run(people, "أجرى الرئيس مكالمة مع رئيس المؤتمر نوري علي أبو سهمين، وأكد أبو سهمين أن الحوار مستمر.")
    (p,) = [e for e in doc.entities if e.type == "PERSON"]
    assert p.kb_id == "abusahmain" and len(p.mentions) == 2


def test_an_arab_family_name_spelled_with_other_vowel_letters(people: EntityExtractor) -> None:
    assert _links(people, "وقال وزير الخارجية خميس الجيهناوي إن الاجتماع مهم.")["خميس الجيهناوي"] == "jhinaoui"


def test_a_weak_ministry_name_links_only_in_its_country(people: EntityExtractor) -> None:
    links = _links(people, "اقتحم مسلحون مقر وزارة المالية في ليبيا أمس.")
    assert "وزارة المالية" in links and links["وزارة المالية"] is None
    links = _links(people, "أعلنت وزارة المالية أن عجز الميزانية في تونس تراجع.")
    assert links["وزارة المالية"] == "tn-finance"


def test_a_weak_family_name_before_an_adjective_is_a_noun(people: EntityExtractor) -> None:
    links = _links(people, "قال رئيس اتحاد الفلاحة والصيد البحري في تونس إن الموسم جيد، وأكد الحبيب الصيد ذلك.")
    assert list(links.values()).count("essid") == 1  # «الصيد البحري» is fishing
