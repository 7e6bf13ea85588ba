"""The two BLS tables `refresh` reads: OEWS national wage percentiles and the Employment
Projections occupation table, each row found by occupation code, with the vintage it is of."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .sheets import Table, read_table

PERCENTILES = ("p10", "p25", "median", "p75", "p90")
PUBLISHER = "U.S. Bureau of Labor Statistics"
OEWS_URL = "https://www.bls.gov/oes/tables.htm"
EP_URL = "https://data.bls.gov/projections/occupationProj"
# The top of the survey's wage range, for files whose footnotes do not say it.
TOP_CODES = {2024: "$239,200"}
TOP = "#"  # the wage is at or above the top code
NO_ESTIMATE = ("*", "**", "")

_OEWS_HEADERS = {
    "code": lambda h: h == "occ_code",
    "title": lambda h: h == "occ_title",
    "p10": lambda h: h == "a_pct10",
    "p25": lambda h: h == "a_pct25",
    "median": lambda h: h == "a_median",
    "p75": lambda h: h == "a_pct75",
    "p90": lambda h: h == "a_pct90",
}
_EP_HEADERS = {
    "code": lambda h: "matrix code" in h or "matrix occupation code" in h,
    "title": lambda h: "matrix title" in h or "matrix occupation title" in h,
    "growth": lambda h: h.startswith("employment change, percent"),
    "openings": lambda h: h.startswith("occupational openings"),
    "education": lambda h: h.startswith("typical education needed for entry"),
}
_CODE = re.compile(r"^\d\d-\d{4}$")


@dataclass(frozen=True)
class Wages:
    """One occupation's annual wage percentiles; a percentile BLS does not give is None and
    its mark (`#`, `*`, `**`, or empty) is in `marks`."""

    code: str
    title: str
    values: Mapping[str, float | None]
    marks: Mapping[str, str]


@dataclass(frozen=True)
class Projection:
    """One occupation's projected change (percent), openings a year, and entry education."""

    code: str
    title: str
    growth_pct: float | None
    openings_per_year: int | None
    education: str | None


@dataclass(frozen=True)
class WageTable:
    """The OEWS national estimates: `year` is May of which year (None when the file does not
    say); `top_code` the top of the wage range as the file words it, e.g. `$239,200`."""

    file: str
    year: int | None
    top_code: str
    table: Table

    def find(self, code: str) -> Wages | None:
        """The occupation's wages, None when the file has no row for the code.
        Raises InputError when the code's rows disagree (a file of several areas) or a
        cell is not a number nor a BLS mark."""
        rows = _rows_of(self.table, code)
        if not rows:
            return None
        found = [_wages(self.table, n, row, code) for n, row in rows]
        if any(w != found[0] for w in found):
            raise InputError.at(
                self.file,
                "",
                f"has {len(rows)} rows for {code} with different wages (several areas or "
                "industries?): use the national file, national_MYYYY_dl.xlsx",
            )
        return found[0]


@dataclass(frozen=True)
class ProjectionTable:
    """The Employment Projections occupation table, for `first`–`last` (e.g. 2024–2034)."""

    file: str
    first: int | None
    last: int | None
    table: Table

    def find(self, code: str) -> Projection | None:
        """The occupation's projections, None when the table has no row for the code."""
        rows = _rows_of(self.table, code)
        if not rows:
            return None
        n, row = rows[0]
        t = self.table
        openings = _number(t, n, row, "openings")
        education = t.cell(row, "education")
        education = " ".join(str(education).split()) if education is not None else ""
        return Projection(
            code=code,
            title=" ".join(str(t.cell(row, "title") or "").split()),
            growth_pct=_number(t, n, row, "growth"),
            # The table gives openings in thousands: 20.8 means 20,800.
            openings_per_year=None if openings is None else round(openings * 1000),
            education=education if education not in ("", "-", "—") else None,
        )


@dataclass(frozen=True)
class Vintage:
    """The vintages the tables hold: May `wages` wages, `projections` (first, last) years."""

    wages: int | None = None
    projections: tuple[int, int] | None = None


