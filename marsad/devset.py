"""Score marsad on our own development sets (``eval/dev/``) and on the Wojood NER test split.

    python -m marsad.devset [FOLDER|FILE …] [--only entities|times|events|quotes] [--json]
                            [--per-file] [--by-method] [--stages text,language,entities,…]
                            [--wojood [PATH]] [--wojood-outer]

Gold files (``marsad.gold/1``, see eval/README.md) point at corpus articles by id and hold no
article text. For each file the harness reads the article's text and publication date from the
corpus (``$MARSAD_SHARED/corpus/…``, else ``../shared`` next to the repository), runs
:func:`marsad.analyze`, fills the gold ``text`` fields from the article (so the scorer's messages
read well), scores it with the shared scorer (``../shared/tools/score_analysis.py``, imported by
path, never copied) and adds the counts up: the totals are micro-averaged over the files.

Per-type and per-method mention figures are computed here with the scorer's own rule: a
predicted mention is right when it overlaps a gold mention of the same type; a predicted mention
that overlaps an ``ignore`` span, or lies strictly inside a longer gold mention without matching
its type, is not counted.

A file annotates the layers named in its ``"layers"`` field; without one, a file whose entities,
mentions, events and quotes are all empty is a times-only file (``eval/dev/times/``), any other
file annotates everything. A layer a file does not annotate is not scored on that file.

When the shared folder is absent the harness says so and exits 0 without scoring ("skipped").
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.doc import ENTITY_TYPES
from marsad.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_FOLDERS = (ROOT / "eval" / "dev" / "articles", ROOT / "eval" / "dev" / "times")
DEFAULT_CORPUS = "ant-jawharafm-2017.jsonl.gz"
WOJOOD_TEST = Path("ner") / "wojood-sample" / "test.txt"
SCORER = Path("tools") / "score_analysis.py"
LAYERS = ("entities", "times", "events", "quotes")
#: the problem recorded for an article whose analysis raised (scored as an empty analysis)
ANALYSIS_FAILED = "analysis failed"
METHODS = ("kb", "rule", "model", "coref")
#: Wojood types we score, and the type each becomes
WOJOOD_TYPES = {"PERS": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}

Analyzer = Callable[[str, str | None], dict[str, Any]]
ScoreFn = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]


def shared_dir() -> Path:
    """The shared data folder: $MARSAD_SHARED, else ``shared`` next to the repository."""
    return Path(os.environ.get("MARSAD_SHARED", ROOT.parent / "shared"))


def load_scorer(shared: Path) -> ScoreFn:
    """``score(gold, pred)`` from the shared scorer, imported by path."""
    path = shared / SCORER
    if not path.is_file():
        raise ConfigError(f"the shared scorer {path} is missing: set MARSAD_SHARED to the shared folder")
    spec = importlib.util.spec_from_file_location("marsad_shared_score_analysis", path)
    if spec is None or spec.loader is None:
        raise ConfigError(f"cannot import the scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fn: ScoreFn = module.score
    return fn


# ---------------------------------------------------------------------------------------------
# gold files and the corpus


def gold_files(paths: Iterable[Path]) -> list[Path]:
    """Every ``*.json`` gold file in the given folders (or the files themselves), sorted."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(p.glob("*.json")))
        elif p.is_file():
            out.append(p)
        else:
            raise ConfigError(f"no gold folder or file at {p}")
    return out


def load_gold(path: Path) -> dict[str, Any]:
    try:
        gold: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as e:
        raise ConfigError(f"{path}: not valid JSON ({e})") from e
    if gold.get("schema") != "marsad.gold/1":
        raise ConfigError(f"{path}: schema is {gold.get('schema')!r}, expected 'marsad.gold/1'")
    if not gold.get("document"):
        raise ConfigError(f"{path}: no 'document' (the corpus article id)")
    for key in ("entities",):
        gold.setdefault(key, {})
    for key in ("mentions", "ignore", "times", "events", "quotes", "indicators", "hypotheses"):
        gold.setdefault(key, [])
    for m in gold["mentions"]:
        if m.get("entity") not in gold["entities"]:
            raise ConfigError(f"{path}: mention at {m.get('start')} names the unknown entity {m.get('entity')!r}")
    return gold


