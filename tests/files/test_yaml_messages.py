"""YAML mistakes made by hand, in plain words: what is wrong, the line and the column, and the
fix, for the data file and the brand file alike."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from rolereport import BrandError, DataError, load_brand, load_dataset
from rolereport.cli.main import main

MISTAKES = [
    (
        "tab",
        "meta:\n  title: Two roles\n\tsummary: A comparison.\n",
        "3:1: meta.summary: a tab character; YAML indents with spaces: replace it with spaces",
    ),
    (
        "colon-in-text",
        "meta:\n  title: Two roles\n  summary: Note: this is new\n",
        "3:16: meta.summary: a colon followed by a space inside a text that is not quoted: "
        'put the text in quotes, e.g. summary: "Note: this is new"',
    ),
    (
        "dash-without-space",
        "sources:\n  - id: a\n  -id: b\n  - id: c\n",
        "3:3: sources[1].id: a missing space after '-': write '- id: b'",
    ),
    (
        "colon-without-space",
        "meta:\n  title:Two roles\n  summary: A comparison.\n",
        "2:8: meta.title: a missing space after ':': write 'title: Two roles'",
    ),
    (
        "unclosed-quote",
        'meta:\n  title: "Two roles\n  summary: A comparison.\n',
        '2:10: meta.title: the quote " opened here is never closed',
    ),
    (
        "bracket-left-open-at-the-end",
        "meta:\n  title: [unclosed\n",
        "2:10: meta.title: the [ opened here is not closed: add ]",
    ),
    (
        "text-after-quote",
        "meta:\n  title: 'Acme's roles'\n  summary: A comparison.\n",
        "2:16: meta.title: text after the closing quote '",
    ),
]


@pytest.mark.parametrize(("text", "says"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_data_file_mistake_is_said_in_plain_words_at_its_line_column_and_key(
    tmp_path, text, says
):
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert str(caught.value).startswith(f"{path}:{says}"), str(caught.value)
    assert "token" not in str(caught.value) and "scalar" not in str(caught.value)


@pytest.mark.parametrize(("text", "says"), [m[1:] for m in MISTAKES], ids=[m[0] for m in MISTAKES])
def test_a_brand_file_mistake_is_said_in_the_same_words(tmp_path, text, says):
    (tmp_path / "brand.yml").write_text(text, encoding="utf-8")
    with pytest.raises(BrandError) as caught:
        load_brand(tmp_path)
    assert str(caught.value).startswith(f"{tmp_path / 'brand.yml'}:{says}"), str(caught.value)


def test_a_tab_deep_in_the_packaged_dataset_names_its_line_and_column(tmp_path, data_text):
    lines = data_text.splitlines()
    n = next(i for i, x in enumerate(lines) if x.startswith("    summary:"))
    lines[n] = "  \t" + lines[n][3:]
    path = tmp_path / "data.yml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(path)
    assert str(caught.value) == (
        f"{path}:{n + 1}:3: roles[0].summary: a tab character; YAML indents with spaces: "
        "replace it with spaces"
    )


def test_an_unclosed_list_bracket_names_where_it_opened(tmp_path):
    path = Path(tmp_path / "data.yml")
    path.write_text(textwrap.dedent("meta:\n  title: x\nroles: [a, b\nsources: []\n"), "utf-8")
    with pytest.raises(DataError, match=r":3:8: roles: the \[ opened here is not closed"):
        load_dataset(path)


# Mistakes made by hand in a copy of the packaged dataset, as `rolereport check` says them:
# file:line:column: key.path: what is wrong: the fix, like every other error.
IN_THE_DATASET = [
    (
        "a-tab-indent",
        ("    short_name: AI engineer", "\tshort_name: AI engineer"),
        ":29:1: roles[0].short_name: a tab character; YAML indents with spaces: replace it",
    ),
    (
        "no-space-after-colon",
        ("  title: AI Engineer vs.", "  title:AI Engineer vs."),
        ":12:8: meta.title: a missing space after ':': write 'title: AI Engineer vs.",
    ),
    (
        "a-quote-left-open-on-its-line",
        ("    name: AI Engineer\n", '    name: "AI Engineer\n'),
        ':28:11: roles[0].name: the quote " opened here is not closed on its line, so the '
        'text runs on to the next " (line 31): add the closing " at the end of the text',
    ),
    (
        "a-list-item-indented-too-far",
        ("  - id: ai-engineer", "    - id: ai-engineer"),
        ":27:5: roles[0].id: this list item's '- ' is at column 5 and the other items' at "
        "column 3: move it to column 3, so that 'id' lines up with 'name' (line 28)",
    ),
    (
        "a-list-item-not-indented",
        ("  - id: ai-engineer", "- id: ai-engineer"),
        ":27:1: roles[0].id: this list item's '- ' is at column 1 and the other items' at "
        "column 3: move it to column 3",
    ),
]


@pytest.mark.parametrize(
    ("edit", "says"), [m[1:] for m in IN_THE_DATASET], ids=[m[0] for m in IN_THE_DATASET]
)
def test_check_says_a_syntax_mistake_like_every_other_error_with_its_key_and_fix(
    tmp_path, data_text, capsys, edit, says
):
    path = tmp_path / "mine.yml"
    assert edit[0] in data_text
    path.write_text(data_text.replace(edit[0], edit[1], 1), encoding="utf-8")
    assert main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"Error: {path}{says}"), err
    assert err.count("\n") == 1
