"""The knowledge base: who and what marsad links mentions to.

The embedded base ships in ``marsad/kb/data/`` (YAML and TSV, see :mod:`marsad.kb.loader` for
the format). Users extend or override it with their own files: folders or files listed in
``$MARSAD_KB_PATH`` (separated by ``:``) and the user folder (``marsad kb add FILE`` copies a
validated file there). An entry whose id already exists overrides the fields it gives and adds
its aliases to the earlier ones.

    >>> from marsad.kb import load_kb
    >>> kb = load_kb()
    >>> [e.id for e in kb.lookup("بنغازي")]     # doctest: +SKIP
    ['benghazi']
"""

from __future__ import annotations

import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import fields, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from marsad.errors import KnowledgeBaseError
from marsad.kb.loader import kb_files, read_file
from marsad.kb.model import KNOWN_SUBTYPES, KBEntry, KBRole
from marsad.text.normalize import normalize
from marsad.text.tokens import tokenize

__all__ = ["KBEntry", "KBRole", "KnowledgeBase", "alias_key", "embedded_dir", "load_kb", "user_kb_dir"]

KB_PATH_ENV = "MARSAD_KB_PATH"
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")


def embedded_dir() -> Path:
    return Path(str(resources.files("marsad.kb").joinpath("data")))


