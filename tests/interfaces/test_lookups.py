"""Looking up what is not there says so: an unknown actor or rule is one clear error naming it and
where to find the right one, not an empty table that reads like "no events"."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from marsad.cli import main
from marsad.store import Store
from marsad.watch import Rule, Target, add_rule, run_watch
from marsad.watch.engine import resolve_rule


def invoke(*args: str) -> Any:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def watched(filled: Store, db: str) -> Iterator[str]:
    rule = Rule(name="هدنة ليبيا", keywords='"وقف إطلاق النار"')
    add_rule(filled, rule)
    add_rule(filled, Rule(name="حفتر", actors=[Target("حفتر")]))
    run_watch(filled)
    filled.close()
    yield db


def test_unknown_actor_is_an_error_known_actor_without_rows_is_not(filled: Store, db: str) -> None:
    filled.close()
    for args in (("timeline", "مصطفى الغائب"), ("events", "--actor", "مصطفى الغائب"),
                 ("quotes", "--speaker", "مصطفى الغائب")):
        r = invoke(*args, "--db", db)
        assert r.exit_code == 4, (args, r.output)
        assert "no actor 'مصطفى الغائب'" in r.output and "marsad entities" in r.output
    r = invoke("quotes", "--speaker", "عبد الفتاح السيسي", "--db", db)  # in the store, quoted nowhere
    assert r.exit_code == 0 and "(nothing found)" in r.output
    r = invoke("timeline", "حفتر", "--db", db)
    assert r.exit_code == 0 and "a3-meeting" in r.output


def test_rules_by_number_or_name(watched: str) -> None:
    r = invoke("alerts", "--rule", "هدنه ليبيا", "--db", watched)  # ة written ه
    assert r.exit_code == 0, r.output
    assert "a2-tripoli" in r.output and "a1-cairo" not in r.output
    r = invoke("alerts", "--rule", "7", "--db", watched)
    assert r.exit_code == 4 and "no watch rule 7" in r.output
    r = invoke("alerts", "--rule", "قاعدة مجهولة", "--db", watched)
    assert r.exit_code == 4 and "no watch rule 'قاعدة مجهولة'" in r.output and "marsad watch list" in r.output
    r = invoke("watch", "pause", "حفتر", "--db", watched)
    assert r.exit_code == 0 and "rule 2 paused" in r.output
    r = invoke("watch", "run", "--rule", "هدنة ليبيا", "--db", watched)
    assert r.exit_code == 0 and "1 rule checked, " in r.output and "candidate article" in r.output


def test_resolve_rule_refuses_an_ambiguous_name(filled: Store) -> None:
    add_rule(filled, Rule(name="مراقبة", keywords="طرابلس"))
    add_rule(filled, Rule(name="مراقبة", keywords="القاهرة"))
    with pytest.raises(Exception, match="several watch rules"):
        resolve_rule(filled, "مراقبة")
    assert resolve_rule(filled, "2") == 2


def test_api_unknown_rule_and_actor(watched: str) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    with TestClient(create_app(watched)) as c:
        r = c.get("/api/alerts", params={"rule": 9})
        assert r.status_code == 404 and "no watch rule 9" in r.json()["error"]["message"]
        assert c.get("/api/alerts", params={"rule": 1}).json()["items"]
        r = c.get("/api/timeline", params={"actor": "مصطفى الغائب"})
        assert r.status_code == 400 and "no actor" in r.json()["error"]["message"]
        assert c.get("/api/timeline", params={"actor": "حفتر"}).json()["items"]


def test_watch_list_says_paused(watched: str) -> None:
    assert invoke("watch", "pause", "1", "--db", watched).exit_code == 0
    lines = invoke("watch", "list", "--db", watched).output.splitlines()
    assert lines[2].split()[:2] == ["1", "paused"] and lines[3].split()[:2] == ["2", "yes"]


def test_api_search_names_an_unknown_outlet(filled: Store, db: str) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    filled.close()
    with TestClient(create_app(db)) as c:
        r = c.get("/api/search", params={"q": "حفتر", "source": "وكالة مجهولة"})
        assert r.status_code == 400 and "no outlet 'وكالة مجهولة'" in r.json()["error"]["message"]
        assert "وكالة تجريبية" in r.json()["error"]["message"]
        r = c.get("/api/search", params={"q": "حفتر", "source": "وكالة تجريبية"})
        assert r.status_code == 200 and r.json()["items"]
        r = c.get("/api/search", params={"q": "كلمةغائبة", "source": "وكالة تجريبية"})
        assert r.status_code == 200 and r.json()["items"] == []


def test_alerts_table_names_the_rule(watched: str) -> None:
    r = invoke("alerts", "--db", watched)
    assert r.exit_code == 0
    assert any("1 هدنة ليبيا" in line and "a2-tripoli" in line for line in r.output.splitlines()), r.output
