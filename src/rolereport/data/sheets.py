"""Reading a downloaded statistics table (an .xlsx workbook or a CSV) safely, found by its headers.

A workbook is a zip: its size, its members and their packing ratio are checked before anything
unpacks it, XML parts that declare a DTD are refused, formulas are read as text and never
evaluated, and external links are not loaded. The header row is found by its names wherever
it is, so title rows above it and footnotes below it do not matter.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError

MAX_BYTES = 50_000_000  # the BLS files are a few MB
MAX_UNZIPPED = 200_000_000  # occupation.xlsx unpacks to some tens of MB
MAX_MEMBERS = 5_000
MAX_RATIO = 100  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1_000_000
MAX_ROWS = 200_000
MAX_COLUMNS = 200
NOTE_ROWS = 200  # rows searched for the header; of other sheets, rows read for footnotes
_ZIP, _OLE = b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

Matcher = Callable[[str], bool]


@dataclass(frozen=True)
class Table:
    """The rows under a header row, with the columns found and the text around them."""

    file: str  # the file name, as messages show it
    sheet: str
    columns: Mapping[str, int]  # wanted key -> column index
    headers: Mapping[str, str]  # wanted key -> the header as the file spells it
    rows: tuple[tuple[Any, ...], ...]
    first_row: int  # the 1-based row number of rows[0]
    around: tuple[str, ...]  # text of title rows, footnotes and the other sheets

    def cell(self, row: tuple[Any, ...], key: str) -> Any:
        i = self.columns[key]
        return row[i] if i < len(row) else None


def header_key(text: Any) -> str:
    """A header as compared: lower case, footnote marks like [1] dropped, dashes and spaces one."""
    s = re.sub(r"\[\d+\]|\(\d+\)", "", str(text or "")).lower()
    return re.sub(r"\s+", " ", re.sub(r"[‐‑‒–—−]", "-", s)).strip()


def read_table(path: Path, wanted: Mapping[str, Matcher], what: str) -> Table:
    """The table in `path` whose header row has a column for every key of `wanted`.

    Among several sheets with such a header, the one with the most rows is taken. Raises
    InputError (exit code 2) for an unreadable, oversized or hostile file, or one without
    such a header (`what` names the table the file should be).
    """
    data = _bounded(path)
    name = path.name
    if data.startswith(_OLE):
        raise InputError.at(name, "", "is an old .xls workbook or encrypted: save it as .xlsx")
    found: list[Table] = []
    around: list[str] = []
    if not data.startswith(_ZIP):
        try:
            for sheet, rows in _csv_sheet(data, name):
                _add(found, _find_header(name, sheet, rows, wanted, around))
        except csv.Error as exc:
            raise InputError.at(name, "", f"is not a readable CSV table ({exc})") from None
    else:
        book = _workbook(data, name)
        try:
            for ws in book.worksheets:
                rows = ws.iter_rows(max_col=MAX_COLUMNS, values_only=True)
                _add(found, _find_header(name, ws.title, rows, wanted, around))
        except InputError:
            raise
        except Exception as exc:  # a damaged sheet: openpyxl raises many kinds
            raise InputError.at(name, "", f"has a sheet that cannot be read ({exc})") from None
        finally:
            book.close()
    if not found:
        names = ", ".join(sorted(wanted))
        raise InputError.at(
            name, "", f"is not {what}: no row has the headers it needs ({names}); check the file"
        )
    best = max(found, key=lambda t: len(t.rows))
    return Table(**{**best.__dict__, "around": tuple(around) + best.around})


def _bounded(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except OSError as exc:
        raise InputError.at(path, "", f"cannot read the file ({exc.strerror})") from None
    if len(data) > MAX_BYTES:
        raise InputError.at(
            path.name, "", f"is larger than {MAX_BYTES // 1_000_000} MB: is it the BLS table?"
        )
    if not data.strip():
        raise InputError.at(path.name, "", "is empty: download it again")
    return data


def _workbook(data: bytes, name: str) -> Any:
    """The workbook, opened read-only after the safety checks: formulas stay text, links unread."""
    _check_zip(data, name)
    import openpyxl

    try:
        return openpyxl.load_workbook(
            io.BytesIO(data), read_only=True, data_only=False, keep_links=False, keep_vba=False
        )
    except Exception as exc:  # openpyxl raises KeyError, ValueError, lxml errors, ...
        raise InputError.at(name, "", f"cannot be opened as a workbook ({exc})") from None


def _add(found: list[Table], table: Table | None) -> None:
    if table is not None:
        found.append(table)


def _check_zip(data: bytes, name: str) -> None:
    """Refuse a zip bomb from the directory alone, then any XML part that declares a DTD."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            items = z.infolist()
            if len(items) > MAX_MEMBERS:
                raise InputError.at(name, "", f"has {len(items):,} parts: not a BLS table")
            total = sum(i.file_size for i in items)
            if total > MAX_UNZIPPED:
                raise InputError.at(
                    name, "", f"unpacks to {total:,} bytes (a zip bomb?): not a BLS table"
                )
            for i in items:
                if i.file_size > RATIO_FLOOR and i.file_size > MAX_RATIO * max(i.compress_size, 1):
                    raise InputError.at(
                        name, "", f"part {i.filename} unpacks too far (a zip bomb?): refused"
                    )
            for i in items:
                if i.filename.lower().endswith((".xml", ".rels", ".vml")) and _has_dtd(z, i):
                    raise InputError.at(
                        name, "", f"part {i.filename} declares a DTD: save the workbook again"
                    )
    except InputError:
        raise
    except (zipfile.BadZipFile, EOFError, zlib.error, ValueError) as exc:
        raise InputError.at(name, "", f"is not a readable workbook ({exc})") from None
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encryption
        raise InputError.at(name, "", f"cannot be unpacked ({exc}): save it again") from None


