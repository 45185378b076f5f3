"""Ruling lines → table cells: pdfplumber's lattice algorithm, with its cell search made linear.

Why not ``page.find_tables()``: that makes pdfminer interpret the whole page (30 ms and more),
while the rules alone are enough to find the cells, and the text of each cell is read from pdfium.
Why not pdfplumber's ``intersections_to_cells`` as it is: for every crossing it rebuilds the sets
of edges through both points of each pair it tests and scans all later points for the ones below
and to the right — most of the time of a table page.  :func:`cells` makes the same choices (the
smallest cell whose four corners are joined by rules) from sets built once per crossing; a test
compares both on every rendered corpus table.  Merging, snapping and grouping cells into tables
stay pdfplumber's.  A table of "| STT | Nhiệm vụ | Thời gian | Chủ trì |" rows comes out as its grid.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable

from extractor.ingest.tables import EDGE_MIN_LENGTH, TOLERANCE, Edge, Grid, Rect, clean_grid, fill_merged_down

Point = tuple[float, float]


def lattice_tables(edges: list[Edge], cell_text: Callable[[Rect], str]) -> list[tuple[Rect, Grid]]:
    """Ruled tables as (display bbox, cleaned grid), top to bottom; narrower than two columns is no table."""
    from pdfplumber import table as lattice
    from pdfplumber.utils.geometry import filter_edges

    merged = lattice.merge_edges(edges, TOLERANCE, TOLERANCE, TOLERANCE, TOLERANCE)
    merged = filter_edges(merged, min_length=EDGE_MIN_LENGTH)
    points = lattice.edges_to_intersections(merged, TOLERANCE, TOLERANCE)
    found = []
    for group in lattice.cells_to_tables(cells(points)):
        table = lattice.Table(None, group)  # type: ignore[arg-type]  # rows and bbox need no page
        boxes = [row.cells for row in table.rows]
        texts = [[cell_text(c) if c else None for c in row] for row in boxes]
        grid = clean_grid(fill_merged_down(texts, boxes))
        if grid and len(grid[0]) >= 2:
            found.append((table.bbox, grid))
    return sorted(found, key=lambda t: t[0][1])


def _bbox(edge: Edge) -> Rect:
    return (edge["x0"], edge["top"], edge["x1"], edge["bottom"])


def cells(intersections: dict[Point, dict[str, list[Edge]]]) -> list[Rect]:
    """Every cell the crossings describe, as pdfplumber's ``intersections_to_cells`` returns them.

    For each crossing (in sorted order), the first crossing below it joined by a vertical rule and
    the first to its right joined by a horizontal rule whose far corner exists and is joined to
    both make the cell — the same loops, over per-column and per-row lists instead of all points.
    """
    points = sorted(intersections)
    vertical = {p: {_bbox(e) for e in intersections[p]["v"]} for p in points}
    horizontal = {p: {_bbox(e) for e in intersections[p]["h"]} for p in points}
    columns: dict[float, list[Point]] = defaultdict(list)
    rows: dict[float, list[Point]] = defaultdict(list)
    for p in points:  # sorted by (x, top): each column's list is sorted by top, each row's by x
        columns[p[0]].append(p)
        rows[p[1]].append(p)

    def joined(a: Point, b: Point) -> bool:
        if a[0] == b[0] and not vertical[a].isdisjoint(vertical[b]):
            return True
        return a[1] == b[1] and not horizontal[a].isdisjoint(horizontal[b])

    found: list[Rect] = []
    for pt in points:
        column, row = columns[pt[0]], rows[pt[1]]
        below = column[bisect_right(column, pt) :]
        right = row[bisect_right(row, pt) :]
        cell = _smallest(pt, below, right, joined, intersections)
        if cell is not None:
            found.append(cell)
    return found


def _smallest(
    pt: Point,
    below: list[Point],
    right: list[Point],
    joined: Callable[[Point, Point], bool],
    intersections: dict[Point, dict[str, list[Edge]]],
) -> Rect | None:
    for below_pt in below:
        if not joined(pt, below_pt):
            continue
        for right_pt in right:
            if not joined(pt, right_pt):
                continue
            corner = (right_pt[0], below_pt[1])
            if corner in intersections and joined(corner, right_pt) and joined(corner, below_pt):
                return (pt[0], pt[1], corner[0], corner[1])
    return None
