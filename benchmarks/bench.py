"""How fast rolereport builds, as ratios to the cost of starting Python with its libraries.

Run:  .venv/bin/python benchmarks/bench.py [--runs 5] [--json output/bench.json]
(5 rounds by default: the figures issue 14's targets are stated in)

Cold builds start with an empty cache folder (no cached charts, no build stamps); the
rebuild rows keep theirs. Every figure is the median of whole-process runs (or, for the
in-process line, the mean per build), with the peak memory (max RSS) of the process. The
runs go round by round, one of each row per round, so a busy spell on a shared machine
slows every row alike. Ratios
are to the floor measured in the same run: a process that only imports matplotlib's Figure
and Agg canvas, ReportLab's platypus, python-pptx, PyYAML and pydantic. Absolute seconds are
noisy on shared machines; ratios are what we track. The Quarto-like peer
(../shared/bench/quarto_like.py) runs when pypandoc and typst are installed (`pip install -e
".[bench]"`).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The peer lives beside the checkout (../shared/bench), or beside the repository a worktree
# belongs to: the first found going up.
PEER = next(
    (p / "shared" / "bench" / "quarto_like.py" for p in ROOT.parents if (p / "shared").is_dir()),
    ROOT.parent / "shared" / "bench" / "quarto_like.py",
)
DATASETS = ROOT / "src" / "rolereport" / "data" / "datasets"
FLOOR = (
    "from matplotlib.figure import Figure\n"
    "from matplotlib.backends.backend_agg import FigureCanvasAgg\n"
    "import reportlab.platypus, pptx, yaml, pydantic\n"
)
IN_PROCESS = """
import sys, tempfile, time
from pathlib import Path
from rolereport import build, load_brand, load_dataset, packaged_datasets
brands = [load_brand(p) for p in sys.argv[1:]]
data = [load_dataset(n) for n in sorted(packaged_datasets())]
start = time.perf_counter()
n = 0
with tempfile.TemporaryDirectory() as out:
    for d in data:
        for b in brands:
            build(d, b, out)
            n += 1
