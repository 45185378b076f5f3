"""Worker processes for bulk runs: one task at a time each, a time limit per task, a hung worker replaced.

Why not ``concurrent.futures.ProcessPoolExecutor``: it cannot stop one task.  A reader stuck inside a
C library on a malformed "Kế hoạch 126-KH-UBND.pdf" would hold its worker forever, and killing that
process by hand breaks the whole executor (``BrokenProcessPool`` fails every pending future).  This
pool is the same standard-library machinery (``multiprocessing`` processes and pipes) with the one
thing we need added: the parent knows which worker runs which task since when, so it can kill and
replace exactly that worker, report the task, and go on.  Two limits apply: a soft one inside the
worker (``SIGALRM`` interrupts Python code at ``timeout`` and the worker lives on) and a hard one in
the parent (``timeout + kill_grace``: the worker is killed, e.g. when stuck in C code).  Workers are
also replaced after ``max_tasks`` tasks, so a reader that leaks memory cannot grow a worker forever.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Failure:
    """A task that gave no result: ``kind`` is 'timeout', 'crash' (the worker died) or 'error' (it raised)."""

    kind: str
    message: str


class _SoftTimeout(BaseException):
    """Raised inside a worker by SIGALRM; a BaseException so that readers' ``except Exception`` cannot eat it."""


def _on_alarm(signum: int, frame: object) -> None:
    raise _SoftTimeout


def _die_with_parent() -> None:
    """Linux: ask the kernel to kill this worker when the parent dies (e.g. kill -9), instead of finishing
    a long OCR task for nobody."""
    if not sys.platform.startswith("linux"):
        return
    with contextlib.suppress(Exception):
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG


def _worker_main(conn: Connection, fn: Callable[[Any], Any], timeout: float | None) -> None:
    _die_with_parent()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    soft = timeout if hasattr(signal, "setitimer") else None  # no SIGALRM on Windows: the hard limit only
    if soft:
        signal.signal(signal.SIGALRM, _on_alarm)
    while True:
        try:
            item = conn.recv()
        except (EOFError, OSError):
            return
        if item is None:
            return
        try:
            if soft:
                signal.setitimer(signal.ITIMER_REAL, soft)
            try:
                reply: tuple[str, Any] = ("ok", fn(item))
            finally:
                if soft:
                    signal.setitimer(signal.ITIMER_REAL, 0)
        except _SoftTimeout:
            reply = ("timeout", f"no result after {timeout:g} s")
        except Exception as exc:  # a bug in the task function: report it, keep the worker
            reply = ("error", f"{type(exc).__name__}: {exc}")
        try:
            conn.send(reply)
        except (BrokenPipeError, OSError):
            return


@dataclass
class _Slot(Generic[T]):
    process: Any
    conn: Connection
    queue: deque[T] = field(default_factory=deque)  # sent and not answered yet, in order: the head is running
    started: float = 0.0  # when the head started (or was sent, for the first)
    done: int = 0


def _context() -> Any:
    # fork: a new worker starts in milliseconds with the parent's modules already imported; the parent
    # holds no threads or open database handles the workers would use.  Elsewhere: spawn.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


