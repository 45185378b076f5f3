"""The pydantic models are the contract: the committed JSON Schema must be what they export."""

from __future__ import annotations

import json

import pytest
from pydantic import ValidationError

from extractor.pipeline import extract
from extractor.schema import Extraction, json_schema
from tests.conftest import CORPUS, ROOT


def test_committed_schema_matches_models() -> None:
    committed = json.loads((ROOT / "schema" / "extraction.schema.json").read_text(encoding="utf-8"))
    assert committed == json_schema(), "schema drifted: run `make schema` and review the diff"


def test_output_round_trips_through_the_schema() -> None:
    plan = next((CORPUS / "plans").glob("a01_*.txt"))
    data = json.loads(extract(plan).model_dump_json())
    assert Extraction.model_validate(data).schema_version == "1"


def test_unknown_fields_are_rejected() -> None:
    data = json.loads(extract(next((CORPUS / "plans").glob("a01_*.txt"))).model_dump_json())
    data["records"][0]["surprise"] = 1
    with pytest.raises(ValidationError):
        Extraction.model_validate(data)
