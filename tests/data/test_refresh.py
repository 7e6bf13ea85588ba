"""`rolereport refresh`: a data file's BLS figures updated from the BLS downloads, the rest of
the file kept as written. The tables are small copies in the BLS layouts (bls_tables.py)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest
import yaml
from bls_tables import (
    oews_csv,
    oews_workbook,
    projections_csv,
    projections_workbook,
)
from conftest import ROOT
from ruamel.yaml import YAML

from rolereport import load_dataset
from rolereport.cli.main import main

DATASETS = ROOT / "src" / "rolereport" / "data" / "datasets"
MAY_2023 = DATASETS / "ai-engineer-vs-data-scientist.yml"
MAY_2024 = DATASETS / "ai-engineer-vs-data-scientist-2024.yml"

# May 2024 wages and 2024–34 projections of the two main occupations, as
# /work/shared/reference/figures.md lists them.
EXPECTED = {
    "ai-engineer": dict(
        p10=80670, p25=102710, median=140910, p75=181210, p90=232120, growth=19.7, openings=3200
    ),
    "data-scientist": dict(
        p10=63650, p25=82630, median=112590, p75=155810, p90=194410, growth=33.5, openings=23400
    ),
}


@pytest.fixture
def tables(tmp_path):
    folder = tmp_path / "bls"
    folder.mkdir()
    return oews_workbook(folder), projections_workbook(folder)


@pytest.fixture
def data_file(tmp_path):
    path = tmp_path / "handouts" / "ai.yml"
    path.parent.mkdir()
    shutil.copy(MAY_2023, path)
    return path


def refresh(data, tables, *more: str) -> int:
    oews, projections = tables
    args = ["refresh", *map(str, data if isinstance(data, list) else [data])]
    return main([*args, "--oews", str(oews), "--projections", str(projections), *more])


def plain(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_refreshing_the_may_2023_dataset_gives_every_may_2024_and_2024_34_figure(
    data_file, tables, capsys
):
    assert refresh(data_file, tables, "--write") == 0
    d = load_dataset(data_file)
    for role in d.roles:
        want = EXPECTED[role.id]
        s, o = role.salary, role.outlook
        assert (s.p10, s.p25, s.median, s.p75, s.p90) == tuple(
            want[k] for k in ("p10", "p25", "median", "p75", "p90")
        )
        assert (o.growth_pct, o.openings_per_year) == (want["growth"], want["openings"])
        assert (s.period, o.period) == ("May 2024", "2024–2034")
        assert (s.source, o.source, role.education.source) == (
            "bls-oews-2024",
            "bls-ep-2024",
            "bls-ep-2024",
        )
    assert d.role("ai-engineer").education.entry_level == "Master’s degree"
    assert d.role("data-scientist").education.entry_level == "Bachelor’s degree"
    assert d.meta.as_of == "2024-05"
    new = {s.id: s for s in d.sources}
    assert new["bls-oews-2024"].title == (
        "Occupational Employment and Wage Statistics, May 2024 national estimates"
    )
    assert new["bls-ep-2024"].title == "Employment Projections 2024–34, occupation data"
    assert (new["bls-oews-2024"].year, new["bls-ep-2024"].year) == (2025, 2025)


def test_the_packaged_related_occupations_dataset_already_holds_the_2024_figures(tables, capsys):
    # data-careers-compared is May 2024 / 2024–34: refreshing it finds nothing to change.
    assert refresh("data-careers-compared", tables) == 0
    assert "data-careers-compared.yml: nothing to change" in capsys.readouterr().out


def test_the_csv_layout_with_a_title_row_lower_case_headers_and_footnotes_gives_the_same_file(
    tmp_path, data_file, tables
):
    assert refresh(data_file, tables, "--write") == 0
    from_xlsx = data_file.read_text(encoding="utf-8")
    shutil.copy(MAY_2023, data_file)
    csvs = oews_csv(tmp_path), projections_csv(tmp_path)
    assert refresh(data_file, csvs, "--write") == 0
    assert data_file.read_text(encoding="utf-8") == from_xlsx


def test_comments_quoting_and_blank_lines_survive_and_only_figure_lines_change(data_file, tables):
    before = data_file.read_text(encoding="utf-8").splitlines()
    assert refresh(data_file, tables, "--write") == 0
    after = data_file.read_text(encoding="utf-8").splitlines()
    assert [x for x in before if x.startswith("#")] == [x for x in after if x.startswith("#")]
    assert before.count("") == after.count("")
    assert '  as_of: "2024-05"' in after and '      period: "2024–2034"' in after
    changed = {a.split(":")[0].strip() for b, a in zip(before, after, strict=False) if a != b}
    # The two new sources are inserted after the old ones, which the notes still cite.
    added = [line for line in after if line not in before]
    assert changed <= {"as_of", "source", "period", "p10", "p25", "median", "p75", "p90",
                       "growth_pct", "openings_per_year", "- id", "title", "publisher",
                       "url", "year"}  # fmt: skip
    assert "  - id: bls-oews-2024" in added and "  - id: bls-ep-2024" in added


def test_the_refreshed_file_passes_check_and_builds_a_handout_with_the_new_figures(
    tmp_path, data_file, tables, capsys
):
    from pypdf import PdfReader

    assert refresh(data_file, tables, "--write") == 0
    assert main(["check", str(data_file)]) == 0
    assert main(["build", str(data_file), "--only", "pdf", "--out", str(tmp_path / "out")]) == 0
    pdf = next((tmp_path / "out").glob("*.pdf"))
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "$140,910" in text and "May 2024" in text and "$145,080" not in text


def test_a_dry_run_prints_a_row_per_figure_and_changes_nothing(data_file, tables, capsys):
    before, stamp = data_file.read_bytes(), data_file.stat().st_mtime_ns
    assert refresh(data_file, tables) == 0
    out = capsys.readouterr().out
    assert data_file.read_bytes() == before and data_file.stat().st_mtime_ns == stamp
    assert "nothing written" in out
    rows = {tuple(line.split()) for line in out.splitlines()}
    assert ("ai-engineer", "salary.median", "145,080", "140,910") in rows
    assert ("data-scientist", "outlook.openings_per_year", "20,800", "23,400") in rows
    assert ("data-scientist", "outlook.growth_pct", "36", "33.5") in rows
    assert ("meta", "as_of", "2023-05", "2024-05") in rows
    assert list(data_file.parent.iterdir()) == [data_file]


def test_the_packaged_2024_dataset_is_what_refresh_makes_of_the_2023_one(data_file, tables, capsys):
    assert refresh(data_file, tables, "--write") == 0
    made, shipped = load_dataset(data_file), load_dataset(MAY_2024)
    assert made.meta.as_of == shipped.meta.as_of
    for a, b in zip(made.roles, shipped.roles, strict=True):
        assert a.salary == b.salary
        assert a.outlook == b.outlook
        assert a.education == b.education
    # Every source the roles cite is listed alike; the refreshed file also keeps the 2023
    # sources only because its (hand-written) notes still cite them, and says so.
    cited = {r.salary.source for r in made.roles} | {r.outlook.source for r in made.roles}
    made_sources = {s.id: s for s in made.sources}
    shipped_sources = {s.id: s for s in shipped.sources}
    for ident in cited | {"onet", "upwork-article"}:
        assert made_sources[ident] == shipped_sources[ident]
    extra = set(made_sources) - set(shipped_sources)
    assert extra == {"bls-ep-2023"}
    assert extra == {n.source for n in made.notes} & extra
    err = capsys.readouterr().err
    assert "notes[6] cites bls-ep-2023, the figures this refresh replaced: reword them" in err


def test_an_old_source_no_longer_cited_is_removed(data_file, tables):
    text = data_file.read_text(encoding="utf-8")
    text = text.replace("\n    source: bls-oews-2023\n", "\n    source: onet\n")
    data_file.write_text(text.replace("\n    source: bls-ep-2023\n", "\n    source: onet\n"))
    assert refresh(data_file, tables, "--write") == 0
    ids = [s["id"] for s in plain(data_file)["sources"]]
    assert ids == ["bls-oews-2024", "bls-ep-2024", "onet", "upwork-article"]


def test_a_top_coded_wage_is_left_out_with_the_reason_in_the_notes_and_a_warning(
    tmp_path, data_file, capsys
):
    oews = oews_workbook(tmp_path, {"15-1221": {"A_PCT90": "#", "A_PCT25": "*"}})
    # room for the two notes refresh adds: a data file holds at most 10 (a full list is an
    # error for the file, as any invalid result is)
    yaml = YAML()
    doc = yaml.load(data_file.read_text(encoding="utf-8"))
    del doc["notes"][6:]
    with data_file.open("w", encoding="utf-8") as f:
        yaml.dump(doc, f)
    assert refresh(data_file, (oews, projections_workbook(tmp_path))) == 0
    assert refresh(data_file, (oews, projections_workbook(tmp_path)), "--write") == 0
    salary = plain(data_file)["roles"][0]["salary"]
    assert "p90" not in salary and "p25" not in salary and salary["median"] == 140910
    notes = [n["text"] for n in plain(data_file)["notes"]]
    assert any("90th percentile" in n and "at least $239,200 (BLS top-codes" in n for n in notes)
    assert any("25th percentile" in n and "not estimated" in n for n in notes)
    err = capsys.readouterr().err
    assert "roles[0].salary.p90: ai-engineer: the 90th percentile wage" in err
    assert main(["check", str(data_file)]) == 0


def test_a_missing_median_is_an_error_for_that_role_and_the_other_role_is_still_refreshed(
    tmp_path, data_file, capsys
):
    oews = oews_workbook(tmp_path, {"15-2051": {"A_MEDIAN": "*"}})
    assert refresh(data_file, (oews, projections_workbook(tmp_path)), "--write") == 1
    err = capsys.readouterr().err
    assert "the median wage of 15-2051 in national_M2024_dl.xlsx is not estimated" in err
    roles = plain(data_file)["roles"]
    assert roles[0]["salary"]["median"] == 140910 and roles[1]["salary"]["median"] == 108020
    assert main(["check", str(data_file)]) == 0
    assert "one chart mixes vintages (May 2023, May 2024)" in capsys.readouterr().err


def test_a_code_not_in_the_file_is_an_error_naming_the_code_and_the_file(data_file, tables, capsys):
    text = data_file.read_text(encoding="utf-8").replace('code: "15-2051"', 'code: "15-9999"')
    data_file.write_text(text, encoding="utf-8")
    assert refresh(data_file, tables, "--write") == 1
    err = capsys.readouterr().err
    assert "roles[1].occupation.code: 15-9999 is not in national_M2024_dl.xlsx" in err
    assert "15-9999 is not in occupation.xlsx" in err
    assert plain(data_file)["roles"][0]["salary"]["median"] == 140910


def test_a_role_without_an_occupation_code_is_skipped_with_a_warning(data_file, tables, capsys):
    text = data_file.read_text(encoding="utf-8")
    text = text.replace(
        '    occupation:\n      code: "15-2051"\n      title: Data Scientists\n', ""
    )
    data_file.write_text(text, encoding="utf-8")
    assert refresh(data_file, tables, "--write") == 0
    assert "data-scientist has no occupation.code: skipped" in capsys.readouterr().err
    assert plain(data_file)["roles"][1]["salary"]["median"] == 108020


def test_roles_keeping_figures_of_another_source_are_named(data_file, tables, capsys):
    assert refresh(data_file, tables) == 0
    err = capsys.readouterr().err
    assert (
        "ai-engineer keeps figures of another source or vintage: "
        "salary.by_location (upwork-article), freelance (upwork-article)"
    ) in err


def test_a_folder_of_data_files_is_refreshed_in_one_run(data_file, tables, capsys):
    shutil.copy(MAY_2023, data_file.parent / "second.yml")
    assert refresh(data_file.parent, tables, "--write") == 0
    for path in data_file.parent.glob("*.yml"):
        assert load_dataset(path).meta.as_of == "2024-05"


def test_a_german_file_gets_german_periods_and_keeps_its_translated_education(tables, capsys):
    assert refresh("ki-ingenieur-vs-data-scientist", tables) == 0
    captured = capsys.readouterr()
    assert re.search(r"salary\.period\s+Mai 2023\s+Mai 2024", captured.out)
    assert "entry_level: kept as written ('Master-Abschluss')" in captured.err


def test_a_packaged_dataset_is_never_rewritten(tables, capsys):
    before = MAY_2023.read_bytes()
    assert refresh("ai-engineer-vs-data-scientist", tables, "--write") == 2
    assert "packaged dataset" in capsys.readouterr().err
    assert MAY_2023.read_bytes() == before


def test_the_vintage_comes_from_period_when_the_file_name_and_rows_do_not_say_it(
    tmp_path, data_file, tables, capsys
):
    oews = oews_workbook(tmp_path, name="wages.xlsx")
    book = openpyxl.load_workbook(oews)
    book["national_M2024_dl"].title = "data"
    book.save(oews)
    assert main(["refresh", str(data_file), "--oews", str(oews)]) == 2
    assert "does not say which May it is of: give --period" in capsys.readouterr().err
    assert main(["refresh", str(data_file), "--oews", str(oews), "--period", "2024"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"salary\.period\s+May 2023\s+May 2024", out)
    assert "added: Occupational Employment and Wage Statistics, May 2024 national estimates" in out
    # A file that says its year wins over a --period that disagrees: an error, not a guess.
    assert refresh(data_file, tables, "--period", "2023") == 2
    assert "is of May 2024, not 2023: check --period" in capsys.readouterr().err


def test_a_data_file_that_does_not_validate_is_exit_code_2(tmp_path, tables, capsys):
    bad = tmp_path / "bad.yml"
    bad.write_text("format: rolereport/1\nmeta: {}\n", encoding="utf-8")
    assert refresh(bad, tables) == 2


def test_a_file_that_is_not_the_expected_table_is_refused_with_exit_code_2(
    tmp_path, data_file, tables, capsys
):
    oews, projections = tables
    assert main(["refresh", str(data_file), "--oews", str(projections)]) == 2
    assert "is not an OEWS wage table" in capsys.readouterr().err
    other = tmp_path / "other.csv"
    other.write_text("name,value\nx,1\n", encoding="utf-8")
    assert main(["refresh", str(data_file), "--oews", str(oews), "--projections", str(other)]) == 2
    assert "is not the Employment Projections occupation table" in capsys.readouterr().err


def test_a_formula_is_never_evaluated_but_refused(tmp_path, data_file, capsys):
    oews = oews_workbook(tmp_path, {"15-1221": {"A_MEDIAN": "=100000+40910"}})
    assert main(["refresh", str(data_file), "--oews", str(oews)]) == 2
    assert "A_MEDIAN holds a formula (=100000+40910)" in capsys.readouterr().err


def test_a_zip_bomb_a_dtd_an_old_xls_and_an_oversized_file_are_refused(tmp_path, data_file, capsys):
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"<a>" + b" " * 50_000_000 + b"</a>")
    dtd = oews_workbook(tmp_path, name="dtd.xlsx")
    with zipfile.ZipFile(dtd, "a") as z:
        z.writestr("xl/evil.xml", b'<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>')
    xls = tmp_path / "old.xls"
    xls.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as fh:
        fh.seek(60_000_000)
        fh.write(b"\n")
    expected = {
        bomb: "(a zip bomb?)",
        dtd: "declares a DTD",
        xls: "old .xls workbook",
        huge: "larger than 50 MB",
    }
    for path, message in expected.items():
        assert main(["refresh", str(data_file), "--oews", str(path)]) == 2, path
        assert message in capsys.readouterr().err


def test_refresh_help_and_its_page_say_which_files_to_download(capsys):
    with pytest.raises(SystemExit):
        main(["refresh", "--help"])
    out = capsys.readouterr().out
    assert "--oews FILE" in out and "--projections FILE" in out and "--write" in out
    page = (ROOT / "docs" / "refresh.md").read_text(encoding="utf-8")
    assert "national_M2024_dl.xlsx" in page and "occupation.xlsx" in page
    assert "rolereport refresh" in page


def test_a_windows_file_keeps_its_line_ends_and_byte_order_mark(data_file, tables):
    text = MAY_2023.read_text(encoding="utf-8")
    data_file.write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode())
    assert refresh(data_file, tables, "--write") == 0
    raw = data_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and raw.count(b"\r\n") == raw.count(b"\n")
    assert load_dataset(data_file).role("ai-engineer").salary.median == 140910


def test_a_csv_with_an_endless_cell_is_a_bad_file_not_a_crash(tmp_path, data_file, capsys):
    broken = tmp_path / "broken.csv"
    broken.write_text('OCC_CODE,A_MEDIAN\n15-1221,"' + "9" * 200_000 + '"\n', encoding="utf-8")
    assert main(["refresh", str(data_file), "--oews", str(broken)]) == 2
    assert "is not a readable CSV table" in capsys.readouterr().err


def _keep_notes(data_file: Path, count: int) -> None:
    yaml = YAML()
    doc = yaml.load(data_file.read_text(encoding="utf-8"))
    del doc["notes"][count:]
    with data_file.open("w", encoding="utf-8") as f:
        yaml.dump(doc, f)


def test_percentiles_left_out_of_one_role_share_one_note_so_a_file_with_room_for_one_is_refreshed(
    tmp_path, data_file, capsys
):
    # Two percentiles of one role and one of the other: one note for all three, the tenth.
    overrides = {"15-1221": {"A_PCT90": "#", "A_PCT25": "*"}, "15-2051": {"A_PCT90": "#"}}
    oews = oews_workbook(tmp_path, overrides)
    _keep_notes(data_file, 9)
    assert refresh(data_file, (oews, projections_workbook(tmp_path)), "--write") == 0
    notes = plain(data_file)["notes"]
    assert len(notes) == 10 and notes[-1]["source"] == "bls-oews-2024"
    said = " ".join(notes[-1]["text"].split())
    assert "the 25th percentile is not estimated" in said
    assert "90th percentile is at least $239,200" in said
    assert said.count("so they are not shown") == 1 and said.count("so it is not shown") == 1
    assert main(["check", str(data_file)]) == 0


def test_a_file_whose_notes_are_full_is_left_as_it_was_with_an_error_saying_how_to_make_room(
    tmp_path, data_file, capsys
):
    oews = oews_workbook(tmp_path, {"15-1221": {"A_PCT90": "#"}})
    before = data_file.read_bytes()
    assert len(plain(data_file)["notes"]) == 10
    assert refresh(data_file, (oews, projections_workbook(tmp_path)), "--write") == 2
    err = capsys.readouterr().err
    assert "ai.yml:301: notes: holds 10 notes and refresh must add 1" in err
    assert "merge two notes into one (or remove one), then refresh again" in err
    assert data_file.read_bytes() == before
    assert main(["check", str(data_file)]) == 0
