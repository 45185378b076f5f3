"""Bulk runs: 500+ plans with broken ones among them, resume after kill -9, safe names, the worker pool."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from extractor import batch, ingest
from extractor.batch import BatchOptions, Namer, Progress, run_batch, safe_stem
from extractor.cli import EXIT_FAILED_FILES, EXIT_OK, app
from extractor.pool import Failure, WorkerPool
from extractor.settings import Settings
from extractor.store import STORE_NAME, Store
from tests.conftest import CORPUS, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "docs"
# every input format, all readable without OCR or LibreOffice
GOOD_FIXTURES = ["numbered.docx", "portal.html", "portal_cp1258.html", "plan_table.pdf", "rotated.pdf",
                 "legacy_tcvn3.pdf"]
GOOD_COUNT = 500
TIMEOUT, GRACE = 3.0, 2.0


def good_sources() -> list[Path]:
    return sorted(p for p in (CORPUS / "plans").iterdir() if p.is_file()) + [FIXTURES / n for n in GOOD_FIXTURES]


def _patched_read_text(original: Any) -> Any:
    """The text reader, except for three files: one hangs in Python, one hangs where SIGALRM cannot reach
    (so the parent must kill the worker), one kills its own worker."""

    def read(path: Path, data: bytes, ocr: str) -> Any:
        if path.name == "hang.txt":
            time.sleep(600)
        if path.name == "stuck.txt":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(600)
        if path.name == "crash.txt":
            os.kill(os.getpid(), signal.SIGKILL)
        return original(path, data, ocr)

    return read


def build_folder(root: Path) -> tuple[list[Path], dict[Path, str]]:
    """≥ 500 good plans under department folders (many with the same file name), and the broken files
    with the code each must get (None where only 'some E code' is stable)."""
    good: list[Path] = []
    sources = good_sources()
    for i in range(-(-GOOD_COUNT // len(sources))):  # the corpus and the fixtures copied over and over
        for j, src in enumerate(sources):
            folder = root / f"so-{(i + j) % 9:02d}" / ("2024" if i % 2 else "quy-3")
            folder.mkdir(parents=True, exist_ok=True)
            name = src.name if i % 3 == 0 else f"{i:02d}-{src.name}"
            target = folder / name
            if target.exists():
                target = folder / f"b{i:02d}-{src.name}"
            shutil.copyfile(src, target)
            good.append(target)
    broken = root / "loi"
    broken.mkdir()
    bad: dict[Path, str] = {}

    def put(name: str, data: bytes, code: str) -> None:
        (broken / name).write_bytes(data)
        bad[broken / name] = code

    plan_pdf = (FIXTURES / "plan_table.pdf").read_bytes()
    put("empty.txt", b"", "E003")
    put("empty.pdf", b"", "E003")
    put("empty.docx", b"", "E003")
    put("empty.html", b"", "E003")
    put("docx-bytes.txt", (FIXTURES / "numbered.docx").read_bytes(), "E004")
    put("junk.txt", bytes(range(256)) * 64, "E004")
    put("zeros.md", bytes(10_000), "E004")
    put("junk.pdf", os.urandom(5000), "E006")
    put("junk.docx", os.urandom(5000), "E006")
    put("binary.html", bytes(range(256)) * 64, "E")
    put("truncated.pdf", plan_pdf[: len(plan_pdf) // 2], "E006")
    put("fake.pdf", "Kế hoạch số 12/KH-UBND — chỉ là văn bản\n".encode(), "E006")
    put("encrypted.pdf", (FIXTURES / "encrypted.pdf").read_bytes(), "E006")
    put("truncated.docx", (FIXTURES / "numbered.docx").read_bytes()[:15_000], "E006")
    put("hang.txt", b"x", batch.TIMEOUT_CODE.value)
    put("stuck.txt", b"y", batch.TIMEOUT_CODE.value)
    put("crash.txt", b"z", batch.CRASH_CODE.value)
    with (broken / "big.txt").open("wb") as fh:  # sparse: over the text limit without using the disk
        fh.truncate(Settings().max_text_bytes + 1)
    bad[broken / "big.txt"] = "E005"
    with (broken / "huge.pdf").open("wb") as fh:
        fh.truncate(Settings().max_bytes + 1)
    bad[broken / "huge.pdf"] = "E005"
    os.mkfifo(broken / "fifo.txt")  # opening it would block a reader forever
    bad[broken / "fifo.txt"] = "E001"
    os.symlink(root / "nowhere.txt", broken / "dangling.txt")
    bad[broken / "dangling.txt"] = "E001"
    (broken / "notes.xyz").write_text("unknown extension: not a plan file", encoding="utf-8")
    return good, bad


OPTIONS = BatchOptions(workers=2, timeout=TIMEOUT, kill_grace=GRACE, store=True)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[Path], dict[Path, str]]:
    root = tmp_path_factory.mktemp("plans")
    good, bad = build_folder(root)
    return root, good, bad


@pytest.fixture(scope="module")
def clean_run(folder: tuple[Path, list[Path], dict[Path, str]], tmp_path_factory: pytest.TempPathFactory) -> Any:
    root, _, _ = folder
    out = tmp_path_factory.mktemp("out")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest, "_read_text", _patched_read_text(ingest._read_text))
        summary = run_batch([root], out, options=OPTIONS, progress=False)
    return out, summary


def outputs(out: Path) -> dict[str, dict[str, Any]]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in batch.iter_outputs(out)}


@pytest.mark.slow
def test_every_good_file_has_its_output_and_every_broken_one_its_error(folder: Any, clean_run: Any) -> None:
    _, good, bad = folder
    out, summary = clean_run
    assert len(good) >= 500 and len(bad) >= 20
    by_path = {d["source"]["path"]: d for d in outputs(out).values()}
    for path in good:
        data = by_path[str(path)]
        assert not [w for w in data["warnings"] if w.startswith("E")], (path, data["warnings"])
    errors = {e["path"]: e for e in map(json.loads, (out / "errors.jsonl").read_text(encoding="utf-8").splitlines())}
    assert set(errors) == {str(p) for p in bad}
    for path, code in bad.items():
        assert errors[str(path)]["code"].startswith(code), (path, errors[str(path)])
        assert (out / errors[str(path)]["output"]).exists()
    assert summary.files == len(good) + len(bad) and summary.failed == len(bad)
    assert summary.ignored == 1 and not any("notes" in name for name in outputs(out))
    assert not list(out.glob(".*.tmp"))


@pytest.mark.slow
def test_store_row_counts_equal_the_json_files(clean_run: Any) -> None:
    out, _ = clean_run
    docs = outputs(out)
    records = [r for d in docs.values() for r in d["records"]]
    with Store(out / STORE_NAME) as store:
        counts = store.counts()
    assert counts["documents"] == len(docs)
    assert counts["records"] == len(records)
    assert counts["units"] == sum(len(r["lead_units"]) + len(r["coordinating_units"]) for r in records)
    assert counts["scores"] == sum(len(d["scores"]) for d in docs.values())
    assert counts["based_on"] == sum(len(d["document"]["based_on"]) for d in docs.values())
    assert len((out / "records.jsonl").read_text(encoding="utf-8").splitlines()) == len(records)


@pytest.mark.slow
def test_second_run_skips_everything(folder: Any, clean_run: Any) -> None:
    root, _, bad = folder
    out, first = clean_run
    with Store(out / STORE_NAME) as store:
        before = store.dump()
    summary = run_batch([root], out, options=OPTIONS, progress=False)  # no patched reader needed: nothing is read
    assert summary.extracted == 0 and summary.skipped == summary.files == first.files
    assert summary.failed == len(bad) and summary.records == first.records
    with Store(out / STORE_NAME) as store:
        assert store.dump() == before


def _child(root: str, out: str) -> None:
    """A bulk run in a separate process (to be killed with SIGKILL), with the same patched reader."""
    ingest._read_text = _patched_read_text(ingest._read_text)  # type: ignore[assignment]
    run_batch([Path(root)], Path(out), options=OPTIONS, progress=False)


CHILD = ("import sys; sys.path.insert(0, sys.argv[1]); from tests.test_batch import _child; "
         "_child(sys.argv[2], sys.argv[3])")


@pytest.mark.slow
def test_kill_9_half_way_then_rerun_gives_the_clean_result(folder: Any, clean_run: Any, tmp_path: Path) -> None:
    root, good, bad = folder
    clean_out, _ = clean_run
    out = tmp_path / "out"
    total = len(good) + len(bad)
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(ROOT), str(root), str(out)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and sum(1 for _ in out.glob("*.json")) >= total // 2:
            break
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be killed"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    written = sum(1 for _ in out.glob("*.json"))
    assert 0 < written < total
    time.sleep(0.5)  # let the orphaned workers die (PR_SET_PDEATHSIG) before the lock is taken again
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(ingest, "_read_text", _patched_read_text(ingest._read_text))
        summary = run_batch([root], out, options=OPTIONS, progress=False)
    assert summary.skipped >= written - OPTIONS.workers  # resumed, not redone
    assert outputs(out) == outputs(clean_out)
    for name in ("errors.jsonl", "records.jsonl"):
        assert (out / name).read_bytes() == (clean_out / name).read_bytes()
    with Store(out / STORE_NAME) as a, Store(clean_out / STORE_NAME) as b:
        assert a.dump() == b.dump()
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in clean_out.iterdir())


# --- names ---------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "stem"), [
    ("ke-hoach-18.txt", "ke-hoach-18"),
    ("Kế hoạch 126.pdf", "Kế hoạch 126"),
    ("Ke\u0302\u0301 hoa\u0323ch.txt", "Kế hoạch"),  # NFD names (macOS) become NFC
    ("..", "document"),
    ("....json", "json"),
    (".hidden.txt", "hidden"),
    ('a<b>c:d"e|f?g*h\x07.txt', "a_b_c_d_e_f_g_h_"),
    ("x" * 300 + ".txt", "x" * 180),
])
def test_safe_stem(name: str, stem: str) -> None:
    assert safe_stem(Path(name)) == stem


def test_names_never_leave_out_and_do_not_collide(tmp_path: Path) -> None:
    plan = next((CORPUS / "plans").glob("a01_*.txt")).read_bytes()
    for sub in ("a", "b", "c/d"):
        (tmp_path / "in" / sub).mkdir(parents=True)
        (tmp_path / "in" / sub / "Plan.txt").write_bytes(plan)
    (tmp_path / "in" / "a" / "plan.txt").write_bytes(plan)  # differs in case only
    out = tmp_path / "out"
    summary = run_batch([tmp_path / "in"], out, options=BatchOptions(workers=1), progress=False)
    assert summary.failed == 0
    assert sorted(p.name for p in out.glob("*.json")) == ["Plan-3.json", "Plan-4.json", "Plan.json", "plan-2.json"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "out"]


def test_namer_is_stable_and_case_insensitive() -> None:
    namer = Namer()
    assert [namer(Path(p)) for p in ("a/x.txt", "b/X.pdf", "c/x-2.txt", "x.md")] == [
        "x.json", "X-2.json", "x-2-2.json", "x-3.json"]


# --- resume, changes, retries -----------------------------------------------------------------------------------

def test_changed_file_is_extracted_again_and_its_rows_replaced(tmp_path: Path) -> None:
    src = sorted((CORPUS / "plans").glob("a0[12]_*.txt"))
    (tmp_path / "in").mkdir()
    for p in src:
        shutil.copyfile(p, tmp_path / "in" / p.name)
    out = tmp_path / "out"
    opts = BatchOptions(workers=1, store=True)
    run_batch([tmp_path / "in"], out, options=opts, progress=False)
    changed = tmp_path / "in" / src[0].name
    changed.write_bytes(src[1].read_bytes())  # the same name, other content
    summary = run_batch([tmp_path / "in"], out, options=opts, progress=False)
    assert (summary.extracted, summary.skipped) == (1, 1)
    with Store(out / STORE_NAME) as store:
        rows = store.db.execute("SELECT number FROM documents ORDER BY id").fetchall()
    assert rows[0] == rows[1]  # both documents now hold plan a02


def _run_counting_sync(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int) -> tuple[Any, list[int]]:
    """A stored bulk run of five plans; returns its summary and how many documents the final sync had to import."""
    imported: list[int] = []
    sync = Store.sync

    def counting(self: Store, out_dir: Path) -> Any:
        result = sync(self, out_dir)
        imported.append(result.imported)
        return result

    monkeypatch.setattr(Store, "sync", counting)
    src = sorted((CORPUS / "plans").glob("a0*.txt"))[:5]
    summary = run_batch(src, tmp_path / "out", options=BatchOptions(workers=workers, store=True), progress=False)
    return summary, imported


@pytest.mark.parametrize("workers", [1, 2])
def test_workers_import_their_documents_and_commit_before_they_stop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: int
) -> None:
    summary, imported = _run_counting_sync(tmp_path, monkeypatch, workers)
    assert (summary.extracted, summary.failed, imported) == (5, 0, [0])  # nothing left for the final sync
    with Store(tmp_path / "out" / STORE_NAME) as store:
        assert store.counts()["documents"] == 5


def test_a_worker_that_cannot_write_the_store_hands_its_rows_to_the_parent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(path: Any) -> Store:
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(Store, "joined", staticmethod(locked))
    summary, imported = _run_counting_sync(tmp_path, monkeypatch, 1)
    assert (summary.extracted, summary.failed, imported) == (5, 0, [0])
    with Store(tmp_path / "out" / STORE_NAME) as store:
        assert store.counts()["documents"] == 5


def test_retry_failed_extracts_failed_files_again(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    first = run_batch([tmp_path / "empty.txt"], out, options=BatchOptions(workers=1), progress=False)
    again = run_batch([tmp_path / "empty.txt"], out, options=BatchOptions(workers=1), progress=False)
    retry = run_batch([tmp_path / "empty.txt"], out, options=BatchOptions(workers=1, retry_failed=True),
                      progress=False)
    assert (first.failed, again.skipped, again.failed, retry.extracted, retry.failed) == (1, 1, 1, 1, 1)


def test_a_second_run_on_the_same_out_is_refused_while_one_runs(tmp_path: Path) -> None:
    tmp_path.joinpath("out").mkdir()
    fd = batch._lock(tmp_path / "out")
    try:
        with pytest.raises(RuntimeError, match="another extractor run"):
            run_batch([CORPUS / "plans"], tmp_path / "out", options=BatchOptions(workers=1), progress=False)
    finally:
        os.close(fd)


def test_stale_temporary_files_of_a_killed_run_are_removed(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".a01.json.tmp").write_text("{half", encoding="utf-8")
    run_batch([next((CORPUS / "plans").glob("a01_*.txt"))], out, options=BatchOptions(workers=1), progress=False)
    assert [p.name for p in out.glob("*.json")] == ["a01_snv-lam-son-par-sipas.json"]


# --- progress ---------------------------------------------------------------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_on_a_terminal_redraws_one_line_with_rate_and_eta() -> None:
    stream = _Terminal()
    bar = Progress(10, stream=stream)
    summary = batch.BatchSummary(files=4, extracted=4)
    bar.update(summary, force=True)
    bar.say("extractor: x.pdf: E006: PDF is encrypted")
    bar.update(summary, force=True)
    bar.finish()
    text = stream.getvalue()
    assert "\r\x1b[K4/10 files (40%)" in text and "files/s" in text and "ETA" in text
    assert "\nE006" not in text and "x.pdf: E006" in text


def test_progress_on_a_pipe_prints_plain_lines_only_now_and_then() -> None:
    stream = io.StringIO()
    bar = Progress(10, stream=stream, tty=False)
    for _ in range(100):
        bar.update(batch.BatchSummary(files=1, extracted=1))
    bar.update(batch.BatchSummary(files=2, extracted=2), force=True)
    assert stream.getvalue().count("\n") == 1 and "\r" not in stream.getvalue()


# --- the pool ---------------------------------------------------------------------------------------------------

def _slow_square(x: int) -> int:
    if x < 0:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
        time.sleep(600)
    if x == 13:
        os.kill(os.getpid(), signal.SIGKILL)
    if x == 7:
        raise ValueError("seven")
    return x * x


def test_pool_reports_timeouts_crashes_and_errors_and_goes_on() -> None:
    with WorkerPool(_slow_square, workers=2, timeout=1, kill_grace=1, max_tasks=3) as pool:
        results = dict(pool.imap_unordered([1, -1, 2, 13, 3, 7, 4, 5, 6]))
    assert {k: v for k, v in results.items() if not isinstance(v, Failure)} == {1: 1, 2: 4, 3: 9, 4: 16, 5: 25, 6: 36}
    assert isinstance(results[-1], Failure) and results[-1].kind == "timeout"
    assert isinstance(results[13], Failure) and results[13].kind == "crash"
    assert isinstance(results[7], Failure) and results[7].kind == "error" and "seven" in results[7].message


@pytest.mark.parametrize(("workers", "depth"), [(1, 1), (1, 2), (2, 3)])
def test_pool_loses_no_task_queued_behind_a_hang_or_a_crash(workers: int, depth: int) -> None:
    items = [-1, 1, 2, 13, 3, 4]  # -1 hangs in C-like sleep (killed), 13 kills its worker
    with WorkerPool(_slow_square, workers=workers, timeout=1, kill_grace=0.5, max_tasks=2, depth=depth) as pool:
        seen = [item for item, _ in pool.imap_unordered(items)]
    assert sorted(seen) == sorted(items)


def test_pool_replaces_a_worker_that_died_between_tasks() -> None:
    """Regression: with two tasks sent ahead, the parent can write to a worker that has just died; the
    BrokenPipeError ended the whole run (seen once under load in the full test suite)."""
    with WorkerPool(abs, workers=1, timeout=10) as pool:
        pool._slots = [pool._start()]
        dead = pool._slots[0].process
        dead.kill()
        dead.join()
        results = sorted(r for _, r in pool.imap_unordered([-1, -2, -3]))
    assert results == [1, 2, 3]


def _pid(_: int) -> int:
    return os.getpid()


def test_pool_replaces_a_worker_after_max_tasks_even_with_tasks_queued() -> None:
    with WorkerPool(_pid, workers=1, timeout=10, max_tasks=2, depth=2) as pool:
        pids = [pid for _, pid in pool.imap_unordered(range(7))]
    assert len(pids) == 7 and max(pids.count(p) for p in set(pids)) == 2 and len(set(pids)) == 4


# --- the command line ---------------------------------------------------------------------------------------------

def test_cli_bulk_run_with_store_then_query(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(CORPUS / "plans"), "-o", str(out), "--store", "-j", "2"])
    assert result.exit_code == EXIT_OK, result.output
    assert "processed" in result.stderr and (out / STORE_NAME).exists() and (out / "records.jsonl").exists()
    again = runner.invoke(app, ["extract", str(CORPUS / "plans"), "-o", str(out), "--store"])
    assert " 0 processed" in again.stderr
    found = runner.invoke(app, ["query", "thu tuc hanh chinh", str(out), "--json", "--limit", "5"])
    assert found.exit_code == EXIT_OK
    hits = [json.loads(line) for line in found.stdout.splitlines()]
    assert len(hits) == 5 and all("thủ tục hành chính" in (h["solution"] + (h["weakness"] or "")).lower() for h in hits)
    nothing = runner.invoke(app, ["query", "xyzzy", str(out)])
    assert nothing.exit_code == EXIT_FAILED_FILES


def test_cli_glob_input_and_usage_errors(tmp_path: Path) -> None:
    runner = CliRunner()
    pattern = str(CORPUS / "plans" / "a0[12]_*.txt")
    result = runner.invoke(app, ["extract", pattern, "-o", str(tmp_path)])
    assert result.exit_code == EXIT_OK and len(list(tmp_path.glob("*.json"))) == 2
    bad = runner.invoke(app, ["extract", pattern, "-o", str(tmp_path), "--engine", "dask"])
    assert bad.exit_code == 2 and "--scheduler" in bad.stderr


# --- Dask -------------------------------------------------------------------------------------------------------

@pytest.mark.slow
def test_dask_engine_gives_the_results_of_the_local_engine(tmp_path: Path) -> None:
    pytest.importorskip("distributed", reason="the [dask] extra is not installed")
    from distributed import LocalCluster

    inputs = [CORPUS / "plans", FIXTURES / "plan_table.pdf", FIXTURES / "numbered.docx", FIXTURES / "encrypted.pdf"]
    local = run_batch(inputs, tmp_path / "local", options=BatchOptions(workers=2, store=True), progress=False)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster:
        opts = BatchOptions(workers=2, store=True, engine="dask", scheduler=cluster.scheduler_address)
        remote = run_batch(inputs, tmp_path / "dask", options=opts, progress=False)
    errors = (tmp_path / "dask" / "errors.jsonl").read_text(encoding="utf-8")
    assert (remote.files, remote.failed, remote.records) == (local.files, local.failed, local.records), errors
    assert outputs(tmp_path / "dask") == outputs(tmp_path / "local")
    with Store(tmp_path / "dask" / STORE_NAME) as a, Store(tmp_path / "local" / STORE_NAME) as b:
        assert a.dump() == b.dump()
