"""Bulk extraction: every plan under some folders → ``OUT/<name>.json``, in parallel, resumable, nothing lost.

Why this shape: a province loads thousands of files, some broken, and a run may be killed at any
moment.  So the parent streams paths (never holding results), hashes each file and skips it when
``OUT/<name>.json`` already holds an output of the same bytes (the output's ``source.sha256`` is the
resume index: nothing else to get out of step); workers (:mod:`extractor.pool`, or a Dask cluster)
extract one file each under a time limit; only the parent writes, each output atomically (temporary
file + ``os.replace``), then imports it into the store.  Output names come from the input names in
the (sorted) order of discovery, so they are the same in every run: two "Ke hoach 126.pdf" in two
department folders become ``Ke hoach 126.json`` and ``Ke hoach 126-2.json``.  A file that fails gets
a JSON with its coded warning and a line in ``OUT/errors.jsonl``, and the run exits 1.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import json
import os
import re
import stat
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal

from extractor import store as store_mod
from extractor.errors import Code
from extractor.pool import Failure, WorkerPool, cpu_count, rss_kb
from extractor.schema import Document, Extraction, Source
from extractor.settings import Settings

ERRORS_NAME = "errors.jsonl"
# codes for a file no worker finished; the E009/E010 names are used as soon as errors.py defines them
TIMEOUT_CODE: Code = getattr(Code, "E009_TIMEOUT", Code.E008_STAGE_FAILED)
CRASH_CODE: Code = getattr(Code, "E010_WORKER_CRASHED", Code.E008_STAGE_FAILED)
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_MAX_STEM_BYTES = 180  # the name plus "-NNN.json" stays under the 255-byte limit of common file systems


def known_suffixes() -> set[str]:
    from extractor import ingest

    return {*ingest.TEXT_SUFFIXES, *ingest.HTML_SUFFIXES, *ingest.PDF_SUFFIXES, *ingest.DOCX_SUFFIXES}


class Discovery:
    """The input files, streamed in a stable order; ``ignored`` counts files skipped for their extension.

    Folders are walked recursively (sorted, so every run sees the same order) and keep only readable
    extensions; a glob ("plans/**/*.pdf") is expanded sorted; a file named directly is always taken,
    so that a wrong one is reported (E001, E002) rather than silently dropped.
    """

    def __init__(self, inputs: Sequence[str | Path]) -> None:
        self.inputs = [str(i) for i in inputs]
        self.known = known_suffixes()
        self.ignored = 0

    def __iter__(self) -> Iterator[Path]:
        self.ignored = 0
        for item in self.inputs:
            path = Path(item)
            if path.is_dir():
                yield from self._walk(path)
            elif not path.exists() and glob.has_magic(item):
                for match in sorted(glob.glob(item, recursive=True)):
                    yield from self._walk(Path(match)) if Path(match).is_dir() else [Path(match)]
            else:
                yield path

    def _walk(self, top: Path) -> Iterator[Path]:
        for root, dirs, files in os.walk(top):
            dirs.sort()
            for name in sorted(files):
                if Path(name).suffix.lower() in self.known:
                    yield Path(root) / name
                else:
                    self.ignored += 1


def safe_stem(path: Path) -> str:
    """The file-name part of an output name: no folder, no control or reserved character, never hidden.

    >>> safe_stem(Path("../../etc/Kế hoạch 126:KH-UBND.pdf"))
    'Kế hoạch 126_KH-UBND'
    >>> safe_stem(Path("..pdf")), safe_stem(Path(".txt"))
    ('document', 'document')
    """
    stem = unicodedata.normalize("NFC", path.name)
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    stem = _UNSAFE.sub("_", stem).strip(" .")
    while len(stem.encode()) > _MAX_STEM_BYTES:
        stem = stem[:-1]
    return stem or "document"


class Namer:
    """Output names in order of discovery: ``<stem>.json``, then ``<stem>-2.json``, ``-3`` … (case-insensitive,
    so two names that differ only in case do not overwrite each other on macOS or Windows)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, path: Path) -> str:
        stem = safe_stem(path)
        name, n = f"{stem}.json", 1
        while name.casefold() in self.used:
            n += 1
            name = f"{stem}-{n}.json"
        self.used.add(name.casefold())
        return name


@dataclass(frozen=True)
class Task:
    """One file for a worker (picklable)."""

    seq: int
    path: str
    name: str
    sha256: str
    want_rows: bool = False


@dataclass(frozen=True)
class WorkResult:
    """What a worker sends back: the output text, the store rows, and the counts for the summary."""

    json_text: str
    rows: store_mod.DocumentRows | None
    records: int
    warnings: int
    error: str | None
    pages: int
    worker_rss_kb: int


def process(task: Task, settings: Settings) -> WorkResult:
    """Extract one file (runs in a worker; ``pipeline.extract`` never raises for a bad file)."""
    from extractor.pipeline import extract

    extraction = extract(task.path, settings)
    return _result(extraction, task, settings, rss_kb())


