"""Whether the brand's fonts can draw a text: every character of the data must be in them,
so the documents never print empty boxes. A check that `check` and `build` both make."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .theme import Theme


def missing_glyphs(theme: Theme, value: object) -> list[tuple[str, str]]:
    """(key path, message) for each text in `value` (nested mappings and lists of text, keyed
    as a data file is) with characters the brand's text and heading faces lack."""
    have = _shared_cmap((theme.font.regular, theme.font.bold, theme.heading_font.bold))
    found = []
    for key, text in _strings(value, ""):
        lost = sorted({c for c in text if not c.isspace() and ord(c) not in have})
        if lost:
            shown = " ".join(f"{c!r} (U+{ord(c):04X})" for c in lost)
            found.append(
                (
                    key,
                    f"the brand font {theme.font.family!r} has no {shown}: remove them or "
                    "use a font that has them",
                )
            )
    return found


def _shared_cmap(paths: tuple[Path, ...]) -> frozenset[int]:
    """The code points every one of the fonts has."""
    have: frozenset[int] | None = None
    for path in dict.fromkeys(paths):
        stat = path.stat()
        cmap = _cmap(str(path), stat.st_size, stat.st_mtime_ns)
        have = cmap if have is None else have & cmap
    return have or frozenset()


@lru_cache(maxsize=16)
def _cmap(path: str, size: int, mtime_ns: int) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    with TTFont(path, lazy=True) as font:
        return frozenset(font.getBestCmap() or {})


def _strings(value: object, path: str) -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield from _strings(v, f"{path}.{k}" if path else str(k))
    elif isinstance(value, (list, tuple)):
        for i, v in enumerate(value):
            yield from _strings(v, f"{path}[{i}]")
