"""The plan database: ``OUT/plans.sqlite`` (standard-library SQLite) and ``OUT/records.jsonl``.

Why SQLite mirrored from the JSON outputs: the ``OUT/<name>.json`` files stay the source of truth (the
contract other tools read), and the database is an index over them that can always be rebuilt —
:meth:`Store.sync` makes it equal to the JSON files in ``OUT``, importing what is new or changed
(one transaction per document, so a re-imported plan never shows half old, half new rows) and dropping
what is gone.  A bulk run also imports each document as soon as it is written, so the final sync only
checks sizes and times.  Full-text search runs on solutions and weaknesses (FTS5): ``search("một cửa")``
finds "Bộ phận Một cửa" but not "của", and ``search("mot cua")``, typed without tone marks, finds both.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractor.schema import Extraction

STORE_NAME = "plans.sqlite"
RECORDS_NAME = "records.jsonl"
STORE_VERSION = "2"
BATCH = 200  # documents a bulk run writes in one transaction

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,              -- output name without .json: 'kh-18-snn', 'kh-18-snn-2'
    path TEXT NOT NULL, sha256 TEXT NOT NULL, format TEXT, pages INTEGER,
    number TEXT, type TEXT, title TEXT, issuer TEXT, place TEXT, issued_date TEXT, year INTEGER,
    indices TEXT NOT NULL,            -- JSON list of index codes
    signer_name TEXT, signer_title TEXT, signer_authority TEXT,
    recipients TEXT NOT NULL, warnings TEXT NOT NULL,   -- JSON lists
    error_code TEXT,                  -- first E00x code when the file could not be read
    record_count INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS documents_sha256 ON documents(sha256);
CREATE INDEX IF NOT EXISTS documents_issuer ON documents(issuer);
CREATE INDEX IF NOT EXISTS documents_number ON documents(number);
CREATE TABLE IF NOT EXISTS based_on (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, type TEXT, number TEXT, date TEXT, issuer TEXT,
    number_key TEXT,                  -- number without spaces, upper case: '126/KH-UBND'
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS based_on_number ON based_on(number_key);
CREATE TABLE IF NOT EXISTS records (
    rowid INTEGER PRIMARY KEY,        -- internal, for full-text search only; the key is (document_id, ordinal)
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, record_id TEXT NOT NULL, kind TEXT NOT NULL,
    index_code TEXT, criterion TEXT, weakness TEXT, solution TEXT NOT NULL, product TEXT,
    timeline_raw TEXT, timeline_kind TEXT NOT NULL, timeline_start TEXT, timeline_end TEXT,
    span_page INTEGER, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL,
    data TEXT NOT NULL,               -- the record as in the contract (JSON)
    UNIQUE (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS records_index ON records(index_code);
CREATE INDEX IF NOT EXISTS records_timeline ON records(timeline_kind, timeline_end);
CREATE TABLE IF NOT EXISTS units (
    document_id TEXT NOT NULL, record_ordinal INTEGER NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'coordinating')), position INTEGER NOT NULL,
    name TEXT NOT NULL,               -- as written
    key TEXT NOT NULL,                -- NFC, case-folded, spaces collapsed: groups 'Văn phòng Sở' with 'văn phòng sở'
    PRIMARY KEY (document_id, record_ordinal, role, position),
    FOREIGN KEY (document_id, record_ordinal) REFERENCES records(document_id, ordinal) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS units_key ON units(role, key);
CREATE TABLE IF NOT EXISTS scores (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL, index_code TEXT NOT NULL, year INTEGER, value REAL NOT NULL,
    unit TEXT, change REAL, rank INTEGER,
    PRIMARY KEY (document_id, ordinal)
);
CREATE INDEX IF NOT EXISTS scores_index ON scores(index_code, year);
CREATE TABLE IF NOT EXISTS sync_state (   -- bookkeeping only: which JSON file state a document came from
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    json_size INTEGER NOT NULL, json_mtime_ns INTEGER NOT NULL
);
-- two full-text indexes: with the tone marks ('cửa' is not 'của') and without them, for queries typed without
CREATE VIRTUAL TABLE IF NOT EXISTS records_fts USING fts5(
    solution, weakness, content='records', content_rowid='rowid', tokenize='unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE IF NOT EXISTS records_fts_folded USING fts5(
    solution, weakness, content='records', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
);
-- the triggers keep both indexes in step row by row; a bulk run drops them and rebuilds the indexes once at the
-- end (Store.defer_search_index), which costs a tenth of the row-by-row upkeep
CREATE TRIGGER IF NOT EXISTS records_fts_insert AFTER INSERT ON records BEGIN
    INSERT INTO records_fts(rowid, solution, weakness) VALUES (new.rowid, new.solution, new.weakness);
    INSERT INTO records_fts_folded(rowid, solution, weakness) VALUES (new.rowid, new.solution, new.weakness);
END;
CREATE TRIGGER IF NOT EXISTS records_fts_delete AFTER DELETE ON records BEGIN
    INSERT INTO records_fts(records_fts, rowid, solution, weakness)
    VALUES ('delete', old.rowid, old.solution, old.weakness);
    INSERT INTO records_fts_folded(records_fts_folded, rowid, solution, weakness)
    VALUES ('delete', old.rowid, old.solution, old.weakness);
END;
"""
FTS_TABLES = ("records_fts", "records_fts_folded")
FTS_TRIGGERS = ("records_fts_insert", "records_fts_delete")

