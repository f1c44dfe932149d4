"""Events and quotes in date order put the undated ones last, the same on every backend (SQLite
sorts NULL first, PostgreSQL last: an undated event led 'marsad events' on SQLite only)."""

from __future__ import annotations

from store_builders import add, analysis, entity, event, quote

from marsad.store import Store


def test_undated_events_and_quotes_come_last(store: Store) -> None:
    dated = "التقى رئيس البلدية ممثلي التجار يوم الخميس، وقال إن «السوق ستفتح قريبا»."
    undated = "زار والي الجهة المستشفى الجهوي، وقال إن «الأشغال ستنتهي في الموعد»."
    for uid, text, published, who, visit, said in (
        ("later", dated, "2024-06-06", "رئيس البلدية", "التقى رئيس البلدية", "السوق ستفتح قريبا"),
        ("nodate", undated, None, "والي الجهة", "زار والي الجهة", "الأشغال ستنتهي في الموعد"),
    ):
        ent = entity(text, "E1", "PERSON", who, [who])
        ev = event(text, "V1", "040" if uid == "later" else "042", "consult", visit, source="E1",
                   date=published)
        add(store, uid, text, published=published,
            result=analysis(text, uid=uid, published=published, entities=[ent], events=[ev],
                            quotes=[quote(text, said, "E1", date=published)]))
    events = store.events(None, None, None, None, 10)
    assert [e["article"] for e in events] == ["later", "nodate"]
    assert [q["article"] for q in store.quotes(None, 10)] == ["later", "nodate"]


def test_sources_most_articles_first(store: Store) -> None:
    for i, src in enumerate(["إذاعة الجنوب", "وكالة الأنباء", "وكالة الأنباء", None]):
        add(store, f"s{i}", f"خبر قصير رقم {i} عن الطقس في الجنوب التونسي.", source=src)
    assert store.sources(10) == ["وكالة الأنباء", "إذاعة الجنوب"]
    assert store.sources(1) == ["وكالة الأنباء"]
