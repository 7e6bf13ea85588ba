"""A template's layouts by name, as the deck writer picks them (their frames are the
brand's: brand/template.py)."""

from __future__ import annotations

from typing import Any


def layouts_by_name(prs: Any) -> dict[str, Any]:
    """Every layout of every master by name (the first of a name wins)."""
    found: dict[str, Any] = {}
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            found.setdefault(layout.name, layout)
    return found
