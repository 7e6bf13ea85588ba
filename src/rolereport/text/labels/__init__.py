"""The fixed wording the documents add: one label set per language, `labels/<language>.yml`.

A label is a text with named placeholders (`Page {page} of {pages}`). Two format specs
exist: `{role:lower}` writes a name with a small first letter ("data scientist", but "AI
engineer" keeps its capitals) and `{role:a}` also puts "a" or "an" before it, as the name is
said ("an RN", "a UX designer": see `articles`), or the article a `Name` carries. Both are
English forms: in German, whose nouns keep their capitals and whose articles follow gender
and case, `lower` keeps the name as written and `a` adds no article. A list value is joined
with the set's word for "and" (`{skills:lower}` → "python, sql and statistics"). Adding a
language is one file; adding a key is one line in every file.
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
from .articles import english_article

DEFAULT_LANGUAGE = "en"
SPECS = ("", "lower", "a")  # the format specs a placeholder may carry
# Languages whose nouns keep a capital first letter, so `{role:lower}` leaves them be.
_CAPITAL_NOUNS = frozenset({"de"})


class Name(str):
    """A name that knows its English article: `Name("RN", article="an")`. A role's label is
    one, so that `{role:a}` uses the article its data file sets (`article:`) when the rule
    of `english_article` would get it wrong."""

    article: str | None

    def __new__(cls, text: str, article: str | None = None) -> Name:
        self = super().__new__(cls, text)
        self.article = article
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (Name, (str(self), self.article))


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

    def __init__(self, and_word: str, language: str) -> None:
        self.and_word = and_word
        self.language = language

    def format_field(self, value: Any, format_spec: str) -> str:
        if isinstance(value, (list, tuple)):
            items = [self.format_field(v, format_spec) for v in value]
            return join_words(items, self.and_word) if items else ""
        text = str(value)
        if format_spec in ("lower", "a") and self.language not in _CAPITAL_NOUNS:
            text = lower_first(text)
        if format_spec == "a" and self.language == DEFAULT_LANGUAGE:
            article = getattr(value, "article", None) or english_article(text)
            text = f"{article} {text}"
        return text


def fill(
    text: str, and_word: str = "and", language: str = DEFAULT_LANGUAGE, /, **values: Any
) -> str:
    """A label with its placeholders filled (lists joined with `and_word`; the `lower` and
    `a` specs as `language` writes them)."""
    return _Fill(and_word, language).vformat(text, (), values)


@dataclass(frozen=True)
class Labels:
    """A language's label set with a data file's overrides: call it with a key and values."""

    texts: Mapping[str, str]
    language: str = DEFAULT_LANGUAGE

    @classmethod
    def for_language(cls, language: str, overrides: Mapping[str, str] | None = None) -> Labels:
        """The set of `language` (English when none ships) with `overrides` applied."""
        base = label_set(language)
        texts = MappingProxyType({**(base or english()), **(overrides or {})})
        return cls(texts, language.lower() if base else DEFAULT_LANGUAGE)

    def __call__(self, key: str, /, **values: Any) -> str:
        """The label `key` with its placeholders filled; KeyError for an unknown key."""
        return fill(self.texts[key], self.texts["and"], self.language, **values)
