"""Validation writes nothing: `rolereport check` leaves the user's cache folder as it was."""

from __future__ import annotations

from conftest import ASSETS

from rolereport.cli.main import main


def test_check_leaves_an_empty_cache_folder_empty(tmp_path, monkeypatch, capsys):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(cache))
    assert main(["check", "--assets", str(ASSETS)]) == 0, capsys.readouterr().err
    assert list(cache.rglob("*")) == []
