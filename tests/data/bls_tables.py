"""Small copies of the two BLS downloads in their published layouts, with the May 2024 and
2024–34 figures of /work/shared/reference/figures.md (cells that page does not give are left
empty rather than invented).

- OEWS `national_M2024_dl.xlsx`: the sheet `national_M2024_dl` (header in row 1, upper-case
  names) and a `Field Descriptions` sheet whose notes explain `*`, `**` and `#`; the CSV
  variant has a title row, lower-case names, numbers written with commas and footnote rows.
- Employment Projections `occupation.xlsx`: a `Table 1.1` (another table with similar
  headers), then `Table 1.2` with its title row, header row, rows in thousands and footnotes.
"""

from __future__ import annotations

import csv
from pathlib import Path

import openpyxl

# SOC code: (title, employment, p10, p25, median, p75, p90, mean), May 2024 (bls-oews-2024)
WAGES_2024 = {
    "15-1221": (
        "Computer and Information Research Scientists",
        38480,
        80670,
        102710,
        140910,
        181210,
        232120,
        152310,
    ),
    "15-2051": ("Data Scientists", 233440, 63650, 82630, 112590, 155810, 194410, 124590),
    "15-1252": ("Software Developers", 1654440, 79850, None, 133080, None, 211450, None),
    "15-2041": ("Statisticians", 29800, 60390, None, 103300, None, 170700, None),
    "15-1242": ("Database Administrators", 73180, 56820, None, 104620, None, 160890, None),
    "15-1243": ("Database Architects", 64770, 81630, None, 135980, None, 209990, None),
    "15-2031": ("Operations Research Analysts", 107760, 53910, None, 91290, None, 159280, None),
}
# SOC code: (employment 2024, 2034 in thousands, change %, openings in thousands, education)
PROJECTIONS_2024 = {
    "15-1221": (40.3, 48.3, 19.7, 3.2, "Master's degree"),
    "15-2051": (245.9, 328.3, 33.5, 23.4, "Bachelor's degree"),
    "15-1252": (1693.8, 1961.4, 15.8, 115.2, "Bachelor's degree"),
    "15-2041": (32.2, 34.9, 8.5, 2.0, "Master's degree"),
    "15-1242": (78.0, 77.5, -0.7, 3.8, "Bachelor's degree"),
    "15-1243": (66.9, 72.7, 8.7, 4.0, "Bachelor's degree"),
    "15-2031": (112.1, 136.2, 21.5, 9.6, "Bachelor's degree"),
}

OEWS_HEADERS = [
    "AREA",
    "AREA_TITLE",
    "AREA_TYPE",
    "PRIM_STATE",
    "NAICS",
    "NAICS_TITLE",
    "I_GROUP",
    "OWN_CODE",
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "EMP_PRSE",
    "H_MEAN",
    "A_MEAN",
    "MEAN_PRSE",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
    "ANNUAL",
    "HOURLY",
]
OEWS_NOTES = (
    "Notes:",
    "*  = indicates that a wage estimate is not available",
    "**  = indicates that an employment estimate is not available",
    "#  = indicates a wage equal to or greater than $115.00 per hour or $239,200 per year",
)
EP_TITLE = (
    "Table 1.2 Employment by detailed occupation, 2024 and projected 2034 (Numbers in thousands)"
)
EP_HEADERS = (
    "2024 National Employment Matrix title",
    "2024 National Employment Matrix code",
    "Occupation type",
    "Employment, 2024",
    "Employment, 2034",
    "Employment change, numeric, 2024–34",
    "Employment change, percent, 2024–34",
    "Occupational openings, 2024–34 annual average",
    "Median annual wage, dollars, 2024[1]",
    "Typical education needed for entry",
    "Work experience in a related occupation",
    "Typical on-the-job training needed to attain competency in the occupation",
)
EP_FOOTNOTES = (
    "[1] Data are from the Occupational Employment and Wage Statistics program, U.S. Bureau "
    "of Labor Statistics. Wage data cover non-farm wage and salary workers.",
    "Note: Employment in thousands.",
    "Source: Employment Projections program, U.S. Bureau of Labor Statistics",
)


