"""BuildOptions: one value for every kind of build; the library names values, the CLI flags."""

from __future__ import annotations

import pytest

from rolereport import InputError, build
from rolereport.build.options import BuildOptions
from rolereport.cli.main import main


def test_an_unknown_paper_or_aspect_is_named_by_its_option_not_a_flag():
    with pytest.raises(InputError) as caught:
        BuildOptions(paper="a5", aspect="21:9")
    assert str(caught.value).splitlines() == [
        "paper: 'a5' is not letter or a4",
        "aspect: '21:9' is not 16:9 or 4:3",
    ]


def test_build_refuses_a_bad_option_before_reading_anything(tmp_path):
    with pytest.raises(InputError) as caught:
        build(tmp_path / "missing.yml", out=tmp_path, only=("pdf", "docx"))
    assert str(caught.value) == "only: 'docx': choose from pdf, pptx and guide"
    assert "--" not in str(caught.value)


def test_a_folder_that_cannot_be_written_is_an_option_problem_the_cli_flags(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    with pytest.raises(Exception) as caught:
        build(out=blocker / "out", only=("pdf",), parallel=False)
    assert "choose another output folder" in str(caught.value)
    assert "--" not in str(caught.value)
    code = main(["build", "--only", "pdf", "--out", str(blocker / "out")])
    err = capsys.readouterr().err
    assert code == 1 and "choose another output folder (--out)" in err, err


def test_the_cli_names_the_assets_flag_for_a_missing_assets_folder(tmp_path, capsys):
    assert main(["build", "--assets", str(tmp_path / "nope"), "--out", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert (
        err.strip()
        == f"Error: {tmp_path / 'nope'}: is not a folder: name the assets folder (--assets)"
    )


def test_a_batch_that_cannot_write_its_folder_names_the_out_flag(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    names = ["ai-engineer-vs-data-scientist", "data-careers-compared"]
    out = blocker / "out"
    assert main(["build", *names, "--only", "pdf", "--out", str(out), "--jobs", "2"]) == 1
    err = capsys.readouterr().err
    assert err.count("choose another output folder (--out)") == 2, err
