"""The facilitator guide prints a chart's source marks as the slide does, linked to its list."""

from __future__ import annotations

import io
from dataclasses import replace

import pdfplumber
from pypdf import PdfReader

from rolereport import render_guide


def test_a_charts_source_marks_in_the_guide_link_to_the_guides_sources(report, theme):
    pay = next(s for s in report.sections if s.id == "pay")
    quick = replace(report, sections=(pay, report.sections[-1]))
    data = render_guide(quick, theme).data
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = " ".join(" ".join((p.extract_text() or "").split()) for p in pdf.pages)
    cited = [s.chart for s in pay.slides if s.chart and s.chart.cites]
    for chart in cited:
        words = "Source" if len(chart.cites) == 1 else "Sources"
        assert f"{words}: [{', '.join(map(str, chart.cites))}]" in text
    reader = PdfReader(io.BytesIO(data))
    last = reader.pages[-1].indirect_reference.idnum
    links = [
        annot.get_object()["/Dest"][0].idnum
        for page in reader.pages
        for annot in page.get("/Annots") or []
        if "/Dest" in annot.get_object()
    ]
    assert cited and links == [last] * sum(len(c.cites) for c in cited)
