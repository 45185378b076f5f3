"""Cross-department comparison: the tables, near-duplicates, CSV/XLSX/HTML, and the report in a real browser."""

from __future__ import annotations

import csv
import itertools
import random
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import near_duplicates
from extractor.cli import app
from extractor.compare import compare, quarter_of, write_all
from extractor.pipeline import extract
from extractor.report_html import PALETTE
from extractor.schema import Extraction
from extractor.store import open_synced
from tests.conftest import CORPUS

EVIL = '<script>alert("x")</script> & <b>Sở</b>'


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus, plus a copy of one plan 'issued' by another department with one task reworded, plus a
    document whose text is markup."""
    folder = tmp_path_factory.mktemp("out")
    for plan in sorted((CORPUS / "plans").iterdir()):
        (folder / f"{plan.stem}.json").write_text(extract(plan).model_dump_json(), encoding="utf-8")
    a01 = Extraction.model_validate_json((folder / "a01_snv-lam-son-par-sipas.json").read_bytes())
    first = a01.records[0]
    copy = a01.model_copy(update={
        "document": a01.document.model_copy(update={"issuer": "Sở Tài chính", "number": "77/KH-STC"}),
        "records": [first.model_copy(update={"solution": first.solution + " của Sở Tài chính"}), *a01.records[1:]],
    })
    (folder / "copy-stc.json").write_text(copy.model_dump_json(), encoding="utf-8")
    evil = a01.model_copy(update={
        "document": a01.document.model_copy(update={"issuer": EVIL, "title": EVIL}),
        "records": [first.model_copy(update={"solution": EVIL, "lead_units": [EVIL]})],
    })
    (folder / "evil.json").write_text(evil.model_dump_json(), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def report(out: Path) -> Path:
    with open_synced(out) as store:
        write_all(compare(store.db), out / "compare")
    return out / "compare"


def test_matrix_counts_equal_the_records(out: Path) -> None:
    with open_synced(out) as store:
        comparison = compare(store.db)
        total = store.counts()["records"]
    matrix = comparison["matrix"]
    assert sum(r[-1] for r in matrix.rows) == total
    row = next(r for r in matrix.rows if r[0] == "Sở Tài chính")
    assert row[matrix.columns.index("SIPAS")] > 0


def test_weaknesses_without_task_and_tasks_without_lead_or_time(out: Path) -> None:
    with open_synced(out) as store:
        comparison = compare(store.db)
    gaps = {(r[0], r[3]) for r in comparison["weaknesses_without_task"].rows}
    assert ("a08_syt-phu-lam-pax-sipas-dti", "SIPAS") in gaps  # SIPAS scored and named, no SIPAS task
    missing = comparison["tasks_missing_lead_or_time"].rows
    assert missing and all(r[4] in ("lead unit", "timeline", "lead unit + timeline") for r in missing)


def test_parent_plans_side_by_side(out: Path) -> None:
    with open_synced(out) as store:
        table = compare(store.db)["parent_plans"]
    by_parent = {}
    for row in table.rows:
        by_parent.setdefault(row[0], []).append(row[4])
    assert {"a05_sxd-phu-lam-sipas-par-table", "a08_syt-phu-lam-pax-sipas-dti"} <= set(by_parent["66/KH-UBND"])


def test_shared_task_found_across_departments(out: Path) -> None:
    with open_synced(out) as store:
        rows = compare(store.db)["shared_tasks"].rows
    groups: dict[int, set[str]] = {}
    for row in rows:
        groups.setdefault(row[0], set()).add(row[2])
    assert any({"a01_snv-lam-son-par-sipas", "copy-stc"} <= docs for docs in groups.values())


def test_lead_unit_load_is_sorted_by_records(out: Path) -> None:
    with open_synced(out) as store:
        rows = compare(store.db)["lead_unit_load"].rows
    assert rows and [r[1] for r in rows] == sorted((r[1] for r in rows), reverse=True)


@pytest.mark.parametrize(("kind", "start", "end", "bucket"), [
    ("deadline", None, "2024-06-30", "2024-Q2"),
    ("date", "2024-03-15", "2024-03-15", "2024-Q1"),
    ("period", "2024-06-01", "2024-12-31", "2024-Q4"),
    ("year", "2025-01-01", "2025-12-31", "2025 (cả năm)"),
    ("recurring", None, None, "Thường xuyên"),
    ("event", None, None, "Theo sự kiện / quy định"),
    ("unspecified", None, None, "Không rõ thời gian"),
    ("deadline", None, None, "Không rõ thời gian"),  # "Trước khi gửi báo cáo …": no date
])
def test_quarter_of(kind: str, start: str | None, end: str | None, bucket: str) -> None:
    assert quarter_of(kind, start, end) == bucket


def test_prefix_filtering_finds_what_all_pairs_find() -> None:
    rng = random.Random(4)
    phrase = "rà soát công khai thủ tục hành chính cổng dịch vụ công tỉnh người dân doanh nghiệp đối thoại"
    words = phrase.split(" ")
    base = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 14))) for _ in range(60)]
    texts = base + [t + " " + rng.choice(words) for t in base[:30]]
    items = list(enumerate(texts))
    found = {frozenset(g) for g in near_duplicates.group(items, 0.6)}
    sets = {k: near_duplicates.shingles(t) for k, t in items if len(near_duplicates.shingles(t)) >= 3}
    parent = {k: k for k in sets}

    def find(k: int) -> int:
        while parent[k] != k:
            k = parent[k]
        return k

    for a, b in itertools.combinations(sorted(sets), 2):
        if near_duplicates.jaccard(sets[a], sets[b]) >= 0.6:
            parent[find(a)] = find(b)
    brute: dict[int, set[int]] = {}
    for k in sets:
        brute.setdefault(find(k), set()).add(k)
    assert found == {frozenset(g) for g in brute.values() if len(g) > 1}


def test_csv_xlsx_and_html_are_written(report: Path) -> None:
    names = {p.name for p in report.iterdir()}
    assert {"matrix.csv", "parent_plans.csv", "shared_tasks.csv", "compare.xlsx", "report.html"} <= names
    assert (report / "matrix.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # Excel reads the accents
    with (report / "matrix.csv").open(encoding="utf-8-sig", newline="") as fh:
        assert next(csv.reader(fh))[:2] == ["issuer", "documents"]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.load_workbook(report / "compare.xlsx", read_only=True)
    assert "matrix" in book.sheetnames and "parent_plans" in book.sheetnames
    assert next(book["matrix"].iter_rows(max_row=1, values_only=True))[:2] == ("issuer", "documents")


def test_html_escapes_document_text_and_loads_nothing(report: Path) -> None:
    page = (report / "report.html").read_text(encoding="utf-8")
    assert "<script" not in page and "&lt;script&gt;" in page and "<b>Sở</b>" not in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in page
    assert page.count("<svg") >= 4


def test_compare_command_prints_and_writes(out: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(out), "--to", str(tmp_path / "r"), "--rows", "3"])
    assert result.exit_code == 0, result.output
    assert "== " in result.stdout and "issuer" in result.stdout
    assert (tmp_path / "r" / "report.html").exists()


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def screenshot(page: Path, png: Path, size: str = "1280,1000") -> None:
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(
            [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={profile}",
             "--hide-scrollbars", f"--window-size={size}", f"--screenshot={png}", page.resolve().as_uri()],
            check=True, capture_output=True, timeout=120,
        )


def _hex(colour: str) -> tuple[int, int, int]:
    return int(colour[1:3], 16), int(colour[3:5], 16), int(colour[5:7], 16)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium missing (Debian package `chromium`)")
def test_report_renders_in_chromium_with_its_charts(report: Path, tmp_path: Path) -> None:
    image_mod = pytest.importorskip("PIL.Image")
    png = tmp_path / "report.png"
    screenshot(report / "report.html", png)
    image = image_mod.open(png).convert("RGB")
    assert image.size == (1280, 1000)
    colours = image.getcolors(maxcolors=1 << 20) or []
    assert len(colours) > 50, "the page looks blank"
    counts = {c: n for n, c in colours}
    white = counts.get((255, 255, 255), 0)
    assert white < 0.95 * image.size[0] * image.size[1]
    for index in ("PAR_INDEX", "SIPAS", "PAPI", "DDCI"):  # the bars of the first chart, in their colours
        assert counts.get(_hex(PALETTE[index]), 0) >= 100, index
    assert counts.get(_hex("#1f4e9c"), 0) >= 100  # the lead-unit bars
