"""The ``extractor`` command line: a thin typer layer over the library.

Why thin: everything it does is a library call (``pipeline.extract``, ``evaluate.evaluate_dirs``,
``schema.json_schema``), so the behaviour users script against is tested once, in the library.
A bad file never raises: it gets one line on stderr ("extractor: ke-hoach.doc: E002: …"), its JSON
output still carries the coded warning, and the exit status says something failed.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import typer

from extractor.settings import Settings

EXIT_OK = 0
EXIT_FAILED_FILES = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

app = typer.Typer(
    add_completion=False,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    help="Trích xuất kế hoạch nâng cao Chỉ số CCHC / SIPAS / PAPI … thành JSON (output contract v1).",
)


def _expand(inputs: list[Path]) -> Iterator[Path]:
    """Files as given, and every file under a folder given, in a stable order (see ``batch.Discovery``)."""
    from extractor.batch import Discovery

    yield from Discovery(inputs)


@app.command()
def extract(
    inputs: list[Path] = typer.Argument(
        ..., help="Plan files (.txt .md .html .pdf .docx .doc), folders (walked recursively) or quoted globs."
    ),
    output: Path | None = typer.Option(
        None, "-o", "--output", help="Write DIR/<name>.json for each input instead of printing."
    ),
    ocr: str = typer.Option("auto", help="OCR scanned PDF pages: auto | always | never."),
    compact: bool = typer.Option(False, help="One-line JSON."),
    workers: int = typer.Option(
        0, "-j", "--workers", help="Worker processes with -o (0 = one per core).", min=0, show_default=False
    ),
    timeout: float = typer.Option(120.0, help="Seconds one file may take with -o; then it fails (E008) and "
                                  "its worker is replaced. 0 = no limit.", min=0),
    store: bool = typer.Option(True, "--store/--no-store", help="With -o, also keep DIR/plans.sqlite (SQLite, "
                               "full-text search) and DIR/records.jsonl up to date."),
    retry_failed: bool = typer.Option(False, help="Extract again files whose earlier output is an error."),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress line on stderr with -o."),
    engine: str = typer.Option("local", help="local (process pool) | dask (an existing Dask cluster)."),
    scheduler: str | None = typer.Option(None, help="Dask scheduler address for --engine dask: tcp://HOST:PORT."),
) -> None:
    """Extract plans to JSON.

    With -o, files are extracted in parallel and a run can be resumed: files whose output already
    holds the same content (sha256) are skipped. Failures are listed in DIR/errors.jsonl.

    Examples:

      extractor extract ke-hoach-18.txt                 # JSON on stdout

      extractor extract plans/*.pdf -o out/             # out/<name>.json for each

      extractor extract corpora/plans -o out/           # a whole folder, recursively

      extractor extract 'so-*/**/*.pdf' -o out/ -j 8 --timeout 300
    """
    if ocr not in ("auto", "always", "never"):
        typer.echo(f"extractor: error: --ocr must be auto, always or never, not {ocr!r}", err=True)
        raise typer.Exit(EXIT_USAGE)
    if engine not in ("local", "dask") or (engine == "dask" and not scheduler):
        typer.echo("extractor: error: --engine must be local or dask (dask needs --scheduler tcp://HOST:PORT)",
                   err=True)
        raise typer.Exit(EXIT_USAGE)
    settings = Settings(ocr=ocr, indent=None if compact else 1)  # type: ignore[arg-type]
    if not any(True for _ in _expand(inputs)):
        typer.echo("extractor: error: no input files found", err=True)
        raise typer.Exit(EXIT_USAGE)
    if output is None:
        raise typer.Exit(_extract_to_stdout(inputs, settings))
    from extractor.batch import BatchOptions, run_batch
    from extractor.pool import cpu_count

    options = BatchOptions(
        workers=workers or cpu_count(), timeout=timeout or None, store=store, retry_failed=retry_failed,
        engine=engine, scheduler=scheduler,  # type: ignore[arg-type]
    )
    try:
        summary = run_batch(inputs, output, settings, options, progress=None if progress else False)
    except (RuntimeError, ValueError, OSError) as exc:
        typer.echo(f"extractor: error: {exc}", err=True)
        raise typer.Exit(EXIT_USAGE) from None
    except KeyboardInterrupt:
        typer.echo(f"\nextractor: interrupted; run the same command again to resume into {output}/", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    typer.echo(summary.line(output), err=True)
    raise typer.Exit(EXIT_FAILED_FILES if summary.failed else EXIT_OK)


def _extract_to_stdout(inputs: list[Path], settings: Settings) -> int:
    """One JSON per input on stdout, in order, in this process (the one-file case)."""
    from extractor.pipeline import extract as run

    failures = 0
    for path in _expand(inputs):
        result = run(path, settings)
        errors = [w for w in result.warnings if w.startswith("E")]
        if errors:
            failures += 1
            typer.echo(f"extractor: {path}: {errors[0]}", err=True)
        sys.stdout.write(result.model_dump_json(indent=settings.indent) + "\n")
    return EXIT_FAILED_FILES if failures else EXIT_OK


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


@app.command("compare")
def compare_command(
    out: Path = typer.Argument(..., help="The folder a bulk run wrote (extractor extract … -o OUT)."),
    to: Path | None = typer.Option(None, "--to", help="Where to write the CSV/XLSX/HTML (default OUT/compare)."),
    rows: int = typer.Option(8, help="Rows of each table to print."),
    title: str = typer.Option("So sánh kế hoạch", help="Title of the HTML report."),
) -> None:
    """Compare the plans of a bulk run: issuer × index, gaps, lead units' load, quarters, shared tasks,
    plans implementing the same parent plan. Prints a summary and writes CSV, XLSX and HTML.

    Example: extractor compare out/   (then open out/compare/report.html)
    """
    from extractor.compare import REPORT_DIR, compare, format_text, write_all
    from extractor.store import open_synced

    if not out.is_dir():
        typer.echo(f"extractor: error: {out} is not a folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    with open_synced(out) as store:
        comparison = compare(store.db)
    paths = write_all(comparison, to or out / REPORT_DIR, title)
    typer.echo(format_text(comparison, limit=rows))
    typer.echo(f"extractor: wrote {len(paths)} files to {(to or out / REPORT_DIR)}/ (report.html, compare.xlsx, "
               f"*.csv)", err=True)


@app.command("query")
def query_command(
    text: str = typer.Argument(..., help='Words to find in solutions and weaknesses; FTS5 syntax allowed '
                               '("một cửa" OR "liên thông", tiếp*).'),
    out: Path = typer.Argument(Path("out"), help="The folder a bulk run wrote."),
    limit: int = typer.Option(20, help="Most results to show."),
    index: str | None = typer.Option(None, help="Only records of this index (SIPAS, PAR_INDEX, …)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object a line."),
) -> None:
    """Full-text search over the records of a bulk run ("một cửa" exactly; "mot cua" ignores tone marks).

    Example: extractor query "thủ tục hành chính" out/ --index SIPAS
    """
    from extractor.store import open_synced

    if not out.is_dir():
        typer.echo(f"extractor: error: {out} is not a folder", err=True)
        raise typer.Exit(EXIT_USAGE)
    with open_synced(out) as store:
        hits = store.search(text, limit=limit, index=index)
    for hit in hits:
        if as_json:
            typer.echo(json.dumps(hit, ensure_ascii=False))
        else:
            head = f"{hit['document_id']}  {hit['document_number'] or '-'}  {hit['document_issuer'] or '-'}"
            typer.echo(f"{head}  #{hit['record_id']}  {hit['index'] or '-'}\n    {hit['snippet']}")
    typer.echo(f"extractor: {len(hits)} record(s)", err=True)
    raise typer.Exit(EXIT_OK if hits else EXIT_FAILED_FILES)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output contract (the committed copy is schema/extraction.schema.json)."""
    from extractor.schema import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=2))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
