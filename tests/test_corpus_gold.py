"""Mechanical checks of the hand-written gold files in corpora/gold against their plans.

Each gold file (contract format, schema version 1) names its plan in ``source.path``. The checks
catch typing slips in the annotations, not wrong judgement: what a gold file quotes must occur in the
plan text, enumerations must hold, timelines must be self-consistent. The plan text is compared after
NFC normalisation, whitespace collapsing and removal of markdown ``**`` (case-sensitive), e.g.
"**II. NHIỆM VỤ**\\n  Văn phòng Sở" is searched as "II. NHIỆM VỤ Văn phòng Sở".

Stand-alone on purpose: only the standard library and pytest, no import of the extractor package.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import unicodedata
import zipfile
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLD_DIR = ROOT / "corpora" / "gold"
GOLD_FILES = sorted(GOLD_DIR.glob("*.json"))

INDEX_CODES = {"PAR_INDEX", "SIPAS", "PAPI", "PCI", "DDCI", "DTI", "DVCQ", "ICT"}
RECORD_KINDS = {"task", "responsibility"}
TIMELINE_KINDS = {"recurring", "year", "date", "deadline", "period", "event", "unspecified"}
UNDATED_KINDS = {"recurring", "event", "unspecified"}  # their start and end are always null
FORMATS = {"pdf", "txt", "docx", "html", "md"}

TOP_KEYS = {"schema_version", "source", "document", "records", "scores", "warnings"}
SOURCE_KEYS = {"path", "format", "pages"}
DOCUMENT_KEYS = {"number", "type", "title", "issuer", "place", "issued_date", "year", "indices",
                 "based_on", "signer", "recipients"}
RECORD_KEYS = {"id", "kind", "section_path", "index", "criterion", "weakness", "solution", "product",
               "timeline", "lead_units", "coordinating_units"}
TIMELINE_KEYS = {"raw", "kind", "start", "end"}
SCORE_KEYS = {"index", "year", "value", "unit", "change", "rank"}
BASED_ON_KEYS = {"type", "number", "date", "issuer"}
SIGNER_KEYS = {"name", "title", "authority"}

PREFIX_LEN = 60
# A leading list marker, heading number or letter item: "- ", "* ", "+ ", "• ", "1.2.3. ", "2.1.3.", "a) ".
LINE_MARKER = re.compile(r"^(?:[-*+•]\s*|\d+(?:\.\d+)*\.\s*|[a-zđ]\)\s*)")


def collapse(text: str) -> str:
    """NFC, markdown bold removed, runs of whitespace as one space: '**Sở  Nội vụ**\\n' -> 'Sở Nội vụ'."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).replace("**", "")).strip()


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def plan_path(gold: dict) -> Path:
    return ROOT / gold["source"]["path"]


W_NS = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def visible_text(path: Path) -> str:
    """The plan's text: a .docx's paragraphs (body and table cells, in order; Word's automatic numbers are not
    text), a PDF's text layer, a page's markup without tags and entities, any other plan as it is."""
    if path.suffix == ".pdf":  # poppler's pdftotext (Debian poppler-utils, installed by .ci/run)
        if shutil.which("pdftotext") is None:
            pytest.skip("pdftotext is needed for the PDF plans (apt-get install poppler-utils)")
        return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True, text=True).stdout
    if path.suffix == ".docx":
        with zipfile.ZipFile(path) as package:
            root = ElementTree.fromstring(package.read("word/document.xml"))
        return "\n".join("".join(t.text or "" for t in p.iter(W_NS + "t")) for p in root.iter(W_NS + "p"))
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".html", ".htm"):
        text = html.unescape(re.sub(r"<[^>]*>", "\n", re.sub(r"(?s)<(script|style)\b.*?</\1>", "", text)))
    return text


