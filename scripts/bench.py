"""Throughput of the whole text extraction against just reading + NFC-normalising the same files.

Both are measured in the same run on the same files (the corpus plans and, when present, the seed
plans, copied many times), one core, so the ratio is meaningful on a noisy machine.  Prints MB/s of
plan text for: many small files (the bulk-import case) and one large plan (1 MB).  Target: ≥ 2 MB/s.
"""

from __future__ import annotations

import sys
import tempfile
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.pipeline import extract  # noqa: E402

TARGET_MB_S = 2.0


def sources() -> list[Path]:
    files = sorted(p for p in (ROOT / "corpora" / "plans").iterdir() if p.is_file())
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        files += sorted(seeds.glob("*.txt"))
    return files


def baseline(paths: list[Path]) -> float:
    t = time.perf_counter()
    for p in paths:
        unicodedata.normalize("NFC", p.read_bytes().decode("utf-8-sig", errors="replace"))
    return time.perf_counter() - t


def full(paths: list[Path]) -> float:
    from extractor.nlp import verb_starts

    t = time.perf_counter()
    for p in paths:
        verb_starts.cache_clear()  # copies of one plan must not ride on the POS cache
        extract(p)
    return time.perf_counter() - t


def best_of(fn, paths: list[Path], runs: int = 3) -> float:  # type: ignore[no-untyped-def]
    return min(fn(paths) for _ in range(runs))


def report(name: str, paths: list[Path]) -> float:
    size = sum(p.stat().st_size for p in paths) / 1e6
    base = best_of(baseline, paths)
    ours = best_of(full, paths)
    rate = size / ours
    print(
        f"{name:34s} {size:7.2f} MB  extract {rate:6.2f} MB/s ({ours:6.2f} s)   "
        f"read+NFC {size / base:8.1f} MB/s ({base:6.3f} s)   ratio {ours / base:7.1f}×"
    )
    return rate


def main() -> None:
    files = sources()
    extract(files[0])  # warm up: rule compilation, lazy imports, the POS model
    with tempfile.TemporaryDirectory() as tmp:
        many: list[Path] = []
        for i in range(20):
            for f in files:
                target = Path(tmp) / f"{i:02d}_{f.name}"
                target.write_bytes(f.read_bytes())
                many.append(target)
        rate_many = report(f"{len(many)} small plans", many)
        big = Path(tmp) / "big_plan.txt"
        text = "\n\n".join(f.read_text(encoding="utf-8-sig") for f in files if f.suffix == ".txt")
        big.write_text((text + "\n\n") * max(1, int(1_000_000 / len(text.encode()))), encoding="utf-8")
        rate_big = report("one large plan", [big])
    worst = min(rate_many, rate_big)
    verdict = "OK" if worst >= TARGET_MB_S else "BELOW TARGET"
    print(f"text extraction: {worst:.2f} MB/s on one core (target ≥ {TARGET_MB_S} MB/s): {verdict}")


if __name__ == "__main__":
    main()
