"""Every character the handout and guide print reads against what is under it (WCAG AA),
with brands whose colours make that hard: the rendering chooses readable text colours."""

from __future__ import annotations

import pdfplumber
import pytest
from conftest import ROOT
from contrast import HOSTILE, hostile_brand, needed, ratio

from rolereport import build

WHITE = (1.0, 1.0, 1.0)


def _rgb(color) -> tuple[float, float, float]:
    """A pdfplumber colour (gray, RGB or CMYK channels from 0 to 1) as RGB."""
    c = tuple(color) if isinstance(color, list | tuple) else (color or 0,)
    if len(c) == 1:
        return (c[0],) * 3
    if len(c) == 4:
        k = c[3]
        return tuple((1 - v) * (1 - k) for v in c[:3])  # type: ignore[return-value]
    return c  # type: ignore[return-value]


def _ground(char, fills) -> tuple[float, float, float]:
    """The fill under a character's middle: the smallest filled shape there, else paper."""
    x, y = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    under = [f for f in fills if f["x0"] <= x <= f["x1"] and f["top"] <= y <= f["bottom"]]
    if not under:
        return WHITE
    return _rgb(
        min(under, key=lambda f: (f["x1"] - f["x0"]) * (f["bottom"] - f["top"]))[
            "non_stroking_color"
        ]
    )


@pytest.mark.parametrize("brand", sorted(HOSTILE))
def test_every_character_reads_against_the_fill_or_paper_under_it(tmp_path, dataset, brand):
    assets = hostile_brand(ROOT, tmp_path / "brand", brand)
    build(dataset, assets, tmp_path / "out", only=("pdf", "guide"), parallel=False)
    files = sorted((tmp_path / "out").glob("*.pdf"))
    assert len(files) == 2
    checked, on_fill, poor = 0, 0, []
    for path in files:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                fills = [f for f in page.rects + page.curves if f.get("fill")]
                for c in page.chars:
                    if not c["text"].strip():
                        continue
                    ground = _ground(c, fills)
                    got = ratio(_rgb(c["non_stroking_color"]), ground)
                    checked, on_fill = checked + 1, on_fill + (ground != WHITE)
                    if got < needed(c["size"], "Bold" in c["fontname"]):
                        poor.append((path.name, page.page_number, c["text"], round(got, 2)))
    assert checked > 5000 and on_fill > 200  # the bands, table headers and boxes are seen
    assert not poor, poor[:20]
