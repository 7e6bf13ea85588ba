"""The pay section explains only the figures it shows."""

from __future__ import annotations

from rolereport import build_report, load_dataset
from rolereport.content.model import Paragraph


def _paragraphs(report) -> str:
    pay = next(s for s in report.sections if s.id == "pay")
    return " ".join(b.text for b in pay.blocks if isinstance(b, Paragraph))


def test_medians_alone_are_explained_without_the_percentiles_the_handout_does_not_show():
    dataset = load_dataset(None)
    gone = dict.fromkeys(("p10", "p25", "p75", "p90"))
    bare = [
        r.model_copy(update={"salary": r.salary.model_copy(update=gone)}) for r in dataset.roles
    ]
    said = _paragraphs(build_report(dataset.model_copy(update={"roles": tuple(bare)})))
    assert "median" in said and "percentile" not in said


def test_a_pay_range_is_explained_with_its_percentiles():
    assert "10th percentile" in _paragraphs(build_report(load_dataset(None)))
