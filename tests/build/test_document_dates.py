"""Issue 16: a document's dates say when it was made reproducibly, never the data's vintage."""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from datetime import datetime

from pptx import Presentation
from pypdf import PdfReader

from rolereport import render_deck, render_handout

NEUTRAL = datetime(1980, 1, 1)  # the earliest time a zip holds: plainly not a real date


def _dates(report, theme) -> tuple[datetime, datetime, datetime, tuple[int, ...]]:
    quick = replace(report, sections=report.sections[:1])
    pdf = PdfReader(io.BytesIO(render_handout(quick, theme).data))
    deck_bytes = render_deck(report, theme).data
    props = Presentation(io.BytesIO(deck_bytes)).core_properties
    stamps = {i.date_time for i in zipfile.ZipFile(io.BytesIO(deck_bytes)).infolist()}
    (stamp,) = stamps
    return pdf.metadata.creation_date.replace(tzinfo=None), props.created, props.modified, stamp


def test_without_source_date_epoch_the_documents_carry_a_neutral_date_not_the_data_vintage(
    report, theme, monkeypatch
):
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    created, deck_created, deck_modified, stamp = _dates(report, theme)
    assert report.date == "2023-05-01"
    assert created == deck_created == deck_modified == NEUTRAL
    assert stamp == (1980, 1, 1, 0, 0, 0)


def test_source_date_epoch_dates_the_handout_and_the_deck(report, theme, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    created, deck_created, deck_modified, stamp = _dates(report, theme)
    when = datetime(2023, 11, 14, 22, 13, 20)
    assert created == deck_created == deck_modified == when
    assert stamp == (2023, 11, 14, 22, 13, 20)
