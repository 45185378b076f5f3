"""Unit names: split label values into units, and find the unit that is a sentence's subject.

Why a vocabulary and not a tokenizer: a list such as "Văn phòng Sở, Thanh tra Sở" is two units but
"các phòng, ban, đơn vị trực thuộc" is one, and only knowing which words open a unit name ("Văn
phòng", "Thanh tra", "UBND") and which are bare nouns ("ban", "đơn vị") tells them apart.  The same
vocabulary finds "Văn phòng Sở" in "Văn phòng Sở có trách nhiệm theo dõi …": the name runs until the
first lower-case predicate ("có trách nhiệm").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from extractor import rules
from extractor.normalize import comparable

_TOKEN = regex.compile(r"\S+")
_OPENING = regex.compile(
    r"(?:(?:căn cứ|trên cơ sở|để|nhằm)[^,]{0,120},\s*)?(?:(?:yêu cầu|giao cho|giao|đề nghị)\s+)?"
)
_PHOI_HOP = regex.compile(r"\bphối hợp (?:chặt chẽ )?(?:với )?")
_STRIP = " .;:,"
_LIST_SEPARATOR = regex.compile(r"\s*[,;]\s*")


@dataclass(frozen=True)
class _Vocab:
    head: regex.Pattern[str]
    quantifier: regex.Pattern[str]
    predicate: regex.Pattern[str]
    role_predicate: regex.Pattern[str]
    continuation: regex.Pattern[str]
    bare: frozenset[str]
    list_head: regex.Pattern[str]
    quantifiers: frozenset[str]
    exclusion: regex.Pattern[str]
    known_syllables: frozenset[str]
    standalone: frozenset[str]


@lru_cache(maxsize=1)
def _vocab() -> _Vocab:
    v = rules.units()
    alt = rules.alternation
    return _Vocab(
        head=regex.compile(rf"(?:{alt(v.quantifiers)})?\s*(?:{alt(v.heads)})(?=[\s,;.:&-]|$)"),
        quantifier=regex.compile(rf"(?:{alt(v.quantifiers)})\s+"),
        predicate=regex.compile(rf"(?:{alt(v.predicates)})(?=[\s,;.:)]|$)"),
        role_predicate=regex.compile(rf"(?:{alt(v.role_predicates)})(?=[\s,;.:)]|$)"),
        continuation=regex.compile(rf"(?:{alt(v.continuations)})(?=[\s,;.:]|$)"),
        bare=frozenset(v.bare_nouns),
        list_head=regex.compile(rf"(?:{alt(v.list_heads)})\s*:\s*"),
        quantifiers=frozenset(v.quantifiers),
        exclusion=rules.any_of(v.not_units),
        standalone=frozenset(v.standalone),
        known_syllables=frozenset(
            w
            for phrase in (*v.heads, *v.quantifiers, *v.continuations, *v.bare_nouns, *v.name_words)
            for w in comparable(phrase).replace(",", " ").split()
        ),
    )


def starts_with_head(text: str) -> bool:
    """Whether ``text`` opens with a unit name's head word ("Phòng …", "các đơn vị …")."""
    return _vocab().head.match(comparable(text)) is not None


def is_whole_unit(text: str) -> bool:
    """A unit name that can stand on its own in a list: a head word plus something that names it.

    >>> is_whole_unit("Thanh tra Sở"), is_whole_unit("ban"), is_whole_unit("các phòng")
    (True, False, False)
    """
    key = comparable(text).strip(_STRIP)
    m = _vocab().head.match(key)
    if not m:
        return False
    if key in _vocab().standalone:
        return True
    last = key.rsplit(", ", 1)[-1].strip()
    last = _vocab().quantifier.sub("", last, count=1) if _vocab().quantifier.match(last) else last
    if last in _vocab().bare:
        return False
    return bool(key[m.end() :].strip(_STRIP))


def is_whole_unit_list(text: str) -> bool:
    """Whether ``text`` is only units, up to its end: "UBND các xã, thị trấn" — not "các phòng triển khai …".

    >>> is_whole_unit_list("UBND các xã, thị trấn"), is_whole_unit_list("các phòng triển khai ngay các nhiệm vụ sau")
    (True, False)
    """
    span = unit_span(text.strip(), 0)
    return span is not None and span[1] >= len(text.strip().rstrip(" .,;:"))


def _collective(text: str) -> bool:
    """A quantified list of bare nouns, complete in itself: "Các sở, ban, ngành", "các phòng, ban".

    Split off before a named unit ("Các sở, ban, ngành, UBND các huyện, thị xã" → two), while a lone
    "các phòng" still takes what follows ("các phòng, đơn vị thuộc Sở" stays one).
    """
    v = _vocab()
    key = comparable(text).strip(_STRIP)
    m = v.quantifier.match(key)
    if not m:
        return False
    nouns = [n.strip() for n in key[m.end() :].split(",")]
    return len(nouns) >= 2 and all(n in v.bare for n in nouns)


