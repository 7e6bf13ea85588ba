"""The batch summary table fits an 80-column terminal; the full error stays in the lines above."""

from __future__ import annotations

from rolereport.cli.main import main

DATASET = "ai-engineer-vs-data-scientist-2024"


def test_the_batch_summary_fits_80_columns_and_the_error_lines_keep_the_full_text(
    tmp_path, data_text, monkeypatch, capsys
):
    monkeypatch.setenv("COLUMNS", "80")
    folder = tmp_path / "spring-workshops" / "nursing-and-allied-health"
    folder.mkdir(parents=True)
    bad = folder / "registered-nurse-vs-nurse-practitioner.yml"
    bad.write_text(data_text.replace("median: 145080", "median: about 145k", 1), "utf-8")
    out = tmp_path / "out"
    code = main(["build", DATASET, str(bad), "--only", "pptx", "--out", str(out), "--jobs", "1"])
    assert code == 2
    captured = capsys.readouterr()
    table = captured.out.splitlines()
    assert max(len(line) for line in table) <= 80, captured.out
    assert table[0].split() == ["Dataset", "Outputs", "Time", "Warnings"]
    assert any(line.startswith(DATASET) and "deck" in line for line in table)
    said = " ".join(line.strip() for line in table)
    assert "Error: " in said and "registered-nurse-vs-nurse-practitioner.yml" in said
    assert " ".join(table[-2:]).split() == f"1 built, 1 failed; the files are in {out}".split()
    (error,) = [line for line in captured.err.splitlines() if line.startswith("Error: ")]
    assert len(error) > 80 and "roles[0].salary.median" in error
