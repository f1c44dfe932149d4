"""Watch rules and alerts: hear about the articles that match what an analyst follows.

    >>> from marsad.store import open_store
    >>> from marsad.watch import Rule, Target, add_rule, run_watch, list_alerts
    >>> store = open_store("marsad.db", write=True)
    >>> rule, created = add_rule(store, Rule(actors=[Target("حفتر")], codes=["04"]))
    >>> summary = run_watch(store)          # also run by 'marsad ingest' when rules exist
    >>> for alert in list_alerts(store, since="24h"):
    ...     print(alert["rule_name"], alert["article_title"], alert["evidence"]["events"])

Rules are made by hand or from the indicators of an analysis (:func:`rules_from_analysis`); see
:mod:`marsad.watch.rules` for what a rule matches and :mod:`marsad.watch.engine` for the run.
"""

from marsad.watch.engine import (
    RunSummary,
    add_rule,
    count_alerts,
    get_rule,
    list_alerts,
    list_rules,
    parse_since,
    remove_rule,
    run_watch,
    set_active,
)
from marsad.watch.rules import Proposal, Rule, Target, check_rule, rules_from_analysis
from marsad.watch.schema import ensure_watch_schema, has_watch_tables

__all__ = [
    "Proposal", "Rule", "RunSummary", "Target", "add_rule", "check_rule", "count_alerts", "ensure_watch_schema",
    "get_rule", "has_watch_tables", "list_alerts", "list_rules", "parse_since", "remove_rule", "rules_from_analysis",
    "run_watch", "set_active",
]
