"""HTML page of a government portal → the article's text (one page), tables as pipe rows.

Why the standard library's ``html.parser``: portal pages are small, often malformed, and all we need
is a forgiving tree of elements — no dependency is worth its upkeep for that.  The page is decoded by
its BOM or declared charset (``<meta charset>``, ``http-equiv``), UTF-8 otherwise; menus, headers,
footers, sidebars and scripts are dropped; the article is the ``<article>`` (or ``<main>``), else
the element holding the most paragraph text.  Block elements end lines, so
``<h2>I. MỤC ĐÍCH, YÊU CẦU</h2><p>Xác định rõ …</p>`` gives two lines, and a ``<table>`` gives
``| 1 | Rà soát TTHC | Quý II/2024 | Văn phòng Sở | |``.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from extractor.errors import Code, ExtractionError, Warning_
from extractor.ingest import RawDocument
from extractor.ingest.tables import (
    clean_grid,
    fill_down,
    format_number,
    layout_lines,
    legacy_warning,
    render_table,
    repair_legacy,
)


def _names(text: str) -> frozenset[str]:
    return frozenset(text.split())


VOID = _names("area base br col embed hr img input link meta param source track wbr")
BLOCKS = _names(
    "address article aside blockquote caption center dd details dialog div dl dt fieldset figcaption figure"
    " footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td tfoot th"
    " thead tr ul"
)
DROP = _names(
    "script style noscript template svg math iframe object embed canvas nav aside menu button select"
    " textarea input head title meta link"
)
DROP_ROLES = _names("navigation banner contentinfo complementary search menu menubar")
NOISE_TOKENS = _names(
    "menu nav navbar navigation breadcrumb breadcrumbs sidebar share social banner advert ads related"
    " comment comments pagination toolbar"
)
_CLOSES_P = BLOCKS - {"li", "td", "th", "tr", "tbody", "thead", "tfoot", "dd", "dt", "caption"}
_SPACE = re.compile(r"[ \t\n\r\f]+")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_:.\-]+)""")
_WHATWG = {
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "iso8859-1": "cp1252",
}
MAX_DEPTH = 200  # deeper elements become siblings: keeps the recursive walks far from Python's limit
_MIN_PARAGRAPH = 25  # characters of a paragraph that count towards its parent's score


@dataclass
class Node:
    """One element of the forgiving tree: tag, attributes, children (elements or text)."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)
    parent: Node | None = None

    def elements(self) -> list[Node]:
        return [c for c in self.children if isinstance(c, Node)]

    def iter(self) -> list[Node]:
        out: list[Node] = [self]
        for child in self.elements():
            out.extend(child.iter())
        return out

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


class _TreeBuilder(HTMLParser):
    """Builds :class:`Node` trees the way browsers forgive: void tags, implied ``</p>``, ``</li>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _CLOSES_P:
            self._close_open("p", stop={"td", "th", "li", "div", "table", "article", "section"})
        if tag == "li":
            self._close_open("li", stop={"ul", "ol"})
        elif tag in ("td", "th"):
            self._close_open("td", "th", stop={"tr", "table"})
        elif tag == "tr":
            self._close_open("tr", stop={"table", "tbody", "thead", "tfoot"})
        node = Node(tag, {k: v or "" for k, v in attrs}, parent=self.stack[-1])
        self.stack[-1].children.append(node)
        if tag not in VOID and len(self.stack) < MAX_DEPTH:  # unclosed <font>s must not nest forever
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID and self.stack[-1].tag == tag:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)

    def _close_open(self, *tags: str, stop: set[str]) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            current = self.stack[depth].tag
            if current in tags:
                del self.stack[depth:]
                return
            if current in stop:
                return


