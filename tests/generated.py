"""Hypothesis strategies for data files: valid datasets as plain dicts, in every shape the
schema allows, with text as people type it (accents, markup characters)."""

from __future__ import annotations

from functools import cache
from typing import Any

from hypothesis import strategies as st

# Plain text as people type it: letters (accented Latin too), digits, spaces and the
# characters that mean something to markup, mathtext or YAML.
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ACCENTED = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÉÎÑÖØÜŒœŠšŽžĀāČčĞğŁłŐőŘřŞşŢţŮů"
MARKUP = "&<>\"'$%#;:/=!?()[]{}*_-+,.@\\|^~`"


@cache  # a strategy is immutable: made once per size, drawn from many times
def text(max_size: int) -> st.SearchStrategy[str]:
    """Text the data model keeps as typed: no leading, trailing or doubled spaces."""
    words = st.text(st.sampled_from(LATIN + ACCENTED + MARKUP), min_size=1, max_size=12)
    return st.lists(words, min_size=1, max_size=max(1, max_size // 13)).map(" ".join)


ident = st.from_regex(r"[a-z][a-z0-9]{0,7}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
amount = st.integers(min_value=0, max_value=400_000)


def optional(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.none(), strategy)


def _clean(d: dict[str, Any]) -> dict[str, Any]:
    """Leave out the keys drawn as None or empty: optional sections present or absent."""
    return {k: v for k, v in d.items() if v is not None and v != []}


@st.composite
def salaries(draw, sources: list[str]) -> dict[str, Any]:
    values = sorted(draw(st.lists(amount, min_size=5, max_size=5)))
    keys = ("p10", "p25", "median", "p75", "p90")
    keep = draw(st.lists(st.sampled_from(("p10", "p25", "p75", "p90")), unique=True))
    salary = {k: v for k, v in zip(keys, values, strict=True) if k == "median" or k in keep}
    salary["source"] = draw(st.sampled_from(sources))
    salary["period"] = draw(optional(text(30)))
    salary["by_location"] = draw(
        st.lists(
            st.fixed_dictionaries(
                {"place": text(40), "value": amount, "source": st.sampled_from(sources)}
            ),
            max_size=2,
        )
    )
    return _clean(salary)


@st.composite
def roles(draw, role_id: str, sources: list[str]) -> dict[str, Any]:
    src = st.sampled_from(sources)
    low = draw(st.integers(0, 200))
    role = {
        "id": role_id,
        "name": draw(text(60)),
        "short_name": draw(optional(text(30))),
        "focus": draw(optional(text(100))),
        "summary": draw(text(150)),
        "occupation": draw(optional(st.fixed_dictionaries({"code": text(10), "title": text(60)}))),
        "responsibilities": draw(st.lists(text(120), max_size=2)),
        "skills": draw(
            st.lists(
                st.fixed_dictionaries(
                    {"name": text(40), "weight": st.integers(1, 5)},
                    optional={"detail": text(120)},
                ),
                max_size=2,
            )
        ),
        "tools": draw(st.lists(text(20), max_size=2)),
        "education": draw(
            optional(
                st.fixed_dictionaries(
                    {}, optional={"entry_level": text(60), "typical": text(60), "source": src}
                )
            )
        ),
        "salary": draw(salaries(sources)),
        "outlook": draw(
            optional(
                st.fixed_dictionaries(
                    {"source": src},
                    optional={
                        "growth_pct": st.floats(-50, 80, allow_nan=False).map(
                            lambda x: round(x, 1)
                        ),
                        "openings_per_year": amount,
                    },
                )
            )
        ),
        "freelance": draw(
            optional(
                st.fixed_dictionaries(
                    {
                        "source": src,
                        "hourly_low": st.just(low),
                        "hourly_high": st.integers(low, 400),
                        "projects": st.lists(
                            st.fixed_dictionaries(
                                {"title": text(40)}, optional={"detail": text(100)}
                            ),
                            max_size=2,
                        ),
                    }
                )
            )
        ),
        "career_path": draw(
            st.lists(
                st.fixed_dictionaries({"stage": text(40)}, optional={"years": text(10)}),
                max_size=2,
            )
        ),
        "generative_ai": draw(optional(text(150))),
    }
    return _clean(role)


@st.composite
def datasets(draw) -> dict[str, Any]:
    """A dataset within the schema: 2–4 roles, sources referenced by id, sections optional."""
    source_ids = draw(st.lists(ident, min_size=1, max_size=3, unique=True))
    role_ids = draw(st.lists(ident, min_size=2, max_size=4, unique=True))
    sources = [
        _clean({"id": i, "title": draw(text(80)), "publisher": draw(optional(text(40)))})
        for i in source_ids
    ]
    role_list = [draw(roles(i, source_ids)) for i in role_ids]
    comparison = _clean(
        {
            "key_differences": draw(st.lists(text(120), max_size=2)),
            "takeaways": draw(st.lists(text(120), max_size=2)),
            "discussion_questions": draw(st.lists(text(120), max_size=2)),
            "self_assessment": draw(
                st.lists(
                    st.fixed_dictionaries(
                        {"statement": text(100), "leans": st.sampled_from(role_ids)}
                    ),
                    max_size=2,
                )
            ),
            "collaboration": draw(
                optional(
                    st.fixed_dictionaries(
                        {
                            "summary": text(150),
                            "steps": st.lists(
                                st.fixed_dictionaries(
                                    {"role": st.sampled_from(role_ids), "action": text(100)}
                                ),
                                max_size=2,
                            ),
                        }
                    )
                )
            ),
        }
    )
    meta = _clean(
        {
            "title": draw(text(60)),
            "subtitle": draw(optional(text(80))),
            "summary": draw(text(150)),
            "as_of": draw(st.sampled_from(["2024-05", "2023", "May 2024"])),
            "currency": draw(st.sampled_from(["USD", "EUR", "GBP", "JPY"])),
            "audience": draw(optional(text(60))),
        }
    )
    notes = draw(
        st.lists(
            st.fixed_dictionaries(
                {"text": text(150)}, optional={"source": st.sampled_from(source_ids)}
            ),
            max_size=2,
        )
    )
    return _clean(
        {
            "format": "rolereport/1",
            "meta": meta,
            "roles": role_list,
            "comparison": comparison or None,
            "notes": notes,
            "sources": sources,
        }
    )
