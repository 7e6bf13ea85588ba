"""The data file: what loads, and how each broken input is reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rolereport import DataError, load_dataset
from rolereport.data.facts import slugify


def write(tmp_path: Path, text: str, name: str = "data.yml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_dataset(path)
    return str(info.value).splitlines()


def test_packaged_dataset_loads_by_name_with_bls_figures_for_both_roles():
    d = load_dataset("ai-engineer-vs-data-scientist")
    ai, ds = d.roles
    assert (ai.salary.p10, ai.salary.median, ai.salary.p90) == (81450, 145080, 233110)
    assert (ds.salary.p10, ds.salary.median, ds.salary.p90) == (61070, 108020, 184090)
    assert (ai.outlook.growth_pct, ds.outlook.growth_pct) == (25.6, 36.0)
    assert (ai.outlook.openings_per_year, ds.outlook.openings_per_year) == (3400, 20800)
    assert (ds.freelance.hourly_low, ds.freelance.hourly_high) == (35, 250)
    assert d.slug == "ai-engineer-vs-data-scientist"


def test_slug_folds_accents_and_punctuation():
    assert slugify("AI Engineer vs. Data Scientist") == "ai-engineer-vs-data-scientist"
    assert slugify("  Café — Rôles & Pay!  ") == "cafe-roles-pay"


def test_percentiles_out_of_order_are_reported_with_key_path_and_line(tmp_path, data_text):
    path = write(tmp_path, data_text.replace("p90: 233110", "p90: 92000"))
    (line,) = errors_of(path)
    assert line.startswith(f"{path}:")
    assert "roles[0].salary.p90: must be at least p75 (185160); got 92000" in line
    lineno = int(line.split(":")[1])
    assert "p90: 92000" in path.read_text().splitlines()[lineno - 1]


def test_unknown_source_is_reported_with_its_key_path(tmp_path, data_text):
    path = write(tmp_path, data_text.replace("source: bls-ep-2023", "source: bls-ep-2032", 1))
    (line,) = errors_of(path)
    assert "roles[0].education.source: unknown source 'bls-ep-2032'" in line
    assert "did you mean 'bls-ep-2023'?" in line


def test_every_problem_of_a_file_is_reported_at_once(tmp_path, data_text):
    text = data_text.replace("  title: AI Engineer vs. Data Scientist\n", "  titel: x\n")
    text = text.replace("median: 145080", "median: lots")
    lines = errors_of(write(tmp_path, text))
    assert any("meta.titel: unknown key: did you mean 'title'?" in x for x in lines)
    assert any("meta.title: is required: add it" in x for x in lines)
    assert any("roles[0].salary.median: expected a number, got 'lots'" in x for x in lines)


def test_a_yes_no_word_where_text_is_expected_says_quote_it(tmp_path, data_text):
    path = write(tmp_path, data_text.replace("short_name: AI engineer", "short_name: NO"))
    (line,) = errors_of(path)
    assert "roles[0].short_name: expected text, got a yes/no value (False): quote it" in line


def test_duplicate_keys_name_both_lines(tmp_path):
    path = write(tmp_path, "meta:\n  title: A\n  title: B\n")
    (line,) = errors_of(path)
    assert "meta.title: is given twice (lines 2 and 3): keep one" in line


def test_python_tags_are_refused(tmp_path):
    path = write(tmp_path, "meta: !!python/object/apply:os.system ['echo hi']\n")
    (line,) = errors_of(path)
    assert "tag:yaml.org,2002:python/object/apply:os.system is not allowed" in line


def test_alias_bombs_are_bounded(tmp_path):
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 8):
        lines.append(
            f"{'abcdefgh'[i]}: &{'abcdefgh'[i]} [{','.join(['*' + 'abcdefgh'[i - 1]] * 10)}]"
        )
    (line,) = errors_of(write(tmp_path, "\n".join(lines) + "\n"))
    assert "more than 50,000 values" in line


def test_control_characters_are_named_with_their_field(tmp_path, data_text):
    path = write(tmp_path, data_text.replace("name: AI Engineer", 'name: "AI\\x07 Engineer"'))
    (line,) = errors_of(path)
    assert "roles[0].name: contains the control character U+0007" in line


def test_empty_binary_and_non_utf8_files_are_clear_errors(tmp_path):
    assert "is empty" in errors_of(write(tmp_path, "  \n", "empty.yml"))[0]
    (tmp_path / "bin.yml").write_bytes(b"\x00\x01\x02")
    assert "not a text file" in errors_of(tmp_path / "bin.yml")[0]
    (tmp_path / "latin.yml").write_bytes("meta: {title: caf\xe9}\n".encode("latin-1"))
    assert "is not UTF-8" in errors_of(tmp_path / "latin.yml")[0]


def test_one_role_is_too_few(tmp_path, data_text):
    start = data_text.index("  - id: data-scientist")
    end = data_text.index("\ncomparison:")
    text = data_text[:start] + data_text[end:]
    text = text.replace("leans: data-scientist", "leans: ai-engineer")
    text = text.replace("role: data-scientist", "role: ai-engineer")
    lines = errors_of(write(tmp_path, text))
    assert any("roles: needs at least 2 entries" in x for x in lines)


def test_unknown_dataset_name_lists_the_packaged_ones():
    with pytest.raises(DataError) as info:
        load_dataset("no-such-dataset")
    assert "ai-engineer-vs-data-scientist" in str(info.value)


def test_warnings_flag_stale_data_monthly_pay_and_unsourced_education(dataset):
    from datetime import date

    from rolereport.data.advice import dataset_warnings

    salary = dataset.roles[1].salary.model_copy(update={"median": 9000.0, "p75": None, "p90": None})
    education = dataset.roles[0].education.model_copy(update={"source": None})
    roles = (
        dataset.roles[0].model_copy(update={"education": education}),
        dataset.roles[1].model_copy(update={"salary": salary}),
    )
    odd = dataset.model_copy(update={"roles": roles})
    found = "\n".join(dataset_warnings(odd, "data.yml", today=date(2026, 11, 27)))
    assert "data.yml: meta.as_of: the data is from 2023-05, more than two years ago" in found
    assert "roles[1].salary.median: 9000 looks monthly" in found
    assert "roles[0].education.source: the entry-level education has no source" in found
    assert dataset_warnings(dataset, today=date(2024, 1, 1)) == ()


def test_text_longer_than_the_documents_can_show_is_an_error(tmp_path, data_text):
    long_name = "A" * 81
    path = write(tmp_path, data_text.replace("name: AI Engineer", f"name: {long_name}", 1))
    (line,) = errors_of(path)
    assert "roles[0].name: is too long for the documents (80 characters at most)" in line


RULES = [
    ("negative pay", "p10: 81450", "p10: -5", "roles[0].salary.p10: must not be negative; got -5"),
    ("non-finite", "median: 145080", "median: .nan", "roles[0].salary.median: must be a finite"),
    (
        "hourly order",
        "hourly_high: 100",
        "hourly_high: 50",
        "roles[0].freelance.hourly_high: must be at least hourly_low (75); got 50",
    ),
    (
        "duplicate role id",
        "- id: data-scientist",
        "- id: ai-engineer",
        "roles[1].id: duplicate role id 'ai-engineer'",
    ),
    (
        "unknown leans id",
        "leans: data-scientist",
        "leans: data-scientists",
        "comparison.self_assessment[0].leans: unknown role 'data-scientists'",
    ),
    (
        "unknown workflow role",
        "role: data-scientist",
        "role: analyst",
        "comparison.collaboration.steps[0].role: unknown role 'analyst'",
    ),
    (
        "unknown key in a role",
        "    short_name: AI engineer",
        "    shortname: AI engineer",
        "roles[0].shortname: unknown key: did you mean 'short_name'?",
    ),
    ("weight out of range", "weight: 5", "weight: 9", "roles[0].skills[0].weight: input should"),
    (
        "bad currency",
        "currency: USD",
        "currency: dollars",
        "meta.currency: 'dollars' is not an ISO",
    ),
    (
        "bad id",
        "- id: ai-engineer",
        "- id: AI Engineer",
        "roles[0].id: 'AI Engineer' is not a valid id",
    ),
    (
        "wrong format",
        "format: rolereport/1",
        "format: rolereport/9",
        "format: must be 'rolereport/1'",
    ),
]


@pytest.mark.parametrize(
    ("old", "new", "expected"), [r[1:] for r in RULES], ids=[r[0] for r in RULES]
)
def test_each_rule_is_reported_with_its_key_path(tmp_path, data_text, old, new, expected):
    assert old in data_text
    lines = errors_of(write(tmp_path, data_text.replace(old, new, 1)))
    assert any(expected in line for line in lines), lines


def test_five_roles_are_too_many(tmp_path, data_text):
    start = data_text.index("  - id: data-scientist")
    end = data_text.index("\ncomparison:")
    block = data_text[start:end]
    extra = "".join(block.replace("id: data-scientist", f"id: extra-{i}", 1) for i in range(3))
    lines = errors_of(write(tmp_path, data_text[:end] + "\n" + extra + data_text[end:]))
    assert any("roles: allows at most 4 entries" in x for x in lines), lines


def test_text_where_a_list_is_expected_says_so(tmp_path, data_text):
    text = re.sub(r"    tools:\n(      - .*\n)+", "    tools: TensorFlow\n", data_text, count=1)
    (line,) = errors_of(write(tmp_path, text))
    assert "roles[0].tools: expected a list (lines starting with '- ')" in line
