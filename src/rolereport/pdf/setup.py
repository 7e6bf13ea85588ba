"""ReportLab made safe and deterministic for every PDF: settings pinned while it renders
(and put back after), the brand's fonts registered by content, the document's date."""

from __future__ import annotations

import hashlib
import re
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache, wraps
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from reportlab import rl_config
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..brand.theme import FontFiles
from ..errors import BrandError
from ..files.clock import document_time

P = ParamSpec("P")
R = TypeVar("R")


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


@contextmanager
def safe_settings() -> Iterator[None]:
    """ReportLab's shipped defaults with what safety needs pinned, for the time of the block;
    every setting is put back after it, so a program that imported rolereport keeps its own.

    ReportLab applies RL_* environment variables and ~/.reportlab_settings when it is
    imported; neither may loosen URL fetching or colour evaluation, nor change the layout,
    while rolereport renders. Blocks nest, and one thread at a time is inside (ReportLab's
    settings are global).
    """
    global _depth
    with _LOCK:
        saved = _pin() if _depth == 0 else None
        _depth += 1
        try:
            yield
        finally:
            _depth -= 1
            if saved is not None:
                _restore(*saved)


def safely(render: Callable[P, R]) -> Callable[P, R]:
    """`render` run inside safe_settings()."""

    @wraps(render)
    def run(*args: P.args, **kwargs: P.kwargs) -> R:
        with safe_settings():
            return render(*args, **kwargs)

    return run


_LOCK = threading.RLock()
_depth = 0


def _pinned() -> dict[str, Any]:
    """ReportLab's shipped defaults, with the safe values."""
    from reportlab import rl_settings

    # Search paths are expanded at import; every font is named by path, every page by size.
    names = [
        n for n in rl_settings.__all__ if not n.endswith("SearchPath") and n != "defaultPageSize"
    ]
    pinned: dict[str, Any] = {}
    for name in names:
        value = getattr(rl_settings, name)
        if name.endswith("Glob"):  # converted at start-up, as rl_config does
            value = value.split() if value else []
        pinned[name] = list(value) if isinstance(value, list) else value
    pinned["trustedHosts"] = None  # no host is trusted: markup never fetches a URL ...
    pinned["trustedSchemes"] = []  # ... nor opens file:, data: or any other scheme
    pinned["toColorCanUse"] = None  # colour strings are literals, never evaluated
    pinned["allowTTFSubsetting"] = []  # embed only what a font's licence allows
    pinned["allowTableBoundsErrors"] = 1  # widths are computed to fit; never raise on them
    pinned["platypus_link_underline"] = 0  # links look as designed, whatever the env says
    # binary streams, not ASCII85: smaller, and the structure pass (pikepdf) has none to
    # decode and compress again (that was some 30 ms of the handout's render)
    pinned["useA85"] = 0
    return pinned


def _copies(pinned: dict[str, Any]) -> list[tuple[Any, str]]:
    """Where the settings live: rl_config, and the modules that copied one when imported
    (`from reportlab.rl_config import _FUZZ`)."""
    from reportlab import rl_settings

    found = [(rl_config, n) for n in pinned]
    for module_name, module in list(sys.modules.items()):
        if not module_name.startswith("reportlab.") or module in (rl_config, rl_settings, None):
            continue
        here = vars(module)
        found += [(module, n) for n in pinned if here.get(n) is not None and not callable(here[n])]
    return found


def _pin() -> tuple[dict[str, Any], list[tuple[Any, str, Any]], dict[str, Any]]:
    """Pin the settings; returns what restores them."""
    pinned = _pinned()
    host = {n: getattr(rl_config, n) for n in pinned}
    saved = [(m, n, getattr(m, n)) for m, n in _copies(pinned)]
    defaults = dict(ParagraphStyle.defaults)
    for module, name, _ in saved:
        setattr(module, name, pinned[name])
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
    return host, saved, defaults


def _restore(
    host: dict[str, Any], saved: list[tuple[Any, str, Any]], defaults: dict[str, Any]
) -> None:
    """Put every setting back; a module first imported inside the block gets the values it
    would have copied outside it."""
    pinned = _pinned()
    known = {(id(m), n) for m, n, _ in saved}
    for module, name in _copies(pinned):
        if (id(module), name) not in known and getattr(module, name) == pinned[name]:
            setattr(module, name, host[name])
    for module, name, value in saved:
        setattr(module, name, value)
    ParagraphStyle.defaults.clear()
    ParagraphStyle.defaults.update(defaults)


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


def _digest(path: Path) -> str:
    stat = path.stat()  # by size and time too: a file replaced in place is read again
    return _digest_of(path, stat.st_size, stat.st_mtime_ns)


@cache
def _digest_of(path: Path, size: int, mtime_ns: int) -> str:
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
