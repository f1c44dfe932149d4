"""The time tagger: its speed over the corpus, and side by side with dateparser in one run.

1. Speed: the ``times`` stage over every corpus article (the text layer is run first and not
   counted), in words per second (``\\w+`` words, as bench.text counts them).
2. Accuracy on our development sets (``eval/dev/times/`` and the times of
   ``eval/dev/articles/``, corpus articles annotated by hand by two other branches) and on the
   seed article, for marsad and for ``dateparser.search_dates(text, languages=["ar"])``
   with the publication date as its ``RELATIVE_BASE``. Rules of the shared scorer: a required gold
   expression is right when a prediction overlapping it has its value; span recall counts the
   required gold expressions any prediction overlaps; precision counts predictions that overlap
   a gold expression. dateparser returns datetimes, not TIMEX3 values: its date is written at the
   granularity of the gold expression it overlaps (a year, a month, a day, a day and a clock
   time), which favours it.
3. Time ratio on the same texts: dateparser's time over marsad's (raw text to resolved times:
   normalization, tokens, sentences and the times stage), measured in this run, each system in
   its own loop over all the texts after one warm-up call, best of 3, in CPU time of this process
   (``time.process_time``: a machine shared with other jobs does not skew the ratio).

``python -m bench time [--limit N] [--no-dateparser]``
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
import time
from datetime import date, datetime
from typing import Any

from bench.common import ROOT, SHARED, Timer, iter_corpus, require_corpus

DEV = ROOT / "eval" / "dev"
#: the development folders: times only (branch devtime), and full articles (branch devset)
DEV_FOLDERS = ("times", "articles")
SEED = SHARED / "eval" / "seed"
_WORDS = re.compile(r"\w+")


def _overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return bool(a["start"] < b["end"] and b["start"] < a["end"])


def _scorer() -> Any:
    """The shared scorer's ``score`` (../shared/tools/score_analysis.py), or None."""
    path = SHARED / "tools" / "score_analysis.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location("score_analysis", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.score


def load_dev() -> list[tuple[dict[str, Any], str]]:
    """(gold, text) for every development file whose article is in the corpus (its folder in
    ``gold["folder"]``); the seed last."""
    golds: dict[str, list[dict[str, Any]]] = {}
    for folder in DEV_FOLDERS:
        for path in sorted((DEV / folder).glob("*.json")):
            gold = json.loads(path.read_text(encoding="utf-8"))
            gold["folder"] = folder
            golds.setdefault(gold["document"], []).append(gold)
    out = []
    for rec in iter_corpus():
        for gold in golds.get(rec["id"], []):
            for t in gold["times"]:
                t["text"] = rec["text"][t["start"] : t["end"]]
            out.append((gold, rec["text"]))
    seed_gold = SEED / "gold.json"
    if seed_gold.exists():
        gold = json.loads(seed_gold.read_text(encoding="utf-8"))
        text = next(SEED.glob("000_*.txt")).read_text(encoding="utf-8")
        out.append((gold, text))
    return out


class Tally:
    def __init__(self) -> None:
        self.required = self.right = self.found = self.predicted = self.true_predicted = 0

    def add(self, gold: dict[str, Any], pred: list[dict[str, Any]], score: Any) -> None:
        required = [t for t in gold["times"] if t.get("required", True)]
        self.required += len(required)
        if score is not None:
            times_only = {**gold, "entities": {}, "mentions": [], "events": [], "quotes": [], "indicators": [], "hypotheses": []}
            self.right += score(times_only, {"times": pred})["times"]["correct"]
        else:
            self.right += sum(any(_overlaps(p, g) and p["value"] == g["value"] for p in pred) for g in required)
        self.found += sum(any(_overlaps(p, g) for p in pred) for g in required)
        self.predicted += len(pred)
        self.true_predicted += sum(any(_overlaps(p, g) for g in gold["times"]) for p in pred)

    def row(self, name: str) -> str:
        acc = self.right / self.required if self.required else 0.0
        rec = self.found / self.required if self.required else 0.0
        prec = self.true_predicted / self.predicted if self.predicted else 0.0
        return f"| {name} | {self.right}/{self.required} = {acc:.1%} | {rec:.1%} | {prec:.1%} ({self.predicted} predicted) |"


def _at_granularity(dt: datetime, gold_value: str) -> str:
    """dateparser's datetime written like the gold value it is compared with."""
    if re.fullmatch(r"\d{4}", gold_value):
        return f"{dt.year:04d}"
    if re.fullmatch(r"\d{4}-\d{2}", gold_value):
        return f"{dt.year:04d}-{dt.month:02d}"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", gold_value):
        return f"{dt:%Y-%m-%dT%H:%M}"
    return f"{dt:%Y-%m-%d}"


