"""The packaged datasets' own wording, as the documents print it: data notes that say what the
figures mean and cite what they repeat, and growth printed to BLS's one decimal."""

from __future__ import annotations

import io

import pdfplumber
import pytest

from rolereport import build, build_report, load_dataset, packaged_datasets
from rolereport.content.model import Bullets, Figure, SourceList

ARTICLE_EN = "ai-engineer-vs-data-scientist"
ARTICLE_DE = "ki-ingenieur-vs-data-scientist"
ARTICLE_SETS = (ARTICLE_EN, f"{ARTICLE_EN}-2024", ARTICLE_DE)
TITLE = "AI Engineer vs. Data Scientist: Key Differences and Career Paths"


def report_of(name: str):
    return build_report(load_dataset(packaged_datasets()[name]))


def data_notes(report) -> list:
    """The data notes as the sources section prints them: items with their source marks."""
    (section,) = [s for s in report.sections if s.id == "sources"]
    (notes,) = [b for b in section.blocks if isinstance(b, Bullets)]
    return list(notes.items)


def source_number(report, source_id: str) -> int:
    (section,) = [s for s in report.sections if s.id == "sources"]
    (refs,) = [b for b in section.blocks if isinstance(b, SourceList)]
    return next(r.number for r in refs.sources if r.id == source_id)


@pytest.mark.parametrize(
    ("name", "right", "wrong"),
    [
        (ARTICLE_EN, ("10th percentile is $81,450", "a tenth of", "earn less"), "starts at"),
        (ARTICLE_DE, ("10. Perzentil", "81.450 $", "ein Zehntel", "verdient weniger"), "beginnen"),
    ],
)
def test_the_bottom_tenth_earns_less_than_the_10th_percentile_it_does_not_start_there(
    name, right, wrong
):
    (note,) = [
        n.text for n in data_notes(report_of(name)) if "82.000" in n.text or "82,000" in n.text
    ]
    for words in right:
        assert words.lower() in note.lower()
    assert wrong not in note


@pytest.mark.parametrize("name", ARTICLE_SETS)
def test_every_note_that_speaks_of_the_article_cites_it_and_one_names_it(name):
    report = report_of(name)
    article = source_number(report, "upwork-article")
    notes = data_notes(report)
    about = [n for n in notes if "article" in n.text.lower() or "artikel" in n.text.lower()]
    assert len(about) >= 5
    for note in about:
        assert article in note.cites, note.text
    assert any(TITLE in n.text for n in notes)


@pytest.mark.parametrize("name", ARTICLE_SETS)
def test_a_note_credits_the_article_for_the_skills_tools_and_career_paths(name):
    report = report_of(name)
    article = source_number(report, "upwork-article")
    credits = [
        n
        for n in data_notes(report)
        if all(w in n.text.lower() for w in ("skill", "tool", "career"))
        or all(w in n.text for w in ("Kompetenzen", "Werkzeuge", "Karrierewege"))
    ]
    assert len(credits) == 1 and article in credits[0].cites


@pytest.mark.parametrize("name", ARTICLE_SETS)
def test_the_masters_degree_is_said_of_the_stand_in_occupation_not_of_ai_engineers(name):
    d = load_dataset(packaged_datasets()[name])
    ai = next(r for r in d.roles if r.id == "ai-engineer")
    # the entry level stays BLS's own words for 15-1221 (refresh keeps it traceable); a
    # note says whose entry level it is
    assert ai.education.entry_level in ("Master’s degree", "Master-Abschluss")
    assert "bachelor" in ai.education.typical.lower()
    said = " ".join(d.comparison.key_differences)
    assert "for AI engineers, a bachelor" not in said and "Research Scientist" in said.title()
    assert any("15-1221" in n.text and "Master" in n.text.title() for n in d.notes)


@pytest.mark.parametrize(
    ("name", "words"),
    [
        (ARTICLE_EN, "for experienced freelancers"),
        (f"{ARTICLE_EN}-2024", "for experienced freelancers"),
        (ARTICLE_DE, "für erfahrene Freiberufler"),
    ],
)
def test_the_freelance_chart_says_the_ai_engineer_range_is_for_experienced_freelancers(name, words):
    (section,) = [s for s in report_of(name).sections if s.id == "freelance"]
    (chart,) = [b.chart for b in section.blocks if isinstance(b, Figure)]
    assert words in chart.note
    assert any(words in (s.chart.note if s.chart else "") for s in section.slides)


def test_the_german_first_page_and_notes_say_us_national_figures_in_us_dollars(tmp_path, theme):
    d = load_dataset(packaged_datasets()[ARTICLE_DE])
    (pdf,) = build(d, theme, tmp_path, only=("pdf",), parallel=False).paths
    with pdfplumber.open(io.BytesIO(pdf.read_bytes())) as doc:
        first = " ".join(doc.pages[0].extract_text().split())
    assert "landesweite US-Zahlen in US-Dollar" in first
    assert any("USA" in n.text and "US-Dollar" in n.text for n in d.notes)


@pytest.mark.parametrize("name", sorted(packaged_datasets()))
def test_growth_is_printed_to_one_decimal_as_bls_publishes_it(name):
    report = report_of(name)
    rows = {row[0]: row[1:] for row in report.at_a_glance.rows}
    (growth,) = [v for k, v in rows.items() if k.startswith(("Projected growth", "Prognost"))]
    for cell in growth:
        number = cell.replace("\u00a0", "").rstrip("%").replace(",", ".")
        assert len(number.partition(".")[2]) == 1, cell


def test_the_2023_datasets_give_bls_growth_25_6_and_36_0_percent():
    en = {row[0]: row[1:] for row in report_of(ARTICLE_EN).at_a_glance.rows}
    assert en["Projected growth, 2023–2033"] == ("25.6%", "36.0%")
    de = report_of(ARTICLE_DE).at_a_glance.rows
    assert ("25,6\u00a0%", "36,0\u00a0%") in [row[1:] for row in de]
