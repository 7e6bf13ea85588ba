"""The facilitator guide's content: the deck's slides with suggested minutes on a running clock,
their key points and notes, discussion prompts, the scoring key and the sources. Pure."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from ..content.model import ChartSpec, Checklist, Report, Slide, SourceList, Table, Words
from ..text.formats import cite_mark
from ..text.labels import fill
from .guidemodel import GuideSlide, Part, Point, Question, RunSheet, Scoring
from .layout import tidy
from .model import PlannedSlide

# Suggested minutes by what a slide asks of the room: a title or a list of sources is a
# moment; a chart or a table takes explaining; an exercise or a question takes talking.
MINUTES: Mapping[str, int] = MappingProxyType(
    {
        "title": 1,
        "agenda": 2,
        "glance": 3,
        "section": 1,
        "sources": 1,
        "bullets": 2,
        "visual": 3,
        "exercise": 5,  # the self-assessment: three minutes to tick, then a show of hands
        "question": 5,  # each discussion question, as the slide's notes say
        "continued": 1,  # the rest of an agenda, a table of figures, an exercise, the sources
    }
)


class _Say:
    """The guide's labels (the report's `guide`): `say("ends", clock="1:24")`."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self.texts = texts
        self.prompts = tuple(
            texts[k] for k in sorted(texts, key=_prompt_number) if k.startswith("prompt_")
        )  # follow-up prompts for the discussion questions, taken in turn

    def __call__(self, key: str, /, **values: object) -> str:
        return fill(self.texts[key], self.texts["and"], **values)


def _prompt_number(key: str) -> int:
    return int(key.rpartition("_")[2]) if key.startswith("prompt_") else 0


def clock(minutes: int) -> str:
    """`95` → `1:35`: hours and minutes from the start of the session."""
    return f"{minutes // 60}:{minutes % 60:02d}"


def run_sheet(report: Report, plan: Sequence[PlannedSlide]) -> RunSheet:
    """The guide's content for a report and the deck's plan (plan.deckplan.deck_plan): one
    entry per planned slide, in the deck's order and numbering. Pure."""
    w = _Say(report.guide)
    checklist = next(
        (b for s in report.sections for b in s.blocks if isinstance(b, Checklist)), None
    )
    asked = [s for s in _origins(plan) if s.purpose == "questions"]
    questions = tuple(q for s in asked for q in s.bullets)
    slides: list[GuideSlide] = []
    start = 0
    for i, s in enumerate(plan):
        prev = plan[i - 1] if i else None
        minutes = _minutes(s, prev)
        part = _part(w, report, s)
        timing = w(
            "timing",
            number=s.number,
            start=clock(start),
            end=clock(start + minutes),
            minutes=minutes,
            part=part,
        )
        title = _shown_title(s)
        heading = w("slide", number=s.number, title=title)
        points = _points(w, report.words, s)
        slides.append(
            GuideSlide(s.number, title, heading, timing, part, start, minutes, points, s.notes)
        )
        start += minutes
    parts = _parts(slides)
    table = Table(
        (w("col_part"), w("col_slides"), w("col_minutes"), w("col_start")),
        (
            *((p.title, _range(p.first, p.last), str(p.minutes), clock(p.start)) for p in parts),
            (
                w("total"),
                _range(1, len(slides)) if slides else "",
                str(start),
                w("ends", clock=clock(start)),
            ),
        ),
    )
    facts = (
        report.as_of,
        w("total_time", minutes=start, clock=clock(start)),
        w("slide_count", count=len(slides)),
    )
    return RunSheet(
        title=report.title,
        subtitle=w("guide"),
        doc_title=w("doc_title", title=report.title),
        header=w("header", title=report.title),
        facts=facts,
        intro=w("intro", minutes=start),
        parts=parts,
        table=table,
        total=start,
        slides=tuple(slides),
        questions=tuple(
            Question(q, w.prompts[n % len(w.prompts)]) for n, q in enumerate(questions)
        ),
        questions_intro=w(
            "discussion_intro",
            slides=_where(w, plan, set(map(id, asked))),
            minutes=MINUTES["question"],
        ),
        scoring=_scoring(w, report, checklist, plan),
        sources=SourceList(report.sources),
        words=w.texts,
    )


def _origins(plan: Sequence[PlannedSlide]) -> list[Slide]:
    """The report's slides the plan draws, each once, in order."""
    seen: dict[int, Slide] = {}
    for s in plan:
        if s.origin is not None:
            seen.setdefault(id(s.origin), s.origin)
    return list(seen.values())


def _continues(s: PlannedSlide, prev: PlannedSlide | None) -> bool:
    """A continuation slide: more of what the slide before it began."""
    return prev is not None and prev.kind == s.kind and prev.origin is s.origin


def _minutes(s: PlannedSlide, prev: PlannedSlide | None) -> int:
    more = _continues(s, prev)
    if s.kind in ("agenda", "glance", "sources"):
        return MINUTES["continued"] if more else MINUTES[s.kind]
    if s.kind in ("title", "section"):
        return MINUTES[s.kind]
    purpose = s.origin.purpose if s.origin else "present"
    if purpose == "self_assessment":
        return MINUTES["continued"] if more else MINUTES["exercise"]
    origin = s.origin.bullets if s.origin else ()
    if purpose == "questions" and origin:
        ends = [q for q in origin if any(" ".join(q.split()).endswith(p.text) for p in _body(s))]
        # A question split over slides is timed once, on the slide where it ends.
        return MINUTES["question"] * len(ends) if ends else MINUTES["continued"]
    return MINUTES["visual"] if s.visual else MINUTES["bullets"]


