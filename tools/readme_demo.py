"""Regenerate the demo output block in README.md from a real run (``make readme``)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COMMAND = ["analyze", "examples/tripoli-un-envoy.txt", "--published", "2025-12-18", "--format", "text"]
MAX_LINES = 60


def main() -> int:
    out = subprocess.run(
        [sys.executable, "-m", "marsad.cli", *COMMAND], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    lines = out.rstrip("\n").splitlines()
    if len(lines) > MAX_LINES:
        lines = [*lines[:MAX_LINES], "…"]
    block = "```\n$ marsad " + " ".join(COMMAND) + "\n" + "\n".join(lines) + "\n```"
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    new = re.sub(
        r"(<!-- demo-output[^>]*-->\n).*?(\n<!-- /demo-output -->)",
        lambda m: m.group(1) + block + m.group(2),
        text,
        flags=re.S,
    )
    readme.write_text(new, encoding="utf-8")
    print(f"README.md: demo output updated ({len(lines)} lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