def _opens_new_unit(text: str) -> bool:
    """Whether a piece after ", " starts a unit of its own rather than continuing a shared "các …".

    "các đơn vị trực thuộc" and "phòng KH-TC-TTNN" do; "đơn vị trực thuộc" (after "các phòng") does not.
    """
    v = _vocab()
    key = comparable(text).strip(_STRIP)
    if v.quantifier.match(key) and v.head.match(key):
        return True  # "Văn phòng Sở, các phòng, đơn vị thuộc Sở": "các phòng, …" opens the second unit
    if not is_whole_unit(text):
        return False
    head = v.head.match(key)
    if head is None:
        return False
    if key[: head.end()].strip() not in v.bare:
        return True
    rest = text.strip(_STRIP)[head.end() :].lstrip()
    return rest[:1].isupper()


def split_units(value: str) -> list[str]:
    """Split a unit list on ";" always and on ", " only between two whole unit names.

    >>> split_units("Văn phòng Sở, Thanh tra Sở.")
    ['Văn phòng Sở', 'Thanh tra Sở']
    >>> split_units("các phòng, ban, đơn vị trực thuộc")
    ['các phòng, ban, đơn vị trực thuộc']
    """
    value = " ".join(value.split()).strip(_STRIP)
    if not value:
        return []
    m = _vocab().list_head.match(comparable(value))
    if m and value[m.end() :].strip():
        return [u.strip(_STRIP) for u in _LIST_SEPARATOR.split(value[m.end() :]) if u.strip(_STRIP)]
    out: list[str] = []
    for part in value.split(";"):
        pieces = [p for p in part.split(", ") if p.strip(_STRIP)]
        if not pieces:
            continue
        current = pieces[0]
        for piece in pieces[1:]:
            if (is_whole_unit(current) or _collective(current)) and _opens_new_unit(piece):
                out.append(current.strip(_STRIP))
                current = piece
            else:
                current = f"{current}, {piece}"
        out.append(current.strip(_STRIP))
    return [u for u in out if u]


_DOTTED_HEADS = frozenset({"p.", "tt.", "vp."})  # abbreviated heads written with a dot ("P. Tư pháp")


def unit_span(text: str, start: int = 0, max_words: int = 24, use_pos: bool = False) -> tuple[int, int] | None:
    """Offsets of the unit name opening ``text[start:]``, up to the first predicate, or None.

    With ``use_pos``, a name longer than a few words is checked again with underthesea's POS tagger
    on that span only, for verbs the vocabulary does not list ("… huyện mở chuyên mục").

    >>> t = "Văn phòng Sở có trách nhiệm theo dõi"
    >>> s, e = unit_span(t); t[s:e]
    'Văn phòng Sở'
    """
    v = _vocab()
    key = comparable(text)
    if not v.head.match(key, start) or v.exclusion.match(key, start):
        return None
    span, words = _scan(text, key, start, max_words, frozenset())
    too_long = span is None and words >= max_words
    if use_pos and (too_long or (span and words > _POS_MIN_WORDS and _has_unknown_word(text, key, span))):
        from extractor.nlp import SPAN_CHARS, verb_starts

        end = start + SPAN_CHARS if span is None else span[1]
        verbs = frozenset(
            v for v in (start + i for i in verb_starts(text[start:end])) if not _verb_inside_name(text, key, v)
        )
        if verbs:
            span, _ = _scan(text, key, start, max_words, verbs)
    return span


_POS_MIN_WORDS = 4
NAME_VERB_REACH = 5  # syllables after a tagged verb within which the clause's listed predicate may follow
_CLAUSE_END = regex.compile(r"[,;.:()]")


def _verb_inside_name(text: str, key: str, verb: int) -> bool:
    """Whether a word the tagger calls a verb is part of the unit's name, not its predicate.

    "Ban Giám sát đầu tư của cộng đồng xã chủ trì …", "Đội Quản lý cư trú phối hợp …": the listed
    predicate ("chủ trì", "phối hợp") comes a few lower-case words later, with no "và" between;
    "Phòng Bảo hiểm thất nghiệp," — nothing follows in the list item.  "Phòng Y tế soạn thảo văn
    bản" keeps "soạn thảo" as the predicate, and so does "Văn phòng Sở giúp Giám đốc Sở theo dõi …"
    (a capitalised word after the verb is its object, not the rest of a name).
    """
    stop = _CLAUSE_END.search(key, verb)
    end = stop.start() if stop else len(key)
    clause, written = key[verb:end].split(), text[verb:end].split()
    if len(clause) <= 2:
        return True  # the verb ends the list item: "Phòng Bảo hiểm thất nghiệp,"
    v = _vocab()
    named_by = False  # "… đầu tư của cộng đồng": a "của" phrase makes the run a name
    for offset in range(1, min(len(clause), NAME_VERB_REACH + 2)):
        rest = " ".join(clause[offset:])
        # a role predicate ("chủ trì") ends a name; any listed one does after "của" — but not "Văn phòng
        # Sở giữ bảng theo dõi", where "theo dõi" belongs to the object
        if offset > 1 and (v.role_predicate.match(rest) or (named_by and v.predicate.match(rest))):
            return True
        if clause[offset] == "và" or written[offset][:1].isupper():
            return False
        named_by = named_by or clause[offset] == "của"
    return False
