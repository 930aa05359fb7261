"""PDF for printing through LibreOffice, converted by one soffice kept warm per app process.

A bridge process (``uno_bridge.py`` under Debian's ``python3``, which has ``uno``) owns a
headless soffice and converts on request, so a conversion costs a document load and export
instead of an office start. Without LibreOffice :func:`pdf_available` is False and the pages
say so; the Word file works regardless.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

BRIDGE = Path(__file__).resolve().with_name("uno_bridge.py")
#: Where python3-uno puts ``uno.py`` on Debian.
UNO_PATHS = (Path("/usr/lib/python3/dist-packages"), Path("/usr/lib/libreoffice/program"))
SYSTEM_PYTHON = Path("/usr/bin/python3")
#: Longest wait for soffice to start or to convert one document, in seconds.
TIMEOUT = 120.0


class PdfUnavailable(RuntimeError):
    """LibreOffice (soffice and python3-uno) is not installed, or the conversion failed."""


def _uno_python() -> tuple[str, dict[str, str]] | None:
    """A Python that can ``import uno`` and the environment to run it with, or None."""
    uno_dir = next((path for path in UNO_PATHS if (path / "uno.py").is_file()), None)
    if uno_dir is None or not SYSTEM_PYTHON.is_file():
        return None
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTHON")}
    env["PYTHONPATH"] = str(uno_dir)
    return str(SYSTEM_PYTHON), env


#: How long an answer of :func:`pdf_available` holds (it walks PATH: ~45 µs, asked per page).
AVAILABLE_SECONDS = 30.0
_available: tuple[float, bool] | None = None


def pdf_available() -> bool:
    """True when soffice and python3-uno are both installed (looked again after 30 s)."""
    global _available
    now = time.monotonic()
    if _available is None or now - _available[0] > AVAILABLE_SECONDS:
        _available = (now, shutil.which("soffice") is not None and _uno_python() is not None)
    return _available[1]


class WarmConverter:
    """One bridge + soffice, started on first use, restarted once if it died."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[str] | None = None
        self._workdir = Path(tempfile.mkdtemp(prefix="stegvis-pdf-"))

    def _start(self) -> subprocess.Popen[str]:
        soffice, python = shutil.which("soffice"), _uno_python()
        if soffice is None or python is None:
            raise PdfUnavailable("LibreOffice is not installed")
        profile = (self._workdir / "profile").as_uri()
        pipe = f"stegvis_{os.getpid()}_{id(self)}"
        process = subprocess.Popen(  # noqa: S603 - fixed arguments, no shell
            # -P: the bridge's folder is not put first on sys.path, so a module of ours named
            # like a standard one (types.py, …) cannot shadow it inside the bridge.
            [python[0], "-P", str(BRIDGE), soffice, profile, pipe],
            env=python[1],
            text=True,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # its own process group: stopping it stops its soffice too
        )
        try:
            ready = json.loads(_reply_line(process) or "{}").get("ready")
        except (json.JSONDecodeError, PdfUnavailable):
            ready = False
        if not ready:
            _kill(process)
            raise PdfUnavailable("LibreOffice did not start")
        return process

    def warm(self) -> None:
        """Start soffice now, so the first conversion does not wait for it."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._process = self._start()

    def convert(self, docx: bytes) -> bytes:
        """The PDF of a .docx; raises :class:`PdfUnavailable`."""
        with self._lock:
            for attempt in (1, 2):
                if self._process is None or self._process.poll() is not None:
                    self._process = self._start()
                try:
                    return self._convert(self._process, docx)
                except (BrokenPipeError, json.JSONDecodeError, OSError):
                    self._process = None
                    if attempt == 2:
                        raise PdfUnavailable("LibreOffice stopped") from None
        raise PdfUnavailable("unreachable")  # pragma: no cover

    def _convert(self, process: subprocess.Popen[str], docx: bytes) -> bytes:
        source, target = self._workdir / "in.docx", self._workdir / "out.pdf"
        source.write_bytes(docx)
        target.unlink(missing_ok=True)
        assert process.stdin is not None and process.stdout is not None
        process.stdin.write(json.dumps({"in": str(source), "out": str(target)}) + "\n")
        process.stdin.flush()
        reply = json.loads(_reply_line(process))
        if not reply.get("ok") or not target.is_file():
            raise PdfUnavailable(f"conversion failed: {reply.get('error', '')}")
        return target.read_bytes()

    def close(self) -> None:
        """Stop the bridge and its soffice."""
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                assert self._process.stdin is not None
                self._process.stdin.close()
                try:
                    self._process.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    _kill(self._process)
            self._process = None
        shutil.rmtree(self._workdir, ignore_errors=True)


def _kill(process: subprocess.Popen[str]) -> None:
    """Stop the bridge and the soffice it started (its process group)."""
    try:
        os.killpg(process.pid, 9)
    except ProcessLookupError:
        pass
    process.wait()


def _reply_line(process: subprocess.Popen[str]) -> str:
    """The bridge's next line; a bridge silent for :data:`TIMEOUT` seconds is stopped."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], TIMEOUT)
    if not ready:
        _kill(process)
        raise PdfUnavailable("LibreOffice did not answer in time")
    return process.stdout.readline()


_converter: WarmConverter | None = None
_converter_lock = threading.Lock()


def converter() -> WarmConverter:
    """This process's converter (created on first use, closed at exit)."""
    global _converter
    with _converter_lock:
        if _converter is None:
            _converter = WarmConverter()
            atexit.register(_converter.close)
        return _converter


def to_pdf(docx: bytes) -> bytes:
    """The PDF of a .docx through the warm converter."""
    if not pdf_available():
        raise PdfUnavailable("LibreOffice is not installed")
    return converter().convert(docx)


def cold_convert(docx: bytes, profile_dir: Path) -> bytes:
    """The PDF through a fresh ``soffice --headless --convert-to pdf`` (the slow baseline)."""
    soffice = shutil.which("soffice")
    if soffice is None:
        raise PdfUnavailable("LibreOffice is not installed")
    with tempfile.TemporaryDirectory(prefix="stegvis-cold-") as tmp:
        source = Path(tmp) / "in.docx"
        source.write_bytes(docx)
        subprocess.run(  # noqa: S603 - fixed arguments, no shell
            [
                soffice,
                f"-env:UserInstallation={profile_dir.as_uri()}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        return (Path(tmp) / "in.pdf").read_bytes()
