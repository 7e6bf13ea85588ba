"""Small hand-built charts of every kind for the chart tests, in the built-in brand."""

from __future__ import annotations

import io
from functools import cache

from conftest import ASSETS
from PIL import Image

from rolereport.brand.load import load_brand
from rolereport.brand.theme import Theme
from rolereport.charts.render import render_chart
from rolereport.content.model import ChartSpec, Datum, Panel

KINDS = ("pay_range", "pay_location", "outlook", "freelance", "skills", "ladder")
ROLES = ("ai-engineer", "data-scientist", "ml-ops", "analyst")
LABELS = ("AI engineer", "Data scientist", "Machine learning operations engineer", "Analyst")
PDF, SLIDE = (7.0, 3.0), (11.5, 4.9)
DPI = 60  # enough to check pixel sizes, and fast


@cache
def theme() -> Theme:
    return load_brand(ASSETS)


def _pay(label: str, role: str, k: int) -> Datum:
    p10, p25, med, p75, p90 = (v + 10_000 * k for v in (61070, 79810, 108020, 147670, 184090))
    return Datum(label, role, (p10, p25, med, p75, p90), f"${med:,}")


def spec(kind: str, n: int = 2, labels: tuple[str, ...] = LABELS, growth: float = 26) -> ChartSpec:
    """A small hand-built chart of `kind` for the first `n` roles."""
    roles = list(zip(labels[:n], ROLES[:n], range(n), strict=True))
    if kind == "pay_range":
        panels = (Panel("", tuple(_pay(lab, r, k) for lab, r, k in roles)),)
    elif kind == "pay_location":
        places = ("San Francisco, CA", "Washington, DC", "Little Rock, AR")
        panels = tuple(
            Panel(
                f"Lead {lab}",
                tuple(
                    Datum(p, r, (219000 - 30000 * i,), "$219,000", "well over")
                    for i, p in enumerate(places)
                ),
            )
            for lab, r, _ in roles[: max(1, n // 2)]
        )
    elif kind == "outlook":
        growths = [growth if k == 0 else 36 - 15 * k for k in range(n)]
        panels = (
            Panel(
                "Growth",
                tuple(
                    Datum(lab, r, (g,), f"{g:g}%")
                    for (lab, r, _), g in zip(roles, growths, strict=True)
                ),
            ),
            Panel(
                "Openings per year",
                tuple(
                    Datum(lab, r, (3400 + 5000 * k,), f"{3400 + 5000 * k:,}") for lab, r, k in roles
                ),
            ),
        )
    elif kind == "freelance":
        panels = (
            Panel(
                "",
                tuple(
                    Datum(lab, r, (35 + k, 100 + 50 * k), f"${35 + k}–${100 + 50 * k}/h")
                    for lab, r, k in roles
                ),
            ),
        )
    elif kind == "skills":
        names = ("Programming languages", "Machine learning and deep learning frameworks", "SQL")
        panels = tuple(
            Panel(lab, tuple(Datum(s, r, (5 - i,)) for i, s in enumerate(names)))
            for lab, r, _ in roles
        )
    else:
        stages = (
            "Entry-level or internship",
            "Specialist (NLP, computer vision, robotics)",
            "Manager of technical teams",
            "Director",
        )
        panels = tuple(
            Panel(
                lab,
                tuple(
                    Datum(s, r, (), detail=f"{i}–{i + 3} years")
                    for i, s in enumerate(stages[: 3 + k % 2])
                ),
            )
            for lab, r, k in roles
        )
    unit = {
        "pay_range": "money",
        "pay_location": "money",
        "outlook": "percent",
        "freelance": "money_hour",
        "skills": "weight",
    }.get(kind, "none")
    axis = "Importance (editorial, 1–5)" if kind == "skills" else ""
    return ChartSpec(f"{kind}-{n}", kind, "Title", "Alt text", panels, unit=unit, axis=axis)  # type: ignore[arg-type]


@cache
def render(kind: str, n: int, fmt: str, size: tuple[float, float] = PDF) -> bytes:
    return render_chart(spec(kind, n), theme(), ROLES, size, fmt, dpi=DPI)  # type: ignore[arg-type]


def png_size(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as im:
        assert im.format == "PNG"
        return im.size
