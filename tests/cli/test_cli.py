"""The command line, end to end: what a user types and what they get back."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from pypdf import PdfReader

from rolereport.cli.main import main

SLUG = "ai-engineer-vs-data-scientist"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "rolereport", *args], cwd=cwd, capture_output=True, text=True
    )


def test_build_writes_the_three_documents_and_prints_their_paths(tmp_path):
    result = run("build", "--out", str(tmp_path / "out"), cwd=ROOT)
    assert result.returncode == 0, result.stderr
    out = tmp_path / "out"
    pdf, pptx = out / f"{SLUG}-handout.pdf", out / f"{SLUG}-deck.pptx"
    guide = out / f"{SLUG}-guide.pdf"
    assert result.stdout.split() == [str(pdf), str(pptx), str(guide)]
    assert pdf.read_bytes().startswith(b"%PDF-") and pptx.read_bytes().startswith(b"PK")
    assert guide.read_bytes().startswith(b"%PDF-")
    assert "Traceback" not in result.stderr


def test_only_and_paper_and_aspect_flags_are_honoured(tmp_path, capsys):
    assert main(["build", "--only", "pdf", "--paper", "a4", "--out", str(tmp_path)]) == 0
    assert [p.name for p in tmp_path.iterdir()] == [f"{SLUG}-handout.pdf"]
    from pypdf import PdfReader

    box = PdfReader(tmp_path / f"{SLUG}-handout.pdf").pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert main(["build", "--only", "pptx", "--aspect", "4:3", "--out", str(tmp_path)]) == 0
    from pptx import Presentation

    deck = Presentation(str(tmp_path / f"{SLUG}-deck.pptx"))
    assert deck.slide_width * 3 == deck.slide_height * 4


def test_invalid_data_exits_2_with_one_line_per_problem_and_keeps_old_outputs(tmp_path, data_text):
    out = tmp_path / "out"
    assert main(["build", "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    bad = tmp_path / "bad.yml"
    bad.write_text(data_text.replace("p90: 233110", "p90: 92000"), encoding="utf-8")
    result = run("build", str(bad), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith(f"Error: {bad}:")
    assert "roles[0].salary.p90: must be at least p75 (185160); got 92000" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before  # no temp files either


def test_a_bad_flag_is_a_usage_error_with_exit_code_2(tmp_path):
    result = run("build", "--paper", "legal", cwd=tmp_path)
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_an_unwritable_output_folder_is_reported_without_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("build", "--only", "pdf", "--out", str(blocker / "sub"), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr


def test_build_without_local_assets_uses_the_builtin_brand(tmp_path):
    result = run("build", "--only", "pdf", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "output" / f"{SLUG}-handout.pdf").is_file()


def test_check_validates_without_writing(tmp_path):
    result = run("check", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.startswith("OK: AI Engineer vs. Data Scientist")
    assert list(tmp_path.iterdir()) == []


def test_datasets_lists_the_packaged_dataset_with_its_vintage(capsys):
    assert main(["datasets"]) == 0
    assert f"{SLUG}\tAI Engineer vs. Data Scientist\t2023-05" in capsys.readouterr().out


def test_dump_prints_the_content_model_as_json(capsys):
    import json

    assert main(["dump"]) == 0
    assert json.loads(capsys.readouterr().out)["slug"] == SLUG


@pytest.mark.parametrize(
    "command",
    ["build", "check", "datasets", "dump", "init", "labels", "schema", "preview", "refresh"],
)
def test_every_command_is_documented_in_the_readme(command):
    assert f"rolereport {command}" in (ROOT / "README.md").read_text(encoding="utf-8")


def test_init_writes_a_commented_data_file_a_brand_and_the_schema_then_refuses_to_overwrite(
    tmp_path, capsys
):
    folder = tmp_path / "workshop"
    assert main(["init", str(folder)]) == 0
    data = (folder / "data.yml").read_text(encoding="utf-8")
    assert data.startswith("# yaml-language-server: $schema=rolereport.schema.json")
    assert '  as_of: "2023-05"  # Data vintage shown on every page and slide' in data
    assert (folder / "assets" / "brand.yml").is_file()
    assert main(["check", str(folder / "data.yml"), "--assets", str(folder / "assets")]) == 0
    before = (folder / "data.yml").read_bytes()
    assert main(["init", str(folder)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (folder / "data.yml").read_bytes() == before


def test_schema_describes_every_key_for_editors(capsys):
    import json

    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    salary = schema["$defs"]["Salary"]["properties"]
    assert salary["p90"]["description"] == "90th percentile."
    assert schema["required"] == ["meta", "roles", "sources"]
    assert schema["properties"]["roles"]["maxItems"] == 4


def test_check_prints_warnings_but_succeeds(tmp_path, data_text, capsys):
    path = tmp_path / "data.yml"
    path.write_text(data_text.replace("period: May 2023", "period: May 2024", 1), "utf-8")
    assert main(["check", str(path)]) == 0
    err = capsys.readouterr().err
    assert "Warning: data.yml: roles[*].salary.period: one chart mixes vintages" in err


def test_the_data_file_page_documents_every_key_of_the_data_file():
    from rolereport.data.facts import Dataset
    from rolereport.files.problems import model_in

    readme = (ROOT / "docs" / "data-file.md").read_text(encoding="utf-8")
    missing, todo = [], [(Dataset, "")]
    while todo:
        model, path = todo.pop()
        for name, field in model.model_fields.items():
            if f"`{name}`" not in readme:
                missing.append(f"{path}{name}")
            if (sub := model_in(field.annotation)) is not None:
                todo.append((sub, f"{path}{name}."))
    assert not missing


def test_characters_the_brand_font_lacks_stop_the_build_naming_the_field(tmp_path, data_text):
    bad = tmp_path / "data.yml"
    bad.write_text(data_text.replace("name: AI Engineer", 'name: "AI Engineer 🤖"', 1), "utf-8")
    result = run("build", str(bad), "--out", str(tmp_path / "out"), cwd=tmp_path)
    assert result.returncode == 2 and not (tmp_path / "out").exists()
    line = data_text.splitlines().index("  - id: ai-engineer") + 2  # name: is the next line
    said = f"Error: {bad}:{line}: roles[0].name: the brand font 'Carlito' has no '🤖'"
    assert said in result.stderr, result.stderr


def test_a_source_date_epoch_the_formats_cannot_hold_is_an_input_error(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "99999999999")
    assert main(["build", "--out", str(tmp_path)]) == 2
    assert list(tmp_path.iterdir()) == []


def test_only_guide_writes_only_the_guide(tmp_path, capsys):
    assert main(["build", "--only", "guide", "--paper", "a4", "--out", str(tmp_path)]) == 0
    path = tmp_path / f"{SLUG}-guide.pdf"
    assert [p.name for p in tmp_path.iterdir()] == [path.name]
    assert capsys.readouterr().out.split() == [str(path)]
    box = PdfReader(path).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_the_labels_command_prints_a_language_set_and_refuses_an_unknown_one(capsys):
    from rolereport.cli.main import main

    assert main(["labels", "de"]) == 0
    assert 'page_of: "Seite {page} von {pages}"' in capsys.readouterr().out
    assert main(["labels", "fr_FR"]) == 2
    assert "Error: fr_FR: no label set for this language: rolereport ships de, en" in (
        capsys.readouterr().err
    )
