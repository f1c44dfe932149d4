"""The embedded knowledge base's actors: people with their roles and dates, Libya in depth, the
region's ministries, armed forces, parties and armed groups (people/, orgs/, libya.yaml)."""

from __future__ import annotations

import unicodedata
from collections import Counter
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from marsad.kb import KnowledgeBase, alias_key, embedded_dir, load_kb
from marsad.kb.loader import kb_files, read_file
from marsad.kb.model import KBEntry

DATA = embedded_dir()
ACTOR_FILES = sorted([*(DATA / "people").glob("*.yaml"), *(DATA / "orgs").glob("*.yaml"), DATA / "libya.yaml"])
#: CAMEO prefixes an actor may carry besides its country's code
NON_STATE_CAMEO = ("IGO", "IMG", "NGO")


def _entries(path: Path) -> list[KBEntry]:
    return list(read_file(path))


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="module")
def actors() -> list[KBEntry]:
    return [e for f in ACTOR_FILES for e in _entries(f)]


def _ids(kb: KnowledgeBase, name: str) -> list[str]:
    return [e.id for e in kb.lookup(name)]


# -- the files ---------------------------------------------------------------------------------
def test_the_actor_files_are_there_and_big_enough(actors: list[KBEntry]) -> None:
    people = [e for e in actors if e.type == "PERSON"]
    orgs = [e for e in actors if e.type == "ORG"]
    assert len(people) >= 300, len(people)
    assert len(orgs) >= 300, len(orgs)
    countries = Counter(e.country for e in people)
    for iso in ("LY", "TN", "PK", "EG", "DZ", "MA", "SA", "AE", "IQ", "SY", "YE", "SD", "IR", "TR", "IL",
                "US", "GB", "FR", "RU", "CN", "IT", "DE"):
        assert countries[iso] >= 5, f"few people for {iso}: {countries[iso]}"


def test_the_base_loads_with_the_actor_files_and_every_reference_resolves(
    kb: KnowledgeBase, actors: list[KBEntry]
) -> None:
    # build_kb() checks parents, capitals and role organizations; here: the kind of thing referred to
    for e in (kb.entries[a.id] for a in actors):
        if e.parent:
            assert kb.entries[e.parent].type in ("ORG", "GPE"), f"{e.id}: parent {e.parent} is a {kb.entries[e.parent].type}"
        for r in e.roles:
            if r.org:
                assert kb.entries[r.org].type in ("ORG", "GPE"), f"{e.id}: role org {r.org}"


def test_no_actor_id_collides_with_another_file() -> None:
    where: dict[str, list[str]] = {}
    for f in kb_files(DATA):
        for e in read_file(f):
            where.setdefault(e.id, []).append(str(f.relative_to(DATA)))
    mine = {str(f.relative_to(DATA)) for f in ACTOR_FILES}
    clashes = {i: files for i, files in where.items() if len(files) > 1 and mine & set(files)}
    assert not clashes, clashes


def test_every_person_has_a_titled_role_with_ordered_dates(actors: list[KBEntry]) -> None:
    for e in actors:
        if e.type != "PERSON":
            assert e.type == "ORG", f"{e.id}: actors are people and organizations, not {e.type}"
            continue
        assert e.roles, f"{e.id} has no role"
        assert all(r.title.strip() for r in e.roles), f"{e.id} has a role without a title"
        for r in e.roles:
            assert not (r.start and r.end and r.end < r.start), f"{e.id}: {r.title} ends before it starts"
        starts = [r.start for r in e.roles if r.start]
        assert starts == sorted(starts), f"{e.id}: roles are not listed in the order they began"
        assert e.country, f"{e.id} has no country"
        assert e.name_en, f"{e.id} has no English name"


def test_names_and_titles_are_clean_arabic(actors: list[KBEntry]) -> None:
    for e in actors:
        texts = [e.name, *e.aliases, *e.weak_aliases, *(r.title for r in e.roles)]
        for t in texts:
            assert unicodedata.normalize("NFC", t) == t, f"{e.id}: {t!r} is not NFC"
            assert "\u0640" not in t, f"{e.id}: {t!r} has a tatweel"
            assert not any(0xFB50 <= ord(c) <= 0xFDFF or 0xFE70 <= ord(c) <= 0xFEFF for c in t), t
            assert t == t.strip() and "  " not in t, f"{e.id}: {t!r} has stray spaces"
        assert any("\u0600" <= c <= "\u06ff" for c in e.name), f"{e.id}: the name must be Arabic"