print((time.perf_counter() - start) / n)
"""


def run(argv: list[str], cache: Path | str = "off") -> tuple[float, float, str]:
    """Wall seconds, peak RSS in MB and stdout of one process, with `cache` as its cache
    folder (`off`: none)."""
    env = {**os.environ, "ROLEREPORT_CACHE_DIR": str(cache)}
    start = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out = proc.stdout.read().decode() if proc.stdout else ""
    err = proc.stderr.read().decode() if proc.stderr else ""
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"failed: {' '.join(argv)}\n{err}")
    return seconds, usage.ru_maxrss / 1024, out


@dataclass
class Case:
    """One row: a process to time, what to do before each run, and its own cache folder."""

    label: str
    argv: list[str]
    setup: Callable[[], None] | None = None
    cache: Path | str = "off"
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)

    def result(self) -> dict[str, float]:
        return {"seconds": statistics.median(self.times), "peak_mb": max(self.peaks)}


def measure(cases: list[Case], runs: int) -> None:
    """Times every case `runs` times, round by round (one run of each case per round), so that
    a busy spell on a shared machine slows every row alike, the floor included."""
    for _ in range(runs):
        for case in cases:
            if case.setup:
                case.setup()
            seconds, peak, _ = run(case.argv, case.cache)
            case.times.append(seconds)
            case.peaks.append(peak)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", type=Path, default=ROOT / "output" / "bench.json")
    args = parser.parse_args()
    py = sys.executable
    cli = [py, "-m", "rolereport", "build"]
    work = Path(tempfile.mkdtemp(prefix="rolereport-bench-"))
    stress = work / "stress.yml"
    _write_stress(stress)
    cases = [Case("floor: import the libraries", [py, "-c", FLOOR])]

    def cold(label: str, extra: list[str]) -> Case:
        """A cold build: before each run, no outputs, no cached charts, no build stamps."""
        out, cache = work / f"out{len(cases)}", work / f"cache{len(cases)}"

        def clean() -> None:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)

        return Case(label, [*cli, *extra, "--out", str(out)], clean, cache)

    cases.append(
        cold("build handout + deck (cold: empty cache)", ["--only", "pdf", "--only", "pptx"])
    )
    cases.append(cold("build all three outputs (cold)", []))
    cases.append(cold("build --only pdf (cold)", ["--only", "pdf"]))
    cases.append(cold("build --only pptx (cold)", ["--only", "pptx"]))
    cases.append(cold("build --only guide (cold)", ["--only", "guide"]))
    rebuild = [*cli, "--out", str(work / "again")]
    run(rebuild, work / "warm")  # the build the next runs find up to date
    cases.append(Case("rebuild, nothing changed", rebuild, cache=work / "warm"))
    # What charts and checks cost: every chart and font check from the cache, all else done.
    forced = [*cli, "--force", "--only", "pdf", "--only", "pptx", "--out", str(work / "forced")]
    cases.append(
        Case("handout + deck, charts from the cache (--force)", forced, cache=work / "warm")
    )
    edited = work / "edited.yml"
    source = (DATASETS / "ai-engineer-vs-data-scientist.yml").read_text(encoding="utf-8")
    edits = iter(range(1, 1000))

    def edit() -> None:  # a facilitator corrects one figure: one chart to redraw
        edited.write_text(source.replace("145080", str(145080 + next(edits))), encoding="utf-8")

    edit()
    again = [*cli, str(edited), "--out", str(work / "edited")]
    run(again, work / "edits")  # the charts the edit does not touch are in the cache
    cases.append(Case("rebuild after editing one figure", again, edit, work / "edits"))
    if PEER.is_file() and _has("pypandoc", "typst"):
        peer = [py, str(PEER), str(DATASETS / "ai-engineer-vs-data-scientist.yml")]
        cases.append(Case("Quarto-like peer (pandoc + Typst)", [*peer, str(work / "peer")]))
    else:
        print("(Quarto-like peer skipped: pip install pypandoc-binary typst)", file=sys.stderr)
    for label, data in (
        ("2 roles", DATASETS / "ai-engineer-vs-data-scientist.yml"),
        ("3 roles", _three_roles(work)),
        ("4 roles", DATASETS / "data-careers-compared.yml"),
        ("stress dataset (4 roles, limits)", stress),
    ):
        cases.append(cold(f"build {label} (cold)", [str(data)]))
    measure(cases, args.runs)
    rows = [(case.label, case.result()) for case in cases]
    brands = [
        ROOT / "assets",
        ROOT / "examples" / "brands" / "northwind",
        ROOT / "examples" / "brands" / "minimal",
    ]
    _, peak, out = run([py, "-c", IN_PROCESS, *map(str, brands)])
    rows.append(
        (
            "per build in one process (9 different builds, no cache)",
            {"seconds": float(out.strip()), "peak_mb": peak},
        )
    )
    shutil.rmtree(work, ignore_errors=True)
    _report(rows, args.json)


def _report(rows: list[tuple[str, dict[str, float]]], path: Path) -> None:
    floor = rows[0][1]["seconds"]
    width = max(len(label) for label, _ in rows)
    print(f"{'':{width}}  {'seconds':>8}  {'× floor':>8}  {'peak MB':>8}")
    for label, r in rows:
        ratio = r["seconds"] / floor
        print(f"{label:{width}}  {r['seconds']:8.2f}  {ratio:8.2f}  {r['peak_mb']:8.0f}")
    result = {label: {**r, "ratio": r["seconds"] / floor} for label, r in rows}
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"floor_seconds": floor, "rows": result}, indent=2) + "\n")
    print(f"\n(JSON: {path})")


def _has(*modules: str) -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) for m in modules)


def _three_roles(work: Path) -> Path:
    """The four-role dataset without its last role, written as a data file."""
    import yaml

    data = yaml.safe_load((DATASETS / "data-careers-compared.yml").read_text(encoding="utf-8"))
    gone = data["roles"].pop()["id"]
    c = data["comparison"]
    c["self_assessment"] = [s for s in c.get("self_assessment", []) if s["leans"] != gone]
    if c.get("collaboration"):
        steps = c["collaboration"].get("steps", [])
        c["collaboration"]["steps"] = [s for s in steps if s["role"] != gone]
    path = work / "three.yml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _write_stress(path: Path) -> None:
    import yaml

    sys.path.insert(0, str(ROOT / "tests"))
    from stress import stress_dataset

    data = stress_dataset().model_dump(exclude_none=True)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


if __name__ == "__main__":
    main()
