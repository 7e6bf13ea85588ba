"""Slide shapes as assistive technology reads them: decorative shapes flagged the way
PowerPoint flags them, so that a screen reader skips them."""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

DECORATIVE_URI = "{C183D7F6-B498-43B3-948B-1728B52AA6E4}"
ADEC = "http://schemas.microsoft.com/office/drawing/2017/decorative"


def _cnvpr(shape: Any) -> Any:
    return shape._element.xpath("./*[1]/p:cNvPr")[0]


def mark_decorative(shape: Any) -> None:
    """Flag `shape` decorative (PowerPoint's "Mark as decorative"); screen readers skip it,
    whatever alt text it keeps for a viewer that does not know the flag."""
    cnvpr = _cnvpr(shape)
    if is_decorative(shape):
        return
    ext_lst = cnvpr.find(qn("a:extLst"))
    if ext_lst is None:
        ext_lst = etree.SubElement(cnvpr, qn("a:extLst"))
    ext = etree.SubElement(ext_lst, qn("a:ext"), uri=DECORATIVE_URI)
    flag = etree.SubElement(ext, f"{{{ADEC}}}decorative", nsmap={"adec": ADEC})
    flag.set("val", "1")


def is_decorative(shape: Any) -> bool:
    """True when `shape` is flagged decorative."""
    flags = _cnvpr(shape).findall(f"{qn('a:extLst')}/{qn('a:ext')}/{{{ADEC}}}decorative")
    return any(f.get("val") in ("1", "true") for f in flags)
