"""Run every benchmark module in bench/ (or those named on the command line).

``python -m bench``: all of them; ``python -m bench time store``: those two; ``python -m bench
store --articles 20000``: one, with the words after its name passed to it as its arguments.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

SKIP = {"common", "__main__"}


def available() -> list[str]:
    return sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name not in SKIP)


def main(argv: list[str]) -> int:
    known = set(available())
    names = []
    while argv and argv[0] in known:
        names.append(argv.pop(0))
    if argv and not names:
        print(f"unknown benchmark {argv[0]!r}: choose among {', '.join(sorted(known))}", file=sys.stderr)
        return 2
    if argv and len(names) > 1:
        print(f"arguments {' '.join(argv)!r} go to one benchmark at a time, not {len(names)}", file=sys.stderr)
        return 2
    status = 0
    for name in names or sorted(known):
        print(f"\n## bench.{name}\n", flush=True)
        module = importlib.import_module(f"bench.{name}")
        status |= module.main(list(argv))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
