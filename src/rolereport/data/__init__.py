"""The data file: YAML read into typed, validated models (`facts`, `types`, `roles`), the
rules across keys (`crosschecks`), the allowed-but-suspicious (`advice`), the JSON Schema,
and the packaged datasets. Validation of a data file lives here and only here."""

from .facts import Dataset, load_dataset, packaged_datasets

__all__ = ["Dataset", "load_dataset", "packaged_datasets"]