def plan_texts(gold: dict) -> tuple[str, str]:
    """The plan as one collapsed string, and a second one whose lines lost their list markers.

    A solution joins its bullets with one space once the markers are gone ("- Rà soát …" +
    "- Hướng dẫn …" -> "Rà soát … Hướng dẫn …"), so its first 60 characters can cross a line that
    the plain text still separates with "- ". Only solutions are also looked up in the second string.
    """
    raw = unicodedata.normalize("NFC", visible_text(plan_path(gold))).replace("**", "")
    lines = [collapse(line) for line in raw.splitlines()]
    stripped = " ".join(LINE_MARKER.sub("", line, count=1) for line in lines if line)
    return collapse(raw), collapse(stripped)


def solution_prefix(solution: str) -> str:
    return solution[:PREFIX_LEN].rstrip()


def is_iso_date(value) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def is_clean(value) -> bool:
    """Non-empty, NFC, whitespace-collapsed."""
    return isinstance(value, str) and bool(value) and collapse(value) == value


gold_param = pytest.mark.parametrize("gold_file", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])


def report(errors: list[str]) -> None:
    assert not errors, "\n".join(errors)


def test_gold_files_exist():
    assert GOLD_FILES, f"no gold files in {GOLD_DIR}"


@gold_param
def test_plan_file_exists(gold_file):
    gold = load(gold_file)
    path = plan_path(gold)
    assert path.is_file(), f"source.path {gold['source']['path']!r} does not exist"
    assert Path(gold["source"]["path"]).stem == gold_file.stem, "gold file and plan file names differ"


@gold_param
def test_required_keys(gold_file):
    gold = load(gold_file)
    errors = []

    def need(what, obj, keys):
        if not isinstance(obj, dict):
            errors.append(f"{what}: not an object")
            return
        missing = keys - set(obj)
        if missing:
            errors.append(f"{what}: missing {sorted(missing)}")

    need("top level", gold, TOP_KEYS)
    need("source", gold.get("source"), SOURCE_KEYS)
    need("document", gold.get("document"), DOCUMENT_KEYS)
    doc = gold.get("document") or {}
    for i, b in enumerate(doc.get("based_on") or []):
        need(f"document.based_on[{i}]", b, BASED_ON_KEYS)
    if doc.get("signer") is not None:
        need("document.signer", doc["signer"], SIGNER_KEYS)
    for field in ("indices", "based_on", "recipients"):
        if not isinstance(doc.get(field), list):
            errors.append(f"document.{field}: not a list")
    for field in ("records", "scores", "warnings"):
        if not isinstance(gold.get(field), list):
            errors.append(f"{field}: not a list")
    for i, s in enumerate(gold.get("scores") or []):
        need(f"scores[{i}]", s, SCORE_KEYS)
    for r in gold.get("records") or []:
        rid = r.get("id") if isinstance(r, dict) else None
        need(f"record {rid}", r, RECORD_KEYS)
        if not isinstance(r, dict):
            continue
        if "span" in r:
            errors.append(f"record {rid}: gold records carry no span")
        need(f"record {rid}.timeline", r.get("timeline"), TIMELINE_KEYS)
        for field in ("section_path", "lead_units", "coordinating_units"):
            if not isinstance(r.get(field), list):
                errors.append(f"record {rid}.{field}: not a list")
    report(errors)


@gold_param
def test_enums(gold_file):
    gold = load(gold_file)
    doc = gold["document"]
    errors = []
    if gold["schema_version"] != "1":
        errors.append(f"schema_version {gold['schema_version']!r}")
    if gold["source"]["format"] not in FORMATS:
        errors.append(f"source.format {gold['source']['format']!r}")
    indices = doc["indices"]
    if set(indices) - INDEX_CODES or len(set(indices)) != len(indices):
        errors.append(f"document.indices {indices!r}")
    if not isinstance(doc["year"], int):
        errors.append(f"document.year {doc['year']!r}")
    if doc["issued_date"] is not None and not is_iso_date(doc["issued_date"]):
        errors.append(f"document.issued_date {doc['issued_date']!r}")
    for b in doc["based_on"]:
        if b["date"] is not None and not is_iso_date(b["date"]):
            errors.append(f"based_on {b['number']!r}: date {b['date']!r}")
    for r in gold["records"]:
        rid = r["id"]
        if r["kind"] not in RECORD_KINDS:
            errors.append(f"{rid}: kind {r['kind']!r}")
        if r["index"] is not None and r["index"] not in INDEX_CODES:
            errors.append(f"{rid}: index {r['index']!r} is not an index code")
        elif r["index"] is not None and r["index"] not in indices:
            errors.append(f"{rid}: index {r['index']!r} missing from document.indices")
        if r["timeline"]["kind"] not in TIMELINE_KINDS:
            errors.append(f"{rid}: timeline.kind {r['timeline']['kind']!r}")
    for s in gold["scores"]:
        if s["index"] not in INDEX_CODES:
            errors.append(f"score: index {s['index']!r}")
    report(errors)


