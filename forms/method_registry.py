"""All method files of forms/methods/, loaded and checked once."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from forms.method_parser import load_method_file
from forms.method_schema import Method

METHODS_DIR = Path(__file__).resolve().parent / "methods"


def load_methods(directory: Path = METHODS_DIR) -> dict[str, Method]:
    """Every method file (files starting with _ are bases); raises MethodError on a mistake."""
    methods = {}
    for path in sorted(directory.glob("*.yaml")):
        if path.name.startswith("_"):
            continue
        method = load_method_file(path)
        methods[method.key] = method
    return methods


@lru_cache(maxsize=1)
def methods() -> dict[str, Method]:
    """The shipped methods (cached; the service checks them at start-up)."""
    return load_methods()


def get_method(key: str) -> Method | None:
    """The method with this key, or None."""
    return methods().get(key)
