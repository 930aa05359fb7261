"""All method files of forms/methods/, loaded and checked once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from forms.method_parser import load_method_file
from forms.method_schema import Method, MethodError

METHODS_DIR = Path(__file__).resolve().parent / "methods"


def load_methods(directory: Path = METHODS_DIR) -> dict[str, Method]:
    """Every method file (files starting with _ are bases); raises MethodError on a mistake."""
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
def methods() -> dict[str, Method]:
    """The shipped methods (cached; the service checks them at start-up)."""
    return load_methods()


def get_method(key: str) -> Method | None:
    """The method with this key, or None."""
    return methods().get(key)
