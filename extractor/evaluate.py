"""Gold ↔ prediction scoring: record precision / recall / F1 and the accuracy of every field.

Why our own and not only ``shared/tools/score.py``: the team's corpus gold is in the full contract
format (whole solutions, criterion, product, dates, signer), so we score those fields too; records
are matched exactly as score.py matches them (similarity of the gold solution's first 60 characters
to the start of the predicted solution, ≥ 0.8, greedy), so both tools agree on what matched.
Example: gold "Tăng cường niêm yết công khai…" matches a prediction starting "Tăng cường niêm yết…".
"""

from __future__ import annotations

import json
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

import regex

PREFIX = 60
MATCH_THRESHOLD = 0.8
UNIT_THRESHOLD = 0.9
RECORD_FIELDS = (
    "kind", "index", "weakness", "timeline_raw", "timeline_kind", "lead", "coord",
    "criterion", "product", "timeline_start", "timeline_end", "solution",
)
DOC_FIELDS = (
    "number", "issuer", "issued_date", "year", "indices", "type", "place", "title", "signer", "recipients",
    "based_on",
)


def norm(s: object) -> str:
    if s is None:
        return ""
    text = unicodedata.normalize("NFC", str(s)).lower()
    return regex.sub(r"[\s\u00a0]+", " ", text).strip(" .;:,-*+")


