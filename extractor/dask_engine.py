"""The optional Dask engine: the same per-file work as the local pool, sent to an existing cluster.

Why: OCR of scanned plans ("Kế hoạch 126/KH-UBND" photographed page by page) can take minutes a file,
so a province-wide import may want more cores than one machine has.  Only the execution moves: the
parent still names, writes and imports every output, so results are byte-for-byte those of the local
engine.  Workers must see the input paths (a shared file system).  Dask runs tasks in threads, which
cannot be interrupted, so a task past its time limit is reported as a timeout and cancelled, but may
keep its worker thread busy until it returns.  The readers are not thread-safe (pdfium is not), so a
worker process extracts one file at a time whatever its thread count: start workers with
``dask worker --nthreads 1 --nworkers N``.  Needs the extra ``[dask]`` (``dask[distributed]``).
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from extractor.pool import Failure

T = TypeVar("T")
_ONE_AT_A_TIME = threading.Lock()


def _serialised(fn: Callable[[Any], Any], item: Any) -> Any:
    """Run ``fn`` with this worker process's lock held: pdfium and friends must not run in two threads."""
    with _ONE_AT_A_TIME:
        return fn(item)


class DaskEngine:
    """``imap_unordered`` on a Dask cluster, a bounded number of tasks in flight."""

    def __init__(self, fn: Callable[[Any], Any], scheduler: str, timeout: float | None, in_flight: int) -> None:
        try:
            from distributed import Client
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise RuntimeError("--engine dask needs the extra: pip install 'plan-extractor[dask]'") from exc
        self.fn = functools.partial(_serialised, fn)
        self.timeout = timeout
        self.client = Client(scheduler, set_as_default=False)
        threads = sum(self.client.nthreads().values()) or 1
        self.in_flight = max(in_flight, 2 * threads)

    def imap_unordered(self, items: Iterable[T]) -> Iterator[tuple[T, Any]]:
        source = iter(items)
        pending: dict[Any, tuple[T, float]] = {}

        def fill() -> None:
            while len(pending) < self.in_flight:
                try:
                    item = next(source)
                except StopIteration:
                    return
                pending[self.client.submit(self.fn, item, pure=False)] = (item, time.monotonic())

        fill()
        while pending:
            done = {f for f in pending if f.done()}  # polled: distributed.wait needs a default client
            if not done:
                time.sleep(0.005)
            now = time.monotonic()
            for future in list(pending):
                item, started = pending[future]
                if future in done:
                    del pending[future]
                    if future.status == "finished":
                        yield item, future.result()
                    else:
                        yield item, Failure("error", repr(future.exception()))
                elif self.timeout is not None and now - started >= self.timeout:
                    del pending[future]
                    future.cancel()
                    yield item, Failure("timeout", f"no result after {self.timeout:g} s (Dask task cancelled)")
            fill()

    def close(self) -> None:
        self.client.close()
