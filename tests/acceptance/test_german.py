"""The German dataset, built and read back: German numbers, labels, notes and charts."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation
from pypdf import PdfReader

from rolereport import build_report, load_dataset, render_deck, render_handout
from rolereport.charts.draw import drawn_figure as _figure
from rolereport.data.advice import dataset_warnings
from rolereport.text.formats import money
from rolereport.text.labels import label_set


def charts_of(report):
    """Every chart of the report, in order (the Report keeps them in its sections)."""
    from rolereport.content.model import Figure

    return [b.chart for s in report.sections for b in s.blocks if isinstance(b, Figure)]


GERMAN = "ki-ingenieur-vs-data-scientist"


# Numbers -----------------------------------------------------------------------------------


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
    assert "81.450 $–233.110 $" in text and "25,6 %" in text and "20.800" in text
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
    assert "Prognostiziertes Beschäftigungswachstum: KI-Ingenieur/in 25,6\u00a0%" in described
    langs = {r.get("lang") for r in prs.slides[1]._element.iter() if r.tag.endswith("}rPr")}
    assert langs == {"de-DE"}


def test_german_chart_axes_write_thousands_as_german_readers_do(german, theme):
    _, report, _, _ = german
    pay = next(c for c in charts_of(report) if c.kind == "pay_range")
    roles = tuple(r.id for r in report.roles)
    fig = _figure(pay, theme, roles, (7.0, 2.6), "svg")
    # The no-break space of "100 Tsd. $" is a plain one where the brand font lacks it.
    ticks = [t.get_text().replace("\u00a0", " ") for ax in fig.axes for t in ax.get_xticklabels()]
    assert "100 Tsd. $" in ticks and not any("k" in t for t in ticks)
    skills = next(c for c in charts_of(report) if c.kind == "skills")
    fig = _figure(skills, theme, roles, (7.0, 4.0), "svg")
    assert fig.get_supxlabel() == "Bedeutung (redaktionell, 1–5)"