class WorkerPool(Generic[T, R]):
    """``imap_unordered`` over worker processes with a per-task time limit.

    Each worker holds ``depth`` tasks (default 2): the next one waits in its pipe, so it starts the
    moment the last is done instead of after the parent has woken up, read the result and answered
    (on a busy 2-core machine that round trip costs a worker ~0.2 ms a file, 5 % of a short plan).
    A task queued behind one that times out or crashes is not lost: it goes to the next free worker.

    >>> with WorkerPool(abs, workers=2, timeout=10) as pool:
    ...     sorted(r for _, r in pool.imap_unordered([-3, 1, -2]))
    [1, 2, 3]
    """

    def __init__(
        self,
        fn: Callable[[T], R],
        workers: int,
        timeout: float | None = 120.0,
        kill_grace: float = 10.0,
        max_tasks: int = 1000,
        depth: int = 2,
    ) -> None:
        self.fn = fn
        self.workers = max(1, workers)
        self.timeout = timeout
        self.kill_grace = kill_grace
        self.max_tasks = max(1, max_tasks)
        self.depth = max(1, depth)
        self._ctx = _context()
        self._slots: list[_Slot[T]] = []

    def __enter__(self) -> WorkerPool[T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _start(self) -> _Slot[T]:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_worker_main, args=(child, self.fn, self.timeout), daemon=True)
        process.start()
        child.close()  # so that the worker's death shows as EOF here
        return _Slot(process, parent)

    def _stop(self, slot: _Slot[T], kill: bool) -> None:
        if kill:
            slot.process.kill()
        else:
            with contextlib.suppress(OSError):
                slot.conn.send(None)
        slot.process.join(None if kill else 5)
        if slot.process.is_alive():
            slot.process.kill()
            slot.process.join()
        slot.conn.close()

    def _replace(self, slot: _Slot[T], kill: bool) -> _Slot[T]:
        self._stop(slot, kill)
        fresh = self._start()
        self._slots[self._slots.index(slot)] = fresh
        return fresh

    def imap_unordered(self, items: Iterable[T]) -> Iterator[tuple[T, R | Failure]]:
        """Yield ``(item, result or Failure)`` as tasks finish; reads ``items`` lazily, a few ahead at most."""
        source = iter(items)
        orphans: deque[T] = deque()  # queued behind a task whose worker was killed: sent again first
        exhausted = False
        if not self._slots:
            self._slots = [self._start() for _ in range(self.workers)]

        def fill(slot: _Slot[T]) -> None:
            nonlocal exhausted
            while len(slot.queue) < self.depth and slot.done + len(slot.queue) < self.max_tasks:
                if orphans:
                    item = orphans.popleft()
                elif exhausted:
                    return
                else:
                    try:
                        item = next(source)
                    except StopIteration:
                        exhausted = True
                        return
                try:
                    slot.conn.send(item)
                except OSError:  # BrokenPipeError: the worker died after its last answer (a task killed it)
                    orphans.appendleft(item)
                    if slot.queue:
                        return  # its end shows as EOF at the next wait and fails the task it was running
                    slot = self._replace(slot, kill=True)  # it died between tasks: nothing is lost
                    continue
                if not slot.queue:
                    slot.started = time.monotonic()
                slot.queue.append(item)

        def fail(slot: _Slot[T], failure: Failure) -> tuple[_Slot[T], T, Failure]:
            """The running task failed and its worker is gone: a fresh worker; the queued ones wait for one."""
            item = slot.queue.popleft()
            orphans.extend(slot.queue)
            slot.queue.clear()
            return self._replace(slot, kill=True), item, failure

        for slot in list(self._slots):
            fill(slot)
        while True:
            busy = [s for s in self._slots if s.queue]
            if not busy:
                if not orphans:
                    return
                for slot in list(self._slots):
                    fill(slot)
                continue
            hard = None if self.timeout is None else self.timeout + self.kill_grace
            wait_for = None if hard is None else max(0.0, min(s.started for s in busy) + hard - time.monotonic())
            ready = wait([s.conn for s in busy], timeout=wait_for)
            now = time.monotonic()
            for slot in busy:
                if slot.conn in ready:
                    try:
                        status, value = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.process.join(1)
                        code = slot.process.exitcode
                        died = Failure("crash", f"the worker process died (exit status {code})")
                        slot, item, outcome = fail(slot, died)
                    else:
                        item = slot.queue.popleft()
                        outcome = value if status == "ok" else Failure(status, str(value))
                        slot.started = now  # the next queued task started when this answer was sent
                        slot.done += 1
                        if slot.done >= self.max_tasks and not slot.queue:
                            slot = self._replace(slot, kill=False)
                elif hard is not None and now - slot.started >= hard:
                    failure = Failure("timeout", f"no result after {hard:g} s; the worker was killed")
                    slot, item, outcome = fail(slot, failure)
                else:
                    continue
                fill(slot)  # the worker has its next file before the caller stores this one
                for idle in self._slots:
                    if idle is not slot and not idle.queue and orphans:
                        fill(idle)
                yield item, outcome

    def close(self) -> None:
        for slot in self._slots:
            self._stop(slot, kill=bool(slot.queue))
        self._slots = []


def rss_kb() -> int:
    """Peak resident memory of this process in kB.

    Linux: ``VmHWM`` of ``/proc/self/status``, because ``ru_maxrss`` survives ``exec`` and would report
    the peak of whatever process started us; elsewhere ``ru_maxrss`` (bytes on macOS, kB on Linux/BSD).
    """
    import resource

    with contextlib.suppress(OSError, ValueError), open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak // 1024) if sys.platform == "darwin" else int(peak)


def cpu_count() -> int:
    """Cores this process may use (the affinity mask when the OS has one, as in containers)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1
