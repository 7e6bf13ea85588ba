"""One role's refresh: its BLS figures replaced in the round-trip YAML, each change recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.scalarstring import ScalarString

from ..text.formats import count, locale_of
from .bls import NO_ESTIMATE, PERCENTILES, TOP, ProjectionTable, Wages, WageTable, is_code
from .roles import Role

_ORDINAL = {"p10": "10th", "p25": "25th", "p75": "75th", "p90": "90th"}
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'"})


@dataclass
class RoleEdit:
    """The edits of one refresh, role by role, as they are made."""

    shown: str  # the data file's name, as messages show it
    locale: str
    wages: WageTable | None
    projections: ProjectionTable | None
    oews_id: str
    ep_id: str
    salary_period: str  # "May 2024", in the file's language
    outlook_period: str  # "2024–2034"
    changes: list[tuple[str, str, str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # role id -> (role name, occupation title, [(percentile key, why it is left out)])
    left_out: dict[str, tuple[str, str, list[tuple[str, str]]]] = field(default_factory=dict)
    replaced: dict[str, str] = field(default_factory=dict)  # old source id -> new
    refreshed_wages: bool = False

    def role(self, i: int, role: Role, m: Any) -> None:
        """Refresh role `i` (validated as `role`, editable as the mapping `m`)."""
        at = f"{self.shown}: roles[{i}]"
        kept: list[str] = []
        if role.occupation is None:
            self.warnings.append(
                f"{at}: {role.id} has no occupation.code: skipped, its figures stay as they are"
            )
            return
        code = role.occupation.code
        if not is_code(code):
            self.errors.append(
                f"{at}.occupation.code: '{code}' is not an occupation code like 15-1221: "
                f"{role.id} was not refreshed"
            )
            return
        if self.wages is not None and not self._salary(at, role, m["salary"], code):
            kept.append(f"salary ({role.salary.period or role.salary.source})")
        wanted = self.projections is not None and (role.outlook or role.education)
        if wanted and not self._projections(at, role, m, code) and role.outlook:
            kept.append(f"outlook ({role.outlook.period or role.outlook.source})")
        if role.salary.by_location:
            cited = dict.fromkeys(loc.source for loc in role.salary.by_location)
            kept.append(f"salary.by_location ({', '.join(cited)})")
        if role.freelance:
            kept.append(f"freelance ({role.freelance.source})")
        if kept:
            self.warnings.append(
                f"{at}: {role.id} keeps figures of another source or vintage: {', '.join(kept)}"
            )

    def set(self, who: str, mapping: Any, prefix: str, key: str, value: Any) -> None:
        """Set `mapping[key]` in the old value's quoting style, recording a change."""
        old = mapping.get(key)
        if _same(old, value):
            return
        mapping[key] = type(old)(value) if isinstance(old, ScalarString) else value
        self.changes.append((who, f"{prefix}{key}", _show(old), _show(value)))

    def _salary(self, at: str, role: Role, s: Any, code: str) -> bool:
        assert self.wages is not None
        w = self.wages.find(code)
        if w is None:
            self.errors.append(
                f"{at}.occupation.code: {code} is not in {self.wages.file}: check the code "
                f"({role.id}'s pay was not refreshed; the other roles were)"
            )
            return False
        if w.values["median"] is None:
            why = _meaning(w.marks["median"], self.wages.top_code)
            self.errors.append(
                f"{at}.occupation.code: the median wage of {code} in {self.wages.file} is "
                f"{why}: {role.id}'s pay was not refreshed"
            )
            return False
        for key in PERCENTILES:
            if key not in s:
                continue  # refresh updates the percentiles the file shows, it adds none
            value = w.values[key]
            if value is not None:
                self.set(role.id, s, "salary.", key, _whole(value))
            else:
                self._leave_out(at, role, s, key, w)
        self.set(role.id, s, "salary.", "period", self.salary_period)
        self._cite(role.id, s, "salary.", self.oews_id)
        self.refreshed_wages = True
        return True

    def _leave_out(self, at: str, role: Role, s: Any, key: str, w: Wages) -> None:
        assert self.wages is not None
        mark, file = w.marks[key], self.wages.file
        why = _meaning(mark, self.wages.top_code)
        old = s.pop(key)
        self.changes.append((role.id, f"salary.{key}", _show(old), f"left out ({mark})"))
        self.left_out.setdefault(role.id, (role.name, w.title or w.code, []))[2].append((key, why))
        self.warnings.append(
            f"{at}.salary.{key}: {role.id}: the {_ORDINAL[key]} percentile wage in {file} is "
            f"{why}: left out, with a note saying why"
        )

    def notes(self) -> list[str]:
        """One sentence per role with percentiles left out: which, and why."""
        return [
            _left_out_sentence(name, title, self.salary_period, keys)
            for name, title, keys in self.left_out.values()
        ]

    def _projections(self, at: str, role: Role, m: Any, code: str) -> bool:
        assert self.projections is not None
        p = self.projections.find(code)
        if p is None:
            self.errors.append(
                f"{at}.occupation.code: {code} is not in {self.projections.file}: check the "
                f"code ({role.id}'s outlook was not refreshed; the other roles were)"
            )
            return False
        if role.outlook and "outlook" in m:
            o = m["outlook"]
            for key, value in (
                ("growth_pct", p.growth_pct),
                ("openings_per_year", p.openings_per_year),
            ):
                if key in o and value is not None:
                    self.set(role.id, o, "outlook.", key, _whole(value))
            self.set(role.id, o, "outlook.", "period", self.outlook_period)
            self._cite(role.id, o, "outlook.", self.ep_id)
        e = m.get("education")
        if role.education and role.education.entry_level and p.education and e is not None:
            old = role.education.entry_level
            if locale_of(self.locale).language != "en":
                self.warnings.append(
                    f"{at}.education.entry_level: kept as written ('{old}'); BLS gives "
                    f"'{p.education}' in English: check that it still says the same"
                )
            else:
                if old.translate(_APOSTROPHES) != p.education.translate(_APOSTROPHES):
                    new = p.education.replace("'", "’") if "’" in old else p.education
                    self.set(role.id, e, "education.", "entry_level", new)
                self._cite(role.id, e, "education.", self.ep_id)
        return True

    def _cite(self, who: str, mapping: Any, prefix: str, new: str) -> None:
        old = str(mapping.get("source") or "")
        if old and old != new:
            self.replaced.setdefault(old, new)
        self.set(who, mapping, prefix, "source", new)


