"""The challenge set: tools/challenge.py builds offsets from surfaces and validates them, and
marsad.challenge scores an analysis against the gold, per layer and per pattern tag. Two tiny
texts written here; the committed set itself must be consistent and in sync with its sources."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from marsad import challenge as ch

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "challenge.py"

SOURCE = """\
# two tiny texts
=== t1 | 2024-05-08 | Gulf daily | dateline
الدوحة - قنا
استقبل أمير قطر الشيخ تميم بن حمد اليوم الأربعاء وزير الخارجية التركي هاكان فيدان، وبحث معه للحكومة التركية دعوة للتعاون. وقال فيدان إن أنقرة "تدعم الوساطة".
-- entities
doha | GPE | الدوحة | Doha | الدوحة | famous
qna | ORG | وكالة الأنباء القطرية | Qatar News Agency | قنا | famous outlet
qatar | GPE | قطر | Qatar | قطر | famous in-role
tamim | PERSON | تميم بن حمد | Tamim bin Hamad | تميم بن حمد | famous
fidan | PERSON | هاكان فيدان | Hakan Fidan | هاكان فيدان ; فيدان | famous short-form
tr-gov | ORG | الحكومة التركية | Government of Turkey | الحكومة التركية | famous
ankara | GPE | أنقرة | Ankara | أنقرة | famous
-- times
اليوم الأربعاء | 2024-05-08 | DATE | relative-date weekday
-- events
استقبل | 043 042 040 | tamim/qatar | fidan | doha | 2024-05-08 | asserted | host vso
-- quotes
أنقرة "تدعم الوساطة" | fidan | - | indirect | short-form

