"""The command line: outputs, exit codes, and bad input that never gives a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor.cli import EXIT_FAILED_FILES, EXIT_OK, app
from tests.conftest import CORPUS, ROOT

runner = CliRunner()
PLAN = next((CORPUS / "plans").glob("a01_*.txt"))


def test_one_file_prints_json() -> None:
    result = runner.invoke(app, ["extract", str(PLAN)])
    assert result.exit_code == EXIT_OK, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1" and data["records"]


def test_output_dir_gets_one_json_per_input(tmp_path: Path) -> None:
    plans = sorted((CORPUS / "plans").glob("a0[12]_*.txt"))
    result = runner.invoke(app, ["extract", *map(str, plans), "-o", str(tmp_path)])
    assert result.exit_code == EXIT_OK
    assert sorted(p.name for p in tmp_path.glob("*.json")) == sorted(f"{p.stem}.json" for p in plans)


def test_same_name_in_two_folders_does_not_collide(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        shutil.copy(PLAN, tmp_path / sub / "plan.txt")
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out)])
    assert result.exit_code == EXIT_OK
    assert sorted(p.name for p in out.glob("*.json")) == ["plan-2.json", "plan.json"]


BAD_INPUTS = {
    "empty.txt": (b"", "E003"),
    "junk.txt": (bytes(range(256)) * 64, "E004"),
    "plan.xyz": ("Kế hoạch".encode(), "E002"),
    "notes.txt": ("Hôm nay trời đẹp. Chúng tôi đi chơi công viên.\n".encode(), "W201"),
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_gives_a_coded_warning_not_a_traceback(tmp_path: Path, name: str) -> None:
    data, code = BAD_INPUTS[name]
    bad = tmp_path / name
    bad.write_bytes(data)
    out = tmp_path / "out"
    result = runner.invoke(app, ["extract", str(bad), str(PLAN), "-o", str(out)])
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    written = json.loads((out / f"{bad.stem}.json").read_text(encoding="utf-8"))
    assert any(w.startswith(code) for w in written["warnings"]), written["warnings"]
    assert (out / f"{PLAN.stem}.json").exists(), "the rest of the batch must not be lost"
    if code.startswith("E"):
        assert result.exit_code == EXIT_FAILED_FILES
        assert f"{code}:" in result.stderr and len(result.stderr.strip().splitlines()) == 2


def test_oversized_text_file_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        line = "Kế hoạch nâng cao Chỉ số SIPAS năm 2024 của các phòng, đơn vị trực thuộc.\n".encode()
        for _ in range(20_000_000 // len(line) + 1):
            fh.write(line)
    result = runner.invoke(app, ["extract", str(big)])
    assert result.exit_code == EXIT_FAILED_FILES
    assert json.loads(result.stdout)["warnings"][0].startswith("E005")


def test_missing_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["extract", str(tmp_path / "none.txt")])
    assert result.exit_code == EXIT_FAILED_FILES and "E001" in result.stderr


def test_help_has_examples() -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0 and "extractor extract" in result.output


def test_schema_command() -> None:
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout)["title"] == "Extraction"


def test_eval_command(tmp_path: Path) -> None:
    runner.invoke(app, ["extract", str(CORPUS / "plans"), "-o", str(tmp_path)])
    result = runner.invoke(app, ["eval", str(CORPUS / "gold"), str(tmp_path), "--json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["f1"] >= 0.97


def test_installed_console_script(tmp_path: Path) -> None:
    exe = shutil.which("extractor", path=str(ROOT / ".venv" / "bin")) or shutil.which("extractor")
    if exe is None:
        pytest.skip("console script not installed (run `make install`)")
    done = subprocess.run([exe, "extract", str(PLAN), "-o", str(tmp_path)], capture_output=True, text=True,
                          env={**os.environ, "PYTHONWARNINGS": "ignore"})
    assert done.returncode == 0, done.stderr
    assert (tmp_path / f"{PLAN.stem}.json").exists()
    module = subprocess.run([str(Path(exe).parent / "python"), "-m", "extractor", "--help"],
                            capture_output=True, text=True)
    assert module.returncode == 0 and "extract" in module.stdout
