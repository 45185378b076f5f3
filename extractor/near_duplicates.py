"""Group near-identical texts (the same task written by several departments) without comparing all pairs.

Why this method: departments copy tasks from the provincial plan and edit a few words, so equal
texts are rare and near-equal ones common.  A text becomes the set of its syllable pairs (Vietnamese
words are mostly one or two syllables, so pairs behave like words and "thủ tục hành chính" does not
match every text that merely has "hành"), compared by Jaccard similarity.  All pairs would be n²;
*prefix filtering* makes it fast and still exact: with the set's elements ordered rarest first, two
sets with Jaccard ≥ t must share an element among the first ``|x| − ⌈t·|x|⌉ + 1`` of each, so only
texts sharing a rare element in that prefix are ever compared.  Exact copies are merged first.
"""

from __future__ import annotations

import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from typing import TypeVar

import regex

_WORD = regex.compile(r"\w+")
K = TypeVar("K", bound=Hashable)


def shingles(text: str) -> frozenset[str]:
    """The syllable pairs of a text, NFC and case-folded; a one-syllable text gives that syllable.

    >>> sorted(shingles("Công khai thủ tục"))
    ['công khai', 'khai thủ', 'thủ tục']
    """
    words = _WORD.findall(unicodedata.normalize("NFC", text).casefold())
    if len(words) < 2:
        return frozenset(words)
    return frozenset(f"{a} {b}" for a, b in zip(words, words[1:]))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Shared elements over all elements.

    >>> jaccard(frozenset(["công khai", "thủ tục"]), frozenset(["thủ tục", "hành chính"]))
    0.3333333333333333
    """
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def group(items: Iterable[tuple[K, str]], threshold: float = 0.6, min_shingles: int = 3) -> list[list[K]]:
    """Groups (two or more keys) of texts whose Jaccard similarity links them, largest group first.

    Linking is transitive (single linkage): A~B and B~C put A, B, C in one group.  Texts shorter than
    ``min_shingles`` pairs ("Thực hiện") are left out: they would match everything.

    >>> group([(1, "Rà soát, công khai thủ tục hành chính trên Cổng dịch vụ công"),
    ...        (2, "Rà soát và công khai thủ tục hành chính trên Cổng dịch vụ công tỉnh"),
    ...        (3, "Tổ chức đối thoại với doanh nghiệp về môi trường đầu tư")])
    [[1, 2]]
    """
    by_set: dict[frozenset[str], list[K]] = defaultdict(list)
    for key, text in items:
        s = shingles(text)
        if len(s) >= min_shingles:
            by_set[s].append(key)
    sets: Sequence[frozenset[str]] = sorted(by_set, key=lambda s: (len(s), sorted(s)))
    freq = Counter(e for s in sets for e in s)
    parent = list(range(len(sets)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    index: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(sets):  # sizes ascending, so every earlier set is no larger
        ordered = sorted(s, key=lambda e: (freq[e], e))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered)) + 1]
        seen: set[int] = set()
        for e in prefix:
            for j in index[e]:
                if j in seen or len(sets[j]) < threshold * len(s):
                    continue
                seen.add(j)
                if find(i) != find(j) and jaccard(s, sets[j]) >= threshold:
                    parent[find(i)] = find(j)
            index[e].append(i)
    groups: dict[int, list[K]] = defaultdict(list)
    for i, s in enumerate(sets):
        groups[find(i)].extend(by_set[s])
    found = [g for g in groups.values() if len(g) > 1]
    return sorted(found, key=lambda g: (-len(g), repr(g[0])))
