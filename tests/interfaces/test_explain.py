"""The actor network and the brief: weights, evidence, filters, formats; every brief line sourced."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from click.testing import CliRunner
from iface_support import Doc

from marsad.cli import main
from marsad.errors import ConfigError
from marsad.explain.brief import build_brief, to_markdown
from marsad.explain.network import build_network, to_csv, to_gexf
from marsad.store import Store
from marsad.watch import Rule, Target, add_rule, run_watch


def edge(net: dict[str, Any], kind: str, a: str, b: str) -> dict[str, Any] | None:
    for e in net["edges"]:
        if e["kind"] == kind and (e["source"], e["target"]) == (a, b):
            return e
        if e["kind"] == kind and not e["directed"] and (e["target"], e["source"]) == (a, b):
            return e
    return None


def test_event_links_are_directed_and_weighted(filled: Store) -> None:
    net = build_network(filled, kind="events")
    hs = edge(net, "event", "kb:khalifa-haftar", "kb:fayez-al-sarraj")
    assert hs is not None
    # a3 (met in Cairo) and a4 (planned in Rome): two events in two articles
    assert hs["weight"] == 2 and hs["articles"] == 2 and hs["codes"] == {"040": 2} and hs["directed"]
    assert sorted(hs["evidence"]) == ["a3-meeting", "a4-rome"]
    assert edge(net, "event", "kb:fayez-al-sarraj", "kb:khalifa-haftar") is None
    host = edge(net, "event", "kb:abdel-fattah-el-sisi", "kb:khalifa-haftar")
    assert host is not None and host["codes"] == {"043": 1} and host["evidence"] == ["a1-cairo"]
    assert all(e["kind"] == "event" for e in net["edges"])
    names = {n["id"]: n for n in net["nodes"]}
    assert names["kb:khalifa-haftar"]["name"] == "خليفة حفتر" and names["kb:khalifa-haftar"]["articles"] == 3


def test_comention_links(filled: Store) -> None:
    net = build_network(filled, kind="mentions")
    hs = edge(net, "co-mention", "kb:khalifa-haftar", "kb:fayez-al-sarraj")
    assert hs is not None and hs["weight"] == 2 and not hs["directed"]
    sk = edge(net, "co-mention", "kb:fayez-al-sarraj", "kb:martin-kobler")
    assert sk is not None and sk["weight"] == 1 and sk["evidence"] == ["a2-tripoli"]
    # the strongest links come first
    weights = [e["weight"] for e in net["edges"]]
    assert weights == sorted(weights, reverse=True)


def test_actor_and_dates_filter(filled: Store) -> None:
    net = build_network(filled, actor="مارتن كوبلر")
    ids = {n["id"] for n in net["nodes"]}
    assert ids == {"kb:martin-kobler", "kb:fayez-al-sarraj", "kb:tripoli"}
    assert all("kb:martin-kobler" in (e["source"], e["target"]) for e in net["edges"])
    april = build_network(filled, actor="khalifa-haftar", date_to="2017-04-30", kind="events")
    hs = edge(april, "event", "kb:khalifa-haftar", "kb:fayez-al-sarraj")
    assert hs is not None and hs["weight"] == 1 and hs["evidence"] == ["a3-meeting"]
    assert build_network(filled, min_weight=3)["edges"] == []
    with pytest.raises(ConfigError, match="no actor 'زيد عمرو'"):
        build_network(filled, actor="زيد عمرو")


def test_csv_and_gexf(filled: Store) -> None:
    net = build_network(filled)
    rows = list(csv.DictReader(io.StringIO(to_csv(net))))
    assert len(rows) == len(net["edges"])
    hs = next(r for r in rows if r["kind"] == "event" and r["source"] == "kb:khalifa-haftar"
              and r["target"] == "kb:fayez-al-sarraj")
    assert hs["source_name"] == "خليفة حفتر" and hs["codes"] == "040:2" and hs["weight"] == "2"
    root = ET.fromstring(to_gexf(net))
    ns = {"g": "http://gexf.net/1.3"}
    assert len(root.findall(".//g:node", ns)) == len(net["nodes"])
    edges = root.findall(".//g:edge", ns)
    assert len(edges) == len(net["edges"])
    assert {e.get("type") for e in edges} == {"directed", "undirected"}


def test_brief_on_an_actor(filled: Store) -> None:
    add_rule(filled, Rule(actors=[Target("حفتر"), Target("السراج")], codes=["04"]))
    run_watch(filled)
    b = build_brief(filled, actor="حفتر")
    assert b["articles"] == 3 and b["period"] == {"first": "2017-04-03", "last": "2017-05-20"}
    # the timeline: Haftar's own events, in date order, each with its source article
    assert [(e["date"], e["code"], e["mode"]) for e in b["timeline"]] == [
        ("2017-04-03", "043", "asserted"), ("2017-04-10", "040", "asserted"), ("2017-06", "040", "planned")]
    refs = {s["ref"]: s["id"] for s in b["sources"]}
    assert [refs[r] for e in b["timeline"] for r in e["sources"]] == ["a1-cairo", "a3-meeting", "a4-rome"]
    # his own words only
    assert [(q["speaker"], q["text"]) for q in b["quotes"]] == [("خليفة حفتر", "الحل في ليبيا سياسي قبل كل شيء")]
    actors = [a["name"] for a in b["actors"]]
    assert actors[0] == "فايز السراج" and "خليفة حفتر" not in actors
    assert sorted(refs[a["source"]] for a in b["alerts"]) == ["a3-meeting", "a4-rome"]
    assert all(a["what"].startswith("040 Consult: خليفة حفتر → فايز السراج") for a in b["alerts"])
    # the timeline's text is the article's
    stored = {d.uid: d for d in (_docs())}
    for e in b["timeline"]:
        assert e["text"] in stored[refs[e["sources"][0]]].text


def _docs() -> list[Doc]:
    from iface_support import corpus

    return corpus()


def test_brief_markdown_cites_every_line(filled: Store) -> None:
    md = to_markdown(build_brief(filled, actor="khalifa-haftar"))
    sections = re.split(r"^## ", md, flags=re.M)
    assert [s.splitlines()[0] for s in sections[1:]] == [
        "Main actors", "Timeline of events", "Key quotes", "Indicators to watch", "Alerts", "Sources"]
    sources = sections[-1]
    n_sources = len(re.findall(r"^\d+\. ", sources, flags=re.M))
    for section in sections[1:-1]:
        for line in section.splitlines()[1:]:
            if line.startswith("- "):
                cited = [int(x) for x in re.findall(r"\[(\d+)\]", line)]
                assert cited and all(1 <= c <= n_sources for c in cited), line
    assert "`a1-cairo`" in sources and "(none in the store)" in md  # no indicator was stored
    ar = to_markdown(build_brief(filled, actor="khalifa-haftar"), lang="ar")
    assert "## التسلسل الزمني للأحداث" in ar
    assert "*3 مقالات ·" in ar  # حفتر is in three articles: the plural, not «3 مقالا»
    assert "(PERSON, fayez-al-sarraj) · مقالان" in ar and "(GPE, cairo) · مقالان" in ar
    assert "*3 articles ·" in md and "(GPE, rome) · 1 article [" in md


def test_brief_on_a_query(filled: Store) -> None:
    b = build_brief(filled, query='"وقف إطلاق النار"')
    assert b["articles"] == 2
    refs = {s["ref"]: s["id"] for s in b["sources"]}
    assert {refs[e["sources"][0]] for e in b["timeline"]} == {"a2-tripoli", "a3-meeting"}
    # the quote that carries the words
    assert b["quotes"][0]["text"] == "الاتفاق على وقف إطلاق النار ممكن"
    assert b["quotes"][0]["channel"] == "قناة ليبيا الحدث"
    nothing = build_brief(filled, query="زلزال")
    assert nothing["articles"] == 0 and nothing["timeline"] == [] and nothing["sources"] == []
    with pytest.raises(ConfigError, match="one of them"):
        build_brief(filled)


def test_cli_network_and_brief(filled: Store, db: str, tmp_path: Any) -> None:
    r = CliRunner().invoke(main, ["network", "--db", db, "--actor", "السراج"])
    assert r.exit_code == 0, r.output
    net = json.loads(r.output)
    assert "kb:fayez-al-sarraj" in {n["id"] for n in net["nodes"]}
    out = tmp_path / "net.gexf"
    r = CliRunner().invoke(main, ["network", "--db", db, "--format", "gexf", "-o", str(out)])
    assert r.exit_code == 0 and out.read_text(encoding="utf-8").startswith("<?xml")
    r = CliRunner().invoke(main, ["brief", "--db", db, "--actor", "حفتر"])
    assert r.exit_code == 0 and r.output.startswith("# Brief: ")
    r = CliRunner().invoke(main, ["brief", "--db", db, "--query", "طرابلس", "--format", "json"])
    assert r.exit_code == 0 and json.loads(r.output)["articles"] == 1
    r = CliRunner().invoke(main, ["brief", "--db", db])
    assert r.exit_code == 2
    r = CliRunner().invoke(main, ["network", "--db", db, "--from", "04/2017"])
    assert r.exit_code == 4 and "--from" in r.output
