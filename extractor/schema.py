"""The output contract (schema version 1) as pydantic models: the single source of truth.

Why pydantic: the JSON other tools read, the committed JSON Schema (``schema/extraction.schema.json``)
and the objects the pipeline builds all come from these classes, so they cannot drift apart.
Example value: ``IndexCode("SIPAS")`` for "Chỉ số hài lòng của người dân, tổ chức …".
"""

from __future__ import annotations

from enum import Enum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "1"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class IndexCode(str, Enum):
    """Canonical codes of the administrative-reform indices plans are written for."""

    PAR_INDEX = "PAR_INDEX"
    SIPAS = "SIPAS"
    PAPI = "PAPI"
    PCI = "PCI"
    DDCI = "DDCI"
    DTI = "DTI"
    DVCQ = "DVCQ"
    ICT = "ICT"


class TimelineKind(str, Enum):
    """How a task's time is expressed ("Thường xuyên" → recurring, "Quý III/2024" → deadline)."""

    recurring = "recurring"
    year = "year"
    date = "date"
    deadline = "deadline"
    period = "period"
    event = "event"
    unspecified = "unspecified"


class RecordKind(str, Enum):
    """task: from a tasks/solutions part or a table; responsibility: a unit's duties."""

    task = "task"
    responsibility = "responsibility"


class Source(_Model):
    path: str = Field(description="The input path as given on the command line.")
    sha256: str = Field(description="SHA-256 of the input bytes, hex.")
    format: Literal["pdf", "txt", "docx", "html", "md"] | None = Field(
        description="Input format; null only when a file could not be identified (see warnings)."
    )
    pages: int | None = Field(description="Number of pages; null where the format has no pages.")


class BasedOn(_Model):
    type: str | None = Field(description="Document type cited, e.g. 'Kế hoạch', 'Công văn'.")
    number: str | None = Field(description="Its number, e.g. '126/KH-UBND'.")
    date: str | None = Field(description="Its ISO date, when cited.")
    issuer: str | None = Field(description="Who issued it, as written ('UBND tỉnh').")


class Signer(_Model):
    name: str | None = Field(description="Name of the person who signed.")
    title: str | None = Field(description="Their title, e.g. 'PHÓ GIÁM ĐỐC'.")
    authority: str | None = Field(description="Signing authority: 'KT. GIÁM ĐỐC', 'TM. UBND', …")


class Document(_Model):
    number: str | None = Field(description="'Số: …' or the plan's own number cited in the opening.")
    type: str | None = Field(description="Kế hoạch | Quyết định | Công văn | Báo cáo | …")
    title: str | None = Field(description="The title line(s) after the document type.")
    issuer: str | None = Field(description="The agency that issued this document.")
    place: str | None = Field(description="Province or locality of issue, null if unknown.")
    issued_date: str | None = Field(description="ISO date of issue, null if unknown.")
    year: int | None = Field(description="The plan year.")
    indices: list[IndexCode] = Field(description="Every index the plan addresses, in order of mention.")
    based_on: list[BasedOn] = Field(description="Documents this plan implements ('Thực hiện …').")
    signer: Signer | None = Field(description="The signature block, null if absent.")
    recipients: list[str] = Field(description="'Nơi nhận' entries without 'Lưu: …'.")


class Timeline(_Model):
    raw: str | None = Field(description="As written, label stripped; null when unspecified.")
    kind: TimelineKind = Field(description="Kind of time expression.")
    start: str | None = Field(description="ISO start date where it follows from raw.")
    end: str | None = Field(description="ISO end date where it follows from raw.")


class Span(_Model):
    page: int | None = Field(description="1-based page of the record's start; null without pages.")
    start: int = Field(description="Start offset in the extracted (normalised) text.")
    end: int = Field(description="End offset (exclusive) in the extracted text.")


class Record(_Model):
    id: str = Field(description="Section number, plus '-k' for the k-th bullet under it.")
    kind: RecordKind = Field(description="task or responsibility.")
    section_path: list[str] = Field(description="Headings from the top part down to the record.")
    index: IndexCode | None = Field(description="Index inherited from the nearest heading naming one.")
    criterion: str | None = Field(description="Sub-area the record belongs to, or null.")
    weakness: str | None = Field(description="'Tồn tại, hạn chế' text of the record's index section.")
    solution: str = Field(description="The task or duty text, labels and numbering removed.")
    product: str | None = Field(description="'Sản phẩm' where the plan names one.")
    timeline: Timeline = Field(description="When the task is due.")
    lead_units: list[str] = Field(description="Lead units as written.")
    coordinating_units: list[str] = Field(description="Coordinating units as written.")
    span: Span = Field(description="Where the record stands in the extracted text.")


class Score(_Model):
    index: IndexCode = Field(description="Index the figure is about.")
    year: int | None = Field(description="Year the figure refers to.")
    value: float = Field(description="The figure; Vietnamese decimal comma read ('83,78' → 83.78).")
    unit: str | None = Field(description="'%', 'điểm', … or null.")
    change: float | None = Field(description="Signed change ('giảm 3,86 điểm' → -3.86), or null.")
    rank: int | None = Field(description="Rank when reported ('xếp thứ 8'), or null.")


class Extraction(_Model):
    """Everything extracted from one input document."""

    schema_version: Literal["1"] = Field(default="1", description="Contract version.")
    source: Source
    document: Document
    records: list[Record]
    scores: list[Score]
    warnings: list[str] = Field(description="Coded warnings: what was guessed or unreadable.")


def json_schema() -> dict[str, object]:
    """The JSON Schema of :class:`Extraction`, as committed under ``schema/``."""
    return Extraction.model_json_schema()
