"""Rendered charts kept on disk, keyed by everything that shapes their bytes.

A chart is redrawn only when its spec, the brand's colours or font files, its size, format
or resolution, rolereport's code or matplotlib change. The folder is the user's cache folder
(`ROLEREPORT_CACHE_DIR` overrides it; `off` turns the cache off). The cache only saves time:
any problem reading or writing it means the chart is drawn, never a failed build.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from .brand import Theme

_KEEP = 600  # files; the oldest go beyond that (a default build writes a dozen)
_DIGEST = hashlib.sha256().digest_size


def cached_chart(parts: tuple[Any, ...], theme: Theme, draw: Callable[[], bytes]) -> bytes:
    """The bytes `draw()` returns for a chart described by `parts` (spec, size, format, ...)
    drawn in `theme`: from the cache when it has them, else drawn and stored."""
    folder = cache_dir()
    if folder is None:
        return draw()
    key = hashlib.sha256(repr((_code(), _brand(theme), parts)).encode()).hexdigest()
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


def cache_dir() -> Path | None:
    """Where charts are kept, or None when the cache is off."""
    chosen = os.environ.get("ROLEREPORT_CACHE_DIR", "").strip()
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "rolereport" / "Cache" / "charts"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "rolereport" / "charts"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "rolereport" / "charts"


def _store(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
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
    """What of the theme a chart can show: colours, and the font files by content."""
    t, f = theme, theme.font
    colours = (t.primary, t.secondary, t.foreground, t.background, t.muted, t.link)
    colours += (t.heading_color, t.role_colors)
    return colours, f.family, *(_file(p) for p in (f.regular, f.bold, f.italic, f.bold_italic))


@cache
def _code() -> tuple[str, ...]:
    """rolereport's code and the versions of the libraries that draw and encode charts."""
    from importlib.metadata import version

    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest(), version("matplotlib"), version("pillow"), version("numpy")


def _file(path: Path) -> str:
    stat = path.stat()
    return _file_digest(str(path), stat.st_size, stat.st_mtime_ns)


@cache
def _file_digest(path: str, size: int, mtime_ns: int) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()
