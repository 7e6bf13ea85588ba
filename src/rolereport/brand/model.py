"""The shape of a brand file (brand.yml, of which rolereport reads a subset) as pydantic
models: what is a mapping, a list or a text, and which keys exist. Keys brand.yml defines are
accepted whether rolereport uses them or not; a key it does not define (`backgrond`) is a
mistake, reported with the key meant, except where brand.yml leaves a mapping open (`meta`,
`meta.link`, `defaults` for other tools). What the values mean (colours, files, layouts) is
checked when the brand is resolved (`load`)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

TEXT, MAPPING = "<text>", "<mapping>"  # union tags: files/problems leaves them out of paths


def _shape(value: Any) -> str | None:
    return TEXT if isinstance(value, str) else MAPPING if isinstance(value, dict) else None


def text_or(model: type[BaseModel], expected: str) -> Any:
    """A text (a name or a path) or a `model` mapping, as brand.yml allows for many keys."""
    return Annotated[
        Annotated[str, Tag(TEXT)] | Annotated[model, Tag(MAPPING)],
        Discriminator(_shape, custom_error_type="shape", custom_error_message=expected),
    ]


class _Open(BaseModel):
    """A part of brand.yml: keys rolereport does not read are other tools' and are kept."""

    model_config = ConfigDict(extra="allow", frozen=True)


class _Own(BaseModel):
    """A part whose keys brand.yml (or rolereport, for its own) defines: an unknown key is a
    mistake."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Name(_Open):
    full: str | None = None
    short: str | None = None


class Meta(_Open):
    name: text_or(Name, "expected a name or a mapping with full and short") | None = None


class Image(_Own):
    path: str
    alt: str | None = None


class LightDark(_Own):
    light: Any = None
    dark: Any = None


_IMAGE = "expected a file path or a mapping with path and alt"
_SIZE = "expected an image name, a file path, or a mapping with light and dark"


class Logo(_Own):
    images: dict[str, text_or(Image, _IMAGE)] = Field(default_factory=dict)
    small: text_or(LightDark, _SIZE) | None = None
    medium: text_or(LightDark, _SIZE) | None = None
    large: text_or(LightDark, _SIZE) | None = None


class Color(_Own):
    """brand.yml's theme colours, and `gray` (or `muted`) and `link`, which rolereport adds."""

    palette: dict[str, Any] = Field(default_factory=dict)
    foreground: Any = None
    background: Any = None
    primary: Any = None
    secondary: Any = None
    tertiary: Any = None
    success: Any = None
    info: Any = None
    warning: Any = None
    danger: Any = None
    light: Any = None
    dark: Any = None
    gray: Any = None
    muted: Any = None
    link: Any = None


class FontFile(_Own):
    path: str
    weight: int | str = 400
    style: str = "normal"


class FontFamily(_Own):
    family: str
    source: str = "file"
    files: list[text_or(FontFile, "expected a file path or a mapping with path and weight")] = (
        Field(default_factory=list)
    )
    weight: Any = None  # google and bunny fonts: the weights, styles and display to fetch
    style: Any = None
    display: Any = None


class TextStyle(_Own):
    """A typographic element's settings (brand.yml's base, headings, monospace, link)."""

    family: str | None = None
    weight: int | str | None = None
    size: Any = None
    line_height: Any = Field(None, alias="line-height")
    style: Any = None
    color: Any = None
    background_color: Any = Field(None, alias="background-color")
    decoration: Any = None


_STYLE = "expected a font family or a mapping"


class Typography(_Own):
    fonts: list[FontFamily] = Field(default_factory=list)
    base: text_or(TextStyle, _STYLE) | None = None
    headings: text_or(TextStyle, _STYLE) | None = None
    monospace: text_or(TextStyle, _STYLE) | None = None
    monospace_inline: text_or(TextStyle, _STYLE) | None = Field(None, alias="monospace-inline")
    monospace_block: text_or(TextStyle, _STYLE) | None = Field(None, alias="monospace-block")
    link: TextStyle | None = None


class Rolereport(_Own):
    """`defaults.rolereport`: rolereport's own settings."""

    role_colors: list[Any] | None = None
    footer: str | None = None
    paper: Literal["letter", "a4"] = "letter"
    deck_font: str | None = None
    deck_charts: Literal["native", "picture"] = "native"
    pptx_template: str | None = None
    pptx_layouts: dict[str, str] = Field(default_factory=dict)


class Defaults(_Open):
    rolereport: Rolereport | None = None


class BrandFile(_Own):
    """A brand file: brand.yml's top-level keys."""

    meta: Meta | None = None
    logo: text_or(Logo, "expected a path or a mapping with images and sizes") | None = None
    color: Color | None = None
    typography: Typography | None = None
    defaults: Defaults | None = None
