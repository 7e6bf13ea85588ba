"""The PowerPoint deck: python-pptx writes the slide plan into slides (shapes, tables, charts,
logos), on the brand's template, with stable bytes."""

from .writer import render_deck

__all__ = ["render_deck"]
