"""The store interface: one class of SQL both backends share, and what each must provide.

SQL here is written with ``?`` placeholders; the PostgreSQL backend turns them into ``%s``. No
statement contains a literal ``?`` or ``%`` (patterns are parameters). Everything a write does
for one batch happens in one transaction, so a process killed in the middle leaves either the
whole batch or none of it.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from marsad.errors import StoreError
from marsad.store.migrations import LATEST, MIGRATIONS
from marsad.store.records import ArticleRecord, Derived, DuplicateRecord, PreparedAnalysis, name_key


def date_window(column: str, date_from: str | None, date_to: str | None) -> tuple[list[str], list[Any]]:
    """SQL conditions (``?`` placeholders) and their values keeping ``column`` in a date window."""
    conds: list[str] = []
    params: list[Any] = []
    if date_from:
        conds.append(f"{column} >= ?")
        params.append(date_from)
    if date_to:
        conds.append(f"{column} <= ?")
        params.append(date_to)
    return conds, params


def now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class SearchFilters:
    """Filters a search (and the semantic search) applies; None means no filter."""

    entity: str | None = None
    code: str | None = None
    source: str | None = None
    date_from: str | None = None
    date_to: str | None = None


class Store(ABC):
    """An article store. Open one with :func:`marsad.store.open_store`."""

    backend: str = ""
    #: how the backend writes the placeholder of a JSON parameter
    json_param = "?"

    def __init__(self, url: str) -> None:
        self.url = url
        self._entity_ids: dict[str, int] = {}

    # -- backend primitives ----------------------------------------------------------------
    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement; returns a cursor (``fetchone``/``fetchall``)."""

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...

    @abstractmethod
    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction (nested use is not supported)."""
        yield

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def _has_schema_table(self) -> bool: ...

    @abstractmethod
    def _migration_statements(self, version: int) -> Sequence[str]: ...

    @abstractmethod
    def _index_articles(self, items: Sequence[tuple[int, tuple[str, str, str, str]]]) -> None:
        """Add articles to the search index (terms: marsad.search.terms.article_terms)."""

    @abstractmethod
    def search_ids(
        self, query: Any, filters: SearchFilters, limit: int, offset: int = 0
    ) -> list[tuple[int, float]]:
        """(article id, score) of the best matches of a parsed query, best first."""

    @abstractmethod
    def clone(self) -> Store:
        """Another connection to the same database (for a writer thread)."""

    def optimize(self) -> None:  # noqa: B027 (a backend may have nothing to do)
        """Tidy the search index and the planner's statistics after a large ingest."""

    def size_bytes(self) -> int | None:
        """The database's size on disk, when the backend can tell."""
        return None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ----------------------------------------------------------------------------
    def schema_version(self) -> int:
        if not self._has_schema_table():
            return 0
        row = self.execute("SELECT MAX(version) FROM marsad_schema").fetchone()
        return int(row[0] or 0)

    def check_schema(self, migrate: bool) -> None:
        version = self.schema_version()
        if version > LATEST:
            raise StoreError(
                f"the database {self.display_url} has schema version {version}, newer than this marsad "
                f"understands ({LATEST}); upgrade marsad (pip install -U marsad)"
            )
        if version == LATEST:
            return
        if not migrate:
            if version == 0:
                raise StoreError(
                    f"the database {self.display_url} has no marsad tables yet; "
                    "create them with 'marsad ingest PATH…' or 'marsad migrate'"
                )
            raise StoreError(
                f"the database {self.display_url} is at schema version {version} and this marsad needs "
                f"{LATEST}: migrate it with 'marsad migrate --db {self.display_url}'"
            )
        self.migrate()

    def migrate(self) -> list[int]:
        """Apply pending migrations; returns the versions applied."""
        applied = []
        if not self._has_schema_table():
            with self.transaction():
                self.execute(
                    "CREATE TABLE IF NOT EXISTS marsad_schema "
                    "(version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at TEXT NOT NULL)"
                )
        current = self.schema_version()
        for m in MIGRATIONS:
            if m.version <= current:
                continue
            try:
                with self.transaction():
                    for statement in self._migration_statements(m.version):
                        self.execute(statement)
                    if m.reindex:
                        self._reindex_all()
                    self.execute(
                        "INSERT INTO marsad_schema (version, description, applied_at) VALUES (?, ?, ?)",
                        (m.version, m.description, now()),
                    )
            except StoreError:
                raise
            except Exception as e:
                raise StoreError(
                    f"migration {m.version} ({m.description}) of {self.display_url} failed: {e}; "
                    "the database is unchanged by it; fix the cause and run 'marsad migrate' again"
                ) from e
            applied.append(m.version)
        return applied

    def _reindex_all(self, batch: int = 500) -> None:
        """Fill the (emptied) search index again from the stored articles, a batch at a time."""
        from marsad.search.terms import article_terms

        last = 0
        while True:
            rows = self.execute(
                "SELECT id, title, text FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, batch)
            ).fetchall()
            if not rows:
                return
            self._index_articles([(int(r[0]), article_terms(r[1], r[2])) for r in rows])
            last = int(rows[-1][0])

    @property
    def display_url(self) -> str:
        return self.url

    # -- ingest support --------------------------------------------------------------------
    def lookup_hashes(self, hashes: Sequence[str]) -> dict[str, tuple[str, str]]:
        """content hash → (uid, input key) of the stored articles among ``hashes``."""
        out: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(list(hashes), 500):
            marks = ",".join("?" * len(chunk))
            for h, uid, key in self.execute(
                f"SELECT content_hash, uid, input_key FROM articles WHERE content_hash IN ({marks})", chunk
            ).fetchall():
                out[h] = (uid, key)
        return out

    def hashes_by_key(self, keys: Sequence[str]) -> dict[str, str]:
        """input key → content hash of what is stored for it (an article, or the original of an
        exact duplicate)."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(keys), 500):
            marks = ",".join("?" * len(chunk))
            for key, h in self.execute(
                f"SELECT d.input_key, a.content_hash FROM duplicates d JOIN articles a ON a.id = d.original_id "
                f"WHERE d.kind = 'exact' AND d.input_key IN ({marks})",
                chunk,
            ).fetchall():
                out[key] = h
            for key, h in self.execute(
                f"SELECT input_key, content_hash FROM articles WHERE input_key IN ({marks})", chunk
            ).fetchall():
                out[key] = h
        return out

    def known_duplicate_keys(self, keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk in _chunks(list(keys), 500):
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in self.execute(
                    f"SELECT input_key FROM duplicates WHERE input_key IN ({marks})", chunk
                ).fetchall()
            )
        return out

    def taken(self, column: str, values: Sequence[str]) -> set[str]:
        """Which of ``values`` are already used in articles.``column`` (uid or input_key)."""
        assert column in ("uid", "input_key")
        out: set[str] = set()
        for chunk in _chunks(list(values), 500):
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0] for r in self.execute(f"SELECT {column} FROM articles WHERE {column} IN ({marks})", chunk)
            )
        return out

    def minhashes(self) -> Iterator[tuple[str, bytes]]:
        """(uid, signature) of every stored article that has one."""
        cur = self.execute("SELECT a.uid, m.signature FROM minhashes m JOIN articles a ON a.id = m.article_id")
        while True:
            rows = cur.fetchmany(5000)
            if not rows:
                return
            for uid, sig in rows:
                yield uid, bytes(sig)

    def write_batch(self, articles: Sequence[ArticleRecord], duplicates: Sequence[DuplicateRecord]) -> None:
        """Store new articles (with analyses and index rows) and duplicate links, atomically."""
        if not articles and not duplicates:
            return
        try:
            self._write_batch(articles, duplicates)
        except StoreError:
            raise
        except Exception as e:
            if self._is_conflict(e):
                raise StoreError(
                    f"another process stored some of these articles in {self.display_url} at the same time "
                    f"({' '.join(str(e).split())[:200]}); nothing of this batch was written: run the ingest again, "
                    "it skips what is stored"
                ) from e
            raise

    def _is_conflict(self, error: Exception) -> bool:
        return type(error).__name__ in ("IntegrityError", "UniqueViolation")

    def _write_batch(self, articles: Sequence[ArticleRecord], duplicates: Sequence[DuplicateRecord]) -> None:
        stamp = now()
        with self.transaction():
            new_ids = self._reserve_ids(len(articles))
            ids = {a.uid: new_ids[i] for i, a in enumerate(articles)}

            def resolve(uid: str) -> int:
                return ids.get(uid) or self._article_id(uid)

            rows: list[tuple[Any, ...]] = []
            signatures: list[tuple[Any, ...]] = []
            vectors: list[tuple[Any, ...]] = []
            links: list[tuple[Any, ...]] = []
            index: list[tuple[int, tuple[str, str, str, str]]] = []
            analyses: list[tuple[int, PreparedAnalysis, str]] = []
            for a, article_id in zip(articles, new_ids, strict=True):
                original = resolve(a.near_duplicate_of) if a.near_duplicate_of else None
                rows.append((article_id, a.uid, a.input_key, a.content_hash, a.title, a.text, a.source, a.url,
                             a.published, a.language, len(a.text), original, a.similarity, stamp))
                if a.minhash is not None:
                    signatures.append((article_id, a.minhash))
                if a.embedding is not None:
                    vectors.append((article_id, a.embedding_model, a.embedding))
                if original is not None:
                    links.append((a.input_key, original, "near", a.similarity, article_id, a.title, a.source, a.url,
                                  a.published, stamp))
                if a.terms is None:
                    from marsad.search.terms import article_terms

                    a.terms = article_terms(a.title, a.text)
                index.append((article_id, a.terms))
                if a.prepared is not None:
                    analyses.append((article_id, a.prepared, a.stages))
                elif a.analysis is not None:
                    analyses.append((article_id, PreparedAnalysis.of(a.analysis, a.published), a.stages))
            links.extend(
                (d.input_key, resolve(d.original_uid), d.kind, d.similarity, None, d.title, d.source, d.url,
                 d.published, stamp)
                for d in duplicates
            )
            if rows:
                self.executemany(
                    "INSERT INTO articles (id, uid, input_key, content_hash, title, text, source, url, published, "
                    "language, length, near_duplicate_of, similarity, ingested_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
            if signatures:
                self.executemany("INSERT INTO minhashes (article_id, signature) VALUES (?, ?)", signatures)
            if vectors:
                self.executemany("INSERT INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)", vectors)
            if links:
                self.executemany(
                    "INSERT INTO duplicates (input_key, original_id, kind, similarity, article_id, title, source, url, "
                    "published, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (input_key) DO NOTHING",
                    links,
                )
            if index:
                self._index_articles(index)
            if analyses:
                self._store_analyses(analyses, stamp)

    def _reserve_ids(self, n: int) -> list[int]:
        """Ids for ``n`` new articles (called inside the write transaction)."""
        if n == 0:
            return []
        first = int(self.execute("SELECT COALESCE(MAX(id), 0) + 1 FROM articles").fetchone()[0])
        return list(range(first, first + n))

    def _article_id(self, uid: str) -> int:
        row = self.execute("SELECT id FROM articles WHERE uid = ?", (uid,)).fetchone()
        if row is None:
            raise StoreError(f"no article with id {uid!r} in {self.display_url}")
        return int(row[0])

    # -- analyses --------------------------------------------------------------------------
    def _store_analyses(self, items: Sequence[tuple[int, PreparedAnalysis, str]], stamp: str) -> None:
        """Store analyses (article id, prepared analysis, stages) and the rows derived from them."""
        self.executemany(
            f"INSERT INTO analyses (article_id, schema, analyzer, stages, data, analyzed_at) "
            f"VALUES (?, ?, ?, ?, {self.json_param}, ?)",
            [(article_id, p.schema, p.analyzer, stages, p.json, stamp) for article_id, p, stages in items],
        )
        self._store_derived([(article_id, p.derived) for article_id, p, _ in items])

    def _upsert_entities(self, entities: dict[str, dict[str, Any]]) -> None:
        """Make sure these entities exist and their ids are in the cache (two statements a batch)."""
        missing = {ident: f for ident, f in entities.items() if ident not in self._entity_ids}
        if not missing:
            return
        if len(self._entity_ids) > 200_000:
            self._entity_ids.clear()
        self.executemany(
            "INSERT INTO entities (ident, kb_id, type, subtype, name, name_key, name_en) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ident) DO NOTHING",
            [(ident, f["kb_id"], f["type"], f["subtype"], f["name"], f["name_key"], f["name_en"])
             for ident, f in missing.items()],
        )
        for chunk in _chunks(list(missing), 500):
            rows = self.execute(
                f"SELECT ident, id FROM entities WHERE ident IN ({','.join('?' * len(chunk))})", chunk
            ).fetchall()
            self._entity_ids.update((r[0], int(r[1])) for r in rows)

    def _store_derived(self, items: Sequence[tuple[int, Derived]]) -> None:
        article_entities: list[tuple[Any, ...]] = []
        mentions: list[tuple[Any, ...]] = []
        events: list[tuple[Any, ...]] = []
        quotes: list[tuple[Any, ...]] = []
        self._upsert_entities({ident: f for _, d in items for ident, f in d.entities.items()})
        for article_id, d in items:
            ids = {ident: self._entity_ids[ident] for ident in d.entities}
            article_entities.extend((article_id, local, ids[ident], n, roles) for local, ident, n, roles in d.article_entities)
            mentions.extend((article_id, ids[ident], s, e, t, m) for ident, s, e, t, m in d.mentions)
            events.extend(
                (article_id, v["local_id"], v["code"], v["label"], v["plover"], ids.get(v["source"] or ""),
                 ids.get(v["target"] or ""), ids.get(v["location"] or ""), v["date_value"], v["day"], v["mode"],
                 v["confidence"], v["evidence_start"], v["evidence_end"])
                for v in d.events
            )
            quotes.extend(
                (article_id, q["start"], q["end"], q["text"], q["kind"], ids.get(q["speaker"] or ""),
                 ids.get(q["channel"] or ""), q["date_value"], q["day"])
                for q in d.quotes
            )
        if article_entities:
            self.executemany(
                "INSERT INTO article_entities (article_id, local_id, entity_id, mentions, roles) "
                "VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id, local_id) DO NOTHING",
                article_entities,
            )
        if mentions:
            self.executemany(
                "INSERT INTO mentions (article_id, entity_id, start_offset, end_offset, text, method) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                mentions,
            )
        if events:
            self.executemany(
                "INSERT INTO events (article_id, local_id, code, label, plover, source_id, target_id, "
                "location_id, date_value, day, mode, confidence, evidence_start, evidence_end) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                events,
            )
        if quotes:
            self.executemany(
                "INSERT INTO quotes (article_id, start_offset, end_offset, text, kind, speaker_id, channel_id, "
                "date_value, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                quotes,
            )

    def _clear_derived(self, article_id: int) -> None:
        for table in ("mentions", "article_entities", "events", "quotes"):
            self.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    def replace_analyses(self, items: Sequence[tuple[int, dict[str, Any], str]]) -> None:
        """Store new analyses (article id, analysis, stages); each replaces the old one atomically.

        The old analysis stays until the new one is written: both happen in one transaction."""
        stamp = now()
        with self.transaction():
            batch = []
            for article_id, analysis, stages in items:
                row = self.execute("SELECT published FROM articles WHERE id = ?", (article_id,)).fetchone()
                self._clear_derived(article_id)
                self.execute("DELETE FROM analyses WHERE article_id = ?", (article_id,))
                batch.append((article_id, PreparedAnalysis.of(analysis, row[0] if row else None), stages))
            if batch:
                self._store_analyses(batch, stamp)

    def stale_analyses(self, analyzer: str, stages: str, everything: bool = False) -> list[int]:
        """Ids of articles whose analysis was made by another analyzer or stage list (or all)."""
        if everything:
            sql = "SELECT a.id FROM articles a WHERE a.near_duplicate_of IS NULL ORDER BY a.id"
            params: tuple[Any, ...] = ()
        else:
            sql = (
                "SELECT a.id FROM articles a LEFT JOIN analyses n ON n.article_id = a.id "
                "WHERE a.near_duplicate_of IS NULL AND (n.id IS NULL OR n.analyzer <> ? OR n.stages <> ?) "
                "ORDER BY a.id"
            )
            params = (analyzer, stages)
        return [int(r[0]) for r in self.execute(sql, params).fetchall()]

    def articles_by_id(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        out: dict[int, dict[str, Any]] = {}
        cols = ("id", "uid", "title", "text", "source", "url", "published", "language", "near_duplicate_of")
        for chunk in _chunks(list(ids), 500):
            marks = ",".join("?" * len(chunk))
            for row in self.execute(f"SELECT {', '.join(cols)} FROM articles WHERE id IN ({marks})", chunk):
                out[int(row[0])] = dict(zip(cols, row, strict=True))
        return out

    def analysis(self, uid: str) -> dict[str, Any] | None:
        """The stored analysis of an article (of its original, for a near-duplicate)."""
        row = self.execute(
            "SELECT n.data FROM articles a JOIN analyses n ON n.article_id = COALESCE(a.near_duplicate_of, a.id) "
            "WHERE a.uid = ?",
            (uid,),
        ).fetchone()
        if row is None:
            return None
        data = row[0]
        return data if isinstance(data, dict) else json.loads(data)

    # -- counts ----------------------------------------------------------------------------
    def count(self, table: str = "articles") -> int:
        assert table in ("articles", "analyses", "duplicates", "entities", "events", "quotes", "mentions",
                         "embeddings")
        return int(self.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def stats(self) -> dict[str, int]:
        out = {t: self.count(t) for t in ("articles", "analyses", "duplicates", "entities", "events", "quotes")}
        out["near_duplicates"] = int(
            self.execute("SELECT COUNT(*) FROM articles WHERE near_duplicate_of IS NOT NULL").fetchone()[0]
        )
        return out

    # -- queries over what was extracted ---------------------------------------------------
    def entity_ids(self, name: str) -> list[int]:
        """Entities a user's name for them designates: by name, English name or knowledge-base id.

        A name matches an entity whose name is that name, or contains it as whole words
        («حفتر» finds «خليفة حفتر»); spelling variants fold (match_key)."""
        key = name_key(name)
        if not key:
            return []
        rows = self.execute(
            "SELECT id FROM entities WHERE name_key = ? OR kb_id = ? OR lower(name_en) = ? "
            "OR (' ' || name_key || ' ') LIKE ?",
            (key, name.strip(), name.strip().lower(), f"% {key} %"),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def sources_like(self, name: str) -> list[str]:
        """The stored source names equal to ``name`` ignoring case and spacing."""
        wanted = " ".join(name.split()).casefold()
        rows = self.execute("SELECT DISTINCT source FROM articles WHERE source IS NOT NULL").fetchall()
        return [r[0] for r in rows if " ".join(str(r[0]).split()).casefold() == wanted]

    def sources(self, limit: int = 20) -> list[str]:
        """The outlets with the most stored articles, most first."""
        rows = self.execute(
            "SELECT source, COUNT(*) AS n FROM articles WHERE source IS NOT NULL GROUP BY source "
            "ORDER BY n DESC, source LIMIT ?", (limit,),
        ).fetchall()
        return [str(r[0]) for r in rows]

    def filter_sql(self, filters: SearchFilters, column: str) -> tuple[str, list[Any]]:
        """SQL conditions on an article id ``column`` for the filters, and their parameters."""
        conds: list[str] = []
        params: list[Any] = []
        article_conds: list[str] = []
        if filters.source:
            names = self.sources_like(filters.source) or [filters.source]
            article_conds.append(f"source IN ({','.join('?' * len(names))})")
            params.extend(names)
        window, window_params = date_window("published", filters.date_from, filters.date_to)
        article_conds += window
        params.extend(window_params)
        if article_conds:
            conds.append(f"{column} IN (SELECT id FROM articles WHERE {' AND '.join(article_conds)})")
        if filters.entity:
            ids = self.entity_ids(filters.entity) or [-1]
            conds.append(
                f"{column} IN (SELECT article_id FROM article_entities WHERE entity_id IN ({','.join('?' * len(ids))}))"
            )
            params.extend(ids)
        if filters.code:
            conds.append(f"{column} IN (SELECT article_id FROM events WHERE code LIKE ?)")
            params.append(filters.code.strip() + "%")
        return " AND ".join(conds), params

    def entities(self, type_: str | None = None, top: int = 20) -> list[dict[str, Any]]:
        where = "WHERE e.type = ?" if type_ else ""
        params: list[Any] = [type_.upper()] if type_ else []
        rows = self.execute(
            "SELECT e.id, e.name, e.type, e.subtype, e.kb_id, e.name_en, COUNT(DISTINCT ae.article_id) AS n_articles, "
            "SUM(ae.mentions) AS n_mentions FROM entities e JOIN article_entities ae ON ae.entity_id = e.id "
            f"{where} GROUP BY e.id, e.name, e.type, e.subtype, e.kb_id, e.name_en "
            "ORDER BY n_articles DESC, n_mentions DESC, e.name LIMIT ?",
            [*params, top],
        ).fetchall()
        return [
            {"name": r[1], "type": r[2], "subtype": r[3], "kb_id": r[4], "name_en": r[5], "articles": int(r[6]),
             "mentions": int(r[7] or 0)}
            for r in rows
        ]

    _EVENT_SELECT = (
        "SELECT ev.id, ev.day, ev.date_value, ev.code, ev.label, ev.mode, ev.confidence, s.name, t.name, l.name, "
        "a.uid, a.title, a.source, a.url, a.published, "
        "substr(a.text, ev.evidence_start + 1, ev.evidence_end - ev.evidence_start) "
        "FROM events ev JOIN articles a ON a.id = ev.article_id "
        "LEFT JOIN entities s ON s.id = ev.source_id LEFT JOIN entities t ON t.id = ev.target_id "
        "LEFT JOIN entities l ON l.id = ev.location_id"
    )

    def events(
        self,
        actor: str | None = None,
        code: str | None = None,
        date_from: str | None = None,
        date_to: str | None = None,
        limit: int = 100,
    ) -> list[dict[str, Any]]:
        conds: list[str] = []
        params: list[Any] = []
        if actor is not None:
            ids = self.entity_ids(actor) or [-1]
            marks = ",".join("?" * len(ids))
            conds.append(f"(ev.source_id IN ({marks}) OR ev.target_id IN ({marks}))")
            params.extend(ids + ids)
        if code:
            conds.append("ev.code LIKE ?")
            params.append(code.strip() + "%")
        window, window_params = date_window("ev.day", date_from, date_to)
        conds += window
        params.extend(window_params)
        where = (" WHERE " + " AND ".join(conds)) if conds else ""
        rows = self.execute(
            f"{self._EVENT_SELECT}{where} ORDER BY (ev.day IS NULL), ev.day, a.published, ev.id LIMIT ?", [*params, limit]
        ).fetchall()
        return [
            {"date": r[1], "date_value": r[2], "code": r[3], "label": r[4], "mode": r[5], "confidence": r[6],
             "source": r[7], "target": r[8], "location": r[9], "article": r[10], "title": r[11],
             "outlet": r[12], "url": r[13], "published": r[14], "evidence": r[15]}
            for r in rows
        ]

    def timeline(self, actor: str, limit: int = 1000) -> list[dict[str, Any]]:
        """The actor's events in date order; one entry per (date, code, source, target, location)
        with the articles that report it."""
        entries: dict[tuple[Any, ...], dict[str, Any]] = {}
        for ev in self.events(actor=actor, limit=limit * 10):
            key = (ev["date"], ev["code"], ev["source"], ev["target"], ev["location"])
            entry = entries.get(key)
            if entry is None:
                if len(entries) >= limit:
                    continue
                entry = entries[key] = {
                    "date": ev["date"], "code": ev["code"], "label": ev["label"], "source": ev["source"],
                    "target": ev["target"], "location": ev["location"], "articles": [],
                }
            article = {"id": ev["article"], "title": ev["title"], "outlet": ev["outlet"], "url": ev["url"],
                       "published": ev["published"]}
            if article not in entry["articles"]:
                entry["articles"].append(article)
        return list(entries.values())

    def quotes(self, speaker: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        params: list[Any] = []
        where = ""
        if speaker is not None:
            ids = self.entity_ids(speaker) or [-1]
            where = f" WHERE q.speaker_id IN ({','.join('?' * len(ids))})"
            params.extend(ids)
        rows = self.execute(
            "SELECT q.day, q.date_value, s.name, c.name, q.kind, q.text, a.uid, a.title, a.source, a.url, "
            "a.published FROM quotes q JOIN articles a ON a.id = q.article_id "
            "LEFT JOIN entities s ON s.id = q.speaker_id LEFT JOIN entities c ON c.id = q.channel_id"
            f"{where} ORDER BY (q.day IS NULL), q.day, a.published, q.id LIMIT ?",
            [*params, limit],
        ).fetchall()
        return [
            {"date": r[0], "date_value": r[1], "speaker": r[2], "channel": r[3], "kind": r[4], "text": r[5],
             "article": r[6], "title": r[7], "outlet": r[8], "url": r[9], "published": r[10]}
            for r in rows
        ]

    # -- embeddings ------------------------------------------------------------------------
    def missing_embeddings(self, model: str) -> list[int]:
        rows = self.execute(
            "SELECT a.id FROM articles a LEFT JOIN embeddings m ON m.article_id = a.id AND m.model = ? "
            "WHERE m.article_id IS NULL ORDER BY a.id",
            (model,),
        ).fetchall()
        return [int(r[0]) for r in rows]

    def store_embeddings(self, model: str, items: Sequence[tuple[int, bytes]]) -> None:
        with self.transaction():
            for article_id, vector in items:
                self.execute("DELETE FROM embeddings WHERE article_id = ?", (article_id,))
                self.execute(
                    "INSERT INTO embeddings (article_id, model, vector) VALUES (?, ?, ?)", (article_id, model, vector)
                )

    def embeddings(self, model: str, filters: SearchFilters) -> Iterator[tuple[int, bytes]]:
        cond, params = self.filter_sql(filters, "article_id")
        where = " AND " + cond if cond else ""
        cur = self.execute(f"SELECT article_id, vector FROM embeddings WHERE model = ?{where}", [model, *params])
        while True:
            rows = cur.fetchmany(5000)
            if not rows:
                return
            for article_id, vector in rows:
                yield int(article_id), bytes(vector)


def _chunks(items: list[Any], n: int) -> Iterator[list[Any]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]
