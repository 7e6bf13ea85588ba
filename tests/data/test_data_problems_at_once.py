"""A data file's problems come in one run, and id references forgive case and suggest the id."""

from __future__ import annotations

from pathlib import Path

import pytest

from rolereport import DataError, load_dataset


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.yml"
    path.write_text(text, encoding="utf-8")
    return path


def errors_of(path: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_dataset(path)
    return str(info.value).splitlines()


def test_a_misspelt_meta_key_does_not_hide_a_p90_below_the_median(tmp_path, data_text):
    text = data_text.replace("  currency: USD\n", "  curency: USD\n")
    text = text.replace("p90: 233110", "p90: 92000")
    lines = errors_of(write(tmp_path, text))
    assert any("meta.curency: unknown key: did you mean 'currency'?" in x for x in lines), lines
    assert any("roles[0].salary.p90: must be at least p75 (185160); got 92000" in x for x in lines)
    assert len(lines) == 2, lines


def test_an_unknown_source_and_a_bad_hourly_rate_and_a_schema_error_come_together(
    tmp_path, data_text
):
    text = data_text.replace("source: bls-ep-2023", "source: bls-ep-2032", 1)
    text = text.replace("hourly_high: 100", "hourly_high: 50")
    text = text.replace("name: AI Engineer", "name: " + "A" * 81, 1)
    lines = errors_of(write(tmp_path, text))
    assert [x.split(": ")[1] for x in lines] == [
        "roles[0].name",
        "roles[0].education.source",
        "roles[0].freelance.hourly_high",
    ], lines


def test_problems_are_listed_in_the_order_of_the_file_with_their_lines(tmp_path, data_text):
    text = data_text.replace("leans: data-scientist", "leans: data-scientists", 1)
    text = text.replace("  title: AI Engineer vs. Data Scientist\n", "  titel: x\n")
    lines = errors_of(write(tmp_path, text))
    numbers = [int(x.split(":")[1]) for x in lines]
    assert numbers == sorted(numbers) and len(lines) == 3, lines


def test_a_part_that_is_invalid_itself_is_not_cross_checked_as_well(tmp_path, data_text):
    text = data_text.replace("p90: 233110", "p90: lots")
    lines = errors_of(write(tmp_path, text))
    assert len(lines) == 1 and "roles[0].salary.p90: expected a number" in lines[0], lines


@pytest.mark.parametrize(
    ("old", "new", "key", "value"),
    [
        ("leans: data-scientist", "leans: DATA-SCIENTIST", "leans", "data-scientist"),
        ("- role: data-scientist", "- role: Data-Scientist", "role", "data-scientist"),
        ("source: bls-ep-2023", "source: BLS-EP-2023", "source", "bls-ep-2023"),
    ],
    ids=["leans", "workflow-role", "source"],
)
def test_an_id_reference_in_other_capitals_is_the_id_it_names(
    tmp_path, data_text, old, new, key, value
):
    dataset = load_dataset(write(tmp_path, data_text.replace(old, new, 1)))
    found = {
        "leans": dataset.comparison.self_assessment[0].leans,
        "role": dataset.comparison.collaboration.steps[0].role,
        "source": dataset.roles[0].education.source,
    }
    assert found[key] == value


def test_leans_np_names_the_role_np(tmp_path, data_text):
    text = data_text.replace("- id: data-scientist", "- id: np")
    text = text.replace("role: data-scientist", "role: np").replace(
        "leans: data-scientist", "leans: NP"
    )
    dataset = load_dataset(write(tmp_path, text))
    assert {s.leans for s in dataset.comparison.self_assessment} == {"np", "ai-engineer"}


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "leans: data-scientist",
            "leans: Data_Scientist",
            "comparison.self_assessment[0].leans: unknown role 'Data_Scientist': "
            "did you mean 'data-scientist'?",
        ),
        (
            "- role: data-scientist",
            "- role: DataScientist",
            "comparison.collaboration.steps[0].role: unknown role 'DataScientist': "
            "did you mean 'data-scientist'?",
        ),
        (
            "source: bls-ep-2023",
            "source: BLS EP 2023",
            "roles[0].education.source: unknown source 'BLS EP 2023': did you mean 'bls-ep-2023'?",
        ),
        (
            "- id: ai-engineer",
            "- id: AI Engineer",
            "roles[0].id: 'AI Engineer' is not a valid id: write 'ai-engineer'",
        ),
    ],
    ids=["leans", "workflow-role", "source", "role-id"],
)
def test_an_id_that_matches_none_suggests_the_close_one(tmp_path, data_text, old, new, expected):
    lines = errors_of(write(tmp_path, data_text.replace(old, new, 1)))
    assert any(expected in x for x in lines), lines
