"""The brand.yml reader through load_brand and `rolereport check`: what it accepts, resolves,
refuses and warns about. Fast: brand folders are written into tmp_path, nothing is rendered."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from pathlib import Path

import pytest
from conftest import ASSETS, cff_font

from rolereport import BrandError, load_brand
from rolereport.brand.colors import contrast
from rolereport.cli.main import main

CARLITO = ASSETS / "fonts" / "Carlito-Regular.ttf"


def make_brand(folder: Path, yaml: str, name: str = "brand.yml") -> Path:
    """An assets folder holding `name` with `yaml` (dedented); returns the folder."""
    target = folder / name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(textwrap.dedent(yaml), encoding="utf-8")
    return folder


def png(path: Path) -> Path:
    from PIL import Image

    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 20), "#1C3B32").save(path)
    return path


def check(folder: Path, capsys) -> tuple[int, str]:
    """`rolereport check --assets folder`: the exit code and what it printed on stderr."""
    code = main(["check", "--assets", str(folder)])
    return code, capsys.readouterr().err


def assert_refused(folder: Path, capsys, key: str, *words: str) -> str:
    """The brand is refused: exit code 2, one `Error:` line naming the brand file, the line
    and `key`."""
    code, err = check(folder, capsys)
    assert code == 2, err
    assert err.startswith("Error: ") and err.count("Error: ") == 1 and "Traceback" not in err
    assert re.search(rf"brand\.yml:\d+: {re.escape(key)}: ", err), err
    for word in words:
        assert word in err, err
    return err


# Finding the brand file


@pytest.mark.parametrize("name", ["brand.yml", "_brand.yml", "brand/_brand.yml"])
def test_the_brand_file_is_found_under_each_name_brand_yml_allows(tmp_path, name):
    folder = make_brand(tmp_path, f"meta: {{name: Found as {name}}}\n", name)
    assert load_brand(folder).name == f"Found as {name}"


def test_brand_yml_wins_over_underscore_brand_yml(tmp_path):
    make_brand(tmp_path, "meta: {name: Plain}\n", "brand.yml")
    make_brand(tmp_path, "meta: {name: Underscore}\n", "_brand.yml")
    assert load_brand(tmp_path).name == "Plain"


def test_paths_in_brand_slash_brand_yml_are_relative_to_that_file(tmp_path):
    png(tmp_path / "logo.png")
    make_brand(tmp_path, "logo: ../logo.png\n", "brand/_brand.yml")
    assert load_brand(tmp_path).logo_large.path == (tmp_path / "logo.png").resolve()


def test_a_folder_without_a_brand_file_says_which_names_it_looked_for(tmp_path):
    with pytest.raises(BrandError, match=r"has no brand file: add one of brand\.yml, _brand\.yml"):
        load_brand(tmp_path)


# Colours


def test_palette_references_and_theme_colour_names_resolve_to_hex(tmp_path):
    make_brand(
        tmp_path,
        """\
        color:
          palette: {pine: "#1c3b32", brand: pine, sky: "#abc"}
          primary: brand
          secondary: sky
          link: primary
          gray: "#56615C"
        """,
    )
    theme = load_brand(tmp_path)
    assert (theme.primary, theme.secondary, theme.link) == ("#1C3B32", "#AABBCC", "#1C3B32")
    assert theme.muted == "#56615C"
    assert theme.heading_color == theme.primary  # headings default to the primary colour


def test_light_and_dark_colours_resolve_to_the_light_one_for_print(tmp_path):
    make_brand(
        tmp_path,
        """\
        color:
          palette: {ink: "#101010"}
          foreground: {light: ink, dark: "#F0F0F0"}
          background: {light: "#FFFFFF", dark: "#000000"}
        """,
    )
    theme = load_brand(tmp_path)
    assert (theme.foreground, theme.background) == ("#101010", "#FFFFFF")


def test_role_colours_resolve_through_the_palette_in_order(tmp_path):
    make_brand(
        tmp_path,
        """\
        color: {palette: {a: "#12607A", b: "#E8A33D"}}
        defaults: {rolereport: {role_colors: [b, a, "#6B1E12"]}}
        """,
    )
    theme = load_brand(tmp_path)
    assert theme.role_colors == ("#E8A33D", "#12607A", "#6B1E12")
    assert theme.role_color(3) == "#E8A33D"  # a fourth role reuses the first colour


# Typography


def test_headings_given_as_a_family_name_keep_the_primary_colour(tmp_path):
    make_brand(tmp_path, 'color: {primary: "#5B2A86"}\ntypography: {headings: Carlito}\n')
    theme = load_brand(tmp_path)
    assert theme.heading_font.family == "Carlito"
    assert theme.heading_color == "#5B2A86"


def test_headings_given_as_a_mapping_take_their_colour_from_the_palette(tmp_path):
    make_brand(
        tmp_path,
        """\
        color: {palette: {rust: "#6B1E12"}, primary: "#1C3B32"}
        typography: {headings: {family: Carlito, weight: bold, color: rust}}
        """,
    )
    theme = load_brand(tmp_path)
    assert theme.heading_color == "#6B1E12" and theme.primary == "#1C3B32"


def test_font_files_are_read_with_their_weight_and_style(tmp_path):
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    for face in ("Regular", "Bold", "Italic"):
        shutil.copy(ASSETS / "fonts" / f"Carlito-{face}.ttf", fonts)
    make_brand(
        tmp_path,
        """\
        typography:
          fonts:
            - family: Carlito
              source: file
              files:
                - {path: fonts/Carlito-Regular.ttf, weight: 400}
                - {path: fonts/Carlito-Bold.ttf, weight: bold}
                - {path: fonts/Carlito-Italic.ttf, style: italic}
          base: Carlito
        """,
    )
    font = load_brand(tmp_path).font
    assert (font.regular.name, font.bold.name, font.italic.name) == (
        "Carlito-Regular.ttf",
        "Carlito-Bold.ttf",
        "Carlito-Italic.ttf",
    )
    assert font.regular.parent == fonts.resolve()


def test_a_google_fonts_family_is_a_warning_and_the_builtin_font_stands_in(tmp_path):
    make_brand(
        tmp_path,
        """\
        typography:
          fonts: [{family: Roboto, source: google}]
          base: Roboto
        """,
    )
    theme = load_brand(tmp_path)
    assert theme.font.family == "Carlito"
    [warning] = theme.warnings
    assert "typography.base: 'Roboto' comes from google" in warning
    assert ".ttf" in warning


@pytest.mark.parametrize(
    ("weight", "warned"), [(400, True), ("light", True), ("bold", False), (600, False)]
)
def test_a_heading_weight_rolereport_cannot_honour_is_a_warning(tmp_path, weight, warned):
    make_brand(tmp_path, f"typography:\n  headings: {{weight: {weight}}}\n")
    warnings = load_brand(tmp_path).warnings
    expected = [
        f"brand.yml: typography.headings.weight: {weight} is not used; rolereport sets "
        "headings in the family's bold face"
    ]
    assert list(warnings) == (expected if warned else [])


# What else brand.yml may say


def test_unknown_key_in_defaults_rolereport_is_an_error_that_suggests_the_fix(tmp_path):
    make_brand(tmp_path, "defaults: {rolereport: {footr: Acme}}\n")
    with pytest.raises(BrandError) as caught:
        load_brand(tmp_path)
    assert "defaults.rolereport.footr: unknown key: did you mean 'footer'?" in str(caught.value)


def test_unknown_layout_role_is_an_error_naming_the_roles(tmp_path):
    make_brand(tmp_path, "defaults: {rolereport: {pptx_layouts: {cover: Title Slide}}}\n")
    with pytest.raises(BrandError, match=r"pptx_layouts\.cover: unknown layout role: use title"):
        load_brand(tmp_path)


def test_keys_of_brand_yml_that_rolereport_does_not_use_are_accepted_silently(tmp_path):
    make_brand(
        tmp_path,
        """\
        meta:
          name: Acme Learning
          link: {home: https://example.org, github: https://github.com/example}
        color:
          tertiary: "#336699"
          primary: tertiary
          success: "#00AA00"
        typography:
          fonts: [{family: Fira Code, source: google, weight: [400, 500], display: swap}]
          monospace: {family: Fira Code, size: 0.9em}
          monospace-block: {line-height: "1.4", background-color: "#F5F5F5"}
          link: {decoration: underline}
        defaults:
          bootstrap: {defaults: {enable-rounded: false}}
          quarto: {format: {html: {toc: true}}}
        """,
    )
    theme = load_brand(tmp_path)
    assert theme.name == "Acme Learning"
    assert theme.primary == "#336699"
    assert theme.warnings == ()


def test_a_name_given_as_full_and_short_uses_the_full_name(tmp_path):
    make_brand(tmp_path, "meta: {name: {full: Acme Learning Ltd, short: Acme}}\n")
    assert load_brand(tmp_path).name == "Acme Learning Ltd"


def test_a_brand_with_nothing_but_a_name_gets_every_default(tmp_path):
    theme = load_brand(make_brand(tmp_path, "meta: {name: Bare}\n"))
    assert theme.font.family == "Carlito" and theme.deck_font == "Calibri"
    assert theme.paper == "letter" and theme.template is None
    assert theme.logo_large is None and theme.footer == "Bare"
    assert len(theme.role_colors) >= 2 and theme.warnings == ()


# Refusals, as the CLI reports them


def test_a_missing_logo_file_exits_2_naming_the_key(tmp_path, capsys):
    make_brand(tmp_path, "logo: {images: {full: missing.png}, large: full}\n")
    assert_refused(tmp_path, capsys, "logo.large", "'missing.png' does not exist")


def test_a_logo_path_outside_the_assets_folder_is_refused(tmp_path, capsys):
    png(tmp_path / "x.png")
    folder = make_brand(tmp_path / "assets", "logo: ../x.png\n")
    assert_refused(folder, capsys, "logo", "'../x.png' is outside the assets folder")


def test_a_symlink_to_a_file_outside_the_assets_folder_is_refused(tmp_path, capsys):
    outside = png(tmp_path / "elsewhere" / "logo.png")
    folder = make_brand(tmp_path / "assets", "logo: logo.png\n")
    os.symlink(outside, folder / "logo.png")
    assert_refused(folder, capsys, "logo", "'logo.png' is outside the assets folder")


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ('"#12345G"', "'#12345G' is not a colour: use #RRGGBB or a palette name"),
        ("navvy", "'navvy' is not a colour: did you mean 'navy'?"),
    ],
)
def test_a_bad_colour_exits_2_naming_the_key_and_the_fix(tmp_path, capsys, value, says):
    make_brand(tmp_path, f'color: {{palette: {{navy: "#1F3A5F"}}, primary: {value}}}\n')
    assert_refused(tmp_path, capsys, "color.primary", says)


def test_an_unknown_template_layout_lists_the_layouts_the_template_has(tmp_path, capsys):
    from pptx import Presentation

    Presentation().save(tmp_path / "template.pptx")
    make_brand(
        tmp_path,
        """\
        defaults:
          rolereport:
            pptx_template: template.pptx
            pptx_layouts: {title: Title Slide, content: Corporate Content}
        """,
    )
    assert_refused(
        tmp_path,
        capsys,
        "defaults.rolereport.pptx_layouts.content",
        "the template has no layout 'Corporate Content'; it has: Title Slide, Title and Content",
    )


FONT_YAML = """\
typography:
  fonts:
    - family: Brand Sans
      source: file
      files: [{path: fonts/BrandSans.FILE, weight: 400}]
  base: Brand Sans
"""
FONT_KEY = "typography.fonts[0].files[0].path"


def test_a_cff_otf_font_is_refused_asking_for_the_ttf(tmp_path, capsys):
    font = cff_font(tmp_path / "fonts" / "BrandSans.otf")
    assert font.read_bytes()[:4] == b"OTTO"
    make_brand(tmp_path, FONT_YAML.replace("FILE", "otf"))
    assert_refused(
        tmp_path,
        capsys,
        FONT_KEY,
        "'BrandSans.otf' is a CFF (PostScript-outline) OpenType font",
        "supply the .ttf version",
    )


def test_random_bytes_named_ttf_are_not_a_font(tmp_path, capsys):
    (tmp_path / "fonts").mkdir()
    (tmp_path / "fonts" / "BrandSans.ttf").write_bytes(bytes(range(256)) * 8)
    make_brand(tmp_path, FONT_YAML.replace("FILE", "ttf"))
    assert_refused(tmp_path, capsys, FONT_KEY, "'BrandSans.ttf' is not a readable font file")


def test_an_html_page_saved_as_logo_png_is_not_an_image(tmp_path, capsys):
    (tmp_path / "logo.png").write_text(
        "<!DOCTYPE html><html><body>Not found</body></html>", encoding="utf-8"
    )
    make_brand(tmp_path, "logo: logo.png\n")
    assert_refused(tmp_path, capsys, "logo", "'logo.png' is not a usable PNG, JPEG or SVG image")


# Warnings


def test_low_contrast_text_warns_naming_the_pair_and_the_ratio(tmp_path, capsys):
    make_brand(tmp_path, 'color: {foreground: "#999999", background: "#FFFFFF"}\n')
    ratio = f"{contrast('#999999', '#FFFFFF'):.1f}:1"
    [warning] = load_brand(tmp_path).warnings
    assert f"color.foreground #999999 on color.background #FFFFFF has a contrast of {ratio}" in (
        warning
    )
    assert "4.5:1" in warning
    code, err = check(tmp_path, capsys)
    assert code == 0 and "Warning: brand.yml: color.foreground #999999" in err


def test_a_pale_heading_colour_warns_for_large_text(tmp_path):
    make_brand(tmp_path, 'color: {primary: "#E8A33D"}\n')
    [warning] = load_brand(tmp_path).warnings
    assert "heading colour #E8A33D on color.background #FFFFFF" in warning
    assert "3:1" in warning


def font_brand(folder: Path, family: str, deck_font: str | None = None) -> Path:
    (folder / "fonts").mkdir(parents=True)
    shutil.copy(CARLITO, folder / "fonts" / "Regular.ttf")
    own = f"defaults: {{rolereport: {{deck_font: {deck_font}}}}}\n" if deck_font else ""
    return make_brand(
        folder,
        f"""\
typography:
  fonts: [{{family: {family}, source: file, files: [fonts/Regular.ttf]}}]
  base: {family}
{own}""",
    )


def test_the_deck_warns_when_it_names_a_font_powerpoint_may_not_have(tmp_path):
    theme = load_brand(font_brand(tmp_path, "Brand Sans"))
    assert theme.deck_font == "Brand Sans"
    assert any("the deck names the font 'Brand Sans'" in w for w in theme.warnings)
    assert any("defaults.rolereport.deck_font" in w for w in theme.warnings)


def test_carlito_is_named_as_calibri_in_the_deck_without_a_warning(tmp_path):
    theme = load_brand(font_brand(tmp_path, "Carlito"))
    assert theme.font.family == "Carlito" and theme.deck_font == "Calibri"
    assert theme.warnings == ()


def test_an_explicit_deck_font_is_checked_too(tmp_path):
    theme = load_brand(font_brand(tmp_path, "Brand Sans", deck_font="Georgia"))
    assert theme.deck_font == "Georgia" and theme.warnings == ()
    other = load_brand(font_brand(tmp_path / "other", "Carlito", deck_font="Comic Neue"))
    assert any("'Comic Neue'" in w for w in other.warnings)


@pytest.mark.parametrize("mode", ["picture", "native"])
def test_picture_charts_warn_that_they_cannot_use_a_deck_font_other_than_the_font_files(
    tmp_path, mode
):
    (tmp_path / "fonts").mkdir()
    shutil.copy(CARLITO, tmp_path / "fonts" / "Regular.ttf")
    fonts = "typography:\n  fonts: [{family: Carlito, source: file, files: [fonts/Regular.ttf]}]\n"
    own = f"  base: Carlito\ndefaults: {{rolereport: {{deck_font: Arial, deck_charts: {mode}}}}}\n"
    make_brand(tmp_path, fonts + own)
    warned = [w for w in load_brand(tmp_path).warnings if "picture charts are drawn in" in w]
    if mode == "native":  # native charts name the deck's font, as its text does
        assert warned == []
    else:
        assert warned == [
            "brand.yml: defaults.rolereport.deck_charts: picture charts are drawn in Carlito "
            "(the brand's font files), not in the deck's font 'Arial'; choose native charts, "
            "or font files of the deck's font, for charts in the deck's font"
        ]
