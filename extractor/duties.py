"""Responsibility records: a unit's duties under "Tổ chức thực hiện".

Why apart from the task records: duties are read differently — the heading that names a unit
("2. Văn phòng Sở", "Trách nhiệm của Thanh tra Sở:") is the lead and the text under it the solution; a
numbered paragraph whose subject is a unit ("Văn phòng Sở có trách nhiệm theo dõi …") keeps its whole
text; coordinating units stay empty (a "phối hợp với" in prose is a verb, not a label).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import regex

from extractor.assignments import Assignment, may_be_assignment, parse_assignment
from extractor.fields.units import split_units, starts_with_head, subject_units, whole_title_unit
from extractor.roles import DUTY_OF, INLINE, clean, org_closing
from extractor.schema import Record, RecordKind
from extractor.segment import Block, Section, labels_in_line

if TYPE_CHECKING:
    from extractor.records import Built, Context
    from extractor.schema import Span, Timeline

_SHORT_UNIT_HEADING = regex.compile(r"^[^,.;:()]{3,90}:?$")


def _unit_list_heading(named: str) -> bool:
    """A heading line that is only units, listed with ", " or ";": each piece opens with a unit's head word."""
    pieces = [p for p in regex.split(r"\s*[,;]\s+", named.strip(" .:")) if p]
    return (
        len(pieces) >= 2
        and len(named) <= 160
        and not regex.search(r"[.:()]", named.strip(" .:"))
        and all(starts_with_head(p) for p in pieces)
    )


class DutyRecords:
    """Mixin of the record builder (records._Builder) that reads duties; uses its helpers and state."""

    if TYPE_CHECKING:  # provided by records._Builder
        text: str
        key: str
        out: Built
        assignments: list[Assignment]

        def content(self, block: Block) -> str: ...
        def unique_id(self, base: str) -> str: ...
        def section_id(self, sec: Section, ctx: Context) -> str: ...
        def span(self, start: int, end: int) -> Span: ...
        def timeline(self, raw: str | None) -> Timeline: ...

    def responsibility(self, sec: Section, title: str, ctx: Context) -> None:
        blocks = self.take_assignments([b for b in sec.blocks if b.kind in ("para", "bullet")])
        blocks = self.drop_org_closing(blocks, sec)
        body = [self.content(b) for b in blocks]
        named = DUTY_OF.sub("", title)  # "Trách nhiệm của Văn phòng Sở:" → "Văn phòng Sở:"
        run_in = INLINE.match(named)
        units = whole_title_unit(named)
        if units is not None:
            if not blocks and sec.children:
                return
            texts = body
        elif run_in and whole_title_unit(run_in.group("head")):
            # "Các phòng, ban chuyên môn: Căn cứ chức năng, …" — the unit, a colon, then its duties
            units = whole_title_unit(run_in.group("head")) or []
            texts = [named[run_in.end() :], *body]
        elif body and _SHORT_UNIT_HEADING.match(named) and starts_with_head(named):
            # "4. Phòng Cảnh sát quản lý hành chính về trật tự xã hội" over its duties: a unit's name,
            # even where it holds words the prose scan reads as verbs
            units, texts = [named.strip(" .:")], body
        elif body and _unit_list_heading(named):
            # "2. Các phòng chuyên môn, Trung tâm Quy hoạch và Kiểm định xây dựng" over their duties
            units, texts = split_units(named.strip(" .:")), body
        else:
            units, _ = subject_units(title)
            if not units:
                return
            texts = [title, *body]
        labels = [b for b in sec.blocks if b.kind == "label"]
        values: dict[str, str] = {}
        for b in labels:
            for name, value in labels_in_line(self.text, self.key, b.content_start, b.end):
                values.setdefault(name, value)
        if not texts:
            return
        end = max([b.end for b in blocks + labels] + [sec.title_end])
        self.out.records.append(
            Record(
                id=self.unique_id(self.section_id(sec, ctx)),
                kind=RecordKind.responsibility,
                section_path=ctx.path,
                index=ctx.index,
                criterion=None,
                weakness=None,
                solution=clean(" ".join(texts)),
                product=None,
                timeline=self.timeline(values.get("timeline")),
                lead_units=units,
                coordinating_units=[],
                span=self.span(sec.start, end),
            )
        )

    def take_assignments(self, blocks: list[Block]) -> list[Block]:
        """Keep aside the lines that hand numbered tasks to units ("- Nhiệm vụ 1, 2: Văn phòng Sở chủ trì; …",
        :mod:`extractor.assignments`): they are applied to the task records at the end, and are no duties."""
        kept: list[Block] = []
        for b in blocks:
            found = parse_assignment(self.content(b)) if may_be_assignment(self.key, b.content_start) else None
            if found is None:
                kept.append(b)
            else:
                self.assignments.append(found)
        return kept

    def drop_org_closing(self, blocks: list[Block], sec: Section) -> list[Block]:
        """A closing paragraph after the last duty ("Trong quá trình thực hiện, nếu có vướng mắc …")."""
        is_last = sec.parent is not None and sec.parent.children and sec.parent.children[-1] is sec
        kept = list(blocks)
        bullets = sum(1 for x in kept if x.kind == "bullet")  # counted once: a section may hold thousands
        while kept and is_last:
            b = kept[-1]
            has_bullets = bullets - (b.kind == "bullet") > 0  # a bullet before the last block
            closing = org_closing().match(self.key[b.content_start : b.end])
            if closing or (b.kind == "para" and has_bullets and kept[0].kind == "bullet"):
                bullets -= b.kind == "bullet"
                kept.pop()
                continue
            break
        return kept

    # --- unnumbered blocks directly in a part ---------------------------------------------
    def unnumbered_duties(self, sec: Section, ctx: Context) -> None:
        """"Tổ chức thực hiện" written without numbers: each paragraph or bullet that opens with a unit.

        "- Văn phòng Sở: theo dõi, tổng hợp …" and "Các phòng chuyên môn có trách nhiệm …" are one duty
        each; a paragraph that names no unit first (a closing formula) is not one.
        """
        blocks = self.take_assignments([b for b in sec.blocks if b.kind in ("para", "bullet")])
        blocks = self.drop_org_closing(blocks, sec)
        base = self.section_id(sec, ctx)
        k = 0
        for b in blocks:
            text = self.content(b)
            run_in = INLINE.match(text)
            units = whole_title_unit(run_in.group("head")) if run_in else None
            solution = text[run_in.end() :] if run_in and units else text
            if not units:
                units, _ = subject_units(text)
            if not units or org_closing().match(self.key[b.content_start : b.end]):
                continue
            k += 1
            self.out.records.append(
                Record(
                    id=self.unique_id(f"{base}-{k}"),
                    kind=RecordKind.responsibility,
                    section_path=ctx.path,
                    index=ctx.index,
                    criterion=None,
                    weakness=None,
                    solution=clean(solution),
                    product=None,
                    timeline=self.timeline(None),
                    lead_units=units,
                    coordinating_units=[],
                    span=self.span(b.start, b.end),
                )
            )
