"""The data file's JSON Schema and the description of each key, both read off the typed model."""

from __future__ import annotations

import re
from typing import Any

from ..files.problems import model_in
from ..text import labels
from .facts import Dataset


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the data file, with a description for every key."""
    schema = Dataset.model_json_schema()
    # Every label key with its English text, so that editors complete and check them.
    texts = labels.english()
    schema["properties"]["labels"] |= {
        "properties": {k: {"type": "string", "description": v} for k, v in texts.items()},
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "rolereport data file (format rolereport/1)",
        **{k: v for k, v in schema.items() if k != "title"},
    }


def describe(path: str) -> str:
    """The description of a key path such as `roles[0].salary.p90` (indexes are ignored)."""
    model: Any = Dataset
    parts = [p for p in re.split(r"\[\d+\]|\.", path) if p]
    text = ""
    for part in parts:
        if model is None or part not in model.model_fields:
            return ""
        field = model.model_fields[part]
        text = field.description or ""
        model = model_in(field.annotation)
    return text
