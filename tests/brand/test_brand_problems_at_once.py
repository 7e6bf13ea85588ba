"""Every mistake of a brand file in one run, one line each: the file, the line, the key path
and the fix, in the order of the file; `check` and `build` exit with 2."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import ASSETS

from rolereport import BrandError, load_brand
from rolereport.cli.main import main

MISTAKES = """\
meta:
  name: Acme
logo:
  images: {full: missing.png}
  large: full
color:
  palette: {navy: "#1F3A5F"}
  primary: navvy
typography:
  fonts:
    - family: Acme Sans
      files: [{path: fonts/AcmeSans.ttf, weight: 400}]
  base: Acme Sans
defaults:
  rolereport:
    footr: Acme Learning
    paper: legal
    pptx_layouts: {cover: Title Slide}
"""
EXPECTED = [
    (5, "logo.large", "'missing.png' does not exist in the assets folder"),
    (8, "color.primary", "'navvy' is not a colour: did you mean 'navy'?"),
    (12, "typography.fonts[0].files[0].path", "'fonts/AcmeSans.ttf' does not exist"),
    (16, "defaults.rolereport.footr", "unknown key: did you mean 'footer'?"),
    (17, "defaults.rolereport.paper", "must be 'letter' or 'a4'; got 'legal'"),
    (18, "defaults.rolereport.pptx_layouts.cover", "unknown layout role: use title, content"),
]


def brand(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brand.yml").write_text(textwrap.dedent(text), encoding="utf-8")
    return folder


def test_every_mistake_of_a_brand_file_is_reported_at_once_with_line_key_and_fix(tmp_path):
    folder = brand(tmp_path / "assets", MISTAKES)
    with pytest.raises(BrandError) as caught:
        load_brand(folder)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(EXPECTED), lines
    file = folder.resolve() / "brand.yml"
    for line, (number, key, says) in zip(lines, EXPECTED, strict=True):
        assert line.startswith(f"{file}:{number}: {key}: {says}"), line


@pytest.mark.parametrize("command", ["check", "build"])
def test_check_and_build_print_every_brand_mistake_and_exit_2(tmp_path, capsys, command):
    folder = brand(tmp_path / "assets", MISTAKES)
    out = ["--out", str(tmp_path / "out")] if command == "build" else []
    assert main([command, "--assets", str(folder), *out]) == 2
    err = capsys.readouterr().err.splitlines()
    assert [x.split(": ")[2] for x in err] == [key for _, key, _ in EXPECTED], err
    assert all(x.startswith("Error: ") for x in err)
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("text", "key", "says"),
    [
        ("logo: 5\n", "logo", "expected a path or a mapping with images and sizes, got 5"),
        (
            "meta:\n  name: [Acme]\n",
            "meta.name",
            "expected a name or a mapping with full and short, got a list",
        ),
        (
            "typography:\n  fonts:\n    - family: Acme\n      files: [{weight: 400}]\n",
            "typography.fonts[0].files[0].path",
            "is required: add it",
        ),
        ("color:\n  palette: [navy]\n", "color.palette", "expected a mapping of keys, got a list"),
        (
            "defaults:\n  rolereport:\n    role_colors: navy\n",
            "defaults.rolereport.role_colors",
            "expected a list (lines starting with '- '), got text 'navy'",
        ),
    ],
    ids=["logo", "name", "font-path", "palette", "role-colors"],
)
def test_a_value_of_the_wrong_shape_is_named_with_its_line(tmp_path, text, key, says):
    folder = brand(tmp_path, text)
    with pytest.raises(BrandError) as caught:
        load_brand(folder)
    [line] = str(caught.value).splitlines()
    last = len(text.splitlines())  # each mistake is on the file's last line
    assert line == f"{folder.resolve() / 'brand.yml'}:{last}: {key}: {says}"


def test_a_bad_font_file_is_one_problem_not_two(tmp_path):
    folder = tmp_path / "assets"
    shutil.copytree(ASSETS, folder)
    (folder / "fonts" / "Carlito-Regular.ttf").write_bytes(b"not a font" * 100)
    (folder / "logo.png").write_bytes(b"")
    with pytest.raises(BrandError) as caught:
        load_brand(folder)
    lines = str(caught.value).splitlines()
    assert len(lines) == 2, lines
    assert "logo.large: 'logo.png' is not a usable PNG, JPEG or SVG image" in lines[0]
    assert "typography.fonts[0].files[0].path: 'Carlito-Regular.ttf'" in lines[1]


TYPOS = """\
meta: {name: Acme}
colour: {primary: "#1F3A5F"}
color:
  backgrond: "#FFFFFF"
  primary: "#1F3A5F"
logo:
  images:
    full: {pth: logo.png, alt: Acme}
  large: full
typography:
  base: {family: Carlito, lineheight: 1.4}
  monospace-blok: Fira Code
"""
TYPOS_EXPECTED = [
    (2, "colour", "unknown key: did you mean 'color'?"),
    (4, "color.backgrond", "unknown key: did you mean 'background'?"),
    (8, "logo.images.full.pth", "unknown key: did you mean 'path'?"),
    (11, "typography.base.lineheight", "unknown key: did you mean 'line-height'?"),
    (12, "typography.monospace-blok", "unknown key: did you mean 'monospace-block'?"),
]


@pytest.mark.parametrize("command", ["check", "build"])
def test_misspelt_brand_yml_keys_are_each_reported_with_the_key_meant_and_exit_2(
    tmp_path, capsys, command
):
    folder = brand(tmp_path / "assets", TYPOS)
    out = ["--out", str(tmp_path / "out")] if command == "build" else []
    assert main([command, "--assets", str(folder), *out]) == 2
    err = capsys.readouterr().err.splitlines()
    file = folder.resolve() / "brand.yml"
    said = [x for x in err if "unknown key" in x]
    assert len(said) == len(TYPOS_EXPECTED), err
    for line, (number, key, says) in zip(said, TYPOS_EXPECTED, strict=True):
        assert line == f"Error: {file}:{number}: {key}: {says}", line
    assert not (tmp_path / "out").exists()
