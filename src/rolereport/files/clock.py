"""The one time every output is stamped with: SOURCE_DATE_EPOCH when set, else a fixed,
plainly neutral date (never today, which would break reproducible builds, and never the
data's vintage, which would say a document was made years ago)."""

from __future__ import annotations

import os
from datetime import datetime, timezone

from ..errors import InputError

# 1980-01-01 00:00 UTC: the earliest time a zip (the deck) can hold, and no one's real date.
NEUTRAL = datetime(1980, 1, 1, tzinfo=timezone.utc)
# ZIP timestamps (the deck) run from 1980 to 2107; PDF dates have no such limit.
_EPOCH_RANGE = (315_532_800, 4_354_819_199)


def source_date_epoch() -> str:
    """SOURCE_DATE_EPOCH as set (stripped), "" when unset: the only place it is read."""
    return os.environ.get("SOURCE_DATE_EPOCH", "").strip()


def check_epoch() -> None:
    """SOURCE_DATE_EPOCH, when set, must be whole seconds that both formats can store.
    Raises InputError naming it."""
    value = source_date_epoch()
    if value and not (value.isdigit() and _EPOCH_RANGE[0] <= int(value) <= _EPOCH_RANGE[1]):
        raise InputError.at(
            "SOURCE_DATE_EPOCH",
            "",
            f"{value!r} is not a time from 1980 to 2107 in seconds since 1970: unset it or fix it",
        )


def document_time() -> datetime:
    """The time the outputs carry (UTC, aware): SOURCE_DATE_EPOCH when it is whole seconds,
    else NEUTRAL."""
    value = source_date_epoch()
    if value.isdigit():
        return datetime.fromtimestamp(int(value), timezone.utc)
    return NEUTRAL
