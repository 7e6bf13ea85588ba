"""rolereport: sourced career facts → a branded PDF handout, an editable PowerPoint deck and a
facilitator guide."""

from .batch import Outcome, build_many
from .brand import load_brand
from .build import BuildResult, build, render_deck, render_guide, render_handout, write_all
from .content import build_report
from .errors import BrandError, DataError, InputError, OutputError, RoleReportError
from .facts import Dataset, load_dataset, packaged_datasets
from .model import Report
from .theme import Theme
from .watch import Watcher

__version__ = "0.1.0"

__all__ = [
    "BrandError",
    "BuildResult",
    "DataError",
    "Dataset",
    "InputError",
    "Outcome",
    "OutputError",
    "Report",
    "RoleReportError",
    "Theme",
    "Watcher",
    "__version__",
    "build",
    "build_many",
    "build_report",
    "load_brand",
    "load_dataset",
    "packaged_datasets",
    "render_deck",
    "render_guide",
    "render_handout",
    "write_all",
]