def vintage_of(
    wages: WageTable | None, projections: ProjectionTable | None, period: int | None
) -> Vintage:
    """The vintage of each table, from the table itself or else `period` (a year such as 2024).
    Raises InputError when a table does not say and no period is given, or they disagree."""
    year = None
    if wages is not None:
        year = wages.year or period
        if year is None:
            raise InputError.at(
                wages.file, "", "does not say which May it is of: give --period, e.g. 2024"
            )
        if period and period != year:
            raise InputError.at(wages.file, "", f"is of May {year}, not {period}: check --period")
    span = None
    if projections is not None:
        first = projections.first or period
        if first is None:
            raise InputError.at(
                projections.file, "", "does not say its years: give --period, e.g. 2024"
            )
        if period and period != first:
            raise InputError.at(
                projections.file, "", f"projects from {first}, not {period}: check --period"
            )
        span = (first, projections.last or first + 10)
    return Vintage(year, span)


def read_oews(path: Path) -> WageTable:
    """The OEWS national estimates in `path` (.xlsx or .csv); raises InputError when the file
    is not that table or unreadable."""
    t = read_table(path, _OEWS_HEADERS, "an OEWS wage table (OCC_CODE, A_PCT10 ... A_PCT90)")
    texts = (path.stem, *t.around)
    year = _first(r"(?:^|[_\s])M(20\d\d)(?:_|$)", texts) or _first(r"\bMay (20\d\d)\b", texts)
    top = _first(r"greater than \$[\d.,]+ per hour or (\$[\d,]+) per year", t.around)
    if not top and year:
        top = TOP_CODES.get(int(year), "")
    return WageTable(path.name, int(year) if year else None, top or "", t)


def read_projections(path: Path) -> ProjectionTable:
    """The Employment Projections occupation table in `path` (occupation.xlsx's Table 1.2, or
    CSV); raises InputError when the file is not that table or unreadable."""
    t = read_table(
        path,
        _EP_HEADERS,
        "the Employment Projections occupation table (Table 1.2 of occupation.xlsx)",
    )
    texts = (t.headers["growth"], *t.around)
    span = re.search(r"\b(20\d\d)\s*[-–—]\s*(\d\d(?:\d\d)?)\b", " ".join(texts))
    span = span or re.search(r"\b(20\d\d) and projected (20\d\d)\b", " ".join(texts))
    if not span:
        return ProjectionTable(path.name, None, None, t)
    first, last = int(span[1]), int(span[2])
    if last < 100:
        last += first // 100 * 100
    return ProjectionTable(path.name, first, last, t)


def _rows_of(t: Table, code: str) -> list[tuple[int, tuple[Any, ...]]]:
    want = code.strip().removesuffix(".00")
    return [
        (t.first_row + i, row)
        for i, row in enumerate(t.rows)
        if str(t.cell(row, "code") or "").strip() == want
    ]


def _wages(t: Table, n: int, row: tuple[Any, ...], code: str) -> Wages:
    values: dict[str, float | None] = {}
    marks: dict[str, str] = {}
    for key in PERCENTILES:
        raw = t.cell(row, key)
        text = str(raw).strip() if isinstance(raw, str) or raw is None else None
        if text is not None and (text == TOP or text in NO_ESTIMATE):
            values[key], marks[key] = None, text
        else:
            values[key] = _number(t, n, row, key)
    return Wages(code, " ".join(str(t.cell(row, "title") or "").split()), values, marks)


def _number(t: Table, n: int, row: tuple[Any, ...], key: str) -> float | None:
    raw = t.cell(row, key)
    if isinstance(raw, bool):
        raw = str(raw)
    if isinstance(raw, (int, float)):
        return float(raw)
    text = str(raw or "").strip()
    if text in ("", "-", "—", "*", "**"):
        return None
    if text.startswith("="):
        raise InputError.at(
            t.file,
            f"row {n}",
            f"{t.headers[key]} holds a formula ({text[:40]}), not a value: rolereport never "
            "evaluates formulas; use the file as downloaded from the BLS",
        )
    try:
        return float(text.replace(",", "").replace("$", "").replace("%", ""))
    except ValueError:
        raise InputError.at(
            t.file, f"row {n}", f"{t.headers[key]} is {text[:40]!r}, not a number"
        ) from None


def _first(pattern: str, texts: tuple[str, ...]) -> str:
    for text in texts:
        m = re.search(pattern, text, re.IGNORECASE)
        if m:
            return m[1]
    return ""


def is_code(text: str) -> bool:
    """True for an occupation code such as 15-1221 (or O*NET's 15-1221.00)."""
    return bool(_CODE.match(text.strip().removesuffix(".00")))
