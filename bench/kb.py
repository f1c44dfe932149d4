"""Loading the knowledge base: time, size and memory.

Prints the time to build the embedded base (read and validate every file, merge, check the
references) and its lookup indexes (aliases, adjectives), the number of entities and names, the
peak RSS of a fresh process that loads it (and of one that only imports marsad, for the base's
own share), and the ratio of the full load to a bare parse of the same files (YAML with the C
loader, TSV split on tabs), measured in this run. Target: the full load under 1 s. Needs no corpus.
"""

from __future__ import annotations

import statistics
import subprocess
import sys

from bench.common import Timer

# peak RSS of the child itself: /proc's VmHWM (ru_maxrss would carry the parent's peak over fork)
_PEAK = """
def peak():
    try:
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource, sys
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 if sys.platform != "darwin" else 1048576)
"""
_CHILD = _PEAK + """
import time
t = time.perf_counter()
from marsad.kb import build_kb
kb = build_kb(user=False)
kb.alias_index; kb.adjective_index
print(time.perf_counter() - t, peak())
"""
_BASELINE = _PEAK + """
import marsad.kb, marsad.text.tokens, yaml
print(peak())
"""


def _bare_parse() -> int:
    import yaml

    from marsad.kb import embedded_dir
    from marsad.kb.loader import kb_files

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    rows = 0
    for path in kb_files(embedded_dir()):
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".tsv":
            rows += sum(1 for line in text.splitlines() if line and not line.startswith("#"))
        else:
            rows += len(yaml.load(text, Loader=loader) or [])
    return rows


def main(argv: list[str]) -> int:
    from marsad.kb import build_kb

    runs = []
    for _ in range(3):
        with Timer() as t:
            kb = build_kb(user=False)
            kb.alias_index  # noqa: B018 - the indexes are part of loading
            kb.adjective_index  # noqa: B018
        runs.append(t.seconds)
    bare = []
    for _ in range(3):
        with Timer() as t:
            _bare_parse()
        bare.append(t.seconds)
    load, parse = statistics.median(runs), statistics.median(bare)
    s = kb.stats()
    print(f"files: {len(s['files'])}  entities: {s['entities']:,}  names: {s['names']:,} "
          f"({s['arabic_names']:,} in Arabic script)  distinct keys: {s['distinct_keys']:,}  "
          f"adjectives: {s['adjectives']:,}")
    print(f"load (build + indexes), in process: median {load:.3f} s of {len(runs)} "
          f"(min {min(runs):.3f} s)  target < 1 s")
    print(f"bare parse of the same files:       median {parse:.3f} s  ratio load/parse {load / parse:.1f}x")
    child = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, check=True)
    cold, rss = (float(x) for x in child.stdout.split())
    base = float(subprocess.run([sys.executable, "-c", _BASELINE], capture_output=True, text=True, check=True).stdout)
    print(f"fresh process: load incl. imports {cold:.3f} s, peak RSS {rss:.1f} MB "
          f"(importing marsad alone: {base:.1f} MB, so the base takes ~{rss - base:.1f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
