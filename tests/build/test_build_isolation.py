"""A build reads each brand file once, the guide needs no PowerPoint library, and importing
and running rolereport leaves other libraries' settings as they were."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from pypdf import PdfReader

from rolereport import build

ROOT = Path(__file__).resolve().parents[2]
NORTHWIND = ROOT / "examples" / "brands" / "northwind"


def _run(script: str, tmp_path: Path, charts_cached: bool = False) -> dict:
    """The last line of what `script` prints, as JSON; it runs in a fresh interpreter with
    every chart drawn, or, where drawing is beside the point, with the run's chart cache."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if not charts_cached:
        env["ROLEREPORT_CACHE_DIR"] = "off"
    env["MPLCONFIGDIR"] = str(tmp_path / "mpl")
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=tmp_path, env=env, capture_output=True, timeout=300
    )
    assert result.returncode == 0, result.stderr.decode()
    return json.loads(result.stdout.decode().splitlines()[-1])


def test_rendering_the_guide_does_not_import_python_pptx(tmp_path):
    script = """
import json, sys
from rolereport import build_report, load_brand, load_dataset, render_guide
render_guide(build_report(load_dataset()), load_brand())
print(json.dumps(sorted(m for m in sys.modules if m == "pptx" or m.startswith("pptx."))))
"""
    assert _run(script, tmp_path) == []


def test_a_build_with_a_template_reads_its_file_once_and_parses_it_once_more_for_the_deck(
    tmp_path,
):
    script = f"""
import json, sys
from pptx.opc.package import OpcPackage
read, parsed = [], []
def audit(event, args):
    if event == "open" and str(args[0]).endswith("template.pptx"):
        read.append(str(args[0]))
sys.addaudithook(audit)
real = OpcPackage.open.__func__
def counting(cls, pkg_file):
    parsed.append(type(pkg_file).__name__)
    return real(cls, pkg_file)
OpcPackage.open = classmethod(counting)
from rolereport import build
build(assets={str(NORTHWIND)!r}, out="out", parallel=False, force=True)
every = {{"read": len(read), "parsed": len(parsed)}}
build(assets={str(NORTHWIND)!r}, out="out", parallel=False, force=True, only=("pdf", "guide"))
pdfs = {{"read": len(read) - every["read"], "parsed": len(parsed) - every["parsed"]}}
print(json.dumps({{"every document": every, "the PDFs": pdfs}}))
"""
    # The brand reads the file once and parses it (layout names and frames); the deck writer
    # parses those bytes again to write the deck. The PDFs need the brand's reading only.
    assert _run(script, tmp_path, charts_cached=True) == {
        "every document": {"read": 1, "parsed": 2},
        "the PDFs": {"read": 1, "parsed": 1},
    }


def test_a_build_leaves_reportlab_fonttools_and_matplotlib_settings_as_they_were(tmp_path):
    script = """
import json, logging, sys
import matplotlib.font_manager as fm
from reportlab import rl_config
import reportlab.platypus, reportlab.pdfgen.canvas, reportlab.lib.styles
from reportlab.lib.styles import ParagraphStyle

def snapshot():
    values = {}
    for name, module in sorted(sys.modules.items()):
        if (name == "reportlab" or name.startswith("reportlab.")) and module is not None:
            for key in dir(rl_config):
                if not key.startswith("_") and key in vars(module):
                    value = vars(module)[key]
                    if not callable(value) and not isinstance(value, type(sys)):
                        values[f"{name}.{key}"] = repr(value)
    return {
        "reportlab": values,
        "paragraph": repr(sorted(ParagraphStyle.defaults.items())),
        "fonttools": logging.getLogger("fontTools").level,
        "fonttools_disabled": logging.getLogger("fontTools").disabled,
        "ttflist": len(fm.fontManager.ttflist),
    }

before = snapshot()
from rolereport import build_report, load_brand, load_dataset, render_deck, render_handout
theme = load_brand()
report = build_report(load_dataset())
render_handout(report, theme)
render_deck(report, theme)
after = snapshot()
changed = {k: (before[k], after[k]) for k in before if k != "reportlab" and before[k] != after[k]}
changed |= {k: (v, after["reportlab"].get(k)) for k, v in before["reportlab"].items()
            if after["reportlab"].get(k) != v}
print(json.dumps(changed))
"""
    assert _run(script, tmp_path) == {}


def test_a_build_reads_the_logo_files_a_few_times_not_once_per_slide_or_page(tmp_path):
    script = f"""
import collections, json, sys
opened = collections.Counter()
def audit(event, args):
    if event == "open" and str(args[0]).startswith({str(ROOT / "assets")!r} + "/logo"):
        opened[str(args[0])] += 1
sys.addaudithook(audit)
from rolereport import build
build(assets={str(ROOT / "assets")!r}, out="out", parallel=False, force=True)
print(json.dumps(opened))
"""
    opened = _run(script, tmp_path, charts_cached=True)
    assert len(opened) == 2  # the small and the large logo
    assert max(opened.values()) == 1, opened  # read once with the brand: checked and decoded


RED, BLUE = "#FF0000", "#0000FF"
SVG_LOGO = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="20">'
    '<rect width="60" height="20" fill="{}"/></svg>'
)


def test_a_logo_replaced_in_place_keeping_its_size_and_time_is_drawn_anew(tmp_path):
    assets = tmp_path / "assets"
    shutil.copytree(ROOT / "assets", assets)
    brand = yaml.safe_load((assets / "brand.yml").read_text(encoding="utf-8"))
    brand["logo"] = "logo.svg"
    (assets / "brand.yml").write_text(yaml.safe_dump(brand), encoding="utf-8")
    logo = assets / "logo.svg"
    logo.write_text(SVG_LOGO.format(RED), encoding="utf-8")

    def cover_fills() -> bytes:
        build(assets=assets, out=tmp_path / "out", only=("pdf",), parallel=False, force=True)
        (handout,) = (tmp_path / "out").iterdir()
        return PdfReader(handout).pages[0].get_contents().get_data()

    assert b"1 0 0 rg" in cover_fills()
    stat = logo.stat()  # as `cp -p` or an unzip would: the same size and time
    logo.write_text(SVG_LOGO.format(BLUE), encoding="utf-8")
    os.utime(logo, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    fills = cover_fills()
    assert b"0 0 1 rg" in fills and b"1 0 0 rg" not in fills
