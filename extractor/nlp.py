"""underthesea on short spans, re-aligned to our offsets.

Why only here and only on short spans: the vocabulary of predicates ("có trách nhiệm", "chủ trì")
cannot list every verb that ends a unit name in prose ("Trung tâm … huyện mở chuyên mục …",
"… Trưởng các thôn vận động Nhân dân …"); underthesea's POS tagger knows them.  It runs at about
70k characters/s, so it is given the first words of a sentence, never a whole document, and it is
imported on first use, never at import time.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from extractor.normalize import comparable

SPAN_CHARS = 240


@lru_cache(maxsize=1)
def _tagger() -> Any:
    from underthesea import pos_tag

    return pos_tag


@lru_cache(maxsize=4096)
def verb_starts(span: str) -> frozenset[int]:
    """Offsets (into ``span``) where a lower-case verb starts, per underthesea's POS tagger.

    underthesea may rewrite tone marks ("hoà" → "hòa"), so its words are found again in ``span``
    through the comparable form, which has the same length as the text.

    >>> sorted(verb_starts("Trung tâm Văn hóa huyện mở chuyên mục mới"))
    [24]
    """
    key = comparable(span)
    out: set[int] = set()
    pos = 0
    for word, tag in _tagger()(span):
        wkey = comparable(word)
        found = key.find(wkey, pos)
        if found < 0:
            continue
        pos = found + len(wkey)
        if tag == "V" and span[found : found + 1].islower():
            out.add(found)
    return frozenset(out)