_WORD = regex.compile(r"[^\W\d_]+")


def _has_unknown_word(text: str, key: str, span: tuple[int, int]) -> bool:
    """Whether a lower-case syllable outside the unit vocabulary could be a verb the rules missed."""
    known = _vocab().known_syllables
    return any(
        text[m.start()].islower() and m.group() not in known for m in _WORD.finditer(key, span[0], span[1])
    )


def _scan(
    text: str, key: str, start: int, max_words: int, verbs: frozenset[int]
) -> tuple[tuple[int, int] | None, int]:
    v = _vocab()
    end = start
    words = 0
    prev = ""
    pos = start
    while pos < len(key) and words < max_words:
        while pos < len(key) and key[pos] == " ":
            pos += 1
        if pos >= len(key):
            break
        cont = v.continuation.match(key, pos)
        if cont and words:
            end = pos = cont.end()
            words += 1
            continue
        pred = v.predicate.match(key, pos) or pos in verbs
        if pred and words and prev not in v.quantifiers and prev != "và" and not text[pos].isupper():
            break
        tok = _TOKEN.match(key, pos)
        if tok is None:
            break
        word = tok.group()
        if words and prev.endswith((".", ":", ";")) and not (words == 1 and prev in _DOTTED_HEADS):
            break
        pos = tok.end()
        end = pos
        words += 1
        prev = word.strip(",")
        if word.endswith((".", ";", ":")) and not (words == 1 and word in _DOTTED_HEADS):  # "P. TC-KH" goes on
            break
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    if words >= max_words:
        return None, words
    return ((start, end) if end > start else None), words


def subject_units(text: str) -> tuple[list[str], tuple[int, int] | None]:
    """Units that open a sentence as its subject, allowing "Căn cứ …, yêu cầu <unit> …".

    >>> subject_units("Các phòng chuyên môn, UBND các xã xây dựng kế hoạch")[0]
    ['Các phòng chuyên môn', 'UBND các xã']
    """
    m = _OPENING.match(comparable(text))
    for start in ((m.end(), 0) if m and m.end() else (0,)):
        span = unit_span(text, start, use_pos=True)
        if span:
            return split_units(text[span[0] : span[1]]), span
    return [], None


_TAKES_LEAD = regex.compile(r"\b(?:chủ trì|làm đầu mối|đảm nhiệm|là đầu mối)\b")
_CLAUSE = regex.compile(r"(?:[;.]\s+|,\s+(?:giao|do)\s+|\b(?:giao|do)\s+)")


def clause_lead(text: str) -> tuple[list[str], int | None]:
    """Units handed the task in a later clause: "Rà soát TTHC …; Văn phòng HĐND và UBND huyện chủ trì, phối
    hợp với …" or "… giao Phòng Tư pháp chủ trì".  Returns the units and where their clause's verb ends.

    >>> clause_lead("Rà soát thủ tục nội bộ; Văn phòng Sở chủ trì, phối hợp với Thanh tra Sở thực hiện.")
    (['Văn phòng Sở'], 44)
    """
    key = comparable(text)
    for verb in _TAKES_LEAD.finditer(key):
        starts = [m.end() for m in _CLAUSE.finditer(key, 0, verb.start())]
        for start in starts[-1:]:
            span = unit_span(text, start, use_pos=True)
            if span and verb.start() - 1 <= span[1] <= verb.start():
                return split_units(text[span[0] : span[1]]), verb.end()
    return [], None


def coordinating_in_prose(text: str, after: int) -> list[str]:
    """Units after "phối hợp với" in a task sentence ("…chủ trì, phối hợp với Sở Tư pháp rà soát")."""
    key = comparable(text)
    m = _PHOI_HOP.search(key, after, min(len(key), after + 80))
    if not m:
        return []
    span = unit_span(text, m.end(), use_pos=True)
    return split_units(text[span[0] : span[1]]) if span else []


def whole_title_unit(title: str) -> list[str] | None:
    """The units a heading consists of ("2. Văn phòng Sở", "Các Phòng: Tổ chức cán bộ, …"), or None."""
    clean = title.strip(_STRIP)
    if not clean:
        return None
    if _vocab().list_head.match(comparable(clean)):
        return split_units(clean)
    if ";" in clean:
        parts = [whole_title_unit(p) for p in clean.split(";")]
        return [u for p in parts for u in p] if all(p is not None for p in parts) else None  # type: ignore[union-attr]
    span = unit_span(clean, 0, max_words=24)
    if span and span[1] >= len(clean.rstrip(_STRIP)):
        return split_units(clean)
    return None
