"""The Theme value a brand resolves to: colours by role, font files, logos, template, layouts."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .logo import Logo
    from .template import Template


@dataclass(frozen=True)
class FontFiles:
    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


@dataclass(frozen=True)
class Layouts:
    """Names of the template's slide layouts rolereport fills."""

    title: str = "Title Slide"
    content: str = "Title and Content"
    two: str = "Two Content"
    section: str = "Section Header"


@dataclass(frozen=True)
class Theme:
    """A resolved brand: every colour a hex string, every path absolute and checked."""

    name: str
    primary: str
    secondary: str
    foreground: str
    background: str
    muted: str
    link: str
    heading_color: str
    role_colors: tuple[str, ...]
    font: FontFiles
    heading_font: FontFiles
    deck_font: str  # the family names the deck names (PowerPoint can only name fonts)
    deck_heading_font: str
    logo_large: Logo | None  # read, checked and decoded once: writers never open the file
    logo_small: Logo | None
    logo_alt: str
    footer: str
    paper: str
    folder: Path
    template: Path | None = None  # a .pptx/.potx whose masters and layouts the deck uses
    layouts: Layouts = Layouts()
    warnings: tuple[str, ...] = ()
    template_pptx: Template | None = None  # the template checked and read, once per load
    deck_charts: str = "native"  # native PowerPoint charts, or picture (matplotlib PNGs)

    @property
    def logo_ratio(self) -> float:
        """The small logo's width over its height, as it is shown (1 without one)."""
        return self.logo_small.aspect if self.logo_small else 1.0

    def role_color(self, index: int) -> str:
        """The colour of the role at `index` in the report's order."""
        return self.role_colors[index % len(self.role_colors)]


def theme_files(theme: Theme) -> tuple[Path, ...]:
    """Every file a writer may read: the font files. The template and the logos are not
    among them: the theme carries their bytes (and their digests, in its repr)."""
    faces = (theme.font, theme.heading_font)
    fonts = {getattr(f, k) for f in faces for k in ("regular", "bold", "italic", "bold_italic")}
    return tuple(sorted(fonts))
