"""Entities, events, timelines and quotes derived from stored analyses; reanalysis; migrations.
Both backends; the analyses are dicts of the contract written by the tests."""

from __future__ import annotations

import json
from typing import Any

import pytest
from store_builders import add, analysis, entity, event, quote

import marsad
from marsad.errors import StoreError
from marsad.ingest import current_analyzer, reanalyze
from marsad.store import Store, open_store

T1 = "استقبل الرئيس قيس سعيد وزير الخارجية الجزائري في قصر قرطاج، وقال سعيد إن «العلاقات بين البلدين متينة»."
T2 = "التقى وزير الخارجية الجزائري نظيره التونسي في الجزائر العاصمة لبحث ملف الحدود."
T3 = "زار الرئيس قيس سعيد مدينة صفاقس وتفقد الميناء، وصرح بأن «الدولة ستدعم الاستثمار في الجهة»."


def _fill(store: Store) -> None:
    e1 = [entity(T1, "E1", "PERSON", "قيس سعيد", ["قيس سعيد", "سعيد"], kb_id="Q-saied", name_en="Kais Saied"),
          entity(T1, "E2", "PERSON", "وزير الخارجية الجزائري", ["وزير الخارجية الجزائري"]),
          entity(T1, "E3", "FAC", "قصر قرطاج", ["قصر قرطاج"])]
    v1 = [event(T1, "V1", "043", "host a visit", "استقبل الرئيس قيس سعيد وزير الخارجية", source="E1", target="E2",
                location="E3", date="2024-02-11")]
    q1 = [quote(T1, "العلاقات بين البلدين متينة", "E1")]
    add(store, "a1", T1, published="2024-02-11", source="وكالة",
        result=analysis(T1, uid="a1", published="2024-02-11", entities=e1, events=v1, quotes=q1))
    e2 = [entity(T2, "E1", "PERSON", "وزير الخارجية الجزائري", ["وزير الخارجية الجزائري"]),
          entity(T2, "E2", "GPE", "الجزائر", ["الجزائر"])]
    v2 = [event(T2, "V1", "040", "consult", "التقى وزير الخارجية الجزائري نظيره", source="E1", location="E2")]
    add(store, "a2", T2, published="2024-01-20", source="إذاعة",
        result=analysis(T2, uid="a2", published="2024-01-20", entities=e2, events=v2))
    # the same visit reported by another outlet, and a later event of the same actor
    e3 = [entity(T3, "E1", "PERSON", "قيس سعيد", ["قيس سعيد"], kb_id="Q-saied"),
          entity(T3, "E2", "GPE", "صفاقس", ["صفاقس"])]
    v3 = [event(T3, "V1", "042", "make a visit", "زار الرئيس قيس سعيد مدينة صفاقس", source="E1", location="E2",
                date="2024-03"),
          event(T3, "V2", "043", "host a visit", "زار الرئيس", source="E1", target=None, date=None)]
    q3 = [quote(T3, "الدولة ستدعم الاستثمار في الجهة", "E1", kind="direct", date="2024-03-02")]
    add(store, "a3", T3, published="2024-03-02", source="وكالة",
        result=analysis(T3, uid="a3", published="2024-03-02", entities=e3, events=v3, quotes=q3))


@pytest.fixture
def filled(store: Store) -> Store:
    _fill(store)
    return store


def test_entities_by_articles(filled: Store) -> None:
    rows = filled.entities()
    top = rows[0]
    assert (top["name"], top["articles"], top["mentions"], top["kb_id"]) == ("قيس سعيد", 2, 3, "Q-saied")
    assert {r["name"] for r in rows} >= {"وزير الخارجية الجزائري", "الجزائر", "صفاقس", "قصر قرطاج"}
    assert [r["name"] for r in filled.entities("GPE")] in (["الجزائر", "صفاقس"], ["صفاقس", "الجزائر"])
    assert len(filled.entities(top=2)) == 2


