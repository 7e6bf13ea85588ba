"""The checked text and number types that every field of the data file is made of."""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from datetime import date
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
)

from ..files.problems import id_fix, kind_of

# Characters XML (and so PDF text and PPTX) cannot hold: C0 controls but tab/newline, and
# the non-characters U+FFFE/U+FFFF. Lone surrogates are caught when the file is decoded.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\ufffe\uffff]")
_SPACES = re.compile(r"[\s\u00a0\u2028\u2029]+")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        raise ValueError(f"expected text, got a yes/no value ({value}): quote it")
    if isinstance(value, (int, float, date)):
        raise ValueError(
            f"expected text, got {value!r} (YAML read it as a number or date): quote it"
        )
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {kind_of(value)}")
    bad = _BAD_CHARS.search(value.replace("\x0c", " "))
    if bad:
        raise ValueError(
            f"contains the control character U+{ord(bad.group()):04X}, which documents cannot "
            "hold: delete it (it often comes from pasting out of Word or a PDF)"
        )
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", value.replace("\x0c", " "))).strip()
    if not value:
        raise ValueError("is empty: write some text or remove the key")
    return value


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"expected a number, got {value!r}: write digits only, e.g. 145080")
    if not math.isfinite(value):
        raise ValueError(f"must be a finite number, got {value}")
    return value


def _not_negative(value: float) -> float:
    if value < 0:
        raise ValueError(f"must not be negative; got {value:g}")
    return value


Text = Annotated[str, BeforeValidator(_text)]
# Length limits keep every text within what a slide and a handout page can show.
Label = Annotated[Text, Field(max_length=40)]
Name = Annotated[Text, Field(max_length=80)]
Line = Annotated[Text, Field(max_length=160)]
Item = Annotated[Text, Field(max_length=220)]
Para = Annotated[Text, Field(max_length=900)]
Number = Annotated[float, BeforeValidator(_number)]
Amount = Annotated[float, BeforeValidator(_number), AfterValidator(_not_negative)]
IDENT_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Ident = Annotated[str, BeforeValidator(_text), Field(pattern=IDENT_PATTERN, max_length=60)]


def _reference(kind: str, what: str) -> BeforeValidator:
    """An id that refers to one defined under `kind` (the ids the file defines come in the
    validation context; see `defined_ids`). A reference that differs only in case from one
    id is that id; one that matches none names the closest."""

    def check(value: Any, info: ValidationInfo) -> str:
        value = _text(value)
        known = (info.context or {}).get(kind)
        if known is None:  # validated alone: only the form of an id can be checked
            if not re.fullmatch(IDENT_PATTERN, value):
                raise ValueError(f"'{value}' is not a valid id: {id_fix(value)}")
            return value
        if value in known:
            return value
        same = [k for k in known if k.casefold() == value.casefold()]
        if len(same) == 1:
            return same[0]
        hint = difflib.get_close_matches(value.casefold(), [k.casefold() for k in known], n=1)
        hint = [k for k in known if hint and k.casefold() == hint[0]]
        fix = f"did you mean '{hint[0]}'?" if hint else f"known: {', '.join(known)}"
        raise ValueError(f"unknown {what} '{value}': {fix}")

    return BeforeValidator(check)


_ID_SCHEMA = Field(max_length=60)
SourceRef = Annotated[str, _reference("sources", "source"), _ID_SCHEMA]
"""The id of a source of the file (`sources[].id`)."""
RoleRef = Annotated[str, _reference("roles", "role"), _ID_SCHEMA]
"""The id of a role of the file (`roles[].id`)."""


def defined_ids(data: Any) -> dict[str, list[str]]:
    """The ids a raw data file defines, by kind: the context that checks its references.
    Ids of entries that are otherwise invalid count: their own errors are reported there."""
    found: dict[str, list[str]] = {}
    for kind in ("sources", "roles"):
        items = data.get(kind) if isinstance(data, dict) else None
        ids = [i.get("id") for i in items if isinstance(i, dict)] if isinstance(items, list) else []
        found[kind] = list(dict.fromkeys(i.strip() for i in ids if isinstance(i, str)))
    return found


class FactModel(BaseModel):
    """Base of every part of the data file: unknown keys rejected, frozen, documented fields."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)
