"""Up-to-date builds: an unchanged build is skipped, any change builds again. The stamps live
in the run's cache folder (tests/conftest.py), beside the charts other tests drew."""

from __future__ import annotations

import io

from conftest import ASSETS, DATASET
from pypdf import PdfReader

from rolereport import build


def test_an_unchanged_build_is_skipped_until_an_input_an_output_or_force_changes(tmp_path):
    out = tmp_path / "out"
    first = build(DATASET, ASSETS, out, only=("pdf",))
    (pdf,) = first.paths
    written = pdf.read_bytes()
    again = build(DATASET, ASSETS, out, only=("pdf",))
    assert again.up_to_date and not first.up_to_date
    assert again.paths == first.paths and again.pages == first.pages
    assert again.warnings == first.warnings
    pdf.write_bytes(written[:-10])  # someone edited or damaged the output
    mended = build(DATASET, ASSETS, out, only=("pdf",))
    assert not mended.up_to_date and pdf.read_bytes() == written
    assert not build(DATASET, ASSETS, out, only=("pdf",), force=True).up_to_date
    assert not build(DATASET, ASSETS, out, only=("pdf",), paper="a4").up_to_date
    edited = tmp_path / "data.yml"
    edited.write_text(DATASET.read_text().replace("145080", "145081"), encoding="utf-8")
    changed = build(edited, ASSETS, out, only=("pdf",))
    assert not changed.up_to_date and "145,081" in extract(pdf.read_bytes())


def extract(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_the_build_key_follows_file_contents_not_names(tmp_path):
    from rolereport.files.cache import build_key

    font = tmp_path / "brand.ttf"
    font.write_bytes(b"one")
    before = build_key("same", files=[font])
    font.write_bytes(b"other")
    assert build_key("same", files=[font]) != before
    assert build_key("same", files=[font]) == build_key("same", files=[font])
    assert build_key("same", files=[font]) != build_key("else", files=[font])


def test_the_cli_says_when_nothing_changed(tmp_path, capsys):
    from rolereport.cli.main import main

    args = [
        "build",
        str(DATASET),
        "--assets",
        str(ASSETS),
        "--out",
        str(tmp_path),
        "--only",
        "pptx",
    ]
    assert main(args) == 0
    assert "Up to date" not in capsys.readouterr().err
    assert main(args) == 0
    shown = capsys.readouterr()
    assert "Up to date" in shown.err and "deck.pptx" in shown.out


def test_a_batch_says_which_datasets_were_up_to_date(tmp_path, capsys):
    from rolereport.cli.main import main

    args = ["build", str(DATASET), "data-careers-compared", "--out", str(tmp_path)]
    args += ["--only", "guide", "--jobs", "2"]
    assert main(args) == 0
    assert "up to date" not in capsys.readouterr().out
    assert main(args) == 0
    table = capsys.readouterr().out
    assert table.count("(up to date)") == 2 and "2 built" in table
