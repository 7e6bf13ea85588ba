"""Properties over generated data: every valid dataset builds both documents, and the deck
prints its title as typed."""

from __future__ import annotations

import io
import re
import zipfile

from generated import datasets
from hypothesis import HealthCheck, given, settings
from lxml import etree

from rolereport import Dataset, build_report, render_deck, render_handout

A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"


def _deck_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [n for n in z.namelist() if re.match(r"ppt/slides/slide\d+\.xml$", n)]
        texts = [t.text or "" for n in parts for t in etree.fromstring(z.read(n)).iter(A_T)]
    return re.sub(r"\s+", " ", " ".join(texts))


@settings(
    max_examples=8,  # each builds two documents: about 5 s
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=datasets())
def test_every_valid_dataset_builds_both_documents(theme, data):
    dataset = Dataset.model_validate(data)
    report = build_report(dataset)
    handout, deck = render_handout(report, theme), render_deck(report, theme)
    assert handout.data.startswith(b"%PDF-") and handout.pages >= 2
    assert deck.data.startswith(b"PK") and deck.pages >= 2
    assert dataset.meta.title in _deck_text(deck.data)  # printed as typed, markup and all
