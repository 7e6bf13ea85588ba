"""Build stamps: a build whose inputs and outputs are unchanged is skipped, because it would
write the same bytes again.

A stamp records, for one set of output files, a key made of everything that shapes them (the
validated data, the resolved brand and the contents of every file it names, the options,
`SOURCE_DATE_EPOCH`, rolereport's code and the libraries' versions) and a digest of each file
written. The build is skipped only when the key matches and every file is still there with
those bytes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..files.cache import cache_root, sha256, store


@dataclass(frozen=True)
class Stamp:
    """What the last build of some output files wrote."""

    key: str
    files: dict[str, str]  # path → sha256 of its bytes
    pages: dict[str, int]
    warnings: tuple[str, ...]


def fresh(key: str, targets: Sequence[Path]) -> Stamp | None:
    """The stamp of `targets` when it has `key` and every target still has its bytes."""
    path = _stamp_path(targets)
    if path is None:
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        stamp = Stamp(raw["key"], raw["files"], raw["pages"], tuple(raw["warnings"]))
        if stamp.key != key or set(stamp.files) != {str(t) for t in targets}:
            return None
        if all(sha256(Path(p)) == digest for p, digest in stamp.files.items()):
            return stamp
    except (OSError, ValueError, KeyError, TypeError):
        pass
    return None


def record(
    key: str, targets: Sequence[Path], pages: dict[str, int], warnings: Sequence[str]
) -> None:
    """Remember what was just written to `targets`; failing to only costs the next build time."""
    path = _stamp_path(targets)
    if path is None:
        return
    with contextlib.suppress(OSError):
        files = {str(t): sha256(t) for t in targets}
        text = json.dumps({"key": key, "files": files, "pages": pages, "warnings": list(warnings)})
        store(path, text.encode())


def _stamp_path(targets: Sequence[Path]) -> Path | None:
    root = cache_root()
    if root is None:
        return None
    names = "\0".join(sorted(str(Path(t).resolve()) for t in targets))
    return root / "builds" / f"{hashlib.sha256(names.encode()).hexdigest()}.json"
