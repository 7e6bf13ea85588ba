"""The rules that span keys of the data file (references, order, uniqueness, label placeholders)."""

from __future__ import annotations

import difflib
import itertools
from typing import TYPE_CHECKING

from ..text import labels

if TYPE_CHECKING:
    from .facts import Dataset


def cross_checks(d: Dataset) -> list[tuple[str, str]]:
    """Rules that span keys: references, ordering, uniqueness. Returns (key path, message)."""
    found: list[tuple[str, str]] = []
    source_ids = [s.id for s in d.sources]
    role_ids = [r.id for r in d.roles]

    def ref(path: str, value: str | None, known: list[str], what: str) -> None:
        if value is not None and value not in known:
            hint = difflib.get_close_matches(value, known, n=1)
            fix = f"did you mean '{hint[0]}'?" if hint else f"known: {', '.join(known)}"
            found.append((path, f"unknown {what} '{value}': {fix}"))

    for what, ids, key in (("source", source_ids, "sources"), ("role", role_ids, "roles")):
        for i, ident in enumerate(ids):
            if ids.index(ident) != i:
                found.append(
                    (f"{key}[{i}].id", f"duplicate {what} id '{ident}': ids must be unique")
                )
    for i, role in enumerate(d.roles):
        at = f"roles[{i}]"
        s = role.salary
        ref(f"{at}.salary.source", s.source, source_ids, "source")
        for j, loc in enumerate(s.by_location):
            ref(f"{at}.salary.by_location[{j}].source", loc.source, source_ids, "source")
        order = [(k, getattr(s, k)) for k in ("p10", "p25", "median", "p75", "p90")]
        given = [(k, v) for k, v in order if v is not None]
        for (lo_key, lo), (hi_key, hi) in itertools.pairwise(given):
            if hi < lo:
                found.append(
                    (f"{at}.salary.{hi_key}", f"must be at least {lo_key} ({lo:g}); got {hi:g}")
                )
        if role.education:
            ref(f"{at}.education.source", role.education.source, source_ids, "source")
        if role.outlook:
            ref(f"{at}.outlook.source", role.outlook.source, source_ids, "source")
        if role.freelance:
            f = role.freelance
            ref(f"{at}.freelance.source", f.source, source_ids, "source")
            for j, project in enumerate(f.projects):
                ref(f"{at}.freelance.projects[{j}].source", project.source, source_ids, "source")
            if f.hourly_high < f.hourly_low:
                found.append(
                    (
                        f"{at}.freelance.hourly_high",
                        f"must be at least hourly_low ({f.hourly_low:g}); got {f.hourly_high:g}",
                    )
                )
    c = d.comparison
    if c.collaboration:
        for j, step in enumerate(c.collaboration.steps):
            ref(f"comparison.collaboration.steps[{j}].role", step.role, role_ids, "role")
    for j, st in enumerate(c.self_assessment):
        ref(f"comparison.self_assessment[{j}].leans", st.leans, role_ids, "role")
    for j, note in enumerate(d.notes):
        ref(f"notes[{j}].source", note.source, source_ids, "source")
    return found + _label_checks(d)


def _label_checks(d: Dataset) -> list[tuple[str, str]]:
    """Each `labels:` key must exist and keep the placeholders of the text it replaces."""
    found: list[tuple[str, str]] = []
    english = labels.english()
    for key, text in d.labels.items():
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
