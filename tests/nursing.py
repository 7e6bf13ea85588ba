"""The nursing fixture (an HR trainer's two roles and own brand, in DejaVu Sans) and what the
rendering tests read outputs back with: LibreOffice for the deck, pdfplumber for the words."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from functools import cache
from pathlib import Path

import pdfplumber
import pytest
from conftest import require_tool

from rolereport import build_report, load_brand, load_dataset, render_deck

HERE = Path(__file__).resolve().parent / "fixtures" / "nursing"
DATA = HERE / "data.yml"
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


@cache
def brand_folder() -> Path:
    """The brand folder with its DejaVu Sans files, copied from the system's fonts (the
    fonts-dejavu-core package) into a temporary copy of tests/fixtures/nursing/brand."""
    missing = [f for f in FONTS if not (DEJAVU / f).is_file()]
    if missing:
        message = f"{', '.join(missing)} missing: apt-get install fonts-dejavu-core"
        pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
    folder = Path(tempfile.mkdtemp(prefix="nursing-brand-")) / "brand"
    shutil.copytree(HERE / "brand", folder, ignore=shutil.ignore_patterns("fonts"))
    (folder / "fonts").mkdir()
    for name in FONTS:
        shutil.copy(DEJAVU / name, folder / "fonts" / name)
    return folder


@cache
def nursing():
    """The nursing report and its brand's theme."""
    return build_report(load_dataset(DATA)), load_brand(brand_folder())


@cache
def nursing_deck(aspect: str) -> bytes:
    report, theme = nursing()
    return render_deck(report, theme, aspect).data


def libreoffice_pdf(pptx: bytes) -> Path:
    """The deck as LibreOffice renders it, as a PDF (one page per slide)."""
    soffice = require_tool("soffice")
    folder = Path(tempfile.mkdtemp(prefix="deck-render-"))
    path = folder / "deck.pptx"
    path.write_bytes(pptx)
    profile = f"-env:UserInstallation={(folder / 'profile').as_uri()}"  # no shared lock
    command = [soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", str(folder)]
    subprocess.run([*command, str(path)], check=True, capture_output=True, timeout=300)
    return folder / "deck.pdf"


@cache
def nursing_deck_pdf(aspect: str) -> Path:
    return libreoffice_pdf(nursing_deck(aspect))


def whole_words(text: str) -> list[str]:
    """The words of a text as a reader sees them (word joiners, which LibreOffice keeps
    inside "C++", are not characters of the word)."""
    return text.replace("\u2060", "").split()


def split_words(cells: list[str], page: pdfplumber.page.Page) -> list[str]:
    """Words of the cells that the page does not show whole: split across lines anywhere but
    after a hyphen ("entry-" then "level" is a break a typesetter may make)."""
    shown = {w["text"].replace("\u2060", "") for w in page.extract_words()}

    def whole(word: str) -> bool:
        return word in shown or all(p in shown for p in re.split(r"(?<=-)(?=.)", word))

    return sorted({w for c in cells for w in whole_words(c) if not whole(w)})


def table_cells(report) -> list[str]:
    """Every cell of the report's tables (the at-a-glance table and the sections'), as text."""
    from rolereport.content.model import Table

    tables = [report.at_a_glance]
    tables += [b for s in report.sections for b in s.blocks if isinstance(b, Table)]
    return [c for t in tables for row in (t.header, *t.rows) for c in row]


def broken_words(cells: list[str], page: pdfplumber.page.Page) -> list[str]:
    """Words of the cells that the page prints in two pieces: the end of one line and the
    start of the next, in the same column (a break after a hyphen or a dash is allowed)."""
    wanted = {w for c in cells for w in whole_words(c)}
    found = page.extract_words()

    def near(a: dict, b: dict) -> bool:  # b follows a on its line, a word space apart
        h = a["bottom"] - a["top"]
        return abs(a["top"] - b["top"]) < 1 and 0 <= b["x0"] - a["x1"] < 0.6 * h

    out = set()
    for a in found:
        if a["text"].endswith(("-", "–")) or any(near(a, c) for c in found):
            continue
        for b in found:
            below = 0 < b["top"] - a["top"] < 3 * (a["bottom"] - a["top"])
            first = not any(near(c, b) for c in found)
            if below and first and b["x0"] < a["x1"] and a["text"] + b["text"] in wanted:
                out.add(a["text"] + b["text"])
    return sorted(out)
