"""Which files a bulk run reads, and the output name each one gets.

Why names are decided here, in one place and in discovery order: ``OUT/<name>.json`` must never land
outside ``OUT`` whatever the input is called, and two department folders that both hold
"Kế hoạch 126.pdf" must give two outputs — the same two in every run, or a resumed run would
overwrite one plan with the other.  Folders are walked sorted, so the order (and so the ``-2``,
``-3`` suffixes) is a function of the inputs alone.
"""

from __future__ import annotations

import functools
import glob
import hashlib
import os
import re
import unicodedata
from collections.abc import Iterator, Sequence
from pathlib import Path

_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"/\\|?*]+')
_MAX_STEM_BYTES = 180  # the name plus "-NNN.json" stays under the 255-byte limit of common file systems


def known_suffixes() -> set[str]:
    from extractor import ingest

    return {*ingest.TEXT_SUFFIXES, *ingest.HTML_SUFFIXES, *ingest.PDF_SUFFIXES, *ingest.DOCX_SUFFIXES}


class Discovery:
    """The input files, streamed in a stable order; ``ignored`` counts files skipped for their extension.

    Folders are walked recursively (sorted, so every run sees the same order) and keep only readable
    extensions; a glob ("plans/**/*.pdf") is expanded sorted; a file named directly is always taken,
    so that a wrong one is reported (E001, E002) rather than silently dropped.
    """

    def __init__(self, inputs: Sequence[str | Path]) -> None:
        self.inputs = [str(i) for i in inputs]
        self.known = known_suffixes()
        self.ignored = 0

    def __iter__(self) -> Iterator[Path]:
        self.ignored = 0
        for item in self.inputs:
            path = Path(item)
            if path.is_dir():
                yield from self._walk(path)
            elif not path.exists() and glob.has_magic(item):
                for match in sorted(glob.glob(item, recursive=True)):
                    yield from self._walk(Path(match)) if Path(match).is_dir() else [Path(match)]
            else:
                yield path

    def _walk(self, top: Path) -> Iterator[Path]:
        for root, dirs, files in os.walk(top):
            dirs.sort()
            folder = Path(root)
            for name in sorted(files):
                if os.path.splitext(name)[1].lower() in self.known:  # a Path per name costs more than the walk
                    yield folder / name
                else:
                    self.ignored += 1


def safe_stem(path: Path) -> str:
    """The file-name part of an output name: no folder, no control or reserved character, never hidden.

    >>> safe_stem(Path("../../etc/Kế hoạch 126:KH-UBND.pdf"))
    'Kế hoạch 126_KH-UBND'
    >>> safe_stem(Path("..")), safe_stem(Path(".hidden.txt"))
    ('document', 'hidden')
    """
    stem = unicodedata.normalize("NFC", path.name)
    if "." in stem.lstrip("."):
        stem = stem.rsplit(".", 1)[0]
    stem = _UNSAFE.sub("_", stem).strip(" .")
    while len(stem.encode()) > _MAX_STEM_BYTES:
        stem = stem[:-1]
    return stem or "document"


class Namer:
    """Output names in order of discovery: ``<stem>.json``, then ``<stem>-2.json``, ``-3`` … (case-insensitive,
    so two names that differ only in case do not overwrite each other on macOS or Windows)."""

    def __init__(self) -> None:
        self.used: set[str] = set()

    def __call__(self, path: Path) -> str:
        stem = safe_stem(path)
        name, n = f"{stem}.json", 1
        while name.casefold() in self.used:
            n += 1
            name = f"{stem}-{n}.json"
        self.used.add(name.casefold())
        return name


def sha256_of(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(functools.partial(fh.read, 1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def write_atomic(target: Path, text: str) -> None:
    """Write via a hidden temporary file in the same folder, then rename: a reader (or a resumed run)
    sees the old file or the new one, never half of one."""
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, target)
