"""Shared fixtures: the default dataset, brand and report, and access to external tools."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rolereport import build_report, load_brand, load_dataset

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
DATASET = ROOT / "src" / "rolereport" / "datasets" / "ai-engineer-vs-data-scientist.yml"


def require_tool(name: str) -> str:
    """The path of an external program; in CI a missing one fails the test, elsewhere skips."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt-get install it; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DATASET)


@pytest.fixture(scope="session")
def theme():
    return load_brand(ASSETS)


@pytest.fixture(scope="session")
def report(dataset):
    return build_report(dataset)


@pytest.fixture
def data_text() -> str:
    return DATASET.read_text(encoding="utf-8")
