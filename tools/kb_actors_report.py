"""Report on the knowledge base's actors (people/, orgs/, libya.yaml): counts by country and
type, and the alias keys that need a decision.

    python tools/kb_actors_report.py            # counts and clashes
    python tools/kb_actors_report.py --markdown # the table for docs/quality.md

Clashes listed:
  * a key that is a strong name of one entry and a weak alias of another: the index keeps weak
    keys per key, so the strong entry would need context too (give every bearer the same kind);
  * a strong key that an actor shares with a place, an outlet or an international body;
  * strong keys shared by several actors, with the order prominence gives them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

from marsad.kb import KnowledgeBase, alias_key, build_kb, embedded_dir
from marsad.kb.loader import read_file
from marsad.kb.model import KBEntry


def actor_files(data: Path) -> list[Path]:
    return sorted([*(data / "people").glob("*.yaml"), *(data / "orgs").glob("*.yaml"), data / "libya.yaml"])


def actors(data: Path) -> list[KBEntry]:
    return [e for f in actor_files(data) for e in read_file(f)]


def clashes(kb: KnowledgeBase, ids: set[str]) -> tuple[list[str], list[str], list[str]]:
    strong: dict[str, set[str]] = defaultdict(set)
    weak: dict[str, set[str]] = defaultdict(set)
    for e in kb.entries.values():
        for n in e.all_names():
            strong[alias_key(n)].add(e.id)
        for n in e.weak_aliases:
            weak[alias_key(n)].add(e.id)
    mixed = [
        f"{k}: strong {sorted(strong[k])}, weak {sorted(weak[k])}"
        for k in sorted(weak)
        if strong.get(k) and (strong[k] | weak[k]) & ids
    ]
    foreign = [
        f"{k}: {sorted(s & ids)} / {sorted(s - ids)}" for k, s in sorted(strong.items()) if s & ids and s - ids
    ]
    shared = [
        f"{k}: " + ", ".join(f"{i} ({kb.entries[i].prominence})" for i in kb.alias_index[k] if i in ids)
        for k, s in sorted(strong.items())
        if len(s & ids) > 1
    ]
    return mixed, foreign, shared


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--markdown", action="store_true", help="print the counts as a Markdown table")
    args = ap.parse_args(argv)
    data = embedded_dir()
    ents = actors(data)
    ids = {e.id for e in ents}
    by_country: dict[str, Counter[str]] = defaultdict(Counter)
    for e in ents:
        by_country[e.country or "-"][e.type] += 1
    people = sum(1 for e in ents if e.type == "PERSON")
    names = sum(1 + len(e.aliases) + len(e.weak_aliases) + (1 if e.name_en else 0) for e in ents)
    roles = sum(len(e.roles) for e in ents)
    subtypes = Counter(e.subtype or "-" for e in ents)
    if args.markdown:
        print(f"{len(ents)} actors: {people} people, {len(ents) - people} organizations; {names} names; {roles} roles\n")
        print("| country | people | organizations |\n| --- | --- | --- |")
        for c in sorted(by_country, key=lambda c: (-sum(by_country[c].values()), c)):
            print(f"| {c} | {by_country[c]['PERSON']} | {by_country[c]['ORG']} |")
        print("\nby subtype: " + ", ".join(f"{s} {n}" for s, n in subtypes.most_common()))
        return 0
    print(f"actors: {len(ents)}  people: {people}  organizations: {len(ents) - people}  names: {names}  roles: {roles}")
    for c in sorted(by_country, key=lambda c: (-sum(by_country[c].values()), c)):
        print(f"  {c}: {by_country[c]['PERSON']} people, {by_country[c]['ORG']} organizations")
    kb = build_kb(user=False)
    mixed, foreign, shared = clashes(kb, ids)
    for title, rows in (
        ("strong for one entry, weak for another", mixed),
        ("strong names shared with places, outlets or international bodies", foreign),
        ("strong names shared by several actors (prominence order)", shared),
    ):
        print(f"\n{title}: {len(rows)}")
        for r in rows:
            print("  " + r)
    return 1 if mixed else 0


if __name__ == "__main__":
    sys.exit(main())
