"""The team corpus scored against its gold: record F1 ≥ 0.97 and no metric below the committed ones."""

from __future__ import annotations

import json
import sys

from tests.conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from eval_corpus import corpus_report

TOLERANCE = 0.005


def test_corpus_metrics_do_not_fall() -> None:
    committed = json.loads((CORPUS / "metrics.json").read_text(encoding="utf-8"))
    report = corpus_report()
    assert report["f1"] >= 0.97
    assert report["f1"] >= committed["f1"] - TOLERANCE
    for group in ("field_accuracy", "document"):
        for name, floor in committed[group].items():
            assert report[group][name] >= floor - TOLERANCE, (group, name, report[group][name], floor)
