"""The content model: what both documents say, checked without rendering anything."""

from __future__ import annotations

import re

import pytest

from rolereport.content.model import Bullets, Figure, Paragraph, SourceList
from rolereport.text.formats import money, percent

# The handout's sections, in the order DESIGN.md gives them (ids, not wording).


def charts_of(report):
    """Every chart of the report, in order (the Report keeps them in its sections)."""
    from rolereport.content.model import Figure

    return [b.chart for s in report.sections for b in s.blocks if isinstance(b, Figure)]


SECTIONS = (
    "roles",
    "skills",
    "pay",
    "education",
    "generative-ai",
    "collaboration",
    "freelance",
    "differences",
    "self-assessment",
    "sources",
)


def cited_texts(report) -> list[tuple[str, set[int]]]:
    """Every piece of text that can carry a figure, with the source numbers it cites: the
    paragraphs, list items and chart descriptions of every section and the rows of the figures
    at a glance (whose marks are written in their labels)."""
    pieces = []
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                pieces.append((block.text, set(block.cites)))
            elif isinstance(block, Bullets):
                pieces += [(f"{i.lead} {i.text}", set(i.cites)) for i in block.items]
            elif isinstance(block, Figure):
                pieces.append((block.chart.alt, set(block.chart.cites)))
    for row in report.at_a_glance.marked():
        marks = {int(n) for group in re.findall(r"\[([\d, ]+)\]", row[0]) for n in group.split(",")}
        pieces.append((" ".join(row), marks))
    return pieces


def figures_with_sources(dataset) -> list[tuple[str, str]]:
    """(figure as printed, id of its source) for every figure of the dataset."""
    found = []
    for role in dataset.roles:
        pay = role.salary
        found += [(money(v), pay.source) for v in (pay.p10, pay.median, pay.p90) if v is not None]
        found += [(money(place.value), place.source) for place in pay.by_location]
        if role.outlook:
            found.append((percent(role.outlook.growth_pct), role.outlook.source))
            found.append((f"{role.outlook.openings_per_year:,.0f}", role.outlook.source))
        if role.freelance:
            low, high = role.freelance.hourly_low, role.freelance.hourly_high
            found += [(f"${v:,.0f}", role.freelance.source) for v in (low, high)]
    return found


def test_the_sections_come_in_the_order_of_the_design(report):
    assert tuple(s.id for s in report.sections) == SECTIONS
    assert all(s.title.strip() for s in report.sections)


def test_every_figure_of_the_dataset_is_stated_with_its_source_number(report, dataset):
    number = {s.id: s.number for s in report.sources}
    pieces = cited_texts(report)
    figures = figures_with_sources(dataset)
    assert len(figures) > 15
    missing = [
        (figure, source)
        for figure, source in figures
        if not any(figure in text and number[source] in cites for text, cites in pieces)
    ]
    assert missing == []


@pytest.mark.parametrize("role", [0, 1])
def test_the_charts_plot_the_datasets_values_for_each_role(report, dataset, role):
    r = dataset.roles[role]
    charts = {c.kind: c for c in charts_of(report)}
    assert list(charts) == ["skills", "pay_range", "pay_location", "outlook", "ladder", "freelance"]

    def data(kind):
        return [d for p in charts[kind].panels for d in p.data if d.role == r.id]

    s = r.salary
    assert [d.values for d in data("pay_range")] == [(s.p10, s.p25, s.median, s.p75, s.p90)]
    assert {d.label: d.values for d in data("pay_location")} == {
        place.place: (place.value,) for place in s.by_location
    }
    assert [d.values for d in data("outlook")] == [
        (r.outlook.growth_pct,),
        (r.outlook.openings_per_year,),
    ]
    assert [d.values for d in data("freelance")] == [
        (r.freelance.hourly_low, r.freelance.hourly_high)
    ]
    assert [(d.label, d.values) for d in data("skills")] == [
        (skill.name, (skill.weight,)) for skill in r.skills
    ]
    assert [d.label for d in data("ladder")] == [stage.stage for stage in r.career_path]


