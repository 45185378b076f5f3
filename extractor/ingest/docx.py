"""DOCX (and legacy .doc via LibreOffice) → one page of text, as a reader of the printed plan sees it.

Why walk the XML rather than ``python-docx``'s ``paragraphs`` and ``tables``: those are two separate
lists, and a plan's appendix table must stay where it stands between its paragraphs.  Why rebuild
numbering: Word stores "1.2.1." not in the text but in ``numbering.xml`` (``%1.%2.%3.``), so without
it the segmenter would see "Về công khai thủ tục hành chính" and not "1.2.1. Về công khai thủ tục
hành chính".  Tables become pipe rows (:mod:`.tables`); a merged group row keeps its text in the
first cell.  A ``.doc`` file is first converted by ``soffice --headless --convert-to docx``.
"""

from __future__ import annotations

import hashlib
import io
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.errors import Code, ExtractionError, Warning_
from extractor.ingest import RawDocument
from extractor.ingest.external import run
from extractor.ingest.tables import (
    clean_grid,
    fill_down,
    format_number,
    layout_lines,
    legacy_warning,
    render_table,
    repair_legacy,
    untab_columns,
)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SOFFICE_TIMEOUT_S = 120
# subtrees whose text a reader never sees: properties, deleted or moved-away revisions, field codes,
# and the VML copy of a drawing that Word writes next to the DrawingML one
_SKIP = {W + "pPr", W + "rPr", W + "del", W + "moveFrom", W + "instrText", W + "delText", MC_FALLBACK}
_BREAKS = {W + "br", W + "cr"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag"}


def read_docx(path: Path, data: bytes) -> RawDocument:
    """Read a Word file; a ``.doc`` (OLE2, RTF or Word-HTML) is converted with LibreOffice first."""
    package = data
    if not data.startswith(b"PK"):
        if path.suffix.lower() != ".doc" and not data.startswith(OLE_MAGIC):
            raise ExtractionError(Code.E006_READ_FAILED, "not a DOCX file (not a ZIP package)")
        package = _convert_doc(data)
    document = _open(package)
    numbering = Numbering(document)
    text = "\n".join(untab_columns("\n".join(_blocks(document.element.body, numbering)).split("\n")))
    warnings: list[Warning_] = []
    text, encoding = repair_legacy(text)
    if encoding is not None:
        warnings.append(legacy_warning(encoding))
    digest = hashlib.sha256(data).hexdigest()
    return RawDocument(str(path), digest, "docx", [text], None, warnings, paragraph_lines=True)


def _open(package: bytes) -> Any:
    import docx

    try:
        return docx.Document(io.BytesIO(package))
    except Exception as exc:  # zipfile, lxml and python-docx each raise their own types
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ExtractionError(Code.E006_READ_FAILED, f"not a readable DOCX file: {reason[:160]}") from exc


def _convert_doc(data: bytes) -> bytes:
    """Legacy Word → DOCX with LibreOffice headless, in a throw-away profile and folder."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ExtractionError(
            Code.E007_MISSING_DEPENDENCY,
            "reading .doc needs LibreOffice: install Debian libreoffice-writer-nogui",
        )
    with tempfile.TemporaryDirectory(prefix="extractor-doc-") as tmp:
        folder = Path(tmp)
        source = folder / "input.doc"
        source.write_bytes(data)
        cmd = [
            soffice,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(folder),
            str(source),
        ]
        run(cmd, "LibreOffice (.doc conversion)", SOFFICE_TIMEOUT_S, stdin=subprocess.DEVNULL)
        target = folder / "input.docx"
        if not target.is_file():
            raise ExtractionError(Code.E006_READ_FAILED, "LibreOffice could not convert the .doc file")
        return target.read_bytes()


def _blocks(parent: Any, numbering: Numbering, in_cell: bool = False) -> Iterator[str]:
    """Lines of the body (or of a cell, a text box) in order: paragraphs, then tables as pipe rows."""
    for child in parent:
        tag = child.tag
        if tag == W + "p":
            yield from _paragraph(child, numbering, in_cell)
        elif tag == W + "tbl":
            cells = _grid(child, numbering)
            grid = clean_grid(cells)
            if in_cell:  # a table nested in a cell: its rows become plain lines of that cell
                yield from (" ".join(c for c in row if c) for row in grid)
            elif grid:
                layout = layout_lines(cells)
                yield from layout if layout is not None else [render_table(grid)]
        elif tag in _CONTAINERS:
            yield from _blocks(child, numbering, in_cell)


def _paragraph(p: Any, numbering: Numbering, in_cell: bool) -> Iterator[str]:
    parts: list[str] = []
    boxes: list[Any] = []
    _collect(p, parts, boxes)
    text = "".join(parts)
    prefix = numbering.prefix(p)
    if prefix is not None and (text.strip() or prefix[0]):
        label, separator = prefix
        text = f"{label}{separator}{text}" if text.strip() else label
    for line in text.split("\n"):
        if line.strip():
            yield line.rstrip()
    for box in boxes:
        yield from _blocks(box, numbering, in_cell)


def _collect(element: Any, parts: list[str], boxes: list[Any]) -> None:
    """Visible text of a paragraph; text boxes are set aside to follow the paragraph."""
    for child in element:
        tag = child.tag
        if tag in _SKIP or not isinstance(tag, str):
            continue
        if tag == W + "t":
            parts.append(child.text or "")
        elif tag == W + "tab":
            parts.append("\t")
        elif tag in _BREAKS:
            parts.append("\n")
        elif tag == W + "noBreakHyphen":
            parts.append("-")
        elif tag == W + "txbxContent":
            boxes.append(child)
        elif tag == W + "r" and _hidden(child):
            continue
        else:
            _collect(child, parts, boxes)


def _hidden(run: Any) -> bool:
    props = run.find(W + "rPr")
    vanish = props.find(W + "vanish") if props is not None else None
    return vanish is not None and vanish.get(W + "val", "true") not in ("0", "false", "off")


def _children(node: Any, tag: str) -> Iterator[Any]:
    """The ``w:tr`` of a table or the ``w:tc`` of a row, looking through sdt/customXml wrappers."""
    for child in node:
        if child.tag == W + tag:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, tag)


def _int_val(element: Any, path: str, default: int) -> int:
    found = element.find(path) if element is not None else None
    try:
        return int(found.get(W + "val")) if found is not None else default
    except (TypeError, ValueError):
        return default


def _grid(table: Any, numbering: Numbering) -> list[list[str | None]]:
    """Cells on the table grid, their lines as written: ``gridSpan`` adds empty cells after the text;
    a ``vMerge`` continuation repeats the cell where the merge starts (:func:`fill_down`)."""
    rows: list[list[str | None]] = []
    for tr in _children(table, "tr"):
        props = tr.find(W + "trPr")
        cells: list[str | None] = [""] * _int_val(props, W + "gridBefore", 0)
        for tc in _children(tr, "tc"):
            tc_props = tc.find(W + "tcPr")
            text: str | None = "\n".join(_blocks(tc, numbering, in_cell=True))
            merge = tc_props.find(W + "vMerge") if tc_props is not None else None
            if merge is not None and merge.get(W + "val", "continue") == "continue":
                text = fill_down(rows, len(cells))
            cells.append(text)
            cells.extend([""] * (_int_val(tc_props, W + "gridSpan", 1) - 1))
        cells.extend([""] * _int_val(props, W + "gridAfter", 0))
        rows.append(cells)
    return rows


# Symbol / Wingdings bullets live in the Private Use Area; a reader sees a plain bullet
_BULLETS = {"\uf0b7": "•", "\uf0a7": "▪", "\uf076": "❖", "\uf0d8": "➢", "\uf0fc": "✓", "\uf0a8": "◦"}
_SYMBOL_FONTS = {"Symbol", "Wingdings", "Wingdings 2", "Wingdings 3", "Webdings"}
_PLACEHOLDER = re.compile(r"%([1-9])")


@dataclass(frozen=True)
class _Level:
    fmt: str
    text: str
    start: int
    restart: int | None  # lvlRestart: restart after this 1-based level; None = after any higher level
    suffix: str
    legal: bool
    style: str | None  # w:pStyle: the paragraph style this level belongs to
    symbol_font: bool  # lvlText drawn in Symbol/Wingdings: "l" there is a black dot


class Numbering:
    """Word's list numbering, replayed in document order.

    Counters are kept per abstract list (Word continues a list across ``w:num`` instances of one
    ``w:abstractNum``); a ``w:startOverride`` restarts it the first time its instance is used; a
    level restarts after a higher level unless ``w:lvlRestart`` says otherwise.  E.g. levels
    ``%1.`` upperRoman / ``%2.`` / ``%2.%3.`` give "II.", then "1.", then "1.2.".
    """

    def __init__(self, document: Any) -> None:
        self.abstracts: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, tuple[str, dict[int, int], dict[int, _Level]]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        self.started: set[str] = set()
        self.styles: dict[str, tuple[str | None, int | None, str | None]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):  # a package without numbering.xml
            root = None
        if root is not None:
            self._load(root)
        try:
            styles = document.part.styles.element
        except (KeyError, NotImplementedError, AttributeError):  # a package without styles.xml
            styles = None
        for style in styles.iterfind(W + "style") if styles is not None else ():
            num_pr = style.find(f"{W}pPr/{W}numPr")
            based = style.find(W + "basedOn")
            self.styles[style.get(W + "styleId", "")] = (
                _val(num_pr, W + "numId"),
                _int_or_none(_val(num_pr, W + "ilvl")),
                based.get(W + "val") if based is not None else None,
            )

    def _load(self, root: Any) -> None:
        style_links: dict[str, str] = {}  # numbering style name → abstractNum that defines it
        uses_style: dict[str, str] = {}  # abstractNum → numbering style whose levels it borrows
        for abstract in root.iterfind(W + "abstractNum"):
            key = abstract.get(W + "abstractNumId", "")
            self.abstracts[key] = {
                _int_or_none(lvl.get(W + "ilvl")) or 0: _level(lvl) for lvl in abstract.iterfind(W + "lvl")
            }
            if (defines := _val(abstract, W + "styleLink")) is not None:
                style_links[defines] = key
            if (borrows := _val(abstract, W + "numStyleLink")) is not None:
                uses_style[key] = borrows
        for num in root.iterfind(W + "num"):
            abstract_id = _val(num, W + "abstractNumId") or ""
            abstract_id = style_links.get(uses_style.get(abstract_id, ""), abstract_id)
            starts: dict[int, int] = {}
            levels: dict[int, _Level] = {}
            for override in num.iterfind(W + "lvlOverride"):
                ilvl = _int_or_none(override.get(W + "ilvl")) or 0
                start = _int_or_none(_val(override, W + "startOverride"))
                if start is not None:
                    starts[ilvl] = start
                if (lvl := override.find(W + "lvl")) is not None:
                    levels[ilvl] = _level(lvl)
            self.nums[num.get(W + "numId", "")] = (abstract_id, starts, levels)

    def _style_numbering(self, style_id: str | None) -> tuple[str | None, int | None]:
        seen: set[str] = set()
        while style_id and style_id not in seen:
            seen.add(style_id)
            num_id, ilvl, based = self.styles.get(style_id, (None, None, None))
            if num_id is not None:
                return num_id, ilvl
            style_id = based
        return None, None

    def prefix(self, p: Any) -> tuple[str, str] | None:
        """(label, separator) for a numbered paragraph, e.g. ``("1.2.", " ")``; ``None`` otherwise."""
        num_pr = p.find(f"{W}pPr/{W}numPr")
        num_id, ilvl = _val(num_pr, W + "numId"), _int_or_none(_val(num_pr, W + "ilvl"))
        style_id = _val(p.find(W + "pPr"), W + "pStyle")
        if num_id is None:
            num_id, style_ilvl = self._style_numbering(style_id)
            ilvl = ilvl if ilvl is not None else style_ilvl
        if not num_id or num_id == "0" or num_id not in self.nums:
            return None
        abstract_id, starts, overrides = self.nums[num_id]
        levels = {**self.abstracts.get(abstract_id, {}), **overrides}
        if ilvl is None:
            ilvl = next((i for i, lv in levels.items() if style_id and lv.style == style_id), 0)
        if ilvl not in levels:
            return None
        counters = self.counters.setdefault(abstract_id, {})
        if num_id not in self.started:
            self.started.add(num_id)
            for level, start in starts.items():
                counters[level] = start - 1
                for deeper in [k for k in counters if k > level]:
                    del counters[deeper]
        counters[ilvl] = counters.get(ilvl, levels[ilvl].start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            restart = levels[deeper].restart if deeper in levels else None
            if restart is None or ilvl < restart:
                del counters[deeper]
        return self._label(levels, counters, ilvl), levels[ilvl].suffix

    @staticmethod
    def _label(levels: dict[int, _Level], counters: dict[int, int], ilvl: int) -> str:
        level = levels[ilvl]
        if level.fmt == "bullet":
            return "".join(_bullet(ch, level.symbol_font) for ch in level.text)

        def number(match: re.Match[str]) -> str:
            k = int(match.group(1)) - 1
            source = levels.get(k)
            value = counters.get(k, source.start if source else 1)
            fmt = "decimal" if level.legal and k != ilvl else (source.fmt if source else "decimal")
            return format_number(value, fmt)

        return _PLACEHOLDER.sub(number, level.text)


def _bullet(ch: str, symbol_font: bool) -> str:
    if ch in _BULLETS:
        return _BULLETS[ch]
    if "\ue000" <= ch <= "\uf8ff" or (symbol_font and ch not in "-–+*"):
        return "•"
    return ch


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(W + "val") if found is not None else None


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _level(lvl: Any) -> _Level:
    start = _int_or_none(_val(lvl, W + "start"))
    suffix = _val(lvl, W + "suff") or "tab"
    return _Level(
        fmt=_val(lvl, W + "numFmt") or "decimal",
        text=_val(lvl, W + "lvlText") or "",
        start=1 if start is None else start,
        restart=_int_or_none(_val(lvl, W + "lvlRestart")),
        suffix="" if suffix == "nothing" else " ",
        legal=lvl.find(W + "isLgl") is not None,
        style=_val(lvl, W + "pStyle"),
        symbol_font=_font(lvl) in _SYMBOL_FONTS,
    )


def _font(lvl: Any) -> str | None:
    fonts = lvl.find(f"{W}rPr/{W}rFonts")
    return None if fonts is None else fonts.get(W + "ascii") or fonts.get(W + "hAnsi")