def _meaning(mark: str, top: str) -> str:
    """What a BLS mark in a wage cell means, as the end of "the wage is ..."."""
    if mark == TOP:
        if top:
            return f"at least {top} (BLS top-codes wages at this level)"
        return "at or above the top of the survey's wage range (BLS top-codes wages there)"
    if mark in NO_ESTIMATE:
        return "not estimated (BLS publishes no estimate)"
    return f"marked {mark!r}"


def _left_out_sentence(name: str, title: str, period: str, keys: list[tuple[str, str]]) -> str:
    """`AI Engineers: of the wages of Software Developers (May 2024), the 90th percentile is at
    least $239,200 (...) and the 25th percentile is not estimated (...), so they are not shown.`"""
    by_why: dict[str, list[str]] = {}
    for key, why in sorted(keys, key=lambda k: PERCENTILES.index(k[0])):
        by_why.setdefault(why, []).append(_ORDINAL[key])
    parts = []
    for why, ordinals in by_why.items():
        noun = "percentiles are" if len(ordinals) > 1 else "percentile is"
        parts.append(f"the {' and '.join(ordinals)} {noun} {why}")
    shown = "they are" if len(keys) > 1 else "it is"
    reasons = " and ".join(parts)
    return f"{name}: of the wages of {title} ({period}), {reasons}, so {shown} not shown."


def _whole(value: float) -> int | float:
    return int(value) if float(value).is_integer() else round(value, 1)


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, (int, float)) and isinstance(new, (int, float)):
        return not isinstance(old, bool) and float(old) == float(new)
    return old is not None and str(old) == str(new)


def _show(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return count(value) if float(value).is_integer() else f"{value:g}"
    return str(value)
