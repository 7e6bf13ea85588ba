"""ReportLab made safe and deterministic for every PDF: settings pinned, the brand's fonts
registered by content, the document date from files.clock."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..brand.theme import FontFiles
from ..errors import BrandError
from ..files.clock import document_time


@dataclass(frozen=True)
class Fonts:
    """Registered ReportLab names of the brand's four faces, and the face for headings."""

    regular: str
    bold: str
    italic: str
    bold_italic: str
    heading: str = ""

    @property
    def head(self) -> str:
        return self.heading or self.bold


def pin_safe_settings() -> None:
    """Put back the defaults ReportLab ships with, then pin what safety needs.

    ReportLab applies RL_* environment variables and ~/.reportlab_settings when it is
    imported; neither may loosen URL fetching or colour evaluation, nor change the layout.
    """
    import sys

    from reportlab import rl_settings

    # Search paths are expanded at import; every font is named by path, every page by size.
    names = [
        n for n in rl_settings.__all__ if not n.endswith("SearchPath") and n != "defaultPageSize"
    ]
    for name in names:
        value = getattr(rl_settings, name)
        if name.endswith("Glob"):  # converted at start-up, as rl_config does
            value = value.split() if value else []
        setattr(rl_config, name, list(value) if isinstance(value, list) else value)
    rl_config.trustedHosts = None  # no host is trusted: markup never fetches a URL ...
    rl_config.trustedSchemes = []  # ... nor opens file:, data: or any other scheme
    rl_config.toColorCanUse = None  # colour strings are literals, never evaluated
    rl_config.allowTTFSubsetting = []  # embed only what a font's licence allows
    rl_config.allowTableBoundsErrors = 1  # widths are computed to fit; never raise on them
    rl_config.platypus_link_underline = 0  # links look as designed, whatever the env says
    # Some modules copy a setting when imported (`from reportlab.rl_config import _FUZZ`):
    # give those copies the pinned values too.
    pinned = {n: getattr(rl_config, n) for n in names}
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("reportlab.") or module in (rl_config, rl_settings, None):
            continue
        for name, value in pinned.items():
            here = getattr(module, name, None)
            if here is not None and not callable(here):
                setattr(module, name, value)
    # ParagraphStyle took its defaults from settings when imported, under other names.
    from_setting = {
        "fontName": "canvas_basefontname",
        "bulletFontName": "canvas_basefontname",
        "linkUnderline": "platypus_link_underline",
        **{
            k: k
            for k in ParagraphStyle.defaults
            if k in pinned and k not in ("fontName", "bulletFontName")
        },
    }
    ParagraphStyle.defaults.update({k: pinned[v] for k, v in from_setting.items()})


def register_fonts(font: FontFiles, heading: FontFiles) -> Fonts:
    """Register each brand face once, named for its family and its file's content."""
    names = [_register(font, style) for style in ("regular", "bold", "italic", "bold_italic")]
    f = Fonts(*names, heading=_register(heading, "bold"))
    pdfmetrics.registerFontFamily(
        f.regular, normal=f.regular, bold=f.bold, italic=f.italic, boldItalic=f.bold_italic
    )
    return f


def _register(font: FontFiles, style: str) -> str:
    path = Path(getattr(font, style))
    family = re.sub(r"[^A-Za-z0-9]+", "", font.family) or "Brand"
    # Named by content, not path: the same font gives the same bytes in any checkout.
    name = f"{family}-{_digest(path)}"
    if name not in pdfmetrics.getRegisteredFontNames():
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as e:  # truncated, fake or CFF-flavoured font files
            msg = f"is not a usable TrueType font ({e}); supply a .ttf with TrueType outlines"
            raise BrandError.at(path, "typography.fonts", msg) from e
    return name


@cache
def _digest(path: Path) -> str:
    return hashlib.sha1(path.read_bytes()).hexdigest()[:8]


def glyph_warnings(chars: set[str], fonts: Fonts, what: str = "handout") -> tuple[str, ...]:
    """A warning naming the printed characters some face of the brand font lacks."""
    faces = [
        pdfmetrics.getFont(n).face.charToGlyph for n in (fonts.regular, fonts.bold, fonts.head)
    ]
    lost = sorted(c for c in chars if not c.isspace() and any(ord(c) not in f for f in faces))
    shown = ", ".join(f"'{c}' (U+{ord(c):04X})" for c in lost)
    return (f"{what}: the brand font lacks {shown}; they print as empty boxes",) if lost else ()


def pdf_date() -> str:
    """The document time (files.clock) in PDF syntax."""
    return document_time().strftime("D:%Y%m%d%H%M%S+00'00'")