def dateparser_times(text: str, published: date | None, gold: dict[str, Any]) -> list[dict[str, Any]]:
    from dateparser.search import search_dates

    settings: dict[str, Any] = {}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    found = search_dates(text, languages=["ar"], settings=settings) or []
    out = []
    pos = 0
    for surface, dt in found:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        pos = start + len(surface)
        span = {"start": start, "end": start + len(surface)}
        goal = next((g["value"] for g in gold["times"] if _overlaps(span, g)), "")
        out.append({**span, "text": surface, "type": "DATE", "value": _at_granularity(dt, goal)})
    return out


def corpus_speed(limit: int | None) -> None:
    from marsad.doc import Document
    from marsad.pipeline import Pipeline, registered_stages

    text_layer = Pipeline(["text"])
    stage = registered_stages()["times"].instance()
    docs = []
    for rec in iter_corpus(limit):
        if rec.get("text"):
            from marsad.dates import parse_published

            docs.append(text_layer(Document(text=rec["text"], published=parse_published(rec["published"], strict=False))))
    n_words = sum(len(_WORDS.findall(d.text)) for d in docs)
    best = float("inf")
    n_times = 0
    for _ in range(3):
        for d in docs:
            d.times.clear()
        with Timer() as t:
            for d in docs:
                stage(d)
        best = min(best, t.seconds)
        n_times = sum(len(d.times) for d in docs)
    print(f"corpus: {len(docs):,} articles, {n_words:,} words, {n_times:,} time expressions")
    print(f"times stage (best of 3): {best:.3f} s = {n_words / best:,.0f} words/s")


def side_by_side(with_dateparser: bool) -> None:
    from marsad.dates import parse_published
    from marsad.doc import Document
    from marsad.pipeline import Pipeline

    dev = load_dev()
    if not dev:
        print(f"skipped: no development files in {DEV}")
        return
    score = _scorer()
    pipe = Pipeline(["text", "times"])
    items = [(gold, text, parse_published(gold.get("published"), strict=False), gold.get("folder", "seed")) for gold, text in dev]
    n_words = sum(len(_WORDS.findall(text)) for _, text, _, _ in items)
    groups = (*DEV_FOLDERS, "seed")

    def run(system: Any) -> tuple[dict[str, Tally], float]:
        """Each system over all the texts in its own loop, warmed up, best of 3 runs."""
        system(*items[0][1:3], items[0][0])
        best, preds = float("inf"), []
        for _ in range(3):
            t0 = time.process_time()
            preds = [system(text, published, gold) for gold, text, published, _ in items]
            best = min(best, time.process_time() - t0)
        tallies = {g: Tally() for g in groups}
        for (gold, _, _, group), pred in zip(items, preds, strict=True):
            tallies[group].add(gold, pred, score)
        return tallies, best

    def marsad(text: str, published: date | None, gold: dict[str, Any]) -> list[dict[str, Any]]:
        return [t.to_dict() for t in pipe(Document(text=text, published=published)).times]

    rows = [("marsad", *run(marsad))]
    if with_dateparser:
        rows.append(("dateparser.search_dates", *run(dateparser_times)))
    counts = {g: sum(1 for item in items if item[3] == g) for g in groups}
    print(
        f"\ndevelopment set: eval/dev/times {counts['times']} files, eval/dev/articles {counts['articles']} files, "
        f"and the seed; {n_words:,} words"
    )
    print("\n| system | gold | values right (required) | span recall | precision |")
    print("| --- | --- | --- | --- | --- |")
    for name, tallies, _ in rows:
        for g in groups:
            print(tallies[g].row(f"{name} | {g}"))
    print("\n| system | time over the same texts (best of 3) | words/s |")
    print("| --- | --- | --- |")
    for name, _, seconds in rows:
        print(f"| {name} | {seconds:.3f} s | {n_words / seconds:,.0f} |")
    # the stage alone, the text layer (shared by every stage) done beforehand
    from marsad.pipeline import registered_stages

    stage = registered_stages()["times"].instance()
    layer = Pipeline(["text"])
    docs = [layer(Document(text=text, published=published)) for _, text, published, _ in items]
    stage_best = float("inf")
    for _ in range(3):
        for d in docs:
            d.times.clear()
        t0 = time.process_time()
        for d in docs:
            stage(d)
        stage_best = min(stage_best, time.process_time() - t0)
    print(f"| marsad, the times stage alone | {stage_best:.3f} s | {n_words / stage_best:,.0f} |")
    if with_dateparser:
        print(f"\nthe times stage alone is {rows[1][2] / stage_best:.0f}x faster than dateparser")
        ratio = rows[1][2] / rows[0][2]
        print(f"\nmarsad (raw text to resolved times: text layer + times stage) is {ratio:.0f}x faster than dateparser (target >= 20x)")


def main(argv: list[str]) -> int:
    if require_corpus() is None:
        return 0
    limit = None
    if "--limit" in argv:
        limit = int(argv[argv.index("--limit") + 1])
    corpus_speed(limit)
    with_dateparser = "--no-dateparser" not in argv
    if with_dateparser and importlib.util.find_spec("dateparser") is None:
        print("dateparser is not installed (pip install -e '.[dev]'): marsad alone")
        with_dateparser = False
    side_by_side(with_dateparser)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

