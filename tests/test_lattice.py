"""The linear cell search gives pdfplumber's cells on every ruled page of the rendered corpus."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from extractor.ingest.lattice import cells
from extractor.ingest.tables import EDGE_MIN_LENGTH, TOLERANCE

FIXTURES = Path(__file__).parent / "fixtures" / "docs"


def _grid_points(xs: list[float], ys: list[float], skip: set[tuple[int, int]] = frozenset()) -> dict:  # type: ignore[assignment]
    """Crossings of a ruled grid; ``skip`` removes the vertical rule of cell (col, row): a merged cell."""
    from pdfplumber import table as lattice

    edges = []
    for y in ys:
        edges.append({"x0": xs[0], "x1": xs[-1], "top": y, "bottom": y, "orientation": "h", "width": xs[-1] - xs[0],
                      "height": 0.0, "doctop": y, "object_type": "line"})
    for c, x in enumerate(xs):
        for r in range(len(ys) - 1):
            if (c, r) in skip:
                continue
            edges.append({"x0": x, "x1": x, "top": ys[r], "bottom": ys[r + 1], "orientation": "v", "width": 0.0,
                          "height": ys[r + 1] - ys[r], "doctop": ys[r], "object_type": "line"})
    merged = lattice.merge_edges(edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE)
    return lattice.edges_to_intersections(merged, TOLERANCE, TOLERANCE)


@pytest.mark.parametrize(
    ("xs", "ys", "skip"),
    [
        ([10, 50, 200, 300], [10, 30, 60, 90], set()),  # plain 3 × 3
        ([10, 50, 200, 300], [10, 30, 60, 90], {(1, 1), (2, 1)}),  # a group row spanning the table
        ([10, 50, 120, 200, 260, 300], [10, 25, 40, 70], {(4, 0)}),  # "Đơn vị thực hiện" over two columns
        ([10, 300], [10, 40], set()),  # a boxed note: one cell
    ],
)
def test_cells_equal_pdfplumber(xs: list[float], ys: list[float], skip: set[tuple[int, int]]) -> None:
    from pdfplumber import table as lattice

    points = _grid_points(xs, ys, skip)
    assert cells(points) == lattice.intersections_to_cells(points)


def test_cells_equal_pdfplumber_on_rendered_pages() -> None:
    """Every page with rules of the PDF fixtures: the same cells, in the same order."""
    import pypdfium2 as pdfium
    from pdfplumber import table as lattice
    from pdfplumber.utils.geometry import filter_edges

    from extractor.ingest import pdf

    pdfs = sorted(FIXTURES.glob("*.pdf")) + sorted((Path(__file__).parents[1] / "build" / "rendered").glob("*.pdf"))
    checked = 0
    for path in pdfs:
        try:
            document = pdfium.PdfDocument(str(path))
        except pdfium.PdfiumError:  # the encrypted and broken fixtures
            continue
        for index in range(len(document)):
            page = document[index]
            edges = pdf._edges(page, pdf._Geometry(page))
            page.close()
            if not pdf._ruled(edges):
                continue
            merged = filter_edges(lattice.merge_edges(edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE),
                                  min_length=EDGE_MIN_LENGTH)
            points = lattice.edges_to_intersections(merged, TOLERANCE, TOLERANCE)
            assert cells(points) == lattice.intersections_to_cells(points), f"{path.name} page {index + 1}"
            checked += 1
        document.close()
    if checked == 0 and shutil.which("soffice") is None:
        pytest.skip("no ruled PDF page to compare")
    assert checked > 0
