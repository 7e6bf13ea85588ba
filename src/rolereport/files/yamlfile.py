"""Safe, bounded YAML reading that remembers the line of every key and reports duplicates."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import InputError, Problem
from .yamlerrors import explain

MAX_BYTES = 2_000_000
MAX_NODES = 50_000
MAX_DEPTH = 64
# Characters no document can hold, whichever file they come from: C0 controls but tab,
# newline, carriage return and form feed (which the data model turns into a space), DEL,
# the non-characters U+FFFE/U+FFFF and unpaired surrogates (from `\ud800` escapes).
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_UTF16_32 = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")
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
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # never more: the file may be huge or endless
    except OSError as exc:
        raise error.at(shown, "", f"cannot read the file ({exc.strerror})") from None
    if len(raw) > MAX_BYTES:
        raise error.at(shown, "", f"is larger than {MAX_BYTES:,} bytes: is it the right file?")
    if not raw.strip():
        raise error.at(shown, "", "is empty: start from `rolereport init`")
    if raw.startswith(_UTF16_32):
        raise error.at(shown, "", "is UTF-16 or UTF-32: save it as UTF-8 in your editor")
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
    except yaml.YAMLError as exc:  # in plain words: line, column, key path, the fix
        said = explain(exc, text)
        problem = Problem(shown, said.path, said.message, said.line, said.column)
        raise error([problem]) from None
    except RecursionError:  # the composer recurses once per level of nesting
        raise error.at(
            shown, "", f"nests lists or mappings deeper than {MAX_DEPTH} levels"
        ) from None
    finally:
        loader.dispose()
    if root is None:
        raise error.at(shown, "", "is empty: start from `rolereport init`")
    builder = _Builder(shown, error, yaml.SafeLoader(""))
    try:
        data = builder.build(root, "")
    except RecursionError:  # merge keys (`<<: *a`) that include themselves
        raise error.at(shown, "", "has a merge key (<<) that includes itself") from None
    return YamlDoc(data, builder.lines)


class _Builder:
    def __init__(self, shown: str, error: type[InputError], loader: yaml.SafeLoader) -> None:
        self.shown, self.error, self.loader = shown, error, loader
        self.lines: dict[str, int] = {}
        self.count = 0

    def build(self, node: yaml.Node, path: str, depth: int = 0) -> Any:
        self.count += 1
        line = node.start_mark.line + 1
        if self.count > MAX_NODES:
            raise self.error.at(
                self.shown, path, f"has more than {MAX_NODES:,} values (alias expansion?)", line
            )
        if depth > MAX_DEPTH:
            shown_path = path if len(path) <= 60 else path[:60] + "…"
            raise self.error.at(
                self.shown,
                shown_path,
                f"nests deeper than {MAX_DEPTH} levels (a recursive alias?)",
                line,
            )
        if node.tag not in _PLAIN_TAGS:
            raise self.error.at(
                self.shown, path, f"the tag {node.tag} is not allowed: remove it", line
            )
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            seen: dict[Any, int] = {}
            # Keys written in this mapping; keys merged in with `<<:` may be overridden.
            own = {id(k) for k, _ in node.value if k.tag != "tag:yaml.org,2002:merge"}
            if any(v is node for k, v in node.value if id(k) not in own):
                raise self.error.at(self.shown, path, "merges itself (<<: *itself)", line)
            self.loader.flatten_mapping(node)
            for key_node, value_node in node.value:
                key = self.build(key_node, path, depth + 1)
                key_line = key_node.start_mark.line + 1
                if not isinstance(key, str):
                    key = str(key)
                if key in seen and id(key_node) in own:
                    raise self.error.at(
                        self.shown,
                        f"{path}.{key}" if path else key,
                        f"is given twice (lines {seen[key]} and {key_line}): keep one",
                        key_line,
                    )
                if id(key_node) in own:
                    seen[key] = key_line
                child = f"{path}.{key}" if path else key
                self.lines[child] = key_line
                out[key] = self.build(value_node, child, depth + 1)
            return out
        if isinstance(node, yaml.SequenceNode):
            items = []
            for i, item in enumerate(node.value):
                child = f"{path}[{i}]"
                self.lines[child] = item.start_mark.line + 1
                items.append(self.build(item, child, depth + 1))
            return items
        try:
            value = self.loader.construct_object(node, deep=True)
        except (yaml.YAMLError, ValueError, OverflowError) as exc:
            raise self.error.at(self.shown, path, f"unreadable value: {exc}", line) from None
        bad = _BAD_CHARS.search(value) if isinstance(value, str) else None
        if bad:
            what = (
                "an unpaired surrogate"
                if "\ud800" <= bad.group() <= "\udfff"
                else "the control character"
            )
            raise self.error.at(
                self.shown,
                path,
                f"contains {what} U+{ord(bad.group()):04X}, which documents cannot hold: "
                "delete it (it often comes from pasting out of Word or a PDF)",
                line,
            )
        return value
