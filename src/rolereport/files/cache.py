"""The user's cache folder, and the digests that key what is kept there: file contents, and
rolereport's own code and wording with the versions of the libraries that shape the outputs.
`ROLEREPORT_CACHE_DIR` moves the cache folder; `off` turns caching off.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
import tempfile
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

_LIBRARIES = ("matplotlib", "pillow", "numpy", "reportlab", "svglib", "python-pptx", "fonttools")


def cache_root() -> Path | None:
    """The user's cache folder for rolereport, or None when caching is off."""
    chosen = os.environ.get("ROLEREPORT_CACHE_DIR", "").strip()
    if chosen.lower() in ("off", "0", "no", "false"):
        return None
    if chosen:
        return Path(chosen).expanduser()
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / "rolereport" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "rolereport"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "rolereport"


def build_key(*parts: Any, files: Sequence[Path] = ()) -> str:
    """A digest of `parts` (by repr), of the contents of `files`, and of the code."""
    contents = tuple(file_digest(p) for p in files)
    return hashlib.sha256(repr((code_version(), parts, contents)).encode()).hexdigest()


def store(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole (a temporary file renamed over it)."""
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


@cache
def code_version() -> tuple[str, ...]:
    """rolereport's code and wording (every module and label set, by content) and the versions
    of the libraries that draw, lay out and encode the outputs."""
    from importlib.metadata import PackageNotFoundError, version

    digest, here = hashlib.sha256(), Path(__file__).parents[1]  # the rolereport package
    for path in sorted(p for p in here.rglob("*") if p.suffix in (".py", ".yml")):
        digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    versions = []
    for name in _LIBRARIES:
        try:
            versions.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            versions.append(f"{name} ?")
    return digest.hexdigest(), *versions


def file_digest(path: Path) -> str:
    """The sha256 of a file's bytes, read once per process while its size and time hold."""
    stat = path.stat()
    return _digest_of(str(path), stat.st_size, stat.st_mtime_ns)


@cache
def _digest_of(path: str, size: int, mtime_ns: int) -> str:
    return sha256(Path(path))


def sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read now."""
    return hashlib.sha256(path.read_bytes()).hexdigest()
