"""A dataset at the limits of the schema: the longest names, texts and lists it allows."""

from __future__ import annotations

import itertools

from rolereport.data.facts import Dataset

_WORDS = [
    "interdisciplinary",
    "stakeholder",
    "communication",
    "requires",
    "careful",
    "translation",
    "of",
    "technical",
    "findings",
    "into",
    "recommendations",
    "that",
    "decision",
    "makers",
    "can",
    "act",
    "upon",
    "responsibly",
    "and",
    "quickly",
    "while",
    "documenting",
    "assumptions,",
    "uncertainties",
    "and",
    "the",
    "limits",
    "of",
    "every",
    "statistical",
    "model",
]


def text(n: int, seed: int = 0) -> str:
    """Plain words, exactly `n` characters long."""
    out = ""
    for word in itertools.islice(itertools.cycle(_WORDS), seed % len(_WORDS), None):
        if len(out) + len(word) + 1 > n:
            break
        out = f"{out} {word}" if out else word.capitalize()
    return (out + " " + "x" * n)[:n].rstrip() if len(out) < n - 1 else out


def stress_dataset(roles: int = 4) -> Dataset:
    sources = [
        {"id": f"s{i}", "title": text(160, i), "publisher": text(80, i), "year": 2024,
         "url": "https://example.org/" + "very-long-path-segment/" * 5 + "end"}
        for i in range(20)
    ]  # fmt: skip
    role_ids = [f"role-{i}" for i in range(roles)]
    pay = [(40_000 + 9_000 * i) for i in range(5)]
    data = {
        "meta": {"title": text(80), "subtitle": text(160, 1), "summary": text(900, 2),
                 "as_of": "2024-05", "audience": text(160, 3)},
        "roles": [
            {
                "id": rid, "name": text(80, i), "short_name": text(40, i + 1),
                "occupation": {"code": "15-0000", "title": text(160, i)},
                "focus": text(160, i + 2), "summary": text(900, i + 3),
                "responsibilities": [text(220, i + j) for j in range(8)],
                "skills": [{"name": text(80, j), "detail": text(220, j), "weight": 1 + j % 5}
                           for j in range(10)],
                "tools": [text(40, j) for j in range(15)],
                "education": {"entry_level": text(160, 1), "typical": text(160, 2),
                              "advanced": text(160, 3), "source": "s0"},
                "salary": {"source": "s0", "period": "May 2024", "p10": pay[0] * (i + 1),
                           "p25": pay[1] * (i + 1), "median": pay[2] * (i + 1),
                           "p75": pay[3] * (i + 1), "p90": pay[4] * (i + 1) * 10,
                           "by_location": [{"place": text(80, j), "value": 99_999_999,
                                            "qualifier": text(40, j), "level": text(40, j),
                                            "source": "s1"} for j in range(8)]},
                "outlook": {"source": "s2", "period": "2024–2034", "growth_pct": -99.9 + 60 * i,
                            "openings_per_year": 1_234_567},
                "freelance": {"source": "s3", "hourly_low": 10, "hourly_high": 9_999,
                              "projects": [{"title": text(80, j), "detail": text(220, j),
                                            "source": "s3"} for j in range(8)]},
                "career_path": [{"stage": text(80, j), "years": text(40, j),
                                 "detail": text(220, j)} for j in range(6)],
                "generative_ai": text(900, i),
            }
            for i, rid in enumerate(role_ids)
        ],
        "comparison": {
            "key_differences": [text(220, j) for j in range(8)],
            "collaboration": {"summary": text(900), "example": text(900, 1),
                              "steps": [{"role": role_ids[j % roles], "action": text(220, j)}
                                        for j in range(8)]},
            "takeaways": [text(220, j) for j in range(8)],
            "discussion_questions": [text(220, j) for j in range(10)],
            "self_assessment": [{"statement": text(220, j), "leans": role_ids[j % roles]}
                                for j in range(16)],
        },
        "notes": [{"text": text(900, j), "source": f"s{j}"} for j in range(10)],
        "sources": sources,
    }  # fmt: skip
    return Dataset.model_validate(data)
