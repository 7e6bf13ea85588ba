"""Properties over generated data: every broken dataset is either still valid or refused with a
DataError, never any other exception."""

from __future__ import annotations

import copy
import tempfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from generated import datasets
from hypothesis import given, settings
from hypothesis import strategies as st

from rolereport import DataError, load_dataset

# Mutations of a valid dataset


def _containers(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every mapping and list in the data, with its key path."""
    found = [(path, node)]
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, (dict, list)):
            child = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
            found += _containers(value, child.lstrip("."))
    return found


WRONG = st.sampled_from([None, 42, -1, 3.5, True, "text", "2024-01-01", [], {}, ["a"], {"a": 1}])


@st.composite
def mutated(draw) -> tuple[str, dict[str, Any]]:
    data = copy.deepcopy(draw(datasets()))
    kind = draw(
        st.sampled_from(["delete", "wrong-type", "percentiles", "unknown-source", "unknown-key"])
    )
    if kind == "percentiles":
        salary = draw(st.sampled_from(data["roles"]))["salary"]
        salary["p90"] = salary["median"] + 10
        salary["p10"] = salary["median"] + 20  # p10 above the median
        return kind, data
    if kind == "unknown-source":
        draw(st.sampled_from(data["roles"]))["salary"]["source"] = "no-such-source"
        return kind, data
    maps = [node for _, node in _containers(data) if isinstance(node, dict) and node]
    target = draw(st.sampled_from(maps))
    if kind == "unknown-key":
        target["colour"] = draw(WRONG)
    elif kind == "delete":
        del target[draw(st.sampled_from(sorted(target)))]
    else:
        target[draw(st.sampled_from(sorted(target)))] = draw(WRONG)
    return kind, data


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(max_examples=60, deadline=None, database=None)
@given(case=mutated())
def test_a_mutated_dataset_loads_or_raises_a_data_error_with_a_message(folder, case):
    kind, data = case
    path = folder / "data.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_dataset(path)
    except DataError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        assert str(exc).startswith(str(path))
        if kind == "percentiles":
            assert ".salary." in str(exc) and "must be at least" in str(exc)
        if kind == "unknown-source":
            assert "unknown source 'no-such-source'" in str(exc)
        if kind == "unknown-key":
            assert "colour: unknown key" in str(exc)
    else:
        assert kind in ("delete", "wrong-type")  # an optional key, or a value still allowed