def _has_dtd(z: zipfile.ZipFile, item: zipfile.ZipInfo) -> bool:
    tail = b""
    with z.open(item) as fh:
        while chunk := fh.read(1 << 20):
            text = tail + chunk
            if b"<!DOCTYPE" in text or b"<!ENTITY" in text:
                return True
            tail = text[-16:]
    return False


def _csv_sheet(data: bytes, name: str) -> list[tuple[str, Iterator[tuple]]]:
    if b"\x00" in data:
        raise InputError.at(name, "", "is neither a workbook (.xlsx) nor a CSV text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")  # CSV saved by Excel on Windows
    rows = (tuple(r[:MAX_COLUMNS]) for r in csv.reader(io.StringIO(text, newline="")))
    return [(name, rows)]


def _find_header(
    name: str,
    sheet: str,
    rows: Iterator[tuple],
    wanted: Mapping[str, Matcher],
    around: list[str],
) -> Table | None:
    """The table under the first row that has every wanted header; else its text goes to
    `around` (a notes sheet) and None is returned."""
    above: list[str] = []
    for number, row in enumerate(rows, start=1):
        columns, headers = _match(row, wanted)
        if len(columns) == len(wanted):
            return _rest(name, sheet, rows, columns, headers, number + 1, above)
        above += _texts(row)
        if number >= NOTE_ROWS:
            break
    around += above
    return None


def _rest(name, sheet, rows, columns, headers, first, above) -> Table:
    body: list[tuple] = []
    for row in rows:
        body.append(tuple(row))
        if len(body) > MAX_ROWS:
            raise InputError.at(name, "", f"sheet {sheet!r} has more than {MAX_ROWS:,} rows")
    below = [t for row in body if not _has_code(row, columns) for t in _texts(row)]
    return Table(name, sheet, columns, headers, tuple(body), first, (sheet, *above, *below))


def _match(row: tuple, wanted: Mapping[str, Matcher]) -> tuple[dict[str, int], dict[str, str]]:
    columns: dict[str, int] = {}
    headers: dict[str, str] = {}
    for i, cell in enumerate(row):
        if not isinstance(cell, str):
            continue
        key = header_key(cell)
        for want, matches in wanted.items():
            if want not in columns and matches(key):
                columns[want], headers[want] = i, " ".join(cell.split())
                break
    return columns, headers


def _has_code(row: tuple, columns: Mapping[str, int]) -> bool:
    i = columns.get("code", 0)
    return i < len(row) and isinstance(row[i], str) and bool(re.match(r"\d\d-\d{4}", row[i]))


def _texts(row: tuple) -> list[str]:
    return [" ".join(c.split()) for c in row if isinstance(c, str) and c.strip()]
