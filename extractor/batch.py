"""Bulk extraction: every plan under some folders → ``OUT/<name>.json``, in parallel, resumable, nothing lost.

Why this shape: a province loads thousands of files, some broken, and a run may be killed at any
moment.  So the parent streams paths (never holding results), hashes each file and skips it when
``OUT/<name>.json`` already holds an output of the same bytes (the output's ``source.sha256`` is the
resume index: nothing else to get out of step).  Workers (:mod:`extractor.pool`, or a Dask cluster)
extract one file each under a time limit and write its output atomically (temporary file +
``os.replace``; on Dask the parent writes, so that a cancelled task cannot overwrite anything) and
import it into the store (local engine).  The parent writes the outputs of files no worker finished,
imports what a worker could not, and at the end rebuilds the search index and syncs the store with the
JSON files (which repairs the batch of a worker killed before it committed).
Output names come from the input names in the (sorted) order of discovery, so they are the same in
every run: two "Kế hoạch 126.pdf" in two department folders become ``Kế hoạch 126.json`` and
``Kế hoạch 126-2.json``.  A file that fails gets a JSON with its coded warning and a line in
``OUT/errors.jsonl``, and the run exits 1.
"""

from __future__ import annotations

import functools
import json
import os
import sqlite3
import stat
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal

from extractor import store as store_mod
from extractor.errors import Code
from extractor.inputs import Discovery, Namer, known_suffixes, safe_stem, sha256_of, write_atomic
from extractor.pool import Failure, WorkerPool, cpu_count, rss_kb
from extractor.progress import BatchSummary, Progress
from extractor.schema import Document, Extraction, Source
from extractor.settings import Settings

__all__ = ["BatchOptions", "BatchSummary", "Discovery", "Namer", "Progress", "known_suffixes", "run_batch",
           "safe_stem"]

ERRORS_NAME = "errors.jsonl"
# codes for a file no worker finished
TIMEOUT_CODE: Code = Code.E009_TIMEOUT
CRASH_CODE: Code = Code.E010_WORKER_CRASHED
# documents imported in one run after which the search index is rebuilt at the end instead of row by row
DEFER_SEARCH_AFTER = 100


@dataclass(frozen=True)
class Task:
    """One file for a worker (picklable)."""

    seq: int
    path: str
    name: str
    sha256: str  # "" when no earlier output needed comparing: the worker hashes what it reads anyway
    want_rows: bool = False
    out_dir: str | None = None  # set: the worker writes OUT/<name> itself (local engine; saves the parent work)
    store_path: str | None = None  # set (with out_dir): the worker also imports the document into this store


@dataclass(frozen=True)
class WorkResult:
    """What a worker sends back: the output (its text, or where it wrote it), the store rows, the counts."""

    json_text: str | None  # None: already written to OUT/<name> by the worker, of json_size bytes
    json_size: int
    json_mtime_ns: int
    rows: store_mod.DocumentRows | None  # None: not wanted, or already imported by the worker
    records: int
    warnings: int
    error: str | None
    pages: int
    worker_rss_kb: int
    sha256: str = ""


def process(task: Task, settings: Settings) -> WorkResult:
    """Extract one file (runs in a worker; ``pipeline.extract`` never raises for a bad file)."""
    from extractor.pipeline import extract

    extraction = extract(task.path, settings)
    return _result(extraction, task, settings, rss_kb())


def _result(extraction: Extraction, task: Task, settings: Settings, rss: int = 0) -> WorkResult:
    errors = [w for w in extraction.warnings if w.startswith("E")]
    rows = store_mod.rows_for(extraction, task.name[: -len(".json")]) if task.want_rows else None
    text: str | None = extraction.model_dump_json(indent=settings.indent) + "\n"
    size = mtime = 0
    if task.out_dir is not None:
        assert text is not None
        target = Path(task.out_dir) / task.name
        write_atomic(target, text)
        st = target.stat()
        text, size, mtime = None, st.st_size, st.st_mtime_ns
        if rows is not None and task.store_path is not None and _import_here(task.store_path, rows, size, mtime):
            rows = None
    return WorkResult(
        json_text=text,
        json_size=size,
        json_mtime_ns=mtime,
        rows=rows,
        records=len(extraction.records),
        warnings=len(extraction.warnings),
        error=errors[0] if errors else None,
        pages=extraction.source.pages or 1,
        worker_rss_kb=rss,
        sha256=extraction.source.sha256,
    )


# the store each worker process writes to, opened on its first document; keyed by process, so that a worker
# forked from a process that had opened one never writes through the inherited connection
_worker_store: dict[tuple[int, str], store_mod.Store] = {}


