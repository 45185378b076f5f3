"""The ``extractor`` command line: a thin typer layer over the library.

Why thin: everything it does is a library call (``pipeline.extract``, ``evaluate.evaluate_dirs``,
``schema.json_schema``), so the behaviour users script against is tested once, in the library.
A bad file never raises: it gets one line on stderr ("extractor: ke-hoach.doc: E002: …"), its JSON
output still carries the coded warning, and the exit status says something failed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from extractor.settings import Settings

EXIT_OK = 0
EXIT_FAILED_FILES = 1
EXIT_USAGE = 2

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Trích xuất kế hoạch nâng cao Chỉ số CCHC / SIPAS / PAPI … thành JSON (output contract v1).",
)


def _expand(inputs: list[Path]) -> Iterator[Path]:
    """Files as given, and every file under a folder given, in a stable order."""
    from extractor import ingest

    known = {*ingest.TEXT_SUFFIXES, *ingest.HTML_SUFFIXES, *ingest.PDF_SUFFIXES, *ingest.DOCX_SUFFIXES}
    for item in inputs:
        if item.is_dir():
            for root, dirs, files in os.walk(item):
                dirs.sort()
                for name in sorted(files):
                    if Path(name).suffix.lower() in known:
                        yield Path(root) / name
        else:
            yield item


def _out_name(path: Path, used: set[str]) -> str:
    """``<name without extension>.json``; a second input with the same name gets ``-2``, ``-3``."""
    stem = path.stem or "document"
    name, n = f"{stem}.json", 1
    while name in used:
        n += 1
        name = f"{stem}-{n}.json"
    used.add(name)
    return name


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(..., help="Plan files (.txt .md .html .pdf .docx .doc) or folders."),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write DIR/<name>.json for each input instead of printing."
    ),
    ocr: str = typer.Option("auto", help="OCR scanned PDF pages: auto | always | never."),
    compact: bool = typer.Option(False, help="One-line JSON."),
) -> None:
    """Extract plans to JSON.

    Examples:

      extractor extract ke-hoach-18.txt                 # JSON on stdout

      extractor extract plans/*.pdf -o out/             # out/<name>.json for each

      extractor extract corpora/plans -o out/           # a whole folder, recursively
    """
    from extractor.pipeline import extract as run

    if ocr not in ("auto", "always", "never"):
        typer.echo(f"extractor: error: --ocr must be auto, always or never, not {ocr!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    settings = Settings(ocr=ocr, indent=None if compact else 1)  # type: ignore[arg-type]
    files = list(_expand(inputs))
    if not files:
        typer.echo("extractor: error: no input files found", err=True)
        raise typer.Exit(EXIT_USAGE)
    if output is not None:
        output.mkdir(parents=True, exist_ok=True)
    failures = 0
    used: set[str] = set()
    for path in files:
        result = run(path, settings)
        errors = [w for w in result.warnings if w.startswith("E")]
        if errors:
            failures += 1
            typer.echo(f"extractor: {path}: {errors[0]}", err=True)
        data = result.model_dump_json(indent=settings.indent)
        if output is None:
            sys.stdout.write(data + "\n")
            continue
        target = output / _out_name(path, used)
        tmp = target.with_suffix(".json.tmp")
        tmp.write_text(data + "\n", encoding="utf-8")
        tmp.replace(target)
    if output is not None:
        typer.echo(f"extractor: {len(files)} file(s) → {output}/ ({failures} failed)", err=True)
    raise typer.Exit(EXIT_FAILED_FILES if failures else EXIT_OK)


@app.command("eval")
def eval_command(
    gold_dir: Path = typer.Argument(..., help="Folder of gold JSON (contract format or score.py format)."),
    pred_dir: Path = typer.Argument(..., help="Folder of predicted JSON, same file names."),
    as_json: bool = typer.Option(False, "--json", help="Print the metrics as JSON."),
) -> None:
    """Score predictions against gold: record P/R/F1 and every field's accuracy, per document and overall."""
    from extractor.evaluate import evaluate_dirs, format_report

    if not gold_dir.is_dir() or not pred_dir.is_dir():
        typer.echo("extractor: error: GOLD_DIR and PRED_DIR must be folders", err=True)
        raise typer.Exit(EXIT_USAGE)
    report = evaluate_dirs(gold_dir, pred_dir)
    typer.echo(json.dumps(report, ensure_ascii=False, indent=1) if as_json else format_report(report))


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output contract (the committed copy is schema/extraction.schema.json)."""
    from extractor.schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
