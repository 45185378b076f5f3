"""Section tree + fields → the records of the contract (tasks and responsibilities).

Why the rules live here and not in the segmenter: what makes a record depends on the part a section
sits in — under "Nhiệm vụ, giải pháp" a criterion with one "Thời gian / Đơn vị chủ trì" block is one
task; under "Tổ chức thực hiện" a heading naming a unit ("2. Văn phòng Sở") is one responsibility;
under "Tồn tại, hạn chế" the text is the weakness of its index section and no record at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex

from extractor import rules
from extractor.assignments import Assignment, apply_assignments
from extractor.duties import DutyRecords
from extractor.errors import Code, Warning_
from extractor.fields.indices import find_indices, first_index
from extractor.fields.timeline import clean_raw, parse_timeline
from extractor.fields.units import (
    clause_lead,
    coordinating_in_prose,
    is_whole_unit_list,
    split_units,
    subject_units,
    whole_title_unit,
)
from extractor.normalize import comparable
from extractor.roles import (
    INLINE,
    LEAD_IN,
    appendix_pointer,
    clean,
    merge_label_only,
    section_role,
)
from extractor.schema import IndexCode, Record, RecordKind, Span, Timeline
from extractor.segment import (
    Block,
    Section,
    Segmented,
    inline_labels,
    label_at,
    labels_in_line,
    text_before_labels,
)
from extractor.tables import TableRow, task_rows

_SENTENCE_BREAK = regex.compile(r"\.\s+(?=[A-ZĐÀ-Ỹ])")
_CITES = regex.compile(r"(?:thực hiện|căn cứ|theo|kính gửi)\b")
_APPENDIX_WORD = regex.compile(r"(?i)^phụ lục\s*")


@dataclass
class Context:
    """What a section inherits from the headings above it."""

    role: str | None
    index: IndexCode | None
    index_owner: Section | None
    path: list[str]
    roman: str | None
    roman_id: str | None = None


@dataclass
class Built:
    records: list[Record] = field(default_factory=list)
    warnings: list[Warning_] = field(default_factory=list)
    weakness: dict[int, str] = field(default_factory=dict)
    # a plan-wide "Tồn tại, hạn chế" split by index ("1. Chỉ số PCI: …", "2. Chỉ số DDCI: …")
    weakness_of_index: dict[IndexCode, str] = field(default_factory=dict)


def _items_by_marker(bullets: list[Block]) -> list[list[Block]]:
    """Bullets of the first bullet's marker open items; others ("+" under "-") belong to the item above."""
    first = bullets[0].marker
    items: list[list[Block]] = []
    for b in bullets:
        if b.marker == first or not items:
            items.append([b])
        else:
            items[-1].append(b)
    return items


# "… (Văn phòng Sở chủ trì, phối hợp Thanh tra Sở; hoàn thành trong Quý I/2026)." at the end of a task
_BRACKETED_DUTY = regex.compile(r"\s*\((?P<inner>[^()]{3,300}\bchủ trì\b[^()]*)\)(?P<end>\s*[.;]?\s*)$")
_NAMES_WEAKNESS = regex.compile(r"\b(?:tồn tại|hạn chế)\b")
# what a weakness paragraph can open with (the [[role]] weakness patterns of rules/sections.toml say the rest)
_WEAKNESS_OPENING = regex.compile(r"(?:những |các |đánh giá |mặt )*(?:tồn tại|hạn chế|khó khăn)")
RUN_IN_HEAD_WORDS = 8


def _run_in_heading(title: str, inline: regex.Match[str]) -> bool:
    """A letter item opening with a short name, then its task as a new sentence: "a) Tiếp cận đất đai: Công
    khai kế hoạch sử dụng đất …" — not "a) Công khai tại nhà văn hóa thôn: dự toán, quyết toán …", whose
    colon opens a list inside the task."""
    rest = title[inline.end() :].lstrip()
    return len(inline.group("head").split()) <= RUN_IN_HEAD_WORDS and rest[:1].isupper()