def test_cameo_codes_match_the_country(kb: KnowledgeBase, actors: list[KBEntry]) -> None:
    state_cameo = {
        e.country: e.cameo
        for e in kb.entries.values()
        if e.subtype in ("state", "territory") and e.country and e.cameo
    }
    for e in actors:
        if not e.cameo:
            continue
        prefix = e.cameo[:3]
        if prefix in NON_STATE_CAMEO:
            continue
        assert e.country, f"{e.id}: a country CAMEO code needs a country"
        assert prefix == state_cameo[e.country], f"{e.id}: {e.cameo} does not start with {state_cameo[e.country]}"
        assert len(e.cameo) == 6, f"{e.id}: {e.cameo} should be country + role code (PAKMIL)"


# -- lookups -----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("رجب طيب إردوغان", "recep-tayyip-erdogan"),
        ("أردوغان", "recep-tayyip-erdogan"),
        ("ايمانويل ماكرون", "emmanuel-macron"),
        ("فلاديمير بوتن", "vladimir-putin"),
        ("شهباز شريف", "shehbaz-sharif"),
        ("محمد شهباز شريف", "shehbaz-sharif"),
        ("عبدالحميد الدبيبة", "abdul-hamid-dbeibah"),
        ("فايز السراج", "fayez-al-sarraj"),
        ("عبدالرازق الناظوري", "abdulrazek-al-nadoori"),
        ("ستيفاني وليامز", "stephanie-williams"),
        ("هانا تيتيه", "hanna-tetteh"),
        ("الباجي قايد السبسي", "beji-caid-essebsi"),
        ("قيس سعيّد", "kais-saied"),
        ("دونالد ترمب", "donald-trump"),
        ("بنيامين نتانياهو", "benjamin-netanyahu"),
        ("عبد الفتاح السيسي", "abdel-fattah-el-sisi"),
        ("محمد بن سلمان", "mohammed-bin-salman"),
        ("الجيش الباكستاني", "pakistan-army"),
        ("البحرية الباكستانية", "pakistan-navy"),
        ("قوات شرق ليبيا", "lna"),
        ("قوات حفتر", "lna"),
        ("الجيش الوطني الليبي", "lna"),
        ("الحكومة المكلفة من مجلس النواب", "gns"),
        ("المجلس الأعلى للدولة", "libya-hcs"),
        ("بعثة الأمم المتحدة للدعم في ليبيا", "unsmil"),
        ("المؤسسة الوطنية للنفط", "libya-noc"),
        ("مصرف ليبيا المركزي", "cbl"),
        ("جهاز الردع", "rada"),
        ("الحوثيون", "houthis"),
        ("أنصار الله", "houthis"),
        ("قوات الدعم السريع", "rsf"),
        ("داعش", "isis"),
        ("هيئة تحرير الشام", "hts"),
        ("حركة نداء تونس", "nidaa-tounes"),
        ("الاتحاد العام التونسي للشغل", "ugtt"),
        ("الخارجية الأمريكية", "united-states-foreign-ministry"),
        ("الخارجية الأميركية", "united-states-foreign-ministry"),
        ("البنتاغون", "united-states-defence-ministry"),
    ],
)
def test_spelling_variants_find_the_right_actor_first(kb: KnowledgeBase, name: str, expected: str) -> None:
    found = _ids(kb, name)
    assert found and found[0] == expected, f"{name!r} → {found}"


@pytest.mark.parametrize(
    ("short", "first", "also"),
    [
        ("حفتر", "khalifa-haftar", "saddam-haftar"),
        ("القذافي", "muammar-gaddafi", "saif-al-islam-gaddafi"),
        ("الغنوشي", "rached-ghannouchi", "mohamed-ghannouchi"),
        ("السبسي", "beji-caid-essebsi", "hafedh-caid-essebsi"),
        ("شريف", "shehbaz-sharif", "raheel-sharif"),
        ("عون", "joseph-aoun", "michel-aoun"),
    ],
)
def test_short_forms_rank_the_most_prominent_bearer_first(kb: KnowledgeBase, short: str, first: str, also: str) -> None:
    found = _ids(kb, short)
    assert found[0] == first, found
    assert also in found, found


