"""Watch mode's case: a brand font file replaced in place between two builds of one process."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from rolereport import build

ROOT = Path(__file__).resolve().parents[2]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def _base_fonts(pdf: Path) -> set[str]:
    names = set()
    for page in PdfReader(pdf).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


@pytest.mark.skipif(not DEJAVU.is_file(), reason="DejaVu Sans is not installed")
def test_a_font_replaced_in_place_is_used_by_the_next_build_of_the_same_process(tmp_path):
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets", assets)
    regular = assets / "fonts" / "Carlito-Regular.ttf"
    first = build(assets=assets, out=tmp_path / "one", parallel=False, force=True)
    pdf = next(p for p in first.paths if p.name.endswith("handout.pdf"))
    assert not any("DejaVu" in n for n in _base_fonts(pdf))

    regular.write_bytes(DEJAVU.read_bytes())  # the same file, new content
    second = build(assets=assets, out=tmp_path / "two", parallel=False, force=True)

    pdf = next(p for p in second.paths if p.name.endswith("handout.pdf"))
    assert any("DejaVu" in n for n in _base_fonts(pdf))
    guide = next(p for p in second.paths if p.name.endswith("guide.pdf"))
    assert any("DejaVu" in n for n in _base_fonts(guide))
    deck = next(p for p in second.paths if p.suffix == ".pptx")
    assert len(Presentation(io.BytesIO(deck.read_bytes())).slides) > 5
