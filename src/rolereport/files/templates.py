"""Checks on a brand's PowerPoint template: a plain, bounded .pptx or .potx package."""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from ..errors import BrandError
from .assets import read_bounded

MAX_TEMPLATE_BYTES = 100_000_000
# A template is a zip: bound what unpacking it may cost before anything opens it.
MAX_TEMPLATE_MEMBERS = 2_000
MAX_TEMPLATE_UNZIPPED = 200_000_000
MAX_MEMBER_RATIO = 100  # uncompressed / compressed, for members over RATIO_FLOOR bytes
RATIO_FLOOR = 1_000_000
_TEMPLATE_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_DECK_TYPE = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"


def template_bytes(path: Path, key: str, brand_file: Path) -> bytes:
    """The template as .pptx bytes python-pptx opens (a .potx gets the deck content type).

    Raises BrandError for anything but a plain, bounded PowerPoint package: a zip bomb,
    macros or ActiveX controls, DTDs, or relationships to external files other than links.
    """
    data = read_bounded(path, MAX_TEMPLATE_BYTES, key, brand_file, "template")
    name = path.name

    def refuse(why: str) -> BrandError:
        return BrandError.at(brand_file, key, f"'{name}' {why}")

    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":  # OLE: an encrypted or old .ppt file
        raise refuse("is encrypted or an old .ppt file: save it as .pptx without a password")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            items = z.infolist()
            _check_sizes(items, refuse)
            types = z.read("[Content_Types].xml")
            _check_parts(z, items, types, refuse)
            if _TEMPLATE_TYPE.encode() not in types:
                return data
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as w:
                for item in items:
                    body = z.read(item)
                    if item.filename == "[Content_Types].xml":
                        body = body.replace(_TEMPLATE_TYPE.encode(), _DECK_TYPE.encode())
                    w.writestr(item, body)
            return out.getvalue()
    except BrandError:
        raise
    except (zipfile.BadZipFile, KeyError, EOFError, zlib.error, ValueError) as exc:
        raise refuse(f"is not a PowerPoint file ({exc}): save it as .pptx") from None
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression, encryption
        raise refuse(f"cannot be unpacked ({exc}): save it again as .pptx") from None


def _check_sizes(items: list[zipfile.ZipInfo], refuse) -> None:
    """Refuse a zip bomb from its directory alone, before unpacking anything."""
    if len(items) > MAX_TEMPLATE_MEMBERS:
        raise refuse(f"has {len(items):,} parts; a template has at most {MAX_TEMPLATE_MEMBERS:,}")
    total = sum(i.file_size for i in items)
    if total > MAX_TEMPLATE_UNZIPPED:
        raise refuse(
            f"unpacks to {total:,} bytes; the limit is {MAX_TEMPLATE_UNZIPPED:,} "
            "(a zip bomb?): remove large media from the template"
        )
    for i in items:
        if i.file_size > RATIO_FLOOR and i.file_size > MAX_MEMBER_RATIO * max(i.compress_size, 1):
            raise refuse(
                f"part {i.filename} unpacks {i.file_size // max(i.compress_size, 1):,} times "
                "its packed size (a zip bomb?): save the template again from PowerPoint"
            )


def _check_parts(z: zipfile.ZipFile, items: list[zipfile.ZipInfo], types: bytes, refuse) -> None:
    """No macros, no ActiveX, no DTDs, no external relationships but hyperlinks."""
    from lxml import etree

    lowered = types.lower()
    if b"macroenabled" in lowered or b"vbaproject" in lowered:
        raise refuse("is macro-enabled: save it as a .pptx or .potx without macros")
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    for item in items:
        lower = item.filename.lower()
        if lower.endswith(("vbaproject.bin", "vbadata.xml")):
            raise refuse(f"contains macros ({item.filename}): save it without macros")
        if "/activex/" in lower:
            raise refuse(f"contains ActiveX controls ({item.filename}): remove them")
        if not lower.endswith((".xml", ".rels")):
            continue
        body = z.read(item)
        if b"<!DOCTYPE" in body or b"<!ENTITY" in body:
            raise refuse(f"part {item.filename} declares a DTD: save the template again")
        if not lower.endswith(".rels") or b"External" not in body:
            continue
        try:
            rels = etree.fromstring(body, parser)
        except etree.XMLSyntaxError as exc:
            raise refuse(f"part {item.filename} is not valid XML ({exc})") from None
        for rel in rels:
            if rel.get("TargetMode") != "External":
                continue
            if str(rel.get("Type", "")).endswith("/hyperlink"):
                continue  # a link someone may click, never something opened by itself
            target = str(rel.get("Target", ""))
            shown = target if len(target) <= 60 else target[:57] + "..."
            raise refuse(
                f"links to the outside file {shown!r} (in {item.filename}): "
                "embed it or remove the link in PowerPoint, then save again"
            )
