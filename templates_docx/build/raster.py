"""SVG pictograms to PNG at template-build time, through librsvg and cairo (ctypes).

Word documents carry the PNG (see the README, "Pictures in documents"): every Word version,
LibreOffice and the PDF conversion show it the same. The PNGs are committed next to their SVGs;
a build without librsvg keeps the committed ones.
"""

from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path

#: Pixels of a square PNG: a 17 mm picture at about 430 dpi, sharp in print.
SIZE = 288


class _Rectangle(ctypes.Structure):
    _fields_ = [(name, ctypes.c_double) for name in ("x", "y", "width", "height")]


def _library(name: str, soname: str) -> ctypes.CDLL | None:
    for candidate in (ctypes.util.find_library(name), soname):
        if candidate:
            try:
                return ctypes.CDLL(candidate)
            except OSError:
                continue
    return None


def available() -> bool:
    """Whether librsvg and cairo can be loaded here."""
    return _library("rsvg-2", "librsvg-2.so.2") is not None and (
        _library("cairo", "libcairo.so.2") is not None
    )


def svg_to_png(svg: Path, png: Path, size: int = SIZE) -> None:
    """Render ``svg`` into a ``size`` × ``size`` PNG with a transparent background."""
    rsvg = _library("rsvg-2", "librsvg-2.so.2")
    cairo = _library("cairo", "libcairo.so.2")
    if rsvg is None or cairo is None:
        raise RuntimeError("librsvg or cairo is not installed")
    rsvg.rsvg_handle_new_from_data.restype = ctypes.c_void_p
    rsvg.rsvg_handle_new_from_data.argtypes = [ctypes.c_char_p, ctypes.c_size_t, ctypes.c_void_p]
    rsvg.rsvg_handle_render_document.argtypes = [
        ctypes.c_void_p,
        ctypes.c_void_p,
        ctypes.POINTER(_Rectangle),
        ctypes.c_void_p,
    ]
    cairo.cairo_image_surface_create.restype = ctypes.c_void_p
    cairo.cairo_create.restype = ctypes.c_void_p
    cairo.cairo_create.argtypes = [ctypes.c_void_p]
    cairo.cairo_surface_write_to_png.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    for function in ("cairo_destroy", "cairo_surface_destroy"):
        getattr(cairo, function).argtypes = [ctypes.c_void_p]
    data = svg.read_bytes()
    handle = rsvg.rsvg_handle_new_from_data(data, len(data), None)
    if not handle:
        raise ValueError(f"{svg.name}: not a readable SVG")
    surface = cairo.cairo_image_surface_create(0, size, size)  # CAIRO_FORMAT_ARGB32
    context = cairo.cairo_create(surface)
    viewport = _Rectangle(0, 0, size, size)
    if not rsvg.rsvg_handle_render_document(handle, context, ctypes.byref(viewport), None):
        raise ValueError(f"{svg.name}: could not be drawn")
    if cairo.cairo_surface_write_to_png(surface, str(png).encode()) != 0:
        raise OSError(f"{png}: could not be written")
    cairo.cairo_destroy(context)
    cairo.cairo_surface_destroy(surface)
