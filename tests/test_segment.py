"""Heading grammar and the section tree: case table tests/cases/headings.toml, offsets kept."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from extractor.normalize import comparable
from extractor.segment import _heading, segment

CASES = tomllib.loads((Path(__file__).parent / "cases" / "headings.toml").read_text(encoding="utf-8"))["case"]


@pytest.mark.parametrize("case", CASES, ids=[c["line"] for c in CASES])
def test_heading_grammar(case: dict[str, str]) -> None:
    found = _heading(case["line"], comparable(case["line"]))
    if "numbering" not in case:
        assert found is None
    else:
        assert found is not None and found[:2] == (case["numbering"], case["number"])


def test_misnumbered_heading_stays_a_sibling() -> None:
    text = "3.2. Nhiệm vụ\n3.2.3. Ban hành quy chế\nCập nhật quy định.\n3.3.4. Thủ tục: Tập trung cải cách.\n"
    seg = segment(text)
    (part,) = seg.root.children
    assert [c.number for c in part.children] == ["3.2.3", "3.3.4"]


def test_spans_slice_back() -> None:
    text = "I. NHIỆM VỤ\n1. Về TTHC\n- Rà soát quy trình.\nThời gian: Quý II/2024\n"
    seg = segment(text)
    for sec in seg.root.walk()[1:]:
        assert text[sec.start : sec.title_end].strip() == text[sec.start : sec.title_end]
        for block in sec.blocks:
            assert text[block.start : block.end] in text.splitlines()
    assert [b.kind for b in seg.root.walk()[-1].blocks] == ["bullet", "label"]


def test_chrome_and_closing_are_not_body() -> None:
    text = "I. NHIỆM VỤ\n1. Rà soát TTHC.\nTrên đây là Kế hoạch của Sở.\nTin liên quan\n37 người đang online\n"
    seg = segment(text)
    assert seg.body_end == text.index("Trên đây")
    assert seg.tail_text().startswith("Trên đây")


def test_solution_headings_nest_under_task_headings() -> None:
    """Regression (blind set J): "Giải pháp 1." under "Nhiệm vụ 1:" is its child, not its sibling."""
    seg = segment("II. NHIỆM VỤ\nNhiệm vụ 1: Giảm chi phí\nGiải pháp 1. Rút ngắn thời gian.\n"
                  "Giải pháp 2. Công khai quy trình.\nNhiệm vụ 2: Minh bạch\nGiải pháp 1. Đăng tải bản đồ.\n")
    part = seg.root.children[0]
    assert [s.number for s in part.children] == ["NV1", "NV2"]
    assert [s.number for s in part.children[0].children] == ["GP1", "GP2"]


def test_items_numbered_under_named_groups_nest_in_them() -> None:
    """Regression (blind set K): "Nhóm giải pháp 1:" over "1.", "2.", then "Nhóm giải pháp 2:" over "3."."""
    seg = segment("II. NHIỆM VỤ\nNhóm giải pháp 1: Đất đai\n1. Giao Sở A công bố quỹ đất.\n2. Giao Sở B rà soát.\n"
                  "Nhóm giải pháp 2: Minh bạch\n3. Giao Sở C đối thoại.\nIII. TỔ CHỨC THỰC HIỆN\n1. Sở A theo dõi.\n")
    part, org = seg.root.children
    assert [s.number for s in part.children] == ["NGP1", "NGP2"]
    assert [s.number for s in part.children[0].children] == ["1", "2"]
    assert [s.number for s in org.children] == ["1"]  # a new part: items are plain again
