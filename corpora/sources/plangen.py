"""Word and HTML building blocks shared by make_set_m.py, make_set_n.py and make_set_p.py.

The three scripts write test plans the way Vietnamese agencies produce them: Word files built with python-docx
and pages of a provincial portal. They all need the same letterhead and signature tables, numbering XML,
appendix task table, portal page frame and, above all, the same deterministic save; those live here once. What
only one document shows (numbering carried by heading styles, Word's bullet list, the PDF conversion, the
Word-pasted HTML of m04) stays in its script.

Each helper writes exactly the XML or HTML the scripts wrote before it was shared: the plan files in
corpora/plans are the test input and must not change by a byte when a script is rerun, so an option below that
looks odd (a table that keeps Word's bare paragraph in blank cells, a page number with or without its own size)
is there because one committed file was made that way.

This is a plain module next to the scripts, not a package: a script run as
``.venv/bin/python corpora/sources/make_set_x.py`` has this folder first on sys.path and imports it directly.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TypeAlias

import docx
from docx.document import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.section import Section
from docx.shared import Cm, Pt
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

OUT = Path(__file__).resolve().parent.parent / "plans"

FONT = "Times New Roman"

Line: TypeAlias = "str | tuple[str, str]"             # a plain string, or (text, fmt) with fmt of 'b', 'i', 's'
Runs: TypeAlias = "str | Sequence[tuple[str, str]]"
Container: TypeAlias = "Document | _Cell"
# an appendix row: a group (numeral, name) or a task (STT, task, lead or None = lead cell above, coord, when, product)
TaskRow: TypeAlias = "tuple[str, str] | tuple[str, str, str | None, str, str, str]"


def N(text: str) -> str:
    """NFC, as Word and the portals store Vietnamese; the sources may hold decomposed marks."""
    return unicodedata.normalize("NFC", text)


# --------------------------------------------------------------------------------------------------
# Documents and paragraphs
# --------------------------------------------------------------------------------------------------

def new_document(created: dt.datetime, author: str, *, revision: int = 4) -> Document:
    """A4 with the margins of Decree 30/2020, Normal in 14 pt Times New Roman, fixed core properties.

    The times are derived from ``created`` so a rerun writes the same docProps/core.xml; set N's files carry
    revision 3, set M's and P's revision 4.
    """
    doc = docx.Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    sec.left_margin, sec.right_margin = Cm(3), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    rpr = normal.element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), FONT)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.space_before = Pt(0)
    cp = doc.core_properties
    cp.author = author
    cp.last_modified_by = author
    cp.created = created
    cp.modified = created + dt.timedelta(hours=2)
    cp.last_printed = created + dt.timedelta(hours=3)
    cp.revision = revision
    cp.title = ""
    cp.comments = ""
    return doc


def add_par(container: Container, runs: Runs, *, align: str | None = None, indent: bool = True,
            num: tuple[int, int] | None = None, bold: bool = False, italic: bool = False,
            size: float | None = None, after: float | None = None, style: str | None = None,
            tabs: Sequence[tuple[float, WD_TAB_ALIGNMENT]] | None = None) -> Paragraph:
    """A paragraph as a typist makes it: justified with a 1 cm first line unless aligned, numbered or styled.

    runs: a string or a list of (text, fmt) pairs, fmt of 'b', 'i', 's' (12 pt); text may hold tabs.
    num: (numId, ilvl) of a Word list; style: a paragraph style that brings its own alignment and indent.
    """
    p = container.add_paragraph(style=style)
    if isinstance(runs, str):
        runs = [(runs, ("b" if bold else "") + ("i" if italic else ""))]
    for text, fmt in runs:
        r = p.add_run(N(text))
        r.bold = "b" in fmt or None
        r.italic = "i" in fmt or None
        if size:
            r.font.size = Pt(size)
        elif "s" in fmt:                               # a 12 pt run in a 14 pt line (Nơi nhận beside the signer)
            r.font.size = Pt(12)
    pf = p.paragraph_format
    if align == "center":
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    elif align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif align == "left":
        p.alignment = WD_ALIGN_PARAGRAPH.LEFT
    elif style is None:
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if indent and align is None and num is None and style is None:
        pf.first_line_indent = Cm(1.0)
    if after is not None:
        pf.space_after = Pt(after)
    for pos, kind in tabs or ():
        pf.tab_stops.add_tab_stop(Cm(pos), kind)
    if num is not None:
        num_id, ilvl = num
        numpr = p._p.get_or_add_pPr().get_or_add_numPr()
        numpr.get_or_add_ilvl().val = ilvl
        numpr.get_or_add_numId().val = num_id
    return p


def label(container: Container, name: str, value: str, num: tuple[int, int] | None = None) -> Paragraph:
    """A field line: the label in italic, its value in plain text."""
    return add_par(container, [(name + ": ", "i"), (value, "")], num=num)


def labels(container: Container, names: Sequence[str], *values: str) -> None:
    """A task's field lines in the plan's own words ("Thời gian", "Đơn vị chủ trì", …), one per value given.

    Plans list the fields in a fixed order and leave out the last ones when they do not apply, so fewer
    values than names write only the first lines.
    """
    for name, value in zip(names, values):
        label(container, name, value)


def title_block(doc: Document, kind: str, title: str, *, note: str | None = None,
                after: float | None = None) -> None:
    """The centred bold "KẾ HOẠCH" / "QUYẾT ĐỊNH" / "PHỤ LỤC" line, the bold title and an italic note under it.

    ``after`` is the space below the block: under the note when there is one (the title then sits tight on
    it), otherwise under the title.
    """
    add_par(doc, kind, align="center", bold=True, after=0)
    add_par(doc, title, align="center", bold=True, after=0 if note is not None else after)
    if note is not None:
        add_par(doc, note, align="center", italic=True, after=after)


def page_break(doc: Document) -> None:
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def keep_lines(doc: Document) -> None:
    """Paragraphs are not split across pages (Word's "Keep lines together" on Normal)."""
    doc.styles["Normal"].paragraph_format.keep_together = True


def page_number_header(section: Section, *, size: int | None = None) -> None:
    """A centred PAGE field in the header, none on the first page (as Vietnamese plans are laid out).

    ``size`` (pt) gives the number a run size of its own; without it the number takes the header's style.
    """
    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    rpr = f'<w:rPr><w:sz w:val="{2 * size}"/></w:rPr>' if size else ""
    p._p.append(parse_xml(f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r>{rpr}<w:t>2</w:t></w:r></w:fldSimple>'))


def landscape_section(doc: Document) -> Section:
    """A new page in landscape A4 with 2 cm margins, where appendices put their wide task tables."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Cm(29.7), Cm(21)
    sec.left_margin, sec.right_margin = Cm(2), Cm(2)
    sec.top_margin, sec.bottom_margin = Cm(2), Cm(2)
    return sec


# --------------------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------------------

BORDER_EDGES = ("top", "left", "bottom", "right", "insideH", "insideV")


def _borders(table: Table, attrs: str) -> None:
    edges = "".join(f"<w:{e} {attrs}/>" for e in BORDER_EDGES)
    table._tbl.tblPr.append(parse_xml(f'<w:tblBorders {nsdecls("w")}>{edges}</w:tblBorders>'))


def no_borders(table: Table) -> None:
    """No lines at all: the letterhead and the signature block are tables only for their layout."""
    _borders(table, 'w:val="nil"')


def ruled(table: Table) -> None:
    """Thin single lines around and between all cells, as task tables are printed."""
    _borders(table, 'w:val="single" w:sz="4" w:space="0" w:color="000000"')


def cell_margins(table: Table, twips: int) -> None:
    """Left/right cell margins of the whole table (Table Properties > Options > Default cell margins)."""
    table._tbl.tblPr.append(parse_xml(
        f'<w:tblCellMar {nsdecls("w")}><w:left w:w="{twips}" w:type="dxa"/>'
        f'<w:right w:w="{twips}" w:type="dxa"/></w:tblCellMar>'))


def repeat_header(row: _Row) -> None:
    """Repeat this row at the top of every page the table runs onto."""
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def cant_split(row: _Row) -> None:
    """Keep the row on one page."""
    row._tr.get_or_add_trPr().append(parse_xml(f'<w:cantSplit {nsdecls("w")}/>'))


def cell_lines(cell: _Cell, lines: Sequence[Line], *, align: str | None = "center", size: float = 13,
               after: float = 0) -> None:
    """Fill a cell with lines: each a string (plain) or (text, fmt); no lines leaves the cell with none."""
    for par in list(cell.paragraphs):
        par._p.getparent().remove(par._p)
    for line in lines:
        if isinstance(line, str):
            line = (line, "")
        add_par(cell, [line], align=align, size=size, after=after, indent=False)


def set_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Column and cell widths (Word reads tcW, LibreOffice the grid); a merged cell gets the sum of its span."""
    for idx, w in enumerate(widths_cm):
        table.columns[idx].width = Cm(w)
    for tr in table._tbl.tr_lst:
        col = 0
        for tc in tr.tc_lst:
            span = tc.grid_span
            tc.width = Cm(sum(widths_cm[col:col + span]))
            col += span


MOTTO: list[Line] = [("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "b"), ("Độc lập - Tự do - Hạnh phúc", "b")]


def header_table(doc: Document, authority: str, agency: str, number: str, place_date: str, *,
                 widths: Sequence[float] = (6.0, 10.0)) -> Table:
    """The letterhead of Decree 30/2020: authority and agency | national motto, then "Số: …" | place and date.

    number is the document's symbol without "Số: " ("27/KH-SNNMT"); place_date is written in italic.
    """
    t = doc.add_table(rows=2, cols=2)
    t.alignment = WD_TABLE_ALIGNMENT.CENTER
    no_borders(t)
    cell_lines(t.cell(0, 0), [authority, (agency, "b")])
    cell_lines(t.cell(0, 1), MOTTO)
    cell_lines(t.cell(1, 0), ["Số: " + number])
    cell_lines(t.cell(1, 1), [(place_date, "i")])
    set_widths(t, list(widths))
    return t


def signer(*titles: str, name: str) -> list[Line]:
    """The signer's column: the bold titles ("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"), two lines for the signature, the name."""
    return [(t, "b") for t in titles] + ["", "", (name, "b")]


def signature_table(doc: Document, recipients: Sequence[str], sign_lines: Sequence[Line]) -> Table:
    """"Nơi nhận:" and its recipients (12 pt) on the left, the signer (see signer()) on the right."""
    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    left = [("Nơi nhận:", "bi")] + [(r, "") for r in recipients]
    cell_lines(t.cell(0, 0), left, align="left", size=12)
    cell_lines(t.cell(0, 1), sign_lines, align="center", size=14)
    set_widths(t, [8.0, 8.0])
    return t


def task_table(doc: Document, head: Sequence[str], rows: Sequence[TaskRow], widths: Sequence[float], *,
               task_align: str | None = None, span_groups: bool = True, keep_rows: bool = False,
               margins: int | None = None, bare_blanks: bool = False) -> Table:
    """An appendix task table "STT | task | lead | partners | deadline | product" in 12 pt, header repeated.

    rows are TaskRow: a group row (numeral, name) or a task row whose lead None continues the lead cell of the
    row above (vMerge). The options are the ways the committed files differ: task text justified (None) or
    left; a group name spanning the five text columns or standing in the task column only; rows that may not
    break across a page; default cell margins (twips); and a blank partner/product cell holding Word's bare
    paragraph instead of an empty run.
    """
    t = doc.add_table(rows=1, cols=len(head))
    ruled(t)
    if margins is not None:
        cell_margins(t, margins)
    for i, h in enumerate(head):
        cell_lines(t.cell(0, i), [(h, "b")], size=12)
    repeat_header(t.rows[0])

    def text(value: str) -> list[Line]:
        return [value] if value or not bare_blanks else []

    lead_cell = None
    for row in rows:
        r = t.add_row()
        if keep_rows:
            cant_split(r)
        if len(row) == 2:
            cell_lines(r.cells[0], [(row[0], "b")], size=12)
            name_cell = r.cells[1].merge(r.cells[-1]) if span_groups else r.cells[1]
            cell_lines(name_cell, [(row[1], "b")], align="left", size=12)
            continue
        stt, task, lead, coord, when, product = row
        cell_lines(r.cells[0], [stt], size=12)
        cell_lines(r.cells[1], [task], align=task_align, size=12)
        if lead is None:
            lead_cell.merge(r.cells[2])
        else:
            cell_lines(r.cells[2], [lead], align="left", size=12)
            lead_cell = r.cells[2]
        cell_lines(r.cells[3], text(coord), align="left", size=12)
        cell_lines(r.cells[4], [when], size=12)
        cell_lines(r.cells[5], text(product), align="left", size=12)
    if bare_blanks:                                    # a cell must hold at least one paragraph
        for tr in t._tbl.tr_lst:
            for tc in tr.tc_lst:
                if not tc.p_lst:
                    tc.append(parse_xml(f'<w:p {nsdecls("w")}/>'))
    set_widths(t, widths)
    return t


# --------------------------------------------------------------------------------------------------
# Numbering definitions
# --------------------------------------------------------------------------------------------------

def add_numbering(doc: Document, abstract_xml: Sequence[str], num_xml: Sequence[str]) -> None:
    """Append abstractNum definitions (before the first w:num, as the schema orders them) and nums."""
    numbering = doc.part.numbering_part.element
    first_num = numbering.find(qn("w:num"))
    for xml in abstract_xml:
        el = parse_xml(xml)
        if first_num is not None:
            first_num.addprevious(el)
        else:
            numbering.append(el)
    for xml in num_xml:
        numbering.append(parse_xml(xml))


def lvl(ilvl: int, fmt: str, text: str, left_twips: int, bold: bool = False, start: int = 1) -> str:
    """One list level as typists set it: the number at the first-line indent, the text running on."""
    rpr = f'<w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}"/>{"<w:b/>" if bold else ""}</w:rPr>'
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:ind w:left="0" w:firstLine="{left_twips}"/></w:pPr>{rpr}</w:lvl>')


def abstract(aid: int, nsid: str, levels: Sequence[str], kind: str = "multilevel", tmpl: str | None = None) -> str:
    """An abstractNum; kind is Word's multiLevelType (multilevel, singleLevel, hybridMultilevel)."""
    tmpl_xml = f'<w:tmpl w:val="{tmpl}"/>' if tmpl else ""
    return (f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{aid}"><w:nsid w:val="{nsid}"/>'
            f'<w:multiLevelType w:val="{kind}"/>{tmpl_xml}{"".join(levels)}</w:abstractNum>')


def num(num_id: int, aid: int, restart_level0: bool = False) -> str:
    """A list instance of abstractNum aid; restart_level0 starts its first level at 1 again."""
    override = ('<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
                if restart_level0 else "")
    return f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{aid}"/>{override}</w:num>'


# --------------------------------------------------------------------------------------------------
# Deterministic save
# --------------------------------------------------------------------------------------------------

APP_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" \
xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Template>Normal.dotm</Template>\
<TotalTime>%(minutes)d</TotalTime><Pages>%(pages)d</Pages><Words>%(words)d</Words><Characters>%(chars)d</Characters>\
<Application>Microsoft Office Word</Application><DocSecurity>0</DocSecurity><Lines>%(lines)d</Lines>\
<Paragraphs>%(paras)d</Paragraphs><ScaleCrop>false</ScaleCrop><Company></Company><LinksUpToDate>false</LinksUpToDate>\
<CharactersWithSpaces>%(chars_sp)d</CharactersWithSpaces><SharedDoc>false</SharedDoc>\
<HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0000</AppVersion></Properties>"""


def app_xml(doc: Document, pages: int, minutes: int) -> bytes:
    """Document statistics as Word caches them (pages as rendered when the set was made)."""
    texts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for tr in t._tbl.tr_lst:
            for tc in tr.tc_lst:
                texts += ["".join(x.text or "" for x in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p"))]
    body = " ".join(x for x in texts if x.strip())
    return (APP_XML % dict(minutes=minutes, pages=pages, words=len(body.split()),
                           chars=len("".join(body.split())), chars_sp=len(body),
                           lines=len(body) // 80 + 1, paras=sum(1 for x in texts if x.strip()))).encode("utf-8")


def save_docx(doc: Document, path: Path, stamp: tuple[int, int, int, int, int, int], pages: int,
              minutes: int) -> None:
    """Save with fixed zip timestamps, Word-like app.xml and without python-docx's template thumbnail."""
    buf = io.BytesIO()
    doc.save(buf)
    buf.seek(0)
    out = io.BytesIO()
    with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            name = info.filename
            if name == "docProps/thumbnail.jpeg":
                continue
            data = zin.read(name)
            if name == "_rels/.rels":
                data = re.sub(rb'<Relationship Id="rId\d+" Type="[^"]*/thumbnail" Target="docProps/thumbnail.jpeg"/>',
                              b"", data)
            elif name == "docProps/app.xml":
                data = app_xml(doc, pages, minutes)
            zi = zipfile.ZipInfo(name, date_time=stamp)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, data)
    path.write_bytes(out.getvalue())


# --------------------------------------------------------------------------------------------------
# Portal pages
# --------------------------------------------------------------------------------------------------

def page(title: str, site: str, nav: Sequence[str], crumbs: Sequence[str], dateline: str, headline: str,
         content: str, related: Sequence[str], footer: Sequence[str], visits: str | None = None,
         extra_head: str = "") -> str:
    """A news page of a provincial portal around ``content`` (the plan as the editor pasted it), in NFC.

    footer: the lines under the site name in the page footer; visits: the visitor counter, if the site shows one.
    """
    nav_html = "\n".join(f'      <li><a href="#">{n}</a></li>' for n in nav)
    crumb_html = ' <span class="sep">&rsaquo;</span> '.join(f'<a href="#">{c}</a>' for c in crumbs)
    related_html = "\n".join(f'      <li><a href="#">{r}</a></li>' for r in related)
    foot = [f"  <p><strong>{site}</strong></p>"] + [f"  <p>{x}</p>" for x in footer]
    if visits is not None:
        foot.append(f'  <p class="counter">Lượt truy cập: {visits}</p>')
    footer_html = "\n".join(foot)
    return N(f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<link rel="stylesheet" href="/static/css/portal.css">
{extra_head}</head>
<body>
<header class="site-header">
  <div class="logo"><a href="/">{site}</a></div>
  <form class="search" action="/tim-kiem"><input type="text" name="q" placeholder="Tìm kiếm...">\
<button>Tìm</button></form>
</header>
<nav class="main-menu">
  <ul>
{nav_html}
  </ul>
</nav>
<div class="breadcrumb">{crumb_html}</div>
<main class="container">
  <article class="news-detail">
    <h1 class="news-title">{headline}</h1>
    <div class="news-meta"><span class="date">{dateline}</span></div>
    <div class="share-buttons">
      <a class="btn-fb" href="#">Chia sẻ Facebook</a>
      <a class="btn-zalo" href="#">Zalo</a>
      <a class="btn-print" href="#" onclick="window.print();return false;">In bài</a>
      <a class="btn-mail" href="#">Gửi email</a>
      <span class="font-size">Cỡ chữ: <a href="#">A-</a> <a href="#">A+</a></span>
    </div>
    <div class="content">
{content}
    </div>
    <div class="share-buttons bottom"><a class="btn-fb" href="#">Thích</a> \
<a class="btn-zalo" href="#">Chia sẻ</a></div>
  </article>
  <aside class="related">
    <h3>Tin liên quan</h3>
    <ul>
{related_html}
    </ul>
  </aside>
</main>
<footer class="site-footer">
{footer_html}
</footer>
</body>
</html>
""")


HTML_INDENT = "      "                                # content lines sit inside <div class="content">


def html_letterhead(authority: str, agency: str, number: str, place_date: str, kind: str, title: str) -> str:
    """The letterhead and title of a plan retyped into a portal editor: centred bold lines joined by <br>."""
    return "\n".join(HTML_INDENT + line for line in (
        f'<p style="text-align:center"><strong>{authority}<br>{agency}</strong></p>',
        '<p style="text-align:center"><strong>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>'
        'Độc lập - Tự do - Hạnh phúc</strong></p>',
        f"<p>Số: {number}</p>",
        f'<p style="text-align:right"><em>{place_date}</em></p>',
        f'<p style="text-align:center"><strong>{kind}<br>{title}</strong></p>',
    ))


def html_signoff(recipients: Sequence[str], titles: Sequence[str], name: str, download: str) -> str:
    """"Nơi nhận:" with one recipient a line, the signer marked "(Đã ký)", and the link to the signed PDF."""
    lines = ["<p><strong><em>Nơi nhận:</em></strong>", *recipients]
    sign = f'<p style="text-align:center"><strong>{"<br>".join(titles)}</strong>'
    return "\n".join(HTML_INDENT + line for line in (
        *(x + "<br>" for x in lines[:-1]), lines[-1] + "</p>",
        sign + "<br>", "<em>(Đã ký)</em><br>", f"<strong>{name}</strong></p>",
        f'<p><a href="{download}">Tải về: {download.rsplit("/", 1)[-1]}</a></p>',
    ))
