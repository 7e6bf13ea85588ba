"""`rolereport init`: a commented copy of the default dataset (or, with `--blank`, a short
skeleton) and the brand to start editing from."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

from ..brand.file import builtin_assets
from ..data.facts import DEFAULT_DATASET, resolve_dataset
from ..data.schema import describe, json_schema
from ..errors import InputError
from ..files.yamlfile import read_yaml

SCHEMA_FILE = "rolereport.schema.json"
_HEADER = f"""# yaml-language-server: $schema={SCHEMA_FILE}
# A rolereport data file. Edit the text and figures, keep every figure's `source`,
# then run:  rolereport build data.yml --assets assets
# Check it without building:  rolereport check data.yml --assets assets
# Each key is explained once, where it first appears.
"""


# Two roles and every required key, one example each. The examples are real BLS figures
# (May 2024, SOC 15-1252 and 15-2041) so that the skeleton builds as it is without putting a
# made-up number in front of a workshop.
BLANK = f"""# yaml-language-server: $schema={SCHEMA_FILE}
# A blank rolereport data file: two roles and every key rolereport needs, one example each.
# Replace each value with your own, keep every figure's `source`, then run:
#   rolereport check data.yml --assets assets     (checks it, writes nothing)
#   rolereport build data.yml --assets assets     (writes the handout, deck and guide)
# Every other key (skills, tools, education, outlook, freelance rates, career paths,
# discussion questions, ...) is optional: `rolereport init FOLDER` without --blank writes a
# full example with every key explained, and `rolereport schema` lists them all.
format: rolereport/1

meta:
  title: Software Developer vs. Statistician  # the title of the handout and the deck
  summary: >-  # one paragraph for the first page: what is compared, and for whom
    Two careers that work with data and code, compared side by side: what each does
    and what it pays.
  as_of: "2024-05"  # the date of your figures, year and month, in quotes

roles:  # 2 to 4 roles
  - id: software-developer  # a short id of your choice: lower case, hyphens, no spaces
    name: Software Developer  # the role's name as headings show it
    summary: >-  # one paragraph: what the role is and what its work looks like
      Software developers design, build and maintain the applications and systems
      people use.
    salary:
      median: 133080  # median annual pay, a plain number in meta.currency (US dollars)
      source: bls-oews-2024  # the id of the source (below) this figure comes from
  - id: statistician
    name: Statistician
    summary: >-
      Statisticians design surveys and experiments and analyse data to answer
      practical questions.
    salary:
      median: 103300
      source: bls-oews-2024

sources:  # every source a figure cites, each with an id the figures refer to
  - id: bls-oews-2024  # the id that `source:` keys above name
    title: Occupational Employment and Wage Statistics, May 2024  # the title readers can look up
    publisher: U.S. Bureau of Labor Statistics  # optional, as is url: where to find it
    url: https://www.bls.gov/oes/tables.htm
"""


def init_folder(folder: str | Path, blank: bool = False) -> tuple[Path, ...]:
    """Write DATA, the starter brand and the schema into `folder` and return their paths;
    DATA is the full commented example, or with `blank` the short skeleton. Raises
    InputError rather than overwrite anything."""
    root = Path(folder)
    data, assets, schema = root / "data.yml", root / "assets", root / SCHEMA_FILE
    taken = [p for p in (data, assets, schema) if p.exists()]
    if taken:
        raise InputError.at(
            taken[0], "", "already exists; rolereport init never overwrites: choose a new folder"
        )
    root.mkdir(parents=True, exist_ok=True)
    data.write_text(BLANK if blank else commented_dataset(), encoding="utf-8")
    shutil.copytree(builtin_assets(), assets, ignore=shutil.ignore_patterns("__pycache__"))
    schema.write_text(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n", "utf-8")
    return data, assets, schema


def commented_dataset() -> str:
    """The default dataset with a comment explaining each key the first time it appears."""
    path = resolve_dataset(DEFAULT_DATASET)
    lines = path.read_text(encoding="utf-8").splitlines()
    doc = read_yaml(path)
    seen: set[str] = set()
    for key_path, line in sorted(doc.lines.items(), key=lambda kv: kv[1]):
        if key_path.endswith("]"):
            continue  # list items: their keys get the comments
        generic = re.sub(r"\[\d+\]", "[]", key_path)
        text = describe(key_path)
        i = line - 1
        if (
            generic in seen
            or not text
            or "#" in lines[i]
            or not re.match(r"\s*(- )?[\w]+:", lines[i])
        ):
            continue
        seen.add(generic)
        lines[i] = f"{lines[i]}  # {text}"
    body = [ln for ln in lines if not ln.startswith("# ")]
    return _HEADER + "\n".join(body).lstrip("\n") + "\n"
