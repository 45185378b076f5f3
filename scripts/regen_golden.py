"""Regenerate tests/golden/<plan>.json from the current extractor (make golden), then review `git diff`.

Golden files hold the whole output for every corpus plan, so any behaviour change shows up as a diff
that a reviewer reads before committing it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.pipeline import extract  # noqa: E402


def golden_pairs() -> list[tuple[Path, Path]]:
    plans = sorted(p for p in (ROOT / "corpora" / "plans").iterdir() if p.is_file())
    return [(p.relative_to(ROOT), ROOT / "tests" / "golden" / f"{p.stem}.json") for p in plans]


def render(plan: Path) -> str:
    os.chdir(ROOT)
    return extract(plan).model_dump_json(indent=1) + "\n"


if __name__ == "__main__":
    changed = 0
    for plan, golden in golden_pairs():
        new = render(plan)
        if not golden.exists() or golden.read_text(encoding="utf-8") != new:
            golden.write_text(new, encoding="utf-8")
            changed += 1
            print(f"updated {golden.relative_to(ROOT)}")
    print(f"{changed} golden file(s) changed; review with: git diff tests/golden")
