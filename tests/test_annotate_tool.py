"""tools/annotate.py: clitic-aware matching of surfaces, building a gold file from the compact
annotation, and the validation of gold files. A fake corpus record replaces the shared corpus."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

TOOL = Path(__file__).resolve().parent.parent / "tools" / "annotate.py"

TEXT = (
    "استقبل رئيس الحكومة يوسف الشاهد وفد حركة نداء تونس في تونس يوم الأحد.\n"
    "وقال الشاهد إن الحكومة ماضية في الإصلاح، وأكد للحكومة التونسية دعمه للجنة الوطنية.\n"
    "ووصل وزير تونسي إلى بتونس أمس."
)


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("annotate_tool", TOOL)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def fake_record(tool: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    def record(doc_id: str) -> dict[str, Any]:
        return {"id": doc_id, "category": "politic", "published": "05/03/2017", "text": TEXT}

    monkeypatch.setattr(tool, "record", record)
    monkeypatch.setattr(tool, "cameo_codes", lambda: {"042", "043", "010"})


def _surfaces(tool: ModuleType, s: str) -> list[str]:
    return [TEXT[a:b] for a, b in tool.word_occurrences(TEXT, s)]


def test_word_occurrences_allow_proclitics_and_keep_words_whole(tool: ModuleType) -> None:
    # «تونس» alone and after ب, never inside «تونسي»
    assert _surfaces(tool, "تونس") == ["تونس", "تونس", "تونس"]
    starts = [a for a, _ in tool.word_occurrences(TEXT, "تونس")]
    assert TEXT[starts[2] - 1] == "ب"
    assert _surfaces(tool, "الشاهد") == ["الشاهد", "الشاهد"]


def test_word_occurrences_find_the_elided_article(tool: ModuleType) -> None:
    # «للحكومة» = ل + (ا)لحكومة; «للجنة» = ل + (ال)لجنة
    assert "لحكومة التونسية" in _surfaces(tool, "الحكومة التونسية")
    assert _surfaces(tool, "اللجنة الوطنية") == ["لجنة الوطنية"]


COMPACT = """
id: T-1
[entities]
youssef-chahed | PERSON | يوسف الشاهد | Youssef Chahed
nidaa | ORG | حركة نداء تونس | Nidaa Tounes
tunisia | GPE | تونس | Tunisia
government | ORG | الحكومة التونسية | Government of Tunisia
[mentions]
يوسف الشاهد = youssef-chahed
الشاهد = youssef-chahed
تونس = tunisia
حركة نداء تونس = nidaa
الحكومة التونسية = government
[ignore]
الحكومة * | the government, common noun
[times]
يوم الأحد | 2017-03-05 | DATE | rel | the publication day
أمس | 2017-03-04 | DATE | rel |
[events]
visit | 042 043 | nidaa | youssef-chahed | 2017-03-05 | tunisia | req | The Nidaa delegation meets Chahed
[quotes]
الحكومة ماضية … في الإصلاح | youssef-chahed | - | indirect | 2017-03-05 | req
"""


def test_build_places_longest_mentions_first_and_skips_ignored_overlaps(tool: ModuleType, fake_record: None) -> None:
    gold = tool.build(COMPACT)
    got = [(m["text"], m["entity"]) for m in gold["mentions"]]
    assert ("حركة نداء تونس", "nidaa") in got
    # «تونس» inside the party's name is not a GPE mention; the other two are
    assert [t for t, k in got if k == "tunisia"] == ["تونس", "تونس"]
    assert ("لحكومة التونسية", "government") in got
    # «الحكومة» alone is ignored, but never over the mention «(ل)لحكومة التونسية»
    for ig in gold["ignore"]:
        assert TEXT[ig["start"]:ig["end"]] == "الحكومة"
        assert not any(ig["start"] < m["end"] and m["start"] < ig["end"] for m in gold["mentions"])
    assert len(gold["ignore"]) == 2
    assert gold["published"] == "2017-03-05"
    assert [t["value"] for t in gold["times"]] == ["2017-03-05", "2017-03-04"]
    assert all("text" not in t for t in gold["times"] + gold["quotes"])
    q = gold["quotes"][0]
    assert TEXT[q["start"]:q["end"]] == "الحكومة ماضية في الإصلاح"
    assert gold["events"][0]["sides"] == [["nidaa"], ["youssef-chahed"]]


def test_build_rejects_unknown_keys_codes_and_missing_surfaces(tool: ModuleType, fake_record: None) -> None:
    with pytest.raises(tool.AnnotationError, match="unknown entity key"):
        tool.build(COMPACT.replace("الشاهد = youssef-chahed", "الشاهد = chahed"))
    with pytest.raises(tool.AnnotationError, match="not a CAMEO code"):
        tool.build(COMPACT.replace("| 042 043 |", "| 042 999 |"))
    with pytest.raises(tool.AnnotationError, match="not found"):
        tool.build(COMPACT.replace("أمس | 2017-03-04", "البارحة | 2017-03-04"))
    with pytest.raises(tool.AnnotationError, match="has no mention"):
        tool.build(COMPACT.replace("[mentions]", "[mentions]\n").replace("تونس = tunisia\n", ""))


def test_validate_flags_text_overlaps_and_bad_values(tool: ModuleType, fake_record: None) -> None:
    gold = tool.build(COMPACT)
    bad = dict(gold, times=[dict(gold["times"][0], text="يوم الأحد", value="next sunday")])
    problems = tool.validate(bad, TEXT, {"042", "043"})
    assert any("carries article text" in p for p in problems)
    assert any("not a TIMEX3 value" in p for p in problems)
    m = gold["mentions"][0]
    bad = dict(gold, ignore=[{"start": m["start"], "end": m["end"], "why": "x"}])
    assert any("overlaps the mention" in p for p in tool.validate(bad, TEXT, {"042", "043"}))
    bad = dict(gold, mentions=[*gold["mentions"], dict(m, start=m["start"] + 1)])
    problems = tool.validate(bad, TEXT, {"042", "043"})
    assert any("overlap with the same type" in p for p in problems)
    assert any("should" in p or "but the article has" in p for p in problems)