def sim(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def set_f1(gold: set[str], pred: set[str], threshold: float = UNIT_THRESHOLD) -> float:
    if not gold and not pred:
        return 1.0
    if not gold or not pred:
        return 0.0
    rec = sum(1 for g in gold if any(sim(g, p) >= threshold for p in pred)) / len(gold)
    prec = sum(1 for p in pred if any(sim(g, p) >= threshold for g in gold)) / len(pred)
    return 0.0 if prec + rec == 0 else 2 * prec * rec / (prec + rec)


def _units(units: list[str] | None) -> set[str]:
    return {norm(u) for u in units or [] if norm(u)}


def _citations(document: dict[str, Any]) -> set[str]:
    return {norm(b.get("number") or b.get("date")) for b in document.get("based_on") or []}


def gold_record(r: dict[str, Any]) -> dict[str, Any]:
    """A gold record in either format as the flat dict the scorer compares."""
    if "solution_prefix" in r:
        return {
            "prefix": r["solution_prefix"], "kind": r.get("kind"), "index": r.get("index"),
            "weakness": bool(r.get("has_weakness")), "timeline_raw": r.get("timeline_raw"),
            "timeline_kind": r.get("timeline_kind") or "unspecified",
            "lead": r.get("lead_units"), "coord": r.get("coordinating_units"),
        }
    return {**pred_record(r), "prefix": " ".join((r.get("solution") or "").split())[:PREFIX]}


def pred_record(r: dict[str, Any]) -> dict[str, Any]:
    tl = r.get("timeline") or {}
    return {
        "kind": r.get("kind"), "index": r.get("index"), "weakness": bool(r.get("weakness")),
        "timeline_raw": tl.get("raw"), "timeline_kind": tl.get("kind") or "unspecified",
        "timeline_start": tl.get("start"), "timeline_end": tl.get("end"),
        "lead": r.get("lead_units"), "coord": r.get("coordinating_units"),
        "criterion": r.get("criterion"), "product": r.get("product"), "solution": r.get("solution"),
    }


def match(gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> list[tuple[int, int]]:
    pairs: list[tuple[float, int, int]] = []
    for gi, g in enumerate(gold):
        gp = norm(g["prefix"])
        for pi, p in enumerate(pred):
            ps = norm(p.get("solution"))[: len(gp) + 10]
            s = max(sim(gp, ps[: len(gp)]), sim(gp, ps))
            if s >= MATCH_THRESHOLD:
                pairs.append((s, gi, pi))
    pairs.sort(key=lambda t: (-t[0], t[1], t[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out: list[tuple[int, int]] = []
    for _, gi, pi in pairs:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def compare_field(name: str, g: dict[str, Any], p: dict[str, Any]) -> float | None:
    """1.0/0.0 (or an F1 for unit lists); None when the gold format does not carry the field."""
    if name not in g:
        return None
    if name in ("lead", "coord"):
        return set_f1(_units(g[name]), _units(p.get(name)))
    if name in ("timeline_raw", "criterion", "product", "solution"):
        a, b = norm(g[name]), norm(p.get(name))
        return float(a == b or (bool(a) and bool(b) and sim(a, b) >= UNIT_THRESHOLD))
    return float(g[name] == p.get(name))


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, Any]:
    grecs = [gold_record(r) for r in gold.get("records", [])]
    precs = [pred_record(r) for r in pred.get("records", []) if r.get("kind") in ("task", "responsibility")]
    pairs = match(grecs, precs)
    fields: dict[str, list[float]] = {k: [] for k in RECORD_FIELDS}
    for gi, pi in pairs:
        for name in RECORD_FIELDS:
            value = compare_field(name, grecs[gi], precs[pi])
            if value is not None:
                fields[name].append(value)
    gd, pd = gold.get("document") or {}, pred.get("document") or {}
    doc: dict[str, float] = {}
    for name in DOC_FIELDS:
        if name not in gd:
            continue
        if name == "indices":
            doc[name] = set_f1(set(gd.get(name) or []), set(pd.get(name) or []), 1.0)
        elif name == "recipients":
            doc[name] = set_f1(_units(gd.get(name)), _units(pd.get(name)))
        elif name == "based_on":
            doc[name] = set_f1(_citations(gd), _citations(pd), 1.0)
        elif name == "signer":
            keys = ("name", "title", "authority")
            gs, ps = gd.get(name) or {}, pd.get(name) or {}
            doc[name] = float(all(norm(gs.get(k)) == norm(ps.get(k)) for k in keys))
        elif name in ("issuer", "title"):
            doc[name] = float(sim(norm(gd.get(name)), norm(pd.get(name))) >= 0.85)
        else:
            doc[name] = float(norm(gd.get(name)) == norm(pd.get(name)))
    return {"gold": len(grecs), "pred": len(precs), "matched": len(pairs), "fields": fields, "doc": doc}


def _prf(gold: int, pred: int, matched: int) -> dict[str, float]:
    p = matched / pred if pred else (1.0 if not gold else 0.0)
    r = matched / gold if gold else (1.0 if not pred else 0.0)
    return {"precision": p, "recall": r, "f1": 0.0 if p + r == 0 else 2 * p * r / (p + r)}


def evaluate(pairs: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> dict[str, Any]:
    """Metrics over (name, gold, prediction) triples: per document and overall."""
    per: dict[str, Any] = {}
    tot = {"gold": 0, "pred": 0, "matched": 0}
    fields: dict[str, list[float]] = {k: [] for k in RECORD_FIELDS}
    docf: dict[str, list[float]] = {}
    for name, gold, pred in pairs:
        r = score_document(gold, pred)
        per[name] = {**{k: r[k] for k in tot}, **_prf(r["gold"], r["pred"], r["matched"])}
        for k in tot:
            tot[k] += r[k]
        for k, v in r["fields"].items():
            fields[k].extend(v)
        for k, v in r["doc"].items():
            docf.setdefault(k, []).append(v)
    return {
        "records": tot,
        **_prf(tot["gold"], tot["pred"], tot["matched"]),
        "field_accuracy": {k: sum(v) / len(v) for k, v in fields.items() if v},
        "field_e2e": {k: sum(v) / tot["gold"] for k, v in fields.items() if v and tot["gold"]},
        "document": {k: sum(v) / len(v) for k, v in docf.items()},
        "per_document": per,
    }


def evaluate_dirs(gold_dir: Path, pred_dir: Path) -> dict[str, Any]:
    """Score every ``GOLD_DIR/<name>.json`` against ``PRED_DIR/<name>.json`` (missing = no records)."""
    triples = []
    for gpath in sorted(gold_dir.glob("*.json")):
        gold = json.loads(gpath.read_text(encoding="utf-8"))
        ppath = pred_dir / gpath.name
        try:
            pred = json.loads(ppath.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pred = {"records": [], "document": {}}
        triples.append((gpath.stem, gold, pred))
    return evaluate(triples)


def format_report(report: dict[str, Any]) -> str:
    lines = []
    for name, d in report["per_document"].items():
        lines.append(
            f"{name:44s} gold={d['gold']:3d} pred={d['pred']:3d} matched={d['matched']:3d} F1={d['f1']:.3f}"
        )
    lines.append("fields (matched): " + " ".join(f"{k}={v:.3f}" for k, v in report["field_accuracy"].items()))
    lines.append("document: " + " ".join(f"{k}={v:.3f}" for k, v in report["document"].items()))
    lines.append(f"record P={report['precision']:.3f} R={report['recall']:.3f} F1={report['f1']:.3f}")
    return "\n".join(lines)
