"""`rolereport init DIR --blank`: a short skeleton that checks and builds as it is."""

from __future__ import annotations

import yaml
from pptx import Presentation

from rolereport.cli.main import main
from rolereport.data.facts import Dataset


def test_init_blank_writes_a_short_skeleton_with_two_roles_and_every_required_key(tmp_path):
    folder = tmp_path / "workshop"
    assert main(["init", str(folder), "--blank"]) == 0
    text = (folder / "data.yml").read_text(encoding="utf-8")
    assert len(text.splitlines()) < 80
    doc = yaml.safe_load(text)
    assert len(doc["roles"]) == 2
    required = Dataset.model_json_schema()
    assert set(required["required"]) <= set(doc)
    defs = required["$defs"]
    for key in defs["Meta"]["required"]:
        assert key in doc["meta"]
    for role in doc["roles"]:
        assert set(defs["Role"]["required"]) <= set(role)
        assert set(defs["Salary"]["required"]) <= set(role["salary"])
    assert set(defs["Source"]["required"]) <= set(doc["sources"][0])
    # every required key's line says what to put there
    for key in ("title:", "summary:", "as_of:", "id:", "name:", "median:", "source:"):
        assert any(key in line and "  # " in line for line in text.splitlines()), key


def test_the_blank_skeleton_checks_and_builds_as_it_is(tmp_path, capsys):
    folder = tmp_path / "workshop"
    assert main(["init", str(folder), "--blank"]) == 0
    data, assets = str(folder / "data.yml"), str(folder / "assets")
    assert main(["check", data, "--assets", assets]) == 0
    assert "OK: Software Developer vs. Statistician (2 roles" in capsys.readouterr().out
    out = tmp_path / "out"
    assert main(["build", data, "--assets", assets, "--out", str(out), "--only", "pptx"]) == 0
    (deck,) = out.glob("*-deck.pptx")
    texts = " ".join(
        shape.text_frame.text
        for slide in Presentation(deck).slides
        for shape in slide.shapes
        if shape.has_text_frame
    )
    assert "Software Developer" in texts and "Statistician" in texts


def test_init_without_blank_still_writes_the_full_example(tmp_path):
    folder = tmp_path / "full"
    assert main(["init", str(folder)]) == 0
    assert len((folder / "data.yml").read_text(encoding="utf-8").splitlines()) > 200