def read_html(path: Path, data: bytes) -> RawDocument:
    """Read a saved portal page: decode, keep the article, render blocks and tables as lines."""
    from extractor.ingest.text import reject_binary

    if not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        reject_binary(data)  # "trang.html" that is really a PDF or an image: E004, not a parser error
    text, warnings = decode_html(data)
    builder = _TreeBuilder()
    try:
        builder.feed(text)
        builder.close()
    except Exception as exc:  # html.parser forgives nearly everything; this is the last guard
        raise ExtractionError(Code.E006_READ_FAILED, f"HTML cannot be parsed: {exc}") from exc
    root = builder.root
    _prune(root, inside_article=False)
    lines: list[str] = []
    _render(main_container(root), lines)
    body = "\n".join(line for line in (ln.strip() for ln in lines) if line)
    body, encoding = repair_legacy(body)
    if encoding is not None:
        warnings.append(legacy_warning(encoding))
    return RawDocument(str(path), hashlib.sha256(data).hexdigest(), "html", [body], None, warnings)


def decode_html(data: bytes) -> tuple[str, list[Warning_]]:
    """Decode by BOM, then the declared charset, then UTF-8; Windows-1258 if UTF-8 fails undeclared."""
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(name, "replace"), []
    head = data[:4096]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    declared = found.group(1).decode("ascii").lower() if found else None
    if declared is not None:
        declared = _WHATWG.get(declared, declared)
        try:
            codecs.lookup(declared)
        except LookupError:
            warning = Warning_(
                Code.W101_ENCODING_GUESSED, f"bảng mã khai báo '{declared}' không rõ; đọc UTF-8"
            )
            return data.decode("utf-8", "replace"), [warning]
        try:
            return data.decode(declared), []
        except UnicodeDecodeError:
            warning = Warning_(Code.W102_DECODE_ERRORS, f"có byte sai bảng mã {declared}; đã thay bằng �")
            return data.decode(declared, "replace"), [warning]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError:
        guess = Warning_(Code.W101_ENCODING_GUESSED, "trang không khai báo bảng mã; đoán windows-1258")
        return data.decode("cp1258", "replace"), [guess]


def _tokens(node: Node) -> set[str]:
    raw = f"{node.attrs.get('class', '')} {node.attrs.get('id', '')}".lower()
    return set(re.split(r"[\s_\-]+", raw)) - {""}


def _noise(node: Node, inside_article: bool) -> bool:
    if node.tag in DROP or node.attrs.get("role", "").lower() in DROP_ROLES:
        return True
    if "hidden" in node.attrs or node.attrs.get("aria-hidden") == "true":
        return True
    if re.search(r"display\s*:\s*none", node.attrs.get("style", ""), re.IGNORECASE):
        return True
    tokens = _tokens(node)
    if tokens & NOISE_TOKENS:
        return True
    return not inside_article and (node.tag in ("header", "footer") or bool(tokens & {"header", "footer"}))


def _prune(node: Node, inside_article: bool) -> None:
    """Drop menus, scripts, sidebars; a ``<header>`` inside ``<article>`` is the article's title."""
    kept: list[Node | str] = []
    for child in node.children:
        if isinstance(child, Node):
            if _noise(child, inside_article):
                continue
            _prune(child, inside_article or child.tag in ("article", "main"))
        kept.append(child)
    node.children = kept


def main_container(root: Node) -> Node:
    """``<article>`` (the one with most text), else ``<main>``, else the best paragraph parent.

    An article holding less than half the text of the best paragraph parent is a teaser in a news
    list, not the page's subject, and loses to it.
    """
    nodes = root.iter()
    best = _best_paragraph_parent(nodes)
    for tag in ("article", "main"):
        found = [n for n in nodes if n.tag == tag or (tag == "main" and n.attrs.get("role") == "main")]
        if found:
            chosen = max(found, key=lambda n: len(n.text().strip()))
            if best is None or 2 * len(chosen.text().strip()) >= len(best.text().strip()):
                return chosen
    return best if best is not None else root


def _best_paragraph_parent(nodes: list[Node]) -> Node | None:
    scores: dict[int, float] = {}
    by_id = {id(n): n for n in nodes}
    for node in nodes:
        if node.tag not in ("p", "pre", "li") and not (node.tag == "div" and not _has_blocks(node)):
            continue
        length = len(_SPACE.sub(" ", node.text()).strip())
        if length < _MIN_PARAGRAPH or node.parent is None:
            continue
        scores[id(node.parent)] = scores.get(id(node.parent), 0.0) + length
        if node.parent.parent is not None:
            scores[id(node.parent.parent)] = scores.get(id(node.parent.parent), 0.0) + length / 2
    return by_id[max(scores, key=lambda k: scores[k])] if scores else None