def _result(extraction: Extraction, task: Task, settings: Settings, rss: int = 0) -> WorkResult:
    errors = [w for w in extraction.warnings if w.startswith("E")]
    rows = store_mod.rows_for(extraction, task.name[: -len(".json")]) if task.want_rows else None
    return WorkResult(
        json_text=extraction.model_dump_json(indent=settings.indent) + "\n",
        rows=rows,
        records=len(extraction.records),
        warnings=len(extraction.warnings),
        error=errors[0] if errors else None,
        pages=extraction.source.pages or 1,
        worker_rss_kb=rss,
    )


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
        source=Source(path=task.path, sha256=task.sha256, format=fmt, pages=None),
        document=document, records=[], scores=[], warnings=[f"{code.value}: {message}"],
    )
    return _result(extraction, task, settings)


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


@dataclass
class BatchSummary:
    files: int = 0
    extracted: int = 0
    skipped: int = 0
    failed: int = 0
    records: int = 0
    warnings: int = 0
    pages: int = 0
    ignored: int = 0
    seconds: float = 0.0
    parent_rss_kb: int = 0
    worker_rss_kb: int = 0

    def line(self, out: Path) -> str:
        """One line: ``files = extracted + skipped``; ``failed`` counts the files whose output is an error,
        whether written now or found unchanged from an earlier run."""
        rate = self.extracted / self.seconds if self.seconds else 0.0
        ignored = f", {self.ignored} ignored (extension)" if self.ignored else ""
        return (
            f"extractor: {self.files} file(s) → {out}/: {self.extracted} processed, {self.skipped} skipped "
            f"(unchanged), {self.failed} failed{ignored}; {self.records} records, {self.warnings} warnings; "
            f"{self.seconds:.1f} s ({rate:.1f} files/s)"
        )


class Progress:
    """A progress line on a terminal (files/s and ETA, redrawn at most 10 times a second); on a pipe or
    a log file a plain line every ``interval`` seconds, so a CI log is not flooded."""

    def __init__(self, total: int, stream: IO[str] | None = None, tty: bool | None = None, interval: float = 30.0):
        self.total = total
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.interval = 0.1 if self.tty else interval
        self.start = self.last = time.monotonic()
        self.drawn = False

    def _text(self, s: BatchSummary) -> str:
        done = s.extracted + s.skipped
        elapsed = max(time.monotonic() - self.start, 1e-9)
        rate = s.extracted / elapsed
        left = self.total - done
        eta = f"{int(left / rate) // 60}:{int(left / rate) % 60:02d}" if rate > 0 else "?"
        pct = 100 * done / self.total if self.total else 100
        return f"{done}/{self.total} files ({pct:.0f}%), {rate:.1f} files/s, ETA {eta}, {s.failed} failed"

    def update(self, s: BatchSummary, force: bool = False) -> None:
        now = time.monotonic()
        if not force and now - self.last < self.interval:
            return
        self.last = now
        if self.tty:
            self.stream.write("\r\x1b[K" + self._text(s))
            self.drawn = True
        else:
            self.stream.write(f"extractor: {self._text(s)}\n")
        self.stream.flush()

    def say(self, line: str) -> None:
        """A line of its own (an error), above the progress line."""
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.drawn = False
        self.stream.write(line + "\n")
        self.stream.flush()

    def finish(self) -> None:
        if self.drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(functools.partial(fh.read, 1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_atomic(target: Path, text: str) -> None:
    """Write via a hidden temporary file in the same folder, then rename: a reader (or a resumed run)
    sees the old file or the new one, never half of one."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)


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

    def say(self, line: str) -> None:
        if self.progress:
            self.progress.say(line)
        else:
            sys.stderr.write(line + "\n")

    def failed(self, task: Task, error: str) -> None:
        self.summary.failed += 1
        code, _, message = error.partition(": ")
        self.errors.append((task.seq, {
            "path": task.path, "output": task.name, "sha256": task.sha256, "code": code, "message": message,
        }))
        self.say(f"extractor: {task.path}: {error}")

    def tasks(self, discovery: Discovery) -> Iterator[Task]:
        """The files still to extract; files whose output is up to date are counted as skipped here."""
        namer = Namer()
        for seq, path in enumerate(discovery):
            self.summary.files += 1
            name = namer(path)
            try:
                regular = stat.S_ISREG(path.stat().st_mode)
                sha = sha256_of(path) if regular else ""
            except OSError:
                regular, sha = False, ""
            task = Task(seq, str(path), name, sha, want_rows=self.store is not None)
            target = self.out / name
            earlier = _peek(target) if target.exists() else None
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
        write_atomic(target, result.json_text)
        if self.store is not None and result.rows is not None:
            st = target.stat()
            self.store.replace(result.rows, st.st_size, st.st_mtime_ns)
        s = self.summary
        s.records += result.records
        s.warnings += result.warnings
        s.pages += 0 if result.error else result.pages
        s.worker_rss_kb = max(s.worker_rss_kb, result.worker_rss_kb)
        s.extracted += 1
        if result.error:
            self.failed(task, result.error)
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
            self.store.export_records(self.out / store_mod.RECORDS_NAME)
            if result.invalid:
                self.say(f"extractor: {len(result.invalid)} JSON file(s) in {self.out}/ are not outputs; not imported")
            self.store.close()


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
