"""Records from small plans, from the case table tests/cases/records.toml (regression fixtures too)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

from extractor.pipeline import extract

CASES_DIR = Path(__file__).parent / "cases"
CASES = tomllib.loads((CASES_DIR / "records.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_records_case(case: dict[str, Any]) -> None:
    result = extract(CASES_DIR / "records" / case["file"])
    assert [r.id for r in result.records] == case["ids"]
    for record, want in zip(result.records, case.get("record", [])):
        if "solution" in want:
            if want.get("solution_exact"):
                assert record.solution == want["solution"]
            else:
                assert record.solution.startswith(want["solution"])
        for name in ("lead_units", "coordinating_units", "criterion", "kind", "weakness"):
            if name in want:
                got = getattr(record, name)
                assert (got.value if hasattr(got, "value") else got) == want[name], name
        if "index" in want:
            assert record.index is not None and record.index.value == want["index"]
        if "timeline" in want:
            assert record.timeline.raw == want["timeline"]
        if "timeline_kind" in want:
            assert record.timeline.kind.value == want["timeline_kind"]
    if "warning" in case:
        assert any(w.startswith(case["warning"]) for w in result.warnings), result.warnings


def test_spans_slice_back_into_the_text() -> None:
    """Every record's span starts at its heading or first line and covers the solution's first words."""
    from extractor.ingest import read
    from extractor.pipeline import normalize_pages

    for plan in sorted((Path(__file__).parents[1] / "corpora" / "plans").iterdir()):
        result = extract(plan)
        text = normalize_pages(read(plan, 10**8)).text
        for r in result.records:
            piece = " ".join(text[r.span.start : r.span.end].split())
            assert r.solution.split()[0] in piece, (plan.name, r.id)