def layers_of(gold: dict[str, Any]) -> tuple[str, ...]:
    """The layers a gold file annotates (see the module docstring)."""
    if gold.get("layers"):
        bad = [x for x in gold["layers"] if x not in LAYERS]
        if bad:
            raise ConfigError(f"{gold['document']}: unknown layer(s) {bad}; layers are {', '.join(LAYERS)}")
        return tuple(gold["layers"])
    if not (gold["entities"] or gold["mentions"] or gold["events"] or gold["quotes"]):
        return ("times",)
    return LAYERS


def read_corpus(path: Path, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The records of the given article ids, read in one pass over the (gzipped) JSON lines."""
    wanted = set(ids)
    found: dict[str, dict[str, Any]] = {}
    opener: Any = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            if not wanted - set(found):
                break
            if not line.strip():
                continue
            # cheap filter before parsing the whole line
            if not any(i in line for i in wanted):
                continue
            rec = json.loads(line)
            if rec.get("id") in wanted:
                found[rec["id"]] = rec
    return found


def fill_text(gold: dict[str, Any], text: str) -> list[str]:
    """Put the article's text into the gold ``text`` fields; return the problems found.

    A mention that carries a ``text`` (the name as written) must slice to it.
    """
    problems: list[str] = []
    n = len(text)
    for kind in ("mentions", "times", "quotes", "ignore"):
        for item in gold[kind]:
            s, e = item.get("start"), item.get("end")
            if not (isinstance(s, int) and isinstance(e, int) and 0 <= s < e <= n):
                problems.append(f"{kind[:-1]} {s}-{e} is outside the article (length {n})")
                item.setdefault("text", "")
                continue
            if kind == "mentions" and item.get("text") and item["text"] != text[s:e]:
                problems.append(f"mention {s}-{e} should read {item['text']!r} but the article has {text[s:e]!r}")
            item["text"] = text[s:e]
    for kind in ("indicators", "hypotheses"):
        for item in gold[kind]:
            ev = item.get("evidence") or [0, 0]
            item.setdefault("text", text[ev[0] : ev[1]])
    return problems


# ---------------------------------------------------------------------------------------------
# counting


@dataclass
class Counts:
    """Additive counts: the totals over files are sums of these (micro-averages)."""

    c: Counter[str] = field(default_factory=Counter)

    def add(self, other: Counts) -> None:
        self.c.update(other.c)

    def __getitem__(self, key: str) -> int:
        return self.c[key]


def ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


def prf(tp_pred: int, n_pred: int, found: int, n_gold: int) -> dict[str, float | int]:
    p, r = ratio(tp_pred, n_pred), ratio(found, n_gold)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "predicted": n_pred, "true_predicted": tp_pred, "gold": n_gold, "gold_found": found}


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def predicted_mentions(pred: dict[str, Any], method: str | None = None) -> list[dict[str, Any]]:
    out = []
    for e in pred.get("entities", []):
        for m in e.get("mentions", []):
            if method is None or m.get("method") == method:
                out.append({"start": m["start"], "end": m["end"], "entity": e["id"], "type": e.get("type"),
                            "method": m.get("method")})
    return out


def mention_counts(gold: dict[str, Any], pred: dict[str, Any], method: str | None = None) -> Counts:
    """Per-type counts with the scorer's rule (overlap and same type; ignore spans; nesting).

    Keys: ``gold:T``, ``found:T`` (gold mentions of type T matched), ``pred:T`` (scored predicted
    mentions of type T), ``tp:T`` (those that match a gold mention of type T).
    """
    gents = gold["entities"]
    gm = [dict(m, type=gents[m["entity"]]["type"]) for m in gold["mentions"]]
    ignore = gold.get("ignore", [])

    def nested_in_gold(m: dict[str, Any]) -> bool:
        return any(g["start"] <= m["start"] and m["end"] <= g["end"]
                   and (g["end"] - g["start"]) > (m["end"] - m["start"]) for g in gm)

    def matches(m: dict[str, Any], g: dict[str, Any]) -> bool:
        return _overlaps(m, g) and g["type"] == m["type"]

    scored = [m for m in predicted_mentions(pred, method) if not any(_overlaps(m, ig) for ig in ignore)]
    scored = [m for m in scored if any(matches(m, g) for g in gm) or not nested_in_gold(m)]
    out = Counts()
    for g in gm:
        out.c[f"gold:{g['type']}"] += 1
        out.c[f"found:{g['type']}"] += any(matches(m, g) for m in scored)
    for m in scored:
        t = m["type"] or "?"
        out.c[f"pred:{t}"] += 1
        out.c[f"tp:{t}"] += any(matches(m, g) for g in gm)
    return out


def by_type(c: Counts, types: Iterable[str] = ENTITY_TYPES) -> dict[str, dict[str, float | int]]:
    keys = list(types) + sorted({k.split(":", 1)[1] for k in c.c} - set(types))
    return {t: prf(c[f"tp:{t}"], c[f"pred:{t}"], c[f"found:{t}"], c[f"gold:{t}"]) for t in keys
            if c[f"gold:{t}"] or c[f"pred:{t}"]}


def overall(c: Counts) -> dict[str, float | int]:
    def tot(prefix: str) -> int:
        return sum(v for k, v in c.c.items() if k.startswith(prefix))

    return prf(tot("tp:"), tot("pred:"), tot("found:"), tot("gold:"))


def time_counts(gold: dict[str, Any], pred: dict[str, Any]) -> Counts:
    """Span recall (required gold times overlapped by a predicted time) and span precision
    (predicted times overlapping any gold time, required or not)."""
    out = Counts()
    req = [t for t in gold["times"] if t.get("required", True)]
    pt = pred.get("times", [])
    out.c["span_gold"] = len(req)
    out.c["span_found"] = sum(any(_overlaps(p, g) for p in pt) for g in req)
    out.c["span_pred"] = len(pt)
    out.c["span_tp"] = sum(any(_overlaps(p, g) for g in gold["times"]) for p in pt)
    return out


def quote_counts(gold: dict[str, Any], pred: dict[str, Any]) -> Counts:
    out = Counts()
    pq = pred.get("quotes", [])
    out.c["q_pred_tp"] = sum(any(_overlaps(p, g) for g in gold["quotes"]) for p in pq)
    return out


# ---------------------------------------------------------------------------------------------
# evaluation


@dataclass
class FileResult:
    name: str
    category: str | None
    layers: tuple[str, ...]
    score: dict[str, Any]
    counts: Counts
    types: Counts
    methods: dict[str, Counts]
    problems: list[str]


def score_counts(res: dict[str, Any], layers: Sequence[str]) -> Counts:
    """The additive counts of one scorer result, for the layers the file annotates."""
    c = Counts()
    if "entities" in layers:
        m, e = res["mentions"], res["entities"]
        c.c.update({"m_tp": m["true_predicted"], "m_pred": m["predicted"], "m_found": m["gold_found"],
                    "m_gold": m["gold"], "e_found": e["found"], "e_gold": e["gold"],
                    "e_grouped": round(e["grouping"] * m["gold_found"]), "files_entities": 1})
    if "times" in layers:
        t = res["times"]
        c.c.update({"t_correct": t["correct"], "t_required": t["required"], "files_times": 1})
    if "events" in layers:
        v = res["events"]
        c.c.update({"v_strict": v["strict_found"], "v_loose": v["loose_found"], "v_required": v["required"],
                    "v_tp": v["true_predicted"], "v_pred": v["predicted"], "files_events": 1})
    if "quotes" in layers:
        q = res["quotes"]
        c.c.update({"q_found": q["found_count"], "q_speaker": q["speaker_count"], "q_required": q["required"],
                    "q_pred": q["predicted"], "files_quotes": 1})
    return c


def ORACLE(_text: str, _published: str | None) -> dict[str, Any]:
    """Marker analyzer: evaluate_gold predicts the gold itself (see gold_as_prediction)."""
    raise AssertionError("the oracle is resolved by evaluate_gold")


def marsad_analyzer(stages: Sequence[str] | None = None) -> Analyzer:
    """``(text, published) -> analysis dict`` with the default pipeline or the named stages."""
    import marsad
    from marsad.pipeline import Pipeline

    pipeline = Pipeline(list(stages)) if stages else None

    def run(text: str, published: str | None) -> dict[str, Any]:
        d: dict[str, Any] = marsad.analyze(text, published=published, pipeline=pipeline).to_dict()
        return d

    return run


def gold_as_prediction(gold: dict[str, Any]) -> dict[str, Any]:
    """An analysis that says exactly what the gold says (``--oracle``): every layer must score 1.

    It checks that a gold file is consistent with the scorer (keys, sides, codes, overlaps).
    """
    ids = {k: f"E{i + 1}" for i, k in enumerate(gold["entities"])}
    ents = [{"id": ids[k], "type": e["type"], "name": e.get("name"), "name_en": e.get("name_en"),
             "mentions": [{"start": m["start"], "end": m["end"], "text": m.get("text", ""), "method": "kb"}
                          for m in gold["mentions"] if m["entity"] == k]}
            for k, e in gold["entities"].items()]
    events = []
    for i, v in enumerate(gold["events"]):
        a, b = v["sides"]
        events.append({"id": f"V{i + 1}", "code": v["codes"][0], "source": ids.get(a[0]),
                       "target": ids.get(b[0]) if b else None, "location": ids.get(v.get("location") or ""),
                       "date": v.get("date")})
    quotes = [{"start": q["start"], "end": q["end"], "kind": q.get("kind"), "speaker": ids.get(q.get("speaker") or ""),
               "channel": ids.get(q.get("channel") or ""), "date": q.get("date")} for q in gold["quotes"]]
    times = [{"start": t["start"], "end": t["end"], "type": t.get("type"), "value": t["value"]} for t in gold["times"]]
    return {"schema": "marsad.analysis/1", "entities": ents, "times": times, "events": events, "quotes": quotes,
            "indicators": [], "hypotheses": []}


def evaluate_gold(
    gold: dict[str, Any], text: str, published: str | None, analyze: Analyzer, score: ScoreFn,
    name: str = "", category: str | None = None,
) -> FileResult:
    problems = fill_text(gold, text)
    try:
        pred = gold_as_prediction(gold) if analyze is ORACLE else analyze(text, published)
    except Exception as e:  # one failing article must not hide the others' figures
        problems.append(f"{ANALYSIS_FAILED}: {type(e).__name__}: {e}")
        pred = {"entities": [], "times": [], "events": [], "quotes": []}
    layers = layers_of(gold)
    res = score(gold, pred)
    counts = score_counts(res, layers)
    types, methods = Counts(), {}
    if "entities" in layers:
        types = mention_counts(gold, pred)
        present = {m.get("method") for m in predicted_mentions(pred)} | set(METHODS)
        methods = {str(k): mention_counts(gold, pred, k) for k in sorted(present, key=str) if k}
    if "times" in layers:
        counts.add(time_counts(gold, pred))
    if "quotes" in layers:
        counts.add(quote_counts(gold, pred))
    return FileResult(name or gold["document"], category, layers, res, counts, types, methods, problems)


def evaluate_folders(
    paths: Sequence[Path], shared: Path, analyze: Analyzer, score: ScoreFn
) -> list[FileResult]:
    files = gold_files(paths)
    golds = [(f, load_gold(f)) for f in files]
    by_corpus: dict[str, list[str]] = defaultdict(list)
    for _, g in golds:
        by_corpus[g.get("corpus") or DEFAULT_CORPUS].append(g["document"])
    records: dict[str, dict[str, Any]] = {}
    for corpus, ids in by_corpus.items():
        cpath = shared / "corpus" / corpus
        if not cpath.is_file():
            raise ConfigError(f"the corpus {cpath} named by the gold files is missing")
        records.update(read_corpus(cpath, ids))
    results = []
    for f, g in golds:
        rec = records.get(g["document"])
        if rec is None:
            raise ConfigError(f"{f}: the article {g['document']!r} is not in the corpus")
        from marsad.dates import parse_published

        pub = parse_published(rec.get("published"), strict=False)
        published = pub.isoformat() if pub else None
        r = evaluate_gold(g, rec["text"], published, analyze, score, f.name, rec.get("category"))
        if g.get("published") and published and g["published"] != published:
            r.problems.append(f"gold says published {g['published']}, the corpus {published}")
        results.append(r)
    return results


# ---------------------------------------------------------------------------------------------
# Wojood


def wojood_sentences(path: Path) -> list[list[tuple[str, list[str]]]]:
    """Sentences of (token, tags) from the Wojood CoNLL-like file (blank line between sentences)."""
    sents: list[list[tuple[str, list[str]]]] = []
    cur: list[tuple[str, list[str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if cur:
                sents.append(cur)
            cur = []
            continue
        cur.append((parts[0], parts[1:]))
    if cur:
        sents.append(cur)
    return sents


def wojood_spans(tags: Sequence[Sequence[str]]) -> list[tuple[int, int, str]]:
    """Nested BIO tags (several a token) to token spans ``(first, last + 1, type)``.

    For each type, the spans open at a token are kept outermost first: a token carrying k
    ``I-T`` tags continues the k outermost open spans of type T (inner ones end), and each
    ``B-T`` opens a new, innermost span.
    """
    open_: dict[str, list[int]] = defaultdict(list)
    spans: list[tuple[int, int, str]] = []
    for i, tt in enumerate(tags):
        n_i: Counter[str] = Counter()
        n_b: Counter[str] = Counter()
        for t in tt:
            if t == "O" or "-" not in t:
                continue
            bio, typ = t.split("-", 1)
            (n_b if bio == "B" else n_i)[typ] += 1
        for typ in set(open_) | set(n_i) | set(n_b):
            stack = open_[typ]
            keep = min(n_i[typ], len(stack))
            for start in stack[keep:]:
                spans.append((start, i, typ))
            del stack[keep:]
            # an I- with nothing open is treated as a B- (a lenient reading of broken tags)
            stack.extend([i] * (n_b[typ] + n_i[typ] - keep))
    for typ, stack in open_.items():
        for start in stack:
            spans.append((start, len(tags), typ))
    return sorted(spans)


def wojood_gold(path: Path, outer_only: bool = False) -> tuple[list[str], list[dict[str, Any]]]:
    """The Wojood sentences as texts, each with a gold dict of our types (PERS→PERSON, …).

    With ``outer_only``, a span inside a longer span of our types is dropped (our own
    convention: «جامعة بيرزيت» is one ORG, without the GPE inside it).
    """
    texts, golds = [], []
    for si, sent in enumerate(wojood_sentences(path)):
        toks = [t for t, _ in sent]
        starts, pos = [], 0
        for t in toks:
            starts.append(pos)
            pos += len(t) + 1
        text = " ".join(toks)
        spans = [(a, b, WOJOOD_TYPES[t]) for a, b, t in wojood_spans([tags for _, tags in sent])
                 if t in WOJOOD_TYPES]
        if outer_only:
            spans = [s for s in spans
                     if not any(o != s and o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0]
                                for o in spans)]
        ents: dict[str, Any] = {}
        mentions = []
        for k, (a, b, typ) in enumerate(sorted(set(spans))):
            key = f"s{si}-m{k}"
            s, e = starts[a], starts[b - 1] + len(toks[b - 1])
            ents[key] = {"type": typ, "name": text[s:e]}
            mentions.append({"start": s, "end": e, "entity": key, "text": text[s:e]})
        golds.append({"schema": "marsad.gold/1", "document": f"wojood-test-{si}", "entities": ents,
                      "mentions": mentions, "ignore": [], "times": [], "events": [], "quotes": [],
                      "indicators": [], "hypotheses": [], "layers": ["entities"]})
        texts.append(text)
    return texts, golds


def evaluate_wojood(path: Path, analyze: Analyzer, score: ScoreFn, outer_only: bool = False) -> FileResult:
    """All test sentences, each analyzed alone, scored as one document (offsets shifted)."""
    texts, golds = wojood_gold(path, outer_only)
    big: dict[str, Any] = {"schema": "marsad.gold/1", "document": "wojood-test", "entities": {}, "mentions": [],
                           "ignore": [], "times": [], "events": [], "quotes": [], "indicators": [],
                           "hypotheses": [], "layers": ["entities"]}
    if analyze is ORACLE:
        for g in golds:
            big["entities"].update(g["entities"])
        offset = 0
        for text, g in zip(texts, golds, strict=True):
            big["mentions"] += [dict(m, start=m["start"] + offset, end=m["end"] + offset) for m in g["mentions"]]
            offset += len(text) + 1
        return evaluate_gold(big, "\n".join(texts), None, ORACLE, score, "wojood-test")
    pred: dict[str, Any] = {"entities": []}
    fails: list[str] = []
    offset = 0
    for si, (text, g) in enumerate(zip(texts, golds, strict=True)):
        big["entities"].update(g["entities"])
        for m in g["mentions"]:
            big["mentions"].append(dict(m, start=m["start"] + offset, end=m["end"] + offset))
        try:
            p = analyze(text, None) if text.strip() else {"entities": []}
        except Exception as err:  # scored as an empty analysis, reported
            fails.append(f"{ANALYSIS_FAILED}: sentence {si}: {type(err).__name__}: {err}")
            p = {"entities": []}
        for e in p.get("entities", []):
            pred["entities"].append(dict(e, id=f"s{si}-{e['id']}", mentions=[
                dict(m, start=m["start"] + offset, end=m["end"] + offset) for m in e.get("mentions", [])]))
        offset += len(text) + 1
    full_text = "\n".join(texts)

    def fixed(_text: str, _pub: str | None) -> dict[str, Any]:
        return pred

    result = evaluate_gold(big, full_text, None, fixed, score, "wojood-test")
    result.problems += fails
    return result


# ---------------------------------------------------------------------------------------------
# report


def totals(results: Sequence[FileResult]) -> dict[str, Any]:
    c, types = Counts(), Counts()
    methods: dict[str, Counts] = defaultdict(Counts)
    by_cat: dict[str, Counts] = defaultdict(Counts)
    for r in results:
        c.add(r.counts)
        types.add(r.types)
        for k, v in r.methods.items():
            methods[k].add(v)
        by_cat[r.category or "?"].add(r.counts)
    out = summary(c, types)
    out["files"] = len(results)
    out["by_method"] = {k: {"overall": overall(v), "by_type": by_type(v)} for k, v in sorted(methods.items())}
    out["by_category"] = {k: {"files": sum(1 for r in results if (r.category or "?") == k),
                              **{s: v for s, v in summary(cc, Counts()).items() if s != "mentions_by_type"}}
                          for k, cc in sorted(by_cat.items())}
    return out


def summary(c: Counts, types: Counts) -> dict[str, Any]:
    def r(a: int, b: int) -> float:
        return round(ratio(a, b), 3)

    out: dict[str, Any] = {}
    out["entities"] = {
        "files": c["files_entities"],
        "mentions": prf(c["m_tp"], c["m_pred"], c["m_found"], c["m_gold"]),
        "entities_found": c["e_found"], "entities_gold": c["e_gold"],
        "entity_recall": r(c["e_found"], c["e_gold"]),
        "grouping": r(c["e_grouped"], c["m_found"]),
    }
    out["mentions_by_type"] = by_type(types)
    out["times"] = {
        "files": c["files_times"],
        "value_accuracy": r(c["t_correct"], c["t_required"]), "correct": c["t_correct"],
        "required": c["t_required"],
        "span_recall": r(c["span_found"], c["span_gold"]), "span_precision": r(c["span_tp"], c["span_pred"]),
        "predicted": c["span_pred"],
    }
    vp, vr = ratio(c["v_tp"], c["v_pred"]), ratio(c["v_loose"], c["v_required"])
    out["events"] = {
        "files": c["files_events"],
        "recall_strict": r(c["v_strict"], c["v_required"]), "recall_loose": round(vr, 3),
        "precision_loose": round(vp, 3), "f1_loose": round(2 * vp * vr / (vp + vr), 3) if vp + vr else 0.0,
        "required": c["v_required"], "strict_found": c["v_strict"], "loose_found": c["v_loose"],
        "predicted": c["v_pred"], "true_predicted": c["v_tp"],
    }
    out["quotes"] = {
        "files": c["files_quotes"],
        "found": r(c["q_found"], c["q_required"]), "speaker_accuracy": r(c["q_speaker"], c["q_required"]),
        "speaker_accuracy_of_found": r(c["q_speaker"], c["q_found"]),
        "precision": r(c["q_pred_tp"], c["q_pred"]),
        "required": c["q_required"], "found_count": c["q_found"], "speaker_count": c["q_speaker"],
        "predicted": c["q_pred"],
    }
    return out


def _fmt_prf(d: dict[str, Any]) -> str:
    return (f"P {d['precision']:.3f}  R {d['recall']:.3f}  F1 {d['f1']:.3f}  "
            f"({d['true_predicted']}/{d['predicted']} predicted right, {d['gold_found']}/{d['gold']} gold found)")


def render(title: str, t: dict[str, Any], only: str | None, by_method: bool, grouping: bool = True) -> list[str]:
    lines = [f"== {title}: {t['files']} file(s)"]
    if only in (None, "entities") and t["entities"]["files"]:
        e = t["entities"]
        lines.append(f"mentions    {_fmt_prf(e['mentions'])}")
        for typ, d in t["mentions_by_type"].items():
            lines.append(f"  {typ:<8}  {_fmt_prf(d)}")
        if grouping:
            lines.append(f"entities    found {e['entities_found']}/{e['entities_gold']} ({e['entity_recall']:.3f})  "
                         f"grouping {e['grouping']:.3f}")
        if by_method:
            used = {k: m for k, m in t["by_method"].items() if m["overall"]["predicted"]}
            if not used:
                lines.append("  by method: no predicted mention to split")
            for k, m in used.items():
                lines.append(f"  method {k:<6} {_fmt_prf(m['overall'])}")
                for typ, d in m["by_type"].items():
                    lines.append(f"    {typ:<8}  {_fmt_prf(d)}")
    if only in (None, "times") and t["times"]["files"]:
        x = t["times"]
        lines.append(f"times       value accuracy {x['value_accuracy']:.3f} ({x['correct']}/{x['required']})  "
                     f"span recall {x['span_recall']:.3f}  span precision {x['span_precision']:.3f}  "
                     f"({x['predicted']} predicted)")
    if only in (None, "events") and t["events"]["files"]:
        v = t["events"]
        lines.append(f"events      strict recall {v['recall_strict']:.3f}  actors+type recall {v['recall_loose']:.3f}  "
                     f"precision {v['precision_loose']:.3f}  F1 {v['f1_loose']:.3f}  "
                     f"({v['required']} required, {v['predicted']} predicted)")
    if only in (None, "quotes") and t["quotes"]["files"]:
        q = t["quotes"]
        lines.append(f"quotes      found {q['found']:.3f} ({q['found_count']}/{q['required']})  "
                     f"speaker right {q['speaker_accuracy']:.3f} ({q['speaker_count']}/{q['required']}; "
                     f"{q['speaker_accuracy_of_found']:.3f} of found)  precision {q['precision']:.3f}  "
                     f"({q['predicted']} predicted)")
    return lines


def render_file(r: FileResult, only: str | None) -> list[str]:
    s = r.score
    bits = [f"-- {r.name} [{r.category or '?'}]"]
    if "entities" in r.layers and only in (None, "entities"):
        m = s["mentions"]
        bits.append(f"   mentions P {m['precision']:.3f} R {m['recall']:.3f} F1 {m['f1']:.3f}; "
                    f"entities {s['entities']['found']}/{s['entities']['gold']}")
        if m["missed"]:
            bits.append("   missed: " + "; ".join(m["missed"][:12]))
        if m["spurious"]:
            bits.append("   spurious: " + "; ".join(m["spurious"][:12]))
    if "times" in r.layers and only in (None, "times"):
        t = s["times"]
        bits.append(f"   times {t['correct']}/{t['required']}" + "".join(f"\n     {w}" for w in t["wrong"][:12]))
    if "events" in r.layers and only in (None, "events"):
        v = s["events"]
        bits.append(f"   events strict {v['strict_found']}/{v['required']} loose {v['loose_found']}/{v['required']} "
                    f"precision {v['true_predicted']}/{v['predicted']}")
    if "quotes" in r.layers and only in (None, "quotes"):
        q = s["quotes"]
        bits.append(f"   quotes found {q['found_count']}/{q['required']} speaker {q['speaker_count']}/{q['required']}")
    bits.extend(f"   problem: {p}" for p in r.problems)
    return bits


def file_json(r: FileResult) -> dict[str, Any]:
    return {"file": r.name, "category": r.category, "layers": list(r.layers), "score": r.score,
            "mentions_by_type": by_type(r.types), "problems": r.problems}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m marsad.devset", description=__doc__.split("\n")[0])
    ap.add_argument("paths", nargs="*", type=Path,
                    help="gold folders or files (default: eval/dev/articles and eval/dev/times)")
    ap.add_argument("--only", choices=LAYERS, help="report one layer")
    ap.add_argument("--json", action="store_true", help="one JSON object on stdout")
    ap.add_argument("--per-file", action="store_true", help="figures, misses and problems for each file")
    ap.add_argument("--by-method", action="store_true",
                    help="entity figures for the predicted mentions of each method (kb, rule, model, coref)")
    ap.add_argument("--stages", help="comma-separated pipeline stages (default: the default pipeline)")
    ap.add_argument("--wojood", nargs="?", const="", metavar="PATH",
                    help="also score entities on the Wojood test split (default path in the shared folder)")
    ap.add_argument("--wojood-outer", action="store_true",
                    help="Wojood: keep only the outermost spans of our types (our nesting convention)")
    ap.add_argument("--no-dev", action="store_true", help="skip the development set (with --wojood)")
    ap.add_argument("--oracle", action="store_true",
                    help="score the gold against itself (a consistency check of the gold files: all 1.0)")
    args = ap.parse_args(argv)

    shared = shared_dir()
    if not shared.is_dir():
        print(f"skipped: the shared folder {shared} is not here (set MARSAD_SHARED to it)")
        return 0
    try:
        score = load_scorer(shared)
        stages = [s.strip() for s in args.stages.split(",") if s.strip()] if args.stages else None
        analyze = ORACLE if args.oracle else marsad_analyzer(stages)
        report: dict[str, Any] = {"stages": stages or "default"}
        lines: list[str] = []
        failed: list[str] = []
        if not args.no_dev:
            paths = args.paths or [p for p in DEFAULT_FOLDERS if p.is_dir()]
            if not paths:
                raise ConfigError("no gold folder given and none of eval/dev/articles, eval/dev/times exists")
            results = evaluate_folders(paths, shared, analyze, score)
            t = totals(results)
            report["dev"] = t
            failed += [r.name for r in results if any(p.startswith(ANALYSIS_FAILED) for p in r.problems)]
            lines += render("development set", t, args.only, args.by_method)
            if args.per_file:
                report["files"] = [file_json(r) for r in results]
                for r in results:
                    lines += render_file(r, args.only)
            elif any(r.problems for r in results):
                report["problems"] = {r.name: r.problems for r in results if r.problems}
                lines += [f"problem in {r.name}: {p}" for r in results for p in r.problems]
        if args.wojood is not None:
            wpath = Path(args.wojood) if args.wojood else shared / WOJOOD_TEST
            if not wpath.is_file():
                print(f"skipped: the Wojood test split {wpath} is not here")
            else:
                w = evaluate_wojood(wpath, analyze, score, args.wojood_outer)
                failed += [w.name] if any(p.startswith(ANALYSIS_FAILED) for p in w.problems) else []
                lines += [f"problem in {w.name}: {p}" for p in w.problems[:20]]
                wt = totals([w])
                report["wojood"] = {k: wt[k] for k in ("files", "entities", "mentions_by_type", "by_method")}
                lines += render("Wojood test split" + (" (outermost spans)" if args.wojood_outer else ""),
                                wt, "entities", args.by_method, grouping=False)
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 4
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=1))
    else:
        print("\n".join(lines))
    if failed:
        print(f"error: the analysis raised on {len(failed)} article(s): {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
