"""The PDFs (ReportLab): fonts and page furniture (`setup`, `page`, `style`), the handout's
blocks and tables, the fillable self-assessment form, the facilitator guide."""

from .guide import render_guide
from .handout import render_handout

__all__ = ["render_guide", "render_handout"]
