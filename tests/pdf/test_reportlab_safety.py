"""ReportLab's safe settings in one place (RELIABILITY.md): its environment variables and
settings file cannot loosen what it fetches or evaluates, nor change the bytes."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import ASSETS, ROOT
from hostile import PDF

# Safe settings in one place (and so: same input, same bytes)


def test_reportlab_environment_and_settings_file_cannot_loosen_safety_or_change_bytes(
    tmp_path, golden, listener
):
    import matplotlib

    home = tmp_path / "home"
    home.mkdir()
    (home / ".reportlab_settings").write_text(
        "trustedHosts = ['*']\ntrustedSchemes = ['http', 'file', 'data']\n"
        "toColorCanUse = 'rl_safe_eval'\nplatypus_link_underline = 1\n"
        "paraFontSizeHeightOffset = 0\n",
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "HOME": str(home),
        "MPLCONFIGDIR": matplotlib.get_configdir(),
        "RL_trustedHosts": "*,127.0.0.1,localhost",
        "RL_trustedSchemes": "http,https,file,data",
        "RL_toColorCanUse": "rl_safe_eval",
        "RL_spaceShrinkage": "0.3",
    }
    script = f"""
import sys
from reportlab import rl_config
from reportlab.lib.colors import toColor
from reportlab.lib.utils import open_for_read
from rolereport import build_report, load_brand, load_dataset, render_handout
assert rl_config.toColorCanUse == "rl_safe_eval" and rl_config.trustedHosts  # loosened ...
pdf = render_handout(build_report(load_dataset()), load_brand({str(ASSETS)!r})).data
assert rl_config.toColorCanUse == "rl_safe_eval" and rl_config.trustedHosts  # the host's again
from rolereport.pdf.setup import safe_settings
with safe_settings():  # what every PDF renders inside
    assert rl_config.trustedHosts is None and rl_config.trustedSchemes == []  # pinned
    for url in ({listener.url!r}, "file:///etc/passwd", "data:text/plain,x"):
        try:
            open_for_read(url)
        except Exception:
            pass
        else:
            sys.exit("fetched " + url)
    try:
        toColor("Color(1, 0, 0)")
    except ValueError:
        pass
    else:
        sys.exit("a colour expression was evaluated")
sys.stdout.buffer.write(pdf)
"""
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, timeout=120
    )
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == golden[PDF]
    assert listener.close() == 0
