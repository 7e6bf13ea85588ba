"""The handout and the guide are tagged PDFs: read back with pdfua, pikepdf, pdfplumber and
poppler, their structure trees say what a screen reader needs."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import DATASET, ROOT, outputs
from structtree import elements, is_objr, kids_of, marked_text, struct_text, text_of

from rolereport import build, packaged_datasets, render_handout
from rolereport.content.model import Figure, Paragraph, Table

KINDS = ("handout", "guide")
MARGIN_TOP, MARGIN_BOTTOM = 0.95 * 72, 0.85 * 72  # the running header and footer live here


@pytest.fixture(scope="module")
def built(default_build) -> dict[str, Path]:
    return outputs(default_build)


def test_every_packaged_handout_and_guide_and_every_example_brand_pass_the_pdfua_checks(
    tmp_path, default_build
):
    # Every packaged dataset in the built-in brand on Letter (the default dataset's build is
    # shared with the other read-back tests), and the default dataset in each example brand
    # (their fonts, colours, logos) on A4.
    names = packaged_datasets()
    files = [outputs(default_build)[kind] for kind in KINDS]
    for name in (n for n in names if n != DATASET.stem):
        result = build(name, ROOT / "assets", tmp_path / name, only=("pdf", "guide"))
        files += result.paths
    for brand in ("minimal", "northwind"):
        assets = ROOT / "examples" / "brands" / brand
        files += build(None, assets, tmp_path / brand, only=("pdf", "guide"), paper="a4").paths
    assert len(files) == 2 * (len(names) + 2)
    run = [sys.executable, "-m", "pdfua", "check", *map(str, files)]
    done = subprocess.run(run, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "not evaluated" not in done.stdout  # every rule ran on every file
    assert done.stdout.count("errors=0 warnings=0 info=0") == len(files)


@pytest.mark.parametrize("kind", KINDS)
def test_the_catalog_and_pages_declare_a_tagged_pdf_ua_document(built, kind, report):
    with pikepdf.open(built[kind]) as pdf:
        root = pdf.Root
        assert root.MarkInfo.Marked is True
        assert str(root.Lang) == report.language
        assert root.ViewerPreferences.DisplayDocTitle is True
        xmp = root.Metadata.read_bytes().decode()
        assert "<pdfuaid:part>1</pdfuaid:part>" in xmp
        assert f'<rdf:li xml:lang="x-default">{pdf.docinfo.Title}</rdf:li>' in xmp
        for i, page in enumerate(pdf.pages):
            assert page.obj.StructParents == i
            if "/Annots" in page.obj:
                assert page.obj.Tabs == "/S"


@pytest.mark.parametrize("kind", KINDS)
def test_headings_follow_the_outline_in_order_and_level(built, kind):
    texts = marked_text(built[kind])
    with pikepdf.open(built[kind]) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        heads = [
            (int(str(e.S)[2:]), text_of(e, pages, texts))
            for e, _ in elements(pdf)
            if re.fullmatch(r"/H[1-6]", str(e.S))
        ]
        with pdf.open_outline() as outline:

            def walk(items, level):
                for item in items:
                    yield level, item.title
                    yield from walk(item.children, level + 1)

            entries = list(walk(outline.root, 1))
    assert len(entries) > 5 and all(text.strip() for _, text in heads)
    it = iter(heads)  # each entry is a heading of its level, in order; headings may be more
    for level, title in entries:
        assert any(lv == level and text.startswith(title) for lv, text in it), title


@pytest.mark.parametrize("kind", KINDS)
def test_every_table_has_a_header_row_of_cells_with_a_scope(built, kind):
    with pikepdf.open(built[kind]) as pdf:
        tables = [e for e, _ in elements(pdf) if e.S == "/Table"]
        assert tables
        for t in tables:
            head = t.K[0] if isinstance(t.K, pikepdf.Array) else t.K
            assert head.S == "/THead"
            cells = head.K.K if head.K.S == "/TR" else None
            cells = cells if isinstance(cells, pikepdf.Array) else [cells]
            assert all(c.S == "/TH" and c.A.Scope == "/Column" for c in cells)


def test_every_chart_and_the_cover_logo_is_a_figure_with_its_alt_text_and_box(built, report):
    alts = [b.chart.alt for s in report.sections for b in s.blocks if isinstance(b, Figure)]
    with pikepdf.open(built["handout"]) as pdf:
        figures = [e for e, _ in elements(pdf) if e.S == "/Figure"]
        assert [str(f.Alt) for f in figures[1:]] == alts  # the logo first, on the cover
        assert str(figures[0].Alt).endswith("logo")
        for f in figures:
            x0, y0, x1, y1 = (float(v) for v in f.A.BBox)
            assert 0 <= x0 < x1 and 0 <= y0 < y1


@pytest.mark.parametrize("kind", KINDS)
def test_every_link_and_form_field_is_in_the_structure_tree(built, kind):
    with pikepdf.open(built[kind]) as pdf:
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        seen = Counter()
        for page in pdf.pages:
            for a in page.obj.get("/Annots", []):
                elem = parents[int(a.StructParent)]
                seen[str(a.Subtype)] += 1
                if a.Subtype == "/Link":
                    assert elem.S == "/Link" and str(a.Contents).strip()
                else:
                    assert a.Subtype == "/Widget" and elem.S == "/Form" and str(a.TU).strip()
                objrs = [k.Obj.objgen for k in kids_of(elem) if is_objr(k)]
                assert a.objgen in objrs
        assert seen["/Link"] > 5
        assert seen["/Widget"] > 3 if kind == "handout" else True


@pytest.mark.parametrize("kind", KINDS)
def test_the_tree_text_is_the_page_text_less_the_running_header_and_footer(built, kind):
    tree_text = struct_text(built[kind])
    page_text, artifacts = "", 0
    with pdfplumber.open(built[kind]) as pdf:
        for page in pdf.pages:
            for c in page.chars:
                if c.get("mcid") is not None:
                    page_text += c["text"]
                else:  # only the running header and footer are artifacts
                    artifacts += 1
                    assert c["top"] < MARGIN_TOP or c["bottom"] > page.height - MARGIN_BOTTOM
    assert artifacts > 0
    assert Counter(tree_text.replace(" ", "")) == Counter(page_text.replace(" ", ""))


def test_tagging_keeps_the_bytes_reproducible(built, dataset, tmp_path):
    build(dataset, None, tmp_path, only=("pdf",), parallel=False)
    again = next(tmp_path.glob("*-handout.pdf")).read_bytes()
    assert again == built["handout"].read_bytes()


def test_a_paragraph_and_a_table_running_onto_the_next_page_stay_one_element(
    tmp_path, report, theme
):
    long_text = " ".join(["The counsellor reads this sentence aloud to the group."] * 90)
    rows = tuple((f"Row {n}", f"Value {n}") for n in range(70))
    blocks = (Paragraph(long_text), Table(("Label", "Value"), rows, caption="Long table"))
    section = replace(report.sections[0], blocks=blocks, new_page=True)
    path = tmp_path / "long.pdf"
    path.write_bytes(render_handout(replace(report, sections=(section,)), theme).data)
    texts = marked_text(path)
    with pikepdf.open(path) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        elems = [e for e, _ in elements(pdf)]
        para = next(e for e in elems if text_of(e, pages, texts).startswith("The counsellor"))
        assert {int(k.Pg.objgen == para.Pg.objgen) for k in para.K[1:]} == {0}  # next page
        assert text_of(para, pages, texts).replace(" ", "") == long_text.replace(" ", "")
        table = [e for e in elems if e.S == "/Table"][-1]  # after the cover's
        assert len(table.K[1].K) == len(rows)  # every body row, whichever page it is on
        heads = [text_of(h, pages, texts).strip() for h in table.K[0].K.K]
        assert heads == ["Label", "Value"]  # once, though printed on every page
    with pdfplumber.open(path) as pdf:  # the header row repeated on the next page
        repeated = [c for c in pdf.pages[-1].chars if c.get("mcid") is None]
        assert "Label" in "".join(c["text"] for c in repeated)
    done = subprocess.run([sys.executable, "-m", "pdfua", "check", str(path)], check=False)
    assert done.returncode == 0


@pytest.mark.parametrize("kind", KINDS)
def test_list_items_have_their_bullet_or_number_as_a_label_before_the_body(built, kind):
    texts = marked_text(built[kind])
    with pikepdf.open(built[kind]) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        items = [e for e, _ in elements(pdf) if e.S == "/LI"]
        assert len(items) > 10
        for li in items:
            label, body = li.K
            assert (label.S, body.S) == ("/Lbl", "/LBody")
            assert re.fullmatch(r"•|\d+\.|\[\d+\]", text_of(label, pages, texts).strip())
            assert text_of(body, pages, texts).strip()
