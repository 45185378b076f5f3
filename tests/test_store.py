"""The SQLite store: rows equal the JSON files, one transaction per document, full-text search, export."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from extractor.pipeline import extract
from extractor.schema import Extraction
from extractor.store import CONTENT_TABLES, RECORDS_NAME, STORE_NAME, Store, open_synced, rows_for
from tests.conftest import CORPUS

PLANS = sorted((CORPUS / "plans").glob("a0*.txt"))[:4]


@pytest.fixture()
def out(tmp_path: Path) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for plan in PLANS:
        (folder / f"{plan.stem}.json").write_text(extract(plan).model_dump_json(indent=1), encoding="utf-8")
    return folder


def _load(path: Path) -> Extraction:
    return Extraction.model_validate_json(path.read_bytes())


def test_sync_imports_every_json_and_counts_match(out: Path) -> None:
    with Store(out / STORE_NAME) as store:
        result = store.sync(out)
        counts = store.counts()
        docs = [_load(p) for p in sorted(out.glob("*.json"))]
        assert (result.imported, result.unchanged) == (len(PLANS), 0)
        assert counts["documents"] == len(docs)
        assert counts["records"] == sum(len(d.records) for d in docs)
        assert counts["units"] == sum(len(r.lead_units) + len(r.coordinating_units) for d in docs for r in d.records)
        assert counts["scores"] == sum(len(d.scores) for d in docs)
        again = store.sync(out)
        assert (again.imported, again.unchanged) == (0, len(PLANS))


def test_foreign_keys_and_indexes_exist(out: Path) -> None:
    with Store(out / STORE_NAME) as store:
        store.sync(out)
        db = store.db
        assert db.execute("PRAGMA foreign_keys").fetchone() == (1,)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("based_on", "records", "units", "scores"):
            assert db.execute(f"PRAGMA foreign_key_list({table})").fetchall(), table
        names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"records_index", "units_key", "documents_issuer", "based_on_number"} <= names


def test_reimport_replaces_rows_and_removed_files_are_dropped(out: Path) -> None:
    with Store(out / STORE_NAME) as store:
        store.sync(out)
        first = out / f"{PLANS[0].stem}.json"
        changed = _load(first)
        changed = changed.model_copy(update={"records": changed.records[:1]})
        first.write_text(changed.model_dump_json(), encoding="utf-8")
        os.utime(first, ns=(1, 1))  # a different time as well as a different size
        (out / f"{PLANS[1].stem}.json").unlink()
        result = store.sync(out)
        assert (result.imported, result.removed) == (1, 1)
        n = store.db.execute("SELECT count(*) FROM records WHERE document_id = ?", (PLANS[0].stem,)).fetchone()[0]
        assert n == 1
        assert store.counts()["documents"] == len(PLANS) - 1


def test_a_failed_reimport_leaves_the_old_rows(out: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Store(out / STORE_NAME) as store:
        store.sync(out)
        before = store.dump()
        rows = rows_for(_load(out / f"{PLANS[0].stem}.json"), PLANS[0].stem)
        broken = rows.__class__(rows.document, rows.based_on, rows.records, [("no", "such", "record")], rows.scores)
        with pytest.raises(sqlite3.Error):
            store.replace(broken)
        assert store.dump() == before


def test_full_text_search_ignores_accents_and_survives_odd_queries(out: Path) -> None:
    with open_synced(out) as store:
        exact = store.search("thủ tục hành chính", limit=50)
        loose = store.search("thu tuc hanh chinh", limit=50)
        assert exact and {(h["document_id"], h["record_id"]) for h in exact} <= {
            (h["document_id"], h["record_id"]) for h in store.search("thu tuc hanh chinh", limit=500)}
        assert len(loose) == len(exact)
        assert "[" in exact[0]["snippet"]
        assert store.search('"một cửa" OR "liên thông"')
        accented = store.search("cửa", limit=100)
        assert accented and all("cửa" in (h["solution"] + (h["weakness"] or "")).lower() for h in accented)
        assert len(store.search("cua", limit=500)) > len(accented)  # unaccented: "của" as well
        assert isinstance(store.search("126/KH-UBND AND ("), list)  # not FTS5 syntax: searched as plain words
        only = store.search("thủ tục", index="SIPAS", limit=50)
        assert only and {h["index"] for h in only} == {"SIPAS"}


def test_search_index_follows_deletes(out: Path) -> None:
    with open_synced(out) as store:
        assert store.search("thủ tục")
        for (doc_id,) in store.db.execute("SELECT id FROM documents").fetchall():
            store.remove(doc_id)
        assert store.search("thủ tục") == []
        for table in ("records_fts", "records_fts_folded"):
            store.db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")


def test_records_jsonl_has_each_record_with_its_document(out: Path) -> None:
    with open_synced(out) as store:
        n = store.counts()["records"]
    lines = [json.loads(x) for x in (out / RECORDS_NAME).read_text(encoding="utf-8").splitlines()]
    assert len(lines) == n
    first = _load(out / f"{PLANS[0].stem}.json")
    mine = [x for x in lines if x["document_id"] == PLANS[0].stem]
    assert mine[0]["document_number"] == first.document.number and mine[0]["document_issuer"] == first.document.issuer
    own = {k: v for k, v in mine[0].items() if not k.startswith("document_")}
    assert own == first.records[0].model_dump(mode="json")


def test_json_that_is_not_an_output_is_left_out(out: Path) -> None:
    (out / "notes.json").write_text('{"hello": 1}', encoding="utf-8")
    with Store(out / STORE_NAME) as store:
        result = store.sync(out)
        assert result.invalid == ["notes.json"] and store.counts()["documents"] == len(PLANS)


def test_dump_ignores_import_order(out: Path, tmp_path: Path) -> None:
    docs: dict[str, Any] = {p.stem: _load(p) for p in sorted(out.glob("*.json"))}
    with Store(tmp_path / "a.sqlite") as a, Store(tmp_path / "b.sqlite") as b:
        for k in sorted(docs):
            a.replace(rows_for(docs[k], k))
        for k in sorted(docs, reverse=True):
            b.replace(rows_for(docs[k], k))
        assert a.dump() == b.dump() and set(a.dump()) == set(CONTENT_TABLES)


def _search_ids(store: Store, query: str) -> set[tuple[str, str]]:
    return {(h["document_id"], h["record_id"]) for h in store.search(query, limit=500)}


def test_deferred_search_index_gives_the_same_hits_after_the_rebuild(out: Path, tmp_path: Path) -> None:
    """A bulk import skips the row-by-row search triggers; the rebuild at the end finds the same records."""
    with Store(tmp_path / "row-by-row.sqlite") as store:
        store.sync(out)
        expected = _search_ids(store, "thu tuc hanh chinh"), _search_ids(store, "cửa")
    with Store(tmp_path / "deferred.sqlite") as store:
        store.defer_search_index()
        store.sync(out)
        assert store.search_deferred
        store.rebuild_search_index()
        assert (_search_ids(store, "thu tuc hanh chinh"), _search_ids(store, "cửa")) == expected
        assert expected[0] and expected[1]


def test_a_run_killed_while_search_is_deferred_is_rebuilt_on_next_open(out: Path, tmp_path: Path) -> None:
    """Regression: the stale mark is committed before the triggers go, so the next opening repairs the index."""
    path = tmp_path / "killed.sqlite"
    store = Store(path)
    store.defer_search_index()
    store.sync(out)
    store.db.close()  # as a kill -9 would leave it: no rebuild, no close()
    with Store(path) as reopened:
        assert not reopened.search_deferred
        assert reopened.search("thủ tục hành chính")
        triggers = {r[0] for r in reopened.db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
        assert {"records_fts_insert", "records_fts_delete"} <= triggers


def test_a_batch_with_one_bad_document_still_stores_the_good_ones(out: Path) -> None:
    with Store(out / STORE_NAME) as store:
        good = [rows_for(_load(out / f"{p.stem}.json"), p.stem) for p in PLANS[:2]]
        rows = rows_for(_load(out / f"{PLANS[2].stem}.json"), PLANS[2].stem)
        broken = rows.__class__(rows.document, rows.based_on, rows.records, [("no", "such", "record")], rows.scores)
        store.replace(good[0], defer=True)
        store.replace(broken, defer=True)
        store.replace(good[1], defer=True)
        with pytest.raises(sqlite3.Error):
            store.flush()
        ids = {r[0] for r in store.db.execute("SELECT id FROM documents")}
        assert ids == {good[0].document_id, good[1].document_id}


def test_export_beside_the_rebuild_writes_what_export_writes(out: Path, tmp_path: Path) -> None:
    with open_synced(out) as store:
        store.export_records(tmp_path / "plain.jsonl")
        store.defer_search_index()
        join = store.export_records_beside(tmp_path / "beside.jsonl")
        store.rebuild_search_index()
        assert join() == len((tmp_path / "plain.jsonl").read_text(encoding="utf-8").splitlines())
    assert (tmp_path / "beside.jsonl").read_bytes() == (tmp_path / "plain.jsonl").read_bytes()


def test_export_beside_hands_its_error_to_the_caller(out: Path, tmp_path: Path) -> None:
    with open_synced(out) as store:
        join = store.export_records_beside(tmp_path / "no-such-folder" / "records.jsonl")
        with pytest.raises(OSError):
            join()
