"""The chart cache and the parallel render: faster builds, the same bytes."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

import rolereport.charts.draw
from rolereport import build
from rolereport.brand.theme import Theme
from rolereport.build.workers import can_fork, run_jobs
from rolereport.charts.cache import cached_chart
from rolereport.charts.render import render_chart
from tests.conftest import ASSETS, DATASET

SIZE = (7.0, 3.0)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def charts(report):
    return [b.chart for s in report.sections for b in s.blocks if b.kind == "figure"]


def roles(report) -> tuple[str, ...]:
    return tuple(r.id for r in report.roles)


def no_drawing(monkeypatch) -> None:
    def refuse(*_a, **_k):
        raise AssertionError("drawn although cached")

    monkeypatch.setattr(rolereport.charts.draw, "draw_chart", refuse)


def test_a_cached_chart_is_the_drawn_chart_and_is_not_drawn_again(
    cache, charts, report, theme, monkeypatch
):
    for fmt in ("svg", "png"):
        first = render_chart(charts[0], theme, roles(report), SIZE, fmt)
        monkeypatch.setenv("ROLEREPORT_CACHE_DIR", "off")
        assert render_chart(charts[0], theme, roles(report), SIZE, fmt) == first
        monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(cache))
        with monkeypatch.context() as m:
            no_drawing(m)
            assert render_chart(charts[0], theme, roles(report), SIZE, fmt) == first
    assert len([p for p in cache.rglob("*") if p.is_file()]) == 2


def test_anything_that_shapes_the_chart_draws_it_again(cache, charts, report, theme, tmp_path):
    base = render_chart(charts[0], theme, roles(report), SIZE, "svg")
    recoloured = Theme(**{**theme.__dict__, "role_colors": ("#000000", "#777777")})
    assert render_chart(charts[0], recoloured, roles(report), SIZE, "svg") != base
    assert render_chart(charts[0], theme, roles(report), (6.0, 3.0), "svg") != base
    assert render_chart(charts[1], theme, roles(report), SIZE, "svg") != base
    assert len([p for p in cache.rglob("*") if p.is_file()]) == 4


def test_a_font_file_changed_in_place_draws_the_chart_again(cache, theme, tmp_path):
    import shutil
    from dataclasses import replace

    fonts = tmp_path / "fonts"
    shutil.copytree(theme.font.regular.parent, fonts)
    font = replace(theme.font, regular=fonts / theme.font.regular.name)
    mine = replace(theme, font=font)
    drawn = []

    def draw() -> bytes:
        drawn.append(1)
        return b"chart"

    assert cached_chart(("spec",), mine, draw) == cached_chart(("spec",), mine, draw) == b"chart"
    assert len(drawn) == 1
    font.regular.write_bytes(theme.font.bold.read_bytes())  # same path, other glyphs
    cached_chart(("spec",), mine, draw)
    assert len(drawn) == 2


def test_a_damaged_cache_file_is_drawn_again_not_used(cache, charts, report, theme):
    good = render_chart(charts[0], theme, roles(report), SIZE, "svg")
    (stored,) = [p for p in cache.rglob("*") if p.is_file()]
    stored.write_bytes(stored.read_bytes()[:-40])
    assert render_chart(charts[0], theme, roles(report), SIZE, "svg") == good


def test_an_unwritable_cache_folder_costs_time_only(charts, report, theme, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", "off")
    drawn = render_chart(charts[0], theme, roles(report), SIZE, "png")
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(blocker / "cache"))
    assert render_chart(charts[0], theme, roles(report), SIZE, "png") == drawn


def test_cached_parallel_and_plain_builds_write_the_same_bytes(cache, tmp_path, monkeypatch):
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", "off")
    plain = build(DATASET, ASSETS, tmp_path / "plain", parallel=False)
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(cache))
    filled = build(DATASET, ASSETS, tmp_path / "fill")
    again = build(DATASET, ASSETS, tmp_path / "again")
    for a, b, c in zip(plain.paths, filled.paths, again.paths, strict=True):
        assert a.read_bytes() == b.read_bytes() == c.read_bytes()
    assert len(PdfReader(io.BytesIO(plain.paths[0].read_bytes())).pages) > 1


def test_jobs_give_the_same_results_side_by_side_or_in_turn():
    jobs = {"a": lambda: "x" * 3, "b": lambda: sum(range(10)), "c": lambda: (1, 2)}
    together = run_jobs(jobs)
    assert {k: v for k, (v, _) in together.items()} == {"a": "xxx", "b": 45, "c": (1, 2)}
    assert list(together) == ["a", "b", "c"]
    assert {k: v for k, (v, _) in run_jobs(jobs, parallel=False).items()} == {
        k: v for k, (v, _) in together.items()
    }


@pytest.mark.parametrize("failing", ["a", "b"])
def test_an_error_in_either_job_reaches_the_caller_whole(failing):
    from rolereport.errors import InputError

    def fail():
        raise InputError.at("data.yml", "roles[0].pay", "not a number: fix it")

    jobs = {"a": lambda: 1, "b": lambda: 2} | {failing: fail}
    with pytest.raises(InputError) as caught:
        run_jobs(jobs)
    assert str(caught.value) == "data.yml: roles[0].pay: not a number: fix it"
    assert caught.value.problems[0].path == "roles[0].pay"


def test_the_second_job_runs_in_another_process_where_forking_pays():
    import os

    where = run_jobs({"a": os.getpid, "b": os.getpid})
    assert (where["a"][0] != where["b"][0]) == can_fork()


def test_an_unchanged_build_is_skipped_until_an_input_an_output_or_force_changes(cache, tmp_path):
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


def test_the_cli_says_when_nothing_changed(cache, tmp_path, capsys):
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


def test_a_font_that_passed_its_check_is_not_parsed_again_but_a_changed_one_is(
    cache, tmp_path, monkeypatch
):
    import shutil

    import fontTools.ttLib

    from rolereport.brand.load import load_brand
    from rolereport.errors import BrandError

    assets = tmp_path / "assets"
    shutil.copytree(ASSETS, assets)
    load_brand(assets)
    with monkeypatch.context() as m:
        m.setattr(fontTools.ttLib, "TTFont", None)  # any parse now fails loudly
        load_brand(assets)
    font = next((assets / "fonts").glob("*Regular*.ttf"))
    font.write_bytes(font.read_bytes()[:5000])  # truncated: a new file to check
    with pytest.raises(BrandError, match="font"):
        load_brand(assets)


def test_a_batch_says_which_datasets_were_up_to_date(cache, tmp_path, capsys):
    from rolereport.cli.main import main

    args = ["build", str(DATASET), "data-careers-compared", "--out", str(tmp_path)]
    args += ["--only", "guide", "--jobs", "2"]
    assert main(args) == 0
    assert "up to date" not in capsys.readouterr().out
    assert main(args) == 0
    table = capsys.readouterr().out
    assert table.count("(up to date)") == 2 and "2 built" in table
