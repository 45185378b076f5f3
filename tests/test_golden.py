"""Whole-document golden tests: every corpus plan's full output equals tests/golden/<plan>.json.

Regenerate with `make golden` and review the diff; REGEN_GOLDEN left set in the environment fails.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from tests.conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
from regen_golden import golden_pairs, render

PAIRS = golden_pairs()


def test_regeneration_flag_is_off() -> None:
    assert not os.environ.get("REGEN_GOLDEN"), "REGEN_GOLDEN is set: golden files would not be checked"


@pytest.mark.parametrize(("plan", "golden"), PAIRS, ids=[p.stem for p, _ in PAIRS])
def test_golden(plan: object, golden: object) -> None:
    from pathlib import Path

    assert isinstance(golden, Path) and isinstance(plan, Path)
    assert golden.exists(), f"missing {golden.name}: run `make golden`"
    expected = json.loads(golden.read_text(encoding="utf-8"))
    assert json.loads(render(plan)) == expected, f"{plan} changed: run `make golden` and review the diff"
