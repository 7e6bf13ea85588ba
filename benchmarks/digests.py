"""The digest matrix: sha256 of every output of 20 builds (every packaged dataset x the three
brands x Letter/16:9 and A4/4:3, and the stress dataset twice), to prove that a refactor
leaves the bytes alone. usage: .venv/bin/python benchmarks/digests.py OUT.json, before and
after a change; then compare the two JSON files."""

import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
out = pathlib.Path(sys.argv[1]).resolve()
py = sys.executable
datasets = [
    "ai-engineer-vs-data-scientist",
    "ai-engineer-vs-data-scientist-2024",
    "data-careers-compared",
    "ki-ingenieur-vs-data-scientist",
]
brands = {
    "builtin": None,
    "minimal": str(ROOT / "examples/brands/minimal"),
    "northwind": str(ROOT / "examples/brands/northwind"),
}
tmp = pathlib.Path(tempfile.mkdtemp())
# stress dataset as yaml
import stress  # noqa: E402
import yaml  # noqa: E402

d = stress.stress_dataset(4)
sy = tmp / "stress.yml"
sy.write_text(
    yaml.safe_dump(
        d.model_dump(mode="json", exclude_none=True), allow_unicode=True, sort_keys=False
    )
)
jobs = []
for ds in datasets:
    for b, path in brands.items():
        for paper, aspect in (("letter", "16:9"), ("a4", "4:3")):
            if b != "builtin" and paper == "a4" and ds != datasets[0]:
                continue
            jobs.append((ds, b, path, paper, aspect))
jobs.append((str(sy), "builtin", None, "letter", "16:9"))
jobs.append((str(sy), "northwind", brands["northwind"], "a4", "4:3"))
res = {}
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
for ds, b, path, paper, aspect in jobs:
    o = tmp / f"{pathlib.Path(ds).stem}-{b}-{paper}"
    cmd = [
        py,
        "-m",
        "rolereport",
        "build",
        ds,
        "--out",
        str(o),
        "--paper",
        paper,
        "--aspect",
        aspect,
        "--force",
    ]
    cmd += ["--assets", path] if path else []
    r = subprocess.run(cmd, capture_output=True, text=True, env=env, cwd=tmp)
    key = f"{pathlib.Path(ds).stem}|{b}|{paper}|{aspect}"
    if r.returncode:
        res[key] = "ERROR " + r.stderr[-300:]
    else:
        for f in sorted(o.iterdir()):
            res[f"{key}|{f.name.split('-')[-1]}"] = hashlib.sha256(f.read_bytes()).hexdigest()[:16]
    print(key, r.returncode, flush=True)
out.write_text(json.dumps(res, indent=1, sort_keys=True))
