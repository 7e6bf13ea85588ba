"""Hostile YAML (RELIABILITY.md): tags, alias bombs, deep nesting, duplicate keys, retyped
values, bad encodings and huge files are refused with one line naming the file, and leave
earlier outputs as they were."""

from __future__ import annotations

import re
import time

import pytest
from hostile import assert_refused, assert_untouched, build, write_data

# YAML surprises


def test_a_python_object_tag_is_refused_and_never_run(capsys, tmp_path, out, golden, data_text):
    marker = tmp_path / "ran"
    tag = f'!!python/object/apply:os.system ["touch {marker}"]'
    bad = write_data(tmp_path, data_text.replace("title: AI Engineer vs", f"title: {tag} #"))
    assert_refused(capsys, out, golden, [str(bad)], bad, "meta.title", "is not allowed")
    assert not marker.exists()


def test_an_alias_bomb_is_refused_quickly(capsys, tmp_path, out, golden):
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    bad = write_data(tmp_path, "\n".join(lines) + "\n")
    start = time.perf_counter()
    assert_refused(capsys, out, golden, [str(bad)], bad, "a", "more than 50,000 values")
    assert time.perf_counter() - start < 5


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("a: &a [*a]\n", "nests deeper than"),
        ("a: " + "[" * 5000 + "]" * 5000, "deeper than"),
        ("a: &a\n  b: 1\n  <<: *a\n", "merges itself"),
    ],
)
def test_recursive_or_deep_yaml_is_refused(capsys, tmp_path, out, golden, text, says):
    bad = write_data(tmp_path, text)
    code, err = build(capsys, out, str(bad))
    assert code == 2 and says in err and str(bad) in err and "Traceback" not in err, err
    assert_untouched(out, golden)


def test_a_duplicate_key_names_both_lines(capsys, tmp_path, out, golden, data_text):
    text = data_text.replace("  currency: USD\n", "  currency: USD\n  currency: EUR\n")
    bad = write_data(tmp_path, text)
    line = text.splitlines().index("  currency: USD") + 1
    assert_refused(
        capsys, out, golden, [str(bad)], bad, "meta.currency", f"lines {line} and {line + 1}"
    )


@pytest.mark.parametrize(
    ("old", "new", "key", "says"),
    [
        ("name: AI Engineer", "name: NO", "roles[0].name", "yes/no value (False): quote it"),
        ('code: "15-1221"', "code: 0123", "roles[0].occupation.code", "got 83"),
        ('as_of: "2023-05"', "as_of: 12:30", "meta.as_of", "got 750"),
    ],
)
def test_values_yaml_retypes_say_quote_it_with_the_line(
    capsys, tmp_path, out, golden, data_text, old, new, key, says
):
    bad = write_data(tmp_path, data_text.replace(old, new, 1))
    err = assert_refused(capsys, out, golden, [str(bad)], bad, key, says)
    assert "quote it" in err and re.search(rf"{re.escape(str(bad))}:\d+: ", err)


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"", "is empty"),
        ("meta: {title: Café}\n".encode("latin-1"), "is not UTF-8"),
        ("meta: {title: x}\n".encode("utf-16"), "is UTF-16"),
    ],
)
def test_empty_or_wrongly_encoded_files_say_what_to_do(
    capsys, tmp_path, out, golden, content, says
):
    bad = tmp_path / "data.yml"
    bad.write_bytes(content)
    code, err = build(capsys, out, str(bad))
    assert code == 2 and err.startswith(f"Error: {bad}: {says}"), err
    assert_untouched(out, golden)


def test_a_50_mb_data_file_is_refused_before_it_is_read(capsys, tmp_path, out, golden):
    bad = tmp_path / "data.yml"
    with bad.open("wb") as fh:
        fh.truncate(50_000_000)
    start = time.perf_counter()
    code, err = build(capsys, out, str(bad))
    assert code == 2 and "is larger than 2,000,000 bytes" in err, err
    assert time.perf_counter() - start < 2
    assert_untouched(out, golden)
