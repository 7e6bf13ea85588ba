"""The deck's package: a template's own slides dropped, fixed properties, a reproducible zip."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

from ..brand.theme import Theme
from ..content.model import Report
from ..files.clock import document_time

_P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"


def drop_slides(prs) -> None:
    """Remove the slides a template ships with: their list entries, sections and parts, and
    the package's thumbnail and app properties that describe them (both optional)."""
    pres = prs.element
    for sld in list(prs.slides.element):
        for el in list(pres.iter()):  # the slide list and custom shows
            if el.get(qn("r:id")) == sld.rId:
                el.getparent().remove(el)
        prs.part.drop_rel(sld.rId)  # unreferenced now: the slide part is not saved
    for sections in list(pres.iter(f"{{{_P14}}}sectionLst")):  # they listed the slides
        ext = sections.getparent()
        ext.getparent().remove(ext)
    package = prs.part.package  # the template's thumbnail and slide titles would outlive them
    for rel in list(package._rels.values()):  # no public list of the package's own relations
        if rel.reltype in (RT.THUMBNAIL, RT.EXTENDED_PROPERTIES):
            package.drop_rel(rel.rId)


def set_properties(prs, report: Report, theme: Theme) -> None:
    """The core properties from the report and the brand, dated by `_when`."""
    cp = prs.core_properties
    cp.created = cp.modified = _when()
    cp.revision = 1
    cp.author = cp.last_modified_by = theme.name
    cp.title, cp.subject = report.title, report.subtitle or report.summary
    cp.language = report.language
    cp.comments = cp.keywords = cp.category = ""


def stable_zip(data: bytes) -> bytes:
    """The same package with a fixed member order and timestamps (the document time)."""
    stamp = max(_when().timetuple()[:6], (1980, 1, 1, 0, 0, 0))  # the earliest a zip holds
    src = zipfile.ZipFile(BytesIO(data))
    names = sorted(src.namelist(), key=lambda n: (n != "[Content_Types].xml", n))
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in names:
            info = zipfile.ZipInfo(name, stamp)  # type: ignore[arg-type]
            info.compress_type, info.create_system, info.external_attr = zipfile.ZIP_DEFLATED, 0, 0
            dst.writestr(info, src.read(name))
    return out.getvalue()


def _when() -> dt.datetime:
    """The deck's time (files.clock), UTC and naive as the package stores it."""
    return document_time().replace(tzinfo=None)
