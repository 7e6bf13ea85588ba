"""Every packaged dataset builds; the 3- and 4-role documents are read back."""

from __future__ import annotations

from variants import FOUR

from rolereport import load_dataset, packaged_datasets


def test_every_packaged_dataset_loads_and_has_two_to_four_roles():
    names = sorted(packaged_datasets())
    assert names == sorted(
        [
            "ai-engineer-vs-data-scientist",
            "ai-engineer-vs-data-scientist-2024",
            FOUR,
            "ki-ingenieur-vs-data-scientist",
        ]
    )
    for name in names:
        assert 2 <= len(load_dataset(name).roles) <= 4
