"""The chart cache and the parallel render: faster builds, the same bytes."""

from __future__ import annotations

import pytest

import rolereport.charts.draw
from rolereport.brand.theme import Theme
from rolereport.charts.cache import cached_chart
from rolereport.charts.render import render_chart

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