def user_kb_dir() -> Path:
    """Where ``marsad kb add`` puts files: $MARSAD_KB_DIR, else $XDG_DATA_HOME/marsad/kb."""
    explicit = os.environ.get("MARSAD_KB_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "marsad" / "kb"


def alias_key(name: str) -> str:
    """The lookup key of a name: its tokens' matching keys joined by single spaces.

    The matcher builds the same key from the tokens of an article, so «إسلام آباد»,
    «اسلام أباد» and «إسلام  آباد» all meet at 'اسلام اباد'."""
    return " ".join(tokenize(normalize(name)).keys)


def _merge(old: KBEntry, new: KBEntry) -> KBEntry:
    changes: dict[str, Any] = {}
    defaults = KBEntry(id=new.id, type=new.type, name=new.name)
    for f in fields(KBEntry):
        value = getattr(new, f.name)
        if f.name in ("aliases", "weak_aliases", "adjectives"):
            merged = tuple(dict.fromkeys(getattr(old, f.name) + value))
            if f.name == "aliases":
                if old.name != new.name:
                    merged = tuple(dict.fromkeys((*merged, old.name)))
                merged = tuple(a for a in merged if a != new.name)
            # a weak alias equal to the name stays: it makes that name weak
            changes[f.name] = merged
        elif f.name in ("id", "type", "name", "source_file") or value != getattr(defaults, f.name):
            changes[f.name] = value
    return replace(old, **changes)


class KnowledgeBase:
    """Entries by id, and the indexes the matcher uses."""

    def __init__(self, entries: Iterable[KBEntry] = (), files: Sequence[Path] = ()) -> None:
        self.entries: dict[str, KBEntry] = {}
        self.files: list[Path] = list(files)
        self.warnings: list[str] = []
        for e in entries:
            self.add(e)
        self._index: dict[str, tuple[str, ...]] | None = None
        self._weak: set[str] = set()
        self._adjectives: dict[str, str] | None = None

    def add(self, entry: KBEntry) -> None:
        old = self.entries.get(entry.id)
        self.entries[entry.id] = _merge(old, entry) if old else entry
        self._index = None
        self._adjectives = None

    # -- lookups --------------------------------------------------------------------------------
    def get(self, entry_id: str) -> KBEntry | None:
        return self.entries.get(entry_id)

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self.entries

    @property
    def alias_index(self) -> dict[str, tuple[str, ...]]:
        """alias key → ids of the entries that carry that name, most prominent first."""
        if self._index is None:
            self._build_index()
        assert self._index is not None
        return self._index

    @property
    def weak_keys(self) -> set[str]:
        """Alias keys that only count with a supporting context."""
        if self._index is None:
            self._build_index()
        return self._weak

    @property
    def adjective_index(self) -> dict[str, str]:
        """Nationality adjective key (باكستاني, باكستانيه …) → id of its state."""
        if self._adjectives is None:
            index: dict[str, str] = {}
            for e in self.entries.values():
                for adj in e.adjectives:
                    index.setdefault(alias_key(adj), e.id)
            self._adjectives = index
        return self._adjectives

    def _build_index(self) -> None:
        index: dict[str, list[str]] = defaultdict(list)
        weak: set[str] = set()
        for e in self.entries.values():
            for name in e.all_names():
                key = alias_key(name)
                if key and e.id not in index[key]:
                    index[key].append(e.id)
            for name in e.weak_aliases:
                key = alias_key(name)
                if key:
                    weak.add(key)
                    if e.id not in index[key]:
                        index[key].append(e.id)

        def rank(entry_id: str) -> tuple[int, int]:
            e = self.entries[entry_id]
            return (-e.prominence, -(e.population or 0))

        self._index = {k: tuple(sorted(v, key=rank)) for k, v in index.items()}
        self._weak = weak

    def lookup(self, name: str) -> list[KBEntry]:
        """Entries with this id or carrying this name (any spelling that shares its key)."""
        found = []
        if name in self.entries:
            found.append(self.entries[name])
        for entry_id in self.alias_index.get(alias_key(name), ()):
            if self.entries[entry_id] not in found:
                found.append(self.entries[entry_id])
        return found

    def children(self, entry_id: str) -> list[KBEntry]:
        return [e for e in self.entries.values() if e.parent == entry_id]

    def stats(self) -> dict[str, Any]:
        by_type = Counter(e.type for e in self.entries.values())
        by_subtype = Counter(e.subtype or "-" for e in self.entries.values())
        # names: distinct (entity, lookup key) pairs, i.e. the spellings the index really holds
        # (two spellings that share a key, «بنغازي»/«بنغازى», count once)
        names = arabic = 0
        for e in self.entries.values():
            keys = {alias_key(n) for n in (*e.all_names(), *e.weak_aliases)} - {""}
            names += len(keys)
            arabic += sum(1 for k in keys if _ARABIC_LETTER.search(k))
        return {
            "entities": len(self.entries),
            "names": names,
            "arabic_names": arabic,
            "adjectives": len(self.adjective_index),
            "distinct_keys": len(self.alias_index),
            "with_wikidata": sum(1 for e in self.entries.values() if e.wikidata),
            "with_roles": sum(1 for e in self.entries.values() if e.roles),
            "by_type": dict(by_type.most_common()),
            "by_subtype": dict(by_subtype.most_common()),
            "files": [str(p) for p in self.files],
            "warnings": self.warnings,
        }

    # -- checks ---------------------------------------------------------------------------------
    def check_references(self) -> None:
        """Every parent, capital and role organization names an entry that exists."""
        for e in self.entries.values():
            refs = [("parent", e.parent), ("capital", e.capital)] + [("roles", r.org) for r in e.roles]
            for field_name, ref in refs:
                if ref and ref not in self.entries:
                    raise KnowledgeBaseError(
                        f"entry '{e.id}' refers to '{ref}', which no knowledge-base file defines; "
                        "add that entry or fix the id",
                        e.source_file,
                        _line_of(e.source_file, e.id),
                        field_name,
                    )
            if e.subtype and e.subtype not in KNOWN_SUBTYPES:
                self.warnings.append(f"{e.source_file}: '{e.id}' has an unusual subtype '{e.subtype}'")


def _line_of(path: str, entry_id: str) -> int | None:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return None
    pattern = re.compile(rf"(^|\n)[ \t-]*id:\s*['\"]?{re.escape(entry_id)}['\"]?\s*(\n|$)|(^|\n){re.escape(entry_id)}\t")
    m = pattern.search(text)
    return text.count("\n", 0, m.start() + (1 if m.group(0).startswith("\n") else 0)) + 1 if m else None


def configured_paths() -> list[Path]:
    """User knowledge-base files and folders: $MARSAD_KB_PATH, then the user folder."""
    paths = [Path(p) for p in os.environ.get(KB_PATH_ENV, "").split(os.pathsep) if p.strip()]
    user = user_kb_dir()
    if user.is_dir():
        paths.append(user)
    return paths


def _expand(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            files.extend(kb_files(p))
        elif p.is_file():
            files.append(p)
        else:
            raise KnowledgeBaseError(
                f"knowledge-base path {p} does not exist; fix ${KB_PATH_ENV} or the --kb option", str(p)
            )
    return files


def build_kb(paths: Sequence[Path] = (), *, embedded: bool = True, user: bool = True) -> KnowledgeBase:
    """Load a knowledge base from the embedded data, then user paths, then ``paths``."""
    files = _expand(([embedded_dir()] if embedded else []) + (configured_paths() if user else []) + list(paths))
    kb = KnowledgeBase(files=files)
    for f in files:
        for entry in read_file(f):
            kb.add(entry)
    kb.check_references()
    return kb


@cache
def _cached(paths: tuple[str, ...], env: str) -> KnowledgeBase:
    return build_kb([Path(p) for p in paths])


def load_kb(paths: Sequence[str | Path] = ()) -> KnowledgeBase:
    """The knowledge base (embedded + configured + ``paths``), built once per process."""
    env = os.environ.get(KB_PATH_ENV, "") + "|" + str(user_kb_dir())
    return _cached(tuple(str(p) for p in paths), env)


def roles_text(roles: Iterable[KBRole]) -> str:
    return "; ".join(r.title for r in roles)
