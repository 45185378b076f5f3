"""Reported figures about an index: "Chỉ số CCHC năm 2023 đạt 83,78 điểm (giảm 3,86 điểm)".

Why sentence by sentence: a figure belongs to the index its own sentence names; the same paragraph
often carries sub-figures about something else ("chất lượng nước (72,67%)") that are not scores.
"""

from __future__ import annotations

import regex

from extractor.fields.indices import find_indices
from extractor.schema import IndexCode, Score

_NUM = r"\d{1,4}(?:[.,]\d{3})*(?:[.,]\d+)?"
_VALUE = regex.compile(rf"(?<![\d/.,])(?P<v>{_NUM})\s*(?P<u>%|điểm\b)")
_CHANGE = regex.compile(rf"(?P<dir>tăng|giảm)\s+(?:thêm\s+)?(?P<v>{_NUM})\s*(?:%|điểm)?")
_CHANGE_BEFORE = regex.compile(r"(tăng|giảm)\s*(thêm\s*)?$")
_THOUSANDS = regex.compile(r"\d{1,3}(?:\.\d{3})+")  # "1.250" is one thousand two hundred fifty
_RANK = regex.compile(r"xếp (?:thứ|hạng)\s+(?P<r>\d{1,3})\b")
_YEAR = regex.compile(r"năm\s+(?P<y>(?:19|20)\d{2})")
class _SentenceEnd:
    """Sentence boundaries: ". ", ";", "!", "?" or a line break (a "." inside "83.78" is not one)."""

    pattern = regex.compile(r"[.;!?](?!\d)|\n")
    _reverse = regex.compile(r"(?r)[.;!?](?!\d)|\n")

    def rfind_before(self, key: str, pos: int) -> int:
        m = self._reverse.search(key, 0, pos)
        return m.end() if m else 0


_SENTENCE_END = _SentenceEnd()


def parse_number(raw: str) -> float:
    """A Vietnamese-written number: decimal comma, dot as thousands separator before 3 digits.

    >>> parse_number("83,78"), parse_number("77.21"), parse_number("1.234,5"), parse_number("2.500")
    (83.78, 77.21, 1234.5, 2500.0)
    """
    if "," in raw and "." in raw:
        return float(raw.replace(".", "").replace(",", "."))
    if "," in raw:
        return float(raw.replace(",", "."))
    if _THOUSANDS.fullmatch(raw):
        return float(raw.replace(".", ""))
    return float(raw)


def extract_scores(key: str, start: int, end: int, default_year: int | None) -> list[Score]:
    """Scores in ``key[start:end]`` (comparable text), one per sentence that names an index.

    >>> s = extract_scores("chỉ số cchc năm 2023 đạt 83,78 điểm (giảm 3,86 điểm).", 0, 60, 2024)[0]
    >>> s.index.value, s.year, s.value, s.unit, s.change, s.rank
    ('PAR_INDEX', 2023, 83.78, 'điểm', -3.86, None)
    """
    out: list[Score] = []
    done: set[int] = set()
    for first in _VALUE.finditer(key, start, end):
        s = max(_SENTENCE_END.rfind_before(key, first.start()), start)
        if s in done:
            continue
        done.add(s)
        m = _SENTENCE_END.pattern.search(key, first.end(), end)
        e = m.end() if m else end
        named = find_indices(key, s, e)
        if not named:
            continue
        for value in _VALUE.finditer(key, s, e):
            before = key[max(s, value.start() - 12) : value.start()]
            if _CHANGE_BEFORE.search(before) or value.start() < named[0].start:
                continue
            index: IndexCode = [n for n in named if n.start < value.start()][-1].value
            after = key[value.end() : min(e, value.end() + 60)]
            change = _CHANGE.search(after)
            rank = _RANK.search(key, value.end(), min(e, value.end() + 60))
            years = [int(y.group("y")) for y in _YEAR.finditer(key, s, value.start())]
            year = years[-1] if years else (default_year - 1 if default_year else None)
            delta = None
            if change:
                delta = parse_number(change.group("v")) * (-1 if change.group("dir") == "giảm" else 1)
            out.append(
                Score(
                    index=index,
                    year=year,
                    value=parse_number(value.group("v")),
                    unit=value.group("u"),
                    change=delta,
                    rank=int(rank.group("r")) if rank else None,
                )
            )
            break
    return out
