"""Facts -> the Report: every editorial decision (what is said, in which order, with which
citations and chart specs), as plain frozen data (`model`) that every writer only translates.
`build_report` is the entry point; `language` speaks the dataset's labels and numbers."""

from .model import Report
from .report import build_report

__all__ = ["Report", "build_report"]
