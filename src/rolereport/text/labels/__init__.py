"""The fixed wording the documents add: one label set per language, `labels/<language>.yml`.

A label is a text with named placeholders (`Page {page} of {pages}`). Two format specs
exist: `{role:lower}` writes a name with a small first letter ("data scientist", but "AI
engineer" keeps its capitals) and `{role:a}` also puts "a" or "an" before it (English). A
list value is joined with the set's word for "and" (`{skills:lower}` → "python, sql and
statistics"). Adding a language is one file; adding a key is one line in every file.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Any

from ..formats import join_words, lower_first

DEFAULT_LANGUAGE = "en"
SPECS = ("", "lower", "a")  # the format specs a placeholder may carry


def label_text(language: str) -> str | None:
    """The label set file of a language code ("en", "de") as written, comments and all; None
    when no set ships for it."""
    if not language.isalpha():
        return None
    file = resources.files(__package__) / f"{language.lower()}.yml"
    return file.read_text(encoding="utf-8") if file.is_file() else None


@cache
def label_set(language: str) -> Mapping[str, str] | None:
    """The label set that ships for a language code ("en", "de"), or None when none does."""
    text = label_text(language)
    if text is None:
        return None
    import yaml

    texts = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return MappingProxyType({str(k): str(v) for k, v in texts.items()})


def languages() -> tuple[str, ...]:
    """The language codes that have a label set, e.g. ("de", "en")."""
    folder = resources.files(__package__)
    return tuple(sorted(p.name[:-4] for p in folder.iterdir() if p.name.endswith(".yml")))


def english() -> Mapping[str, str]:
    """The English label set: every key, and the reference for every other set."""
    found = label_set(DEFAULT_LANGUAGE)
    assert found is not None, "the English label set ships with rolereport"
    return found


def placeholders(text: str) -> dict[str, str]:
    """The placeholders of a label with their format specs, `{name: spec}`.

    Raises ValueError, in words a non-programmer can act on, for a lone brace, a placeholder
    without a name, a conversion (`!r`) or an unknown format spec.
    """
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        raise ValueError("has a lone '{' or '}': write {{ or }} for a brace") from None
    found: dict[str, str] = {}
    for _literal, name, spec, conversion in parts:
        if name is None:
            continue
        if not name.isidentifier():
            raise ValueError(
                f"'{{{name}}}' is not a placeholder: placeholders are names such as {{role}}; "
                "write {{ or }} for a brace"
            )
        if conversion or spec not in SPECS:
            written = (
                f"{{{name}{'!' + conversion if conversion else ''}{':' + spec if spec else ''}}}"
            )
            raise ValueError(
                f"'{written}' is not a known form: write {{{name}}}, {{{name}:lower}} "
                f"or {{{name}:a}}"
            )
        found.setdefault(name, spec)
    return found


class _Fill(string.Formatter):
    """Fills a label: the `lower` and `a` specs, and lists joined with the word for "and"."""

    def __init__(self, and_word: str) -> None:
        self.and_word = and_word

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, (list, tuple)):
            items = [self.format_field(v, format_spec) for v in value]
            return join_words(items, self.and_word) if items else ""
        text = str(value)
        if format_spec in ("lower", "a"):
            text = lower_first(text)
        if format_spec == "a":
            text = ("an " if text[:1].lower() in "aeiou" else "a ") + text
        return text


def fill(text: str, and_word: str = "and", /, **values: Any) -> str:
    """A label with its placeholders filled (lists joined with `and_word`)."""
    return _Fill(and_word).vformat(text, (), values)


@dataclass(frozen=True)
class Labels:
    """A language's label set with a data file's overrides: call it with a key and values."""

    texts: Mapping[str, str]

    @classmethod
    def for_language(cls, language: str, overrides: Mapping[str, str] | None = None) -> Labels:
        """The set of `language` (English when none ships) with `overrides` applied."""
        base = label_set(language) or english()
        return cls(MappingProxyType({**base, **(overrides or {})}))

    def __call__(self, key: str, /, **values: Any) -> str:
        """The label `key` with its placeholders filled; KeyError for an unknown key."""
        return fill(self.texts[key], self.texts["and"], **values)