def _import_here(path: str, rows: store_mod.DocumentRows, size: int, mtime: int) -> bool:
    """Import one document into the run's store from this worker; False (the parent imports it) if that fails.

    Why in the worker: the parent is then left with bookkeeping only, so it is no bottleneck with many
    workers (its inserts cost ~0.25 ms a document, an eighth of a worker's time on a short plan).  Each
    worker commits its documents in batches (:meth:`Store.replace` with ``defer``, at most a second old);
    SQLite's WAL takes one writer at a time, and a batch holds the lock a few milliseconds.  The last
    batch is committed when the worker stops (a ``multiprocessing`` finalizer); a worker that is killed
    loses its uncommitted batch, which the run's final :meth:`Store.sync` imports from the JSON files.
    """
    try:
        key = (os.getpid(), path)
        store = _worker_store.get(key)
        if store is None:
            import multiprocessing.util

            store = _worker_store[key] = store_mod.Store.joined(path)
            multiprocessing.util.Finalize(store, store.close_quietly, exitpriority=10)
        store.replace(rows, size, mtime, defer=True, max_age=1.0)
    except sqlite3.Error:
        return False
    return True


_FORMATS: dict[str, Literal["pdf", "txt", "docx", "html", "md"]] = {
    "pdf": "pdf", "txt": "txt", "text": "txt", "docx": "docx", "doc": "docx", "html": "html", "htm": "html",
    "xhtml": "html", "md": "md", "markdown": "md",
}


def failed_result(task: Task, code: Code, message: str, settings: Settings) -> WorkResult:
    """The output for a file no worker finished (timeout, crash) or that is no regular file at all."""
    fmt = _FORMATS.get(Path(task.path).suffix.lower().lstrip("."))
    document = Document(
        number=None, type=None, title=None, issuer=None, place=None, issued_date=None, year=None,
        indices=[], based_on=[], signer=None, recipients=[],
    )
    extraction = Extraction(
        source=Source(path=task.path, sha256=task.sha256 or _hash_or_empty(task.path), format=fmt, pages=None),
        document=document, records=[], scores=[], warnings=[f"{code.value}: {message}"],
    )
    return _result(extraction, replace(task, out_dir=None), settings)


@dataclass(frozen=True)
class BatchOptions:
    """How a bulk run goes; every default documented here and shown by ``extractor extract --help``."""

    workers: int = field(default_factory=cpu_count)  # worker processes (Dask: tasks in flight per thread)
    timeout: float | None = 120.0  # seconds one file may take; then it fails and its worker is replaced
    kill_grace: float = 10.0  # extra seconds before a worker stuck in C code is killed
    max_tasks_per_worker: int = 1000  # a worker is replaced after this many files (bounds leaks)
    store: bool = False  # also keep OUT/plans.sqlite and OUT/records.jsonl
    retry_failed: bool = False  # extract again the files whose earlier output is an error
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # Dask scheduler address, e.g. tcp://10.0.0.5:8786


