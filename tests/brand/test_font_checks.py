"""A font file that passed its checks is not parsed again, until it changes."""

from __future__ import annotations

import pytest
from conftest import ASSETS


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("ROLEREPORT_CACHE_DIR", str(folder))
    return folder


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
