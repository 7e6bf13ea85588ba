"""Native deck charts in a real build: no matplotlib in a deck-only build, and every chart
slide's text inside the slide once LibreOffice has drawn it: the ladder's names inside their
boxes, the pay range's labels clear of each other."""

from __future__ import annotations

import io
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

    d = load_dataset(None)  # the default dataset, its career ladder too
    assert all(r.career_path for r in d.roles)
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


def test_a_deck_only_build_with_native_charts_and_the_ladder_never_imports_matplotlib(tmp_path):
    assert _run(tmp_path / "native", "native") == "[]"
    assert _run(tmp_path / "picture", "picture") != "[]"  # the check can tell


@pytest.mark.parametrize("aspect", ["16:9", "4:3"])
def test_every_chart_slide_of_the_stress_deck_keeps_its_text_on_the_slide(
    tmp_path, stress_decks, aspect
):
    deck = io.BytesIO(stress_decks(aspect).data)
    charted = [
        i
        for i, slide in enumerate(Presentation(deck).slides)
        if any(getattr(sh, "has_chart", False) for sh in slide.shapes)
    ]
    assert len(charted) >= 5
    # the 16:9 deck is the one tests/acceptance/test_libreoffice.py reads: converted once
    printed = libreoffice_pdf(deck.getvalue(), tmp_path / "lo")
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
        _ladder_names_inside_their_boxes(Presentation(deck), pdf)
        _pay_labels_apart(Presentation(deck), pdf)


def _find(prs, prefix):
    return next(
        (i, sh) for i, s in enumerate(prs.slides) for sh in s.shapes if sh.name.startswith(prefix)
    )


def _ladder_names_inside_their_boxes(prs, pdf) -> None:
    """Every step's name, as LibreOffice drew it, lies inside its box: what is drawn inside
    each box is the whole of its text."""
    i, group = _find(prs, "Chart: Career")
    chars = [c for c in pdf.pages[i].chars if c["text"].strip()]
    steps = [sh for sh in group.shapes if sh.name == "Step"]
    assert steps
    for step in steps:
        x0, top = step.left / 12700, step.top / 12700
        x1, bottom = x0 + step.width / 12700, top + step.height / 12700
        inside = "".join(
            c["text"]
            for c in chars
            if x0 <= (c["x0"] + c["x1"]) / 2 <= x1 and top <= (c["top"] + c["bottom"]) / 2 <= bottom
        )
        assert inside == "".join(step.text_frame.text.split()), (inside, step.text_frame.text)


def _pay_labels_apart(prs, pdf) -> None:
    """No two words of the pay chart (labels, ticks, categories) overlap, and its 90th
    percentile and median figures are all drawn."""
    i, frame = _find(prs, "Chart: Annual pay")
    left, top = frame.left / 12700, frame.top / 12700
    right, bottom = left + frame.width / 12700, top + frame.height / 12700
    words = [
        w
        for w in pdf.pages[i].extract_words(keep_blank_chars=False)
        if left - 1 <= w["x0"] and w["x1"] <= right + 1 and top - 1 <= w["top"]
        and w["bottom"] <= bottom + 1
    ]  # fmt: skip
    said = {w["text"] for w in words}
    labels = {s.name: s for s in frame.chart.plots[0].series}
    for name in ("90th percentile", "median"):
        for point in range(len(list(labels[name].values))):
            assert labels[name].points[point].data_label.text_frame.text in said
    for a, w in enumerate(words):
        for b in words[a + 1 :]:
            apart = (
                w["x1"] <= b["x0"] + 0.5 or b["x1"] <= w["x0"] + 0.5
                or w["bottom"] <= b["top"] + 0.5 or b["bottom"] <= w["top"] + 0.5
            )  # fmt: skip
            assert apart, (w["text"], b["text"])
