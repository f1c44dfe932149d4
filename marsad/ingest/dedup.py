"""Duplicates: exact (the same normalized text) and near (MinHash LSH over word shingles).

The exact key is the sha256 of the text's matching keys with white space collapsed, so copies
that differ only in diacritics, alef forms or spacing are one article. Near-duplicates (a
republished dispatch with a changed sentence) are found with datasketch's MinHash LSH over
word 3-grams; a near-duplicate is stored and searchable, linked to its original, and not
analyzed again. Signatures are stored, so a later run (or a resumed one) finds the same originals.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import Any

from marsad.text.normalize import match_key

NUM_PERM = 64
THRESHOLD = 0.8
SHINGLE = 3
#: texts with fewer words than this are compared only exactly
MIN_WORDS = 12
SEED = 1


_template: Any = None


def _fresh() -> Any:
    """A new empty MinHash (copying a template skips recomputing the permutations)."""
    global _template
    if _template is None:
        from datasketch import MinHash

        _template = MinHash(num_perm=NUM_PERM, seed=SEED)
    return _template.copy()


def content_hash(text: str) -> str:
    return hashlib.sha256(" ".join(match_key(text).split()).encode("utf-8", "surrogatepass")).hexdigest()


def signature(text: str) -> bytes | None:
    """The MinHash signature of a text (uint32 little-endian), or None when it is too short."""
    from marsad.text.normalize import normalize
    from marsad.text.tokens import PUNCT, SYMBOL, tokenize

    keys = [i.key for i in tokenize(normalize(text)).infos if i.kind not in (PUNCT, SYMBOL)]
    if len(keys) < MIN_WORDS:
        return None
    shingles = {" ".join(keys[i : i + SHINGLE]).encode("utf-8", "surrogatepass") for i in range(len(keys) - SHINGLE + 1)}
    m = _fresh()
    m.update_batch(list(shingles))
    return m.hashvalues.astype("<u4").tobytes()


class NearDuplicates:
    """An in-memory LSH index of the originals' signatures (loaded from the store at start)."""

    def __init__(self, stored: Iterable[tuple[str, bytes]] = ()) -> None:
        from datasketch import MinHashLSH

        self._lsh: Any = MinHashLSH(threshold=THRESHOLD, num_perm=NUM_PERM)
        self._sigs: dict[str, Any] = {}
        for uid, sig in stored:
            self.add(uid, sig)

    def _minhash(self, sig: bytes) -> Any:
        import numpy as np

        m = _fresh()
        # set the values on a fresh MinHash of the same parameters (the signature's scheme)
        m.hashvalues = np.frombuffer(sig, dtype="<u4").astype(m.hashvalues.dtype)
        return m

    def add(self, uid: str, sig: bytes) -> None:
        if uid in self._sigs:
            return
        m = self._minhash(sig)
        self._lsh.insert(uid, m)
        self._sigs[uid] = m

    def find(self, sig: bytes, add_as: str | None = None) -> tuple[str, float] | None:
        """The most similar original above the threshold: (uid, estimated Jaccard).

        With ``add_as``, a text that has no such original is added under that uid."""
        m = self._minhash(sig)
        best: tuple[str, float] | None = None
        for uid in self._lsh.query(m):
            sim = float(m.jaccard(self._sigs[uid]))
            if sim >= THRESHOLD and (best is None or sim > best[1] or (sim == best[1] and uid < best[0])):
                best = (uid, sim)
        if best is None and add_as is not None and add_as not in self._sigs:
            self._lsh.insert(add_as, m)
            self._sigs[add_as] = m
        return best

    def __len__(self) -> int:
        return len(self._sigs)
