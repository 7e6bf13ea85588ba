"""`rolereport init`: a commented copy of the default dataset and brand to start editing from."""

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

SCHEMA_FILE = "rolereport.data.schema.json"
_HEADER = f"""# yaml-language-server: $schema={SCHEMA_FILE}
# A rolereport data file. Edit the text and figures, keep every figure's `source`,
# then run:  rolereport build data.yml --assets assets
# Check it without building:  rolereport check data.yml --assets assets
# Each key is explained once, where it first appears.
"""


def init_folder(folder: str | Path) -> tuple[Path, ...]:
    """Write DATA, the starter brand and the schema into `folder`; refuse to overwrite."""
    root = Path(folder)
    data, assets, schema = root / "data.yml", root / "assets", root / SCHEMA_FILE
    taken = [p for p in (data, assets, schema) if p.exists()]
    if taken:
        raise InputError.at(
            taken[0], "", "already exists; rolereport init never overwrites: choose a new folder"
        )
    root.mkdir(parents=True, exist_ok=True)
    data.write_text(commented_dataset(), encoding="utf-8")
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
