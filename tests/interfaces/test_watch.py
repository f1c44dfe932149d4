"""Watch rules and alerts: rules by hand and from indicators, matching, evidence, idempotence."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from click.testing import CliRunner
from iface_support import Doc, cairo_meeting, corpus, indicator_analysis, rome_plan

from marsad.cli import main
from marsad.errors import ConfigError
from marsad.store import Store
from marsad.watch import (
    Rule,
    Target,
    add_rule,
    has_watch_tables,
    list_alerts,
    list_rules,
    parse_since,
    remove_rule,
    rules_from_analysis,
    run_watch,
    set_active,
)
from marsad.watch.schema import LATEST, ensure_watch_schema, watch_version


def alerted(store: Store, rule_id: int) -> list[str]:
    return sorted(a["article_id"] for a in list_alerts(store, rule_id=rule_id))


def test_rule_from_indicator_raises_alert_with_evidence(filled: Store) -> None:
    proposals = rules_from_analysis(indicator_analysis())
    assert len(proposals) == 2
    meeting, vague = proposals
    assert vague.rule is None and "no actor, event or place" in (vague.reason or "")
    rule = meeting.rule
    assert rule is not None
    assert [t.kb_ids for t in rule.actors] == [["khalifa-haftar"], ["fayez-al-sarraj"]]
    assert rule.codes == ["04"] and [t.kb_ids for t in rule.places] == [["cairo"]]
    assert rule.origin and rule.origin["indicator"] == "حفتر سيلتقي السراج في القاهرة قريبا"
    rule, created = add_rule(filled, rule)
    assert created
    summary = run_watch(filled)
    assert summary.new_alerts == 1
    # the meeting in Cairo matches; the talks in Tripoli (no Haftar) and the planned meeting in
    # Rome (another place) do not, nor Haftar's visit (one actor only)
    [alert] = list_alerts(filled)
    assert alert["article_id"] == "a3-meeting" and alert["rule"] == rule.id
    ev = alert["evidence"]
    doc = cairo_meeting()
    [event] = ev["events"]
    assert event["code"] == "040" and event["source"] == "خليفة حفتر" and event["target"] == "فايز السراج"
    assert event["location"] == "القاهرة" and event["day"] == "2017-04-10"
    assert doc.text[event["start"]:event["end"]] == event["text"] == "التقى خليفة حفتر فايز السراج في القاهرة"
    [quote] = ev["quotes"]
    assert quote["speaker"] == "فايز السراج" and quote["channel"] == "قناة ليبيا الحدث"
    assert doc.text[quote["start"]:quote["end"]] == quote["text"]
    assert ev["article"] == {"id": "a3-meeting", "title": "لقاء حفتر والسراج", "published": "2017-04-11",
                             "source": "وكالة تجريبية", "url": "https://example.org/a3-meeting"}
    for m in ev["mentions"]:
        assert doc.text[m["start"]:m["end"]] == m["text"]
    assert {m["role"] for m in ev["mentions"]} == {"actor", "place"}


def test_running_again_raises_nothing_twice(filled: Store) -> None:
    add_rule(filled, Rule(actors=[Target("حفتر")]))
    first = run_watch(filled)
    assert first.new_alerts == 3
    again = run_watch(filled)
    assert again.new_alerts == 0
    full = run_watch(filled, full=True)  # every article checked again: still nothing new
    assert full.new_alerts == 0 and full.checked >= 3
    assert len(list_alerts(filled)) == 3
    # the same rule again is the same rule
    _, created = add_rule(filled, Rule(actors=[Target("حفتر")]))
    assert not created and len(list_rules(filled)) == 1


def test_new_articles_are_checked_by_the_next_run(store: Store) -> None:
    rule, _ = add_rule(store, Rule(actors=[Target("khalifa-haftar")], codes=["04"]))
    assert run_watch(store).new_alerts == 0
    cairo_meeting().store(store)
    summary = run_watch(store)
    assert summary.new_alerts == 1 and summary.checked == 1
    rome_plan().store(store)
    assert [a["article_id"] for a in run_watch(store).alerts] == ["a4-rome"]
    assert alerted(store, rule.id or 0) == ["a3-meeting", "a4-rome"]


def test_new_only_ignores_stored_articles(filled: Store) -> None:
    from marsad.store.base import now

    time.sleep(1.1)  # analysis stamps have one-second resolution
    rule, _ = add_rule(filled, Rule(actors=[Target("حفتر")], since=now()))
    assert run_watch(filled).new_alerts == 0
    later = Doc("a5-later", "قال خليفة حفتر إن الجيش مستعد للحوار.", title="حفتر", published="2017-06-01")
    later.entity("PERSON", "خليفة حفتر", "khalifa-haftar")
    later.store(filled)
    assert alerted(filled, rule.id or 0) == [] and run_watch(filled).new_alerts == 1


def test_all_or_any_actor(filled: Store) -> None:
    both, _ = add_rule(filled, Rule(actors=[Target("حفتر"), Target("السراج")]))
    either, _ = add_rule(filled, Rule(actors=[Target("حفتر"), Target("السراج")], all_actors=False))
    run_watch(filled)
    assert alerted(filled, both.id or 0) == ["a3-meeting", "a4-rome"]
    assert alerted(filled, either.id or 0) == ["a1-cairo", "a2-tripoli", "a3-meeting", "a4-rome"]


def test_event_must_involve_the_actors(filled: Store) -> None:
    # Sisi hosts Haftar in a1: a 04 event of Sisi; in a3 Sisi is not there at all
    sisi, _ = add_rule(filled, Rule(actors=[Target("abdel-fattah-el-sisi")], codes=["043"]))
    kobler_haftar, _ = add_rule(filled, Rule(actors=[Target("martin-kobler"), Target("khalifa-haftar")], codes=["04"]))
    run_watch(filled)
    assert alerted(filled, sisi.id or 0) == ["a1-cairo"]
    assert alerted(filled, kobler_haftar.id or 0) == []


def test_date_window_applies_to_the_event_day(filled: Store) -> None:
    april, _ = add_rule(filled, Rule(actors=[Target("حفتر")], codes=["04"], date_from="2017-04-01", date_to="2017-04-30"))
    june, _ = add_rule(filled, Rule(actors=[Target("حفتر")], codes=["04"], date_from="2017-06-01"))
    run_watch(filled)
    assert alerted(filled, april.id or 0) == ["a1-cairo", "a3-meeting"]
    # the Rome meeting is announced in May for June: its event is dated 2017-06
    [alert] = list_alerts(filled, rule_id=june.id)
    assert alert["article_id"] == "a4-rome" and alert["evidence"]["events"][0]["mode"] == "planned"


def test_keywords_are_arabic_aware(filled: Store) -> None:
    # without the article, with another spelling of alef and hamza: the search folds them
    rule, _ = add_rule(filled, Rule(keywords='"وقف اطلاق النار"'))
    ceasefire_in_cairo, _ = add_rule(filled, Rule(keywords='"وقف إطلاق النار"', places=[Target("القاهرة")]))
    run_watch(filled)
    assert alerted(filled, rule.id or 0) == ["a2-tripoli", "a3-meeting"]
    [alert] = list_alerts(filled, rule_id=ceasefire_in_cairo.id)
    ev = alert["evidence"]
    assert alert["article_id"] == "a3-meeting"
    words = [k["text"] for k in ev["keywords"]]
    assert words == ["وقف", "إطلاق", "النار"]
    # the quote that carries the words is the evidence
    assert [q["text"] for q in ev["quotes"]] == ["الاتفاق على وقف إطلاق النار ممكن"]


def test_unknown_name_matches_nothing_until_it_appears(store: Store) -> None:
    rule, _ = add_rule(store, Rule(actors=[Target("مجلس المدينة الأعلى")]))
    assert rule.actors[0].kb_ids == []
    assert run_watch(store).new_alerts == 0
    d = Doc("a6-council", "اجتمع مجلس المدينة الأعلى أمس لبحث الميزانية.", title="اجتماع", published="2017-07-01")
    d.entity("ORG", "مجلس المدينة الأعلى", None)
    d.store(store)
    assert [a["article_id"] for a in run_watch(store).alerts] == ["a6-council"]


def test_reanalyzed_articles_are_checked_again(store: Store) -> None:
    d = Doc("a7", "وصل خليفة حفتر إلى روما.", title="حفتر", published="2017-08-01")
    d.entity("PERSON", "خليفة حفتر", "khalifa-haftar")
    d.store(store)
    rule, _ = add_rule(store, Rule(actors=[Target("حفتر")], codes=["042"]))
    assert run_watch(store).new_alerts == 0
    # a better analysis finds the visit: the next run sees the article again
    d.event("042", "Make a visit", "وصل خليفة حفتر إلى روما", "E1", None, None, "2017-08-01")
    row = store.execute("SELECT id FROM articles WHERE uid = 'a7'").fetchone()
    store.replace_analyses([(int(row[0]), d.analysis(), "test")])
    assert alerted(store, rule.id or 0) == []
    assert run_watch(store).new_alerts == 1


def test_remove_pause_resume(filled: Store) -> None:
    rule, _ = add_rule(filled, Rule(actors=[Target("السراج")]))
    set_active(filled, rule.id or 0, False)
    assert run_watch(filled).rules == 0 and list_alerts(filled) == []
    set_active(filled, rule.id or 0, True)
    assert run_watch(filled).new_alerts == 3
    assert remove_rule(filled, rule.id or 0) == 3
    assert list_rules(filled) == [] and list_alerts(filled) == []
    with pytest.raises(ConfigError, match="no watch rule 99"):
        remove_rule(filled, 99)


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        (Rule(), "needs something to watch for"),
        (Rule(codes=["4a"]), "not a CAMEO code"),
        (Rule(codes=["99"]), "no CAMEO code starts with '99'"),
        (Rule(keywords="في من"), "no word to search for"),
        (Rule(actors=[Target("حفتر")], date_from="2017-05-01", date_to="2017-04-01"), "swap them"),
        (Rule(actors=[Target("حفتر")], date_from="yesterday"), "is not a date"),
    ],
)
def test_bad_rules_say_what_is_wrong(store: Store, rule: Rule, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        add_rule(store, rule)


def test_schema_is_its_own_and_reading_needs_none(store: Store) -> None:
    assert not has_watch_tables(store) and list_alerts(store) == [] and list_rules(store) == []
    assert ensure_watch_schema(store) == [LATEST]
    assert ensure_watch_schema(store) == [] and watch_version(store) == LATEST
    # the store's own schema is untouched
    from marsad.store.migrations import LATEST as STORE_LATEST

    assert store.schema_version() == STORE_LATEST


def test_parse_since() -> None:
    assert parse_since("2017-04-03") == "2017-04-03"
    assert parse_since("2017-04-03T09:30") == "2017-04-03T09:30:00Z"
    assert parse_since("24h") is not None and parse_since("24h") < parse_since("1h")  # type: ignore[operator]
    assert parse_since(None) is None
    with pytest.raises(ConfigError, match="not a time"):
        parse_since("last tuesday")


def test_since_filters_alerts(filled: Store) -> None:
    add_rule(filled, Rule(actors=[Target("حفتر")]))
    run_watch(filled)
    assert len(list_alerts(filled, since="1h")) == 3
    assert list_alerts(filled, since="2999-01-01") == []


# -- the command -------------------------------------------------------------------------------

def invoke(*args: str, input: str | None = None) -> Any:
    result = CliRunner().invoke(main, list(args), input=input)
    return result


def test_cli_watch_flow(filled: Store, db: str, tmp_path: Any) -> None:
    analysis = tmp_path / "analysis.json"
    analysis.write_text(json.dumps(indicator_analysis(), ensure_ascii=False), encoding="utf-8")
    r = invoke("watch", "from-analysis", str(analysis), "--db", db)
    assert r.exit_code == 0, r.output
    assert "added rule 1" in r.output and "no rule: names no actor" in r.output
    r = invoke("watch", "from-analysis", str(analysis), "--db", db)
    assert "already there: rule 1" in r.output
    r = invoke("watch", "add", "--actor", "حفتر", "--code", "04", "--db", db, "--format", "json")
    assert r.exit_code == 0, r.output
    added = json.loads(r.output.splitlines()[0])
    assert added["id"] == 2 and added["actors"][0]["kb_ids"][0] == "khalifa-haftar"
    r = invoke("watch", "run", "--db", db)
    assert r.exit_code == 0 and "4 new alerts" in r.output, r.output
    r = invoke("alerts", "--db", db, "--format", "json")
    rows = [json.loads(line) for line in r.output.splitlines()]
    assert sorted((a["rule"], a["article_id"]) for a in rows) == [
        (1, "a3-meeting"), (2, "a1-cairo"), (2, "a3-meeting"), (2, "a4-rome")]
    r = invoke("alerts", "--db", db, "--rule", "1")
    assert "a3-meeting" in r.output and "040 Consult" in r.output
    r = invoke("watch", "list", "--db", db)
    assert r.exit_code == 0 and "actor خليفة حفتر + فايز السراج" in r.output
    r = invoke("watch", "remove", "2", "--db", db)
    assert "removed, with its 3 alerts" in r.output
    r = invoke("watch", "add", "--code", "xx", "--db", db)
    assert r.exit_code == 4 and "not a CAMEO code" in r.output


def test_cli_from_stored_article_and_errors(filled: Store, db: str) -> None:
    r = invoke("watch", "from-analysis", "--article", "a3-meeting", "--db", db)
    assert r.exit_code == 0 and "no indicator" in r.output
    r = invoke("watch", "from-analysis", "--article", "nope", "--db", db)
    assert r.exit_code == 4 and "no analysis of article 'nope'" in r.output
    r = invoke("watch", "from-analysis", "/no/such/file.json", "--db", db)
    assert r.exit_code == 3 and "does not exist" in r.output
    r = invoke("alerts", "--db", db, "--since", "whenever")
    assert r.exit_code == 4 and "--since 'whenever' is not a time" in r.output


def test_ingest_runs_the_watch(tmp_path: Any) -> None:
    """A rule, then 'marsad ingest' of a folder: the alert is raised by the ingest itself."""
    db = str(tmp_path / "w.db")
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("التقى خليفة حفتر فايز السراج في القاهرة يوم 10 أبريل 2017 لبحث الأزمة.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("افتتح وزير الفلاحة معرضا للتمور في توزر.\n", encoding="utf-8")
    r = invoke("watch", "add", "--actor", "khalifa-haftar", "--actor", "fayez-al-sarraj", "--db", db)
    assert r.exit_code == 0, r.output
    r = invoke("ingest", str(folder), "--db", db, "--no-progress")
    assert r.exit_code == 0, r.output
    assert "1 new alert" in r.output
    r = invoke("alerts", "--db", db, "--format", "json")
    [alert] = [json.loads(line) for line in r.output.splitlines()]
    assert {m["kb_id"] for m in alert["evidence"]["mentions"]} == {"khalifa-haftar", "fayez-al-sarraj"}
    r = invoke("ingest", str(folder), "--db", db, "--no-progress")
    assert "0 new alerts" in r.output
    r = invoke("ingest", str(folder), "--db", db, "--no-progress", "--no-watch")
    assert "alert" not in r.output


def test_corpus_offsets_are_consistent() -> None:
    """The builders' spans index their texts (a broken builder would make the tests above vacuous)."""
    for d in corpus():
        for e in d.entities:
            for m in e["mentions"]:
                assert d.text[m["start"]:m["end"]] == m["text"]
        for v in d.events:
            assert d.text[v["evidence"]["start"]:v["evidence"]["end"]] == v["text"]


@pytest.mark.postgres
def test_watch_network_brief_on_postgresql(pg_filled: Store) -> None:
    from marsad.explain.brief import build_brief
    from marsad.explain.network import build_network

    store = pg_filled
    meeting, _ = add_rule(store, Rule(actors=[Target("حفتر"), Target("السراج")], codes=["04"], places=[Target("القاهرة")]))
    words, _ = add_rule(store, Rule(keywords='"وقف اطلاق النار"'))
    assert run_watch(store).new_alerts == 3
    assert run_watch(store, full=True).new_alerts == 0
    assert alerted(store, meeting.id or 0) == ["a3-meeting"]
    assert alerted(store, words.id or 0) == ["a2-tripoli", "a3-meeting"]
    net = build_network(store, actor="حفتر", kind="events")
    assert any(e["source"] == "kb:khalifa-haftar" and e["weight"] == 2 for e in net["edges"])
    assert build_brief(store, actor="حفتر")["articles"] == 3
    assert remove_rule(store, words.id or 0) == 2
