"""Other languages: numbers in the data's locale, label sets, overrides, the German dataset."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest
from babel.numbers import format_currency, format_decimal, format_percent
from hypothesis import given
from hypothesis import strategies as st
from pptx import Presentation
from pypdf import PdfReader

from rolereport import DataError, build_report, load_dataset, render_deck, render_handout
from rolereport.charts.draw import drawn_figure as _figure
from rolereport.data.advice import dataset_warnings
from rolereport.text.formats import count, money, percent, vintage
from rolereport.text.labels import SPECS, english, label_set, languages, placeholders

GERMAN = "ki-ingenieur-vs-data-scientist"


# Numbers -----------------------------------------------------------------------------------


def test_german_money_is_written_as_babel_writes_it_in_whole_dollars():
    babel = format_currency(145080, "USD", locale="de_DE")  # with cents: "145.080,00 $"
    assert money(145080, "USD", "de_DE") == babel.replace(",00", "")
    assert money(145080, "USD", "de_DE") == "145.080\u00a0$"
    assert money(145080, "EUR", "de_DE") == "145.080\u00a0€"


def test_german_percentages_counts_and_months_follow_the_locale():
    assert percent(26, "de_DE") == format_percent(0.26, locale="de_DE") == "26\u00a0%"
    assert percent(25.6, "de_DE") == "25,6\u00a0%"
    assert count(20800, "de_DE") == format_decimal(20800, locale="de_DE") == "20.800"
    assert vintage("2023-05", "de_DE") == "Mai 2023"


def test_negative_figures_take_the_minus_sign_in_every_locale():
    assert percent(-0.7) == "−0.7%"
    assert percent(-3, "de_DE") == "−3\u00a0%"
    assert money(-5, "USD", "de_DE") == "−5\u00a0$"


def _before_babel_money(value: float) -> str:  # formats.money as it was, for en_US and USD
    return f"{'−' if value < 0 else ''}${abs(value):,.0f}"


def _before_babel_percent(value: float) -> str:
    text = f"{abs(value):.0f}" if float(value).is_integer() else f"{abs(value):.1f}"
    return f"{'−' if value < 0 else ''}{text}%"


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False))
def test_us_english_figures_are_written_exactly_as_before_babel(value):
    assert money(value) == _before_babel_money(value)
    assert percent(value) == _before_babel_percent(value)
    if value > 0:  # (the old count wrote -0.0 as "-0")
        assert count(value) == f"{value:,.0f}"


def test_us_english_months_are_unchanged():
    assert [vintage(f"2023-{m:02d}") for m in (1, 5, 12)] == [
        "January 2023",
        "May 2023",
        "December 2023",
    ]
    assert vintage("spring 2023") == "spring 2023"


# Label sets --------------------------------------------------------------------------------


def test_german_ships_beside_english():
    assert {"en", "de"} <= set(languages())


@pytest.mark.parametrize("language", languages())
def test_every_label_set_has_the_keys_and_placeholders_of_english(language):
    texts = label_set(language)
    assert texts is not None
    assert set(texts) == set(english())
    for key, text in texts.items():
        assert placeholders(text).keys() == placeholders(english()[key]).keys(), key
        assert set(placeholders(text).values()) <= set(SPECS), key


def test_the_german_set_translates_every_text_but_those_that_read_the_same():
    german = label_set("de")
    assert german is not None
    same = {k for k, text in german.items() if text == english()[k]}
    assert same <= {"agenda", "city_alt_item", "city_qualified", "range", "worksheet_name"} | {
        "guide_slide",
        "guide_row",
        "guide_cell",
    }


# The data file's labels: and meta.locale ---------------------------------------------------


def _with(data_text: str, extra: str) -> str:
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


# The German dataset, built -----------------------------------------------------------------


@pytest.fixture(scope="module")
def german(theme):
    dataset = load_dataset(GERMAN)
    report = build_report(dataset)
    return dataset, report, render_handout(report, theme), render_deck(report, theme)


def test_the_german_dataset_is_checked_clean_but_for_the_age_of_its_data(german):
    dataset, *_ = german
    assert dataset.meta.locale == "de_DE" and dataset.meta.currency == "USD"
    assert all("meta.as_of" in w for w in dataset_warnings(dataset, GERMAN))


def test_the_german_dataset_keeps_the_vetted_figures_of_the_english_one(german):
    dataset, *_ = german
    english_data = load_dataset("ai-engineer-vs-data-scientist")
    for de, en in zip(dataset.roles, english_data.roles, strict=True):
        assert de.salary.model_dump(exclude={"period", "by_location"}) == en.salary.model_dump(
            exclude={"period", "by_location"}
        )
        assert [x.value for x in de.salary.by_location] == [x.value for x in en.salary.by_location]
        assert de.outlook == en.outlook and de.freelance.hourly_high == en.freelance.hourly_high
    assert [s.model_dump() for s in dataset.sources] == [
        s.model_dump() for s in english_data.sources
    ]


def _pdf_text(data: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_the_german_handout_shows_german_numbers_and_labels(german):
    _, _, pdf, _ = german
    text = _pdf_text(pdf.data)
    spaced = money(145080, "USD", "de_DE").replace("\u00a0", " ")  # PDF text has plain spaces
    assert spaced == "145.080 $" and spaced in text
    assert "81.450 $–233.110 $" in text and "26 %" in text and "20.800" in text
    for label in ("Auf einen Blick", "Datenstand: Mai 2023", "Inhalt", "Abbildung 1:"):
        assert label in text
    for label in ("Kompetenzen und Werkzeuge", "Quellen und Hinweise zu den Daten", "Datum"):
        assert label in text
    assert f"Seite 1 von {pdf.pages}" in text and "Page " not in text
    assert PdfReader(io.BytesIO(pdf.data)).trailer["/Root"]["/Lang"] == "de-DE"


def test_the_german_worksheet_and_guide_speak_german(german, theme):
    from rolereport.build.pipeline import render_guide

    _, report, pdf, _ = german
    text = _pdf_text(pdf.data)
    for label in ("Auswertung: Zählen Sie", "Ihre Kreuze", "Aussagen 2, 4, 6, 8, 10"):
        assert label in text
    guide = render_guide(report, theme)
    said = _pdf_text(guide.data)
    for label in ("Leitfaden für die Moderation", "Ablaufplan", "Folie für Folie", "Impuls:"):
        assert label in said
    assert "Sprechernotizen" in said and "Auswertung der Selbsteinschätzung" in said
    assert f"Seite 1 von {guide.pages}" in said and "Speaker notes" not in said
    assert label_set("de")["guide_prompt_1"] in said


def test_the_german_deck_shows_german_numbers_labels_notes_and_alt_text(german):
    _, _, _, deck = german
    prs = Presentation(io.BytesIO(deck.data))
    texts, notes, alts = [], [], []
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if getattr(shape, "has_table", False) and shape.has_table:
                texts += [c.text for row in shape.table.rows for c in row.cells]
            if shape.shape_type == 13:  # picture
                alts.append(shape._element.nvPicPr.cNvPr.get("descr"))
            if getattr(shape, "has_chart", False):  # a native chart
                alts.append(shape.element.nvGraphicFramePr.cNvPr.get("descr"))
        notes.append(slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else "")
    shown, said, described = "\n".join(texts), "\n".join(notes), "\n".join(alts)
    assert money(145080, "USD", "de_DE") in shown  # with Babel's no-break space
    for label in ("Agenda", "Auf einen Blick", "Arbeitsalltag als Data Scientist", "Quellen"):
        assert label in shown
    assert "Datenstand: Mai 2023" in shown and "(Fortsetzung)" in shown
    assert "Die wichtigsten Zahlen, wie die Daten sie angeben" in said
    assert "Quelle: [1] im Quellenverzeichnis." in said
    assert "Median 145.080\u00a0$, 10. Perzentil 81.450\u00a0$" in described
    assert "Prognostiziertes Beschäftigungswachstum: KI-Ingenieur/in 26\u00a0%" in described
    langs = {r.get("lang") for r in prs.slides[1]._element.iter() if r.tag.endswith("}rPr")}
    assert langs == {"de-DE"}


def test_german_chart_axes_write_thousands_as_german_readers_do(german, theme):
    _, report, _, _ = german
    pay = next(c for c in report.charts if c.kind == "pay_range")
    roles = tuple(r.id for r in report.roles)
    fig = _figure(pay, theme, roles, (7.0, 2.6), "svg")
    # The no-break space of "100 Tsd. $" is a plain one where the brand font lacks it.
    ticks = [t.get_text().replace("\u00a0", " ") for ax in fig.axes for t in ax.get_xticklabels()]
    assert "100 Tsd. $" in ticks and not any("k" in t for t in ticks)
    skills = next(c for c in report.charts if c.kind == "skills")
    fig = _figure(skills, theme, roles, (7.0, 4.0), "svg")
    assert fig.get_supxlabel() == "Bedeutung (redaktionell, 1–5)"


def test_english_outputs_name_no_locale_of_their_own(report):
    assert report.language == "en-US"
    assert report.as_of == "Data: May 2023"
    assert all(c.numbers.locale == "en_US" for c in report.charts)
    assert report.words.page_of == "Page {page} of {pages}"


def test_the_labels_command_prints_a_language_set_and_refuses_an_unknown_one(capsys):
    from rolereport.cli.main import main

    assert main(["labels", "de"]) == 0
    assert 'page_of: "Seite {page} von {pages}"' in capsys.readouterr().out
    assert main(["labels", "fr_FR"]) == 2
    assert "Error: fr_FR: no label set for this language: rolereport ships de, en" in (
        capsys.readouterr().err
    )
