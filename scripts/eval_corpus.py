"""Extract the team's corpus and score it against its gold; optionally write corpora/metrics.json.

Usage: python scripts/eval_corpus.py [--write]   (make eval)
The committed metrics are the floor that tests/test_corpus_eval.py holds the extractor to.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.evaluate import evaluate, format_report  # noqa: E402
from extractor.pipeline import extract  # noqa: E402


def corpus_report() -> dict[str, object]:
    triples = []
    for gold_path in sorted((ROOT / "corpora" / "gold").glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        plan = ROOT / gold["source"]["path"]
        pred = extract(plan).model_dump(mode="json")
        triples.append((gold_path.stem, gold, pred))
    return evaluate(triples)


def summary(report: dict[str, object]) -> dict[str, object]:
    keys = ("records", "precision", "recall", "f1", "field_accuracy", "document")
    return {k: report[k] for k in keys}


if __name__ == "__main__":
    report = corpus_report()
    print(format_report(report))
    if "--write" in sys.argv:
        out = ROOT / "corpora" / "metrics.json"
        out.write_text(json.dumps(summary(report), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}")
