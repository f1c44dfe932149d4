"""Which place names of the knowledge base fire on ordinary words? A corpus analysis.

    python tools/place_noise.py [--limit N] [--top 80] [--min-count 20]

Counts, over the articles of the shared corpus, how often each place alias (GPE/LOC entries)
appears as a token sequence (the first word may carry clitics: و ف ب ل ك ال), and how often
it appears right after a place context: a place preposition or head noun (في، من، إلى، مدينة،
ولاية، معتمدية…) or a ب proclitic. A frequent name that rarely stands in a place context is
most likely a common word («بيان», «الأمل», «جمال»): it belongs in
``marsad/lang/ar/place_stopwords.txt`` (then rerun tools/build_gazetteer.py). Findings are in
docs/kb-place-noise.md. Reads ../shared (or $MARSAD_SHARED); skips when the corpus is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import iter_corpus, require_corpus
from marsad.kb import alias_key, build_kb
from marsad.text.normalize import normalize
from marsad.text.tokens import tokenize

PLACE_CONTEXT = {
    alias_key(w)
    for w in (
        "في من إلى الى نحو قرب مدينة بمدينة لمدينة ولاية بولاية لولاية معتمدية بمعتمدية منطقة "
        "بمنطقة جهة بجهة قرية بقرية عاصمة العاصمة محافظة بمحافظة بلدية ببلدية شمال جنوب شرق غرب "
        "وسط أنحاء داخل خارج مطار ميناء سكان أهالي"
    ).split()
}


def analyse(limit: int | None) -> tuple[Counter[str], Counter[str], dict[str, list[str]], set[str]]:
    kb = build_kb(user=False)
    places: dict[str, list[str]] = {}
    for e in kb.entries.values():
        if e.type in ("GPE", "LOC"):
            for n in (*e.all_names(), *e.weak_aliases):
                k = alias_key(n)
                if k and e.id not in places.setdefault(k, []):
                    places[k].append(e.id)
    firsts: dict[str, int] = {}
    for k in places:
        parts = k.split(" ")
        firsts[parts[0]] = max(firsts.get(parts[0], 0), len(parts))
    total: Counter[str] = Counter()
    in_context: Counter[str] = Counter()
    for rec in iter_corpus(limit):
        text = rec.get("text") or ""
        toks = tokenize(normalize(text))
        keys = toks.keys
        infos = toks.infos
        n = len(keys)
        for i in range(n):
            for stripped, first in infos[i].readings or ((0, keys[i]),):
                longest = firsts.get(first)
                if not longest:
                    continue
                best = None
                for length in range(longest, 0, -1):
                    cand = " ".join((first, *keys[i + 1 : i + length]))
                    if i + length <= n and cand in places:
                        best = cand
                        break
                if best is None:
                    continue
                total[best] += 1
                prefix = keys[i][:stripped]
                if "ب" in prefix or (i > 0 and keys[i - 1] in PLACE_CONTEXT):
                    in_context[best] += 1
                break
    return total, in_context, places, kb.weak_keys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    ap.add_argument("--limit", type=int, default=None, help="articles to read (default: all)")
    ap.add_argument("--top", type=int, default=80)
    ap.add_argument("--min-count", type=int, default=20)
    args = ap.parse_args(argv)
    if require_corpus() is None:
        return 0
    total, ctx, places, weak = analyse(args.limit)

    def show(key: str, count: int) -> None:
        mark = "weak" if key in weak else "    "
        print(f"{count:7d} {ctx[key] / count:5.2f} {mark}  {key}  {','.join(places[key][:3])}")

    print("# most frequent place names (count, share in place context, weak?, key, entities)")
    for key, count in total.most_common(args.top):
        show(key, count)
    print(f"\n# strong names, frequent (≥ {args.min_count}) but rarely in a place context (< 0.25): stop-word candidates")
    rows = [(k, c) for k, c in total.items() if c >= args.min_count and ctx[k] / c < 0.25 and k not in weak]
    for key, count in sorted(rows, key=lambda kc: -kc[1]):
        show(key, count)
    return 0


if __name__ == "__main__":
    sys.exit(main())