def test_events_filters(filled: Store) -> None:
    everything = filled.events()
    assert [e["date"] for e in everything] == ["2024-01-20", "2024-02-11", "2024-03-01", "2024-03-02"]
    # an event without a date takes the article's; a month-level value starts on its first day
    assert everything[2]["date_value"] == "2024-03" and everything[3]["date_value"] is None
    saied = filled.events(actor="قيس سعيد")
    assert [e["code"] for e in saied] == ["043", "042", "043"]
    assert {e["source"] for e in saied} == {"قيس سعيد"}
    assert [e["code"] for e in filled.events(actor="Kais Saied")] == ["043", "042", "043"]
    assert [e["code"] for e in filled.events(actor="سعيد", code="042")] == ["042"]
    assert [e["code"] for e in filled.events(code="04")] == ["040", "043", "042", "043"]
    assert [e["article"] for e in filled.events(date_from="2024-02-01", date_to="2024-02-28")] == ["a1"]
    # the target side counts as well
    assert [e["article"] for e in filled.events(actor="وزير الخارجية الجزائري")] == ["a2", "a1"]
    assert filled.events(actor="نكرة") == []
    first = filled.events(actor="قيس سعيد")[0]
    assert first["evidence"] == "استقبل الرئيس قيس سعيد وزير الخارجية"
    assert (first["target"], first["location"]) == ("وزير الخارجية الجزائري", "قصر قرطاج")


def test_timeline_groups_reports_of_one_event(filled: Store) -> None:
    # a second outlet reports the February visit
    text = "أفادت مصادر رسمية أن الرئيس قيس سعيد استقبل وزير الخارجية الجزائري بقصر قرطاج."
    ents = [entity(text, "E1", "PERSON", "قيس سعيد", ["قيس سعيد"], kb_id="Q-saied"),
            entity(text, "E2", "PERSON", "وزير الخارجية الجزائري", ["وزير الخارجية الجزائري"]),
            entity(text, "E3", "FAC", "قصر قرطاج", ["قصر قرطاج"])]
    evs = [event(text, "V1", "043", "host a visit", "قيس سعيد استقبل", source="E1", target="E2", location="E3",
                 date="2024-02-11")]
    add(filled, "a4", text, published="2024-02-12", source="صحيفة",
        result=analysis(text, uid="a4", published="2024-02-12", entities=ents, events=evs))
    line = filled.timeline("قيس سعيد")
    assert [(e["date"], e["code"]) for e in line] == [("2024-02-11", "043"), ("2024-03-01", "042"),
                                                       ("2024-03-02", "043")]
    assert [a["id"] for a in line[0]["articles"]] == ["a1", "a4"]
    assert line[0]["articles"][1]["outlet"] == "صحيفة"


def test_quotes_by_speaker(filled: Store) -> None:
    rows = filled.quotes(speaker="قيس سعيد")
    assert [q["text"] for q in rows] == ["العلاقات بين البلدين متينة", "الدولة ستدعم الاستثمار في الجهة"]
    assert rows[0]["speaker"] == "قيس سعيد" and rows[0]["article"] == "a1"
    assert filled.quotes(speaker="الجزائر") == []
    assert len(filled.quotes()) == 2


def test_stored_analysis_is_the_contract(store: Store) -> None:
    text = "وصل وزير الخارجية إلى القاهرة أمس في زيارة رسمية."
    real = marsad.analyze(text, "2025-12-18", doc_id="real").to_dict()
    add(store, "real", text, published="2025-12-18", result=real)
    assert store.analysis("real") == real
    assert store.analysis("missing") is None
    assert store.count("analyses") == 1
    # whatever the stages of this checkout found is in the derived tables, as the contract says
    assert store.count("mentions") == sum(len(e["mentions"]) for e in real["entities"])
    assert {(r["name"], r["type"]) for r in store.entities(top=100)} == {(e["name"], e["type"]) for e in real["entities"]}
    assert store.count("events") == len(real["events"]) and store.count("quotes") == len(real["quotes"])


