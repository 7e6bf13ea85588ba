"""PyYAML's syntax errors in plain words: what is wrong, at which line and column, under which
key, and the fix, for the mistakes people make by hand (tabs, colons in text, `-` or `:`
without a space, unbalanced quotes and brackets, list items out of line)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"][^:#]*?):(\S.*)$")
_DASH_NO_SPACE = re.compile(r"^(\s*)-([^\s-].*)$")
_NOT_A_START = re.compile(r"found character '(.+?)' that cannot start any token")
_ITEM_KEY = re.compile(r"^(\s*)-\s+([^\s:#'\"][^:#]*?):(\s|$)")
_BLOCK_TEXT = re.compile(r"\s*[|>][-+0-9]*\s*(#.*)?$")
_KEY = re.compile(r"""^("[^"]*"|'[^']*'|[^\s:#'"][^:#]*?):(\s|$)""")


@dataclass(frozen=True)
class Explained:
    """A syntax error in plain words: where (1-based), under which key, what and the fix."""

    line: int | None
    column: int | None
    path: str
    message: str


def explain(exc: yaml.YAMLError, text: str) -> Explained:
    """Where the mistake is, the key path around it, and 'what is wrong: how to fix it'."""
    lines = text.splitlines()
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return Explained(None, None, "", f"is not valid YAML: {exc}")
    context = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", "") or "")
    doing = str(getattr(exc, "context", "") or "")

    def at(m: yaml.Mark | tuple[int, int] | None, what: str) -> Explained:
        n, col = m if isinstance(m, tuple) else ((m or mark).line, (m or mark).column)
        return Explained(n + 1, col + 1, key_path(lines, n), what)

    def line(n: int) -> str:
        return lines[n] if 0 <= n < len(lines) else ""

    for n in (mark.line, *([context.line] if context else [])):
        indent = re.match(r"[ \t]*", line(n)).group()  # type: ignore[union-attr]
        if "\t" in indent:
            return at(
                (n, indent.index("\t")),
                "a tab character; YAML indents with spaces: replace it with spaces",
            )
    start = _NOT_A_START.search(problem)
    if start and start.group(1) == "\\t":
        return at(None, "a tab character; YAML separates with spaces: replace it with a space")
    if start:
        return at(None, f"a text cannot start with {start.group(1)!r}: put the text in quotes")
    if "quoted scalar" in doing and context is not None:
        quote = line(context.line)[context.column : context.column + 1] or '"'
        return at(
            context,
            f"the quote {quote} opened here is never closed: add the closing {quote} "
            "at the end of the text",
        )
    if "simple key" in doing and context is not None:
        fix = _no_space(line(context.line), context.line)
        return at(fix[0], fix[1]) if fix else at(context, _key_without_colon())
    item = _item_out_of_line(lines, mark.line)
    if item and (problem.startswith("mapping values") or problem.startswith("expected <block")):
        return at(*item)
    if problem.startswith("mapping values are not allowed"):
        here = line(mark.line)
        before = here[: mark.column]
        if re.search(r":\s", before) or before.rstrip().endswith(":"):
            key, _, value = here.partition(":")
            value = value.strip().replace('"', '\\"')
            return at(
                None,
                "a colon followed by a space inside a text that is not quoted: put the text "
                f'in quotes, e.g. {key.strip()}: "{value}"',
            )
        above = _previous(lines, mark.line)
        fix = _no_space(line(above), above) if above is not None else None
        if fix:
            return at(*fix)
        return at(
            None,
            "this line is indented more than the key above it: line up the keys of one "
            "mapping, or quote a text that goes on over several lines",
        )
    if problem.startswith("expected <block end>"):
        here = line(mark.line)[: mark.column].rstrip()
        opened = _quote_opened(text, mark) if here.endswith(("'", '"')) else None
        if opened is not None:
            q = here[-1]
            return at(
                opened,
                f"the quote {q} opened here is not closed on its line, so the text runs on to "
                f"the next {q} (line {mark.line + 1}): add the closing {q} at the end of the text",
            )
        if here.endswith(("'", '"')):
            return at(
                None,
                f"text after the closing quote {here[-1]}: a quoted text ends at its closing "
                "quote; for a quote inside it, quote the whole text with the other kind "
                "(\"It's\") or double the quote ('It''s')",
            )
        fix = _no_space(line(mark.line), mark.line)
        if fix:
            return at(*fix)
        return at(
            None,
            "this line is not lined up with the keys or list items above it: indent it as "
            "the ones it belongs with",
        )
    if "flow sequence" in doing or "flow mapping" in doing:
        opened = "[" if "sequence" in doing else "{"
        closing = "]" if opened == "[" else "}"
        return at(
            context,
            f"the {opened} opened here is not closed: add {closing} or write the items "
            "as lines starting with '- '",
        )
    if problem.startswith("found undefined alias"):
        return at(None, "a text cannot start with '*': put the text in quotes")
    return at(None, f"is not valid YAML: {problem or exc}")


def _no_space(text: str, n: int) -> tuple[tuple[int, int], str] | None:
    """Where line `n` (`text`) has `-item` or `key:value`, and the fix; or None."""
    dash = _DASH_NO_SPACE.match(text)
    if dash:
        return (n, dash.end(1)), f"a missing space after '-': write '- {dash.group(2).strip()}'"
    key = _KEY_NO_SPACE.match(text)
    if key and not key.group(2).startswith("//"):  # a URL's colon is fine
        fix = f"write '{key.group(1).strip()}: {key.group(2).strip()}'"
        return (n, key.end(1)), f"a missing space after ':': {fix}"
    return None


def _item_out_of_line(lines: list[str], n: int) -> tuple[tuple[int, int], str] | None:
    """Where the list item above line `n` starts keys that line `n` does not line up with."""
    if n >= len(lines):  # the mistake is found at the end of the file
        return None
    above = _previous(lines, n)
    item = _ITEM_KEY.match(lines[above]) if above is not None else None
    here = _KEY.match(lines[n].lstrip(" "))
    if item is None or here is None or above is None or _DASH_NO_SPACE.match(lines[n]):
        return None
    first = item.start(2)  # where the item's first key starts: its other keys start there too
    indent = len(lines[n]) - len(lines[n].lstrip(" "))
    if indent == first or indent < len(item.group(1)):
        return None
    key, dash = here.group(1), len(item.group(1))
    others = [m for m in map(_ITEM_KEY.match, lines) if m and m.start(2) == indent]
    if others:  # the other items of the list have their keys where this line has its key
        at = len(others[0].group(1))
        return (above, dash), (
            f"this list item's '- ' is at column {dash + 1} and the other items' at column "
            f"{at + 1}: move it to column {at + 1}, so that '{item.group(2)}' lines up with "
            f"'{key}' (line {n + 1}) and the keys of the other items"
        )
    return (above, dash), (
        f"the keys of this list item are not lined up: '{key}' (line {n + 1}) must start "
        f"under '{item.group(2)}', at column {first + 1}; indent the lines of one list item "
        "alike, and put its '- ' where the other items of the list have theirs"
    )


def _quote_opened(text: str, mark: yaml.Mark) -> tuple[int, int] | None:
    """Where the quoted text that ends just before `mark` opened, when on an earlier line."""
    scanner = yaml.SafeLoader(text)
    last = None
    try:
        while scanner.check_token():
            token = scanner.get_token()
            if token.start_mark.index >= mark.index:
                break
            last = token
    except yaml.YAMLError:
        pass
    finally:
        scanner.dispose()
    if isinstance(last, yaml.ScalarToken) and last.start_mark.line < last.end_mark.line:
        return last.start_mark.line, last.start_mark.column
    return None


def key_path(lines: list[str], n: int) -> str:
    """The key path (`roles[0].name`) of line `n`, read from the indentation of the lines up
    to it, for a file that does not parse: the keys it can see, as far as they go."""
    lines = lines[: n + 1]
    above = _previous(lines, n)
    if n < len(lines) and above is not None and "\t" in _indent(lines[n]):
        # a tab typed in place of spaces: most likely the indentation of the line above
        lines[n] = _indent(lines[above]) + lines[n].lstrip()
    parts: list[str] = []
    child: tuple[int, bool] | None = None  # the indentation of the line below; a list item?
    for i in range(min(n, len(lines) - 1), -1, -1):
        body = lines[i].lstrip(" \t")
        indent = len(lines[i]) - len(body)
        if not body or body.startswith("#"):
            continue
        # on the line of the mistake, '-item' (no space) counts as the list item it means
        dash = _is_item(body) or (child is None and _DASH_NO_SPACE.match(body) is not None)
        if child is not None:
            below, item = child
            # a parent is indented less, or as much when it is the key of a list below it
            if indent > below or (indent == below and (dash or not item)):
                continue
        rest = body[1:].lstrip(" \t") if dash else body
        key = _KEY.match(rest) or (_KEY_NO_SPACE.match(rest) if child is None else None)
        first = indent + len(body) - len(rest)  # where the key after '- ' starts
        if key and child is not None and _BLOCK_TEXT.match(rest[key.end() :]):
            parts.clear()  # the lines below are the text of this key, whatever they look like
        if key and (child is None or not dash or child[0] > first):
            parts.append(key.group(1).strip("'\""))
        if dash:
            parts.append(f"[{_index(lines, i, indent)}]")
        child = (indent, dash)
    return ".".join(reversed(parts)).replace(".[", "[")


def _indent(text: str) -> str:
    return text[: len(text) - len(text.lstrip())]


def _is_item(body: str) -> bool:
    return body.startswith("-") and body[1:2] in ("", " ", "\t")


def _index(lines: list[str], n: int, indent: int) -> int:
    """How many list items at `indent` come before the one on line `n`, in its list."""
    count = 0
    for i in range(n - 1, -1, -1):
        body = lines[i].lstrip(" \t")
        here = len(lines[i]) - len(body)
        if not body or body.startswith("#") or here > indent:
            continue
        if here < indent or not _is_item(body):
            break
        count += 1
    return count


def _key_without_colon() -> str:
    return "a key without ':' (or a text at the place of a key): write 'key: value'"


def _previous(lines: list[str], n: int) -> int | None:
    """The line before line `n` that holds something."""
    for i in range(n - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None
