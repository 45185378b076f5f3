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
    """Metrics per rendered format found in ``rendered``, each with "text": the same plans as text."""
    golds = _golds()
    text = {n: extract(ROOT / g["source"]["path"]).model_dump(mode="json") for n, g in golds}
    reports: dict[str, dict[str, Any]] = {}
    for suffix in (".docx", ".pdf", ".scan.pdf", ".mixed.pdf", ".tcvn3.txt"):
        triples, originals = [], []
        for name, gold in golds:
            path = rendered / f"{name}{suffix}"
            if path.exists():
                triples.append((name, gold, extract(path).model_dump(mode="json")))
                originals.append((name, gold, text[name]))
        if triples:
            reports[suffix.lstrip(".")] = {"rendered": evaluate(triples), "text": evaluate(originals)}
    return reports


def field_gaps(report: dict[str, Any]) -> dict[str, float]:
    """How far each field's accuracy falls below the text's, on the same documents."""
    base, rep = report["text"]["field_accuracy"], report["rendered"]["field_accuracy"]
    return {k: base.get(k, 0.0) - rep.get(k, 0.0) for k in base}


def main() -> None:
    rendered = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "build" / "rendered"
    if not rendered.is_dir():
        subprocess.run(
            [sys.executable, str(ROOT / "scripts" / "render_corpus.py"), str(rendered), "--standard"], check=True
        )
    for fmt, report in format_reports(rendered).items():
        rep, base = report["rendered"], report["text"]
        worst = max(field_gaps(report).items(), key=lambda kv: kv[1])
        print(f"{fmt:9s} docs={len(rep['per_document']):3d} record F1={rep['f1']:.3f} "
              f"(same plans as text {base['f1']:.3f}); largest field gap {worst[0]}={worst[1]:+.3f}")


if __name__ == "__main__":
    main()
