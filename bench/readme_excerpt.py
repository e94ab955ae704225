"""Rewrite the README's excerpt of `newsweave example` from the real output.

    python bench/readme_excerpt.py          # rewrites README.md in place

The excerpt is the title, the stats line, the whole summary and sources table, the first
three facts and the set-aside section; "..." marks each cut (tests/test_cli.py checks that
every excerpt line is a line of the output).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _section(lines: list[str], title: str, keep: int | None = None) -> list[str]:
    if title not in lines:
        return []
    i = lines.index(title)
    j = next((k for k in range(i + 1, len(lines)) if lines[k].startswith("## ")), len(lines))
    body = [line for line in lines[i + 1:j] if line.strip()]
    cut = keep is not None and len(body) > keep
    return [title, "", *(body[:keep] if cut else body), *(["..."] if cut else [])]


def excerpt(output: str) -> str:
    lines = output.splitlines()
    out = lines[:3] + [""]
    for title, keep in (("## Summary", None), ("## Sources", None),
                        ("## Facts and figures across sources", 3), ("## Set aside and skipped", None)):
        section = _section(lines, title, keep)
        if section:
            if out[-1] != "...":
                out += [""] if out[-1] else []
            out += section
    return "\n".join(line for line in out).replace("\n\n\n", "\n\n") + "\n"


def main() -> int:
    output = subprocess.run([sys.executable, "-m", "newsweave.cli", "example"], capture_output=True,
                            text=True, check=True, cwd=ROOT).stdout
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split("```markdown\n", 1)
    _, tail = rest.split("```", 1)
    readme.write_text(head + "```markdown\n" + excerpt(output) + "```" + tail, encoding="utf-8")
    print("README excerpt rewritten")
    return 0


if __name__ == "__main__":
    sys.exit(main())
