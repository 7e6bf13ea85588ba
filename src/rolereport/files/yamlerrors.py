"""PyYAML's syntax errors in plain words: what is wrong, at which line and column, and the fix,
for the mistakes people make by hand (tabs, colons in text, `-` or `:` without a space,
unbalanced quotes and brackets)."""

from __future__ import annotations

import re

import yaml

_KEY_NO_SPACE = re.compile(r"^\s*(?:-\s+)?([^\s:#'\"][^:#]*?):(\S.*)$")
_DASH_NO_SPACE = re.compile(r"^(\s*)-([^\s-].*)$")
_NOT_A_START = re.compile(r"found character '(.+?)' that cannot start any token")


def explain(exc: yaml.YAMLError, text: str) -> str:
    """One line: 'line L, column C: what is wrong: how to fix it'."""
    lines = text.splitlines()
    mark = getattr(exc, "problem_mark", None)
    if mark is None:
        return f"is not valid YAML: {exc}"
    context = getattr(exc, "context_mark", None)
    problem = str(getattr(exc, "problem", "") or "")
    doing = str(getattr(exc, "context", "") or "")

    def at(m: yaml.Mark | tuple[int, int] | None, what: str) -> str:
        n, col = m if isinstance(m, tuple) else ((m or mark).line, (m or mark).column)
        return f"line {n + 1}, column {col + 1}: {what}"

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


def _key_without_colon() -> str:
    return "a key without ':' (or a text at the place of a key): write 'key: value'"


def _previous(lines: list[str], n: int) -> int | None:
    """The line before line `n` that holds something."""
    for i in range(n - 1, -1, -1):
        if lines[i].strip() and not lines[i].lstrip().startswith("#"):
            return i
    return None
