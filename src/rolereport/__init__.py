"""rolereport: sourced career facts → a branded PDF handout, an editable PowerPoint deck and a
facilitator guide."""

from .brand.load import load_brand
from .brand.theme import Theme
from .build.batch import Outcome, build_many
from .build.options import BuildOptions
from .build.pipeline import BuildResult, build, render_deck, render_guide, render_handout, write_all
from .build.watch import Watcher
from .content.model import Report
from .content.report import build_report
from .data.facts import Dataset, load_dataset, packaged_datasets
from .errors import BrandError, DataError, InputError, OutputError, RoleReportError

__version__ = "0.1.0"

__all__ = [
    "BrandError",
    "BuildOptions",
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
