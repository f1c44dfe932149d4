"""Analysis dicts (contract marsad.analysis/1) that tests write themselves, and a way to store them."""

from __future__ import annotations

from typing import Any

from marsad.ingest.dedup import content_hash
from marsad.store import ArticleRecord, Store


def span(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def entity(text: str, eid: str, type_: str, name: str, mentions: list[str], **extra: Any) -> dict[str, Any]:
    ms = []
    for m in mentions:
        s, e = span(text, m)
        ms.append({"start": s, "end": e, "text": m, "method": "kb"})
    return {"id": eid, "type": type_, "subtype": extra.get("subtype"), "name": name,
            "name_en": extra.get("name_en"), "kb_id": extra.get("kb_id"), "roles": extra.get("roles", []),
            "mentions": ms, "country": None, "cameo": None, "wikidata": None}


def event(text: str, vid: str, code: str, label: str, evidence: str, source: str | None = None,
          target: str | None = None, location: str | None = None, date: str | None = None) -> dict[str, Any]:
    s, e = span(text, evidence)
    return {"id": vid, "code": code, "label": label, "plover": None, "source": source, "target": target,
            "location": location, "date": date, "mode": "asserted", "evidence": {"start": s, "end": e},
            "trigger": None, "confidence": 0.8}


def quote(text: str, quoted: str, speaker: str | None, kind: str = "direct", channel: str | None = None,
          date: str | None = None) -> dict[str, Any]:
    s, e = span(text, quoted)
    return {"start": s, "end": e, "text": quoted, "kind": kind, "speaker": speaker, "channel": channel,
            "date": date, "cue": None}


def analysis(text: str, *, uid: str, title: str | None = None, published: str | None = None,
             source: str | None = None, entities: list[dict[str, Any]] | None = None,
             events: list[dict[str, Any]] | None = None, quotes: list[dict[str, Any]] | None = None,
             analyzer: str = "marsad test") -> dict[str, Any]:
    return {
        "schema": "marsad.analysis/1",
        "document": {"id": uid, "title": title, "published": published, "language": "ar", "source": source,
                     "url": None, "length": len(text), "analyzer": analyzer, "warnings": []},
        "entities": entities or [], "times": [], "events": events or [], "quotes": quotes or [],
        "citations": [], "indicators": [], "hypotheses": [],
    }


def add(store: Store, uid: str, text: str, *, title: str | None = None, source: str | None = None,
        published: str | None = None, result: dict[str, Any] | None = None, stages: str = "test") -> None:
    """Store one article with the analysis given (or an empty one)."""
    result = result or analysis(text, uid=uid, title=title, published=published, source=source)
    store.write_batch(
        [ArticleRecord(uid=uid, input_key=f"test:{uid}", content_hash=content_hash(text), text=text, title=title,
                       source=source, published=published, language="ar", analysis=result, stages=stages)],
        [],
    )


# -- generated articles (for ingest tests: many distinct texts, none of them near another) -------

_SUBJECTS = ["وزير الفلاحة", "والي الجهة", "رئيس البلدية", "المدير الجهوي للصحة", "نقابة التعليم", "الهيئة الوطنية",
             "وزيرة المرأة", "رئيس الحكومة", "المندوب الجهوي", "اتحاد الشغل", "منظمة الأعراف", "جمعية المستهلك"]
_VERBS = ["أعلن", "أكد", "نفى", "أوضح", "قرر", "دعا", "طالب", "رفض", "اقترح", "ناقش", "تابع", "أشرف على"]
_OBJECTS = ["مشروع الطريق السريعة", "برنامج التشغيل", "ميزانية السنة المقبلة", "خطة مكافحة الجفاف",
            "صيانة المدارس", "تزويد الأسواق بالخضر", "دعم صغار الفلاحين", "حملة التلقيح", "تهيئة الميناء",
            "إصلاح شبكة المياه", "تنظيم المهرجان الصيفي", "مراقبة الأسعار"]
_PLACES = ["في سوسة", "في صفاقس", "في القيروان", "في بنزرت", "في قفصة", "في نابل", "في المنستير", "في توزر",
           "في مدنين", "في الكاف", "في جندوبة", "في تطاوين"]
_TAILS = ["خلال الأسبوع الجاري", "بحضور ممثلين عن المجتمع المدني", "وفق بلاغ رسمي", "في اجتماع موسع",
          "بعد نقاش طويل", "قبل نهاية الشهر", "في ندوة صحفية", "إثر زيارة ميدانية"]


def generated_text(n: int, sentences: int = 6) -> str:
    """Article number ``n``: sentences drawn from the lists above (deterministic, distinct per n)."""
    import random

    rng = random.Random(n * 7919 + 13)
    out = []
    for _ in range(sentences):
        out.append(f"{rng.choice(_VERBS)} {rng.choice(_SUBJECTS)} {rng.choice(_OBJECTS)} {rng.choice(_PLACES)} "
                   f"{rng.choice(_TAILS)} وذلك في إطار العدد {n} من السلسلة {rng.randint(1, 10**6)}.")
    return " ".join(out)


def write_jsonl(path: Any, count: int, *, start: int = 0, gz: bool = False, duplicates: int = 0,
                sentences: int = 6) -> list[dict[str, Any]]:
    """A JSON-lines slice of generated articles; the last ``duplicates`` repeat earlier texts."""
    import gzip
    import json

    records = []
    for i in range(start, start + count):
        text = generated_text(i, sentences)
        records.append({"id": f"gen-{i}", "source": "مولد", "url": f"https://example.org/{i}",
                        "published": f"{1 + i % 28:02d}/0{1 + i % 9}/2023", "title": f"خبر رقم {i}", "text": text})
    for j in range(duplicates):
        copy = dict(records[j])
        copy["id"] = f"gen-copy-{j}"
        records.append(copy)
    data = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    if gz:
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return records