def _row_id(row: TableRow, base: str, straight: bool, position: int) -> str:
    """A table row's id, from its STT and group as the corpus writes them.

    "1.1" under group "1" is its own id; rows numbered straight through take the section's number
    ("II.3", "PL.3"); where the STT starts again in each group the group numeral names the row ("I.2",
    whatever part holds the table); a table without STT counts the rows of each group ("I-2").
    """
    stt, group = row.stt, row.group
    if stt and group and stt.startswith(f"{group}.") and len(stt) > len(group) + 1:
        return stt
    if stt:
        return f"{base}.{stt}" if straight or not group else f"{group}.{stt}"
    return f"{group or base}-{position}"


@lru_cache(maxsize=1)
def _letter_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    body = rules.document().body
    return regex.compile(body.letter_weakness), regex.compile(body.letter_addressees)


@lru_cache(maxsize=1)
def _bracket_roles() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """"X chủ trì" and ", phối hợp (với) Y" inside a closing bracket: the role words of [assignment] (labels.toml)."""
    rule = rules.labels().assignment
    return (
        regex.compile(rf"\s+(?:{rule.lead})\b"),
        regex.compile(rf"\s*,?\s*(?:{rule.coordinating})(?:\s+(?:với|cùng))?\s+"),
    )


@lru_cache(maxsize=1)
def _phase() -> regex.Pattern[str]:
    return regex.compile(rules.labels().phase.pattern)