def _part(w: _Say, report: Report, s: PlannedSlide) -> str:
    if s.origin is None:
        return w("closing") if s.kind == "sources" else w("opening")
    return next(
        (sec.title for sec in report.sections if any(x is s.origin for x in sec.slides)), ""
    )


def _parts(slides: Sequence[GuideSlide]) -> tuple[Part, ...]:
    parts: list[Part] = []
    for s in slides:
        if parts and parts[-1].title == s.part:
            p = parts[-1]
            parts[-1] = Part(p.title, p.first, s.number, p.start, p.minutes + s.minutes)
        else:
            parts.append(Part(s.part, s.number, s.number, s.start, s.minutes))
    return tuple(parts)


def _shown_title(s: PlannedSlide) -> str:
    """The title as the slide shows it (fitted, so perhaps shortened)."""
    title = s.texts[0] if s.texts and s.texts[0].role == "title" else None
    return title.paras[0].text if title and title.paras else s.title


def _body(s: PlannedSlide) -> list:
    return [p for t in s.texts if t.role == "body" for p in t.paras]


def _points(w: _Say, words: Words, s: PlannedSlide) -> tuple[Point, ...]:
    """What the slide shows besides its title: its text, chart and table rows, as plain lines."""
    out: list[Point] = []
    for t in s.texts[1:]:
        if t.role not in ("subtitle", "meta", "body", "caption"):
            continue  # the kicker, footer and page number repeat on every slide
        if t.role == "caption" and s.visual and s.visual.chart:
            out += [*_chart(w, s.visual.chart), _caption(words, s.visual.chart)]
            continue
        n = t.start
        for para in t.paras:
            if para.link:  # a source's address: the guide's sources list has it
                continue
            mark = para.label or (f"{n}." if t.marker == "number" else "•")
            out.append(Point(para.text, mark))
            n += 1
    v = s.visual
    if v and v.chart and not any(t.role == "caption" for t in s.texts):
        out += _chart(w, v.chart)
    if v and v.table and v.rows:
        out += [Point(_row(w, v.rows[0], row, v.table)) for row in v.rows[1:]]
    return tuple(out)


def _chart(w: _Say, spec: ChartSpec) -> list[Point]:
    """A chart by its title; the career ladder, a diagram of named steps, with each role's
    steps as the slide shows them (in boxes, in order, the years under a box)."""
    if spec.kind != "ladder":
        return [Point(w("chart", title=spec.title))]
    steps = [
        Point(f"{p.title}: " + " → ".join(f"{d.label} ({d.detail})" if d.detail else d.label
                                          for d in p.data))
        for p in spec.panels
        if p.data
    ]  # fmt: skip
    return [Point(w("diagram", title=spec.title)), *steps]


def _caption(words: Words, spec: ChartSpec) -> Point:
    """A chart's caption as the slide shows it (plan.body.chart): its note, then its source,
    whose marks the point cites when the label puts them last (as English and German do)."""
    form = "chart_source_many" if len(spec.cites) > 1 else "chart_source_one"
    last = getattr(words, form).rstrip().endswith("{marks}")
    marks = "" if last else cite_mark(spec.cites)
    source = words.fill(form, marks=marks) if spec.cites else ""
    return Point(
        tidy(" ".join(x for x in (spec.note, source) if x)), cites=spec.cites if last else ()
    )


def _row(w: _Say, header: tuple[str, ...], row: tuple[str, ...], table: Table) -> str:
    """A table row as a line: its label, then each column's header and value."""
    labelled = len(table.role_columns) != len(table.header)  # as the deck lays it out
    cells = zip(header[1:], row[1:], strict=False) if labelled else zip(header, row, strict=False)
    said = "; ".join(w("cell", header=h, value=v) if h else v for h, v in cells if v.strip())
    if not labelled:
        return said
    if len(header) == 2:  # one value per row: the column's name says nothing more
        said = row[1] if len(row) > 1 else ""
    return w("row", label=row[0], cells=said) if said else row[0]


def _range(first: int, last: int) -> str:
    return str(first) if first == last else f"{first}–{last}"


def _where(w: _Say, plan: Sequence[PlannedSlide], origins: set[int]) -> str:
    """ "slide 19" or "slides 19–20": where the slides planned from `origins` are."""
    numbers = [s.number for s in plan if s.origin is not None and id(s.origin) in origins]
    if not numbers:
        return ""
    key = "one_slide" if len(numbers) == 1 else "some_slides"
    return w(key, first=numbers[0], last=numbers[-1])


def _scoring(
    w: _Say, report: Report, checklist: Checklist | None, plan: Sequence[PlannedSlide]
) -> Scoring | None:
    if checklist is None:
        return None
    shown = {id(s) for s in _origins(plan) if s.purpose == "self_assessment"}
    names = {r.id: r.name for r in report.roles}
    key = Table(
        (w("col_number"), w("col_statement"), w("col_leans")),
        tuple(
            (str(n), item.text, names.get(item.lead, item.lead))
            for n, item in enumerate(checklist.items, 1)
        ),
    )
    intro = w("scoring_intro", slides=_where(w, plan, shown))
    return Scoring(intro, key, checklist.scoring, checklist.outcome)
