"""Properties over generated data: every valid dataset builds both documents, and every broken
one is either still valid or refused with a DataError, never any other exception."""

from __future__ import annotations

import copy
import io
import re
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from rolereport import DataError, Dataset, build_report, load_dataset, render_deck, render_handout

# Plain text as people type it: letters (accented Latin too), digits, spaces and the
# characters that mean something to markup, mathtext or YAML.
LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
ACCENTED = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßÀÉÎÑÖØÜŒœŠšŽžĀāČčĞğŁłŐőŘřŞşŢţŮů"
MARKUP = "&<>\"'$%#;:/=!?()[]{}*_-+,.@\\|^~`"
A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"


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


def _deck_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        parts = [n for n in z.namelist() if re.match(r"ppt/slides/slide\d+\.xml$", n)]
        texts = [t.text or "" for n in parts for t in etree.fromstring(z.read(n)).iter(A_T)]
    return re.sub(r"\s+", " ", " ".join(texts))


@settings(
    max_examples=8,  # each builds two documents: about 5 s
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(data=datasets())
def test_every_valid_dataset_builds_both_documents(theme, data):
    dataset = Dataset.model_validate(data)
    report = build_report(dataset)
    handout, deck = render_handout(report, theme), render_deck(report, theme)
    assert handout.data.startswith(b"%PDF-") and handout.pages >= 2
    assert deck.data.startswith(b"PK") and deck.pages >= 2
    assert dataset.meta.title in _deck_text(deck.data)  # printed as typed, markup and all


# Mutations of a valid dataset


def _containers(node: Any, path: str = "") -> list[tuple[str, Any]]:
    """Every mapping and list in the data, with its key path."""
    found = [(path, node)]
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        if isinstance(value, (dict, list)):
            child = f"{path}.{key}" if isinstance(key, str) else f"{path}[{key}]"
            found += _containers(value, child.lstrip("."))
    return found


WRONG = st.sampled_from([None, 42, -1, 3.5, True, "text", "2024-01-01", [], {}, ["a"], {"a": 1}])


@st.composite
def mutated(draw) -> tuple[str, dict[str, Any]]:
    data = copy.deepcopy(draw(datasets()))
    kind = draw(
        st.sampled_from(["delete", "wrong-type", "percentiles", "unknown-source", "unknown-key"])
    )
    if kind == "percentiles":
        salary = draw(st.sampled_from(data["roles"]))["salary"]
        salary["p90"] = salary["median"] + 10
        salary["p10"] = salary["median"] + 20  # p10 above the median
        return kind, data
    if kind == "unknown-source":
        draw(st.sampled_from(data["roles"]))["salary"]["source"] = "no-such-source"
        return kind, data
    maps = [node for _, node in _containers(data) if isinstance(node, dict) and node]
    target = draw(st.sampled_from(maps))
    if kind == "unknown-key":
        target["colour"] = draw(WRONG)
    elif kind == "delete":
        del target[draw(st.sampled_from(sorted(target)))]
    else:
        target[draw(st.sampled_from(sorted(target)))] = draw(WRONG)
    return kind, data


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


@settings(max_examples=60, deadline=None, database=None)
@given(case=mutated())
def test_a_mutated_dataset_loads_or_raises_a_data_error_with_a_message(folder, case):
    kind, data = case
    path = folder / "data.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    try:
        load_dataset(path)
    except DataError as exc:
        assert exc.problems and all(p.message for p in exc.problems)
        assert str(exc).startswith(str(path))
        if kind == "percentiles":
            assert ".salary." in str(exc) and "must be at least" in str(exc)
        if kind == "unknown-source":
            assert "unknown source 'no-such-source'" in str(exc)
        if kind == "unknown-key":
            assert "colour: unknown key" in str(exc)
    else:
        assert kind in ("delete", "wrong-type")  # an optional key, or a value still allowed
