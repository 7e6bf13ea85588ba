"""`rolereport check` runs every check `rolereport build` runs short of rendering: for each bad
input both exit with the same code and print the same error lines; what check accepts, build
builds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from conftest import ASSETS

from rolereport.cli.main import main

SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40">'
    '<rect width="40" height="40"/></svg>'
)
INKSCAPE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    "<!-- Created with Inkscape (http://www.inkscape.org/) -->\n\n"
)

COMMENT = "<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In -->\n"


def small_data(summary: str = "What the role is.") -> dict:
    role = {"summary": summary, "salary": {"source": "s", "median": 90000}}
    return {
        "meta": {"title": "Two roles", "summary": "A comparison.", "as_of": "2024-01"},
        "roles": [{"id": "a", "name": "Analyst", **role}, {"id": "b", "name": "Builder", **role}],
        "sources": [{"id": "s", "title": "A source"}],
    }


def brand_with_logo(folder: Path, svg: str) -> Path:
    assets = folder / "assets"
    shutil.copytree(ASSETS, assets)
    (assets / "logo.svg").write_text(svg, encoding="utf-8")
    brand = assets / "brand.yml"
    text = brand.read_text("utf-8")
    start, end = text.index("\nlogo:"), text.index("\ncolor:")
    brand.write_text(text[:start] + "\nlogo: logo.svg\n" + text[end:], "utf-8")
    return assets


def run(capsys, *args: str) -> tuple[int, list[str]]:
    code = main(list(args))
    return code, [x for x in capsys.readouterr().err.splitlines() if x.startswith("Error:")]


def bad_glyphs(tmp_path: Path) -> tuple[list[str], dict]:
    data = tmp_path / "data.yml"
    data.write_text(yaml.safe_dump(small_data("数据 science"), allow_unicode=True), "utf-8")
    return [str(data), "--assets", str(ASSETS)], {}


def unreadable_svg(tmp_path: Path) -> tuple[list[str], dict]:
    flat = SVG.replace('width="120" height="40"', 'width="0" height="0"')
    return ["--assets", str(brand_with_logo(tmp_path, INKSCAPE + flat))], {}


def bad_epoch(tmp_path: Path) -> tuple[list[str], dict]:
    return ["--assets", str(ASSETS)], {"SOURCE_DATE_EPOCH": "99999999999"}


def bad_data_and_brand(tmp_path: Path) -> tuple[list[str], dict]:
    data = small_data()
    data["meta"]["titel"] = data["meta"].pop("title")
    path = tmp_path / "data.yml"
    path.write_text(yaml.safe_dump(data), "utf-8")
    assets = brand_with_logo(tmp_path, SVG)
    (assets / "logo.svg").unlink()
    return [str(path), "--assets", str(assets)], {}


@pytest.mark.parametrize(
    "make", [bad_glyphs, unreadable_svg, bad_epoch, bad_data_and_brand], ids=lambda f: f.__name__
)
def test_check_and_build_refuse_a_bad_input_with_the_same_code_and_lines(
    tmp_path, capsys, monkeypatch, make
):
    args, env = make(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    checked = run(capsys, "check", *args)
    built = run(capsys, "build", *args, "--out", str(tmp_path / "out"))
    assert checked[0] == 2 and checked[1], checked
    assert built == checked
    assert not (tmp_path / "out").exists()


def test_a_data_problem_and_a_brand_problem_are_reported_in_one_run(tmp_path, capsys):
    args, _ = bad_data_and_brand(tmp_path)
    code, lines = run(capsys, "check", *args)
    assert code == 2 and len(lines) == 3, lines
    assert any("meta.titel: unknown key" in x for x in lines)
    assert any(re.search(r"brand\.yml:\d+: logo: 'logo.svg' does not exist", x) for x in lines)


def test_a_character_the_brand_font_lacks_is_named_with_its_line_by_check(tmp_path, capsys):
    args, _ = bad_glyphs(tmp_path)
    code, lines = run(capsys, "check", *args)
    assert code == 2
    assert lines[0].startswith(f"Error: {args[0]}:")
    text = Path(args[0]).read_text("utf-8").splitlines()
    assert len(lines) == 2  # both roles' summaries
    assert all("数据" in text[int(x.split(":")[2]) - 1] for x in lines)
    assert "U+6570" in lines[0] and "'Carlito'" in lines[0]


@pytest.mark.parametrize("head", [INKSCAPE, COMMENT], ids=["declaration-first", "comment-first"])
def test_an_svg_logo_with_a_comment_before_it_is_checked_and_built(tmp_path, capsys, head):
    data = tmp_path / "data.yml"
    data.write_text(yaml.safe_dump(small_data()), "utf-8")
    args = [str(data), "--assets", str(brand_with_logo(tmp_path, head + SVG))]
    assert run(capsys, "check", *args) == (0, [])
    assert run(capsys, "build", *args, "--out", str(tmp_path / "out")) == (0, [])
    assert len(list((tmp_path / "out").iterdir())) == 3
