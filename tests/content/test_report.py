"""The content model: what both documents say, checked without rendering anything."""

from __future__ import annotations

import json
import os
from pathlib import Path

from rolereport.content.model import Bullets, Figure, Paragraph, SourceList

GOLDEN = Path(__file__).parent / "golden" / "ai-engineer-vs-data-scientist.json"


def test_content_model_matches_the_reviewed_golden_file(report):
    dumped = json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(dumped, encoding="utf-8")
    assert dumped == GOLDEN.read_text(encoding="utf-8"), (
        "the content changed: review `rolereport dump`, then rerun with UPDATE_GOLDEN=1"
    )


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
    rows = {row[0]: row[1:] for row in report.at_a_glance.rows}
    assert rows["Median annual pay, May 2023 [1]"] == ("$145,080", "$108,020")
    assert rows["Pay range, 10th–90th percentile [1]"] == ("$81,450–$233,110", "$61,070–$184,090")
    assert rows["Projected growth, 2023–2033 [2]"] == ("26%", "36%")
    assert rows["Openings per year [2]"] == ("3,400", "20,800")


def test_the_charts_the_handout_needs_are_all_there_with_alt_text_in_numbers(report):
    kinds = {c.kind for c in report.charts}
    assert kinds == {"pay_range", "pay_location", "outlook", "freelance", "skills", "ladder"}
    pay = next(c for c in report.charts if c.kind == "pay_range")
    assert "$145,080" in pay.alt and "$61,070" in pay.alt and "$184,090" in pay.alt


def test_article_figures_are_labelled_as_the_articles_claims(report):
    for kind in ("pay_location", "freelance"):
        chart = next(c for c in report.charts if c.kind == kind)
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
    assert all(c.numbers.locale == "en_US" for c in report.charts)
    assert report.words.page_of == "Page {page} of {pages}"
