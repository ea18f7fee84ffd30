"""The row record's JSON Schema: shipped in the package, in step with Recommendation, and met by the output."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import tomllib

from conftest import ROOT
from extract import FIELDS
from extract.records import Recommendation
from extract.schema import SCHEMA_FILE, recommendation_schema
from extract.writers import write

jsonschema = pytest.importorskip("jsonschema")


@pytest.fixture(scope="module")
def validator():
    schema = recommendation_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def test_schema_is_draft_2020_12_and_matches_the_record():
    schema = recommendation_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert list(schema["properties"]) == list(FIELDS)
    assert schema["required"] == list(FIELDS)
    assert schema["additionalProperties"] is False


def test_schema_ships_as_package_data():
    assert resources.files("extract.schema").joinpath(SCHEMA_FILE).is_file()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert SCHEMA_FILE.endswith(".json")
    assert "*.json" in config["tool"]["setuptools"]["package-data"]["extract.schema"]


def test_jsonl_from_samples_validates(tmp_path, validator, sample_results):
    dest = tmp_path / "rows.jsonl"
    results = sample_results
    count = write(results, dest)
    lines = dest.read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == sum(len(r.rows) for r in results) >= 50
    for line in lines:
        errors = sorted(validator.iter_errors(json.loads(line)), key=str)
        assert not errors, f"{errors[0].json_path}: {errors[0].message}"


def enriched(**changes) -> dict:
    row = Recommendation(
        source="a.pdf",
        rec_id="1",
        recommendation="r",
        progress="p",
        responsible="Jo",
        timescale="March 2024",
        status="On track",
        committee="C",
        meeting_date="2024-01-10",
        title="T",
        format="pdf",
        page_first=1,
        page_last=2,
        status_fill="FFC000",
        due_date="2024-03-31",
        due_date_note="end of month",
        status_norm="in_progress",
        status_source="status_column",
        rag="amber",
        overdue=True,
        owners=({"name": "Jo", "type": "person"},),
        mentions=({"text": "Jo", "kind": "person"},),
    )
    return {**row.to_dict(), **changes}


def test_a_fully_enriched_row_validates(validator):
    assert not list(validator.iter_errors(enriched()))
    assert not list(validator.iter_errors(enriched(due_date=None, rag="", status_fill="", page_first=None)))


@pytest.mark.parametrize(
    "changes",
    [
        {"status_norm": "done"},
        {"status_source": "guess"},
        {"rag": "blue"},
        {"due_date": "March 2024"},
        {"meeting_date": "12 January 2024"},
        {"overdue": "yes"},
        {"owners": [{"name": "Jo"}]},
        {"owners": ["Jo"]},
        {"page_first": 0},
        {"table_index": -1},
        {"unexpected": 1},
    ],
)
def test_bad_rows_are_rejected(validator, changes):
    assert list(validator.iter_errors(enriched(**changes)))


def test_missing_key_is_rejected(validator):
    row = enriched()
    del row["status_norm"]
    assert list(validator.iter_errors(row))