def _hash_or_empty(path: str) -> str:
    """The content hash of a regular file; "" for anything else (opening a FIFO would block the run)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return ""
        return sha256_of(Path(path))
    except OSError:
        return ""


def _peek(target: Path) -> tuple[str, list[str], int] | None:
    """(sha256, warnings, record count) of an output we wrote earlier, or None if there is none or it is not ours."""
    try:
        data = json.loads(target.read_bytes())
        return str(data["source"]["sha256"]), list(data["warnings"]), len(data["records"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


Job = Callable[[Task], WorkResult]


def _engine(job: Job, options: BatchOptions) -> Any:
    if options.engine == "dask":
        from extractor.dask_engine import DaskEngine

        if not options.scheduler:
            raise ValueError("--engine dask needs --scheduler tcp://HOST:PORT")
        return DaskEngine(job, options.scheduler, options.timeout, options.workers)
    return WorkerPool(job, options.workers, options.timeout, options.kill_grace, options.max_tasks_per_worker)


class _Run:
    """The state of one bulk run: the summary, the error lines, the open store."""

    def __init__(self, out: Path, settings: Settings, options: BatchOptions, progress: Progress | None) -> None:
        self.out, self.settings, self.options, self.progress = out, settings, options, progress
        self.summary = BatchSummary()
        self.errors: list[tuple[int, dict[str, Any]]] = []
        self.store = store_mod.Store(out / store_mod.STORE_NAME) if options.store else None
        self.stored = 0

    def say(self, line: str) -> None:
        if self.progress:
            self.progress.say(line)
        else:
            sys.stderr.write(line + "\n")

    def failed(self, task: Task, error: str, sha256: str = "") -> None:
        self.summary.failed += 1
        code, _, message = error.partition(": ")
        sha256 = sha256 or task.sha256 or _hash_or_empty(task.path)
        self.errors.append((task.seq, {
            "path": task.path, "output": task.name, "sha256": sha256, "code": code, "message": message,
        }))
        self.say(f"extractor: {task.path}: {error}")

    def tasks(self, discovery: Discovery) -> Iterator[Task]:
        """The files still to extract; files whose output is up to date are counted as skipped here."""
        namer = Namer()
        for seq, path in enumerate(discovery):
            self.summary.files += 1
            name = namer(path)
            target = self.out / name
            earlier = _peek(target) if target.exists() else None
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
                sha = sha256_of(path) if regular and earlier is not None else ""  # only to compare with it
            except OSError:
                regular, sha = False, ""
            local = self.options.engine == "local"
            task = Task(seq, str(path), name, sha, want_rows=self.store is not None,
                        out_dir=str(self.out) if local else None,
                        store_path=str(self.store.path) if local and self.store is not None else None)
            if earlier is not None and earlier[0] == sha:
                errors = [w for w in earlier[1] if w.startswith("E")]
                if not (errors and self.options.retry_failed):
                    self.summary.skipped += 1
                    self.summary.records += earlier[2]
                    self.summary.warnings += len(earlier[1])
                    if errors:
                        self.failed(task, errors[0])
                    if self.progress:
                        self.progress.update(self.summary)
                    continue
            if not regular:  # missing, or a FIFO / device that would block a reader: never opened
                what = "no such file" if not path.exists() else "not a regular file (FIFO, device or socket)"
                self.finish(task, failed_result(task, Code.E001_NOT_FOUND, f"{what}: {path}", self.settings))
                continue
            yield task

    def finish(self, task: Task, result: WorkResult) -> None:
        """Write one output, import it, count it."""
        target = self.out / task.name
        size, mtime = result.json_size, result.json_mtime_ns
        if result.json_text is not None:
            write_atomic(target, result.json_text)
            st = target.stat()
            size, mtime = st.st_size, st.st_mtime_ns
        if self.store is not None:
            self.stored += 1
            if self.stored == DEFER_SEARCH_AFTER:  # a bulk import: full-text search is rebuilt once at the end
                self.store.defer_search_index()
            if result.rows is not None:  # not imported by the worker (Dask, a failed file, a worker's store error)
                self.store.replace(result.rows, size, mtime, defer=True, max_age=1.0)
        s = self.summary
        s.records += result.records
        s.warnings += result.warnings
        s.pages += 0 if result.error else result.pages
        s.worker_rss_kb = max(s.worker_rss_kb, result.worker_rss_kb)
        s.extracted += 1
        if result.error:
            self.failed(task, result.error, result.sha256)
        if self.progress:
            self.progress.update(s)

    def close(self) -> None:
        errors_path = self.out / ERRORS_NAME
        if self.errors:
            lines = [json.dumps(e, ensure_ascii=False) + "\n" for _, e in sorted(self.errors, key=lambda x: x[0])]
            write_atomic(errors_path, "".join(lines))
        elif errors_path.exists():
            errors_path.unlink()
        if self.store is not None:
            result = self.store.sync(self.out)
            exported = self.store.export_records_beside(self.out / store_mod.RECORDS_NAME)
            try:
                self.store.close()  # rebuilds the search index deferred for the bulk import, meanwhile
            finally:
                exported()
            if result.invalid:
                self.say(f"extractor: {len(result.invalid)} JSON file(s) in {self.out}/ are not outputs; not imported")


def _lock(out: Path) -> int:
    """One run per OUT at a time: an exclusive lock on the folder itself (released by the OS if we die)."""
    fd = os.open(out, os.O_RDONLY)
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except ImportError:  # Windows: no flock; a second run there is the user's to avoid
        pass
    except BlockingIOError:
        os.close(fd)
        raise RuntimeError(f"another extractor run is writing to {out}/") from None
    return fd


def run_batch(
    inputs: Sequence[str | Path],
    out: Path,
    settings: Settings | None = None,
    options: BatchOptions | None = None,
    progress: bool | Progress | None = None,
    job: Job | None = None,
) -> BatchSummary:
    """Extract every input into ``out`` (see the module docstring); returns the summary.

    ``progress``: None = a progress line on stderr (redrawn on a terminal, a plain line every 30 s
    otherwise), False = none; ``job`` replaces the per-file work (tests use it to simulate a reader
    that hangs or a worker that crashes).
    """
    settings = settings or Settings()
    options = options or BatchOptions()
    started = time.monotonic()
    out.mkdir(parents=True, exist_ok=True)
    lock = _lock(out)
    try:
        for stale in out.glob(".*.tmp"):  # left by a run that was killed while writing
            stale.unlink()
        discovery = Discovery(inputs)
        bar = progress if isinstance(progress, Progress) else None if progress is False else Progress(0)
        if bar is not None:
            bar.total = sum(1 for _ in Discovery(inputs))  # a cheap first walk, for the ETA
        run = _Run(out, settings, options, bar)
        work = job or functools.partial(process, settings=settings)
        engine = _engine(work, options)
        try:
            for task, outcome in engine.imap_unordered(run.tasks(discovery)):
                if isinstance(outcome, Failure):
                    code = TIMEOUT_CODE if outcome.kind == "timeout" else CRASH_CODE
                    prefix = {"timeout": "timeout", "crash": "worker crashed", "error": "worker error"}[outcome.kind]
                    outcome = failed_result(task, code, f"{prefix}: {outcome.message}", settings)
                run.finish(task, outcome)
        finally:
            engine.close()
        run.close()
        if bar is not None:
            bar.finish()
    finally:
        os.close(lock)
    summary = run.summary
    summary.ignored = discovery.ignored
    summary.seconds = time.monotonic() - started
    summary.parent_rss_kb = rss_kb()
    return summary


def iter_outputs(out: Path) -> Iterable[Path]:
    """The JSON outputs of a bulk run, sorted."""
    return sorted(p for p in out.glob("*.json") if not p.name.startswith("."))
