"""RunSheet + Theme → the facilitator guide PDF (ReportLab), in the handout's look."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal
from xml.sax.saxutils import quoteattr

from reportlab.lib.colors import HexColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Spacer
from reportlab.platypus import Paragraph as Para

from ..brand.theme import Theme
from ..content.model import Rendered, Report
from ..plan.guidemodel import GuideSlide, RunSheet
from .blocks import Anchor, Blocks
from .page import Page, cover_band, pdf_meta, start_pdf, typeset
from .setup import glyph_warnings, safely
from .style import LEFT_RULE, TINT, ZEBRA, tint, tinted
from .tables import table
from .tagging import list_body, tag, tag_list

SLIDE_GAP = 18  # points between one slide's entry and the next
MARK_INDENT = 22  # room for "10." and "[4]" before a key point
PROMPT_GAP = 6  # points after a question's prompt
EMPTY_AT_MOST = 1 / 3  # of a page's text frame, left empty to keep a slide's entry whole


@safely
def render_guide(
    sheet: RunSheet, report: Report, theme: Theme, paper: Literal["letter", "a4"] = "letter"
) -> Rendered:
    """The facilitator guide as PDF bytes, its page count and warnings (characters the font
    lacks). `report` is the one the sheet was made from (roles, source numbers).

    Raises BrandError when a font or logo file is unusable, ValueError for an unknown paper
    size, RoleReportError when the content cannot be laid out.
    """
    b, page = start_pdf(report, theme, paper, sheet.header)
    meta = pdf_meta(report, theme, sheet.doc_title, sheet.intro)

    def story(_pages: dict[str, int]) -> list[Flowable]:
        return [
            *_cover(sheet, b, page),
            PageBreak(),
            *_slides(sheet, b),
            *_scoring(sheet, b),  # in the session's order: the exercise, then the talk
            *_questions(sheet, b),
            *b.heading("sources", sheet.words["sources"]),
            *b.source_entries(sheet.sources),
        ]

    fonts = b.fonts
    data, count = typeset(story, page, fonts, meta, "guide")
    b.chars.update(sheet.header + report.as_of + theme.footer)
    return Rendered(data, glyph_warnings(b.chars, fonts, "guide"), count)


def _cover(sheet: RunSheet, b: Blocks, page: Page) -> list[Flowable]:
    """The title band, how to use the guide, and the run sheet: parts, slides, minutes."""
    facts = [b.rich(f) for f in sheet.facts]
    title = sheet.words["run_sheet"]
    return [
        cover_band(b, page.logo_large, sheet.title, sheet.subtitle, facts),
        Spacer(1, 22),
        b.para(sheet.intro, "lead"),
        Anchor("sec-run-sheet", title, 0),
        *[tag(f, "H1", b.tree) for f in b.h2(title, "run-sheet")],  # level 0 in the outline
        *table(b, sheet.table, "run-sheet-table"),
    ]


def _slides(sheet: RunSheet, b: Blocks) -> list[Flowable]:
    out, st = b.heading("slides", sheet.words["slides"]), _styles(b)
    for s in sheet.slides:
        out += _slide(s, b, st, sheet.words)
    return out


def _slide(
    s: GuideSlide,
    b: Blocks,
    st: dict[str, ParagraphStyle],
    words: Mapping[str, str],
) -> list[Flowable]:
    """One slide: its number and title, when and how long, what it shows, what to say."""
    head = tag(Para(b.rich(s.heading), st["slide"]), "H2", b.tree)
    top: list[Flowable] = [head, tag(Para(b.rich(s.timing), st["timing"]), "P", b.tree)]
    if s.points:
        top.append(tag(Para(b.rich(words["on_slide"]), st["label"]), "P", b.tree))
        for p in s.points:
            style = st["point" if p.mark == "•" else "marked"]
            top.append(Para(b.rich(p.text, p.cites), style, bulletText=p.mark))
        tag_list(b.tree, top[-len(s.points) :])
    # The label and the notes are one paragraph: a page break never leaves the label alone.
    color = quoteattr(b.color("heading_color"))  # the box's tint is the paper's
    label = f"<font color={color}><b>{b.rich(words['notes'])}</b></font><br/>"
    notes = tag(Para(label + b.rich(s.notes or words["no_notes"]), b.st["box"]), "P", b.tree)
    fill, rule = tint(b.theme.primary, ZEBRA), HexColor(b.theme.primary)
    box = b.box([notes], fill, "LINEBEFORE", LEFT_RULE, rule)
    box.spaceBefore, box.spaceAfter = 4, SLIDE_GAP
    anchor = Anchor(f"slide-{s.number}", s.heading, 1)
    for f in top[: 3 if s.points else 2]:  # heading, timing, label: never left at a page end
        f.keepWithNext = 1
    # The outline entry goes inside (a container is never kept with the flowable before it).
    # The gap between entries is the box's space after: a container does not count its first
    # item's space before.
    return [_Entry([anchor, *top, box])]


class _Entry(KeepTogether):
    """A slide's entry: on one page whenever it fits on one, unless moving it to the next
    page would leave more than a third of this one empty; then it starts here and breaks
    across the pages (the notes box splits, the heading stays with the lines after it)."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        frame = getattr(self, "_frame", None)
        if frame is not None and aH > frame._height * EMPTY_AT_MOST:
            self.wrap(aW, aH)
            if aH < self._H:  # it does not fit here
                return list(self._content)
        return super().split(aW, aH)


