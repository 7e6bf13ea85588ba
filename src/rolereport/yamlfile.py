"""Safe, bounded YAML reading that remembers the line of every key and reports duplicates."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import InputError

MAX_BYTES = 2_000_000
MAX_NODES = 50_000
_PLAIN_TAGS = {
    "tag:yaml.org,2002:" + t
    for t in ("map", "seq", "str", "int", "float", "bool", "null", "timestamp")
}


@dataclass(frozen=True)
class YamlDoc:
    """Plain Python data plus the line (1-based) where each key path starts."""

    data: Any
    lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, path: str) -> int | None:
        """The line of `path`, else of its nearest parent that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None


def read_yaml(path: Path, error: type[InputError] = InputError) -> YamlDoc:
    """Read a YAML file safely: no tags beyond plain data, bounded size and aliases."""
    shown = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise error.at(shown, "", f"cannot read the file ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise error.at(shown, "", f"is {len(raw):,} bytes; the limit is {MAX_BYTES:,}")
    if not raw.strip():
        raise error.at(shown, "", "is empty: start from `rolereport init`")
    if b"\x00" in raw:
        raise error.at(shown, "", "is not a text file (it contains NUL bytes)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise error.at(
            shown, "", f"is not UTF-8 (byte {exc.start}): save it as UTF-8 in your editor"
        ) from None
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        what = getattr(exc, "problem", None) or str(exc)
        raise error.at(shown, "", f"is not valid YAML: {what}", line) from None
    finally:
        loader.dispose()
    if root is None:
        raise error.at(shown, "", "is empty: start from `rolereport init`")
    builder = _Builder(shown, error, yaml.SafeLoader(""))
    data = builder.build(root, "")
    return YamlDoc(data, builder.lines)


class _Builder:
    def __init__(self, shown: str, error: type[InputError], loader: yaml.SafeLoader) -> None:
        self.shown, self.error, self.loader = shown, error, loader
        self.lines: dict[str, int] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: str) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise self.error.at(
                self.shown, path, f"has more than {MAX_NODES:,} values (alias expansion?)", line
            )
        if node.tag not in _PLAIN_TAGS:
            raise self.error.at(
                self.shown, path, f"the tag {node.tag} is not allowed: remove it", line
            )
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            seen: dict[Any, int] = {}
            self.loader.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.build(key_node, path)
                key_line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    key = str(key)
                if key in seen:
                    raise self.error.at(
                        self.shown,
                        f"{path}.{key}" if path else key,
                        f"is given twice (lines {seen[key]} and {key_line}): keep one",
                        key_line,
                    )
                seen[key] = key_line
                child = f"{path}.{key}" if path else key
                self.lines[child] = key_line
                out[key] = self.build(value_node, child)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                self.lines[child] = item.start_mark.line + 1
                items.append(self.build(item, child))
            return items
        try:
            return self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError) as exc:
            raise self.error.at(self.shown, path, f"unreadable value: {exc}", line) from None
