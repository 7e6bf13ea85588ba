"""YAML mistakes made by hand, in plain words: what is wrong, the line and the column, and the
fix, for the data file and the brand file alike."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rolereport import BrandError, DataError, load_brand, load_dataset

MISTAKES = [
    (
        "tab",
        "meta:\n  title: Two roles\n\tsummary: A comparison.\n",
        "line 3, column 1: a tab character; YAML indents with spaces: replace it with spaces",
    ),
    (
        "colon-in-text",
        "meta:\n  title: Two roles\n  summary: Note: this is new\n",
        "line 3, column 16: a colon followed by a space inside a text that is not quoted: "
        'put the text in quotes, e.g. summary: "Note: this is new"',
    ),
    (
        "dash-without-space",
        "sources:\n  - id: a\n  -id: b\n  - id: c\n",
        "line 3, column 3: a missing space after '-': write '- id: b'",
    ),
    (
        "colon-without-space",
        "meta:\n  title:Two roles\n  summary: A comparison.\n",
        "line 2, column 8: a missing space after ':': write 'title: Two roles'",
    ),
    (
        "unclosed-quote",
        'meta:\n  title: "Two roles\n  summary: A comparison.\n',
        'line 2, column 10: the quote " opened here is never closed',
    ),
    (
        "text-after-quote",
        "meta:\n  title: 'Acme's roles'\n  summary: A comparison.\n",
        "line 2, column 16: text after the closing quote '",
    ),
]


@pytest.mark.parametrize(("text", "says"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_data_file_mistake_is_said_in_plain_words_with_line_and_column(tmp_path, text, says):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert str(caught.value).startswith(f"{path}: {says}"), str(caught.value)
    assert "token" not in str(caught.value) and "scalar" not in str(caught.value)


@pytest.mark.parametrize(("text", "says"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_brand_file_mistake_is_said_in_the_same_words(tmp_path, text, says):
    (tmp_path / "brand.yml").write_text(text, encoding="utf-8")
    with pytest.raises(BrandError) as caught:
        load_brand(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'brand.yml'}: {says}"), str(caught.value)


def test_a_tab_deep_in_the_packaged_dataset_names_its_line_and_column(tmp_path, data_text):
    lines = data_text.splitlines()
    n = next(i for i, x in enumerate(lines) if x.startswith("    summary:"))
    lines[n] = "  \t" + lines[n][3:]
    path = tmp_path / "data.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert str(caught.value) == (
        f"{path}: line {n + 1}, column 3: a tab character; YAML indents with spaces: "
        "replace it with spaces"
    )


def test_an_unclosed_list_bracket_names_where_it_opened(tmp_path):
    path = Path(tmp_path / "data.yml")
    path.write_text(textwrap.dedent("meta:\n  title: x\nroles: [a, b\nsources: []\n"), "utf-8")
    with pytest.raises(DataError, match=r"line 3, column 8: the \[ opened here is not closed"):
        load_dataset(path)
