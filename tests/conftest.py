"""Shared fixtures: the default dataset, brand and report, access to external tools, and one
chart cache for the whole run (tests marked `uncached` draw every chart)."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

from rolereport import (
    BuildResult,
    build,
    build_report,
    load_brand,
    load_dataset,
    render_deck,
    render_guide,
    render_handout,
)

ROOT = Path(__file__).resolve().parents[1]
ASSETS = ROOT / "assets"
DATASET = ROOT / "src" / "rolereport" / "data" / "datasets" / "ai-engineer-vs-data-scientist.yml"
pytest_plugins = ("hostile",)  # the hostile-input tests' fixtures: golden, out, assets, ...
_CACHE_KEY = pytest.StashKey[str]()
_CACHE_OPTION = "rolereport_cache"  # how the xdist controller hands the folder to workers


def pytest_configure(config: pytest.Config) -> None:
    """One chart cache for the whole run, in a fresh temporary folder (shared by the xdist
    workers and the CLI subprocesses the tests start), never the user's. A chart found there
    was drawn earlier in this same run. Tests marked `uncached` draw every chart."""
    worker = getattr(config, "workerinput", None)
    if worker is not None:
        folder = worker[_CACHE_OPTION]
    else:
        folder = tempfile.mkdtemp(prefix="rolereport-test-cache-")
        config.stash[_CACHE_KEY] = folder
    os.environ["ROLEREPORT_CACHE_DIR"] = folder
    # Output goes to a pipe, as in a script: no terminal width (pytest can pass one on).
    os.environ.pop("COLUMNS", None)
    # The test processes hold many objects for the whole run (documents read back, pages
    # parsed): collecting garbage less often takes about a tenth off the suite's time.
    # rolereport itself never tunes the collector; its outputs do not depend on when it runs
    # (tests/build/test_workers.py compares a build here with a fresh interpreter's).
    gc.set_threshold(50_000, 20, 20)


@pytest.hookimpl(optionalhook=True)  # pytest-xdist's hook: in the controller, per worker
def pytest_configure_node(node) -> None:
    node.workerinput[_CACHE_OPTION] = node.config.stash[_CACHE_KEY]


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = config.stash.get(_CACHE_KEY, None)
    if folder is not None:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def _uncached(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test about drawing or reproducibility compares drawings, never a drawing with its
    cached copy: under `uncached`, this test's own renders draw every chart."""
    if request.node.get_closest_marker("uncached") is not None:
        monkeypatch.setenv("ROLEREPORT_CACHE_DIR", "off")


def require_tool(name: str) -> str:
    """The path of an external program; in CI a missing one fails the test, elsewhere skips."""
    path = shutil.which(name)
    if path is None:
        message = f"{name} is not installed (apt-get install it; .ci/run does)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path


def libreoffice_pdf(pptx: bytes, folder: Path) -> bytes:
    """The deck as LibreOffice prints it to PDF, converted once per run: the PDF is kept in
    the run's cache folder under the deck's digest, for every test (and xdist worker) that
    reads back the same deck. `folder` is a fresh folder for a conversion."""
    soffice = require_tool("soffice")
    cache = Path(os.environ.get("ROLEREPORT_CACHE_DIR", ""))
    kept = cache / f"libreoffice-{hashlib.sha256(pptx).hexdigest()}.pdf"
    if cache.is_dir() and kept.is_file():
        return kept.read_bytes()
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "deck.pptx").write_bytes(pptx)
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"  # no shared lock
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
    subprocess.run(
        [*command, str(folder / "deck.pptx")], check=True, capture_output=True, timeout=300
    )
    pdf = (folder / "deck.pdf").read_bytes()
    if cache.is_dir():  # written whole, then renamed: a reader never sees half a file
        part = folder / "kept.pdf"
        part.write_bytes(pdf)
        os.replace(part, kept)
    return pdf


@pytest.fixture(scope="session")
def dataset():
    return load_dataset(DATASET)


@pytest.fixture(scope="session")
def theme():
    return load_brand(ASSETS)


@pytest.fixture(scope="session")
def report(dataset):
    return build_report(dataset)


# The default documents, made once per test process for the many tests that only read them
# back (a test about making them, or about the same bytes twice, makes its own).
@pytest.fixture(scope="session")
def default_handout(report, theme):
    return render_handout(report, theme)


@pytest.fixture(scope="session")
def default_deck(report, theme):
    return render_deck(report, theme)


@pytest.fixture(scope="session")
def default_guide(report, theme):
    return render_guide(report, theme)


@pytest.fixture(scope="session")
def default_build(dataset, theme, tmp_path_factory) -> BuildResult:
    """`rolereport build` of the default dataset and brand: the three files, in a folder of
    their own; `outputs(result)` names them by kind."""
    return build(dataset, theme, tmp_path_factory.mktemp("default-build"))


def outputs(result: BuildResult) -> dict[str, Path]:
    """A build's files by kind: handout, deck, guide."""
    kinds = {"-handout.pdf": "handout", ".pptx": "deck", "-guide.pdf": "guide"}
    return {kind: p for p in result.paths for end, kind in kinds.items() if p.name.endswith(end)}


@pytest.fixture(scope="session")
def stress_report():
    """The report of the stress dataset (four roles, every text at the schema's limits)."""
    from stress import stress_dataset

    return build_report(stress_dataset())


@pytest.fixture(scope="session")
def stress_decks(stress_report, theme):
    """The stress deck at a slide shape ("16:9", "4:3"), rendered once per test process: the
    stress, LibreOffice, ladder and native-chart read-backs all read it."""
    made = {}

    def at(aspect: str = "16:9"):
        if aspect not in made:
            made[aspect] = render_deck(stress_report, theme, aspect)
        return made[aspect]

    return at


@pytest.fixture(scope="session")
def stress_deck(stress_decks):
    return stress_decks("16:9")


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
