"""The data file's labels: and meta.locale: checked with the file, line and key."""

from __future__ import annotations

import re
from datetime import date

import pytest
from babel.numbers import format_decimal

from rolereport import DataError, build_report, load_dataset
from rolereport.data.advice import dataset_warnings
from rolereport.text.labels import english

GERMAN = "ki-ingenieur-vs-data-scientist"


# Numbers -----------------------------------------------------------------------------------


def _with(data_text: str, extra: str) -> str:
    if extra.startswith("labels:\n") and "\nlabels:\n" in data_text:  # the file ends with its own
        extra = extra.removeprefix("labels:\n")
    return data_text.rstrip("\n") + "\n" + extra


def test_labels_replace_the_fixed_wording_key_by_key(tmp_path, data_text):
    path = tmp_path / "data.yml"
    labels = (
        "labels:\n"
        '  page_of: "Sheet {page}/{pages}"\n'
        "  section_roles: Who does what\n"
        '  roles_slide_title: "A day as {role:a}"\n'
    )
    path.write_text(_with(data_text, labels), "utf-8")
    report = build_report(load_dataset(path))
    assert report.sections[0].title == "Who does what"
    assert report.sections[0].slides[0].title == "A day as an AI engineer"
    assert report.words.fill("page_of", page=2, pages=9) == "Sheet 2/9"
    assert report.sections[1].title == "Skills and tools"  # the rest stays as it was


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        ("  pgae_of: x", "labels.pgae_of: unknown label 'pgae_of': did you mean 'page_of' or"),
        (
            '  page_of: "Page {page}"',
            "labels.page_of: lacks {pages}: this text takes {page}, {pages}",
        ),
        (
            '  page_of: "Page {page} of {pages} ({title})"',
            "labels.page_of: has {title}, unknown here: this text takes {page}, {pages}",
        ),
        ('  contents: "Contents {"', "labels.contents: has a lone '{' or '}'"),
        ('  page_of: "Page {page:upper} of {pages}"', "'{page:upper}' is not a known form"),
        ('  page_of: "Page {0} of {pages}"', "'{0}' is not a placeholder"),
    ],
)
def test_a_label_that_does_not_fit_its_key_is_an_error_naming_it(
    tmp_path, data_text, labels, message
):
    path = tmp_path / "data.yml"
    path.write_text(_with(data_text, "labels:\n" + labels + "\n"), "utf-8")
    with pytest.raises(DataError) as e:
        load_dataset(path)
    assert message in str(e.value)
    assert re.search(r"data\.yml:\d+: labels\.", str(e.value))  # file, line and key path


def test_an_unknown_locale_is_an_error_with_the_fix(tmp_path, data_text):
    path = tmp_path / "data.yml"
    path.write_text(data_text.replace("locale: en_US", "locale: xx_YY"), "utf-8")
    with pytest.raises(DataError) as e:
        load_dataset(path)
    assert (
        "meta.locale: unknown locale 'xx_YY': write a language and region such as en_US or de_DE"
        in str(e.value)
    )


def test_a_language_without_a_label_set_formats_numbers_and_warns_that_wording_stays_english(
    tmp_path, data_text
):
    path = tmp_path / "data.yml"
    path.write_text(data_text.replace("locale: en_US", "locale: fr_FR"), "utf-8")
    dataset = load_dataset(path)
    report = build_report(dataset)
    assert report.language == "fr-FR"
    assert report.sections[0].title == "The roles"
    assert format_decimal(145080, locale="fr_FR") in report.at_a_glance.rows[1][1]
    warned = [w for w in dataset_warnings(dataset, path, date(2024, 1, 1)) if "meta.locale" in w]
    assert (
        warned
        and "no French label set" in warned[0]
        and "translate them under labels:" in warned[0]
    )


def test_the_schema_lists_every_label_key_with_its_english_text():
    from rolereport.data.schema import json_schema

    keys = json_schema()["properties"]["labels"]["properties"]
    assert keys["page_of"]["description"] == "Page {page} of {pages}"
    assert set(keys) == set(english())
