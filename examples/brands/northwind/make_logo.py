"""Draw Northwind's logos with Pillow: logo.png (mark and wordmark) and logo-mark.png.

Run from anywhere: `python examples/brands/northwind/make_logo.py`. The logos are drawn at
four times their size and scaled down, which smooths the edges; the wordmark uses the
brand's own fonts (fonts/), so it matches the handout's headings.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
PINE, AMBER, SLATE, WHITE = "#1C3B32", "#E8A33D", "#56615C", "#FFFFFF"
SCALE = 4  # supersampling factor
MARK = 240  # the mark's side in final pixels
WORDMARK_W, WORDMARK_H = 1100, 240  # drawn on this canvas, then cropped


def _mark(draw: ImageDraw.ImageDraw, x: int, y: int, side: int) -> None:
    """A pine disc holding a compass needle: the north half white, the south half amber."""
    draw.ellipse((x, y, x + side, y + side), fill=PINE)
    cx, cy, r = x + side / 2, y + side / 2, side / 2
    tip, waist = r * 0.78, r * 0.26
    north = [(cx, cy - tip), (cx + waist, cy), (cx - waist, cy)]
    south = [(cx - waist, cy), (cx + waist, cy), (cx, cy + tip)]
    draw.polygon(north, fill=WHITE)
    draw.polygon(south, fill=AMBER)
    # Two wind strokes sweeping past the needle, cut out of the disc.
    for dy, length in ((-0.30, 0.42), (0.20, 0.3)):
        top = cy + r * dy
        draw.rounded_rectangle(
            (cx + r * 0.36, top, cx + r * (0.36 + length), top + r * 0.1),
            radius=r * 0.05,
            fill=WHITE,
        )


def _font(name: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(HERE / "fonts" / name), px)


def draw_mark() -> Image.Image:
    side = MARK * SCALE
    im = Image.new("RGBA", (side, side), (0, 0, 0, 0))
    _mark(ImageDraw.Draw(im), 0, 0, side)
    return im.resize((MARK, MARK), Image.LANCZOS)


def draw_wordmark() -> Image.Image:
    w, h = WORDMARK_W * SCALE, WORDMARK_H * SCALE
    im = Image.new("RGBA", (w, h), (0, 0, 0, 0))
    draw = ImageDraw.Draw(im)
    _mark(draw, 0, 0, h)
    left = int(h * 1.18)
    big = _font("Caladea-Bold.ttf", int(h * 0.56))
    draw.text((left, int(h * 0.02)), "Northwind", font=big, fill=PINE)
    small = _font("LiberationSans-Bold.ttf", int(h * 0.2))
    x = left + int(h * 0.03)
    for letter in "LEARNING":  # letter-spaced small capitals
        draw.text((x, int(h * 0.70)), letter, font=small, fill=SLATE)
        x += int(small.getlength(letter) + h * 0.06)
    right = max(left + big.getlength("Northwind"), x - h * 0.06)
    im = im.crop((0, 0, int(right + h * 0.02), h))  # no empty margin after the last letter
    return im.resize((im.width // SCALE, WORDMARK_H), Image.LANCZOS)


def main() -> None:
    # optimize and no metadata: the same script gives the same bytes
    draw_wordmark().save(HERE / "logo.png", optimize=True)
    draw_mark().save(HERE / "logo-mark.png", optimize=True)


if __name__ == "__main__":
    main()
