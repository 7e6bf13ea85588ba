"""The facilitator guide's content model: plain frozen data that the guide writer translates."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..content.model import Cites, SourceList, Table


@dataclass(frozen=True)
class Point:
    """A key point of a slide, with the mark it has there ("•", "3.", "[2]"), and the sources
    it cites (their marks printed after the text, as the slide shows them)."""

    text: str
    mark: str = "•"
    cites: Cites = ()


@dataclass(frozen=True)
class GuideSlide:
    """One slide of the deck as the facilitator sees it: its number and title as shown,
    its minutes and start (minutes from the beginning), key points and speaker notes."""

    number: int
    title: str
    heading: str
    timing: str
    part: str
    start: int
    minutes: int
    points: tuple[Point, ...]
    notes: str


@dataclass(frozen=True)
class Part:
    """A run of slides from one section of the report (or the opening, or the close)."""

    title: str
    first: int
    last: int
    start: int
    minutes: int


@dataclass(frozen=True)
class Question:
    """A discussion question and a follow-up prompt for the facilitator."""

    text: str
    prompt: str


@dataclass(frozen=True)
class Scoring:
    """The self-assessment: the statements with the role each leans to, and the scoring
    key in the handout's words."""

    intro: str
    key: Table
    scoring: str  # the handout's sentences, word for word: how to total the ticks
    outcome: str  # and what the totals mean


@dataclass(frozen=True)
class RunSheet:
    """Everything the facilitator guide says, in order."""

    title: str
    subtitle: str
    doc_title: str
    header: str
    facts: tuple[str, ...]
    intro: str
    parts: tuple[Part, ...]
    table: Table
    total: int
    slides: tuple[GuideSlide, ...]
    questions: tuple[Question, ...]
    questions_intro: str
    scoring: Scoring | None
    sources: SourceList
    words: Mapping[str, str]
