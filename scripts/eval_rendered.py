"""Score the corpus rendered to DOCX and PDF (scripts/render_corpus.py) against the same gold as the text.

Usage: python scripts/eval_rendered.py [RENDERED_DIR]   (default build/rendered; renders it if missing)
Prints record F1 and field accuracy per format next to the text's, and the largest gap.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractor.evaluate import evaluate  # noqa: E402
from extractor.pipeline import extract  # noqa: E402


def _golds() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted((ROOT / "corpora" / "gold").glob("*.json")):
        out.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
    return out


def format_reports(rendered: Path) -> dict[str, dict[str, Any]]:
    """Metrics for the text originals and for every rendered format found in ``rendered``."""
    reports: dict[str, dict[str, Any]] = {}
    golds = _golds()
    reports["text"] = evaluate([(n, g, extract(ROOT / g["source"]["path"]).model_dump(mode="json")) for n, g in golds])
    for suffix in (".docx", ".pdf", ".scan.pdf"):
        triples = []
        for name, gold in golds:
            path = rendered / f"{name}{suffix}"
            if path.exists():
                triples.append((name, gold, extract(path).model_dump(mode="json")))
        if triples:
            reports[suffix.lstrip(".")] = evaluate(triples)
    return reports


def main() -> None:
    rendered = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "rendered"
    if not rendered.is_dir():
        subprocess.run([sys.executable, str(ROOT / "scripts" / "render_corpus.py"), str(rendered)], check=True)
    reports = format_reports(rendered)
    base = reports["text"]
    for fmt, rep in reports.items():
        gaps = {k: base["field_accuracy"].get(k, 0) - v for k, v in rep["field_accuracy"].items()}
        worst = max(gaps.items(), key=lambda kv: kv[1]) if gaps else ("-", 0.0)
        print(f"{fmt:9s} docs={len(rep['per_document']):3d} record F1={rep['f1']:.3f} "
              f"(text {base['f1']:.3f}); largest field gap {worst[0]}={worst[1]:+.3f}")


if __name__ == "__main__":
    main()
