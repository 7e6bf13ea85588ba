"""The facilitator guide, read back beside the deck it goes with: same slides, same notes,
timings that add up, the same sources."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pdfplumber
import pytest
from conftest import ROOT, outputs
from pptx import Presentation
from pypdf import PdfReader
from readback import MARKUP, assert_fonts_embedded, deck_slides, guide_text, pages_of

from rolereport import build, build_report, load_brand, load_dataset, render_guide
from rolereport.pdf.page import MARGIN_BOTTOM, MARGIN_TOP

SLUG = "ai-engineer-vs-data-scientist"
CLOCK = r"(\d+):(\d\d)"


def slide_outline(data: bytes) -> list[str]:
    """The outline entries under "Slide by slide": one per slide."""
    outline = PdfReader(io.BytesIO(data)).outline
    i = next(
        i for i, e in enumerate(outline) if not isinstance(e, list) and e.title == "Slide by slide"
    )
    return [e.title for e in outline[i + 1]]


def squeezed(text: str) -> str:
    """Text without any whitespace: line breaks fall differently in a PDF and a deck."""
    return re.sub(r"\s+", "", text)


def assert_no_page_is_left_mostly_empty(data: bytes) -> None:
    """A page the same part goes on from is filled at least 60 % down its text frame: only the
    page before a new part (a page break) and the last page may end early."""
    reader = PdfReader(io.BytesIO(data))
    starts = {
        reader.get_destination_page_number(e) for e in reader.outline if not isinstance(e, list)
    }
    pages = pages_of(data)
    for i, page in enumerate(pages[:-1]):
        if i + 1 in starts:
            continue
        frame = page.height - MARGIN_TOP - MARGIN_BOTTOM
        lowest = max(c["bottom"] for c in page.chars if c["bottom"] < page.height - MARGIN_BOTTOM)
        assert (lowest - MARGIN_TOP) / frame >= 0.6, f"page {page.page_number} ends early"


def minutes(clock: str) -> int:
    h, m = re.fullmatch(CLOCK, clock).groups()
    return int(h) * 60 + int(m)


@pytest.fixture(scope="module")
def built(default_build):
    files = outputs(default_build)
    return default_build, files["deck"].read_bytes(), files["guide"].read_bytes()


@pytest.fixture(scope="module")
def text(built) -> str:
    return guide_text(built[2])


def assert_guide_follows_the_deck(deck: bytes, guide: bytes) -> None:
    slides = deck_slides(deck)
    assert slide_outline(guide) == [f"{n}. {title}" for n, (title, _) in enumerate(slides, 1)]
    flat, at = squeezed(guide_text(guide)), 0
    for n, (title, notes) in enumerate(slides, 1):
        at = flat.index(squeezed(f"{n}. {title}"), at)  # in the deck's order
        if notes:
            at = flat.index(squeezed(notes), at)


def test_the_guide_has_every_slide_of_the_deck_with_its_number_title_and_notes(built):
    _, deck, guide = built
    assert len(deck_slides(deck)) > 20
    assert_guide_follows_the_deck(deck, guide)
    assert_no_page_is_left_mostly_empty(guide)


@pytest.mark.parametrize(
    ("dataset_name", "brand", "aspect"),
    [
        ("data-careers-compared", "examples/brands/northwind", "16:9"),  # a template's layouts
        ("ai-engineer-vs-data-scientist", "assets", "4:3"),  # narrower slides, more of them
    ],
)
def test_the_guide_follows_the_deck_for_a_template_and_for_4_to_3(
    tmp_path, dataset_name, brand, aspect
):
    result = build(dataset_name, ROOT / brand, tmp_path, only=("pptx", "guide"), aspect=aspect)
    deck, guide = (p.read_bytes() for p in result.paths)
    assert result.pages["guide"] > 5
    assert_guide_follows_the_deck(deck, guide)
    assert_no_page_is_left_mostly_empty(guide)


def test_the_run_sheet_times_add_up_to_the_total_on_the_cover(built, text):
    _, deck, _ = built
    count = len(deck_slides(deck))
    total = re.search(rf"Total time: (\d+) minutes \({CLOCK}\)", text)
    assert total and int(total[1]) == int(total[2]) * 60 + int(total[3])
    lines = re.findall(r"^(\d+:\d\d)–(\d+:\d\d) · (\d+) min · (.+)$", text, re.M)
    slots = [(minutes(a), minutes(b), int(m), part) for a, b, m, part in lines]
    assert len(slots) == count  # one timing line per slide
    assert slots[0][0] == 0 and slots[-1][1] == int(total[1])
    for (start, end, mins, _), nxt in zip(slots, [*slots[1:], None], strict=True):
        assert end - start == mins > 0
        assert nxt is None or nxt[0] == end  # a running clock, without gaps
    sheet = text[text.index("Run sheet") : text.index("Slide by slide")]
    rows = re.findall(r"^(.+) (\d+(?:–\d+)?) (\d+) (\d+:\d\d)$", sheet, re.M)
    assert len(rows) == len({s[3] for s in slots}) > 5
    for title, _, mins, start in rows:  # each part: its slides' minutes, from its first slide
        mine = [s for s in slots if s[3] == title]
        assert int(mins) == sum(s[2] for s in mine) and minutes(start) == mine[0][0], title
    assert sum(int(r[2]) for r in rows) == int(total[1])
    assert re.search(rf"^Total 1–{count} {total[1]} Ends at {total[2]}:{total[3]}$", sheet, re.M)


def test_the_sources_are_numbered_as_in_the_deck_and_the_handout(built, text, report):
    _, deck, _ = built
    sources = text[text.rindex("\nSources\n") :]
    listed = re.findall(r"^\[(\d+)\] (.+)$", sources, re.M)
    assert [int(n) for n, _ in listed] == [s.number for s in report.sources]
    for (_, line), ref in zip(listed, report.sources, strict=True):
        assert line.startswith(ref.title[:40])
    last = Presentation(io.BytesIO(deck)).slides[-1]
    said = "\n".join(s.text_frame.text for s in last.shapes if s.has_text_frame)
    for ref in report.sources:
        assert f"[{ref.number}]\t{ref.title[:40]}" in said


def test_discussion_questions_come_with_prompts_and_the_scoring_key_in_the_handout_words(
    text, dataset, report
):
    flat = " ".join(text.split())
    after = flat[flat.index("Discussion questions") :]
    for n, question in enumerate(dataset.comparison.discussion_questions, 1):
        assert re.search(rf"{n}\. {re.escape(question)} Prompt: \w", after), question
    checklist = next(b for s in report.sections for b in s.blocks if b.kind == "checklist")
    assert checklist.scoring in flat
    names = {r.id: r.name for r in dataset.roles}
    key = flat[flat.index("Self-assessment scoring key") :]
    for n, s in enumerate(dataset.comparison.self_assessment, 1):
        assert f"{n} {s.statement} {names[s.leans]}" in key


def test_every_font_is_embedded_and_none_is_base_14(built):
    assert_fonts_embedded(PdfReader(io.BytesIO(built[2])))


@pytest.mark.uncached
def test_the_same_input_gives_the_same_bytes_with_a_neutral_date(built, report, theme):
    again = render_guide(report, theme)
    assert again.data == built[2] and again.pages == built[0].pages["guide"]
    meta = PdfReader(io.BytesIO(again.data)).metadata
    assert meta["/CreationDate"].startswith("D:19800101")  # no SOURCE_DATE_EPOCH: never 2023
    assert meta.title == f"{report.title}: facilitator guide"


def test_every_page_has_the_brand_footer_and_page_numbers(built, theme, report):
    reader = PdfReader(io.BytesIO(built[2]))
    total = len(reader.pages)
    for n, page in enumerate(reader.pages, 1):
        words = page.extract_text()
        assert f"Page {n} of {total}" in words and theme.footer in words
        assert n == 1 or report.as_of in words


def test_a_dataset_without_workshop_parts_gives_a_guide_without_them(dataset, theme):
    plain = dataset.model_copy(
        update={
            "comparison": dataset.comparison.model_copy(
                update={"discussion_questions": (), "self_assessment": ()}
            )
        }
    )
    text = guide_text(render_guide(build_report(plain), theme).data)
    assert "Discussion questions" not in text and "scoring key" not in text
    assert "Which role fits you?" not in text and "Sources" in text


def test_dataset_text_that_looks_like_markup_prints_as_typed(report, theme):
    odd = replace(report, title=MARKUP, summary=f"{MARKUP} <b>not bold</b>")
    text = guide_text(render_guide(odd, theme).data)
    assert f"{MARKUP} <b>not bold</b>" in text  # the title slide's notes
    assert text.count(MARKUP) >= 3  # the cover, the title slide, its notes


def test_the_packaged_four_role_dataset_has_a_guide_for_its_deck():
    report = build_report(load_dataset("data-careers-compared"))
    guide = render_guide(report, load_brand(ROOT / "assets"))
    assert len(slide_outline(guide.data)) > 20 and not guide.warnings


def test_every_character_of_the_stress_guide_stays_inside_the_text_frame(theme):
    from stress import stress_dataset

    from rolereport.pdf.page import MARGIN_X

    guide = render_guide(build_report(stress_dataset()), theme)
    assert guide.pages > 20 and not guide.warnings
    for page in pages_of(guide.data):
        left, right = MARGIN_X - 1, page.width - MARGIN_X + 1
        outside = [c["text"] for c in page.chars if c["x0"] < left or c["x1"] > right]
        low = [c["text"] for c in page.chars if c["bottom"] > page.height + 0.5]
        assert not outside and not low, f"page {page.page_number}: {''.join(outside)[:60]}"


def test_no_page_starts_with_an_empty_piece_of_a_notes_box(tmp_path):
    # On A4 this guide once broke a notes box after its text: the next page began with a
    # tinted strip of padding and nothing in it.
    result = build(
        "data-careers-compared", ROOT / "examples/brands/northwind", tmp_path, only=("guide",),
        paper="a4",
    )  # fmt: skip
    (guide,) = result.paths
    assert_no_page_is_left_mostly_empty(guide.read_bytes())
    with pdfplumber.open(guide) as pdf:
        for page in pdf.pages:
            boxes = [r for r in page.rects if r.get("fill") and r["width"] > 100]
            for box in (r for r in boxes if r["height"] > 10):  # not a 5 pt accent stripe
                inside = page.within_bbox((box["x0"], box["top"], box["x1"], box["bottom"]))
                assert inside.chars, f"page {page.page_number}: an empty box at {box['top']:.0f}"
