"""Reading a tagged PDF's structure tree back with pikepdf, pdfplumber and poppler: its
elements in order, the text each one marks, and the tree's text as pdfinfo prints it."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pdfplumber
import pikepdf
from conftest import require_tool


def kids_of(node) -> list:
    """An element's /K as a list."""
    kids = node.get("/K")
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids] if kids is not None else []


def is_objr(kid) -> bool:
    """Whether a kid of an element is an annotation's object reference."""
    return isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/OBJR"


def elements(pdf: pikepdf.Pdf):
    """(element, depth) in the structure tree's order."""

    def walk(node, depth):
        for k in kids_of(node):
            if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem":
                yield k, depth
                yield from walk(k, depth + 1)

    yield from walk(pdf.Root.StructTreeRoot, 0)


def marked_text(path: Path) -> dict[tuple[int, int], str]:
    """The text of each marked-content sequence, by (page index, MCID)."""
    out: dict[tuple[int, int], str] = {}
    with pdfplumber.open(path) as pdf:
        for i, page in enumerate(pdf.pages):
            for c in page.chars:
                if c.get("mcid") is not None:
                    out[(i, c["mcid"])] = out.get((i, c["mcid"]), "") + c["text"]
    return out


def text_of(elem, pages: dict, texts: dict) -> str:
    """The text an element marks, its kids' included."""
    out = ""
    for k in kids_of(elem):
        if isinstance(k, int):
            out += texts.get((pages[elem.Pg.objgen], k), "")
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/MCR":
            out += texts.get((pages[k.Pg.objgen], int(k.MCID)), "")
        elif isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem":
            out += text_of(k, pages, texts)
    return out


def struct_text(path: Path) -> str:
    """The text of the structure tree in its order, as poppler's `pdfinfo -struct-text`
    prints it: the strings joined as they are, so a missing space joins two words."""
    lines = subprocess.run(
        [require_tool("pdfinfo"), "-struct-text", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return "".join(m[1] for s in lines if (m := re.fullmatch(r'\s*"(.*)"', s)))
