"""The English article before a role's name goes by how the name is said ("an RN", "a UX
designer"), a role can set its own, and German gets no English article at all."""

from __future__ import annotations

import pytest
from readback import deck_slides, guide_text

from rolereport import build, load_dataset
from rolereport.data.schema import json_schema
from rolereport.errors import DataError
from rolereport.text.labels import Labels, Name, fill
from rolereport.text.labels.articles import english_article


@pytest.mark.parametrize(
    ("name", "article"),
    [
        ("RN", "an"),
        ("NP", "an"),
        ("MBA graduate", "an"),
        ("HR manager", "an"),
        ("UX designer", "a"),
        ("SQL developer", "an"),  # said letter by letter; "a sequel developer" sets article: a
        ("X-ray technician", "an"),
        ("hour", "an"),
        ("honest broker", "an"),
        ("university lecturer", "a"),
        ("user researcher", "a"),
        ("European policy officer", "a"),
        ("one-off consultant", "a"),
        ("AI engineer", "an"),
        ("OR analyst", "an"),
        ("data scientist", "a"),
        ("Software developer", "a"),
        ("umbrella", "an"),
        ("unimportant task", "an"),
    ],
)
def test_the_article_goes_by_how_the_name_is_said(name, article):
    assert english_article(name) == article


def test_the_role_slide_title_says_an_rn_and_a_ux_designer():
    t = Labels.for_language("en")
    assert t("roles_slide_title", role="RN") == "What an RN does"
    assert t("roles_slide_title", role="NP") == "What an NP does"
    assert t("roles_slide_title", role="UX designer") == "What a UX designer does"
    assert fill("{role:a}", role="University lecturer") == "a university lecturer"


def test_a_name_that_carries_its_article_is_written_with_it():
    t = Labels.for_language("en")
    assert t("roles_slide_title", role=Name("SQL developer", "a")) == "What a SQL developer does"


def test_german_labels_add_no_english_article_and_keep_the_capitals():
    t = Labels.for_language("de", {"roles_slide_title": "Arbeitsalltag: {role:a}, {role:lower}"})
    said = t("roles_slide_title", role=Name("Data Scientist", "a"))
    assert said == "Arbeitsalltag: Data Scientist, Data Scientist"


def _with_short_names(names: dict[str, str], articles: dict[str, str] | None = None):
    from conftest import DATASET

    d = load_dataset(DATASET)
    articles = articles or {}
    roles = tuple(
        r.model_copy(update={"short_name": names[r.id], "article": articles.get(r.id)})
        for r in d.roles
    )
    return d.model_copy(update={"roles": roles})


def test_a_deck_and_guide_for_rn_and_np_read_what_an_rn_does(tmp_path, theme):
    d = _with_short_names({"ai-engineer": "RN", "data-scientist": "NP"})
    deck, guide = build(d, theme, tmp_path, only=("pptx", "guide"), parallel=False).paths
    titles = [title for title, _notes in deck_slides(deck.read_bytes())]
    assert "What an RN does" in titles and "What an NP does" in titles
    assert not any(t.startswith(("What a RN", "What a NP")) for t in titles)
    text = guide_text(guide.read_bytes())
    assert "What an RN does" in text and "What an NP does" in text


def test_the_data_file_sets_a_roles_article(tmp_path, theme):
    d = _with_short_names({"ai-engineer": "SQL dev", "data-scientist": "NP"}, {"ai-engineer": "a"})
    (deck,) = build(d, theme, tmp_path, only=("pptx",), parallel=False).paths
    titles = [title for title, _notes in deck_slides(deck.read_bytes())]
    assert "What a SQL dev does" in titles and "What an NP does" in titles


def test_the_article_key_is_in_the_schema_with_its_description_and_takes_only_a_or_an(
    tmp_path, data_text
):
    role = json_schema()["$defs"]["Role"]["properties"]["article"]
    assert "What an RN does" in role["description"]
    bad = tmp_path / "data.yml"
    bad.write_text(
        data_text.replace("short_name: AI engineer", "short_name: AI engineer\n    article: the"),
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=r"roles\[0\]\.article"):
        load_dataset(bad)
