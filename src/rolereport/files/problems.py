"""pydantic's validation errors → one plain line per problem, with key path, line and fix."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .yamlfile import YamlDoc


def problems(
    exc: ValidationError, model: type[BaseModel], file: str, doc: YamlDoc
) -> list[Problem]:
    """Every problem of a validation error, minus pydantic's echoes of item errors."""
    errors = [e for e in exc.errors() if not _echo_of_item_error(e)]
    return [_problem(file, doc, err, model) for err in errors]


_MESSAGES = {
    "missing": "is required: add it",
    "too_short": "needs at least {min_length} entries",
    "too_long": "allows at most {max_length} entries",
    "string_too_long": "is too long for the documents ({max_length} characters at most)",
}


def _problem(file: str, doc: YamlDoc, err: dict[str, Any], model: type[BaseModel]) -> Problem:
    loc = tuple(err["loc"])
    # Annotated validators add their own step to the location; keep keys and indexes only.
    # Union members are tagged `<text>` or `<mapping>` (brand/model): not keys either.
    loc = tuple(p for p in loc if isinstance(p, int) or not str(p).startswith(("function-", "<")))
    path = _path(loc)
    kind = err["type"]
    ctx = err.get("ctx") or {}
    if kind == "extra_forbidden":
        known = _known_keys(model, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), known, n=1)
        fix = f"did you mean '{hint[0]}'?" if hint else f"allowed here: {', '.join(known)}"
        message = f"unknown key: {fix}"
    elif kind == "shape":  # a text or a mapping was expected (brand/model)
        message = f"{err['msg']}, got {kind_of(err['input'])}"
    elif kind == "string_type":
        message = f"expected text, got {kind_of(err['input'])}"
    elif kind == "value_error":
        message = str(ctx.get("error", err["msg"]))
    elif kind == "too_long" and isinstance(err.get("input"), str):
        message = _MESSAGES["string_too_long"].format(**ctx)
    elif kind in _MESSAGES:
        message = _MESSAGES[kind].format(**ctx)
    elif (
        kind == "string_pattern_mismatch"
        and loc
        and loc[-1] in ("id", "slug", "source", "leans", "role")
    ):
        message = f"'{err['input']}' is not a valid id: {id_fix(str(err['input']))}"
    elif kind == "string_pattern_mismatch" and loc and loc[-1] == "currency":
        message = f"'{err['input']}' is not an ISO 4217 code: use three capitals such as USD or EUR"
    elif kind == "literal_error":
        message = (
            f"must be {ctx.get('expected', 'one of the allowed values')}; got {err['input']!r}"
        )
    elif kind in ("model_type", "dict_type"):
        message = f"expected a mapping of keys, got {kind_of(err['input'])}"
    elif kind in ("tuple_type", "list_type"):
        message = f"expected a list (lines starting with '- '), got {kind_of(err['input'])}"
    elif kind.startswith("int"):
        message = f"expected a whole number, got {err['input']!r}"
    else:
        message = err["msg"][0].lower() + err["msg"][1:]
    return Problem(file, path, message, doc.line_of(path))


def _echo_of_item_error(err: dict[str, Any]) -> bool:
    """pydantic also reports a length error for a list whose items failed; the input is fine."""
    if err["type"] not in ("too_short", "too_long"):
        return False
    ctx, given = err.get("ctx") or {}, err.get("input")
    size = len(given) if isinstance(given, (list, tuple)) else None
    low, high = ctx.get("min_length", 0), ctx.get("max_length", 10**9)
    return size is not None and low <= size <= high


def _path(loc: tuple[Any, ...]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _known_keys(model: Any, loc: tuple[Any, ...]) -> list[str]:
    """The keys allowed in the mapping at `loc`, as the file spells them, for "did you mean"
    hints; a key of a mapping of free names (`logo.images.<name>`) is passed over."""
    named = False  # the part before was a mapping of free names: this part is one of them
    for part in loc:
        if isinstance(part, int) or named:
            named = False
            continue
        field = _fields(model).get(part)
        if field is None:
            return []
        named = _is_mapping(field.annotation)
        model = model_in(field.annotation)
        if model is None:
            return []
    return list(_fields(model))


def _fields(model: type[BaseModel]) -> dict[str, Any]:
    return {f.alias or name: f for name, f in model.model_fields.items()}


def _is_mapping(annotation: Any) -> bool:
    """Whether an annotation such as `dict[str, Image] | None` is a mapping of free names."""
    if getattr(annotation, "__origin__", None) is dict:
        return True
    return any(_is_mapping(a) for a in getattr(annotation, "__args__", ()) or ())


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The pydantic model inside an annotation such as `tuple[Role, ...] | None`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = model_in(arg)
        if found:
            return found
    return None


def kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, (list, tuple)):
        return "a list"
    if isinstance(value, str):
        return f"text {value!r}"
    return f"{value!r}"


def id_fix(value: str) -> str:
    """How to write `value` as an id: its lower-case, hyphenated form when there is one."""
    folded = re.sub(r"[^a-z0-9]+", "-", value.casefold()).strip("-")
    rule = "use lower-case letters, digits and '-'"
    return f"write '{folded}' ({rule})" if folded and folded != value else rule
