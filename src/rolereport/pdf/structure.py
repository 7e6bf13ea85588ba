"""The structure tree written into a PDF ReportLab made: /StructTreeRoot, /ParentTree, the
catalog's /MarkInfo and XMP metadata, and each page's /StructParents and /Tabs."""

from __future__ import annotations

from io import BytesIO
from typing import Any
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Dictionary, Name

from .tagging import Elem, MarkingCanvas, Tree

KEEP_EMPTY = ("TH", "TD", "TR")  # a table keeps its grid even where a cell is blank

_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/"
 xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def write_structure(data: bytes, tree: Tree, canvas: MarkingCanvas, title: str, lang: str) -> bytes:
    """`data` with the structure tree of `tree` as `canvas` marked it, and the catalog entries
    a tagged PDF (PDF/UA-1) needs. Deterministic: the same input gives the same bytes."""
    pdf = pikepdf.open(BytesIO(data))
    w = _Writer(pdf, canvas)
    root = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot))
    _prune(tree.root)
    top = tree.root.items
    top.sort(key=lambda e: e.drawn() if isinstance(e, Elem) else 0)
    root.K = w.element(tree.root, root)
    nums = Array()
    for i, page in enumerate(pdf.pages):
        page.obj.StructParents = i
        nums.extend([i, Array([w.refs[id(e)] for e in canvas.mcids[i]])])
        if "/Annots" in page.obj:
            page.obj.Tabs = Name.S
    for key, elem in w.annot_parents:
        nums.extend([key, w.refs[id(elem)]])
    root.ParentTree = pdf.make_indirect(Dictionary(Nums=nums))
    root.ParentTreeNextKey = len(pdf.pages) + len(w.annot_parents)
    cat = pdf.Root
    cat.StructTreeRoot = root
    cat.MarkInfo = Dictionary(Marked=True)
    cat.Lang = pikepdf.String(lang)
    cat.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    xmp = _XMP.format(title=escape(title), lang=escape(lang)).encode()
    cat.Metadata = pdf.make_stream(xmp, Type=Name.Metadata, Subtype=Name.XML)
    out = BytesIO()
    # ReportLab compressed its streams already: qpdf would decode and compress them again
    pdf.save(out, deterministic_id=True, compress_streams=False)
    return out.getvalue()


def _prune(elem: Elem) -> bool:
    """Drop the kids that hold nothing; True when `elem` itself holds something."""
    elem.items = [e for e in elem.items if not isinstance(e, Elem) or _prune(e)]
    return bool(elem.items) or elem.role in KEEP_EMPTY


class _Writer:
    def __init__(self, pdf: pikepdf.Pdf, canvas: MarkingCanvas) -> None:
        self.pdf, self.pages = pdf, [p.obj for p in pdf.pages]
        self.canvas = canvas
        self.refs: dict[int, pikepdf.Object] = {}
        self.annot_parents: list[tuple[int, Elem]] = []

    def element(self, elem: Elem, parent: pikepdf.Object) -> pikepdf.Object:
        d = self.pdf.make_indirect(Dictionary(Type=Name.StructElem, S=Name("/" + elem.role)))
        d.P = parent
        self.refs[id(elem)] = d
        first = next((x[1] for x in elem.items if isinstance(x, tuple)), None)
        if first is not None:
            d.Pg = self.pages[first]
        items = elem.items
        if elem.role == "Link":  # its words first, then its annotation, as readers expect
            items = sorted(items, key=lambda x: isinstance(x, tuple) and x[0] == "annot")
        kids = Array()
        for item in items:
            if isinstance(item, Elem):
                kids.append(self.element(item, d))
            elif item[0] == "mc":
                _, page, mcid = item
                if page == first:
                    kids.append(mcid)
                else:
                    kids.append(Dictionary(Type=Name.MCR, Pg=self.pages[page], MCID=mcid))
            else:
                kids.append(self.objr(elem, d, *item[1:]))
        d.K = kids[0] if len(kids) == 1 else kids
        self.attributes(elem, d)
        return d

    def objr(self, elem: Elem, d: pikepdf.Object, page: int, index: int, desc: str) -> Any:
        annot = self.pages[page].Annots[index]
        key = len(self.pages) + len(self.annot_parents)
        annot.StructParent = key
        self.annot_parents.append((key, elem))
        if desc:
            annot.Contents = pikepdf.String(desc)
        if desc and not any(x[0] == "mc" for x in elem.items if isinstance(x, tuple)):
            d.Alt = pikepdf.String(desc)  # a link without words of its own is read by this
        return Dictionary(Type=Name.OBJR, Obj=annot, Pg=self.pages[page])

    def attributes(self, elem: Elem, d: pikepdf.Object) -> None:
        a = elem.attrs
        if "alt" in a:
            d.Alt = pikepdf.String(a["alt"])
        if "scope" in a:
            d.A = Dictionary(O=Name.Table, Scope=Name("/" + a["scope"]))
        if "bbox" in a:
            box = Array([round(v, 2) for v in a["bbox"]])
            d.A = Dictionary(O=Name.Layout, BBox=box, Placement=Name.Block)