def test_reanalyze_replaces_outdated_analyses(filled: Store) -> None:
    analyzer, stages = current_analyzer()
    assert filled.stale_analyses(analyzer, stages) != []
    summary = reanalyze(filled)
    assert (summary.articles, summary.reanalyzed, summary.failed) == (3, 3, 0)
    assert filled.stale_analyses(analyzer, stages) == []
    fresh = filled.analysis("a1")
    assert fresh is not None and fresh["document"]["analyzer"] == analyzer
    # the derived tables now hold what the new analysis says (the stages of this checkout)
    assert filled.count("events") == sum(len(filled.analysis(u)["events"]) for u in ("a1", "a2", "a3"))  # type: ignore[index]
    assert reanalyze(filled).articles == 0
    assert reanalyze(filled, everything=True).reanalyzed == 3


def test_reanalyze_keeps_the_old_analysis_when_the_new_one_fails(filled: Store, monkeypatch: Any) -> None:
    def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("stage crashed")

    monkeypatch.setattr(marsad, "analyze", broken)
    before = filled.analysis("a1")
    summary = reanalyze(filled)
    assert summary.failed == 3 and summary.reanalyzed == 0
    assert "stage crashed" in str(summary.failures[0])
    assert filled.analysis("a1") == before
    assert len(filled.events()) == 4


def test_schema_is_versioned(store_url: str, backend: str, monkeypatch: Any) -> None:
    from marsad.store import migrations
    from marsad.store.migrations import Migration

    s = open_store(store_url, write=True)
    assert s.schema_version() == migrations.LATEST
    assert s.migrate() == []  # nothing pending
    s.close()
    extra = Migration(migrations.LATEST + 1, "a test column", ("ALTER TABLE articles ADD COLUMN note TEXT",),
                      ("ALTER TABLE articles ADD COLUMN note TEXT",))
    monkeypatch.setattr(migrations, "MIGRATIONS", (*migrations.MIGRATIONS, extra))
    monkeypatch.setattr("marsad.store.base.MIGRATIONS", (*migrations.MIGRATIONS,))
    monkeypatch.setattr("marsad.store.base.LATEST", extra.version)
    if backend == "sqlite":
        monkeypatch.setattr("marsad.store.sqlite.MIGRATIONS", (*migrations.MIGRATIONS,))
    else:
        monkeypatch.setattr("marsad.store.postgres.MIGRATIONS", (*migrations.MIGRATIONS,))
    with pytest.raises(StoreError, match="marsad migrate"):
        open_store(store_url)
    s = open_store(store_url, write=True)
    assert s.schema_version() == extra.version
    s.close()
    open_store(store_url).close()
    # a database made by a newer marsad is refused
    monkeypatch.setattr("marsad.store.base.LATEST", extra.version - 1)
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url, write=True)


def test_sqlite_errors_say_what_to_do(tmp_path: Any) -> None:
    with pytest.raises(StoreError, match="no database at"):
        open_store(str(tmp_path / "missing.db"))
    with pytest.raises(StoreError, match="does not exist"):
        open_store(str(tmp_path / "no" / "such" / "folder.db"), write=True)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all, just some bytes" * 100)
    with pytest.raises(StoreError, match="SQLite"):
        open_store(str(junk), write=True)
    empty = tmp_path / "empty.db"
    open_store(str(empty), write=True).close()
    with pytest.raises(StoreError, match="folder"):
        open_store(str(tmp_path), write=True)
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://localhost/news")


@pytest.mark.postgres
def test_postgres_errors_say_what_to_do() -> None:
    pytest.importorskip("psycopg")
    with pytest.raises(StoreError, match=r"cannot connect to PostgreSQL at postgresql://u:\*\*\*@127\.0\.0\.1:1/x"):
        open_store("postgresql://u:secret@127.0.0.1:1/x")
    with pytest.raises(StoreError, match="schema="):
        open_store("postgresql://127.0.0.1:1/x?schema=bad;drop")


def test_readers_are_not_blocked_by_a_writer(tmp_path: Any) -> None:
    """SQLite in WAL mode: a reader sees the last committed state while a write is open."""
    path = str(tmp_path / "wal.db")
    writer = open_store(path, write=True)
    add(writer, "first", "نص أول عن الاقتصاد الوطني والاستثمار.")
    reader = open_store(path)
    with writer.transaction():
        writer.execute("UPDATE articles SET title = 'x'")
        assert reader.count() == 1
        assert json.dumps(reader.stats())
    writer.close()
    reader.close()
