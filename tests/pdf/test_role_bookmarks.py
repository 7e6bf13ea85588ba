"""The handout's outline has an entry per role under a section, whatever the headings say."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from conftest import DATASET
from pypdf import PdfReader

from rolereport import build_report, load_dataset
from rolereport.pdf.handout import render_handout


def outline(data: bytes) -> list[tuple[str, list[str]]]:
    """Each top entry's title with the titles of the entries under it."""
    out: list[tuple[str, list[str]]] = []
    for entry in PdfReader(io.BytesIO(data)).outline:
        if isinstance(entry, list):
            out[-1][1].extend(e.title for e in entry)
        else:
            out.append((entry.title, []))
    return out


def test_a_label_override_for_role_headings_keeps_their_bookmarks(tmp_path: Path, theme):
    path = tmp_path / "labelled.yml"
    text = DATASET.read_text(encoding="utf-8")
    override = '  skills_of_role: "Skills of the {role}"\n'
    if "\nlabels:\n" in text:  # the file ends with labels of its own: add to them
        path.write_text(text.rstrip("\n") + "\n" + override, "utf-8")
    else:
        path.write_text(text + "\nlabels:\n" + override, "utf-8")
    report = build_report(load_dataset(path))
    wanted = ("skills", "freelance", "sources")
    quick = replace(report, sections=tuple(s for s in report.sections if s.id in wanted))
    names = [r.name for r in report.roles]
    assert outline(render_handout(quick, theme).data) == [
        ("Skills and tools", [f"Skills of the {n}" for n in names]),
        ("Freelance work", [f"Typical freelance projects: {n}" for n in names]),
        ("Sources and data notes", []),
    ]
