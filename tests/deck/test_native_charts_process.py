"""Native deck charts in a real build: no matplotlib in a deck-only build, and every chart
slide's text inside the slide once LibreOffice has drawn it."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pdfplumber
import pytest
from conftest import libreoffice_pdf
from pptx import Presentation

ROOT = Path(__file__).resolve().parents[2]

_RUNNER = textwrap.dedent(
    """
    import sys
    from rolereport.build.pipeline import build
    from rolereport.data.facts import load_dataset

    d = load_dataset(None)  # without the career ladder, the one chart still drawn as a picture
    d = d.model_copy(update={"roles": tuple(r.model_copy(update={"career_path": ()})
                                            for r in d.roles)})
    build(d, None, sys.argv[1], only=("pptx",), deck_charts=sys.argv[2], force=True,
          parallel=False)
    print(sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib")[:1])
    """
)


def _run(out: Path, mode: str) -> str:
    env = {"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin", "HOME": str(out)}
    env["XDG_CACHE_HOME"] = str(out / "cache")  # an empty chart cache: pictures are drawn
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, str(out), mode],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return done.stdout.strip().splitlines()[-1]


def test_a_deck_only_build_with_native_charts_never_imports_matplotlib(tmp_path):
    assert _run(tmp_path / "native", "native") == "[]"
    assert _run(tmp_path / "picture", "picture") != "[]"  # the check can tell


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice is not installed")
@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_every_chart_slide_of_the_stress_deck_keeps_its_text_on_the_slide(tmp_path, aspect):
    sys.path.insert(0, str(ROOT / "tests"))
    from stress import stress_dataset

    from rolereport.build.pipeline import build

    (deck,) = build(
        stress_dataset(4), None, tmp_path, only=("pptx",), aspect=aspect, force=True,
        parallel=False,
    ).paths  # fmt: skip
    charted = [
        i
        for i, slide in enumerate(Presentation(deck).slides)
        if any(getattr(sh, "has_chart", False) for sh in slide.shapes)
    ]
    assert len(charted) >= 5
    # the 16:9 deck is the one tests/acceptance/test_libreoffice.py reads: converted once
    printed = libreoffice_pdf(deck.read_bytes(), tmp_path / "lo")
    with pdfplumber.open(io.BytesIO(printed)) as pdf:
        for i in charted:
            page = pdf.pages[i]
            chars = [c for c in page.chars if c["text"].strip()]
            assert chars, f"slide {i + 1} has no text"
            outside = [
                c["text"]
                for c in chars
                if c["x0"] < -0.5 or c["x1"] > page.width + 0.5 or c["bottom"] > page.height + 0.5
            ]
            assert not outside, f"slide {i + 1}: {''.join(outside)[:60]}"