def test_the_figure_check_tells_one_source_from_another(report, dataset):
    """The check above can fail: the BLS median is stated, but never citing the article."""
    median = money(dataset.roles[0].salary.median)
    article = {s.id: s.number for s in report.sources}[dataset.roles[0].freelance.source]
    pieces = cited_texts(report)
    assert any(median in text for text, _ in pieces)
    assert not any(median in text and article in cites for text, cites in pieces)


def test_sources_are_numbered_in_order_of_first_citation(report):
    assert [s.id for s in report.sources][:2] == ["bls-oews-2023", "bls-ep-2023"]
    assert [s.number for s in report.sources] == list(range(1, len(report.sources) + 1))


def test_every_citation_resolves_to_a_listed_source(report):
    numbers = {s.number for s in report.sources}
    cited: set[int] = set()
    for section in report.sections:
        for block in section.blocks:
            if isinstance(block, Paragraph):
                cited.update(block.cites)
            elif isinstance(block, Bullets):
                cited.update(n for item in block.items for n in item.cites)
            elif isinstance(block, Figure):
                cited.update(block.chart.cites)
    assert cited and cited <= numbers


def test_at_a_glance_shows_bls_figures_with_their_source_marks(report):
    rows = {row[0]: row[1:] for row in report.at_a_glance.marked()}
    assert rows["Median annual pay, May 2023 [1]"] == ("$145,080", "$108,020")
    assert rows["Pay range, 10th–90th percentile [1]"] == ("$81,450–$233,110", "$61,070–$184,090")
    assert rows["Projected growth, 2023–2033 [2]"] == ("25.6%", "36.0%")
    assert rows["Openings per year [2]"] == ("3,400", "20,800")


def test_the_charts_the_handout_needs_are_all_there_with_alt_text_in_numbers(report):
    kinds = {c.kind for c in charts_of(report)}
    assert kinds == {"pay_range", "pay_location", "outlook", "freelance", "skills", "ladder"}
    pay = next(c for c in charts_of(report) if c.kind == "pay_range")
    assert "$145,080" in pay.alt and "$61,070" in pay.alt and "$184,090" in pay.alt


def test_article_figures_are_labelled_as_the_articles_claims(report):
    for kind in ("pay_location", "freelance"):
        chart = next(c for c in charts_of(report) if c.kind == kind)
        assert "as reported by Upwork" in chart.title and "Upwork" in chart.note


def test_every_slide_idea_has_speaker_notes_and_the_pay_slide_carries_the_figures(report):
    slides = [s for section in report.sections for s in section.slides]
    assert len(slides) >= 12
    assert all(s.notes for s in slides)
    pay = next(s for s in slides if s.chart and s.chart.kind == "pay_range")
    assert "$145,080" in pay.notes and "[1]" in pay.notes


def test_sources_section_lists_every_source(report):
    section = report.sections[-1]
    listed = next(b for b in section.blocks if isinstance(b, SourceList))
    assert listed.sources == report.sources


def test_a_dataset_without_optional_sections_leaves_them_out(dataset):
    from rolereport import build_report

    roles = tuple(
        r.model_copy(update={"freelance": None, "generative_ai": None, "career_path": ()})
        for r in dataset.roles
    )
    slim = dataset.model_copy(
        update={
            "roles": roles,
            "comparison": dataset.comparison.model_copy(update={"collaboration": None}),
        }
    )
    ids = [s.id for s in build_report(slim).sections]
    assert "freelance" not in ids and "generative-ai" not in ids and "collaboration" not in ids


def test_english_outputs_name_no_locale_of_their_own(report):
    assert report.language == "en-US"
    assert report.as_of == "Data: May 2023"
    assert all(c.numbers.locale == "en_US" for c in charts_of(report))
    assert report.words.page_of == "Page {page} of {pages}"