def oews_rows(overrides: dict[str, dict[str, object]] | None = None) -> list[list[object]]:
    """The data rows, one per occupation; `overrides` sets cells by code and header name."""
    rows = []
    for code, (title, emp, p10, p25, med, p75, p90, mean) in WAGES_2024.items():
        cells = dict(
            AREA="99",
            AREA_TITLE="U.S.",
            AREA_TYPE=1,
            NAICS="000000",
            NAICS_TITLE="Cross-industry",
            I_GROUP="cross-industry",
            OWN_CODE=1235,
            OCC_CODE=code,
            OCC_TITLE=title,
            O_GROUP="detailed",
            TOT_EMP=emp,
            A_MEAN=mean,
            A_PCT10=p10,
            A_PCT25=p25,
            A_MEDIAN=med,
            A_PCT75=p75,
            A_PCT90=p90,
        )
        cells.update((overrides or {}).get(code, {}))
        rows.append([cells.get(h) for h in OEWS_HEADERS])
    return rows


def oews_workbook(folder: Path, overrides: dict | None = None, name: str = "") -> Path:
    """`national_M2024_dl.xlsx` as the BLS publishes it."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "national_M2024_dl"
    ws.append(OEWS_HEADERS)
    for row in oews_rows(overrides):
        ws.append(row)
    notes = book.create_sheet("Field Descriptions")
    notes.append(["Field", "Field Description"])
    notes.append(["occ_code", "The 6-digit Standard Occupational Classification (SOC) code"])
    for line in OEWS_NOTES:
        notes.append([line])
    path = folder / (name or "national_M2024_dl.xlsx")
    book.save(path)
    return path


def oews_csv(folder: Path, overrides: dict | None = None, name: str = "oews-2024.csv") -> Path:
    """The same table saved as CSV: a title row, lower-case headers, footnotes below."""
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["May 2024 National Occupational Employment and Wage Estimates"])
        w.writerow([h.lower() for h in OEWS_HEADERS])
        for row in oews_rows(overrides):
            w.writerow([f"{v:,}" if isinstance(v, int) and v > 9999 else v or "" for v in row])
        w.writerow([])
        for line in OEWS_NOTES:
            w.writerow([line])
    return path


def ep_rows() -> list[list[object]]:
    rows = []
    for code, (now, then, pct, openings, education) in PROJECTIONS_2024.items():
        title, median = WAGES_2024[code][0], WAGES_2024[code][4]
        change = round(then - now, 1)
        rows.append([title, code, "Line item", now, then, change, pct, openings, median, education])
    return rows


def projections_workbook(folder: Path, name: str = "occupation.xlsx") -> Path:
    """`occupation.xlsx`: Table 1.1 (not the one refresh reads) and Table 1.2."""
    book = openpyxl.Workbook()
    other = book.active
    other.title = "Table 1.1"
    other.append(["Table 1.1 Employment by major occupational group, 2024 and projected 2034"])
    other.append(
        [
            "2024 National Employment Matrix title",
            "2024 National Employment Matrix code",
            "Employment, 2024",
            "Employment change, percent, 2024–34",
        ]
    )
    ws = book.create_sheet("Table 1.2")
    ws.append([EP_TITLE])
    ws.append(EP_HEADERS)
    for row in ep_rows():
        ws.append(row)
    ws.append([])
    for line in EP_FOOTNOTES:
        ws.append([line])
    path = folder / name
    book.save(path)
    return path


def projections_csv(folder: Path, name: str = "table-1.2.csv") -> Path:
    path = folder / name
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([EP_TITLE])
        w.writerow(EP_HEADERS)
        for row in ep_rows():
            w.writerow(row)
        for line in EP_FOOTNOTES:
            w.writerow([line])
    return path
