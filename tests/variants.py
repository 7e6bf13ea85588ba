"""Datasets varied for tests: the packaged four-role one, and the same with three roles."""

from __future__ import annotations

FOUR = "data-careers-compared"


def three_roles(dataset):
    """The four-role dataset without its last role, and every reference to it."""
    gone = dataset.roles[-1].id
    c = dataset.comparison
    comparison = c.model_copy(
        update={
            "self_assessment": tuple(s for s in c.self_assessment if s.leans != gone),
            "collaboration": c.collaboration.model_copy(
                update={"steps": tuple(s for s in c.collaboration.steps if s.role != gone)}
            ),
        }
    )
    return dataset.model_copy(update={"roles": dataset.roles[:-1], "comparison": comparison})
