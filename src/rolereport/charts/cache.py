"""Rendered charts kept on disk, keyed by everything that shapes their bytes.

A chart is redrawn only when its spec, the brand's colours or font files, its size, format
or resolution, rolereport's code or matplotlib change. The folder is the user's cache folder
(see buildcache.cache_root). The cache only saves time:
any problem reading or writing it means the chart is drawn, never a failed build.
"""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..brand.theme import Theme
from ..files.cache import build_key, cache_root, store

_KEEP = 600  # files; the oldest go beyond that (a default build writes a dozen)
_DIGEST = hashlib.sha256().digest_size


def cached_chart(parts: tuple[Any, ...], theme: Theme, draw: Callable[[], bytes]) -> bytes:
    """The bytes `draw()` returns for a chart described by `parts` (spec, size, format, ...)
    drawn in `theme`: from the cache when it has them, else drawn and stored."""
    root = cache_root()
    if root is None:
        return draw()
    folder = root / "charts"
    key = build_key(_brand(theme), parts, files=_font_files(theme))
    path = folder / key[:2] / key
    with contextlib.suppress(OSError):
        stored = path.read_bytes()
        data, check = stored[:-_DIGEST], stored[-_DIGEST:]
        if hashlib.sha256(data).digest() == check:
            return data
    data = draw()
    with contextlib.suppress(OSError):
        _store(path, data + hashlib.sha256(data).digest())
    return data


def _store(path: Path, data: bytes) -> None:
    store(path, data)
    _prune(path.parent.parent)


def _prune(folder: Path) -> None:
    """Keep the most recently written files."""
    files = [p for p in folder.glob("*/*") if not p.name.startswith(".")]
    if len(files) > _KEEP:
        files.sort(key=lambda p: p.stat().st_mtime)
        for old in files[: len(files) - _KEEP * 3 // 4]:
            with contextlib.suppress(OSError):
                old.unlink()


def _brand(theme: Theme) -> tuple[Any, ...]:
    """What of the theme a chart can show, besides its font files: colours, the family."""
    t = theme
    colours = (t.primary, t.secondary, t.foreground, t.background, t.muted, t.link)
    return (*colours, t.heading_color, t.role_colors, t.font.family)


def _font_files(theme: Theme) -> tuple[Path, ...]:
    f = theme.font
    return (f.regular, f.bold, f.italic, f.bold_italic)


def is_cached(parts: tuple[Any, ...], theme: Theme) -> bool:
    """Whether the cache holds a chart described by `parts` in `theme` (cached_chart then
    reads it rather than drawing it)."""
    root = cache_root()
    if root is None:
        return False
    key = build_key(_brand(theme), parts, files=_font_files(theme))
    return (root / "charts" / key[:2] / key).is_file()
