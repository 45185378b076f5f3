"""The five real seed plans, scored by the shared scorer against the shared gold (≥ 0.95 everywhere)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from extractor.pipeline import extract

THRESHOLD = 0.95


def test_seeds_meet_the_bar(shared_dir: Path, tmp_path: Path) -> None:
    args: list[str] = []
    for gold in sorted((shared_dir / "gold").glob("*.json")):
        seed = shared_dir / "seeds" / f"{gold.stem}.txt"
        out = tmp_path / f"{gold.stem}.json"
        out.write_text(extract(seed).model_dump_json(), encoding="utf-8")
        args += [str(gold), str(out)]
    scored = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), *args, "--json"],
        capture_output=True, text=True, check=True,
    )
    summary = json.loads(scored.stdout)
    assert summary["record_f1"] >= THRESHOLD, summary["per_doc"]
    low = {k: v for k, v in summary["field_acc_on_matched"].items() if v < THRESHOLD}
    assert not low, low
    low_doc = {k: v for k, v in summary["doc_fields"].items() if v < THRESHOLD}
    assert not low_doc, low_doc
