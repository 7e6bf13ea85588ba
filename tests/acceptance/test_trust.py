"""Documents you can trust unseen: the same bytes every time, dated from the data."""

from __future__ import annotations

import hashlib
import io
import subprocess
import sys
import time
from datetime import datetime, timezone

import pytest
from conftest import ROOT
from pptx import Presentation
from pypdf import PdfReader

from rolereport import render_deck, render_handout


def cli_build(out) -> subprocess.Popen[str]:
    """`rolereport build --out out`, started: the caller waits for it."""
    command = [sys.executable, "-m", "rolereport", "build", "--out", str(out)]
    return subprocess.Popen(command, cwd=ROOT, stderr=subprocess.PIPE, text=True)


def digests(build: subprocess.Popen[str], out) -> dict[str, str]:
    assert build.wait(timeout=300) == 0, build.stderr.read() if build.stderr else ""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in out.iterdir()}


@pytest.mark.uncached
def test_two_builds_seconds_apart_give_identical_bytes(tmp_path):
    # Started 1.5 s apart, every chart drawn by each (no cache): no clock, no race.
    first = cli_build(tmp_path / "a")
    time.sleep(1.5)
    second = cli_build(tmp_path / "b")
    assert digests(first, tmp_path / "a") == digests(second, tmp_path / "b")


def test_document_dates_are_neutral_or_source_date_epoch(report, theme, monkeypatch):
    for epoch, expected in ((None, datetime(1980, 1, 1)), ("1700000000", datetime(2023, 11, 14))):
        if epoch:
            monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
        else:
            monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
        pdf = PdfReader(io.BytesIO(render_handout(report, theme).data))
        assert pdf.metadata.creation_date.date() == expected.date()
        deck = Presentation(io.BytesIO(render_deck(report, theme).data))
        created = deck.core_properties.created.replace(tzinfo=timezone.utc)
        assert created.date() == expected.date()