def _questions(sheet: RunSheet, b: Blocks) -> list[Flowable]:
    if not sheet.questions:
        return []
    st = _styles(b)
    out = b.heading("discussion", sheet.words["discussion"])
    out.append(b.para(sheet.questions_intro))
    asked = b.tree.add("L")
    for n, q in enumerate(sheet.questions, 1):
        item = list_body(asked)
        ask = Para(f"<b>{b.rich(q.text)}</b>", st["question"], bulletText=f"{n}.")
        tag(ask, item.add("P", label=item.attrs.pop("label")))
        ask.keepWithNext = 1
        prompt = Para(b.rich(q.prompt, lead=sheet.words["prompt"]), st["prompt"])
        tag(prompt, item.add("P"))
        out += [ask, prompt]
    return out


def _scoring(sheet: RunSheet, b: Blocks) -> list[Flowable]:
    s = sheet.scoring
    if s is None:
        return []
    brk, anchor, title, accent = b.heading("scoring", sheet.words["scoring"])
    gap = title.style.spaceBefore  # a container does not count its first item's space before
    title.style = ParagraphStyle("h1_kept", title.style, spaceBefore=0)
    fill, rule = tint(b.theme.primary, TINT), HexColor(b.theme.primary)
    # The handout's own words, quoted as the handout's: "its box" is a box on its page.
    with b.printed_on(tinted(b.theme.primary, TINT)):
        quote = [b.para(sheet.words["scoring_quote"], "box_title")]
        quote += [b.para(s.scoring, "box"), b.para(s.outcome, "box")]
    score = b.box(quote, fill, "BOX", 1, rule)
    score.spaceBefore, score.spaceAfter = 4, 12
    # One key to read from, under its heading: on one page whenever it fits on one. (A
    # container is never kept with the flowable before it: the heading goes inside.)
    key = [anchor, title, accent, b.para(s.intro), *table(b, s.key, "scoring-key"), score]
    return [Spacer(1, gap), brk, KeepTogether(key)]


def _styles(b: Blocks) -> dict[str, ParagraphStyle]:
    """The guide's few styles beyond the handout's, derived from them."""
    body, muted = b.st["body"], HexColor(b.color("muted"))
    heading = HexColor(b.color("heading_color"))
    return {
        "slide": ParagraphStyle("slide", b.st["h2"], spaceBefore=0),
        "timing": ParagraphStyle(
            "timing", b.st["small"], spaceBefore=0, spaceAfter=4, keepWithNext=1
        ),
        "label": ParagraphStyle(
            "label", body, fontName=b.fonts.bold, textColor=heading, spaceAfter=2, keepWithNext=1
        ),
        "point": b.st["bullet"],
        "marked": ParagraphStyle("marked", b.st["bullet"], leftIndent=MARK_INDENT),
        "question": ParagraphStyle(
            "question", b.st["bullet"], leftIndent=MARK_INDENT, spaceBefore=6, spaceAfter=2
        ),
        "prompt": ParagraphStyle(
            "prompt", body, leftIndent=MARK_INDENT, textColor=muted, spaceAfter=PROMPT_GAP
        ),
    }