class _Builder(DutyRecords):
    def __init__(self, seg: Segmented, year: int | None) -> None:
        self.seg = seg
        self.text = seg.text
        self.key = seg.key
        self.year = year
        self.out = Built()
        self.ids: dict[str, int] = {}
        self.pointers: list[str] = []
        self.assignments: list[Assignment] = []
        self.addressees: list[str] = []

    # --- helpers -------------------------------------------------------------------------
    def title(self, sec: Section) -> str:
        return clean(self.text[sec.title_start : sec.title_end])

    def heading_line(self, sec: Section) -> str:
        return clean(self.text[sec.start : sec.title_end])

    def content(self, block: Block) -> str:
        return clean(self.text[block.content_start : block.end])

    def unique_id(self, base: str) -> str:
        n = self.ids.get(base, 0)
        self.ids[base] = n + 1
        return base if n == 0 else base + ("bis" if n == 1 else f"bis{n}")

    def section_id(self, sec: Section, ctx: Context) -> str:
        if sec.numbering == "appendix":
            suffix = _APPENDIX_WORD.sub("", sec.number or "")
            return f"PL.{suffix}" if suffix else "PL"
        if sec.numbering == "roman" or sec.number is None:
            return sec.number or "0"
        if sec.numbering == "arabic" and "." not in sec.number and ctx.roman:
            return f"{ctx.roman_id}.{sec.number}"
        if sec.numbering == "letter" and sec.parent is not None and sec.parent.number:
            return f"{self.section_id(sec.parent, ctx)}.{sec.number}"
        if sec.numbering in ("named", "paren") and sec.parent is not None and sec.parent.number:
            return f"{self.section_id(sec.parent, ctx)}.{sec.number}"
        return sec.number

    def span(self, start: int, end: int) -> Span:
        return Span(page=None, start=start, end=end)

    # --- walking -------------------------------------------------------------------------
    def run(self) -> Built:
        root = self.seg.root
        ctx = Context(None, None, None, [], None)
        if root.children and not any(section_role(self.key[s.title_start : s.title_end]) for s in root.walk()[1:]):
            # no part says what it is (a Công văn listing "1. …, 2. …"): its numbered items are the tasks,
            # under the index its subject line names ("V/v … nâng cao Chỉ số DDCI …")
            index = next(
                (
                    found
                    for b in root.blocks
                    if b.kind == "para" and not _CITES.match(self.key, b.start)
                    for found in [first_index(self.key, b.start, b.end)]
                    if found
                ),
                None,
            )
            ctx = Context("tasks", index, None, [], None)
            self.letter_preamble(root)
        for child in root.children:
            self.visit(child, ctx)
        if ctx.role == "tasks" and self.addressees:
            for record in self.out.records:  # "… đề nghị UBND các xã, thị trấn: 1. …": they lead what names no one
                if record.kind is RecordKind.task and not record.lead_units:
                    record.lead_units = list(self.addressees)
        apply_assignments(self.out.records, self.assignments)
        has_appendix = any(s.numbering == "appendix" for s in root.walk())
        if self.pointers and not has_appendix:
            self.out.warnings.append(
                Warning_(Code.W203_APPENDIX_MISSING, f"nhiệm vụ ở phụ lục không có trong văn bản: {self.pointers[0]!r}")
            )
        return self.out

    def visit(self, sec: Section, parent: Context) -> None:
        title = self.title(sec)
        inline = INLINE.match(title)
        head_key_end = sec.title_start + (inline.end("head") if inline else len(title))
        own_role = section_role(self.key[sec.title_start : min(head_key_end, sec.title_end)])
        if own_role and head_key_end - sec.title_start > 100:
            own_role = None  # a long numbered paragraph ("1. Căn cứ vào kế hoạch này, …") is not a part heading
        own_index = None
        if parent.role != "organization" or whole_title_unit(title) is not None:
            own_index = self.heading_index(sec, min(head_key_end, sec.title_end), parent.index)
        if own_index is None and sec.numbering == "appendix":
            # "PHỤ LỤC" / "NHIỆM VỤ NÂNG CAO CHỈ SỐ DÂN VẬN CHÍNH QUYỀN": the title is the next line
            for b in sec.blocks[:2]:
                own_index = own_index or first_index(self.key, b.start, b.end)
        role = own_role or parent.role
        if role is None and (own_index or parent.index):
            role = "tasks"
        ctx = Context(
            role=role,
            index=own_index or parent.index,
            index_owner=sec if own_index and own_index != parent.index else parent.index_owner,
            path=[*parent.path, self.heading_line(sec)],
            roman=sec.number if sec.numbering in ("roman", "appendix") else parent.roman,
            roman_id=self.section_id(sec, parent) if sec.numbering in ("roman", "appendix") else parent.roman_id,
        )
        if sec.numbering in ("roman", "appendix") and own_role is None and not own_index:
            ctx.role = None if sec.numbering == "roman" else "tasks"
        if role == "weakness":
            self.weakness(sec, title, inline, plan_wide=parent.role in (None, "none") and parent.index is None)
            return
        if ctx.role in (None, "none"):
            self.results_weaknesses(sec, ctx)
        if ctx.role == "organization" and own_role != "organization":
            self.responsibility(sec, title, ctx)
        elif own_role == "organization" and not sec.children:
            self.unnumbered_duties(sec, ctx)
        elif ctx.role == "tasks" and own_role != "none":
            self.inline_weaknesses(sec)
            self.task_section(sec, title, inline, ctx, own_role)
        for child in sec.children:
            self.visit(child, ctx)

    def heading_index(self, sec: Section, end: int, inherited: IndexCode | None) -> IndexCode | None:
        """The index a heading names; inside an index section only an explicit "Chỉ số …" or acronym
        switches it ("Lĩnh vực 3. Hiệu quả quản trị và hành chính công" under SIPAS stays SIPAS)."""
        for found in find_indices(self.key, sec.title_start, end):
            if inherited is None or found.value == inherited:
                return found.value
            named = self.text[found.start : found.end]
            before = self.key[max(sec.title_start, found.start - 8) : found.start]
            if named.isupper() or "chỉ số" in before or self.key[found.start : found.end].startswith("chỉ số"):
                return found.value
        return None

    def weakness(self, sec: Section, title: str, inline: regex.Match[str] | None, plan_wide: bool = False) -> None:
        """Store a "Tồn tại, hạn chế" text on the index section it belongs to.

        One that stands outside any index section ("I. KẾT QUẢ NĂM 2023" › "2. Tồn tại, hạn chế", or a
        plan-wide part at the top) is the weakness of every task that has none of its own.
        """
        parts = [title[inline.end() :]] if inline else []
        for node in sec.walk():
            parts.extend(self.content(b) for b in node.blocks if b.kind in ("para", "bullet"))
            if node is not sec:
                parts.insert(len(parts) - len(node.blocks), self.title(node))
        owner = self.seg.root if plan_wide else sec.parent
        if plan_wide:
            self.index_weaknesses(sec)
        if owner is not None:
            text = clean(" ".join(p for p in parts if p))
            prev = self.out.weakness.get(id(owner))
            self.out.weakness[id(owner)] = f"{prev} {text}" if prev else text

    def weakness_paragraph(self, block: Block) -> str | None:
        """The text of a paragraph that opens with a weakness label, or None.

        "1. Chỉ số PAR INDEX" › "Tồn tại, hạn chế: Năm 2024 Sở bị trừ điểm vì …" › "1.1. …": the label
        and its text in one paragraph of the index section, not a sub-heading of its own.
        """
        if block.kind != "para" or not _WEAKNESS_OPENING.match(self.key, block.content_start):
            return None
        head = INLINE.match(self.text[block.content_start : block.content_start + 100])
        if head is None or section_role(self.key[block.content_start : block.content_start + head.end("head")]) != (
            "weakness"
        ):
            return None
        return clean(self.text[block.content_start + head.end() : block.end]) or None

    def letter_preamble(self, root: Section) -> None:
        """A Công văn's opening paragraphs: the weaknesses it names and the units it asks to act.

        "Những tồn tại, hạn chế chủ yếu trên địa bàn huyện: người dân ít được biết …" is the weakness of
        every task; "… Ủy ban nhân dân huyện đề nghị UBND các xã, thị trấn:" gives the lead of the
        numbered items that name no unit of their own.
        """
        for b in root.blocks:
            if b.kind != "para":
                continue
            line = self.text[b.content_start : b.end]
            key = self.key[b.content_start : b.end]
            letter_weakness, asks_units = _letter_patterns()
            weak = letter_weakness.search(key)
            if weak and id(root) not in self.out.weakness:
                self.out.weakness[id(root)] = clean(line[weak.end() :])
            asks = asks_units.search(key)
            if asks and is_whole_unit_list(line[asks.start("units") : asks.end("units")]):
                # "đề nghị UBND các xã, thị trấn:" — not "yêu cầu các phòng … triển khai ngay các nhiệm vụ sau:"
                self.addressees = split_units(line[asks.start("units") : asks.end("units")])

    def results_weaknesses(self, sec: Section, ctx: Context) -> None:
        """Weaknesses written inside a part of results, for the tasks further on.

        "II. KẾT QUẢ CHỈ SỐ PAPI NĂM 2025" › "Tồn tại, hạn chế: Người dân ít được mời …" goes to the PAPI
        tasks (to every task when no index is named); "II. KẾT QUẢ NĂM 2024 VÀ TỒN TẠI, HẠN CHẾ" ›
        "1. Chỉ số cải cách hành chính" › its text goes to the PAR INDEX tasks.
        """
        for b in sec.blocks:
            text = self.weakness_paragraph(b)
            if not text:
                continue
            if ctx.index is not None:
                prev = self.out.weakness_of_index.get(ctx.index)
                self.out.weakness_of_index[ctx.index] = f"{prev} {text}" if prev else text
            else:
                prev = self.out.weakness.get(id(self.seg.root))
                self.out.weakness[id(self.seg.root)] = f"{prev} {text}" if prev else text
        if _NAMES_WEAKNESS.search(self.key, sec.title_start, sec.title_end):
            self.index_weaknesses(sec)

    def inline_weaknesses(self, sec: Section) -> None:
        """Store the weakness paragraphs of a task section on it (see :meth:`weakness_paragraph`)."""
        for b in sec.blocks:
            text = self.weakness_paragraph(b)
            if text:
                prev = self.out.weakness.get(id(sec))
                self.out.weakness[id(sec)] = f"{prev} {text}" if prev else text

    def index_weaknesses(self, sec: Section) -> None:
        """The parts of a plan-wide weakness section that each name one index, stored by index.

        "II. TỒN TẠI, HẠN CHẾ" › "1. Chỉ số PCI: Hai chỉ số thành phần giảm điểm …" › "2. Chỉ số DDCI:
        …": a PCI task far below, in "B. KẾ HOẠCH", takes the PCI text, not both.
        """
        for child in sec.children:
            title = self.title(child)
            inline = INLINE.match(title)
            head_end = child.title_start + (inline.end("head") if inline else len(title))
            found = first_index(self.key, child.title_start, min(head_end, child.title_end))
            if found is None:
                continue
            parts = [title[inline.end() :]] if inline else []
            parts.extend(self.content(b) for node in child.walk() for b in node.blocks if b.kind in ("para", "bullet"))
            text = clean(" ".join(p for p in parts if p))
            if text:
                prev = self.out.weakness_of_index.get(found)
                self.out.weakness_of_index[found] = f"{prev} {text}" if prev else text

    def weakness_for(self, sec: Section, index: IndexCode | None = None) -> str | None:
        node: Section | None = sec
        while node is not None:
            if node is self.seg.root and index is not None and index in self.out.weakness_of_index:
                return self.out.weakness_of_index[index]
            if id(node) in self.out.weakness:
                return self.out.weakness[id(node)]
            node = node.parent
        return None

    # --- task records --------------------------------------------------------------------
    def task_section(
        self, sec: Section, title: str, inline: regex.Match[str] | None, ctx: Context, own_role: str | None
    ) -> None:
        for b in sec.blocks:
            if b.kind == "table":
                self.table(sec, b, ctx)
        blocks = [b for b in sec.blocks if b.kind != "table" and self.weakness_paragraph(b) is None]
        if sec.children:
            if any(b.kind == "label" for b in blocks):
                self.task_groups(sec, blocks, ctx, None, None)
            return
        criterion: str | None = None
        inline_text: str | None = None
        if own_role is None and ctx.index_owner is not sec:
            criterion = title.rstrip(" .:;,") or None
        if inline and own_role is None and (sec.numbering != "letter" or _run_in_heading(title, inline)):
            criterion = inline.group("head").strip()
            inline_text = title[inline.end() :]
        preset: dict[str, str] = {}
        leading = label_at(self.key, sec.title_start, sec.title_end)
        if leading and own_role is None:
            # "c) Chủ trì: Phòng X. Giải quyết đúng hạn … THỜI GIAN: Thường xuyên."
            name, value_start = leading
            stop = _SENTENCE_BREAK.search(self.text, value_start, sec.title_end)
            value_end = stop.start() if stop else sec.title_end
            preset[name] = clean(self.text[value_start:value_end])
            rest_start = stop.end() if stop else sec.title_end
            cut, found = inline_labels(self.text, self.key, rest_start, sec.title_end)
            preset.update({k: v for k, v in found if k not in preset})
            inline_text = text_before_labels(self.text, rest_start, cut, sec.title_end) or None
            criterion = self.parent_criterion(sec, ctx)
        has_content = any(b.kind in ("para", "bullet") for b in blocks)
        if (
            not has_content
            and inline_text is None
            and own_role is None
            and ctx.index_owner is not sec
            and sec.numbering not in ("roman", "appendix")
        ):
            # the numbered line is the task: "a. Hướng dẫn … (Đơn vị chủ trì: …; thời gian: Quý IV/2024)."
            cut, found = inline_labels(self.text, self.key, sec.title_start, sec.title_end)
            preset.update({k: v for k, v in found if k not in preset})
            inline_text = text_before_labels(self.text, sec.title_start, cut, sec.title_end)
            criterion = self.parent_criterion(sec, ctx)
        self.task_groups(sec, blocks, ctx, criterion, inline_text, preset)

    def bracketed_duty(self, solution: str, values: dict[str, str]) -> str:
        """A task that ends with its units and time in brackets, without labels: read them, drop the bracket.

        "Ban hành kế hoạch kiểm tra … tỉnh giao (Văn phòng Sở chủ trì, phối hợp Thanh tra Sở; hoàn thành trong
        Quý I/2026)." → lead "Văn phòng Sở", coordinating "Thanh tra Sở", timeline "hoàn thành trong Quý
        I/2026", and the sentence without its bracket.
        """
        m = _BRACKETED_DUTY.search(solution)
        if m is None:
            return solution
        for clause in (c.strip() for c in m.group("inner").split(";")):
            takes_lead, with_others = _bracket_roles()
            role = takes_lead.search(comparable(clause))
            if role and "lead" not in values:
                values["lead"] = clause[: role.start()].strip(" ,")
                coordinating = with_others.search(comparable(clause), role.end())
                if coordinating:
                    values["coordinating"] = clause[coordinating.end() :].strip(" ,.")
            elif clause and "timeline" not in values and parse_timeline(clause, self.year)[1] is not None:
                values["timeline"] = clause
        if "lead" not in values:
            return solution
        return (solution[: m.start()].rstrip() + m.group("end").strip()).strip()

    def parent_criterion(self, sec: Section, ctx: Context) -> str | None:
        """The criterion of an item whose own line is the task: its parent's heading, if that names one.

        "Nội dung 1: Tham gia của người dân ở cấp cơ sở" › "a. Hướng dẫn các thôn …" → the former.
        """
        parent = sec.parent
        if parent is None or parent.numbering in ("root", "roman", "appendix") or parent is ctx.index_owner:
            return None
        title = self.title(parent)
        if section_role(self.key[parent.title_start : parent.title_end]) is not None:
            return None
        inline = INLINE.match(title)
        if self.phase_time(parent) is not None:  # "Giai đoạn 1 (Quý II/2025): Hoàn thiện hạ tầng"
            return (title[inline.end() :].strip(" .:;,") or None) if inline else None
        return (inline.group("head") if inline else title).strip(" .:;,") or None

    def phase_time(self, sec: Section) -> str | None:
        """The time a phase heading gives in brackets ("Giai đoạn 2 (Từ ngày 01/7/2025 đến ngày 30/9/2025)")."""
        found = _phase().match(self.key[sec.title_start : sec.title_end])
        if found is None:
            return None
        return clean(self.text[sec.title_start + found.start("time") : sec.title_start + found.end("time")])

    def inherited_time(self, sec: Section) -> str | None:
        node = sec.parent
        while node is not None and node.numbering not in ("root", "roman", "appendix"):
            time = self.phase_time(node)
            if time:
                return time
            node = node.parent
        return None

    def task_groups(
        self,
        sec: Section,
        blocks: list[Block],
        ctx: Context,
        criterion: str | None,
        inline_text: str | None,
        preset: dict[str, str] | None = None,
    ) -> None:
        groups: list[tuple[list[Block], list[Block]]] = []
        content: list[Block] = []
        labels: list[Block] = []
        for b in blocks:
            if b.kind == "label":
                labels.append(b)
                continue
            if labels:
                groups.append((content, labels))
                content, labels = [], []
            content.append(b)
        if content or labels or (not groups and inline_text):
            groups.append((content, labels))
        groups = merge_label_only(groups)
        if len(groups) == 1 and not groups[0][1] and inline_text is None:
            bullets = [b for b in groups[0][0] if b.kind == "bullet"]
            if len(bullets) >= 2 and len(bullets) == len(groups[0][0]):
                groups = [(item, []) for item in _items_by_marker(bullets)]
        base = self.section_id(sec, ctx)
        numbered = len(groups) > 1
        for k, (content, labels) in enumerate(groups, 1):
            inline: dict[str, str] = dict(preset or {}) if k == 1 else {}
            texts = self.solution_texts(content, inline)
            if k == 1 and inline_text:
                texts.insert(0, inline_text)
            if not texts or (not labels and len(texts) == 1 and LEAD_IN.search(texts[0]) and texts[0].endswith(":")):
                continue
            start = content[0].start if numbered and content else sec.start
            end = max([b.end for b in content + labels] + [sec.title_end])
            rid = self.unique_id(f"{base}-{k}" if numbered else base)
            self.out.records.append(
                self.make_task(rid, ctx, criterion, clean(" ".join(texts)), labels, start, end, sec, inline)
            )

    def solution_texts(self, content: list[Block], inline: dict[str, str]) -> list[str]:
        texts: list[str] = []
        for i, b in enumerate(content):
            cut, found = inline_labels(self.text, self.key, b.content_start, b.end)
            for name, value in found:
                inline.setdefault(name, value)
            text = text_before_labels(self.text, b.content_start, cut, b.end)
            followed_by_items = any(c.kind == "bullet" for c in content[i + 1 :])
            if b.kind == "para" and followed_by_items and LEAD_IN.search(text) and not texts:
                continue
            if appendix_pointer().match(self.key[b.content_start : b.end]):
                if "kèm theo" not in self.key[b.content_start : b.content_start + 12]:
                    self.pointers.append(text)
                continue
            if b.kind == "para" and text.isupper() and not texts:
                continue  # a title line ("NHIỆM VỤ NÂNG CAO CHỈ SỐ PCI NĂM 2024"), not a task
            texts.append(text)
        return texts

    def make_task(
        self,
        rid: str,
        ctx: Context,
        criterion: str | None,
        solution: str,
        labels: list[Block],
        start: int,
        end: int,
        sec: Section,
        inline: dict[str, str] | None = None,
    ) -> Record:
        values: dict[str, str] = dict(inline or {})
        for b in labels:
            for name, value in labels_in_line(self.text, self.key, b.content_start, b.end):
                values[name] = value
        if "lead" not in values and "timeline" not in values:
            solution = self.bracketed_duty(solution, values)
        lead = split_units(values["lead"]) if "lead" in values else []
        coord = split_units(values["coordinating"]) if "coordinating" in values else []
        if "lead" not in values:  # no lead label: the units the sentence opens with (labels that are there win)
            lead, span = subject_units(solution)
            after = span[1] if span else None
            if not span:
                lead, after = clause_lead(solution)
            if "coordinating" not in values:
                coord = coordinating_in_prose(solution, after) if after is not None else []
        timeline = self.timeline(values.get("timeline") or self.inherited_time(sec))
        product = clean_raw(values["product"]) if values.get("product") else None
        return Record(
            id=rid,
            kind=RecordKind.task,
            section_path=ctx.path,
            index=ctx.index,
            criterion=criterion,
            weakness=self.weakness_for(sec, ctx.index),
            solution=solution,
            product=product,
            timeline=timeline,
            lead_units=lead,
            coordinating_units=coord,
            span=self.span(start, end),
        )

    def timeline(self, raw: str | None) -> Timeline:
        timeline, rule = parse_timeline(raw, self.year)
        if raw and rule is None:
            self.out.warnings.append(
                Warning_(
                    Code.W206_TIMELINE_UNPARSED, f"thời gian không rõ loại: {timeline.raw!r} → {timeline.kind.value}"
                )
            )
        return timeline

    def table(self, sec: Section, block: Block, ctx: Context) -> None:
        base = self.section_id(sec, ctx) if sec.number else "PL"
        rows = task_rows(block.rows)
        stts = [row.stt for row in rows if row.stt]
        straight = len(stts) == len(set(stts))
        in_group: dict[str | None, int] = {}
        for row in rows:
            start, end = block.row_spans[row.row_number]
            in_group[row.group] = in_group.get(row.group, 0) + 1
            self.out.records.append(
                Record(
                    id=self.unique_id(_row_id(row, base, straight, in_group[row.group])),
                    kind=RecordKind.task,
                    section_path=ctx.path,
                    index=row.index or ctx.index,
                    criterion=row.criterion,
                    weakness=row.weakness or self.weakness_for(sec, row.index or ctx.index),
                    solution=row.task,
                    product=row.product,
                    timeline=self.timeline(row.timeline),
                    lead_units=split_units(row.lead) if row.lead else [],
                    coordinating_units=split_units(row.coordinating) if row.coordinating else [],
                    span=self.span(start, end),
                )
            )

    # --- responsibility records ----------------------------------------------------------


def build_records(seg: Segmented, year: int | None) -> Built:
    """All records of a segmented plan, in document order, with the weakness texts found."""
    built = _Builder(seg, year).run()
    built.records.sort(key=lambda r: r.span.start)
    return built

