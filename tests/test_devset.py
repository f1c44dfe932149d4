"""The development-set harness: corpus reading, gold text filling, per-type and per-method counts,
time and quote counts, the Wojood reader, and a run of the command over a fake shared folder.

Everything here is written by the test (its own Arabic sentences, its own tiny corpus and
scorer); nothing is read from the real shared folder.
"""

from __future__ import annotations

import gzip
import json
import textwrap
from pathlib import Path
from typing import Any

import pytest

from marsad import devset
from marsad.errors import ConfigError

TEXT_A = "استقبل الرئيس قيس سعيد وزير الخارجية الفرنسي في قصر قرطاج يوم 12 مارس 2017.\nوقال إن تونس ترحب بالتعاون."
TEXT_B = "أعلنت وزارة الصحة بتونس عن حملة جديدة."


def _span(text: str, s: str, n: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(n + 1):
        i = text.index(s, i + 1)
    return i, i + len(s)


def _gold_a() -> dict[str, Any]:
    ks = _span(TEXT_A, "قيس سعيد")
    tn = _span(TEXT_A, "تونس")
    qc = _span(TEXT_A, "قصر قرطاج")
    tm = _span(TEXT_A, "12 مارس 2017")
    qt = _span(TEXT_A, "تونس ترحب بالتعاون")
    return {
        "schema": "marsad.gold/1", "document": "T-politic-1", "corpus": "fake.jsonl.gz",
        "published": "2017-03-12", "category": "politic",
        "entities": {
            "kais-saied": {"type": "PERSON", "name": "قيس سعيد", "name_en": "Kais Saied"},
            "tunisia": {"type": "GPE", "name": "تونس", "name_en": "Tunisia"},
            "carthage-palace": {"type": "FAC", "name": "قصر قرطاج", "name_en": "Carthage Palace"},
        },
        "mentions": [
            {"start": ks[0], "end": ks[1], "entity": "kais-saied", "text": "قيس سعيد"},
            {"start": qc[0], "end": qc[1], "entity": "carthage-palace", "text": "قصر قرطاج"},
            {"start": tn[0], "end": tn[1], "entity": "tunisia", "text": "تونس"},
        ],
        "ignore": [],
        "times": [{"start": tm[0], "end": tm[1], "type": "DATE", "value": "2017-03-12", "required": True}],
        "events": [{"id": "visit", "codes": ["042", "043"], "label": "visit", "sides": [["kais-saied"], []],
                    "date": "2017-03-12", "location": "carthage-palace", "required": True}],
        "quotes": [{"start": qt[0], "end": qt[1], "speaker": "kais-saied", "channel": None,
                    "kind": "indirect", "date": None, "required": True}],
        "indicators": [], "hypotheses": [],
    }


def _gold_b_times_only() -> dict[str, Any]:
    return {"schema": "marsad.gold/1", "document": "T-society-2", "corpus": "fake.jsonl.gz",
            "published": "2017-03-10", "entities": {}, "mentions": [], "times": [], "events": [],
            "quotes": []}


def _pred(mentions: list[tuple[str, str, int, int, str]], **extra: Any) -> dict[str, Any]:
    """Analysis with entities from (id, type, start, end, method)."""
    ents: dict[str, dict[str, Any]] = {}
    for eid, typ, s, e, method in mentions:
        ent = ents.setdefault(eid, {"id": eid, "type": typ, "name": eid, "mentions": []})
        ent["mentions"].append({"start": s, "end": e, "method": method})
    return {"entities": list(ents.values()), **extra}


# ---- corpus, gold loading, text filling -----------------------------------------------------


def _write_corpus(path: Path) -> None:
    recs = [
        {"id": "T-politic-1", "category": "politic", "published": "2017-03-12T10:00:00+01:00", "text": TEXT_A},
        {"id": "T-other-9", "category": "sport", "published": "01/01/2017", "text": "نص آخر."},
        {"id": "T-society-2", "category": "society", "published": "10/03/2017", "text": TEXT_B},
    ]
    with gzip.open(path, "wt", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def test_read_corpus_returns_only_the_wanted_records(tmp_path: Path) -> None:
    _write_corpus(tmp_path / "c.jsonl.gz")
    recs = devset.read_corpus(tmp_path / "c.jsonl.gz", ["T-society-2", "T-politic-1", "missing"])
    assert sorted(recs) == ["T-politic-1", "T-society-2"]
    assert recs["T-society-2"]["text"] == TEXT_B


def test_fill_text_puts_the_article_back_and_reports_bad_offsets() -> None:
    gold = _gold_a()
    assert devset.fill_text(gold, TEXT_A) == []
    assert gold["times"][0]["text"] == "12 مارس 2017"
    assert gold["quotes"][0]["text"] == "تونس ترحب بالتعاون"
    bad = _gold_a()
    bad["mentions"][0]["start"] += 1
    bad["times"][0]["end"] = len(TEXT_A) + 5
    problems = devset.fill_text(bad, TEXT_A)
    assert any("should read 'قيس سعيد'" in p for p in problems)
    assert any("outside the article" in p for p in problems)


def test_load_gold_rejects_unknown_entities_and_schemas(tmp_path: Path) -> None:
    g = _gold_a()
    g["mentions"][0]["entity"] = "nobody"
    p = tmp_path / "g.json"
    p.write_text(json.dumps(g), encoding="utf-8")
    with pytest.raises(ConfigError, match="nobody"):
        devset.load_gold(p)
    g = _gold_a()
    g["schema"] = "other"
    p.write_text(json.dumps(g), encoding="utf-8")
    with pytest.raises(ConfigError, match=r"marsad\.gold/1"):
        devset.load_gold(p)


def test_layers_times_only_and_explicit() -> None:
    assert devset.layers_of(_gold_a()) == devset.LAYERS
    assert devset.layers_of(_gold_b_times_only()) == ("times",)
    g = _gold_a()
    g["layers"] = ["entities", "quotes"]
    assert devset.layers_of(g) == ("entities", "quotes")
    g["layers"] = ["entity"]
    with pytest.raises(ConfigError, match="unknown layer"):
        devset.layers_of(g)


# ---- counting -------------------------------------------------------------------------------


def test_mention_counts_by_type_follow_the_overlap_and_type_rule() -> None:
    gold = _gold_a()
    ks = gold["mentions"][0]
    qc = gold["mentions"][1]
    tn = gold["mentions"][2]
    pred = _pred([
        ("E1", "PERSON", ks["start"], ks["start"] + 3, "rule"),  # partial overlap, right type: right
        ("E2", "GPE", qc["start"] + 4, qc["end"], "kb"),  # inside the FAC, wrong type: not counted
        ("E3", "ORG", tn["start"], tn["end"], "model"),  # wrong type, not nested: wrong
        ("E4", "GPE", 0, 6, "kb"),  # no gold there: wrong
    ])
    c = devset.mention_counts(gold, pred)
    t = devset.by_type(c)
    assert t["PERSON"] == devset.prf(1, 1, 1, 1)
    assert t["FAC"]["gold"] == 1 and t["FAC"]["gold_found"] == 0
    assert t["GPE"]["predicted"] == 1 and t["GPE"]["true_predicted"] == 0 and t["GPE"]["gold_found"] == 0
    assert t["ORG"]["predicted"] == 1 and t["ORG"]["gold"] == 0
    o = devset.overall(c)
    assert (o["true_predicted"], o["predicted"], o["gold_found"], o["gold"]) == (1, 3, 1, 3)
    # the same counts, split by method
    kb = devset.overall(devset.mention_counts(gold, pred, "kb"))
    assert (kb["true_predicted"], kb["predicted"], kb["gold_found"]) == (0, 1, 0)
    rule = devset.overall(devset.mention_counts(gold, pred, "rule"))
    assert (rule["true_predicted"], rule["predicted"], rule["gold_found"]) == (1, 1, 1)


def test_ignore_spans_are_not_counted() -> None:
    gold = _gold_a()
    gold["ignore"] = [{"start": 0, "end": 6, "why": "optional"}]
    pred = _pred([("E4", "GPE", 0, 6, "kb")])
    assert devset.overall(devset.mention_counts(gold, pred))["predicted"] == 0


def test_time_and_quote_counts() -> None:
    gold = _gold_a()
    tm = gold["times"][0]
    qt = gold["quotes"][0]
    pred = {"times": [{"start": tm["start"], "end": tm["start"] + 2, "value": "2017-03-13"},
                      {"start": 0, "end": 3, "value": "PRESENT_REF"}],
            "quotes": [{"start": qt["start"] - 3, "end": qt["start"] + 1}, {"start": 0, "end": 2}]}
    c = devset.time_counts(gold, pred)
    assert (c["span_found"], c["span_gold"], c["span_tp"], c["span_pred"]) == (1, 1, 1, 2)
    assert devset.quote_counts(gold, pred)["q_pred_tp"] == 1


# ---- Wojood ---------------------------------------------------------------------------------


def test_wojood_nested_tags_decode_to_spans() -> None:
    tags = [["B-ORG"], ["I-ORG", "B-ORG"], ["I-ORG", "I-ORG", "B-GPE"], ["O"], ["B-PERS"], ["I-PERS"]]
    assert devset.wojood_spans(tags) == [(0, 3, "ORG"), (1, 3, "ORG"), (2, 3, "GPE"), (4, 6, "PERS")]
    # an inner span ends while the outer one goes on
    tags = [["B-ORG"], ["I-ORG", "B-GPE"], ["I-ORG"], ["O"]]
    assert devset.wojood_spans(tags) == [(0, 3, "ORG"), (1, 2, "GPE")]


def test_wojood_gold_maps_types_and_offsets(tmp_path: Path) -> None:
    p = tmp_path / "test.txt"
    p.write_text(textwrap.dedent("""\
        زار O
        وزير B-OCC
        الصحة I-OCC
        محمد B-PERS
        علي I-PERS
        بلدية B-ORG
        مدينة I-ORG B-GPE
        صفاقس I-ORG I-GPE
        أمس B-DATE

        وصل O
        الوفد O
        إلى O
        نابل B-GPE
        . O
        """), encoding="utf-8")
    texts, golds = devset.wojood_gold(p)
    assert texts == ["زار وزير الصحة محمد علي بلدية مدينة صفاقس أمس", "وصل الوفد إلى نابل ."]
    got = [(m["text"], golds[0]["entities"][m["entity"]]["type"]) for m in golds[0]["mentions"]]
    assert got == [("محمد علي", "PERSON"), ("بلدية مدينة صفاقس", "ORG"), ("مدينة صفاقس", "GPE")]
    for g, t in zip(golds, texts, strict=True):
        assert all(t[m["start"]:m["end"]] == m["text"] for m in g["mentions"])
    _, outer = devset.wojood_gold(p, outer_only=True)
    assert [m["text"] for m in outer[0]["mentions"]] == ["محمد علي", "بلدية مدينة صفاقس"]
    assert [m["text"] for m in outer[1]["mentions"]] == ["نابل"]


# ---- the whole command over a fake shared folder ----------------------------------------------

FAKE_SCORER = '''
def score(gold, pred):
    """A stand-in with the shared scorer's keys: counts gold, finds nothing."""
    return {
        "mentions": {"precision": 0.0, "recall": 0.0, "f1": 0.0, "gold": len(gold["mentions"]),
                     "predicted": 0, "true_predicted": 0, "gold_found": 0,
                     "missed": [m["text"] + "@" + str(m["start"]) for m in gold["mentions"]], "spurious": []},
        "entities": {"found": 0, "gold": len(gold["entities"]), "recall": 0.0, "missing": [], "grouping": 0.0},
        "times": {"accuracy": 0.0, "correct": 0, "required": len(gold["times"]), "spurious": [],
                  "wrong": [t["text"] for t in gold["times"]]},
        "events": {"recall_strict": 0.0, "recall_actors_and_type": 0.0, "precision_actors_and_type": 0.0,
                   "predicted": 0, "required": len(gold["events"]), "strict_found": 0, "loose_found": 0,
                   "true_predicted": 0, "missed_strict": []},
        "quotes": {"found": 0.0, "speaker_correct": 0.0, "required": len(gold["quotes"]), "predicted": 0,
                   "missed": [], "found_count": 0, "speaker_count": 0},
        "indicators": {"recall": 0.0, "gold": 0, "predicted": 0},
        "hypotheses": {"recall": 0.0, "gold": 0, "predicted": 0},
    }
'''


@pytest.fixture
def shared(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "shared"
    (root / "corpus").mkdir(parents=True)
    (root / "tools").mkdir()
    _write_corpus(root / "corpus" / "fake.jsonl.gz")
    (root / "tools" / "score_analysis.py").write_text(FAKE_SCORER, encoding="utf-8")
    monkeypatch.setenv("MARSAD_SHARED", str(root))
    return root


def _gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "T-politic-1.json").write_text(json.dumps(_gold_a(), ensure_ascii=False), encoding="utf-8")
    (folder / "T-society-2.json").write_text(json.dumps(_gold_b_times_only()), encoding="utf-8")
    return folder


def test_command_scores_a_folder_and_prints_json(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _gold_folder(tmp_path)
    assert devset.main([str(folder), "--json", "--per-file", "--stages", "text,language"]) == 0
    out = json.loads(capsys.readouterr().out)
    dev = out["dev"]
    assert dev["files"] == 2
    assert dev["entities"]["files"] == 1 and dev["times"]["files"] == 2
    assert dev["entities"]["mentions"]["gold"] == 3
    assert dev["mentions_by_type"]["PERSON"]["gold"] == 1
    assert dev["times"]["required"] == 1
    assert dev["events"]["required"] == 1 and dev["quotes"]["required"] == 1
    assert dev["by_category"]["politic"]["files"] == 1
    files = {f["file"]: f for f in out["files"]}
    assert files["T-politic-1.json"]["problems"] == []
    assert files["T-society-2.json"]["layers"] == ["times"]


def test_command_text_report_and_only(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _gold_folder(tmp_path)
    assert devset.main([str(folder), "--only", "times", "--per-file", "--stages", "text,language"]) == 0
    out = capsys.readouterr().out
    assert "value accuracy 0.000 (0/1)" in out
    assert "mentions" not in out
    assert "12 مارس 2017" in out  # the gold text was filled back from the corpus


def test_command_reports_a_bad_gold_file(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "gold"
    folder.mkdir()
    g = _gold_a()
    g["document"] = "not-in-corpus"
    (folder / "x.json").write_text(json.dumps(g), encoding="utf-8")
    assert devset.main([str(folder), "--stages", "text,language"]) == 4
    assert "not-in-corpus" in capsys.readouterr().err


def test_command_skips_without_the_shared_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MARSAD_SHARED", str(tmp_path / "absent"))
    assert devset.main([]) == 0
    assert "skipped" in capsys.readouterr().out


def test_wojood_through_the_command(shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "w.txt"
    p.write_text("زار O\nمحمد B-PERS\nعلي I-PERS\nتونس B-GPE\n", encoding="utf-8")
    assert devset.main(["--no-dev", "--wojood", str(p), "--json", "--stages", "text,language"]) == 0
    w = json.loads(capsys.readouterr().out)["wojood"]
    assert w["entities"]["mentions"]["gold"] == 2
    assert set(w["mentions_by_type"]) == {"PERSON", "GPE"}


def test_evaluate_gold_with_a_fixed_prediction_splits_methods() -> None:
    gold = _gold_a()
    ks, tn = gold["mentions"][0], gold["mentions"][2]
    pred = _pred([("E1", "PERSON", ks["start"], ks["end"], "kb"), ("E2", "GPE", tn["start"], tn["end"], "coref")])

    def fake_score(g: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
        ns: dict[str, Any] = {}
        exec(FAKE_SCORER, ns)
        out: dict[str, Any] = ns["score"](g, p)
        return out

    r = devset.evaluate_gold(gold, TEXT_A, "2017-03-12", lambda _t, _p: pred, fake_score)
    assert devset.overall(r.methods["kb"])["true_predicted"] == 1
    assert devset.overall(r.methods["coref"])["gold_found"] == 1
    assert devset.overall(r.methods["model"])["predicted"] == 0
    t = devset.totals([r])
    assert t["by_method"]["kb"]["by_type"]["PERSON"]["recall"] == 1.0


def test_oracle_prediction_matches_every_gold_mention() -> None:
    gold = _gold_a()
    pred = devset.gold_as_prediction(gold)
    o = devset.overall(devset.mention_counts(gold, pred))
    assert o["precision"] == o["recall"] == 1.0
    assert [t["value"] for t in pred["times"]] == ["2017-03-12"]
    ids = {e["name"]: e["id"] for e in pred["entities"]}
    assert pred["quotes"][0]["speaker"] == ids["قيس سعيد"]
    assert pred["events"][0]["code"] == "042" and pred["events"][0]["location"] == ids["قصر قرطاج"]


def test_an_article_whose_analysis_raises_is_reported_and_scored_empty(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _gold_folder(tmp_path)

    def broken(_stages: Any = None) -> devset.Analyzer:
        def run(text: str, _published: str | None) -> dict[str, Any]:
            if "قيس" in text:
                raise IndexError("list index out of range")
            return {"entities": [], "times": [], "events": [], "quotes": []}

        return run

    monkeypatch.setattr(devset, "marsad_analyzer", broken)
    assert devset.main([str(folder), "--per-file"]) == 1
    out = capsys.readouterr()
    assert "analysis failed: IndexError" in out.out
    assert "T-politic-1.json" in out.err
