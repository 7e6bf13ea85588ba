"""rolereport: sourced career facts → a branded PDF handout and an editable PowerPoint deck."""

from .brand import Theme, load_brand
from .errors import BrandError, DataError, InputError, OutputError, RoleReportError
from .facts import Dataset, load_dataset, packaged_datasets

__all__ = [
    "BrandError",
    "DataError",
    "Dataset",
    "InputError",
    "OutputError",
    "RoleReportError",
    "Theme",
    "load_brand",
    "load_dataset",
    "packaged_datasets",
]