def test_no_name_is_strong_for_one_entry_and_weak_for_another(kb: KnowledgeBase, actors: list[KBEntry]) -> None:
    """Weakness is kept per key: a key weak for one bearer would make every bearer need context, so
    all bearers of a short form carry it the same way (strong, ranked by prominence, or weak)."""
    ids = {e.id for e in actors}
    strong: dict[str, set[str]] = {}
    for e in kb.entries.values():
        for n in e.all_names():
            strong.setdefault(alias_key(n), set()).add(e.id)
    clashes = []
    for e in kb.entries.values():
        for n in e.weak_aliases:
            others = strong.get(alias_key(n), set()) - {e.id}
            if others and (e.id in ids or others & ids):
                clashes.append((n, e.id, sorted(others)))
    assert not clashes, clashes


def test_weak_short_forms_need_context(kb: KnowledgeBase) -> None:
    for word in ("منير", "سعيد", "الشاهد", "الأسد", "عباس"):
        assert alias_key(word) in kb.weak_keys, word


# -- roles over time -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("person", "day", "title_part"),
    [
        ("qamar-javed-bajwa", "2020-01-01", "قائد الجيش الباكستاني"),
        ("asim-munir", "2019-01-01", "المدير العام للاستخبارات"),
        ("asim-munir", "2025-12-17", "قائد الجيش الباكستاني"),
        ("khalifa-haftar", "2016-06-01", "القائد العام"),
        ("saddam-haftar", "2025-12-18", "نائب القائد العام"),
        ("recep-tayyip-erdogan", "2012-01-01", "رئيس الوزراء التركي"),
        ("recep-tayyip-erdogan", "2020-01-01", "الرئيس التركي"),
        ("beji-caid-essebsi", "2017-06-01", "رئيس الجمهورية التونسية"),
        ("donald-trump", "2019-06-01", "الرئيس الأمريكي"),
        ("donald-trump", "2025-06-01", "الرئيس الأمريكي"),
    ],
)
def test_roles_on_a_date(kb: KnowledgeBase, person: str, day: str, title_part: str) -> None:
    e = kb.get(person)
    assert e is not None
    titles = [r.title for r in e.roles_on(date.fromisoformat(day))]
    assert any(title_part in t for t in titles), titles


@pytest.mark.parametrize(
    ("person", "before", "after"),
    [
        ("qamar-javed-bajwa", "2016-06-01", "2023-01-01"),
        ("raheel-sharif", "2013-06-01", "2016-12-31"),
        ("khaled-al-mishri", "2017-01-01", "2023-09-01"),
        ("donald-trump", "2016-12-31", "2021-06-01"),
    ],
)
def test_an_office_is_not_held_before_or_after_its_term(kb: KnowledgeBase, person: str, before: str, after: str) -> None:
    e = kb.get(person)
    assert e is not None
    main = e.roles[0]  # the office the pair of dates brackets (Trump: his first term)
    assert main.holds_on(date.fromisoformat(before)) is False
    assert main.holds_on(date.fromisoformat(after)) is False


def test_one_army_chief_at_a_time(kb: KnowledgeBase) -> None:
    """Every army has at most one commander on any day (terms meet, they do not overlap)."""
    by_org: dict[str, list[tuple[str, date | None, date | None]]] = {}
    for e in kb.entries.values():
        if e.type != "PERSON":
            continue
        for r in e.roles:
            if r.org and r.org.endswith("-army") and r.start and r.title.startswith(("قائد", "رئيس أركان")):
                by_org.setdefault(r.org, []).append((e.id, r.start, r.end))
    assert "pakistan-army" in by_org
    for org, terms in by_org.items():
        terms.sort(key=lambda t: t[1] or date.min)
        for (a, _, a_end), (b, b_start, _) in pairwise(terms):
            assert a_end is not None, f"{org}: {a} has no end but {b} follows"
            assert b_start is not None and a_end <= b_start, f"{org}: {a} and {b} overlap"


def test_metonyms_of_governments_carry_their_period(kb: KnowledgeBase) -> None:
    tripoli = [kb.entries[i] for i in kb.alias_index[alias_key("حكومة طرابلس")]]
    assert {e.id for e in tripoli} >= {"gna", "gnu"}

    def held(day: str) -> set[str]:
        return {e.id for e in tripoli if e.roles_on(date.fromisoformat(day))}

    assert held("2017-05-01") == {"gna"}
    assert held("2025-12-18") == {"gnu"}


