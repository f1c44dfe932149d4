"""A small store the watch, explain and API tests share: articles and analyses written here.

The analyses are built by hand (contract marsad.analysis/1) so the tests know exactly what is
stored; entity ids are those of the embedded knowledge base, so names resolve as in real use.
"""

from __future__ import annotations

from typing import Any

from marsad.ingest.dedup import content_hash
from marsad.store import ArticleRecord, Store


def span(text: str, needle: str) -> dict[str, int]:
    start = text.index(needle)
    return {"start": start, "end": start + len(needle)}


class Doc:
    """Builds one analysis over ``text``: entities by the words that name them, events, quotes."""

    def __init__(self, uid: str, text: str, *, title: str, published: str | None, source: str = "وكالة تجريبية"):
        self.uid, self.text, self.title, self.published, self.source = uid, text, title, published, source
        self.entities: list[dict[str, Any]] = []
        self.events: list[dict[str, Any]] = []
        self.quotes: list[dict[str, Any]] = []
        self.indicators: list[dict[str, Any]] = []
        self.times: list[dict[str, Any]] = []

    def entity(self, type_: str, name: str, kb_id: str | None, *mentions: str) -> str:
        eid = f"E{len(self.entities) + 1}"
        ms = []
        for m in mentions or (name,):
            s = span(self.text, m)
            ms.append({**s, "text": m, "method": "kb"})
        self.entities.append({"id": eid, "type": type_, "subtype": None, "name": name, "name_en": None,
                              "kb_id": kb_id, "roles": [], "mentions": ms, "country": None, "cameo": None,
                              "wikidata": None})
        return eid

    def event(self, code: str, label: str, evidence: str, source: str | None, target: str | None,
              location: str | None = None, date: str | None = None, mode: str = "asserted") -> None:
        self.events.append({"id": f"V{len(self.events) + 1}", "code": code, "label": label, "plover": None,
                            "source": source, "target": target, "location": location, "date": date, "mode": mode,
                            "evidence": span(self.text, evidence), "trigger": None, "text": evidence,
                            "confidence": 0.8})

    def quote(self, quoted: str, speaker: str | None, channel: str | None = None, kind: str = "direct") -> None:
        self.quotes.append({**span(self.text, quoted), "text": quoted, "kind": kind, "speaker": speaker,
                            "channel": channel, "date": None, "cue": None})

    def indicator(self, text: str, actors: list[str], code: str | None, location: str | None) -> None:
        self.indicators.append({"text": text, "evidence": span(self.text, text), "actors": actors,
                                "event_code": code, "location": location})

    def time(self, text: str, value: str) -> None:
        self.times.append({**span(self.text, text), "text": text, "type": "DATE", "value": value,
                           "anchor": "absolute"})

    def analysis(self) -> dict[str, Any]:
        return {
            "schema": "marsad.analysis/1",
            "document": {"id": self.uid, "title": self.title, "published": self.published, "language": "ar",
                         "source": self.source, "url": None, "length": len(self.text), "analyzer": "marsad test",
                         "warnings": []},
            "entities": self.entities, "times": self.times, "events": self.events, "quotes": self.quotes,
            "citations": [], "indicators": self.indicators, "hypotheses": [],
        }

    def store(self, store: Store) -> None:
        store.write_batch(
            [ArticleRecord(uid=self.uid, input_key=f"test:{self.uid}", content_hash=content_hash(self.text),
                           text=self.text, title=self.title, source=self.source, published=self.published,
                           url=f"https://example.org/{self.uid}", language="ar", analysis=self.analysis(),
                           stages="test")],
            [],
        )


def visit_cairo() -> Doc:
    d = Doc("a1-cairo", "وصل خليفة حفتر إلى القاهرة حيث استقبله عبد الفتاح السيسي. "
            "وقال حفتر إن \"الحل في ليبيا سياسي قبل كل شيء\".",
            title="حفتر في القاهرة", published="2017-04-03")
    h = d.entity("PERSON", "خليفة حفتر", "khalifa-haftar", "خليفة حفتر", "حفتر إن")
    c = d.entity("GPE", "القاهرة", "cairo")
    s = d.entity("PERSON", "عبد الفتاح السيسي", "abdel-fattah-el-sisi")
    d.entity("GPE", "ليبيا", "libya")
    d.event("043", "Host a visit", "استقبله عبد الفتاح السيسي", s, h, c, "2017-04-03")
    d.quote("الحل في ليبيا سياسي قبل كل شيء", h)
    return d


