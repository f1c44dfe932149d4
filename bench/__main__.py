"""Run every benchmark module in bench/ (or those named on the command line)."""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path

SKIP = {"common", "__main__"}


def main(argv: list[str]) -> int:
    names = argv or sorted(
        m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)]) if m.name not in SKIP
    )
    status = 0
    for name in names:
        print(f"\n## bench.{name}\n", flush=True)
        module = importlib.import_module(f"bench.{name}")
        status |= module.main([])
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
