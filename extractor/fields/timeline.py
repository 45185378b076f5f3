"""Timeline phrases → kind and ISO start/end.

Why rules from a data file: the phrases are a closed, slowly growing set ("Thường xuyên", "Quý
III/2024", "Trước ngày 30/6/2024", "Từ tháng 6 đến tháng 12/2024"); each maps to dates by one small
named function, so a reviewer can add a phrase without reading the code.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Callable
from functools import lru_cache

import regex

from extractor import rules
from extractor.normalize import comparable
from extractor.schema import Timeline, TimelineKind

_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_Dates = tuple[dt.date | None, dt.date | None]
_YEAR = regex.compile(r"\b(19|20)\d{2}\b")


def _int(groups: dict[str, str | None], name: str, default: int | None = None) -> int | None:
    value = groups.get(name)
    return int(value) if value else default


def _month_range(year: int, month: int) -> _Dates:
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, 1), dt.date(year, month, last)


def _d_none(g: dict[str, str | None], year: int | None) -> _Dates:
    return None, None


def _d_before_date(g: dict[str, str | None], year: int | None) -> _Dates:
    y = _int(g, "y", year)
    if y is None:
        return None, None
    return None, dt.date(y, int(g["m"] or 0), int(g["d"] or 0))


def _d_date(g: dict[str, str | None], year: int | None) -> _Dates:
    day = dt.date(int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0))
    return day, day


def _d_month(g: dict[str, str | None], year: int | None) -> _Dates:
    y = _int(g, "y", year)
    if y is None:
        return None, None
    return _month_range(y, int(g["m"] or 0))


def _d_quarter(g: dict[str, str | None], year: int | None) -> _Dates:
    y = _int(g, "y", year)
    if y is None:
        return None, None
    q = _QUARTERS[(g["q"] or "1").lower()]
    start = dt.date(y, 3 * q - 2, 1)
    return start, _month_range(y, 3 * q)[1]


def _d_quarter_span(g: dict[str, str | None], year: int | None) -> _Dates:
    first = _d_quarter({**g, "q": g["q1"]}, year)[0]
    return first, _d_quarter(g, year)[1]


def _d_month_open(g: dict[str, str | None], year: int | None) -> _Dates:
    return _d_month(g, year)[0], None


def _d_half(g: dict[str, str | None], year: int | None) -> _Dates:
    y = _int(g, "y", year)
    if y is None:
        return None, None
    if "đầu" in (g["h"] or ""):
        return dt.date(y, 1, 1), dt.date(y, 6, 30)
    return dt.date(y, 7, 1), dt.date(y, 12, 31)


def _d_month_span(g: dict[str, str | None], year: int | None) -> _Dates:
    y2 = _int(g, "y2", _int(g, "y1", year))
    y1 = _int(g, "y1", y2)
    if y1 is None or y2 is None:
        return None, None
    return _month_range(y1, int(g["m1"] or 0))[0], _month_range(y2, int(g["m2"] or 0))[1]


def _d_date_span(g: dict[str, str | None], year: int | None) -> _Dates:
    y2 = int(g["y2"] or 0)
    y1 = _int(g, "y1", y2) or y2
    return dt.date(y1, int(g["m1"] or 0), int(g["d1"] or 0)), dt.date(y2, int(g["m2"] or 0), int(g["d2"] or 0))


def _d_year_span(g: dict[str, str | None], year: int | None) -> _Dates:
    return dt.date(int(g["y1"] or 0), 1, 1), dt.date(int(g["y2"] or 0), 12, 31)


def _d_year(g: dict[str, str | None], year: int | None) -> _Dates:
    y = int(g["y"] or 0)
    return dt.date(y, 1, 1), dt.date(y, 12, 31)


def _d_year_end(g: dict[str, str | None], year: int | None) -> _Dates:
    return None, dt.date(int(g["y"] or 0), 12, 31)


def _d_year_open(g: dict[str, str | None], year: int | None) -> _Dates:
    return dt.date(int(g["y"] or 0), 1, 1), None


DATE_FUNCTIONS: dict[str, Callable[[dict[str, str | None], int | None], _Dates]] = {
    "none": _d_none,
    "before_date": _d_before_date,
    "date": _d_date,
    "month": _d_month,
    "quarter": _d_quarter,
    "quarter_span": _d_quarter_span,
    "month_open": _d_month_open,
    "half": _d_half,
    "month_span": _d_month_span,
    "date_span": _d_date_span,
    "year_span": _d_year_span,
    "year": _d_year,
    "year_end": _d_year_end,
    "year_open": _d_year_open,
}


@lru_cache(maxsize=1)
def _compiled() -> list[tuple[str, TimelineKind, regex.Pattern[str], str]]:
    return [(r.name, r.kind, regex.compile(r.pattern), r.dates) for r in rules.timeline().rule]


def clean_raw(raw: str) -> str:
    """The raw value as the contract keeps it: whitespace collapsed, trailing period dropped."""
    return " ".join(raw.split()).rstrip(" .;,")


@lru_cache(maxsize=4096)
def parse_timeline(raw: str | None, year: int | None = None) -> tuple[Timeline, str | None]:
    """Classify a timeline value and compute its dates; returns (timeline, rule name or None).

    ``year`` is the plan's year, used when the phrase names a quarter or month but no year.  Plans
    repeat a few phrases ("Thường xuyên", "Năm 2024") hundreds of times, so results are cached; the
    returned model is shared and must not be modified.

    >>> parse_timeline("Quý III/2024")[0].model_dump()
    {'raw': 'Quý III/2024', 'kind': <TimelineKind.deadline: 'deadline'>, 'start': '2024-07-01', 'end': '2024-09-30'}
    >>> parse_timeline("Thường xuyên, khi có quy định.")[0].kind.value
    'recurring'
    """
    if raw is None or not raw.strip():
        return Timeline(raw=None, kind=TimelineKind.unspecified, start=None, end=None), None
    value = clean_raw(raw)
    key = comparable(value)
    for name, kind, pattern, dates in _compiled():
        m = pattern.match(key)
        if not m:
            continue
        try:
            start, end = DATE_FUNCTIONS[dates](m.groupdict(), year)
        except ValueError:  # "30/2/2024": keep the kind, give no dates
            start, end = None, None
        return (
            Timeline(
                raw=value,
                kind=kind,
                start=start.isoformat() if start else None,
                end=end.isoformat() if end else None,
            ),
            name,
        )
    # an unknown phrase that still names a year is most often "… năm 2024"
    years = _YEAR.findall(key)
    kind = TimelineKind.year if years else TimelineKind.event
    return Timeline(raw=value, kind=kind, start=None, end=None), None