# the tables whose contents are the data (sync_state and meta are bookkeeping)
CONTENT_TABLES = ("documents", "based_on", "records", "units", "scores")


def unit_key(name: str) -> str:
    """The grouping key of a unit name.

    >>> unit_key("  Văn phòng   SỞ ")
    'văn phòng sở'
    """
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def number_key(number: str | None) -> str | None:
    """The grouping key of a document number: '126 / KH-UBND' and '126/kh-ubnd' are one plan.

    >>> number_key("126 / kh-UBND")
    '126/KH-UBND'
    """
    if not number:
        return None
    return "".join(unicodedata.normalize("NFC", number).split()).upper()


@dataclass(frozen=True)
class DocumentRows:
    """Everything one document puts in the database, ready for ``executemany`` (picklable, so a worker
    process can build it and the parent only inserts)."""

    document: tuple[Any, ...]
    based_on: list[tuple[Any, ...]]
    records: list[tuple[Any, ...]]
    units: list[tuple[Any, ...]]
    scores: list[tuple[Any, ...]]

    @property
    def document_id(self) -> str:
        return str(self.document[0])


def rows_for(extraction: Extraction, document_id: str) -> DocumentRows:
    """Turn one extraction into rows; ``document_id`` is its output name without ``.json``."""
    src, doc = extraction.source, extraction.document
    errors = [w.split(":", 1)[0] for w in extraction.warnings if w.startswith("E")]
    signer = doc.signer
    document = (
        document_id, src.path, src.sha256, src.format, src.pages,
        doc.number, doc.type, doc.title, doc.issuer, doc.place, doc.issued_date, doc.year,
        json.dumps([i.value for i in doc.indices]),
        signer.name if signer else None, signer.title if signer else None, signer.authority if signer else None,
        json.dumps(doc.recipients, ensure_ascii=False), json.dumps(extraction.warnings, ensure_ascii=False),
        errors[0] if errors else None, len(extraction.records),
    )
    based_on = [
        (document_id, i, b.type, b.number, b.date, b.issuer, number_key(b.number)) for i, b in enumerate(doc.based_on)
    ]
    records: list[tuple[Any, ...]] = []
    units: list[tuple[Any, ...]] = []
    for i, r in enumerate(extraction.records):
        t = r.timeline
        records.append((
            document_id, i, r.id, r.kind.value, r.index.value if r.index else None, r.criterion, r.weakness,
            r.solution, r.product, t.raw, t.kind.value, t.start, t.end, r.span.page, r.span.start, r.span.end,
            r.model_dump_json(),
        ))
        for role, names in (("lead", r.lead_units), ("coordinating", r.coordinating_units)):
            units.extend((document_id, i, role, k, name, unit_key(name)) for k, name in enumerate(names))
    scores = [
        (document_id, i, s.index.value, s.year, s.value, s.unit, s.change, s.rank)
        for i, s in enumerate(extraction.scores)
    ]
    return DocumentRows(document, based_on, records, units, scores)


@dataclass
class SyncResult:
    imported: int = 0
    removed: int = 0
    unchanged: int = 0
    invalid: list[str] | None = None


