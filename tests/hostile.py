"""Hostile inputs (/work/shared/RELIABILITY.md): the fixtures and helpers the hostile tests
share, registered as a plugin by conftest.py. Every hostile file is made in the test."""

from __future__ import annotations

import io
import re
import shutil
import socket
import struct
import threading
import time
import zipfile
import zlib
from pathlib import Path

import pytest
import yaml
from conftest import ASSETS, DATASET
from lxml import etree
from PIL import Image

from rolereport import (
    Dataset,
    build_report,
)
from rolereport.cli.main import main

SLUG = "ai-engineer-vs-data-scientist"
PDF, PPTX = f"{SLUG}-handout.pdf", f"{SLUG}-deck.pptx"
A_T = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
MARKUP = (
    "S&P 500",
    "0.1 < A < 0.9",
    '<font color="red">x</font>',
    "Budget $5 and $10",
    "Ba$$in",
    "Tom & Jerry&amp;co <b>bold?</b>",
)
SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"'
GOOD_SVG = f'{SVG_OPEN} width="120" height="40"><rect width="40" height="40"/></svg>'
FONT_KEY = "typography.fonts[0].files[0].path"
TEMPLATE_KEY = "defaults.rolereport.pptx_template"


# Fixtures and helpers


@pytest.fixture(scope="session")
def golden(default_build) -> dict[str, bytes]:
    """The outputs of one good build (the test process's default build): every test starts
    from a copy."""
    return {p.name: p.read_bytes() for p in default_build.paths}


@pytest.fixture
def out(tmp_path, golden) -> Path:
    folder = tmp_path / "out"
    folder.mkdir()
    for name, data in golden.items():
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def assets(tmp_path) -> Path:
    """A copy of the built-in brand to spoil."""
    folder = tmp_path / "assets"
    shutil.copytree(ASSETS, folder)
    return folder


class Listener:
    """A TCP port on 127.0.0.1 that counts the connections made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.1)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}/x.png"
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:  # the timeout: look at the stop flag again
                continue
            self.connections += 1
            conn.close()  # a client that did connect gets an error, not a hang

    def close(self) -> int:
        time.sleep(0.2)  # a connection made at the very end is still counted
        self._stop.set()
        self._thread.join()
        self.sock.close()
        return self.connections


@pytest.fixture
def listener():
    port = Listener()
    yield port
    port.close()


def small_data() -> dict:
    """A small valid dataset: quick to render."""
    role = {"summary": "What the role is.", "salary": {"source": "s", "median": 90000}}
    return {
        "meta": {"title": "Two roles", "summary": "A comparison.", "as_of": "2024"},
        "roles": [{"id": "a", "name": "Analyst", **role}, {"id": "b", "name": "Builder", **role}],
        "sources": [{"id": "s", "title": "A source"}],
    }


@pytest.fixture(scope="module")
def small_report():
    return build_report(Dataset.model_validate(small_data()))


def data_dict() -> dict:
    return yaml.safe_load(DATASET.read_text(encoding="utf-8"))


def write_data(folder: Path, data: dict | str, name: str = "data.yml") -> Path:
    path = folder / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def with_logo(folder: Path, logo: str) -> Path:
    """The brand in `folder` with `logo:` set to one path."""
    brand = folder / "brand.yml"
    text = re.sub(r"(?ms)^logo:.*?(?=^color:)", f"logo: {logo}\n\n", brand.read_text("utf-8"))
    brand.write_text(text, encoding="utf-8")
    return folder


def with_template(folder: Path, data: bytes) -> Path:
    (folder / "template.pptx").write_bytes(data)
    brand = folder / "brand.yml"
    brand.write_text(brand.read_text("utf-8") + "    pptx_template: template.pptx\n", "utf-8")
    return folder


def build(capsys, out: Path, *args: str) -> tuple[int, str]:
    code = main(["build", *args, "--out", str(out)])
    return code, capsys.readouterr().err


def assert_untouched(out: Path, golden: dict[str, bytes]) -> None:
    """The earlier outputs byte for byte, and nothing else (no temporary files)."""
    assert {p.name: p.read_bytes() for p in out.iterdir()} == golden
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def assert_refused(capsys, out: Path, golden, args, file: Path, key: str, *words: str) -> str:
    """Exit code 2 and one `Error:` line naming the file, the key (or line) and the problem."""
    code, err = build(capsys, out, *args)
    assert code == 2, err
    assert err.startswith("Error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    assert f"{file}" in err and f": {key}" in err, err
    for word in words:
        assert word in err, err
    assert_untouched(out, golden)
    return err


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    pages = PdfReader(io.BytesIO(data)).pages
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pages))


def deck_text(data: bytes) -> str:
    texts = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if re.match(r"ppt/(slides|notesSlides)/\w+\.xml$", name):
                texts += [t.text or "" for t in etree.fromstring(z.read(name)).iter(A_T)]
    return re.sub(r"\s+", " ", " ".join(texts))


def png_header(width: int, height: int) -> bytes:
    """A tiny PNG whose header claims `width`×`height` pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body)
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    idat = zlib.compress(b"\x00" * 16)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _gif() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "red").save(buf, "GIF")
    return buf.getvalue()


def pptx_with(extra: dict[str, bytes], replace: dict[str, bytes] | None = None) -> bytes:
    """python-pptx's default template with parts added or replaced."""
    from pptx import Presentation

    buf = io.BytesIO()
    Presentation().save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name in src.namelist():
            z.writestr(name, (replace or {}).get(name, src.read(name)))
        for name, body in extra.items():
            z.writestr(name, body)
    return out.getvalue()