=== t2 | 2019-02-10 | Levantine |
لم يلتق الوزير سامي داود نظيره في بيروت، ونفى أن يكون قد زار دمشق سرا.
-- entities
daoud | PERSON | سامي داود | Sami Daoud | سامي داود | invented
beirut | GPE | بيروت | Beirut | بيروت | famous
damascus | GPE | دمشق | Damascus | دمشق | famous
-- ignore
الوزير
-- events
يلتق | 040 | daoud | - | beirut | - | negated | negated source-only
زار | 042 | daoud | damascus | damascus | - | denied | denied reported
"""


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("challenge_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def items(tool: ModuleType, tmp_path: Path) -> list[dict[str, Any]]:
    src = tmp_path / "tiny.txt"
    src.write_text(SOURCE, encoding="utf-8")
    built: list[dict[str, Any]] = tool.build([src])
    return built


def _surfaces(item: dict[str, Any], key: str) -> list[str]:
    return [item["text"][s:e] for s, e in item["gold"]["entities"][key]["mentions"]]


def test_build_places_mentions_with_proclitics_and_the_elided_article(items: list[dict[str, Any]]) -> None:
    t1 = items[0]
    assert _surfaces(t1, "fidan") == ["هاكان فيدان", "فيدان"]
    # «للحكومة التركية» = ل + (ا)لحكومة: the mention starts after the preposition
    (s, e), = t1["gold"]["entities"]["tr-gov"]["mentions"]
    assert t1["text"][s - 1 : e] == "للحكومة التركية"
    assert t1["text"][s:e] == "لحكومة التركية"
    # «قطر» inside the title «أمير قطر» is a mention; nothing inside «تميم بن حمد» is
    assert _surfaces(t1, "qatar") == ["قطر"]
    time = t1["gold"]["times"][0]
    assert t1["text"][slice(*time["span"])] == "اليوم الأربعاء" and time["value"] == "2024-05-08"
    quote = t1["gold"]["quotes"][0]
    assert quote["text"] == 'أنقرة "تدعم الوساطة"' and quote["speaker"] == "fidan"
    ev = t1["gold"]["events"][0]
    assert ev["source"] == "tamim" and ev["source_alt"] == ["qatar"] and ev["location"] == "doha"
    assert items[1]["gold"]["ignore"][0]["text"] == "الوزير"


def test_build_refuses_ambiguous_and_missing_surfaces(tool: ModuleType, tmp_path: Path) -> None:
    src = tmp_path / "bad.txt"
    src.write_text(SOURCE.replace("استقبل | 043", "فيدان | 043"), encoding="utf-8")
    with pytest.raises(tool.ChallengeError, match="add #n"):
        tool.build([src])
    src.write_text(SOURCE.replace("| بيروت | famous", "| بيروتي | famous"), encoding="utf-8")
    with pytest.raises(tool.ChallengeError, match="not found"):
        tool.build([src])


def test_check_accepts_the_built_texts_and_names_each_defect(tool: ModuleType, items: list[dict[str, Any]]) -> None:
    codes = tool.cameo_codes()
    assert tool.check(items) == []
    bad = copy.deepcopy(items[0])
    bad["gold"]["entities"]["doha"]["mentions"][0] = [1, 6]
    bad["gold"]["events"][0]["codes"] = ["999"]
    bad["gold"]["events"][0]["target"] = "nobody"
    bad["gold"]["events"][0]["date"] = "2024-05-09"
    bad["gold"]["times"][0]["value"] = "2024-05-09"  # a Thursday, the text says الأربعاء
    bad["gold"]["quotes"][0]["kind"] = "reported"
    problems = "\n".join(tool.check_item(bad, codes))
    for needle in ("reads", "unknown CAMEO code '999'", "'nobody' is not an entity key",
                   "is a Thursday, not الأربعاء", "kind 'reported'"):
        assert needle in problems, needle
    bad2 = copy.deepcopy(items[1])
    bad2["gold"]["events"][0]["date"] = "2019-02-09"
    assert any("value of no time" in p for p in tool.check_item(bad2, codes))


def test_oracle_scores_one_and_figures_follow_the_prediction(items: list[dict[str, Any]]) -> None:
    results = ch.evaluate(items, None)
    agg = ch.aggregate([o for r in results for o in r.obs])
    assert all(v["value"] == 1.0 for layer in agg.values() for v in layer.values())

    t1, t2 = items
    pred = ch.gold_as_prediction(t1)
    ids = {e["name"]: e["id"] for e in pred["entities"]}
    # the host event with the actors swapped still matches (undirected), but not R-dir
    pred["events"][0].update(source=ids["هاكان فيدان"], target=ids["تميم بن حمد"])
    pred["quotes"][0]["speaker"] = ids["تميم بن حمد"]
    at = t1["text"].index("الشيخ")
    pred["entities"].append({"id": "E99", "type": "PERSON", "name": "الشيخ",
                             "mentions": [{"start": at, "end": at + 5, "text": "الشيخ"}]})
    r = ch.score_item(t1, pred)
    agg = ch.aggregate(r.obs)
    assert agg["events"]["recall"]["value"] == 1.0
    assert agg["events"]["recall_directed"]["value"] == 0.0
    assert agg["quotes"]["found"]["value"] == 1.0 and agg["quotes"]["speaker"]["value"] == 0.0
    assert agg["entities"]["mention_precision"]["hits"] == agg["entities"]["mention_precision"]["n"] - 1
    assert any("mention spurious: الشيخ" in f for f in r.failures)

    # t2: the negated meeting found as asserted is found, with the mode wrong; the denied visit is missed
    pred2 = ch.gold_as_prediction(t2)
    pred2["events"][0]["mode"] = "asserted"
    pred2["events"] = pred2["events"][:1]
    r2 = ch.score_item(t2, pred2)
    agg2 = ch.aggregate(r2.obs)
    assert agg2["events"]["recall"]["hits"] == 1 and agg2["events"]["recall"]["n"] == 2
    assert agg2["events"]["mode"]["value"] == 0.0
    by_tag = ch.aggregate(r2.obs, "denied")
    assert by_tag["events"]["recall"]["value"] == 0.0
    assert ch.aggregate(r2.obs, "root:04")["events"]["recall"]["n"] == 2
    assert any(f.startswith("event mode:") for f in r2.failures)
    assert any(f.startswith("event missed:") for f in r2.failures)


def test_code_and_side_matching() -> None:
    assert ch.code_matches("0311", ["03"], "code") and ch.code_matches("036", ["030"], "root")
    assert not ch.code_matches("036", ["030"], "code") and ch.code_matches("0431", ["043"], "code")
    assert ch.sides_match("b", "a", {"a"}, {"b"}, directed=False)
    assert not ch.sides_match("b", "a", {"a"}, {"b"}, directed=True)
    assert ch.sides_match(None, "v", set(), {"v"}, directed=False)  # agentless: the target suffices
    assert not ch.sides_match("x", None, {"a"}, set(), directed=False)


def test_the_committed_set_is_consistent_and_in_sync_with_its_sources(tool: ModuleType) -> None:
    committed = ch.load_items(ch.DEFAULT_FILE)
    assert len(committed) >= 120
    assert tool.check(committed) == []
    rebuilt = tool.build(sorted(tool.SRC_DIR.glob("*.txt")))
    assert rebuilt == committed, "eval/challenge/texts.jsonl is stale: run `python tools/challenge.py build`"
    agg = ch.aggregate([o for r in ch.evaluate(committed, None) for o in r.obs])
    assert all(v["value"] == 1.0 for layer in agg.values() for v in layer.values())
    # every CAMEO root 01-20 is covered by required events, several times
    roots = {f"{i:02d}": 0 for i in range(1, 21)}
    for item in committed:
        for v in item["gold"]["events"]:
            if v["required"]:
                for r in {c[:2] for c in v["codes"]}:
                    roots[r] += 1
    assert min(roots.values()) >= 3, roots