class Store:
    """One open ``plans.sqlite``; create it, replace documents, search, export."""

    def __init__(self, path: Path | str, _joined: bool = False) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(self.path, isolation_level=None)  # explicit transactions only
        self.db.execute("PRAGMA foreign_keys = ON")
        self.db.execute("PRAGMA journal_mode = WAL")  # a reader never blocks the importing run
        self.db.execute("PRAGMA synchronous = NORMAL")  # durable against kill -9; only power loss may lose the tail
        self.db.execute(f"PRAGMA busy_timeout = {60_000 if _joined else 10_000}")
        self.search_deferred = False
        self._pending: list[tuple[DocumentRows, int | None, int | None]] = []
        self._flushed = time.monotonic()
        if _joined:
            return
        self.db.executescript(SCHEMA)
        row = self.db.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
        stale = self.db.execute("SELECT 1 FROM meta WHERE key = 'search_index_stale'").fetchone()
        if (row is not None and row[0] != STORE_VERSION) or stale:  # an older store, or a bulk run killed midway
            self.rebuild_search_index()
        self.db.execute("INSERT OR REPLACE INTO meta VALUES ('store_version', ?)", (STORE_VERSION,))

    @classmethod
    def joined(cls, path: Path | str) -> Store:
        """A second connection to a store another one has opened (a bulk run's worker): documents only.

        It neither creates the schema nor repairs the search index, which would put back the triggers
        the run dropped while it imports (:meth:`defer_search_index`); it waits longer for the write lock.
        """
        return cls(path, _joined=True)

    def close_quietly(self) -> None:
        """Commit what is queued and close, without raising (a worker's exit: the final sync repairs a loss)."""
        with contextlib.suppress(sqlite3.Error):
            self.flush()
        self.db.close()

    def defer_search_index(self) -> None:
        """Stop updating full-text search row by row until :meth:`rebuild_search_index` (bulk imports).

        The mark that the index is stale is committed first, so a run killed before the rebuild leaves
        a store whose next opening rebuilds it; searches in between miss the newest documents.
        """
        if self.search_deferred:
            return
        self.flush()
        self._transaction(
            "INSERT OR REPLACE INTO meta VALUES ('search_index_stale', '1')",
            *(f"DROP TRIGGER IF EXISTS {trigger}" for trigger in FTS_TRIGGERS),
        )
        self.search_deferred = True

    def rebuild_search_index(self) -> None:
        """Rebuild both full-text indexes from the records and restore the row-by-row triggers."""
        self.flush()
        self.db.executescript(SCHEMA)  # re-creates the dropped triggers (everything else exists)
        self._transaction(
            *(f"INSERT INTO {table}({table}) VALUES ('rebuild')" for table in FTS_TABLES),
            "DELETE FROM meta WHERE key = 'search_index_stale'",
        )
        self.search_deferred = False

    def _transaction(self, *statements: str) -> None:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for statement in statements:
                self.db.execute(statement)
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def close(self) -> None:
        self.flush()
        if self.search_deferred:
            self.rebuild_search_index()
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def replace(
        self,
        rows: DocumentRows,
        json_size: int | None = None,
        json_mtime_ns: int | None = None,
        defer: bool = False,
        max_age: float | None = None,
    ) -> None:
        """Put one document in, replacing whatever it had before, all or nothing.

        ``defer=True`` queues the document so that a bulk run writes many at once (:meth:`flush`, or
        every :data:`BATCH` documents): one statement per table for the whole batch instead of six per
        document.  A batch is one transaction, so each document is still all or nothing, and one lost
        in a crash before the commit is imported again by the next :meth:`sync` (its JSON file is there).
        ``max_age``: also commit once the queue's oldest write is that many seconds old (a bulk run's
        database trails its JSON files by a second at most).
        """
        self._pending.append((rows, json_size, json_mtime_ns))
        stale = max_age is not None and time.monotonic() - self._flushed > max_age
        if not defer or len(self._pending) >= BATCH or stale:
            self.flush()

    def flush(self) -> None:
        """Write and commit the documents :meth:`replace` queued.

        If the batch fails (a row breaks a constraint), it is written again one document at a time,
        so that the good documents land and the error names the bad one.
        """
        pending, self._pending = self._pending, []
        self._flushed = time.monotonic()
        if not pending:
            return
        try:
            self._write(pending)
        except sqlite3.Error:
            if len(pending) == 1:
                raise
            failure: sqlite3.Error | None = None
            for item in pending:
                try:
                    self._write([item])
                except sqlite3.Error as exc:
                    failure = failure or exc
            if failure is not None:
                raise failure from None

    def _write(self, items: list[tuple[DocumentRows, int | None, int | None]]) -> None:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            docs = [rows for rows, _, _ in items]
            # deleting a document cascades to every child table
            db.executemany("DELETE FROM documents WHERE id = ?", [(rows.document_id,) for rows in docs])
            width = len(docs[0].document)
            db.executemany(f"INSERT INTO documents VALUES ({', '.join('?' * width)})", [r.document for r in docs])
            db.executemany("INSERT INTO based_on VALUES (?, ?, ?, ?, ?, ?, ?)", [x for r in docs for x in r.based_on])
            db.executemany(
                "INSERT INTO records (document_id, ordinal, record_id, kind, index_code, criterion, weakness, "
                "solution, product, timeline_raw, timeline_kind, timeline_start, timeline_end, span_page, "
                "span_start, span_end, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [x for r in docs for x in r.records],
            )
            db.executemany("INSERT INTO units VALUES (?, ?, ?, ?, ?, ?)", [x for r in docs for x in r.units])
            db.executemany("INSERT INTO scores VALUES (?, ?, ?, ?, ?, ?, ?, ?)", [x for r in docs for x in r.scores])
            db.executemany(
                "INSERT INTO sync_state VALUES (?, ?, ?)",
                [(r.document_id, size, mtime) for r, size, mtime in items if size is not None and mtime is not None],
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def remove(self, document_id: str) -> None:
        self.flush()
        self.db.execute("DELETE FROM documents WHERE id = ?", (document_id,))

    def sync_state(self, document_id: str) -> tuple[int, int] | None:
        self.flush()
        row = self.db.execute(
            "SELECT json_size, json_mtime_ns FROM sync_state WHERE document_id = ?", (document_id,)
        ).fetchone()
        return (int(row[0]), int(row[1])) if row else None

    def sync(self, out_dir: Path) -> SyncResult:
        """Make the database equal to the ``*.json`` outputs in ``out_dir`` (new, changed and deleted files)."""
        result = SyncResult(invalid=[])
        present: set[str] = set()
        self.flush()
        known = {  # one query, not one per file: a bulk run ends with a sync over every output
            str(doc_id): (int(size), int(mtime))
            for doc_id, size, mtime in self.db.execute("SELECT document_id, json_size, json_mtime_ns FROM sync_state")
        }
        for entry in sorted(os.scandir(out_dir), key=lambda e: e.name):
            if not entry.name.endswith(".json") or entry.name.startswith(".") or not entry.is_file():
                continue
            doc_id = entry.name[: -len(".json")]
            present.add(doc_id)
            st = entry.stat()
            if known.get(doc_id) == (st.st_size, st.st_mtime_ns):
                result.unchanged += 1
                continue
            try:
                extraction = Extraction.model_validate_json(Path(entry.path).read_bytes())
            except (ValueError, OSError):
                assert result.invalid is not None
                result.invalid.append(entry.name)  # not one of ours (or hand-edited): leave it out of the store
                self.remove(doc_id)
                continue
            self.replace(rows_for(extraction, doc_id), st.st_size, st.st_mtime_ns, defer=True)
            result.imported += 1
        for (doc_id,) in self.db.execute("SELECT id FROM documents ORDER BY id").fetchall():
            if doc_id not in present:
                self.remove(doc_id)
                result.removed += 1
        self.flush()
        return result

    def export_records(self, target: Path) -> int:
        """Write ``records.jsonl``: one record a line with its document's id, number and issuer (atomically)."""
        self.flush()
        return _export_records(self.db, target)

    def export_records_beside(self, target: Path) -> Callable[[], int]:
        """Start :meth:`export_records` on a second connection in a thread; returns a join that gives the count.

        Why: at the end of a bulk run the export only reads ``records`` and ``documents`` while the
        search index is rebuilt (``close``): in WAL mode the two overlap, and SQLite does both with the
        GIL released, so the run ends a third sooner.
        """
        self.flush()
        box: list[int | BaseException] = []

        def work() -> None:
            try:
                db = sqlite3.connect(self.path)
                try:
                    box.append(_export_records(db, target))
                finally:
                    db.close()
            except BaseException as exc:  # handed to the caller by join()
                box.append(exc)

        thread = threading.Thread(target=work, name="records.jsonl")
        thread.start()

        def join() -> int:
            thread.join()
            if isinstance(box[0], BaseException):
                raise box[0]
            return box[0]

        return join

    def counts(self) -> dict[str, int]:
        self.flush()
        return {t: int(self.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in CONTENT_TABLES}

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every content table, sorted, without internal row ids: two stores with equal dumps hold the same data."""
        self.flush()
        out: dict[str, list[tuple[Any, ...]]] = {}
        for table in CONTENT_TABLES:
            cols = [r[1] for r in self.db.execute(f"PRAGMA table_info({table})") if r[1] != "rowid"]
            rows = self.db.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out

    def search(self, query: str, limit: int = 20, index: str | None = None) -> list[dict[str, Any]]:
        """Full-text search over solutions and weaknesses, best match first.

        A query with tone marks matches them exactly ("cửa" does not find "của"); one typed without any
        ("mot cua") matches every accented form.  FTS5 syntax works (``"một cửa" OR "liên thông"``);
        anything FTS5 cannot parse, such as "126/KH-UBND", is searched as plain words instead.
        """
        self.flush()
        folded = query.isascii()
        try:
            return list(self._search(query, limit, index, folded))
        except sqlite3.OperationalError:
            quoted = " ".join('"' + word.replace('"', '""') + '"' for word in query.split())
            return list(self._search(quoted, limit, index, folded)) if quoted else []

    def _search(self, query: str, limit: int, index: str | None, folded: bool) -> Iterator[dict[str, Any]]:
        fts = FTS_TABLES[1] if folded else FTS_TABLES[0]
        sql = (
            "SELECT d.id, d.number, d.issuer, r.record_id, r.index_code, r.kind, r.solution, r.weakness, "
            f"snippet({fts}, -1, '[', ']', '…', 16), bm25({fts}) AS rank "
            f"FROM {fts} JOIN records r ON r.rowid = {fts}.rowid "
            f"JOIN documents d ON d.id = r.document_id WHERE {fts} MATCH ?"
        )
        args: list[Any] = [query]
        if index:
            sql += " AND r.index_code = ?"
            args.append(index)
        sql += " ORDER BY rank, d.id, r.ordinal LIMIT ?"
        args.append(limit)
        for row in self.db.execute(sql, args).fetchall():
            yield {
                "document_id": row[0], "document_number": row[1], "document_issuer": row[2], "record_id": row[3],
                "index": row[4], "kind": row[5], "solution": row[6], "weakness": row[7], "snippet": row[8],
            }


def open_synced(out_dir: Path) -> Store:
    """The store of ``out_dir``, brought up to date with its JSON files first (cheap when nothing changed)."""
    store = Store(out_dir / STORE_NAME)
    result = store.sync(out_dir)
    if result.imported or result.removed or not (out_dir / RECORDS_NAME).exists():
        store.export_records(out_dir / RECORDS_NAME)
    return store


def _export_records(db: sqlite3.Connection, target: Path) -> int:
    tmp = target.with_name(f".{target.name}.tmp")
    n = 0
    head_of: tuple[str, str] = ("", "")  # (document id, its keys as JSON): the rows come document by document
    with tmp.open("w", encoding="utf-8") as fh:
        for doc_id, number, issuer, data in db.execute(
            "SELECT d.id, d.number, d.issuer, r.data FROM records r JOIN documents d ON d.id = r.document_id "
            "ORDER BY d.id, r.ordinal"
        ):
            if head_of[0] != doc_id:
                head = json.dumps(
                    {"document_id": doc_id, "document_number": number, "document_issuer": issuer},
                    ensure_ascii=False, separators=(",", ":"),
                )
                head_of = (doc_id, head[:-1] + ",")
            fh.write(head_of[1] + data[1:] + "\n")  # the record's own keys follow the document's
            n += 1
    os.replace(tmp, target)
    return n
