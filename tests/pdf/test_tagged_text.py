"""What a screen reader reads from the tagged handout and guide: a link's own words inside
its /Link element, and the structure tree's words the same as the words on the page."""

from __future__ import annotations

import subprocess
from collections import Counter
from pathlib import Path

import pdfplumber
import pikepdf
import pytest
from conftest import outputs, require_tool
from structtree import is_objr, kids_of, marked_text, struct_text, text_of

KINDS = ("handout", "guide")
MARGIN_TOP, MARGIN_BOTTOM = 0.95 * 72, 0.85 * 72  # the running header and footer live here


@pytest.fixture(scope="module")
def built(default_build) -> dict[str, Path]:
    return outputs(default_build)


def _under(rect, page) -> str:
    """The characters printed inside an annotation's rectangle, in drawing order."""
    x0, y0, x1, y1 = (float(v) for v in rect)
    return "".join(
        c["text"]
        for c in page.chars
        if x0 <= (c["x0"] + c["x1"]) / 2 <= x1
        and y0 <= page.height - (c["top"] + c["bottom"]) / 2 <= y1
    )


@pytest.mark.parametrize("kind", KINDS)
def test_a_link_element_holds_the_words_of_its_link_before_its_annotation(built, kind):
    texts = marked_text(built[kind])
    with pikepdf.open(built[kind]) as pdf, pdfplumber.open(built[kind]) as plumb:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        nums = pdf.Root.StructTreeRoot.ParentTree.Nums
        parents = {int(nums[i]): nums[i + 1] for i in range(0, len(nums), 2)}
        printed: dict[tuple, str] = {}  # each /Link: the words under its annotations
        links: dict[tuple, object] = {}
        for i, page in enumerate(pdf.pages):
            for a in page.obj.get("/Annots", []):
                if a.Subtype != "/Link":
                    continue
                elem = parents[int(a.StructParent)]
                assert elem.S == "/Link" and str(a.Contents).strip()
                links[elem.objgen] = elem
                key = elem.objgen
                printed[key] = printed.get(key, "") + _under(a.Rect, plumb.pages[i])
        assert len(links) > 5
        for key, elem in links.items():
            kinds = ["objr" if is_objr(k) else "mc" for k in kids_of(elem)]
            assert kinds[0] == "mc" and kinds == sorted(kinds), kinds  # words, then the link
            words = text_of(elem, pages, texts)
            assert words.split() == printed[key].split(), (words, str(elem.K))
            assert words.strip()


def _page_words(path: Path) -> list[str]:
    """pdftotext's words of every page without its running header and footer (the cover
    has no header)."""
    pdftotext = require_tool("pdftotext")
    with pdfplumber.open(path) as pdf:
        sizes = [(p.width, p.height) for p in pdf.pages]
    words: list[str] = []
    for n, (w, h) in enumerate(sizes, 1):
        top = 0 if n == 1 else MARGIN_TOP
        crop = ["-x", "0", "-y", str(int(top)), "-W", str(int(w))]
        crop += ["-H", str(int(h - MARGIN_BOTTOM - top))]
        run = [pdftotext, "-f", str(n), "-l", str(n), "-r", "72", *crop, str(path), "-"]
        words += subprocess.run(run, capture_output=True, text=True, check=True).stdout.split()
    return words


@pytest.mark.parametrize("kind", KINDS)
def test_the_tree_reads_the_words_of_the_page_less_its_artifacts(built, kind):
    tree_words = struct_text(built[kind]).split()
    page_words = _page_words(built[kind])
    assert len(page_words) > 500
    missing = Counter(page_words) - Counter(tree_words)
    extra = Counter(tree_words) - Counter(page_words)
    assert not missing and not extra, (missing.most_common(20), extra.most_common(20))


def test_the_contents_heading_is_read_before_the_contents(built, report):
    texts = marked_text(built["handout"])
    with pikepdf.open(built["handout"]) as pdf:
        pages = {p.obj.objgen: i for i, p in enumerate(pdf.pages)}
        top = [e for e in kids_of(pdf.Root.StructTreeRoot.K) if isinstance(e, pikepdf.Dictionary)]
        at = [i for i, e in enumerate(top) if e.S == "/TOC"]
        assert len(at) == 1 and at[0] > 0
        before = top[at[0] - 1]
        assert before.S == "/H2" and text_of(before, pages, texts).strip() == report.words.contents
