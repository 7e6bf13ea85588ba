"""Hostile text in the data file (RELIABILITY.md): markup, dollar signs and control
characters print as typed or stop the build naming the field."""

from __future__ import annotations

import re

import pytest
from conftest import DATASET
from hostile import (
    MARKUP,
    PDF,
    PPTX,
    assert_refused,
    data_dict,
    deck_text,
    pdf_text,
    small_data,
    write_data,
)

from rolereport import (
    Dataset,
    build_report,
    load_dataset,
    render_handout,
)
from rolereport.cli.main import main

# Text that is really markup


def test_markup_in_data_prints_literally_in_both_documents_and_fetches_nothing(tmp_path, listener):
    d = data_dict()
    hostile = (*MARKUP, f'<img src="{listener.url}"/>', '<img src="/etc/passwd"/>')
    d["comparison"]["key_differences"] = list(hostile)
    d["roles"][0]["summary"] = " | ".join(hostile)
    d["roles"][0]["skills"][0]["name"] = "Budget $5 and $10"
    d["roles"][0]["skills"][1]["name"] = "Ba$$in"
    out = tmp_path / "out"
    assert main(["build", str(write_data(tmp_path, d)), "--out", str(out)]) == 0
    pdf, deck = pdf_text((out / PDF).read_bytes()), deck_text((out / PPTX).read_bytes())
    for text in hostile:
        assert text in pdf, text
        assert text in deck, text
    assert listener.close() == 0


def test_dollar_signs_in_chart_labels_are_drawn_as_text_not_mathtext(theme):
    from rolereport.charts.render import render_chart
    from rolereport.content.chartspecs import skills
    from rolereport.content.language import Language

    d = data_dict()
    d["roles"][0]["skills"][0]["name"] = "Budget $5 and $10"
    d["roles"][0]["skills"][1]["name"] = "Ba$$in"
    dataset = Dataset.model_validate(d)
    spec = skills(dataset, Language.of(dataset))
    svg = render_chart(spec, theme, ("ai-engineer", "data-scientist"), (7, 4), "svg")
    texts = re.findall(rb"<text[^>]*>([^<]*)</text>", svg)
    assert b"Budget $5 and $10" in texts and b"Ba$$in" in texts  # as typed, not math
    assert set(re.findall(rb"font-family: '([^']+)'", svg)) == {b"Carlito"}  # no math font


@pytest.mark.parametrize(
    ("escape", "code"),
    [("\\a", "U+0007"), ("\\0", "U+0000"), ("\\x1b", "U+001B"), ("\\uFFFE", "U+FFFE")],
)
def test_control_characters_stop_the_build_naming_the_field(
    capsys, tmp_path, out, golden, data_text, escape, code
):
    bad = write_data(tmp_path, data_text.replace("name: AI Engineer", f'name: "AI{escape}x"'))
    err = assert_refused(capsys, out, golden, [str(bad)], bad, "roles[0].name", code)
    assert re.search(rf"{re.escape(str(bad))}:\d+: roles\[0\]\.name", err)


def test_a_lone_surrogate_from_an_escape_is_refused_with_its_line(capsys, tmp_path, out, golden):
    text = DATASET.read_text("utf-8").replace("name: AI Engineer", 'name: "AI\\uD800"')
    bad = write_data(tmp_path, text)
    assert_refused(capsys, out, golden, [str(bad)], bad, "roles[0].name", "U+D800")


def test_a_form_feed_pasted_from_a_pdf_becomes_a_space(tmp_path, data_text):
    path = write_data(tmp_path, data_text.replace("name: AI Engineer", 'name: "AI\\fEngineer"'))
    assert load_dataset(path).roles[0].name == "AI Engineer"


def test_characters_the_font_lacks_are_named_not_silently_boxed(theme):
    d = small_data()
    d["roles"][0]["summary"] = "数据 science 🙂"
    handout = render_handout(build_report(Dataset.model_validate(d)), theme)
    assert any("U+6570" in w and "U+1F642" in w for w in handout.warnings), handout.warnings
