"""All method files of forms/methods/, loaded and checked once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import current_app, has_app_context

from forms.method_parser import load_method_file
from forms.method_schema import Method, MethodError

METHODS_DIR = Path(__file__).resolve().parent / "methods"
#: Where the service keeps the methods it started with (app.extensions).
EXTENSION = "stegvis.methods"


def load_methods(directory: Path = METHODS_DIR) -> dict[str, Method]:
    """Every method file (files starting with _ are bases); raises MethodError on a mistake.

    A mistake in a base is reported once, in the base's name, with every method inheriting it.
    """
    methods = {}
    in_base: MethodError | None = None  # the first mistake found in a base file
    heirs: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        try:
            method = load_method_file(path)
        except MethodError as error:
            if error.file == path.name and in_base is None:
                raise
            # A mistake in a base: go on, to name every method that inherits it.
            in_base = in_base or error
            if (error.file, error.where, error.problem) == (
                in_base.file,
                in_base.where,
                in_base.problem,
            ):
                heirs.append(path.name)
            continue
        methods[method.key] = method
    if in_base is not None:
        raise in_base.inherited(tuple(heirs))
    return methods


@lru_cache(maxsize=1)
def shipped_methods() -> dict[str, Method]:
    """The method files of forms/methods/ (cached)."""
    return load_methods()


def methods() -> dict[str, Method]:
    """The methods the running service works by: those it loaded at start-up
    (``METHODS_DIR`` setting, default forms/methods/), else the shipped ones."""
    if has_app_context():
        loaded: dict[str, Method] | None = current_app.extensions.get(EXTENSION)
        if loaded is not None:
            return loaded
    return shipped_methods()


def get_method(key: str) -> Method | None:
    """Today's version of the method with this key, or None when its file is gone."""
    return methods().get(key)
