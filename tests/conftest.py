"""Shared fixtures: the default dataset, brand and report, and access to external tools."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rolereport import build_report, load_brand, load_dataset

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
DATASET = ROOT / "src" / "rolereport" / "data" / "datasets" / "ai-engineer-vs-data-scientist.yml"


def pytest_configure(config: pytest.Config) -> None:
    """Every chart is drawn, in this process and in the CLI's: a test that compares two
    builds compares two drawings, never a drawing with its cached copy. The cache's own tests
    turn it on in a temporary folder."""
    os.environ["ROLEREPORT_CACHE_DIR"] = "off"


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


def cff_font(path: Path) -> Path:
    """A real OpenType font with CFF (PostScript) outlines: one glyph, a square."""
    from fontTools.fontBuilder import FontBuilder
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    pen = T2CharStringPen(600, None)
    pen.moveTo((100, 0))
    pen.lineTo((500, 0))
    pen.lineTo((500, 400))
    pen.lineTo((100, 400))
    pen.closePath()
    square = pen.getCharString()
    fb = FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "A"])
    fb.setupCharacterMap({ord("A"): "A"})
    fb.setupCFF(
        "BrandSans-Regular", {"FullName": "Brand Sans"}, {".notdef": square, "A": square}, {}
    )
    fb.setupHorizontalMetrics({".notdef": (600, 100), "A": (600, 100)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Brand Sans", "styleName": "Regular"})
    fb.setupOS2()
    fb.setupPost()
    path.parent.mkdir(parents=True, exist_ok=True)
    fb.save(str(path))
    return path