def _has_blocks(node: Node) -> bool:
    return any(child.tag in BLOCKS for child in node.elements())


def _render(node: Node, lines: list[str], pre: bool = False) -> None:
    """Append ``node``'s text to ``lines``: the last line is the one being filled."""
    if node.tag == "table" and _is_data_table(node):
        _newline(lines)
        cells = _grid(node)
        layout = layout_lines(cells)
        rendered = "\n".join(layout) if layout is not None else render_table(clean_grid(cells))
        if rendered:
            lines.extend(rendered.split("\n"))
        _newline(lines)
        return
    block = node.tag in BLOCKS
    if block and node.tag != "li":  # a list item's line already holds its marker
        _newline(lines)
    counter = _int(node.attrs.get("start"), 1) - 1 if node.tag == "ol" else 0
    for child in node.children:
        if isinstance(child, str):
            lines[-1] += child if pre else _SPACE.sub(" ", child)
        elif child.tag == "br":
            lines.append("")
        else:
            if child.tag == "li":
                _newline(lines)
                counter += 1
                lines[-1] = _marker(node, counter) if node.tag == "ol" else "- "
            _render(child, lines, pre or child.tag == "pre")
    if block:
        _newline(lines)


def _newline(lines: list[str]) -> None:
    if not lines or lines[-1].strip():
        lines.append("")


def _marker(ol: Node, value: int) -> str:
    formats = {"a": "lowerLetter", "A": "upperLetter", "i": "lowerRoman", "I": "upperRoman"}
    return f"{format_number(value, formats.get(ol.attrs.get('type', '1'), 'decimal'))}. "


def _int(value: str | None, default: int) -> int:
    try:
        return max(int(value or ""), 0)
    except ValueError:
        return default


def _rows(table: Node) -> list[Node]:
    rows: list[Node] = []
    for child in table.elements():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(c for c in child.elements() if c.tag == "tr")
    return rows


def _is_data_table(table: Node) -> bool:
    """A layout table (a nested table inside, or a single column) is read as blocks instead."""
    if any(n.tag == "table" for n in table.iter()[1:]):
        return False
    widths = [
        sum(_int(c.attrs.get("colspan"), 1) for c in r.elements() if c.tag in ("td", "th"))
        for r in _rows(table)
    ]
    return bool(widths) and max(widths) >= 2


def _cell_text(cell: Node) -> str:
    lines: list[str] = [""]
    _render(cell, lines)
    return "\n".join(line.strip() for line in lines if line.strip())  # cleaned with its grid


def _grid(table: Node) -> list[list[str | None]]:
    """Cells on the grid, their lines as written: a ``colspan`` cell is followed by empty cells, so a
    group row keeps its text in the first cell; a ``rowspan`` repeats below it (:func:`fill_down`)."""
    grid: list[list[str | None]] = []
    pending: dict[int, int] = {}  # column → rows still covered by a rowspan from above
    for row in _rows(table):
        cells: list[str | None] = []
        column = 0
        for cell in (c for c in row.elements() if c.tag in ("td", "th")):
            while pending.get(column, 0) > 0:
                cells.append(fill_down(grid, column))
                pending[column] -= 1
                column += 1
            span, down = (
                min(_int(cell.attrs.get("colspan"), 1), 50),
                min(_int(cell.attrs.get("rowspan"), 1), 500),
            )
            cells.append(_cell_text(cell))
            cells.extend([""] * (max(span, 1) - 1))
            for k in range(column, column + max(span, 1)):
                if down > 1:
                    pending[k] = down - 1
            column += max(span, 1)
        while pending.get(column, 0) > 0:
            cells.append(fill_down(grid, column))
            pending[column] -= 1
            column += 1
        grid.append(cells)
    return grid