@gold_param
def test_ids_unique(gold_file):
    ids = [r["id"] for r in load(gold_file)["records"]]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    assert not duplicates, f"duplicate ids {duplicates}"
    assert all(isinstance(i, str) and i for i in ids), "every id must be a non-empty string"


@gold_param
def test_timelines(gold_file):
    errors = []
    for r in load(gold_file)["records"]:
        rid, t = r["id"], r["timeline"]
        if (t["raw"] is None) != (t["kind"] == "unspecified"):
            errors.append(f"{rid}: timeline.raw must be null exactly when kind is unspecified ({t!r})")
        if isinstance(t["raw"], str) and t["raw"].endswith("."):
            errors.append(f"{rid}: timeline.raw keeps a trailing period: {t['raw']!r}")
        for end in ("start", "end"):
            if t[end] is not None and not is_iso_date(t[end]):
                errors.append(f"{rid}: timeline.{end} {t[end]!r} is not an ISO date")
        if t["kind"] in UNDATED_KINDS and (t["start"] is not None or t["end"] is not None):
            errors.append(f"{rid}: a {t['kind']} timeline has no dates ({t!r})")
        if is_iso_date(t["start"]) and is_iso_date(t["end"]) and t["start"] > t["end"]:
            errors.append(f"{rid}: timeline.start {t['start']} after end {t['end']}")
    report(errors)


@gold_param
def test_units_clean(gold_file):
    errors = []
    for r in load(gold_file)["records"]:
        for field in ("lead_units", "coordinating_units"):
            for unit in r[field]:
                if not is_clean(unit):
                    errors.append(f"{r['id']}.{field}: empty, not NFC or not collapsed: {unit!r}")
                elif unit.endswith("."):
                    errors.append(f"{r['id']}.{field}: trailing period: {unit!r}")
    report(errors)


@gold_param
def test_strings_occur_in_plan(gold_file):
    gold = load(gold_file)
    text, stripped = plan_texts(gold)
    doc = gold["document"]
    errors = []

    def must_occur(what, value, *haystacks):
        if not is_clean(value):
            errors.append(f"{what}: empty, not NFC or not collapsed: {value!r}")
        elif not any(value in h for h in haystacks or (text,)):
            errors.append(f"{what}: not in plan text: {value!r}")

    if doc["number"] is not None:
        must_occur("document.number", doc["number"])
    must_occur("document.issuer", doc["issuer"])
    for r in gold["records"]:
        rid = r["id"]
        solution = r["solution"]
        if not is_clean(solution):
            errors.append(f"{rid}.solution: empty, not NFC or not collapsed: {solution!r}")
        else:
            if LINE_MARKER.match(solution):
                errors.append(f"{rid}.solution keeps a bullet or heading number: {solution[:30]!r}")
            must_occur(f"{rid}.solution[:{PREFIX_LEN}]", solution_prefix(solution), text, stripped)
        if r["timeline"]["raw"] is not None:
            must_occur(f"{rid}.timeline.raw", r["timeline"]["raw"])
        for field in ("lead_units", "coordinating_units"):
            for unit in r[field]:
                must_occur(f"{rid}.{field}", unit)
    report(errors)
