"""Knowledge-base matching over token keys: clitic-aware, longest match first, linear in the text.

The alias keys of the knowledge base (``kb.alias_index``: token keys joined by spaces) go into a
token trie (:class:`~marsad.extract.entities.lexicon.PhraseTrie`). The matcher walks the text
once: at each token it tries the token's clitic readings (``وللجيش`` → ``الجيش`` …) as the first
word of a name, follows the trie over the next tokens' keys, and keeps the longest name found
(the least stripped reading on a tie); then it goes on after that name. Every step is a
dictionary access, and a walk is at most as long as the longest alias (a constant), so the
pass is linear in the number of tokens. A name starting inside another one is not tried.

A weak alias (a name that is also a common word, ``kb.weak_keys``) only counts with a context
that makes it a name: a place noun («مدينة»), a title for a person, an organization head, or a
place preposition followed by a clear end of the name (punctuation, a conjunction, the end).
When the longest name at a token is weak and has no such context, a shorter strong one may
still match there.
"""

from __future__ import annotations

from collections.abc import Sequence

from marsad.extract.entities.candidates import Cand
from marsad.extract.entities.lexicon import EntityLexicon, PhraseTrie, mention_strip
from marsad.kb import KnowledgeBase
from marsad.text.clitics import Reading
from marsad.text.tokens import ARABIC, LATIN, NUMBER, PUNCT, Tokens

Payload = tuple[tuple[str, ...], bool]

_PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})


def readings_of(info_readings: Sequence[Reading], key: str) -> Sequence[Reading]:
    return info_readings or ((0, key),)


def phrase_ending_at(trie: PhraseTrie[object], keys: Sequence[str], tokens: Tokens, i: int) -> bool:
    """True when a phrase of ``trie`` ends right before token ``i``."""
    infos = tokens.infos
    for start in range(i - 1, max(-1, i - 1 - trie.max_len), -1):
        for end, _strip, _payload in trie.matches(keys, readings_of(infos[start].readings, keys[start]), start, i):
            if end == i:
                return True
    return False


class KBMatcher:
    """Finds knowledge-base names in a document's tokens (see the module docstring)."""

    def __init__(self, kb: KnowledgeBase, lex: EntityLexicon) -> None:
        self.kb = kb
        self.lex = lex
        self.trie: PhraseTrie[Payload] = PhraseTrie()
        weak = kb.weak_keys
        for key, ids in kb.alias_index.items():
            self.trie.add(key.split(" "), (ids, key in weak))

    def find(self, tokens: Tokens, keys: Sequence[str] | None = None) -> list[Cand]:
        keys = keys if keys is not None else tokens.keys
        infos = tokens.infos
        trie = self.trie
        root = trie.root
        n = len(keys)
        out: list[Cand] = []
        i = 0
        while i < n:
            info = infos[i]
            kind = info.kind
            if kind is not ARABIC and kind is not LATIN and kind is not NUMBER:
                i += 1
                continue
            readings = info.readings or ((0, keys[i]),)
            if not any(form in root for _s, form in readings):
                i += 1
                continue
            chosen = None
            for end, strip, (ids, weak) in trie.matches(keys, readings, i):
                if weak and not self.weak_context(tokens, keys, i, end, strip, ids):
                    continue
                chosen = (end, strip, ids, weak)
                break
            if chosen is None:
                i += 1
                continue
            end, strip, ids, weak = chosen
            entry = self.kb.entries[ids[0]]
            out.append(
                Cand(
                    i, end, mention_strip(keys[i], strip), entry.type, "kb", "kb", kb_ids=ids,
                    subtype=entry.subtype, weak=weak,
                )
            )
            i = end
        return out

    # -- context for weak aliases ---------------------------------------------------------------
    def weak_context(
        self, tokens: Tokens, keys: Sequence[str], i: int, end: int, strip: int, ids: Sequence[str]
    ) -> bool:
        lex = self.lex
        etype = self.kb.entries[ids[0]].type
        if etype in _PLACE_TYPES:
            if phrase_ending_at(lex.place_nouns, keys, tokens, i):  # type: ignore[arg-type]
                return True
            before_prep = i > 0 and lex.word(keys[i - 1], tokens.infos[i - 1].readings).place_prep
            clitic_prep = strip > 0 and keys[i][:strip].rstrip("ال")[-1:] in ("ب", "ل")
            if (before_prep or clitic_prep) and self._clear_end(tokens, keys, end):
                return True
            return False
        if etype == "PERSON":
            return phrase_ending_at(lex.titles, keys, tokens, i)  # type: ignore[arg-type]
        return phrase_ending_at(lex.org_heads, keys, tokens, i)  # type: ignore[arg-type]

    def _clear_end(self, tokens: Tokens, keys: Sequence[str], end: int) -> bool:
        if end >= len(keys):
            return True
        info = tokens.infos[end]
        if info.kind is PUNCT:
            return True
        word = self.lex.word(keys[end], info.readings)
        return word.stop or word.conj