def tripoli_talks() -> Doc:
    d = Doc("a2-tripoli", "التقى فايز السراج المبعوث الأممي مارتن كوبلر في طرابلس لبحث وقف إطلاق النار في الجنوب.",
            title="السراج وكوبلر يبحثان وقف إطلاق النار", published="2017-04-05")
    s = d.entity("PERSON", "فايز السراج", "fayez-al-sarraj")
    k = d.entity("PERSON", "مارتن كوبلر", "martin-kobler")
    t = d.entity("GPE", "طرابلس", "tripoli")
    d.event("040", "Consult", "التقى فايز السراج المبعوث الأممي مارتن كوبلر في طرابلس", s, k, t, "2017-04-05")
    return d


def cairo_meeting() -> Doc:
    d = Doc("a3-meeting", "التقى خليفة حفتر فايز السراج في القاهرة يوم العاشر من أبريل. "
            "وصرح السراج لقناة ليبيا الحدث بأن \"الاتفاق على وقف إطلاق النار ممكن\".",
            title="لقاء حفتر والسراج", published="2017-04-11")
    h = d.entity("PERSON", "خليفة حفتر", "khalifa-haftar")
    s = d.entity("PERSON", "فايز السراج", "fayez-al-sarraj", "فايز السراج", "السراج لقناة")
    c = d.entity("GPE", "القاهرة", "cairo")
    ch = d.entity("ORG", "قناة ليبيا الحدث", "libya-alhadath")
    d.event("040", "Consult", "التقى خليفة حفتر فايز السراج في القاهرة", h, s, c, "2017-04-10")
    d.quote("الاتفاق على وقف إطلاق النار ممكن", s, ch)
    d.time("يوم العاشر من أبريل", "2017-04-10")
    return d


def rome_plan() -> Doc:
    d = Doc("a4-rome", "أعلن مكتب حفتر أن خليفة حفتر سيلتقي فايز السراج في روما الشهر المقبل.",
            title="لقاء مرتقب في روما", published="2017-05-20")
    h = d.entity("PERSON", "خليفة حفتر", "khalifa-haftar")
    s = d.entity("PERSON", "فايز السراج", "fayez-al-sarraj")
    r = d.entity("GPE", "روما", "rome")
    d.event("040", "Consult", "خليفة حفتر سيلتقي فايز السراج في روما", h, s, r, "2017-06", mode="planned")
    return d


def corpus() -> list[Doc]:
    return [visit_cairo(), tripoli_talks(), cairo_meeting(), rome_plan()]


def indicator_analysis() -> dict[str, Any]:
    """An analysis (not stored) whose indicator says to watch for a Haftar–Sarraj meeting in Cairo."""
    d = Doc("x-analysis", "يبقى السؤال ما إذا كان حفتر سيلتقي السراج في القاهرة قريبا، وما إذا كانت المفاوضات ستنجح.",
            title="تحليل", published="2017-04-01")
    h = d.entity("PERSON", "خليفة حفتر", "khalifa-haftar", "حفتر")
    s = d.entity("PERSON", "فايز السراج", "fayez-al-sarraj", "السراج")
    c = d.entity("GPE", "القاهرة", "cairo")
    d.indicator("حفتر سيلتقي السراج في القاهرة قريبا", [h, s], "040", c)
    d.indicator("المفاوضات ستنجح", [], None, None)
    return d.analysis()


def emoji_doc() -> Doc:
    """Characters outside the Basic Multilingual Plane before the names: one code point each in
    Python, two UTF-16 units in a browser."""
    d = Doc("a8-emoji", "🇱🇾📰 عاجل 😀: وصل خليفة حفتر إلى 𝐑𝐨𝐦𝐚 ثم إلى القاهرة.",
            title="عاجل", published="2017-09-01")
    d.entity("PERSON", "خليفة حفتر", "khalifa-haftar")
    d.entity("GPE", "القاهرة", "cairo")
    d.time("عاجل", "PRESENT_REF")
    return d
