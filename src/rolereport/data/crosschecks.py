"""The rules that span keys of the data file: unique ids, ordered figures, label placeholders.
They run on the raw file beside the schema, each on a part that is valid by itself, so that
one run reports every problem. (References to ids are checked by the model: `types`.)"""

from __future__ import annotations

import difflib
import itertools
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..text import labels
from .roles import Freelance, Salary

M = TypeVar("M", bound=BaseModel)


def cross_checks(data: Any) -> list[tuple[str, str]]:
    """Rules that span keys of a raw data file. Returns (key path, message) pairs."""
    if not isinstance(data, dict):
        return []
    found: list[tuple[str, str]] = []
    for what, key in (("source", "sources"), ("role", "roles")):
        seen: set[str] = set()
        for i, item in enumerate(_items(data, key)):
            ident = item.get("id") if isinstance(item, dict) else None
            if not isinstance(ident, str):
                continue
            if ident.strip() in seen:
                found.append(
                    (f"{key}[{i}].id", f"duplicate {what} id '{ident}': ids must be unique")
                )
            seen.add(ident.strip())
    for i, role in enumerate(_items(data, "roles")):
        if not isinstance(role, dict):
            continue
        at = f"roles[{i}]"
        s = _valid(Salary, role.get("salary"))
        if s is not None:
            order = [(k, getattr(s, k)) for k in ("p10", "p25", "median", "p75", "p90")]
            given = [(k, v) for k, v in order if v is not None]
            for (lo_key, lo), (hi_key, hi) in itertools.pairwise(given):
                if hi < lo:
                    found.append(
                        (f"{at}.salary.{hi_key}", f"must be at least {lo_key} ({lo:g}); got {hi:g}")
                    )
        f = _valid(Freelance, role.get("freelance"))
        if f is not None and f.hourly_high < f.hourly_low:
            found.append(
                (
                    f"{at}.freelance.hourly_high",
                    f"must be at least hourly_low ({f.hourly_low:g}); got {f.hourly_high:g}",
                )
            )
    texts = data.get("labels")
    if isinstance(texts, dict):
        found += _label_checks({str(k): v for k, v in texts.items() if isinstance(v, str)})
    return found


def _items(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key)
    return value if isinstance(value, list) else []


def _valid(model: type[M], raw: Any) -> M | None:
    """`raw` as a `model`, or None when it is not valid by itself (the schema says why).
    Its references are checked for their form only: they do not decide the rules here."""
    if raw is None:
        return None
    try:
        return model.model_validate(raw)
    except ValidationError:
        return None


def _label_checks(texts: dict[str, str]) -> list[tuple[str, str]]:
    """Each `labels:` key must exist and keep the placeholders of the text it replaces."""
    found: list[tuple[str, str]] = []
    english = labels.english()
    for key, text in texts.items():
        path = f"labels.{key}"
        if key not in english:
            hint = difflib.get_close_matches(key, list(english), n=3, cutoff=0.5)
            fix = (
                f"did you mean {' or '.join(repr(h) for h in hint)}?"
                if hint
                else "the keys are listed by `rolereport labels`"
            )
            found.append((path, f"unknown label '{key}': {fix}"))
            continue
        try:
            have = labels.placeholders(text)
        except ValueError as e:
            found.append((path, str(e)))
            continue
        want = labels.placeholders(english[key])
        if set(have) != set(want):
            need = ", ".join(f"{{{n}}}" for n in want) or "no placeholders"
            lacks = ", ".join(f"{{{n}}}" for n in want if n not in have)
            adds = ", ".join(f"{{{n}}}" for n in have if n not in want)
            wrong = "; ".join(
                x for x in (lacks and f"lacks {lacks}", adds and f"has {adds}, unknown here") if x
            )
            found.append((path, f"{wrong}: this text takes {need}"))
    return found
